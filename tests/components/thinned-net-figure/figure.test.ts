import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import {
  FIGURE_GEOMETRY,
  FIGURE_P_HIDDEN,
  FIGURE_P_INPUT,
  FIGURE_SIZES,
  chooseFigureMasks,
  describeMasks,
  escapeXml,
  figureMasks,
  illustrates,
  renderThinnedNetSvg,
} from '../../../components/thinned-net-figure/figure.ts';
import { droppedIndices, layoutNet, listUnits } from '../../../components/thinned-net-figure/net-geometry.ts';
import { createRng, sampleDropoutMask } from '../../../src/engine/index.ts';
import { overlappingText, textBoxes, textOutside, viewBoxSize } from '../svg-text.ts';

function parse(svg: string): Document {
  return new JSDOM(`<!doctype html><body>${svg}</body>`).window.document;
}

describe('thinned-net figure masks', () => {
  it("uses the paper's typical drop probabilities: 0.2 on inputs, 0.5 on hidden units (retain 0.8 and 0.5)", () => {
    expect(FIGURE_P_INPUT).toBe(0.2);
    expect(FIGURE_P_HIDDEN).toBe(0.5);
    expect(FIGURE_SIZES).toEqual([4, 5, 5, 2]);
  });

  it('draws each layer from its own engine stream, reproducibly, and never drops outputs', () => {
    const a = figureMasks(7);
    const b = figureMasks(7);
    expect(a.masks.map((m) => Array.from(m))).toEqual(b.masks.map((m) => Array.from(m)));
    const rng = createRng(7).fork('thinned-net-figure');
    expect(Array.from(a.masks[1])).toEqual(Array.from(sampleDropoutMask(rng.fork('layer-1'), 0.5, 5)));
    expect(Array.from(a.masks[3])).toEqual([1, 1]);
  });

  it('chooses the first seed whose mask drops at least one and keeps at least one unit in every droppable layer', () => {
    const chosen = chooseFigureMasks();
    expect(illustrates(chosen.masks)).toBe(true);
    for (let seed = 1; seed < chosen.seed; seed++) expect(illustrates(figureMasks(seed).masks)).toBe(false);
  });

  it('describes the dropped units in words', () => {
    const masks = [Float64Array.of(1, 0, 1, 1), Float64Array.of(0, 1, 1, 0, 1), Float64Array.of(1, 1, 1, 1, 0), Float64Array.of(1, 1)];
    expect(describeMasks(masks)).toBe(
      'In the thinned net, dropout removed input unit 2; hidden layer 1 units 1 and 4; hidden layer 2 unit 5, together with all their connections; 12 of 16 units remain.',
    );
    expect(listUnits([0, 2, 3])).toBe('1, 3 and 4');
    expect(droppedIndices(Float64Array.of(1, 0, 0))).toEqual([1, 2]);
  });
});

describe('net geometry', () => {
  it('keeps a connection only when both of its units are kept', () => {
    const layout = layoutNet([2, 3, 1], [Float64Array.of(1, 0), Float64Array.of(1, 1, 0)], { x: 0, y: 0, width: 200, height: 100 }, 10);
    expect(layout.edges).toHaveLength(2 * 3 + 3 * 1);
    expect(layout.edges.filter((e) => e.kept)).toHaveLength(1 * 2 + 2 * 1);
    for (const u of layout.units.flat()) {
      expect(Number.isFinite(u.x) && Number.isFinite(u.y)).toBe(true);
      expect(u.x).toBeGreaterThanOrEqual(10);
      expect(u.x).toBeLessThanOrEqual(190);
    }
  });
});

