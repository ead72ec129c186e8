// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import digitsAsset from './src/digits/integration.ts';
import offlinePrecache from './src/offline/integration.ts';
import remarkStepParams from './src/deck/remark-step-params.ts';

/** Base path for hosting under a sub-path (GitHub Pages project sites): BASE_PATH=/repo-name/ */
function basePath() {
  const raw = process.env.BASE_PATH?.trim() || '/';
  const withLeading = raw.startsWith('/') ? raw : `/${raw}`;
  return withLeading.endsWith('/') ? withLeading : `${withLeading}/`;
}

export default defineConfig({
  site: process.env.SITE_URL || undefined,
  base: basePath(),
  trailingSlash: 'always',
  srcDir: './src',
  // OUT_DIR lets parallel test runs build into separate folders.
  outDir: process.env.OUT_DIR || './dist',
  // Math is rendered to HTML at build time; no KaTeX JavaScript reaches the browser. remarkStepParams hands each
  // <Step params> to the components inside it, for their build-time figures on a slide.
  markdown: {
    processor: unified({ remarkPlugins: [remarkMath, remarkStepParams], rehypePlugins: [rehypeKatex] }),
  },
  // digitsAsset: writes <base>data/mnist-10k.bin, the MNIST digits for the digits widgets (src/digits/).
  // offlinePrecache: writes <base>sw.js, the service worker that precaches the whole site (src/offline/). It must
  // come last: its build:done hook lists the output's files, and hooks run in this order.
  integrations: [mdx(), digitsAsset(), offlinePrecache()],
  // Stylesheets always as files: the Content-Security-Policy allows no <style> elements.
  build: { format: 'directory', inlineStylesheets: 'never' },
  // Never inline scripts: the Content-Security-Policy allows same-origin script files only.
  // One stylesheet for every page (about 10 KB gzip): one render-blocking request instead of three, and the
  // reading, slide and presenter views share it from the cache (npm run bench:site measures the first load).
  vite: { build: { assetsInlineLimit: 0, cssCodeSplit: false } },
});
