// The served asset is gzip-compressed (format.ts). These undo it with the platform's DecompressionStream (browsers,
// workers and Node alike), and pass bytes through untouched when a host already decoded them (some hosts send
// .bin files with Content-Encoding: gzip, and then fetch hands over the plain container).

import { type DigitsResult, parseDigitsAsset } from './parse.ts';

/** True for bytes that start with the gzip magic number 1f 8b. */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** Decompresses gzip bytes; rejects on corrupt or truncated input. */
export async function gunzip(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** The asset from the bytes of the file as served (gzip or not). Resolves, never rejects: a damaged file gives
 * `{ ok: false, error }` with a readable sentence. */
export async function decodeDigitsFile(bytes: Uint8Array): Promise<DigitsResult> {
  if (!isGzip(bytes)) return parseDigitsAsset(bytes);
  let plain: Uint8Array;
  try {
    plain = await gunzip(bytes);
  } catch {
    return { ok: false, error: 'The digits data could not be read: the compressed file is truncated or corrupt.' };
  }
  return parseDigitsAsset(plain);
}
