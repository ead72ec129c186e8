/**
 * Computes the layer statistics off the main thread: at depth 20 one activation column takes tens of milliseconds
 * and a depth scan hundreds, far more than one frame's budget. The answers come from requests.ts, the same pure
 * functions the tests check.
 */
import { answerChunk, answerStats, isChunkRequest, type ChunkRequest, type StatsRequest } from './requests.ts';

export type { ChunkReply, ChunkRequest, StatsReply, StatsRequest } from './requests.ts';

self.onmessage = (event: MessageEvent<StatsRequest | ChunkRequest>) => {
  const request = event.data;
  self.postMessage(isChunkRequest(request) ? answerChunk(request) : answerStats(request));
};
