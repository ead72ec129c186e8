import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { defaultValues } from '../../src/widgets/params.ts';
import { showParamValues } from '../../src/widgets/value-outputs.ts';

function shell(html: string): HTMLElement {
  return new JSDOM(`<div>${html}</div>`).window.document.querySelector('div')!;
}

describe('showParamValues', () => {
  it('writes each named value into its value output as text', () => {
    const root = shell('<output data-role="value-p">0.5</output><output data-role="value-noise">0.1</output><output data-role="value-pin">0.2</output>');
    showParamValues(root, { ...defaultValues(), p: 0.3, noise: 0.25, pin: 0.4 }, ['p', 'noise']);
    expect([...root.querySelectorAll('output')].map((o) => o.textContent)).toEqual(['0.3', '0.25', '0.2']);
  });

  it('uses the given format, and skips names without an output', () => {
    const root = shell('<output data-role="value-slope">0.01</output>');
    showParamValues(root, { ...defaultValues(), slope: 0.2, alpha: 2 }, ['slope', 'alpha'], (v) => `≈ ${v.toFixed(1)}`);
    expect(root.querySelector('output')!.textContent).toBe('≈ 0.2');
  });
});
