import { describe, expect, it } from 'vitest';
import { layerStats, layerStatsColumn, normalizeLayerStatsSettings } from '../../../components/layer-stats/model.ts';
import { answerChunk, answerStats, isChunkRequest } from '../../../components/layer-stats/requests.ts';
import { vanishingDepth, createVanishingScan, nextDepth, recordRatio } from '../../../components/layer-stats/vanishing.ts';

const settings = { depth: 4, width: 16, seed: 3, layer: 2, sigmoid: true };

describe('layer-stats worker messages', () => {
  it('answers the whole-statistics request the controller sends today', () => {
    expect(isChunkRequest({ id: 1, settings })).toBe(false);
    expect(answerStats({ id: 1, settings })).toEqual({ id: 1, stats: layerStats(settings) });
  });

  it('answers one column, or one depth scan, per message', () => {
    const wide = { ...settings, acts: ['relu', 'elu'] as const, init: 'xavier' as const };
    const column = answerChunk({ id: 2, kind: 'column', settings: wide, act: 'elu' });
    expect(column).toEqual({ id: 2, kind: 'column', column: layerStatsColumn(normalizeLayerStatsSettings(wide), 'elu') });
    const scan = { act: 'sigmoid', init: 'xavier-normal', width: 16, seed: 3, maxDepth: 6 } as const;
    expect(answerChunk({ id: 3, kind: 'vanishing', scan })).toEqual({ id: 3, kind: 'vanishing', scan: vanishingDepth(scan) });
  });

  it('answers one depth of a scan per message; recording them gives the whole scan', () => {
    const settings = { act: 'sigmoid', init: 'xavier-normal', width: 16, seed: 3, maxDepth: 12 } as const;
    const scan = createVanishingScan(settings);
    let id = 10;
    while (!scan.done) {
      const reply = answerChunk({ id: ++id, kind: 'ratio', act: scan.act, init: scan.init, depth: nextDepth(scan), width: scan.width, seed: scan.seed });
      if (!('ratio' in reply)) throw new Error('expected a ratio');
      recordRatio(scan, reply.ratio);
    }
    expect(scan).toEqual(vanishingDepth(settings));
  });

  it('turns a failure into an error reply naming the problem', () => {
    const reply = answerChunk({ id: 4, kind: 'vanishing', scan: { act: 'relu', init: 'he-normal', width: 16, seed: 3, threshold: 0 } });
    expect(reply).toEqual({ id: 4, error: 'vanishing threshold must be in (0, 1), got 0' });
  });
});
