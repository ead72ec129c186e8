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
    ['depth=1e9', 'depth must be a whole number from 1 to 6'],
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
});
