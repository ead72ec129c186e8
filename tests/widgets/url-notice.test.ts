import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { MAX_NOTICES_SHOWN, showNotices, startUrlNotice } from '../../src/widgets/url-notice.ts';

function page(url: string): Document {
  const html = '<div id="url-notice" hidden><p>Some settings could not be used:</p><ul></ul><button data-role="dismiss-notice">Dismiss</button></div>';
  return new JSDOM(html, { url }).window.document;
}

describe('the bad-link notice', () => {
  it('lists what the link could not use as text, never as markup', () => {
    const doc = page('https://example.org/?%22%3E%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E=1&p=2');
    startUrlNotice(doc);
    const box = doc.getElementById('url-notice')!;
    expect(box.hidden).toBe(false);
    expect([...box.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'Ignored unknown setting "\\"><img src=x onerror=alert(1)>" in the link.',
      'p must be a number from 0 to 0.9; got "2". Using the default, 0.5.',
    ]);
    expect(box.querySelector('img')).toBeNull();
  });

  it('stays hidden for a good link, and the reader can dismiss it', () => {
    const good = page('https://example.org/?p=0.3&seed=7');
    startUrlNotice(good);
    expect(good.getElementById('url-notice')!.hidden).toBe(true);
    const bad = page('https://example.org/?p=abc');
    startUrlNotice(bad);
    bad.querySelector<HTMLButtonElement>('[data-role="dismiss-notice"]')!.click();
    expect(bad.getElementById('url-notice')!.hidden).toBe(true);
  });

  it(`lists at most ${MAX_NOTICES_SHOWN} problems and counts the rest`, () => {
    const doc = page('https://example.org/');
    showNotices(Array.from({ length: 20 }, (_, i) => `problem ${i}`), doc);
    const items = [...doc.querySelectorAll('li')].map((li) => li.textContent);
    expect(items).toHaveLength(MAX_NOTICES_SHOWN + 1);
    expect(items.at(-1)).toBe(`…and ${20 - MAX_NOTICES_SHOWN} more problems.`);
  });
});
