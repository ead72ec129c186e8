/**
 * What a reader actually sees of the text in a box (a slide, a widget): every visible text run, the size its glyphs
 * render at on screen, and what overflows or overlaps. Used by the legibility gates (legibility-*.spec.ts) and by
 * `scripts/legibility-report.ts`. The in-page function is self-contained (it is passed to page.evaluate).
 *
 * "Renders at" is the font size times every scale applied to it: for SVG text the screen transform of the text
 * element (the viewBox scale, the slide's CSS zoom and the stage's fit-to-window transform, all in getScreenCTM()),
 * for HTML text the element's CSS zoom (currentCSSZoom) times the transform scale of its nearest scaled ancestor
 * (the deck stage), measured as its on-screen width over its layout width.
 */

export interface TextRun {
  text: string;
  /** Glyph size on screen, CSS px. */
  px: number;
  /** What this run belongs to, for messages: the nearest widget, chart or heading. */
  where: string;
  /** On-screen box (the union of the run's line boxes). */
  box: { x: number; y: number; w: number; h: number };
}

export interface BoxReport {
  runs: TextRun[];
  /** Elements (and text) that reach outside the box, or a box that scrolls. */
  overflows: string[];
  /** Pairs of text runs, or of text and a graphic mark, drawn on top of each other. */
  overlaps: string[];
}

export interface MeasureOptions {
  /** The box whose text is measured (e.g. the current slide, a widget). */
  root: string;
  /** The box nothing may leave (the deck stage; the window when absent). */
  frame?: string;
  /** Also report text drawn over an SVG mark (bars, cells, dots), not only over other text. */
  marks?: boolean;
  /** Elements whose overlap with each other counts (e.g. a slide's bullets and its media); none by default. */
  blocks?: string;
  /** Only sideways overflow counts (a widget in a scrolling page may run below the window, never past its side). */
  sidewaysOnly?: boolean;
}

