import { beforeEach, describe, expect, it, vi } from 'vitest';
import { JSDOM } from 'jsdom';
import { defaultValues, type ParamValues } from '../../src/widgets/params.ts';
import type { TrainingRunOptions } from '../../src/widgets/training-run.ts';

// The real modules need a browser page (the store reads location, the run needs frames): stand-ins record the wiring.
const log: string[] = [];
let runOptions: TrainingRunOptions | null = null;
let onChange: ((values: ParamValues) => void) | undefined;
/** What the page's store holds when the widget binds (its URL may have set some). */
let initialValues: ParamValues = defaultValues();

vi.mock('../../src/widgets/training-run.ts', () => ({
  createTrainingRun: (options: TrainingRunOptions) => {
    runOptions = options;
    log.push('create run');
    return { reset: () => log.push('reset'), dispose: () => log.push('dispose run') };
  },
}));
vi.mock('../../src/widgets/controls.ts', () => ({
  bindControls: (_root: ParentNode, change?: (values: ParamValues) => void) => {
    onChange = change;
    log.push('bind');
    change?.(initialValues);
    return () => log.push('unbind');
  },
}));

const { startTrainingWidget, showsBuiltFigure, BUILT_STATUS } = await import('../../src/widgets/training-widget.ts');

const SHELL = `<w-demo data-widget="demo" id="demo">
  <select data-param="statsPanel"></select><input data-param="seed">
  <button data-role="play">Train</button><button data-role="step">Step</button><button data-role="reset">Reset</button>
  <p data-role="status"></p>
</w-demo>`;

function shell(html = SHELL): HTMLElement {
  return new JSDOM(html).window.document.querySelector<HTMLElement>('w-demo')!;
}

const work = { advance: () => 'done' as const, draw: () => {}, restart: () => {}, describe: () => '' };

beforeEach(() => {
  log.length = 0;
  runOptions = null;
  onChange = undefined;
  initialValues = defaultValues();
});

describe('startTrainingWidget', () => {
  it('runs the training on the shell’s buttons and status line', () => {
    const root = shell();
    startTrainingWidget(root, work);
    expect(runOptions?.element).toBe(root);
    expect(runOptions?.play.dataset.role).toBe('play');
    expect(runOptions?.step?.dataset.role).toBe('step');
    expect(runOptions?.reset.dataset.role).toBe('reset');
    expect(runOptions?.status.dataset.role).toBe('status');
    expect(runOptions?.advance).toBe(work.advance);
    expect(runOptions?.describe).toBe(work.describe);
  });

  it('hands every accepted change to the widget, then restarts the run', () => {
    const seen: number[] = [];
    const onParams = (values: ParamValues) => {
      seen.push(values.seed);
      log.push('params');
    };
    startTrainingWidget(shell(), { ...work, onParams });
    expect(log).toEqual(['create run', 'bind', 'params', 'reset']);
    onChange?.({ ...defaultValues(), seed: 7 });
    expect(seen).toEqual([1, 7]);
    expect(log.slice(-2)).toEqual(['params', 'reset']);
  });

  it('keeps the run going when only a view parameter changed (which chart a slide shows)', () => {
    const views: string[] = [];
    startTrainingWidget(shell(), { ...work, onParams: () => log.push('params'), viewParams: ['statsPanel'], onView: (v) => views.push(v.statsPanel) });
    log.length = 0;
    onChange?.({ ...defaultValues(), statsPanel: 'zeros' });
    expect(log).toEqual([]);
    expect(views.at(-1)).toBe('zeros');
    onChange?.({ ...defaultValues(), statsPanel: 'zeros', seed: 3 }); // a real change restarts as before
    expect(log).toEqual(['params', 'reset']);
  });

  it('keeps a build-time figure at the default settings: the run waits at step 0 without drawing', () => {
    const root = shell(SHELL.replace('id="demo"', 'id="demo" data-figure="built"'));
    const draws: number[] = [];
    startTrainingWidget(root, { ...work, draw: () => draws.push(1), restart: () => log.push('restart') });
    expect(log).toEqual(['create run', 'bind', 'restart']);
    expect(draws).toEqual([]);
    expect(root.querySelector('[data-role="status"]')?.textContent).toBe(BUILT_STATUS);
    expect(showsBuiltFigure(root)).toBe(true);
  });

  it('runs to the end, then draws, when a view of the built figure is asked for', () => {
    const root = shell(SHELL.replace('id="demo"', 'id="demo" data-figure="built"').replace('<p data-role="status"></p>', '<p data-role="status"></p><select data-param="statsPanel"></select>'));
    let left = 3;
    const advance = () => (--left > 0 ? ('more' as const) : ('done' as const));
    const draws: number[] = [];
    startTrainingWidget(root, { ...work, advance, draw: () => draws.push(left), viewParams: ['statsPanel'] });
    expect(draws).toEqual([]);
    onChange?.({ ...defaultValues(), statsPanel: 'zeros' });
    // advance ran until done (the first slice at once; the rest in tasks): check after the timers.
    return new Promise<void>((done) => setTimeout(() => {
      expect(left).toBe(0);
      expect(draws).toEqual([0]);
      expect(showsBuiltFigure(root)).toBe(false);
      done();
    }, 20));
  });

  it('draws at once when the page opens with other settings than the build drew', () => {
    const root = shell(SHELL.replace('id="demo"', 'id="demo" data-figure="built"').replace('<p data-role="status"></p>', '<p data-role="status"></p><input data-param="seed">'));
    initialValues = { ...defaultValues(), seed: 7 }; // a link with ?seed=7
    startTrainingWidget(root, work);
    expect(log).toEqual(['create run', 'bind', 'reset']);
  });

  it('redraws without restarting when only a view parameter changed', () => {
    const draws: string[] = [];
    startTrainingWidget(shell(), { ...work, draw: () => draws.push('draw'), viewParams: ['statsPanel'] });
    log.length = 0;
    onChange?.({ ...defaultValues(), statsPanel: 'zeros' });
    expect(log).toEqual([]);
    expect(draws).toEqual(['draw']);
    // A view parameter and another one together: the run restarts.
    onChange?.({ ...defaultValues(), statsPanel: 'histogram', seed: 3 });
    expect(log).toEqual(['reset']);
    expect(draws).toEqual(['draw']);
  });

  it('returns one stop that unbinds the controls, then disposes of the run', () => {
    const stop = startTrainingWidget(shell(), work);
    log.length = 0;
    stop();
    expect(log).toEqual(['unbind', 'dispose run']);
  });

  it('refuses a shell without the training buttons', () => {
    expect(() => startTrainingWidget(shell('<w-demo data-widget="demo"><p data-role="status"></p></w-demo>'), work)).toThrow('missing [data-role="play"]');
  });
});
