/**
 * The layer-stats worker's messages, answered by a pure function (worker.ts only wires it to postMessage).
 * - StatsRequest → StatsReply: the whole LayerStats at once (what the controller sends today).
 * - ChunkRequest → ChunkReply: one piece at a time, so a deep network never means one long task: one activation
 *   column ({ kind: 'column' }), or a whole depth scan for one activation and init ({ kind: 'vanishing' }, about
 *   MAX_DEPTH² / 2 layers' work: best sent one activation per message).
 */
import { layerStats, layerStatsColumn, normalizeLayerStatsSettings, type ActivationColumn, type LayerStats, type LayerStatsActivation, type LayerStatsSettings } from './model.ts';
import { gradientRatio, vanishingDepth, type VanishingScan, type VanishingScanSettings } from './vanishing.ts';
import type { InitScheme } from '../../src/engine/index.ts';

export type StatsRequest = { id: number; settings: LayerStatsSettings<LayerStatsActivation> };
export type StatsReply = { id: number; stats: LayerStats<LayerStatsActivation> } | { id: number; error: string };

export type ChunkRequest =
  | { id: number; kind: 'column'; settings: LayerStatsSettings<LayerStatsActivation>; act: LayerStatsActivation }
  | { id: number; kind: 'vanishing'; scan: VanishingScanSettings }
  // One depth of a scan: the first / last gradient ratio of one network (a short message, so a newer request waits little).
  | { id: number; kind: 'ratio'; act: LayerStatsActivation; init: InitScheme; depth: number; width: number; seed: number };
export type ChunkReply =
  | { id: number; kind: 'column'; column: ActivationColumn<LayerStatsActivation> }
  | { id: number; kind: 'vanishing'; scan: VanishingScan }
  | { id: number; kind: 'ratio'; ratio: number }
  | { id: number; error: string };

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export function answerStats({ id, settings }: StatsRequest): StatsReply {
  try {
    return { id, stats: layerStats(settings) };
  } catch (error) {
    return { id, error: message(error) };
  }
}

export function answerChunk(request: ChunkRequest): ChunkReply {
  const { id } = request;
  try {
    if (request.kind === 'column') {
      return { id, kind: 'column', column: layerStatsColumn(normalizeLayerStatsSettings(request.settings), request.act) };
    }
    if (request.kind === 'ratio') return { id, kind: 'ratio', ratio: gradientRatio(request.act, request.init, request.depth, request.width, request.seed) };
    return { id, kind: 'vanishing', scan: vanishingDepth(request.scan) };
  } catch (error) {
    return { id, error: message(error) };
  }
}

export function isChunkRequest(request: StatsRequest | ChunkRequest): request is ChunkRequest {
  return 'kind' in request;
}
