/**
 * Text contrast inside SVG charts, which axe-core leaves "incomplete" (it cannot find the background behind an
 * SVG): each visible <text> is measured against the nearest HTML background behind its <svg>, with the colour's
 * alpha and every ancestor's opacity applied. WCAG 2 AA: 4.5:1, or 3:1 for large text (24 px, or 18.66 px bold).
 * Runs in the page (passed to locator.evaluate), so it is self-contained.
 */
export interface LowContrastText {
  text: string;
  ratio: number;
  required: number;
  fill: string;
  background: string;
}

export function lowContrastSvgText(root: Element): LowContrastText[] {
  const parse = (css: string): [number, number, number, number] | null => {
    const m = /rgba?\(([^)]+)\)/.exec(css);
    if (!m) return null;
    const parts = m[1].split(/[\s,/]+/).filter(Boolean).map(Number);
    return [parts[0], parts[1], parts[2], parts.length > 3 ? parts[3] : 1];
  };
  const luminance = ([r, g, b]: number[]) => {
    const lin = (c: number) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  };
  const over = (fg: number[], alpha: number, bg: number[]) => fg.slice(0, 3).map((c, i) => c * alpha + bg[i] * (1 - alpha));
  const backgroundOf = (el: Element): number[] => {
    for (let node: Element | null = el; node; node = node.parentElement) {
      const bg = parse(getComputedStyle(node).backgroundColor);
      if (bg && bg[3] > 0) return bg.slice(0, 3);
    }
    return [255, 255, 255];
  };
  const found: LowContrastText[] = [];
  for (const text of root.querySelectorAll<SVGTextElement>('svg text')) {
    const content = text.textContent?.trim() ?? '';
    const box = text.getBoundingClientRect();
    if (!content || box.width === 0 || box.height === 0) continue;
    const style = getComputedStyle(text);
    const fill = parse(style.fill);
    if (!fill || style.visibility === 'hidden') continue;
    let alpha = fill[3] * Number(style.fillOpacity || 1);
    for (let node: Element | null = text; node && node.tagName.toLowerCase() !== 'html'; node = node.parentElement) alpha *= Number(getComputedStyle(node).opacity || 1);
    const svg = text.ownerSVGElement ?? text;
    const background = backgroundOf(svg);
    const shown = over(fill, alpha, background);
    const [hi, lo] = [luminance(shown), luminance(background)].sort((a, b) => b - a);
    const ratio = (hi + 0.05) / (lo + 0.05);
    const px = parseFloat(style.fontSize) * (text.getScreenCTM()?.a ?? 1);
    const large = px >= 24 || (px >= 18.66 && Number(style.fontWeight) >= 700);
    const required = large ? 3 : 4.5;
    if (ratio < required - 0.005) found.push({ text: content.slice(0, 40), ratio: Math.round(ratio * 100) / 100, required, fill: style.fill, background: `rgb(${background.join(', ')})` });
  }
  return found;
}
