// Argument checks shared by the public entry points.
// Bad input fails loudly: a RangeError for a value outside its valid range, a TypeError for the wrong kind of
// value, and the message always names what would have been valid.

/** A finite number (not NaN, not ±Infinity). */
export function assertFiniteNumber(value: unknown, what: string): asserts value is number {
  if (typeof value !== 'number') throw new TypeError(`${what} must be a finite number, got ${describeValue(value)}`);
  if (!Number.isFinite(value)) throw new RangeError(`${what} must be a finite number, got ${value}`);
}

/** An integer in [min, max]. */
export function assertInteger(value: unknown, what: string, min = 0, max = Number.MAX_SAFE_INTEGER): asserts value is number {
  if (typeof value !== 'number') throw new TypeError(`${what} must be an integer in [${min}, ${max}], got ${describeValue(value)}`);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`${what} must be an integer in [${min}, ${max}], got ${value}`);
  }
}

/** A number in the half-open interval [min, max). NaN fails too. */
export function assertInHalfOpenRange(value: unknown, what: string, min: number, max: number): asserts value is number {
  if (typeof value !== 'number') throw new TypeError(`${what} must be in [${min}, ${max}), got ${describeValue(value)}`);
  if (!(value >= min && value < max)) throw new RangeError(`${what} must be in [${min}, ${max}), got ${value}`);
}

/** A number in the closed interval [min, max]. NaN fails too. */
export function assertInClosedRange(value: unknown, what: string, min: number, max: number): asserts value is number {
  if (typeof value !== 'number') throw new TypeError(`${what} must be in [${min}, ${max}], got ${describeValue(value)}`);
  if (!(value >= min && value <= max)) throw new RangeError(`${what} must be in [${min}, ${max}], got ${value}`);
}

/** A Float64Array (the engine computes in float64 only: float32 would not match PyTorch to 1e-9). */
export function assertFloat64Array(value: unknown, what: string, length?: number): asserts value is Float64Array {
  if (!(value instanceof Float64Array)) throw new TypeError(`${what} must be a Float64Array, got ${describeValue(value)}`);
  if (length !== undefined && value.length !== length) {
    throw new RangeError(`${what} must have length ${length}, got ${value.length}`);
  }
}

/** Every element finite. Reports the first offending index. */
export function assertAllFinite(values: ArrayLike<number>, what: string): void {
  if (values instanceof Float64Array && allFinite(values)) return; // the common case, fast; else find the culprit
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw new RangeError(`${what}[${i}] must be a finite number, got ${v}`);
    }
  }
}

/** v · 0 is ±0 for a finite v and NaN for ±Infinity or NaN, so the sum is 0 exactly when every element is finite:
 * no branch per element, four independent sums (a whole MNIST test set is checked before every forward pass). */
function allFinite(values: Float64Array): boolean {
  let s0 = 0, s1 = 0, s2 = 0, s3 = 0, i = 0;
  const n = values.length;
  for (; i + 4 <= n; i += 4) {
    s0 += values[i] * 0; s1 += values[i + 1] * 0; s2 += values[i + 2] * 0; s3 += values[i + 3] * 0;
  }
  for (; i < n; i++) s0 += values[i] * 0;
  return s0 + s1 + s2 + s3 === 0;
}

/** A Float64Array of the given length whose elements are all finite. */
export function assertFiniteVector(value: unknown, what: string, length?: number): asserts value is Float64Array {
  assertFloat64Array(value, what, length);
  assertAllFinite(value, what);
}

/** A dropout mask: every element exactly 0 (dropped) or 1 (kept). */
export function assertBinaryMask(mask: unknown, what: string, length: number): asserts mask is Float64Array {
  assertFloat64Array(mask, what, length);
  for (let i = 0; i < mask.length; i++) {
    const m = mask[i];
    if (m !== 0 && m !== 1) throw new RangeError(`${what}[${i}] must be 0 (dropped) or 1 (kept), got ${m}`);
  }
}

/** Rejects option keys that are not understood (catches typos such as `negativeSlope`). */
export function assertKnownKeys(object: object, allowed: readonly string[], what: string): void {
  for (const key of Object.keys(object)) {
    if (!allowed.includes(key)) {
      const valid = allowed.length ? allowed.join(', ') : 'none';
      throw new TypeError(`${what}: unknown key "${key}" (valid: ${valid})`);
    }
  }
}

export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `array(${value.length})`;
  if (ArrayBuffer.isView(value)) return `${value.constructor.name}(${(value as unknown as ArrayLike<number>).length})`;
  if (typeof value === 'object') return 'object';
  if (typeof value === 'string') return JSON.stringify(value);
  return String(value);
}
