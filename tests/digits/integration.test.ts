import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

describe('digits asset integration', () => {
  it('runs before offline-precache, so the service worker precaches the asset', () => {
    const config = readFileSync(new URL('../../astro.config.mjs', import.meta.url), 'utf8');
    const list = /integrations:\s*\[([^\]]*)\]/.exec(config)?.[1] ?? '';
    expect(list.indexOf('digitsAsset()')).toBeGreaterThan(-1);
    expect(list.indexOf('digitsAsset()')).toBeLessThan(list.indexOf('offlinePrecache()'));
  });
});
