import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MAX_QUERY_LENGTH, PARAMS, defaultValues, formatQuery, parseParam, parseQuery, quoteUntrusted, type ParamName } from '../../src/widgets/params.ts';

describe('parseQuery', () => {
  it('accepts in-range values of every kind', () => {
    const { values, notices } = parseQuery('?p=0.3&seed=7&act=elu&derivative=false');
    expect(values).toEqual({ p: 0.3, seed: 7, act: 'elu', derivative: false });
    expect(notices).toEqual([]);
  });

  it.each([
    ['p=abc', 'p must be a number from 0 to 0.9'],
    ['p=2', 'p must be a number from 0 to 0.9'],
    ['p=', 'p must be a number from 0 to 0.9'],
    ['p=0x1', 'p must be'],
    ['p=Infinity', 'p must be'],
    ['p=NaN', 'p must be'],
    ['depth=1e9', 'depth must be a whole number from 1 to 24'],
    ['depth=2.5', 'depth must be a whole number'],
    ['seed=-1', 'seed must be a whole number from 0 to 999999'],
    ['act=%3Cscript%3E', 'act must be one of relu'],
  ])('rejects %s with a notice naming the valid range and keeps the default', (query, message) => {
    const { values, notices } = parseQuery(query);
    expect(values).toEqual({});
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain(message);
    expect(notices[0]).toContain('Using the default');
  });

  it('ignores unknown names with a notice, and never passes markup through unquoted', () => {
    const { values, notices } = parseQuery('?%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E=1&p=%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E');
    expect(values).toEqual({});
    expect(notices[0]).toMatch(/^Ignored unknown setting "<img src=x onerror=alert\(1\)>"/);
    expect(notices[1]).toContain('"\\"><script>alert(1)</script>"');
  });

  it('refuses an overlong query outright', () => {
    const { values, notices } = parseQuery(`?p=0.1&x=${'9'.repeat(MAX_QUERY_LENGTH)}`);
    expect(values).toEqual({});
    expect(notices[0]).toMatch(/too long/);
  });

  it('never yields a value outside its spec, whatever the input (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...(Object.keys(PARAMS) as ParamName[])), fc.string({ maxLength: 30 }), (name, raw) => {
        const parsed = parseParam(name, raw);
        if (!parsed.ok) return;
        const spec = PARAMS[name];
        if (spec.kind === 'number' || spec.kind === 'integer') {
          expect(typeof parsed.value).toBe('number');
          expect(parsed.value as number).toBeGreaterThanOrEqual(spec.min);
          expect(parsed.value as number).toBeLessThanOrEqual(spec.max);
        } else if (spec.kind === 'choice') {
          expect(spec.values).toContain(parsed.value);
        } else {
          expect(typeof parsed.value).toBe('boolean');
        }
      }),
    );
  });
});

describe('parseQuery on hostile and unusual links', () => {
  it('reads a setting given more than once from its last occurrence, with a notice', () => {
    expect(parseQuery('?p=0.2&p=0.3')).toEqual({ values: { p: 0.3 }, notices: ['p is given more than once in the link; using the last one.'] });
    // The last one decides even when it is bad: the default stays, and both problems are told.
    const { values, notices } = parseQuery('?p=0.2&seed=7&p=abc');
    expect(values).toEqual({ seed: 7 });
    expect(notices).toHaveLength(2);
    expect(notices[1]).toContain('p must be a number from 0 to 0.9; got "abc"');
  });

  it.each([
    ['p=０.３', 'fullwidth digits'],
    ['p=٠.٣', 'Arabic-Indic digits'],
    ['p=0.3\u200b', 'a zero-width space'],
    ['act=ＲＥＬＵ', 'fullwidth letters'],
    ['act=relu\u0000', 'a NUL character'],
  ])('refuses %s (%s) instead of reading it as a number or name', (query, _what) => {
    const { values, notices } = parseQuery(query);
    expect(values).toEqual({});
    expect(notices).toHaveLength(1);
  });

  it('names an unknown unicode setting in the notice', () => {
    expect(parseQuery('?π=3').notices).toEqual(['Ignored unknown setting "π" in the link.']);
  });

  it('survives percent-encoding garbage (decoded to U+FFFD, never thrown)', () => {
    expect(parseQuery('?p=%E0%A4%A').notices[0]).toMatch(/^p must be a number from 0 to 0.9; got "\uFFFD+%A"/);
    expect(parseQuery('?%E0%A4%A=1').notices[0]).toMatch(/^Ignored unknown setting "/);
    expect(parseQuery('?%').notices).toEqual(['Ignored unknown setting "%" in the link.']);
  });

  it('reads an empty or bare query as no settings, and a bare name as an empty value', () => {
    expect(parseQuery('')).toEqual({ values: {}, notices: [] });
    expect(parseQuery('?')).toEqual({ values: {}, notices: [] });
    expect(parseQuery('?p').notices[0]).toContain('p must be a number');
  });

  it('parses a query of the longest allowed length, and refuses a huge one without reading it', () => {
    const longest = `p=${'1'.repeat(MAX_QUERY_LENGTH - 2)}`;
    expect(parseQuery(longest).notices[0]).toMatch(/^p must be a number/);
    const huge = parseQuery(`?p=0.3&junk=${'<script>alert(1)</script>'.repeat(4000)}`);
    expect(huge.values).toEqual({});
    expect(huge.notices).toEqual([expect.stringMatching(/too long \(\d+ characters\)/)]);
    expect(huge.notices[0]).not.toContain('<');
  });

  it('never yields an out-of-spec value nor a notice with control or bidi characters, for any unicode query (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), fc.constantFrom(...(Object.keys(PARAMS) as ParamName[])), (junk, name) => {
        for (const query of [junk, `${name}=${junk}`, `${encodeURIComponent(junk)}=1&${name}=${encodeURIComponent(junk)}`]) {
          const { values, notices } = parseQuery(query);
          for (const notice of notices) expect(notice).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
          for (const [key, value] of Object.entries(values)) expect(parseParam(key as ParamName, value).ok).toBe(true);
        }
      }),
    );
  });
});

describe('formatQuery', () => {
  it('writes only values that differ from the defaults and round-trips through parseQuery', () => {
    const values = { ...defaultValues(), p: 0.25, seed: 42, act: 'elu' as const };
    const query = formatQuery(values);
    expect(query).toBe('?p=0.25&seed=42&act=elu');
    expect(parseQuery(query)).toEqual({ values: { p: 0.25, seed: 42, act: 'elu' }, notices: [] });
  });

  it('is empty for the defaults', () => {
    expect(formatQuery(defaultValues())).toBe('');
  });
});

describe('quoteUntrusted', () => {
  it('shortens and neutralises control characters', () => {
    expect(quoteUntrusted('a\u0000b')).toBe('"a?b"');
    expect(quoteUntrusted('x'.repeat(100), 5)).toBe('"xxxxx…"');
  });

  it('neutralises bidirectional overrides, which could make a notice read differently from the link', () => {
    expect(quoteUntrusted('ab\u202Ecba\u2066')).toBe('"ab?cba?"');
  });

  it('cuts by code points, never between the halves of a surrogate pair', () => {
    expect(quoteUntrusted('😀'.repeat(10), 3)).toBe('"😀😀😀…"');
  });
});
