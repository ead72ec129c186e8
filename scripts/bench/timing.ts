// Timed rounds. A round runs the operation in chunks until at least `roundMs` have passed and reports operations
// per second; chunks (sized from a calibration run to last ~20 ms) keep the clock reads negligible.

export type Operation = (count: number) => void;

/** How many operations make a chunk of about `chunkMs`, given a measured rate (operations per second). */
export function chunkSize(ratePerSecond: number, chunkMs = 20): number {
  return Math.max(1, Math.round((ratePerSecond * chunkMs) / 1000));
}

/** Runs `op` for at least `ms` milliseconds (at least one chunk); returns operations per second. */
export function timeRound(op: Operation, chunk: number, ms: number): number {
  let done = 0;
  const start = performance.now();
  let now = start;
  do {
    op(chunk);
    done += chunk;
    now = performance.now();
  } while (now - start < ms);
  return done / ((now - start) / 1000);
}

/** Runs `op` once with `count` operations and returns operations per second (a calibration or warm-up run). */
export function timeOnce(op: Operation, count: number): number {
  const start = performance.now();
  op(count);
  return count / (Math.max(performance.now() - start, 1e-3) / 1000);
}
