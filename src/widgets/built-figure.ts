/**
 * Figures drawn at build time: every widget's shell carries its figure at the default state, drawn by the same
 * engine and render functions the live widget uses (in Node, with a server-side document), so the page shows real
 * figures at first paint, without JavaScript, on paper and to a search engine. The controller takes the element over
 * when it runs.
 *
 * A chart's text must be drawn for the width it is shown at, so a reading page carries two drawings of each figure:
 * one for a laptop ('page', BUILD_WIDTH.page wide) and one for a phone ('phone'); a CSS container query on the plot
 * box shows the one that fits (widget.css). A slide page carries one, drawn for the slide's media column. Each drawing
 * keeps the live chart's box (its height is fixed, its width follows the page), so nothing moves when the live
 * widget redraws at the exact width. Pure: the caller passes the document.
 */
import { densityFor, type ChartSize, type Density } from './chart-size.ts';
import { defaultValues, parseQuery, type ParamValues } from './params.ts';

export type PageView = 'reading' | 'slides';

/** The view a page path shows: the slide and presenter views draw for a slide, everything else for reading. */
export function viewOfPath(pathname: string): PageView {
  return /\/(slides|presenter)\/?$/.test(pathname) ? 'slides' : 'reading';
}

/**
 * The settings a figure is drawn with: the parameter table's defaults, and on a slide those its `<Step params>` sets
 * (handed to the widget as `stepParams` by src/deck/remark-step-params.ts), as the deck sets them on arrival.
 */
export function figureValues(view: PageView, stepParams?: string): ParamValues {
  const values = defaultValues();
  return view === 'slides' && stepParams ? { ...values, ...parseQuery(stepParams).values } : values;
}

/**
 * Widths the build draws at: the reading column's plot box at its widest (a window of 1,280 px or more, where the
 * live widget then redraws nothing that moves); a phone's plot box on a 360 px screen, the narrowest the site is made
 * for (a wider phone scales the drawing up, never its text below the phone's size); a slide's media column, a little
 * under the narrowest plot box a slide gives a widget (647 stage px), so a drawing is never scaled down there either.
 */
export const BUILD_WIDTH: Readonly<Record<Density, number>> = { page: 750, phone: 237, slide: 640 };
/**
 * The slide's plot box height the build assumes: under the lowest a slide gives a widget (311 stage px, below the
 * training buttons). A training widget shows this drawing until Train; the live widget measures the real box.
 */
export const BUILD_SLIDE_HEIGHT = 300;

/** The sizes to draw a figure at for a view, given the chart's preferred heights in the reading view. */
export function buildSizes(view: PageView, preferred: { height: number; phoneHeight?: number }, slideHeight = BUILD_SLIDE_HEIGHT): ChartSize[] {
  if (view === 'slides') return [{ width: BUILD_WIDTH.slide, height: slideHeight, density: 'slide' }];
  return [
    { width: BUILD_WIDTH.page, height: preferred.height, density: 'page' },
    { width: BUILD_WIDTH.phone, height: preferred.phoneHeight ?? preferred.height, density: 'phone' },
  ];
}

/**
 * The size of a chart drawn in a part of the plot box `width` wide (a column, say), as measureChart gives it there: a
 * narrow part of a laptop's box is drawn at the phone's density (its text, its preferred phone height), as live.
 */
export function partSize(size: ChartSize, width: number, preferred: { height: number; phoneHeight?: number }): ChartSize {
  if (size.density === 'slide') return { ...size, width };
  const density = densityFor(false, width);
  return { width, height: density === 'phone' ? (preferred.phoneHeight ?? preferred.height) : preferred.height, density };
}

/**
 * One drawing per size, each in a `.built-figure[data-density]` box. Every <svg> keeps its own height and follows the
 * box's width (its viewBox scales the drawing to fit without distorting it); on a slide it fills the plot box.
 */
export function builtVariants(document: Document, sizes: readonly ChartSize[], draw: (size: ChartSize) => Node | Node[]): HTMLElement[] {
  return sizes.map((size) => {
    const box = document.createElement('div');
    box.className = 'built-figure';
    box.dataset.density = size.density;
    const drawn = draw(size);
    box.append(...(Array.isArray(drawn) ? drawn : [drawn]));
    for (const svg of box.querySelectorAll('svg')) {
      // (An svg inside another, or one that keeps its own size, e.g. a colour key beside a chart: data-keep-size.)
      if (svg.parentElement?.closest('svg') || svg.hasAttribute('data-keep-size')) continue;
      const height = svg.getAttribute('height');
      if (!svg.getAttribute('viewBox') && svg.getAttribute('width') && height) svg.setAttribute('viewBox', `0 0 ${svg.getAttribute('width')} ${height}`);
      // The live chart's box: the page's width, the chart's own height (a slide: the whole plot box).
      (svg as SVGSVGElement).style.width = '100%';
      (svg as SVGSVGElement).style.height = size.density === 'slide' ? '100%' : `${height}px`;
    }
    return box;
  });
}

export interface BuiltFigure {
  /** HTML for the plot box: the drawings. */
  plot: string;
  /** The figure in words (the live widget keeps it up to date). */
  summary: string;
  /** One line of what the figure shows: "p = 0.5, seed 1, after 600 steps". */
  params: string;
}

export const html = (nodes: readonly Element[]): string => nodes.map((n) => n.outerHTML).join('');

/** A training widget's status line while its build-time figure (a finished run) is shown. */
export const BUILT_STATUS = 'A finished run, drawn when the page was built · Train runs it live';
