import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { encodeDigitsAsset } from '../../src/digits/encode.ts';
import { fetchBytes, loadDigits } from '../../src/digits/load.ts';
import { tinyAsset } from './helpers.ts';

const asset = tinyAsset(40, 10);
const file = new Uint8Array(gzipSync(encodeDigitsAsset(asset)));

/** A fetch that answers with `body` in chunks of `chunk` bytes and the given headers. */
function fakeFetch(body: Uint8Array, { chunk = 64, status = 200, headers = { 'content-length': String(body.length) } as Record<string, string> } = {}) {
  return async (_url: string, init?: RequestInit): Promise<Response> => {
    init?.signal?.throwIfAborted();
    let at = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (at >= body.length) controller.close();
        else controller.enqueue(body.slice(at, (at += chunk)));
      },
    });
    return new Response(stream, { status, headers });
  };
}

describe('loadDigits', () => {
  it('downloads, reports progress against Content-Length, and decodes', async () => {
    const progress: [number, number | null][] = [];
    const result = await loadDigits('/data/x.bin', { fetch: fakeFetch(file), onProgress: (loaded, total) => progress.push([loaded, total]) });
    expect(result).toEqual({ ok: true, digits: asset });
    expect(progress[0]).toEqual([0, file.length]);
    expect(progress.at(-1)).toEqual([file.length, file.length]);
    expect(progress.length).toBe(1 + Math.ceil(file.length / 64));
    for (let i = 1; i < progress.length; i++) expect(progress[i][0]).toBeGreaterThan(progress[i - 1][0]);
  });

  it('reports an unknown total when the host sends no length or re-encodes the body', async () => {
    const totals = new Set<number | null>();
    await loadDigits('/x', { fetch: fakeFetch(file, { headers: {} }), onProgress: (_, total) => totals.add(total) });
    await loadDigits('/x', { fetch: fakeFetch(file, { headers: { 'content-encoding': 'gzip', 'content-length': '10' } }), onProgress: (_, total) => totals.add(total) });
    expect([...totals]).toEqual([null]);
  });

  it('turns HTTP and network failures and a truncated download into readable errors', async () => {
    expect(await loadDigits('/missing.bin', { fetch: fakeFetch(new Uint8Array(0), { status: 404 }) })).toEqual({
      ok: false,
      error: 'The digits data could not be downloaded: /missing.bin answered HTTP 404',
    });
    const offline = async (): Promise<Response> => Promise.reject(new TypeError('Failed to fetch'));
    expect(await loadDigits('/x', { fetch: offline })).toEqual({ ok: false, error: 'The digits data could not be downloaded: Failed to fetch' });
    const truncated = await loadDigits('/x', { fetch: fakeFetch(file.subarray(0, 100)) });
    expect(truncated).toEqual({ ok: false, error: expect.stringMatching(/truncated or corrupt/) });
  });

  it('rejects with the abort reason when cancelled', async () => {
    const controller = new AbortController();
    controller.abort(new Error('widget stopped'));
    await expect(loadDigits('/x', { fetch: fakeFetch(file), signal: controller.signal })).rejects.toThrow('widget stopped');
    expect((await fetchBytes('/x', { fetch: fakeFetch(file, { chunk: 1000 }) })).length).toBe(file.length);
  });
});
