// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';

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
  // Math is rendered to HTML at build time; no KaTeX JavaScript reaches the browser.
  markdown: {
    processor: unified({ remarkPlugins: [remarkMath], rehypePlugins: [rehypeKatex] }),
  },
  integrations: [mdx()],
  build: { format: 'directory' },
  // Never inline scripts: the Content-Security-Policy allows same-origin script files only.
  vite: { build: { assetsInlineLimit: 0 } },
});
