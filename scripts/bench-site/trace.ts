// Main-thread tasks from a Chromium trace (categories: devtools.timeline, disabled-by-default-devtools.timeline,
// blink.user_timing).
// Each task has its wall duration and its thread (CPU) time: on a shared, loaded machine the wall time of a task
// includes the time the thread waited for a core, so a task that computed for 8 ms can last 300 ms; the CPU time
// is what the page's own code and rendering cost. Pure; unit-tested.

export interface TraceEvent {
  readonly name: string;
  readonly ph: string;
  readonly pid: number;
  readonly tid: number;
  readonly ts: number;
  readonly dur?: number;
  readonly tdur?: number;
  readonly args?: { name?: string; data?: { url?: string; functionName?: string; type?: string } };
}

export interface MainTask {
  /** Trace time in µs. */
  readonly ts: number;
  readonly wallMs: number;
  readonly cpuMs: number;
  /** What took longest inside it (by CPU time), e.g. "FunctionCall controller.abc.js:step 41 ms". */
  readonly inside: string[];
}

export const MARK_PREFIX = 'bench:';

const threadKey = (e: Pick<TraceEvent, 'pid' | 'tid'>): string => `${e.pid}:${e.tid}`;

/** Renderer main threads, keyed pid:tid. With `pid`, only that process's. */
function mainThreads(events: readonly TraceEvent[], pid?: number): Set<string> {
  return new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && (pid === undefined || e.pid === pid))
      .map(threadKey),
  );
}

/** The `performance.mark('bench:…')` marks in the trace, by label (without the prefix), in trace µs. */
export function traceMarks(events: readonly TraceEvent[]): { label: string; ts: number; pid: number }[] {
  return events
    .filter((e) => e.name.startsWith(MARK_PREFIX) && (e.ph === 'I' || e.ph === 'R' || e.ph === 'n' || e.ph === 'b'))
    .map((e) => ({ label: e.name.slice(MARK_PREFIX.length), ts: e.ts, pid: e.pid }))
    .sort((a, b) => a.ts - b.ts);
}

function describe(e: TraceEvent): string {
  const data = e.args?.data;
  const where = data?.url ? `${data.url.split('/').pop()}${data.functionName ? `:${data.functionName}` : ''}` : data?.type ?? '';
  return `${e.name}${where ? ` ${where}` : ''} ${Math.round((e.tdur ?? e.dur ?? 0) / 1000)} ms`;
}

/**
 * The main thread's tasks (RunTask events) whose wall or CPU time exceeds `minMs`, in the process that recorded
 * the marks when there are marks. `inside` lists the longest events nested in each (by CPU time).
 */
export function mainThreadTasks(events: readonly TraceEvent[], minMs: number, insideCount = 3): MainTask[] {
  const pid = traceMarks(events)[0]?.pid;
  const threads = mainThreads(events, pid);
  const onMain = events.filter((e) => e.ph === 'X' && threads.has(threadKey(e))).sort((a, b) => a.ts - b.ts);
  const tasks: MainTask[] = [];
  onMain.forEach((task, i) => {
    if (task.name !== 'RunTask') return;
    const wallMs = (task.dur ?? 0) / 1000;
    const cpuMs = (task.tdur ?? task.dur ?? 0) / 1000;
    if (wallMs <= minMs && cpuMs <= minMs) return;
    const end = task.ts + (task.dur ?? 0);
    const nested: TraceEvent[] = [];
    for (let j = i + 1; j < onMain.length && onMain[j].ts < end; j++) if (onMain[j].name !== 'RunTask' && threadKey(onMain[j]) === threadKey(task)) nested.push(onMain[j]);
    nested.sort((a, b) => (b.tdur ?? b.dur ?? 0) - (a.tdur ?? a.dur ?? 0));
    tasks.push({ ts: task.ts, wallMs, cpuMs, inside: nested.slice(0, insideCount).map(describe) });
  });
  return tasks;
}
