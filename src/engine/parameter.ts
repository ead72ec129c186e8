// A learned parameter and its gradient, side by side (micrograd's Value.data / Value.grad, over a whole array).
// The optimiser walks a list of these; it never needs to know which layer a parameter belongs to.

export interface Parameter {
  /** Readable path, e.g. "layers.0.W", "layers.1.b", "hidden.0.prelu_slope". */
  readonly name: string;
  readonly value: Float64Array;
  readonly grad: Float64Array;
}

export function createParameter(name: string, value: Float64Array): Parameter {
  return { name, value, grad: new Float64Array(value.length) };
}
