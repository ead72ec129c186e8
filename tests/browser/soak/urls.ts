import type { Rng } from '../../../src/engine/index.ts';
import { PARAMS, type ParamName, type ParamSpec } from '../../../src/widgets/params.ts';

/**
 * Random addresses of the site's pages, as a reader might paste or a link might carry them: queries with valid,
 * out-of-range, malformed and unknown settings, and hashes with deck positions (in and out of range), headings'
 * ids and junk. Built from the parameter table and the build, never from a hand-written list of today's pages.
 */
const NAMES = Object.keys(PARAMS) as ParamName[];

function validValue(rng: Rng, spec: ParamSpec): string {
  switch (spec.kind) {
    case 'number': {
      const steps = Math.round((spec.max - spec.min) / spec.step);
      return String(Number((spec.min + rng.integer(steps + 1) * spec.step).toFixed(6)));
    }
    case 'integer':
      return String(rng.uniform() < 0.8 ? rng.integer(spec.min, Math.min(spec.max, spec.min + 20) + 1) : rng.integer(spec.min, spec.max + 1));
    case 'choice':
      return spec.values[rng.integer(spec.values.length)];
    case 'boolean':
      return rng.uniform() < 0.5 ? 'true' : 'false';
  }
}

const BAD_VALUES = ['', 'NaN', 'Infinity', '-Infinity', '1e999', '-1', '0x10', 'abc', '1.2.3', '99999999', '%E0%A4%A', '<b>x</b>', ' 1 '];

/** A query string (with its `?`, or empty): a few settings, most valid, some not. */
export function randomQuery(rng: Rng): string {
  const roll = rng.uniform();
  if (roll < 0.25) return '';
  if (roll < 0.28) return `?p=${'9'.repeat(2100)}`; // longer than the store accepts
  const parts: string[] = [];
  const count = 1 + rng.integer(4);
  for (let i = 0; i < count; i++) {
    const kind = rng.uniform();
    if (kind < 0.1) parts.push(`unknown${rng.integer(3)}=${rng.integer(100)}`);
    else {
      const name = NAMES[rng.integer(NAMES.length)];
      const value = kind < 0.75 ? encodeURIComponent(validValue(rng, PARAMS[name])) : BAD_VALUES[rng.integer(BAD_VALUES.length)];
      parts.push(`${name}=${value}`);
    }
  }
  return `?${parts.join('&')}`;
}

/** A hash (with its `#`, or empty): a deck position, a heading's id or junk. */
export function randomHash(rng: Rng, ids: readonly string[], slides: number): string {
  const roll = rng.uniform();
  if (roll < 0.2) return '';
  if (roll < 0.6) return `#/${rng.integer(slides + 3)}/${rng.integer(8)}`;
  if (roll < 0.65) return `#/${rng.integer(slides + 1)}`;
  if (roll < 0.85 && ids.length > 0) return `#${ids[rng.integer(ids.length)]}`;
  const junk = ['#', '#/', '#/-1/2', '#/99999999999999999999/1', '#/a/b', '#%', '#%E0%A4%A', `#/${'1'.repeat(70)}`, '#<img>'];
  return junk[rng.integer(junk.length)];
}