/** Runs in the page: measure every visible text run under options.root. */
export function measureBox(options: MeasureOptions): BoxReport {
  const root = document.querySelector<HTMLElement>(options.root);
  if (!root) return { runs: [], overflows: [`no element matches ${options.root}`], overlaps: [] };
  const frameEl = options.frame ? document.querySelector<HTMLElement>(options.frame) : null;
  const frame = frameEl ? frameEl.getBoundingClientRect() : new DOMRect(0, 0, document.documentElement.clientWidth, innerHeight);
  const stageScale = frameEl && frameEl.offsetWidth > 0 ? frameEl.getBoundingClientRect().width / frameEl.offsetWidth : 1;

  type Rect = { x: number; y: number; w: number; h: number };
  const toRect = (r: DOMRect | DOMRectReadOnly): Rect => ({ x: r.left, y: r.top, w: r.width, h: r.height });
  const intersect = (a: Rect, b: Rect): Rect | null => {
    const x = Math.max(a.x, b.x), y = Math.max(a.y, b.y);
    const w = Math.min(a.x + a.w, b.x + b.w) - x, h = Math.min(a.y + a.h, b.y + b.h) - y;
    return w > 0 && h > 0 ? { x, y, w, h } : null;
  };
  const union = (rects: Rect[]): Rect => {
    const x = Math.min(...rects.map((r) => r.x)), y = Math.min(...rects.map((r) => r.y));
    return { x, y, w: Math.max(...rects.map((r) => r.x + r.w)) - x, h: Math.max(...rects.map((r) => r.y + r.h)) - y };
  };
  const round = (n: number) => Math.round(n * 10) / 10;
  const short = (s: string) => (s.length > 50 ? `${s.slice(0, 47)}…` : s);

  /**
   * The part of `rect` not clipped away (overflow other than visible, clip, clip-path) by `clipper` or its ancestors,
   * up to the frame. For text, `clipper` is the element holding it (which clips its own content, like a visually
   * hidden summary); for an element's box, its parent.
   */
  const visiblePart = (clipper: Element | null, rect: Rect): Rect | null => {
    let out: Rect | null = rect;
    for (let a: Element | null = clipper; a && out; a = a.parentElement) {
      if (a instanceof SVGElement && !(a instanceof SVGSVGElement)) continue;
      const style = getComputedStyle(a);
      // clip: rect(0 0 0 0) (visually hidden text, kept for screen readers) shows nothing: not even its 1 px box, which
      // a scaled stage (a zoomed slide at 1920×1080) makes just over a pixel wide.
      const clipRect = /^rect\(([^)]*)\)$/.exec(style.clip ?? '')?.[1].split(/[ ,]+/).map((v) => Number.parseFloat(v));
      if (clipRect && clipRect.length === 4 && (clipRect[1] - clipRect[3] <= 0 || clipRect[2] - clipRect[0] <= 0)) return null;
      const clips = style.overflowX !== 'visible' || style.overflowY !== 'visible' || (style.clip && style.clip !== 'auto') || style.clipPath !== 'none';
      if (clips) out = intersect(out, toRect(a.getBoundingClientRect()));
      if (a === frameEl) break;
    }
    return out;
  };

  const where = (el: Element): string => {
    const widget = el.closest<HTMLElement>('[data-widget]');
    const svg = el.closest('svg');
    const label = svg?.getAttribute('aria-label');
    if (widget) return `widget ${widget.dataset.widget}${label ? ` (chart "${short(label)}")` : ''}`;
    if (el.closest('.katex')) return 'formula';
    const block = el.closest('h1, h2, h3, p, li, blockquote, td, th, figcaption, button, label, summary, a');
    return block ? block.localName : el.localName;
  };

  const scaleOf = (el: Element): number => {
    if (el instanceof SVGGraphicsElement) {
      const m = el.getScreenCTM();
      return m ? Math.sqrt(Math.abs(m.a * m.d - m.b * m.c)) : 0;
    }
    const zoom = (el as HTMLElement & { currentCSSZoom?: number }).currentCSSZoom ?? 1;
    return stageScale * zoom;
  };

  const runs: TextRun[] = [];
  const runEls: Element[] = [];
  const cut: string[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = (node.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (!text) continue;
    const el = node.parentElement;
    if (!el || el.closest('style, script, title, desc, template, noscript')) continue;
    if (!el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
    const style = getComputedStyle(el);
    if (el instanceof SVGElement && (style.fill === 'none' || Number(style.fillOpacity) === 0) && style.stroke === 'none') continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    const rects = Array.from(range.getClientRects()).filter((r) => r.width > 0.5 && r.height > 0.5).map(toRect);
    if (rects.length === 0) continue;
    const shown = rects.map((r) => visiblePart(el, r)).filter((r): r is Rect => r !== null && r.w > 1 && r.h > 1);
    if (shown.length === 0) continue; // clipped away entirely (a visually-hidden summary)
    const px = Number.parseFloat(style.fontSize) * scaleOf(el);
    runs.push({ text: short(text), px: round(px), where: where(el), box: union(shown) });
    runEls.push(el);
    const full = union(rects), seen = union(shown);
    // A line box reaches a little above and below the glyphs: under 2 stage px cut from it clips no ink.
    const slack = 2 * stageScale;
    if (full.w - seen.w > slack || full.h - seen.h > slack) cut.push(`text "${short(text)}" (${where(el)}) is cut off: ${round(seen.w)}×${round(seen.h)} of ${round(full.w)}×${round(full.h)} px shown`);
  }

  const overflows: string[] = [...cut];
  const inFrame = (r: Rect) => r.x >= frame.left - 1 && r.x + r.w <= frame.right + 1 && (options.sidewaysOnly || (r.y >= frame.top - 1 && r.y + r.h <= frame.bottom + 1));
  runs.forEach((run) => {
    if (!inFrame(run.box)) overflows.push(`text "${run.text}" (${run.where}) reaches outside the ${frameEl ? 'stage' : 'window'}`);
  });
  if (root.scrollHeight > root.clientHeight + 2 && getComputedStyle(root).overflowY !== 'visible') overflows.push(`the box scrolls: content ${root.scrollHeight} px in ${root.clientHeight} px`);
  if (!frameEl && document.documentElement.scrollWidth > document.documentElement.clientWidth + 1) overflows.push(`the page scrolls sideways: ${document.documentElement.scrollWidth} px wide in a ${document.documentElement.clientWidth} px window`);
  for (const el of root.querySelectorAll('*')) {
    if (el.closest('svg') && !(el instanceof SVGSVGElement)) continue;
    if (!el.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
    const r = toRect(el.getBoundingClientRect());
    if (r.w === 0 || r.h === 0 || visiblePart(el.parentElement, r) === null) continue;
    if (!inFrame(r)) overflows.push(`${el.localName}${el.id ? `#${el.id}` : ''} (${where(el)}) reaches outside the ${frameEl ? 'stage' : 'window'}: ${round(r.x)},${round(r.y)} ${round(r.w)}×${round(r.h)}`);
  }

  // Text over text: line boxes of different runs that share more than a sliver (a formula counts as one run).
  const overlaps: string[] = [];
  const katexOf = (el: Element) => el.closest('.katex');
  const significant = (a: Rect, b: Rect, i: Rect) => i.w > 2 && i.h > Math.min(a.h, b.h) * 0.3;
  for (let i = 0; i < runs.length; i++)
    for (let j = i + 1; j < runs.length; j++) {
      const a = runEls[i], b = runEls[j];
      if (a.contains(b) || b.contains(a)) continue;
      const ka = katexOf(a);
      if (ka && ka === katexOf(b)) continue;
      const hit = intersect(runs[i].box, runs[j].box);
      if (hit && significant(runs[i].box, runs[j].box, hit)) overlaps.push(`"${runs[i].text}" overlaps "${runs[j].text}" (${runs[i].where})`);
    }
  // Text over a mark: bars, tiles and dots drawn under a label.
  if (options.marks) {
    runs.forEach((run, i) => {
      const svg = runEls[i].closest('svg');
      if (!svg) return;
      for (const mark of svg.querySelectorAll<SVGGraphicsElement>('rect, circle, ellipse, polygon')) {
        if (mark.closest('clipPath, mask, defs, pattern') || mark.closest('[data-backdrop]')) continue;
        const style = getComputedStyle(mark);
        if (style.fill === 'none' || Number(style.fillOpacity) === 0 || Number(style.opacity) === 0 || style.visibility === 'hidden') continue;
        const box = toRect(mark.getBoundingClientRect());
        if (box.w > svg.getBoundingClientRect().width * 0.9 && box.h > svg.getBoundingClientRect().height * 0.5) continue; // a background
        const hit = intersect(run.box, box);
        if (hit && hit.w > 2 && hit.h > run.box.h * 0.3) {
          overlaps.push(`"${run.text}" is drawn over a ${mark.localName} mark (${run.where})`);
          return;
        }
      }
    });
  }
  // Block over block: the slide's bullets and its media never overlap.
  if (options.blocks) {
    const blocks = Array.from(root.querySelectorAll(options.blocks)).filter((el) => el.checkVisibility({ visibilityProperty: true }));
    for (let i = 0; i < blocks.length; i++)
      for (let j = i + 1; j < blocks.length; j++) {
        if (blocks[i].contains(blocks[j]) || blocks[j].contains(blocks[i])) continue;
        const hit = intersect(toRect(blocks[i].getBoundingClientRect()), toRect(blocks[j].getBoundingClientRect()));
        if (hit && hit.w > 1 && hit.h > 1) overlaps.push(`${blocks[i].localName}${blocks[i].id ? `#${blocks[i].id}` : ''} overlaps ${blocks[j].localName}${blocks[j].id ? `#${blocks[j].id}` : ''}`);
      }
  }
  return { runs, overflows: [...new Set(overflows)], overlaps: [...new Set(overlaps)] };
}

/** The smallest run of a report (undefined when there is no text). */
export function smallestRun(runs: readonly TextRun[]): TextRun | undefined {
  return runs.reduce<TextRun | undefined>((min, r) => (min === undefined || r.px < min.px ? r : min), undefined);
}

/** Runs smaller than `minPx`, as messages. */
export function tooSmall(runs: readonly TextRun[], minPx: number): string[] {
  return runs.filter((r) => r.px < minPx - 0.05).map((r) => `"${r.text}" (${r.where}) renders at ${r.px} px, under ${Math.round(minPx * 10) / 10} px`);
}

/** Runs in the page: every widget shown under `scope` has started, drawn its plot and finished computing. */
export function shownWidgetsReady(scope: string): boolean {
  const widgets = Array.from(document.querySelectorAll<HTMLElement>(`${scope} [data-widget]`)).filter((w) => w.checkVisibility());
  return widgets.every((w) => w.dataset.widgetState === 'ready' && !w.dataset.busy && w.querySelector('[data-role="plot"] .widget-fallback') === null && w.querySelector('[data-role="plot"] svg') !== null);
}
