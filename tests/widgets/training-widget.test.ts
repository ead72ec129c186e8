import { beforeEach, describe, expect, it, vi } from 'vitest';
import { JSDOM } from 'jsdom';
import { defaultValues, type ParamValues } from '../../src/widgets/params.ts';
import type { TrainingRunOptions } from '../../src/widgets/training-run.ts';

// The real modules need a browser page (the store reads location, the run needs frames): stand-ins record the wiring.
const log: string[] = [];
let runOptions: TrainingRunOptions | null = null;
let onChange: ((values: ParamValues) => void) | undefined;

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
    change?.(defaultValues());
    return () => log.push('unbind');
  },
}));

const { startTrainingWidget } = await import('../../src/widgets/training-widget.ts');

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
