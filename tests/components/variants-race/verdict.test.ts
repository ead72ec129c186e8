import { describe, expect, it } from 'vitest';
import { createVariantsRace, stepChunk } from '../../../components/variants-race/model.ts';
import { pairedDifference, spread, type LaneSummary } from '../../../components/variants-race/summary.ts';
import { verdictFrom, type VerdictContext } from '../../../components/variants-race/verdict.ts';
import { describeVariantsRace } from '../../../components/variants-race/describe.ts';

const lane = (act: LaneSummary['act'], label: string, inactive: number[], accuracy: number[], means: number[][] = [[0.2, 0.2, 0.2]], diverged = 0): LaneSummary => ({
  act,
  label,
  diverged,
  trainLoss: inactive.map(() => 0.5),
  testAccuracy: accuracy,
  inactiveFraction: inactive,
  everInactive: inactive.map(() => 10),
  revived: inactive.map(() => 5),
  everInactiveFirstLayer: inactive.map(() => 2),
  revivedFirstLayer: inactive.map(() => 0),
  meanActivation: means,
});
const done: VerdictContext = { regime: 'stress', step: 600, maxSteps: 600, seeds: 3 };

describe('spread and pairedDifference', () => {
  it('spread leaves out diverged (NaN) replicates', () => {
    expect(spread([0.2, NaN, 0.4])).toEqual({ mean: 0.30000000000000004, min: 0.2, max: 0.4, n: 2 });
    expect(spread([NaN]).n).toBe(0);
  });

  it('a difference is clear only if every seed agrees and the mean is at least two standard errors', () => {
    expect(pairedDifference([1, 2, 3], [0, 1, 2])).toMatchObject({ mean: 1, sd: 0, n: 3, sameSign: true, clear: true });
    // Same sign but one seed dominates: differences 10, 0.1, 0.1 have mean 3.4, sd 5.7, and 2 sd / √3 = 6.6 > 3.4.
    expect(pairedDifference([10.1, 0.1, 0.1], [0.1, 0, 0])).toMatchObject({ sameSign: true, clear: false });
    expect(pairedDifference([1, -1, 2], [0, 0, 0]).clear).toBe(false); // seeds disagree
    expect(pairedDifference([1, 1, 1], [1, 1, 1]).clear).toBe(false); // no difference at all
    expect(pairedDifference([1], [0])).toMatchObject({ n: 1, sameSign: false, clear: false }); // one seed: no noise estimate
    expect(pairedDifference([1, NaN, 3], [0, 0, 1])).toMatchObject({ mean: 1.5, n: 2, clear: true });
  });
});

