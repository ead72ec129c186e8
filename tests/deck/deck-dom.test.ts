// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { isAnchorBesideSlides, mediaStep, readDeck, showSteps, slideOfAnchor } from '../../src/deck/deck-dom.ts';

function slide(html: string): HTMLElement[] {
  document.body.innerHTML = `<section data-slide>${html}</section>`;
  return Array.from(document.querySelectorAll<HTMLElement>('[data-step]'));
}

describe('mediaStep', () => {
  const steps = () =>
    slide(`
      <div data-step><blockquote>one</blockquote><div class="widget" id="explorer"></div></div>
      <div data-step><blockquote>two</blockquote><figure id="fig"></figure></div>
      <div data-step><blockquote>three</blockquote></div>
      <div data-step data-media="explorer"><blockquote>four</blockquote></div>`);

  it('shows the newest shown step that has media of its own', () => {
    const s = steps();
    expect(mediaStep(s, 1)).toBe(s[0]);
    expect(mediaStep(s, 2)).toBe(s[1]);
    expect(mediaStep(s, 3)).toBe(s[1]);
  });

  it('shows the media a step names, from an earlier step', () => {
    const s = steps();
    expect(mediaStep(s, 4)).toBe(s[0]);
  });

  it('has none before any step with media is shown', () => {
    const s = slide('<div data-step>a</div><div data-step><div class="widget"></div></div>');
    expect(mediaStep(s, 1)).toBeUndefined();
    expect(mediaStep(s, 0)).toBeUndefined();
  });
});

describe('showSteps', () => {
  it('marks shown steps, the newest as current, the media step, and the slide', () => {
    const s = slide('<div data-step>a<div class="widget"></div></div><div data-step>b</div><div data-step>c</div>');
    showSteps(s, 2);
    expect(s.map((step) => step.hasAttribute('data-shown'))).toEqual([true, true, false]);
    expect(s.map((step) => step.getAttribute('aria-current'))).toEqual([null, 'step', null]);
    expect(s.map((step) => step.hasAttribute('data-media-current'))).toEqual([true, false, false]);
    const section = document.querySelector<HTMLElement>('[data-slide]')!;
    expect(section.hasAttribute('data-has-media')).toBe(true);
    expect(section.style.getPropertyValue('--deck-steps')).toBe('3');
  });
});

describe('anchors in the deck page', () => {
  // The soak found the slide view's skip link ("Skip to slide controls", #deck-controls) sending the deck to slide 1.
  const deck = () => {
    document.body.innerHTML = `<a href="#deck-controls">Skip</a><div data-deck-stage><section data-slide><h2 id="one">One</h2></section>
      <section data-slide><h2 id="two">Two</h2></section></div><div id="deck-controls"></div>`;
    return readDeck(document.querySelector('[data-deck-stage]')!);
  };

  it('a heading inside a slide names that slide, and is not beside the slides', () => {
    const model = deck();
    expect(slideOfAnchor(model, '#two')).toBe(1);
    expect(isAnchorBesideSlides(model, '#two')).toBe(false);
  });

  it('the skip link\'s target is beside the slides: a link within the page, not a position', () => {
    const model = deck();
    expect(slideOfAnchor(model, '#deck-controls')).toBe(-1);
    expect(isAnchorBesideSlides(model, '#deck-controls')).toBe(true);
  });

  it('deck positions, unknown ids and malformed hashes are not anchors beside the slides', () => {
    const model = deck();
    for (const hash of ['#/2/1', '#nowhere', '#%E0%A4%A', '#', '']) expect(isAnchorBesideSlides(model, hash)).toBe(false);
  });
});
