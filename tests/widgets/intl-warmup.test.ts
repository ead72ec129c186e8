import { describe, expect, it } from 'vitest';
import { warmIntl } from '../../src/widgets/intl-warmup.ts';

describe('warmIntl', () => {
  it('warms once per page: every caller waits for the same run, and afterwards a number format is ready', async () => {
    const first = warmIntl();
    expect(warmIntl()).toBe(first);
    await first;
    expect(new Intl.NumberFormat('en-US').format(1234.5)).toBe('1,234.5');
  });
});
