/**
 * The notice about a bad link, on every page (src/layouts/Base.astro): the query is parsed against the parameter
 * table and each problem is listed, as plain text, in the #url-notice box. Pages with widgets apply the usable
 * values themselves (lesson-state.ts); a page without widgets still says what it could not use.
 */
import { parseQuery } from './params.ts';

/** Notices listed at most; the rest are counted. */
export const MAX_NOTICES_SHOWN = 8;

export function showNotices(notices: readonly string[], doc: Document = document): void {
  const box = doc.getElementById('url-notice');
  const list = box?.querySelector('ul');
  if (!box || !list || notices.length === 0) return;
  const shown = notices.slice(0, MAX_NOTICES_SHOWN);
  if (notices.length > shown.length) shown.push(`…and ${notices.length - shown.length} more problems.`);
  list.replaceChildren(
    ...shown.map((text) => {
      const li = doc.createElement('li');
      li.textContent = text; // text only: nothing from the URL is ever parsed as HTML
      return li;
    }),
  );
  box.hidden = false;
}

/** Show what this page's link could not use, and let the reader dismiss it. */
export function startUrlNotice(doc: Document = document): void {
  showNotices(parseQuery(doc.location.search).notices, doc);
  const box = doc.getElementById('url-notice');
  box?.querySelector('[data-role="dismiss-notice"]')?.addEventListener('click', () => (box.hidden = true));
}
