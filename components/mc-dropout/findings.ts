/**
 * The numbers the lesson quotes about the MC-dropout widget, read at build time: the pre-trained network's stored
 * description and test error (from the committed file itself), and the curve over all 2,000 test digits that
 * `npm run measure:mc` measured with the engine (measured.json; seed 1). tests/components/mc-dropout/findings.test.ts
 * checks that the two agree.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NETWORK_PATH, parseNetwork, type StoredNetwork } from './network-file.ts';
import measured from './measured.json';

function storedNetwork(): StoredNetwork {
  const parsed = parseNetwork(new Uint8Array(readFileSync(join(process.cwd(), 'public', NETWORK_PATH))));
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.network;
}

export const mcNet = storedNetwork();
export const mcMeasured = measured;
/** Error of the T-sample average and its agreement with the scaled network, by T (1, 2, 5, 10, 20, 50, 100, 200). */
export const mcRows: Record<number, { T: number; error: number; agreement: number }> = Object.fromEntries(measured.rows.map((row) => [row.T, row]));