describe('verdictFrom', () => {
  it('sorts each activation into fewer / more / within the noise, against ReLU, seed by seed', () => {
    const v = verdictFrom([
      lane('relu', 'ReLU', [0.3, 0.25, 0.2], [0.8, 0.85, 0.9], [[0.3, 0.3, 0.3], [0.4, 0.4, 0.4]]),
      lane('leaky_relu', 'Leaky ReLU', [0.31, 0.2, 0.22], [0.8, 0.86, 0.9]),
      lane('elu', 'ELU', [0.02, 0.03, 0.01], [0.95, 0.96, 0.97], [[0.05, -0.04, 0.03], [-0.5, -0.6, -0.45]]),
    ], done);
    expect(v.inactive?.others.map((c) => [c.act, c.call])).toEqual([['leaky_relu', 'within noise'], ['elu', 'lower']]);
    expect(v.accuracy?.others.map((c) => [c.act, c.call])).toEqual([['leaky_relu', 'within noise'], ['elu', 'higher']]);
    expect(v.meanCloserToZero?.calls).toEqual(['lower', 'higher']);
    expect(v.text).toBe(
      'After 600 steps under stress, ReLU has 25% of its hidden units inactive on every training example (20–30% over 3 seeds); ' +
        'fewer in every seed: ELU 2%; within the seed-to-seed noise: Leaky ReLU 24%. ' +
        "ELU's mean activation is closer to zero than ReLU's in every seed in layer 1 and farther from zero than ReLU's in every seed in layer 2 (0.01, −0.52 vs 0.30, 0.40). " +
        'Test accuracy: ReLU 85% (80–90% over 3 seeds); higher in every seed: ELU 96%; within the seed-to-seed noise: Leaky ReLU 85%.',
    );
  });

  it('tells a direction every seed agrees on, by uneven amounts, from a clear difference', () => {
    // Accuracy differences 0.05, 0.04, 0.60: the same sign in every seed, but 2 sd / √3 = 0.38 > mean 0.23.
    const v = verdictFrom([lane('relu', 'ReLU', [0.05, 0.05, 0.9], [0.9, 0.9, 0.3]), lane('elu', 'ELU', [0.02, 0.03, 0.01], [0.95, 0.94, 0.9])], done);
    expect(v.accuracy?.others[0].call).toBe('higher, unevenly');
    expect(v.inactive?.others[0].call).toBe('lower, unevenly');
    expect(v.text).toContain('Test accuracy: ReLU 70% (30–90% over 3 seeds); higher in every seed but by uneven amounts (not beyond the noise): ELU 93%.');
  });

  it('says so while running, with one seed, without ReLU, when nothing is inactive, and when runs diverged', () => {
    const one = verdictFrom([lane('relu', 'ReLU', [0.3], [0.8], [[0.3]]), lane('elu', 'ELU', [0.01], [0.9], [[0.01]])], { regime: 'normal', step: 40, maxSteps: 600, seeds: 1 });
    expect(one.pending).toBe(true);
    expect(one.text).toContain('So far (step 40 of 600), ReLU has 30% of its hidden units inactive on every training example (one seed: no noise estimate); with one seed, no call on ELU 1%');
    expect(one.text).toContain("ELU's mean activation per layer (0.01 vs 0.30): one seed, no call");
    const noRelu = verdictFrom([lane('tanh', 'tanh', [0, 0, 0], [0.9, 0.9, 0.9]), lane('prelu', 'PReLU', [0, 0, 0], [0.9, 0.9, 0.9], undefined, 1)], done);
    expect(noRelu.inactive?.reference.act).toBe('tanh');
    expect(noRelu.meanCloserToZero).toBeNull();
    expect(noRelu.text).toContain('After 600 steps under stress, no hidden unit is inactive on every training example');
    expect(noRelu.text).toContain('PReLU diverged in 1 of 3 seeds (left out)');
    expect(verdictFrom([], done).text).toBe('No activation is selected.');
  });
});

describe('describeVariantsRace', () => {
  it('states the setup and every lane’s numbers, then the verdict; never a non-finite number', () => {
    const race = createVariantsRace({ seed: 2, stress: true, seeds: 2, acts: ['relu', 'elu'], maxSteps: 40 });
    while (stepChunk(race));
    const text = describeVariantsRace(race);
    expect(text).toContain('3 hidden layers of 32 units, 240 training and 60 test spiral points (seed 2)');
    expect(text).toContain('under stress: learning rate 0.3, every hidden bias starting at −0.50; 2 seeds per activation');
    expect(text).toMatch(/ReLU: training loss [\d.]+( \([\d.]+ to [\d.]+\))?, test accuracy \d+%/);
    expect(text).toMatch(/ELU: .* mean activation per hidden layer −?[\d.]+, −?[\d.]+, −?[\d.]+\./);
    expect(text).toContain('After 40 steps under stress');
    expect(text).not.toMatch(/NaN|Infinity|undefined/);
  });

  it('before the first chunk: every lane "not measured yet", and the verdict says nothing was', () => {
    const race = createVariantsRace({ seed: 2, stress: false, seeds: 2, acts: ['relu', 'elu'] });
    const text = describeVariantsRace(race);
    expect(text).toContain('ReLU: not measured yet. ELU: not measured yet. Nothing measured yet.');
    expect(text).not.toMatch(/NaN|Infinity|undefined|–/);
  });
});
