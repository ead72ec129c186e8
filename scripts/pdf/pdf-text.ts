// Reads a PDF back with Mozilla's pdf.js: its page count and each page's text, so tests can check what was printed
// where (the slide's heading and its figure's labels on the slide's own page).

import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

async function withDocument<T>(bytes: Uint8Array, use: (doc: Awaited<ReturnType<typeof getDocument>['promise']>) => Promise<T>): Promise<T> {
  const task = getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, verbosity: 0 });
  try {
    return await use(await task.promise);
  } finally {
    await task.destroy();
  }
}

export function pdfPageCount(bytes: Uint8Array): Promise<number> {
  return withDocument(bytes, async (doc) => doc.numPages);
}

/** Each page's text, its runs joined by spaces and white space collapsed. */
export function pdfPageTexts(bytes: Uint8Array): Promise<string[]> {
  return withDocument(bytes, async (doc) => {
    const pages: string[] = [];
    for (let i = 1; i <= doc.numPages; i++) {
      const content = await (await doc.getPage(i)).getTextContent();
      pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' ').replace(/\s+/g, ' ').trim());
    }
    return pages;
  });
}
