/**
 * A Lamport clock for the parameters shared between windows: each local change increments the
 * version; a window adopts a message only if it is newer. Equal versions from different writers
 * are ordered by the writer's id, so every window picks the same winner.
 */
export interface Stamp {
  version: number;
  writer: string;
}

export function isNewer(incoming: Stamp, current: Stamp): boolean {
  if (!Number.isSafeInteger(incoming.version) || incoming.version < 0) return false;
  if (incoming.version !== current.version) return incoming.version > current.version;
  return incoming.writer > current.writer;
}
