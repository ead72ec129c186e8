/**
 * Where the text of a hand-built SVG chart sits, estimated in Node (jsdom has no layout): each <text>'s box from its
 * position, anchor and font size, with glyph widths about those of the system sans fonts (0.55 em a character,
 * 0.62 em bold). For render tests: text at least some size, inside the drawing, and no two labels on top of each other.
 * Rotated text (a transform) is left out.
 */
export interface TextBox {
  text: string;
  size: number;
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

export function textBoxes(svg: Element): TextBox[] {
  return [...svg.querySelectorAll('text')]
    .filter((t) => !t.getAttribute('transform') && (t.textContent ?? '').trim() !== '')
    .map((t) => {
      const text = t.textContent ?? '';
      const size = Number(t.getAttribute('font-size'));
      const bold = Number(t.getAttribute('font-weight') ?? 400) >= 600;
      const w = [...text].length * size * (bold ? 0.62 : 0.55);
      const x = Number(t.getAttribute('x')), y = Number(t.getAttribute('y'));
      const anchor = t.getAttribute('text-anchor') ?? 'start';
      const x0 = anchor === 'middle' ? x - w / 2 : anchor === 'end' ? x - w : x;
      return { text, size, x0, x1: x0 + w, y0: y - size * 0.76, y1: y + size * 0.22 };
    });
}

/** Pairs of labels whose boxes share more than a pixel each way. */
export function overlappingText(boxes: readonly TextBox[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i], b = boxes[j];
      const w = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0), h = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
      if (w > 1 && h > 1) out.push(`"${a.text}" overlaps "${b.text}"`);
    }
  return out;
}

/** Labels that reach outside a width × height drawing. */
export function textOutside(boxes: readonly TextBox[], width: number, height: number): string[] {
  return boxes.filter((b) => b.x0 < -1 || b.x1 > width + 1 || b.y0 < -1 || b.y1 > height + 1).map((b) => `"${b.text}" reaches outside ${width}×${height}`);
}

/** The drawing's size from its viewBox: [width, height]. */
export function viewBoxSize(svg: Element): [number, number] {
  const [, , w, h] = (svg.getAttribute('viewBox') ?? '').split(/\s+/).map(Number);
  return [w, h];
}
