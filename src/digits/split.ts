// The fixed, seeded, class-stratified train/test split of the digits, and the order each part is stored in.
//
// 1. Test quota per class: the test size shared out in proportion to the class sizes (largest remainders; ties go
//    to the smaller class label), so both parts have the classes in the proportions of the whole.
// 2. Each class's examples are shuffled by createRng(seed).fork('class <c>'); the first quota go to the test part.
// 3. Each part is stored in a "stratified order": the r-th (shuffled) member of a class with m members in the part
//    gets the key (r + u) / m, u uniform in [0, 1), and the part is sorted by key. Any prefix of the part then holds
//    every class within two examples of its proportional share (below a key t a class has ⌊t m⌋ or ⌈t m⌉ members,
//    and a prefix of P of n examples is t n within the number of classes), so "the first 2,000 training digits" is
//    itself a stratified sample.

import { type Rng, type Seed, createRng } from '../engine/index.ts';

export interface SplitIndices {
  /** Indices into the source, in storage order. */
  readonly train: Int32Array;
  readonly test: Int32Array;
}

/** Shares `total` out over groups in proportion to `sizes` (largest remainder method); the shares sum to total. */
export function apportion(total: number, sizes: readonly number[]): number[] {
  const sum = sizes.reduce((s, n) => s + n, 0);
  if (!Number.isInteger(total) || total < 0 || total > sum) throw new RangeError(`apportion total must be an integer in [0, ${sum}], got ${total}`);
  const exact = sizes.map((n) => (total * n) / sum);
  const shares = exact.map(Math.floor);
  let left = total - shares.reduce((s, n) => s + n, 0);
  const byRemainder = exact.map((e, c) => ({ c, r: e - Math.floor(e) })).sort((a, b) => b.r - a.r || a.c - b.c);
  for (const { c } of byRemainder) {
    if (left === 0) break;
    shares[c]++;
    left--;
  }
  return shares;
}

/** Splits examples with these labels (integers in [0, classes)) into train and test, `testCount` of them in test. */
export function stratifiedSplit(labels: ArrayLike<number>, classes: number, testCount: number, seed: Seed): SplitIndices {
  const members: number[][] = Array.from({ length: classes }, () => []);
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i];
    if (!Number.isInteger(label) || label < 0 || label >= classes) throw new RangeError(`label ${i} must be an integer in [0, ${classes - 1}], got ${label}`);
    members[label].push(i);
  }
  const quotas = apportion(testCount, members.map((m) => m.length));
  const rng = createRng(seed);
  const train: number[][] = [], test: number[][] = [];
  members.forEach((indices, c) => {
    const shuffled = rng.fork(`class ${c}`).shuffle([...indices]);
    test.push(shuffled.slice(0, quotas[c]));
    train.push(shuffled.slice(quotas[c]));
  });
  return { train: stratifiedOrder(train, rng.fork('order train')), test: stratifiedOrder(test, rng.fork('order test')) };
}

/** Interleaves the groups (each already in random order) so that every prefix is stratified (see step 3). */
export function stratifiedOrder(groups: readonly (readonly number[])[], rng: Rng): Int32Array {
  const keyed: { index: number; key: number; group: number }[] = [];
  groups.forEach((group, g) => group.forEach((index, r) => keyed.push({ index, key: (r + rng.uniform()) / group.length, group: g })));
  keyed.sort((a, b) => a.key - b.key || a.group - b.group);
  return Int32Array.from(keyed, (k) => k.index);
}
