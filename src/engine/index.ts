// The engine's public API. Widgets import from here only. Everything is pure TypeScript over Float64Array,
// with no DOM and no dependencies; randomness always comes from a seeded Rng passed in.

export { type Rng, type Seed, createRng, hashSeed } from './rng.ts';
export { type Matrix, createMatrix, matrixFromRows, matrixToRows, matrixRow, cloneMatrix, matmul, transpose } from './matrix.ts';
export { dense, denseBackward, denseForwardInto, denseReluForwardInto, denseParameterGradientInto, denseInputGradientInto } from './dense.ts';
export { type InitScheme, INIT_SCHEMES, SMALL_INIT_STD, initVariance, initWeights } from './init.ts';
export type { Parameter } from './parameter.ts';

export type { Activation, ActivationMode, ActivationName, ActivationParams, ActivationSpec } from './activations/activation.ts';
export { ACTIVATION_NAMES, activation } from './activations/registry.ts';
export { relu, reluDerivative } from './activations/relu.ts';
export { DEFAULT_NEGATIVE_SLOPE, leakyRelu, leakyReluDerivative } from './activations/leaky-relu.ts';
export { DEFAULT_PRELU_SLOPE, prelu, preluDerivative, preluSlopeDerivative } from './activations/prelu.ts';
export { DEFAULT_RRELU_LOWER, DEFAULT_RRELU_UPPER, rrelu, rreluEval, rreluEvalSlope } from './activations/rrelu.ts';
export { DEFAULT_ELU_ALPHA, elu, eluDerivative, eluAlphaDerivative } from './activations/elu.ts';
export { tanh, tanhDerivative } from './activations/tanh.ts';
export { sigmoid, sigmoidDerivative } from './activations/sigmoid.ts';
export { DEFAULT_SOFTPLUS_BETA, DEFAULT_SOFTPLUS_THRESHOLD, softplus, softplusDerivative } from './activations/softplus.ts';

export {
  type DropoutForm,
  type DropoutOptions,
  assertDropoutP,
  dropout,
  dropoutScale,
  invertedDropout,
  invertedDropoutEval,
  invertedDropoutSampled,
  sampleDropoutMask,
  sampleDropoutMaskInto,
  standardDropout,
  standardDropoutEval,
  standardDropoutSampled,
} from './dropout.ts';
export { argmaxRows, softmax, softmaxCrossEntropy, softmaxCrossEntropyInto, softmaxRowInto } from './loss.ts';
export { type Sgd, type SgdOptions, createSgd } from './sgd.ts';

export { type HiddenLayerSpec, type MlpConfig, type NormalizedMlpConfig, normalizeMlpConfig } from './mlp-config.ts';
export type { DenseLayer, ForwardMode, ForwardPass, HiddenLayer, LayerWeights, MlpInit } from './mlp-types.ts';
export { EVALUATION_MODE, Mlp, createMlp } from './mlp.ts';
export { type Evaluation, evaluateMlp, predictClasses } from './evaluate.ts';
export {
  type McSummary,
  SAMPLE_BLOCK,
  argmaxAt,
  quantileSorted,
  runningPredictions,
  scaledProbabilities,
  summarizeSamples,
  thinnedProbabilities,
  voteDisagreement,
} from './mc-dropout.ts';
export { type McCurve, type McCurveJob, createMcCurveJob } from './mc-curve.ts';
export { type Trainer, type TrainerOptions, type TrainerState, createTrainer, defaultMaxLoss } from './trainer.ts';

export {
  type Histogram,
  type HistogramOptions,
  type HiddenLayerStatistics,
  deadUnits,
  fractionOfExactZeros,
  gradientNorm,
  hiddenLayerStatistics,
  histogram,
  inactiveUnits,
  layerGradientNorms,
  meanActivation,
  preluSlopes,
} from './stats.ts';

export { type Dataset, selectExamples } from './datasets/dataset.ts';
export { type SpiralsOptions, spirals } from './datasets/spirals.ts';
export { type CirclesOptions, circles } from './datasets/circles.ts';
export { type XorOptions, xor } from './datasets/xor.ts';
export { type BlobsOptions, blobs } from './datasets/blobs.ts';
export { trainTestSplit } from './datasets/split.ts';
export { type DatasetName, type DatasetSpec, DATASET_NAMES, generateDataset } from './datasets/generate.ts';

export { type KernelChoice, type KernelStatus, KERNEL_CHOICES, kernelStatus, setKernels } from './wasm/runtime.ts';

export { runReferenceCase, runReferenceFile } from './reference-cases.ts';
export { formatFloat, stringifyFloatJson } from './float-json.ts';
