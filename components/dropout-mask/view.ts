/**
 * What the dropout-mask widget shows for the page's parameters: the mini-batch's masks, the sample shown, and (when
 * asked) where its gradients flow. One function for the controller and the build-time figure (figure.ts).
 */
import type { ParamValues } from '../../src/widgets/params.ts';
import { batchMasks, gradientFlow, type MaskSettings, type SampleMasks } from './model.ts';
import type { DropoutMaskView } from './describe.ts';

const fmt = (v: number): string => String(Number(v.toFixed(2)));

type MaskValues = Pick<ParamValues, 'p' | 'pin' | 'seed' | 'resample' | 'sample' | 'dropin' | 'drophidden' | 'backprop'>;

export function dropoutMaskView(values: MaskValues): { view: DropoutMaskView; shown: SampleMasks } {
  const settings: MaskSettings = {
    p: values.p,
    pin: values.pin,
    seed: values.seed,
    resample: values.resample,
    dropInput: values.dropin,
    dropHidden: values.drophidden,
  };
  const batch = batchMasks(settings);
  const shown = batch[values.sample - 1] ?? batch[0];
  const view = { batch, sample: shown.sample, resample: values.resample, seed: values.seed, gradients: values.backprop ? gradientFlow(settings, shown) : null };
  return { view, shown };
}

/** The one-line settings under a printed figure. */
export function dropoutMaskParams(values: MaskValues): string {
  const input = values.dropin ? `input p = ${fmt(values.pin)}` : 'no input dropout';
  const hidden = values.drophidden ? `p = ${fmt(values.p)}` : 'no hidden dropout';
  const draws = values.resample + 1;
  return `${hidden}, ${input}, seed ${values.seed}, sample ${values.sample}, masks drawn ${draws} time${draws === 1 ? '' : 's'}`;
}
