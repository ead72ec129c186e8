// Recursive comparison of a replay result with a case's `expected`, with the project's tolerance
// |got − expected| ≤ 1e-9 · max(1, |expected|) and exactly the same keys.

/** Compares got with expected recursively; returns a list of problems (empty when everything matches). */
export function compareWithTolerance(got: unknown, expected: unknown, path = '$', problems: string[] = []): string[] {
  if (typeof expected === 'number') {
    if (typeof got !== 'number') problems.push(`${path}: expected a number, got ${JSON.stringify(got)}`);
    else if (!(Math.abs(got - expected) <= 1e-9 * Math.max(1, Math.abs(expected)))) problems.push(`${path}: got ${got}, expected ${expected}`);
  } else if (Array.isArray(expected)) {
    if (!Array.isArray(got) || got.length !== expected.length) problems.push(`${path}: expected an array of ${expected.length}, got ${JSON.stringify(got)?.slice(0, 80)}`);
    else expected.forEach((e, i) => compareWithTolerance(got[i], e, `${path}[${i}]`, problems));
  } else if (expected !== null && typeof expected === 'object') {
    const keys = Object.keys(expected);
    if (got === null || typeof got !== 'object' || Array.isArray(got)) problems.push(`${path}: expected an object`);
    else {
      const gotKeys = Object.keys(got);
      if (JSON.stringify([...gotKeys].sort()) !== JSON.stringify([...keys].sort())) problems.push(`${path}: keys ${gotKeys} instead of ${keys}`);
      for (const k of keys) compareWithTolerance((got as Record<string, unknown>)[k], (expected as Record<string, unknown>)[k], `${path}.${k}`, problems);
    }
  } else problems.push(`${path}: unexpected expected value ${JSON.stringify(expected)}`);
  return problems;
}
