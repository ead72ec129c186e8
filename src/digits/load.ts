// Fetches the digits asset with download progress, then decodes it (gzip.ts, parse.ts). DOM-free: uses only fetch
// and streams, so a Worker can call it as well as the page. Progress is counted on the bytes as they arrive; the
// total is the Content-Length when the host sends one and did not re-encode the body, else null (unknown).

import { decodeDigitsFile } from './gzip.ts';
import type { DigitsResult } from './parse.ts';

export interface LoadDigitsOptions {
  /** Called as bytes arrive: bytes so far, and the total when known. */
  readonly onProgress?: (loaded: number, total: number | null) => void;
  readonly signal?: AbortSignal;
  /** Defaults to the global fetch (injectable for tests). */
  readonly fetch?: (url: string, init?: RequestInit) => Promise<Response>;
}

/** Downloads `url` and decodes it. Resolves `{ ok: false, error }` for a network or HTTP failure and for a damaged
 * file; rejects only when `signal` aborts (with the abort reason). */
export async function loadDigits(url: string, options: LoadDigitsOptions = {}): Promise<DigitsResult> {
  let bytes: Uint8Array;
  try {
    bytes = await fetchBytes(url, options);
  } catch (error) {
    if (options.signal?.aborted) throw options.signal.reason;
    return { ok: false, error: `The digits data could not be downloaded: ${error instanceof Error ? error.message : String(error)}` };
  }
  return decodeDigitsFile(bytes);
}

/** The body of `url` as bytes, reporting progress chunk by chunk. Rejects on a network error or a non-2xx status. */
export async function fetchBytes(url: string, { onProgress, signal, fetch: fetchImpl = fetch }: LoadDigitsOptions = {}): Promise<Uint8Array> {
  const response = await fetchImpl(url, { signal });
  if (!response.ok) throw new Error(`${url} answered HTTP ${response.status}`);
  const total = declaredLength(response);
  if (response.body === null) {
    const bytes = new Uint8Array(await response.arrayBuffer());
    onProgress?.(bytes.length, total ?? bytes.length);
    return bytes;
  }
  const chunks: Uint8Array[] = [];
  let loaded = 0;
  const reader = response.body.getReader();
  onProgress?.(0, total);
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    loaded += value.length;
    onProgress?.(loaded, total !== null && loaded <= total ? total : null);
  }
  const bytes = new Uint8Array(loaded);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}

/** Content-Length, when it describes the bytes the body will yield (not with a Content-Encoding). */
function declaredLength(response: Response): number | null {
  if (response.headers.get('content-encoding')) return null;
  const length = Number(response.headers.get('content-length'));
  return Number.isInteger(length) && length > 0 ? length : null;
}
