/**
 * The presenter's elapsed-time clock: start, pause, reset. Pure; the caller passes the time
 * (performance.now()) so tests need no fake clock.
 */
export interface Stopwatch {
  /** Time the current run started, or null while paused. */
  runningSince: number | null;
  /** Milliseconds counted by earlier runs. */
  banked: number;
}

export const stoppedStopwatch: Stopwatch = { runningSince: null, banked: 0 };

export function isRunning(watch: Stopwatch): boolean {
  return watch.runningSince !== null;
}

export function startStopwatch(watch: Stopwatch, now: number): Stopwatch {
  return isRunning(watch) ? watch : { runningSince: now, banked: watch.banked };
}

export function pauseStopwatch(watch: Stopwatch, now: number): Stopwatch {
  return isRunning(watch) ? { runningSince: null, banked: elapsedMs(watch, now) } : watch;
}

export function elapsedMs(watch: Stopwatch, now: number): number {
  const running = watch.runningSince === null ? 0 : Math.max(0, now - watch.runningSince);
  return watch.banked + running;
}

/** "4:07" under an hour, "1:04:07" after; whole seconds, never negative. */
export function formatElapsed(ms: number): string {
  const total = Math.max(0, Math.floor((Number.isFinite(ms) ? ms : 0) / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** The same duration in words, for assistive technology ("4 minutes 7 seconds"). */
export function describeElapsed(ms: number): string {
  const total = Math.max(0, Math.floor((Number.isFinite(ms) ? ms : 0) / 1000));
  const parts: string[] = [];
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  if (h) parts.push(`${h} hour${h === 1 ? '' : 's'}`);
  if (m) parts.push(`${m} minute${m === 1 ? '' : 's'}`);
  parts.push(`${s} second${s === 1 ? '' : 's'}`);
  return parts.join(' ');
}
