// The build-time figure (figure.ts): the controller's first drawing before training — every chart titled for a laptop
// and a phone (reading view), the <Step params>' chart on a slide — the setup in words, and the one-line parameters;
// drawn with a server-side document, as the build does.
import { describe, expect, it } from 'vitest';
import { serverDocument } from '../../../src/widgets/server-document.ts';
import { buildDigitsFigure } from '../../../components/digits-dropout/figure.ts';

describe('digits-dropout build-time figure', () => {
  const document = serverDocument();

  it('reading view: a laptop and a phone drawing of every chart, titled, the error axes to epoch 40', () => {
    const built = buildDigitsFigure(document, 'reading');
    const box = document.createElement('div');
    box.innerHTML = built.plot;
    const variants = [...box.querySelectorAll('.built-figure')];
    expect(variants.map((v) => (v as HTMLElement).dataset.density)).toEqual(['page', 'phone']);
    for (const v of variants) {
      const titles = [...v.querySelectorAll('.digits-panel-title')].map((t) => t.textContent);
      expect(titles).toHaveLength(3);
      expect(titles[0]).toBe('Error on the training and the test digits');
      expect(v.querySelectorAll('.chart-box')).toHaveLength(3);
      expect(v.querySelectorAll('.digits-features canvas')).toHaveLength(2); // the two nets' weight sheets
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
    expect(box.querySelector('svg[role="img"]')!.getAttribute('aria-label')).toBe('Training and test error of both networks against the epoch');
  });

  it('slide view: the chart its <Step params> picks (the weight sheets beside bullet ②)', () => {
    const box = document.createElement('div');
    box.innerHTML = buildDigitsFigure(document, 'slides', 'digitsPanel=features').plot;
    expect(box.querySelectorAll('.chart-box')).toHaveLength(1);
    expect(box.querySelectorAll('.digits-features canvas')).toHaveLength(2);
    expect(box.querySelector('svg[aria-label="Training and test error of both networks against the epoch"]')).toBeNull();
  });
});
