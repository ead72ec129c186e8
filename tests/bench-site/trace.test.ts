// Main-thread tasks from a Chromium trace: wall and CPU time, what ran inside, the marks; and their phases.
import { describe, expect, it } from 'vitest';
import { longTaskRun, phaseOf } from '../../scripts/bench-site/long-tasks.ts';
import { type TraceEvent, mainThreadTasks, traceMarks } from '../../scripts/bench-site/trace.ts';

const meta = (pid: number, tid: number, name: string): TraceEvent => ({ name: 'thread_name', ph: 'M', pid, tid, ts: 0, args: { name } });
const task = (pid: number, tid: number, ts: number, durMs: number, cpuMs: number): TraceEvent => ({ name: 'RunTask', ph: 'X', pid, tid, ts, dur: durMs * 1000, tdur: cpuMs * 1000 });
const call = (pid: number, tid: number, ts: number, cpuMs: number, url: string, functionName: string): TraceEvent => ({
  name: 'FunctionCall', ph: 'X', pid, tid, ts, dur: cpuMs * 1000, tdur: cpuMs * 1000, args: { data: { url, functionName } },
});
const markAt = (pid: number, ts: number, label: string): TraceEvent => ({ name: `bench:${label}`, ph: 'I', pid, tid: 1, ts });

const events: TraceEvent[] = [
  meta(10, 1, 'CrRendererMain'),
  meta(10, 2, 'Compositor'),
  meta(20, 1, 'CrRendererMain'), // another renderer (about:blank): ignored once the marks name the page's
  markAt(10, 1_000_000, 'start'),
  task(10, 1, 500_000, 120, 90), // the first load
  task(10, 1, 1_100_000, 300, 12), // waited for a core: long wall, short CPU
  task(10, 1, 1_500_000, 70, 65),
  call(10, 1, 1_500_100, 40, 'http://x/_astro/controller.abc.js', 'step'),
  call(10, 1, 1_540_100, 20, 'http://x/_astro/plot.js', ''),
  task(10, 1, 1_700_000, 10, 9), // short: not listed
  task(10, 2, 1_800_000, 200, 200), // compositor thread: not the main thread
  task(20, 1, 1_900_000, 500, 500), // other renderer
  markAt(10, 2_000_000, 'train'),
  task(10, 1, 2_100_000, 55, 20),
  markAt(10, 3_000_000, 'end'),
  task(10, 1, 3_100_000, 400, 400), // after the end mark (closing the page)
];

describe('mainThreadTasks', () => {
  it("keeps the marked renderer's main-thread tasks over the threshold, by wall or CPU time", () => {
    const tasks = mainThreadTasks(events, 50);
    expect(tasks.map((t) => [t.wallMs, t.cpuMs])).toEqual([[120, 90], [300, 12], [70, 65], [55, 20], [400, 400]]);
  });
  it('says what ran longest inside a task', () => {
    const busy = mainThreadTasks(events, 50).find((t) => t.cpuMs === 65);
    expect(busy?.inside).toEqual(['FunctionCall controller.abc.js:step 40 ms', 'FunctionCall plot.js 20 ms']);
  });
  it('reads the marks in time order', () => {
    expect(traceMarks(events).map((m) => m.label)).toEqual(['start', 'train', 'end']);
  });
});

describe('phases', () => {
  const marks = traceMarks(events);
  it('a task belongs to the last mark before it, or to the load', () => {
    expect(phaseOf(500_000, marks)).toBe('load');
    expect(phaseOf(1_000_000, marks)).toBe('start');
    expect(phaseOf(2_500_000, marks)).toBe('train');
  });
  it('sums up after the load, by CPU and by wall time; nothing after the end mark', () => {
    const run = longTaskRun(mainThreadTasks(events, 50), marks);
    expect(run.phases.map((p) => [p.label, p.longestCpuMs, p.over50Cpu, p.longestWallMs, p.over50Wall])).toEqual([
      ['load', 90, 1, 120, 1],
      ['start', 65, 1, 300, 2],
      ['train', 20, 0, 55, 1],
    ]);
    expect([run.longestCpuMs, run.over50Cpu, run.longestWallMs, run.over50Wall]).toEqual([65, 1, 300, 3]);
    expect(run.top[0]).toMatchObject({ phase: 'start', cpuMs: 65, wallMs: 70 });
  });
});
