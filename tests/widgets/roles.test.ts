import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { requireRole } from '../../src/widgets/roles.ts';

function shell(html: string): HTMLElement {
  const doc = new JSDOM(`<w-demo data-widget="demo">${html}</w-demo>`).window.document;
  return doc.querySelector<HTMLElement>('w-demo')!;
}

describe('requireRole', () => {
  it('finds a part of the shell by its data-role', () => {
    const root = shell('<button data-role="play">Train</button><p data-role="status"></p>');
    expect(requireRole<HTMLButtonElement>(root, 'play').textContent).toBe('Train');
    expect(requireRole(root, 'status').tagName).toBe('P');
  });

  it('throws with the widget name when the shell lacks the part', () => {
    expect(() => requireRole(shell(''), 'reset')).toThrow('widget demo: missing [data-role="reset"]');
  });
});
