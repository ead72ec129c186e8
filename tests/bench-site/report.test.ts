// The page budgets' report: medians, target checks, the failing audits, the table and the one-line JSON.
import { describe, expect, it } from 'vitest';
import { type PageFigures, TARGETS, budgetTable, bytesTable, failingAudits, jsonLine, median, pageSummary, targetChecks } from '../../scripts/bench-site/report.ts';

const bytes = { document: 30_000, script: 8_000, stylesheet: 9_000, font: 0, image: 200, other: 0, total: 47_200 };
const page = (overrides: Partial<PageFigures> = {}): PageFigures => ({
  page: 'lessons/x/',
  kind: 'reading',
  bytes,
  lighthousePerformance: [97, 91, 99],
  lighthouseAccessibility: [100, 100, 100],
  lighthouseMetrics: [{ fcp: 1200, cls: 0.0123 }, { fcp: 1500, cls: 0 }, { fcp: 1100, cls: 0 }],
  lighthouseFailing: [[{ id: 'render-blocking-insight', display: 'Est savings of 300 ms' }], [], [{ id: 'render-blocking-insight', display: '' }]],
  longestTaskMs: 120,
  longTasksOver50: 4,
  longestTaskCpuMs: 31,
  longTasksOver50Cpu: 0,
  phases: [{ label: 'load', longestWallMs: 200, longestCpuMs: 90, over50Wall: 1, over50Cpu: 1 }],
  top: [],
  lazy: { mobile: { fetched: [], fetchedButFar: [] }, desktop: { fetched: ['relu-vs-tanh'], fetchedButFar: [] } },
  ...overrides,
});

describe('median', () => {
  it('of odd and even counts, ignoring non-finite values', () => {
    expect(median([97, 91, 99])).toBe(97);
    expect(median([1, 4, 2, 3])).toBe(2.5);
    expect(median([5, Number.NaN])).toBe(5);
    expect(median([])).toBeNaN();
  });
});

describe('targetChecks', () => {
  it('passes on the medians, long tasks by CPU time, and no far widget code', () => {
    expect(targetChecks(page())).toEqual({ lighthouse_performance: true, lighthouse_accessibility: true, long_tasks: true, lazy_widgets: true });
  });
  it('fails each target on its own', () => {
    expect(targetChecks(page({ lighthousePerformance: [94, 99, 90] })).lighthouse_performance).toBe(false);
    expect(targetChecks(page({ lighthouseAccessibility: [100, 98, 98] })).lighthouse_accessibility).toBe(false);
    expect(targetChecks(page({ longestTaskCpuMs: TARGETS.longest_task_max_ms + 1 })).long_tasks).toBe(false);
    expect(targetChecks(page({ lazy: { mobile: { fetched: ['p-sweep'], fetchedButFar: ['p-sweep'] } } })).lazy_widgets).toBe(false);
  });
  it('a performance median of exactly 95 and an accessibility of exactly 100 pass', () => {
    expect(targetChecks(page({ lighthousePerformance: [95, 95, 80], lighthouseAccessibility: [100, 100, 90] }))).toMatchObject({ lighthouse_performance: true, lighthouse_accessibility: true });
  });
});

describe('failingAudits', () => {
  it('groups by audit with the number of runs and the values shown', () => {
    expect(failingAudits(page().lighthouseFailing)).toEqual(['render-blocking-insight 2/3 (Est savings of 300 ms)']);
    expect(failingAudits([[{ id: 'b', display: '' }], [{ id: 'a', display: '1' }, { id: 'b', display: '' }]])).toEqual(['b 2/2', 'a 1/2 (1)']);
  });
});

describe('pageSummary and the JSON line', () => {
  it('has the figures the brief names, with pass/fail per target', () => {
    const summary = pageSummary(page());
    expect(summary).toMatchObject({
      page: 'lessons/x/',
      js_bytes_gzip: 8_000,
      total_bytes_gzip: 47_200,
      lighthouse_performance: 97,
      lighthouse_accessibility: 100,
      longest_task_ms: 120,
      long_tasks_over_50ms: 4,
      longest_task_cpu_ms: 31,
      long_tasks_over_50ms_cpu: 0,
      lighthouse_metrics_median: { fcp: 1200, cls: 0 },
      first_load_widget_code: { mobile: [], desktop: ['relu-vs-tanh'] },
      ok: true,
    });
    const line = jsonLine({ pages: [summary], targets: TARGETS });
    expect(line).not.toContain('\n');
    expect(JSON.parse(line).pages[0].pass).toEqual({ lighthouse_performance: true, lighthouse_accessibility: true, long_tasks: true, lazy_widgets: true });
  });
});

describe('tables', () => {
  it('one row per page with ok/FAIL marks; bytes per type in KiB', () => {
    const lines = budgetTable([page(), page({ page: 'lessons/x/slides/', lighthousePerformance: [80, 80, 80] })]).split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[2]).toMatch(/^lessons\/x\/ .* 97 \(97 91 99\)\s+ok .* 31 ms \(120\)/);
    expect(lines[3]).toMatch(/80 \(80 80 80\)\s+FAIL/);
    expect(bytesTable([page()]).split('\n')[2]).toMatch(/29\.3 KiB\s+7\.8 KiB\s+8\.8 KiB\s+0\.0 KiB\s+0\.2 KiB\s+0\.0 KiB\s+46\.1 KiB$/);
  });
});
