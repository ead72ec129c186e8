import { describe, expect, it } from 'vitest';
import { isNewer } from '../../src/widgets/sync-clock.ts';

describe('isNewer', () => {
  it('orders by version, then by writer, the same way from both sides', () => {
    expect(isNewer({ version: 3, writer: 'a' }, { version: 2, writer: 'z' })).toBe(true);
    expect(isNewer({ version: 2, writer: 'z' }, { version: 3, writer: 'a' })).toBe(false);
    const a = { version: 5, writer: 'a' };
    const b = { version: 5, writer: 'b' };
    expect(isNewer(b, a)).toBe(true);
    expect(isNewer(a, b)).toBe(false);
    expect(isNewer(a, a)).toBe(false);
  });

  it('ignores malformed versions from another window', () => {
    expect(isNewer({ version: NaN, writer: 'z' }, { version: 0, writer: 'a' })).toBe(false);
    expect(isNewer({ version: -1, writer: 'z' }, { version: 0, writer: 'a' })).toBe(false);
    expect(isNewer({ version: 1e300, writer: 'z' }, { version: 0, writer: 'a' })).toBe(false);
  });
});
