// The build-time figure (figure.ts): the untrained error chart for a laptop and a phone (reading view) or a slide,
// the setup in words, and the one-line parameters; drawn with a server-side document, as the build does.
import { describe, expect, it } from 'vitest';
import { serverDocument } from '../../../src/widgets/server-document.ts';
import { buildDigitsFigure } from '../../../components/digits-dropout/figure.ts';

describe('digits-dropout build-time figure', () => {
  const document = serverDocument();

  it('reading view: a laptop and a phone drawing of the empty error chart, titled, axes to epoch 40', () => {
    const built = buildDigitsFigure(document, 'reading');
    const box = document.createElement('div');
    box.innerHTML = built.plot;
    const variants = [...box.querySelectorAll('.built-figure')];
    expect(variants.map((v) => (v as HTMLElement).dataset.density)).toEqual(['page', 'phone']);
    for (const v of variants) {
      expect(v.querySelector('.digits-panel-title')?.textContent).toBe('Error on the training and the test digits');
      const svg = v.querySelector('svg[role="img"]')!;
      expect(svg.getAttribute('aria-label')).toBe('Training and test error of both networks against the epoch');
      expect(svg.getAttribute('viewBox')).toMatch(/^0 0 \d+ \d+$/);
      expect(svg.textContent).toContain('40');
      expect(svg.querySelectorAll('path[stroke-dasharray]')).toHaveLength(0); // no lines: nothing trained
    }
    expect(built.plot).not.toMatch(/NaN|Infinity/);
    expect(built.summary).toMatch(/^Two copies of one network \(784 → 128 → 128 → 10, ReLU\) trained for 40 epochs on the same 2,000 training digits/);
    expect(built.params).toBe('784 → 128 → 128 → 10, 40 epochs on 2,000 training digits, seed 1: not trained yet (Train runs it live)');
  });

  it('slide view: one drawing for the slide, untitled (the menu names the chart)', () => {
    const box = document.createElement('div');
    box.innerHTML = buildDigitsFigure(document, 'slides').plot;
    expect([...box.querySelectorAll('.built-figure')].map((v) => (v as HTMLElement).dataset.density)).toEqual(['slide']);
    expect(box.querySelector('.digits-panel-title')).toBeNull();
    expect(box.querySelectorAll('svg[role="img"]')).toHaveLength(1);
  });
});