describe('renderThinnedNetSvg', () => {
  const { svg, masks, description } = renderThinnedNetSvg();
  const doc = parse(svg);
  const root = doc.querySelector('svg')!;

  it('is an accessible image with a title and a description that lists the dropped units', () => {
    expect(root.getAttribute('role')).toBe('img');
    expect(root.getAttribute('aria-label')).toMatch(/standard neural net.*thinned/i);
    expect(root.querySelector('title')?.textContent).toBe(root.getAttribute('aria-label'));
    expect(root.querySelector('desc')?.textContent).toBe(description);
    expect(description).toContain(describeMasks(masks.masks));
  });

  it('crosses exactly the dropped units of the mask, each with an ✕ and a dashed outline', () => {
    const dropped = masks.masks.reduce((n, m) => n + droppedIndices(m).length, 0);
    expect(dropped).toBeGreaterThan(0);
    const crossed = root.querySelectorAll('.panel-thinned [data-dropped="true"]');
    expect(crossed).toHaveLength(dropped);
    for (const g of crossed) {
      expect(g.querySelector('path.cross')).not.toBeNull();
      expect(g.querySelector('circle')?.getAttribute('stroke-dasharray')).toBeTruthy();
      const layer = Number(g.getAttribute('data-layer'));
      const unit = Number(g.getAttribute('data-unit'));
      expect(masks.masks[layer][unit - 1]).toBe(0);
    }
    expect(root.querySelectorAll('.panel-standard [data-dropped]')).toHaveLength(0);
  });

  it('draws every unit in both panels, all connections on the left and only those between kept units on the right', () => {
    const units = FIGURE_SIZES.reduce((a, b) => a + b, 0);
    expect(root.querySelectorAll('.panel-standard circle')).toHaveLength(units);
    expect(root.querySelectorAll('.panel-thinned circle')).toHaveLength(units);
    let all = 0, kept = 0;
    for (let l = 0; l + 1 < FIGURE_SIZES.length; l++) {
      all += FIGURE_SIZES[l] * FIGURE_SIZES[l + 1];
      const a = masks.masks[l].reduce((s, v) => s + v, 0);
      const b = masks.masks[l + 1].reduce((s, v) => s + v, 0);
      kept += a * b;
    }
    expect(root.querySelectorAll('.panel-standard line')).toHaveLength(all);
    expect(root.querySelectorAll('.panel-thinned line')).toHaveLength(kept);
  });

  it('writes no non-finite number and escapes text', () => {
    expect(svg).not.toMatch(/NaN|Infinity|undefined/);
    expect(escapeXml('<a href="x">&\'')).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&#39;');
  });
});

describe('renderThinnedNetSvg layouts', () => {
  // Where each drawing is shown (ThinnedNetFigure.astro): the wide one fills a slide's media column, at least 677 stage px
  // wide, where text must be 16 px; the narrow one a phone's figure, at least 275 px wide, where text must be 12 px.
  const shown = { wide: { width: 677, minPx: 16 }, narrow: { width: 275, minPx: 12 } } as const;

  for (const layout of ['wide', 'narrow'] as const) {
    it(`${layout}: text large enough where it is shown, inside the drawing, never on other text`, () => {
      const root = parse(renderThinnedNetSvg(chooseFigureMasks(), FIGURE_SIZES, layout).svg).querySelector('svg')!;
      const [w, h] = viewBoxSize(root);
      expect([w, h]).toEqual([FIGURE_GEOMETRY[layout].width, FIGURE_GEOMETRY[layout].height]);
      expect(root.getAttribute('class')).toContain(`thinned-net-svg--${layout}`);
      const boxes = textBoxes(root);
      expect(boxes).toHaveLength(2 + 2 * FIGURE_SIZES.length);
      const scale = shown[layout].width / w;
      expect(Math.min(...boxes.map((b) => b.size)) * scale).toBeGreaterThanOrEqual(shown[layout].minPx);
      expect(overlappingText(boxes)).toEqual([]);
      expect(textOutside(boxes, w, h)).toEqual([]);
      // Every unit inside the drawing, and no label on a unit.
      for (const c of root.querySelectorAll('circle')) {
        const [cx, cy, r] = ['cx', 'cy', 'r'].map((a) => Number(c.getAttribute(a)));
        expect(cx - r >= 0 && cx + r <= w && cy - r >= 0 && cy + r <= h).toBe(true);
        for (const b of boxes) expect(b.x1 > cx - r && b.x0 < cx + r && b.y1 > cy - r && b.y0 < cy + r).toBe(false);
      }
    });
  }

  it('stacks the panels in the narrow drawing and sets them side by side in the wide one', () => {
    const [a, b] = FIGURE_GEOMETRY.narrow.panels;
    expect(b.titleY).toBeGreaterThan(a.netY + a.netHeight);
    const [c, d] = FIGURE_GEOMETRY.wide.panels;
    expect(d.x).toBeGreaterThan(c.x + c.width);
  });
});
