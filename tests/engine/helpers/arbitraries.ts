// fast-check generators shared by the engine tests.
import fc from 'fast-check';

/** Finite doubles in [-limit, limit], -0 included. */
export const finiteDouble = (limit = 50): fc.Arbitrary<number> => fc.double({ min: -limit, max: limit, noNaN: true });

/** Doubles in [-limit, limit] at least `gap` away from 0: for finite differences away from a kink at 0. */
export const awayFromZero = (limit = 6, gap = 1e-3): fc.Arbitrary<number> =>
  fc.double({ min: gap, max: limit, noNaN: true }).chain((v) => fc.constantFrom(v, -v));

export const vectorOf = (element: fc.Arbitrary<number>, maxLength = 20): fc.Arbitrary<Float64Array> =>
  fc.array(element, { minLength: 0, maxLength }).map((values) => Float64Array.from(values));

/** The points every activation test probes, as in the PyTorch cases: the kink (0 and −0), ±1e-7, ±30. */
export const SPECIAL_POINTS = Float64Array.of(0, -0, 1e-7, -1e-7, 30, -30, 1, -1);
