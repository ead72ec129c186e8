/**
 * Computes the layer statistics off the main thread: a 6 × 128 network on 256 points takes about 100 ms per
 * activation, far more than one frame's budget. The model is the same pure function the tests check.
 */
import { layerStats, type LayerStats, type LayerStatsSettings } from './model.ts';

export type StatsRequest = { id: number; settings: LayerStatsSettings };
export type StatsReply = { id: number; stats: LayerStats } | { id: number; error: string };

self.onmessage = (event: MessageEvent<StatsRequest>) => {
  const { id, settings } = event.data;
  let reply: StatsReply;
  try {
    reply = { id, stats: layerStats(settings) };
  } catch (error) {
    reply = { id, error: error instanceof Error ? error.message : String(error) };
  }
  self.postMessage(reply);
};
