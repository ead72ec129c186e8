// The page budgets: targets, pass/fail per target, the human-readable table and the one-line JSON summary that
// ends the output. Pure; unit-tested.

import { formatTable, jsonLine, round } from '../bench/report.ts';
import type { BytesByType } from './transfer.ts';

export { jsonLine, round };

export const TARGETS = {
  lighthouse_performance_min: 95,
  lighthouse_accessibility_min: 100,
  /** No main-thread task over 50 ms while the widgets start and train, judged by the task's CPU (thread) time:
   * on a shared machine a task's wall time includes waiting for a core. Wall times are reported beside it. */
  longest_task_max_ms: 50,
  long_task_judged_by: 'cpu_time',
  /** The first load fetches a widget's code only when the widget is near the first screen. */
  widget_code_only_near_first_screen: true,
} as const;

export type TargetName = 'lighthouse_performance' | 'lighthouse_accessibility' | 'long_tasks' | 'lazy_widgets';

export interface LazyLoad {
  /** Widgets whose code the first load fetched. */
  readonly fetched: readonly string[];
  /** …of which no instance is near the first screen. */
  readonly fetchedButFar: readonly string[];
}

export interface PageFigures {
  readonly page: string;
  readonly kind: string;
  /** First load on Lighthouse's mobile screen, gzip bytes per type. */
  readonly bytes: BytesByType;
  readonly lighthousePerformance: readonly number[];
  readonly lighthouseAccessibility: readonly number[];
  readonly lighthouseMetrics: readonly Record<string, number>[];
  readonly lighthouseFailing: readonly (readonly { id: string; display: string }[])[];
  /** After the first load, while the widgets start and train: wall and CPU time of the longest task, and how
   * many tasks took over 50 ms. */
  readonly longestTaskMs: number;
  readonly longTasksOver50: number;
  readonly longestTaskCpuMs: number;
  readonly longTasksOver50Cpu: number;
  readonly phases: readonly { label: string; longestWallMs: number; longestCpuMs: number; over50Wall: number; over50Cpu: number }[];
  readonly top: readonly { phase: string; wallMs: number; cpuMs: number; inside: readonly string[] }[];
  /** Per screen ('mobile', 'desktop'). */
  readonly lazy: Readonly<Record<string, LazyLoad>>;
}

export function median(values: readonly number[]): number {
  const finite = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (finite.length === 0) return Number.NaN;
  const mid = finite.length >> 1;
  return finite.length % 2 === 1 ? finite[mid] : (finite[mid - 1] + finite[mid]) / 2;
}

export function targetChecks(p: PageFigures): Record<TargetName, boolean> {
  return {
    lighthouse_performance: median(p.lighthousePerformance) >= TARGETS.lighthouse_performance_min,
    lighthouse_accessibility: median(p.lighthouseAccessibility) >= TARGETS.lighthouse_accessibility_min,
    long_tasks: p.longestTaskCpuMs <= TARGETS.longest_task_max_ms,
    lazy_widgets: Object.values(p.lazy).every((l) => l.fetchedButFar.length === 0),
  };
}

/** Audits that lost points, with how many runs they did so in and what they displayed:
 * "render-blocking-insight 3/3 (Est savings of 430 ms; …)". */
export function failingAudits(runs: readonly (readonly { id: string; display: string }[])[]): string[] {
  const found = new Map<string, string[]>();
  for (const run of runs)
    for (const { id, display } of run) {
      const displays = found.get(id) ?? [];
      displays.push(display);
      found.set(id, displays);
    }
  return [...found]
    .sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]))
    .map(([id, displays]) => {
      const shown = [...new Set(displays.filter((d) => d !== ''))];
      return `${id} ${displays.length}/${runs.length}${shown.length ? ` (${shown.join('; ')})` : ''}`;
    });
}

function medianMetrics(runs: readonly Record<string, number>[]): Record<string, number> {
  const keys = [...new Set(runs.flatMap((r) => Object.keys(r)))];
  return Object.fromEntries(keys.map((k) => [k, round(median(runs.map((r) => r[k])), k === 'cls' ? 3 : 0)]));
}

export function pageSummary(p: PageFigures): Record<string, unknown> {
  const pass = targetChecks(p);
  return {
    page: p.page,
    kind: p.kind,
    js_bytes_gzip: p.bytes.script,
    total_bytes_gzip: p.bytes.total,
    bytes_gzip_by_type: p.bytes,
    lighthouse_performance: median(p.lighthousePerformance),
    lighthouse_accessibility: median(p.lighthouseAccessibility),
    lighthouse_runs: { performance: p.lighthousePerformance, accessibility: p.lighthouseAccessibility },
    lighthouse_metrics_median: medianMetrics(p.lighthouseMetrics),
    lighthouse_failing_audits: failingAudits(p.lighthouseFailing),
    longest_task_ms: p.longestTaskMs,
    long_tasks_over_50ms: p.longTasksOver50,
    longest_task_cpu_ms: p.longestTaskCpuMs,
    long_tasks_over_50ms_cpu: p.longTasksOver50Cpu,
    long_tasks_by_phase: p.phases,
    longest_tasks_by_cpu: p.top,
    first_load_widget_code: Object.fromEntries(Object.entries(p.lazy).map(([screen, l]) => [screen, l.fetched])),
    widgets_fetched_but_far: Object.fromEntries(Object.entries(p.lazy).map(([screen, l]) => [screen, l.fetchedButFar])),
    pass,
    ok: Object.values(pass).every(Boolean),
  };
}

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KiB`;
const runs = (values: readonly number[]): string => `${median(values)} (${values.join(' ')})`;
const mark = (ok: boolean): string => (ok ? 'ok' : 'FAIL');

/** One row per page: the figures, each with ok / FAIL against its target. */
export function budgetTable(pages: readonly PageFigures[]): string {
  const header = ['page', 'JS gz', 'total gz', 'LH perf', '', 'LH a11y', '', 'longest task cpu (wall)', '>50 ms cpu (wall)', '', 'widget code on 1st load (mobile | desktop)', ''];
  const rows = pages.map((p) => {
    const pass = targetChecks(p);
    const lazy = Object.values(p.lazy).map((l) => (l.fetched.length ? l.fetched.join(' ') : '–')).join(' | ');
    return [
      p.page,
      kb(p.bytes.script),
      kb(p.bytes.total),
      runs(p.lighthousePerformance),
      mark(pass.lighthouse_performance),
      runs(p.lighthouseAccessibility),
      mark(pass.lighthouse_accessibility),
      `${p.longestTaskCpuMs} ms (${p.longestTaskMs})`,
      `${p.longTasksOver50Cpu} (${p.longTasksOver50})`,
      mark(pass.long_tasks),
      lazy,
      mark(pass.lazy_widgets),
    ];
  });
  return formatTable(header, rows, [false, true, true, true, false, true, false, true, true, false, false, false]);
}

/** First-load bytes per resource type. */
export function bytesTable(pages: readonly PageFigures[]): string {
  const types = ['document', 'script', 'stylesheet', 'font', 'image', 'other', 'total'] as const;
  return formatTable(['page (first load, mobile, gzip)', ...types], pages.map((p) => [p.page, ...types.map((t) => kb(p.bytes[t]))]), [false, ...types.map(() => true)]);
}
