/**
 * Where the MC-dropout widget's probability chart sits (McDropout.astro's CSS), for the build-time figure (figure.ts)
 * and the tests that compare it with the live drawing. Its plot box is beside the drawing pad: in the reading column
 * (BUILD_WIDTH.page) the pad's column (15rem) and the gap (1rem) leave 462 px at the site's 18 px rem, where the live
 * chart is drawn at a phone's density; on a phone (under 520 px the two stack) it is the whole box. On a slide: the
 * slide's width less the pad's 180 px column and 14 px gap, a little lower than the box (279 stage px under the
 * legend), so the drawing is never scaled down there.
 */
import { BUILD_WIDTH } from '../../src/widgets/built-figure.ts';

export const MC_PLOT_WIDTH = { page: BUILD_WIDTH.page - 16 * 18, phone: BUILD_WIDTH.phone, slide: BUILD_WIDTH.slide - 194 } as const;
export const MC_SLIDE_PLOT_HEIGHT = 270;
