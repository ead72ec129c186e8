/** The widget's words: its one-sentence status line and its text summary (numbers included). Pure. */
import type { NetworkInfo, Prediction } from './protocol.ts';
import { type CurveView, describeCurve, describeProbabilities, percent, top } from './render.ts';

export type InputDescription = { kind: 'ink'; strokes: number } | { kind: 'test'; index: number; label: number };

export function describeInput(input: InputDescription): string {
  return input.kind === 'ink' ? `your drawing (${input.strokes} stroke${input.strokes === 1 ? '' : 's'})` : `test digit ${input.index}, a ${input.label}`;
}

export function describeNetwork(network: NetworkInfo | null): string {
  if (!network) return 'The network is loading.';
  const what = network.kind === 'pretrained' ? 'the pre-trained network' : network.label;
  const rates = `dropout ${network.dropout.input} on the pixels, ${network.dropout.hidden.join(' and ')} on the hidden layers`;
  const error = network.testError === null ? '' : `, test error ${percent(network.testError, 2)}`;
  return `Network: ${what}, ${network.sizes.join('-')} ReLU (${rates}${error}).`;
}

/** One sentence for the status line (shorter on a slide). */
export function statusLine(p: Prediction, short = false): string {
  const s = top(p.scaled), m = top(p.mean);
  if (short) return `Scaled network ${s} · average of ${p.T}: ${m} (${p.votes[m]} of ${p.T} vote ${m})`;
  return `The scaled network says ${s}; the average of ${p.T} thinned networks says ${m}, with ${p.votes[m]} of the ${p.T} voting ${m}.`;
}

export function summary(parts: { input: InputDescription | null; prediction: Prediction | null; network: NetworkInfo | null; curve: CurveView | null }): string {
  const { input, prediction, network, curve } = parts;
  const lines = [describeNetwork(network)];
  if (input && prediction) lines.push(`Input: ${describeInput(input)}. ${describeProbabilities(prediction)}`);
  lines.push(curve ? describeCurve(curve) : 'The test-set curve appears once the test digits have loaded.');
  return lines.join(' ');
}

/** The status line of the "Test set" view on a slide: the curve at the T in use. */
export function curveStatus(curve: CurveView): string {
  if (curve.count === 0) return 'Measuring the test digits…';
  const T = Math.min(curve.T, curve.Tmax);
  const so = curve.count < curve.total ? ` (${curve.count} of ${curve.total} digits so far)` : '';
  return `Average of ${T}: ${percent(curve.wrong[T - 1] / curve.count, 1)} test error · scaled network ${percent(curve.scaledWrong / curve.count, 1)}${so}`;
}
