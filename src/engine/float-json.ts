// JSON text whose numbers round-trip float64 exactly, including −0 (JSON.stringify writes −0 as "0").
// Numbers use JavaScript's shortest round-trip form; integral values get ".0" and −0 is "-0.0", so that a
// Python reader (json.loads) sees floats, as PyTorch wrote them, and keeps the sign of zero.
// NaN and ±Infinity have no JSON form: they are an error, never a silent null.

export function stringifyFloatJson(value: unknown): string {
  return write(value, '$');
}

function write(value: unknown, path: string): string {
  if (typeof value === 'number') return formatFloat(value, path);
  if (value === null || typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value) || value instanceof Float64Array) {
    return `[${Array.from(value as ArrayLike<unknown>, (v, i) => write(v, `${path}[${i}]`)).join(',')}]`;
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${write(v, `${path}.${k}`)}`).join(',')}}`;
  }
  throw new TypeError(`cannot write ${typeof value} at ${path} as JSON`);
}

export function formatFloat(v: number, path = '$'): string {
  if (!Number.isFinite(v)) throw new RangeError(`${path} is ${v}: JSON numbers must be finite`);
  if (Object.is(v, -0)) return '-0.0';
  const text = String(v);
  return /^-?\d+$/.test(text) ? `${text}.0` : text;
}
