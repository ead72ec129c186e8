/**
 * The dropout net a finished run hands to the page's other widgets (mc-dropout: Monte Carlo dropout on the network
 * the student just trained). The contract is mc-dropout's (components/mc-dropout/README.md on its branch):
 *
 *   document.dispatchEvent(new CustomEvent('digits-dropout:trained', { detail: { label, sizes, weights: [{W, b}],
 *     dropout: { input, hidden: [per hidden layer] }, testError } }))
 *
 * W is fanIn × fanOut row-major (the engine's layout), b has fanOut entries, the probabilities are DROP
 * probabilities, testError is a fraction, of the full (scaled) network on the 2,000 test digits. mc-dropout also
 * dispatches 'digits-dropout:request' when it starts (widgets start lazily): a page that holds a trained network
 * answers by dispatching the event again. Pure apart from `announce`, which is given its target.
 */
import type { Mlp } from '../../src/engine/index.ts';
import type { DigitsDropoutSettings } from './model.ts';
import { grouped } from './describe.ts';

export const TRAINED_EVENT = 'digits-dropout:trained';
export const REQUEST_EVENT = 'digits-dropout:request';

/** The dropout net's weights as the worker posts them (copies; their buffers are transferred). */
export interface TrainedNetwork {
  readonly sizes: readonly number[];
  readonly weights: readonly { readonly W: Float64Array; readonly b: Float64Array }[];
  readonly dropout: { readonly input: number; readonly hidden: readonly number[] };
}

export interface TrainedDetail extends TrainedNetwork {
  readonly label: string;
  readonly testError: number;
}

/** Copies of a net's weights, with the dropout it was trained with (read from the net: one per hidden layer). */
export function trainedNetwork(net: Mlp): TrainedNetwork {
  return {
    sizes: [...net.sizes],
    weights: net.layers.map(({ W, b }) => ({ W: W.data.slice(), b: b.slice() })),
    dropout: { input: net.inputDropoutP, hidden: net.hiddenLayers.map((layer) => layer.dropoutP) },
  };
}

/** The buffers to transfer with a network (the worker keeps none of them). */
export const networkBuffers = (network: TrainedNetwork): ArrayBuffer[] =>
  network.weights.flatMap(({ W, b }) => [W.buffer as ArrayBuffer, b.buffer as ArrayBuffer]);

/** The event's detail: the network, what it is, and its final test error. */
export function trainedDetail(network: TrainedNetwork, settings: DigitsDropoutSettings, testError: number): TrainedDetail {
  return {
    label: `your dropout network (${grouped(settings.trainCount)} digits, ${settings.epochs} epoch${settings.epochs === 1 ? '' : 's'})`,
    sizes: [...network.sizes],
    weights: network.weights.map(({ W, b }) => ({ W, b })),
    dropout: { input: network.dropout.input, hidden: [...network.dropout.hidden] },
    testError,
  };
}

/** Dispatches the detail on `target` (the document). Each listener gets the same arrays: mc-dropout copies them. */
export function announce(target: EventTarget, detail: TrainedDetail): void {
  target.dispatchEvent(new CustomEvent(TRAINED_EVENT, { detail }));
}
