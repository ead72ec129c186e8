/**
 * <deck-view>: the slide deck's controller. It wraps a stage holding the lesson's rendered MDX,
 * shows one slide and its revealed steps at a time, keeps the URL hash (#/slide/step) and the
 * other windows of the lesson in step, and wires keys, buttons, swipes, overview and help.
 * Used by the audience view (data-mode="audience") and the presenter view (data-mode="presenter").
 */
import { readDeck, showPosition, showSteps, labelSlides, slideOfAnchor, isAnchorBesideSlides, type DeckModel } from './deck-dom.ts';
import { describeChange } from './announce.ts';
import { formatHash, parseHash, positionFromHash } from './hash.ts';
import { attachDeckKeys } from './keyboard.ts';
import type { DeckCommand } from './keys.ts';
import { openOverview } from './overview.ts';
import {
  clampPosition, firstPosition, isFirstPosition, isLastPosition, lastPosition, nextPosition,
  previousPosition, progressFraction, samePosition, startOfSlide, type Position,
} from './position.ts';
import { progressText } from './describe.ts';
import { openWindow, toggleFullscreen } from './screen.ts';
import { fitStage } from './stage.ts';
import { fitAllSlides, keepSlideFitted } from './slide-fit.ts';
import { attachSwipe } from './swipe-dom.ts';
import { connectDeckSync, type DeckSync } from './sync.ts';
import { stepParamsToApply } from './step-params.ts';
import { applyQuery } from '../widgets/lesson-state.ts';
import { type Blank, blankAfter, describeBlank } from './blank.ts';
import { attachChromeAutoHide } from './chrome-dom.ts';

export type ChangeOrigin = 'initial' | 'local' | 'hash' | 'remote';
export interface DeckChangeDetail {
  position: Position;
  previous: Position | null;
  model: DeckModel;
  origin: ChangeOrigin;
}

export class DeckView extends HTMLElement {
  model: DeckModel = { slides: [], steps: [], titles: [], shape: [] };
  #position: Position | null = null;
  #cleanups: (() => void)[] = [];
  #sync: DeckSync | null = null;
  #fit = keepSlideFitted();
  #blank: Blank = null;

  get position(): Position {
    return this.#position ?? firstPosition(this.model.shape);
  }

  connectedCallback(): void {
    const stage = this.querySelector<HTMLElement>('[data-deck-stage]');
    const viewport = this.querySelector<HTMLElement>('[data-deck-viewport]');
    if (!stage || !viewport) return;
    this.model = readDeck(stage);
    labelSlides(this.model);
    stage.dataset.deckReady = '';
    // ?notes: printing this page puts each slide's speaker notes under it (deck.css, print).
    if (new URLSearchParams(location.search).has('notes')) this.dataset.printNotes = '';
    // On a slide a widget shows the controls its notes use; the rest wait behind "More settings".
    for (const more of stage.querySelectorAll<HTMLDetailsElement>('details[data-widget-more]')) more.open = false;
    // The audience view's toolbar floats over the stage: the fit keeps it over the slide's bottom margin.
    const floatingBar = this.dataset.mode === 'audience' ? this.querySelector<HTMLElement>('.deck-bar') : null;
    this.#cleanups.push(fitStage(viewport, stage, floatingBar));
    const openedWithPosition = parseHash(location.hash) !== null;
    this.goto(this.#positionFromLocation(), 'initial');

    // A link to something beside the slides (the skip link to the controls) keeps the slide; the address names it again.
    const onHash = (): void => {
      if (isAnchorBesideSlides(this.model, location.hash)) this.#writeHash(this.position);
      else this.goto(this.#positionFromLocation(), 'hash');
    };
    window.addEventListener('hashchange', onHash);
    this.#cleanups.push(() => window.removeEventListener('hashchange', onHash));
    this.#cleanups.push(
      attachDeckKeys({
        command: (command) => this.run(command),
        gotoSlide: (n) => this.goto(startOfSlide(this.model.shape, n - 1), 'local'),
        blanked: () => this.#blank !== null,
        unblank: () => this.#setBlank(null, 'local'),
      }),
    );
    const bar = this.querySelector<HTMLElement>('.deck-bar');
    if (this.dataset.mode === 'audience' && bar) this.#cleanups.push(attachChromeAutoHide(this, bar));
    const blankCover = this.querySelector<HTMLElement>('[data-deck-blank]');
    if (blankCover) {
      const onCoverClick = (): void => this.#setBlank(null, 'local');
      blankCover.addEventListener('click', onCoverClick);
      this.#cleanups.push(() => blankCover.removeEventListener('click', onCoverClick));
    }
    const onClick = (event: MouseEvent): void => {
      const button = (event.target as Element | null)?.closest<HTMLElement>('[data-deck-action]');
      if (button && this.contains(button)) this.run(button.dataset.deckAction as DeckCommand);
    };
    this.addEventListener('click', onClick);
    this.#cleanups.push(() => this.removeEventListener('click', onClick));
    this.#cleanups.push(attachSwipe(viewport, (command) => this.run(command)));
    // Printing shows every slide fully built: build and fit each one first, restore afterwards.
    const onBeforePrint = (): void => {
      this.model.slides.forEach((_, i) => showSteps(this.model.steps[i], this.model.shape[i]));
      fitAllSlides(this.model.slides);
    };
    const onAfterPrint = (): void => {
      showPosition(this.model, this.position);
      this.#fit.show(this.model.slides[this.position.slide]);
    };
    window.addEventListener('beforeprint', onBeforePrint);
    window.addEventListener('afterprint', onAfterPrint);
    this.#cleanups.push(() => {
      window.removeEventListener('beforeprint', onBeforePrint);
      window.removeEventListener('afterprint', onAfterPrint);
    });
    this.#sync = connectDeckSync(this.model.shape, {
      current: () => this.position,
      moveTo: (p) => this.goto(p, 'remote'),
      adoptOthers: !openedWithPosition,
      blank: (tone) => this.#setBlank(tone, 'remote'),
    });
    this.#cleanups.push(this.#sync.disconnect);
  }

  disconnectedCallback(): void {
    this.#cleanups.splice(0).forEach((cleanup) => cleanup());
    this.#fit.disconnect();
    this.#sync = null;
  }

  run(command: DeckCommand): void {
    const shape = this.model.shape;
    switch (command) {
      case 'next': return this.goto(nextPosition(shape, this.position), 'local');
      case 'previous': return this.goto(previousPosition(shape, this.position), 'local');
      case 'first': return this.goto(firstPosition(shape), 'local');
      case 'last': return this.goto(lastPosition(shape), 'local');
      case 'fullscreen': return toggleFullscreen();
      case 'overview': return this.#openOverview();
      case 'help': return this.#openDialog('[data-deck-help]');
      case 'presenter': return this.#openPresenter();
      case 'blackout':
      case 'whiteout': return this.#setBlank(blankAfter(this.#blank, command), 'local');
    }
  }

  get blank(): Blank {
    return this.#blank;
  }

  /** Blank the screen (audience view) or say that the projector is blank (presenter view), and tell the others. */
  #setBlank(tone: Blank, origin: 'local' | 'remote'): void {
    if (tone === this.#blank) return;
    this.#blank = tone;
    if (tone) this.dataset.blank = tone;
    else delete this.dataset.blank;
    const presenter = this.dataset.mode === 'presenter';
    for (const note of this.querySelectorAll<HTMLElement>('[data-deck-blank-note]')) {
      note.hidden = tone === null;
      note.textContent = tone ? describeBlank(tone, true) : '';
    }
    this.#announce(describeBlank(tone, presenter));
    if (origin === 'local') this.#sync?.tellBlank(tone);
  }

  goto(target: Position, origin: ChangeOrigin): void {
    const position = clampPosition(this.model.shape, target);
    const previous = this.#position;
    if (previous && samePosition(previous, position)) {
      if (origin === 'hash') this.#writeHash(position); // a hash that clamped to here: show the clamped form
      return;
    }
    this.#position = position;
    showPosition(this.model, position);
    // The other window applies its own step's settings and the store syncs them: not on 'remote'.
    if (origin !== 'remote') this.#applyStepParams(position, origin === 'initial');
    if (!previous || previous.slide !== position.slide) this.#fit.show(this.model.slides[position.slide]);
    this.#writeHash(position);
    this.#renderProgress(position);
    if (origin !== 'initial') this.#announce(describeChange(this.model, previous, position));
    if (origin !== 'remote' && origin !== 'initial') this.#sync?.tell(position);
    const detail: DeckChangeDetail = { position, previous, model: this.model, origin };
    this.dispatchEvent(new CustomEvent('deck-change', { detail }));
  }

  /** `#/5/2`; or a heading's id from the reading page (`#dropout-why-it-helps`): that slide. */
  #positionFromLocation(): Position {
    const slide = parseHash(location.hash) ? -1 : slideOfAnchor(this.model, location.hash);
    return slide >= 0 ? startOfSlide(this.model.shape, slide) : positionFromHash(this.model.shape, location.hash);
  }

  #applyStepParams(position: Position, firstLoad: boolean): void {
    const params = this.model.steps[position.slide][position.step - 1]?.dataset.params;
    const query = params ? stepParamsToApply(params, firstLoad ? location.search : null) : '';
    if (query) applyQuery(query);
  }

  #writeHash(position: Position): void {
    const hash = formatHash(position);
    if (location.hash === hash) return;
    // replaceState: stepping through a talk must not fill the back button's history.
    history.replaceState(history.state, '', `${location.pathname}${location.search}${hash}`);
  }

  #renderProgress(position: Position): void {
    const shape = this.model.shape;
    for (const el of this.querySelectorAll<HTMLElement>('[data-deck-progress]')) el.textContent = progressText(shape, position);
    for (const bar of this.querySelectorAll<HTMLElement>('[data-deck-progress-bar]')) {
      bar.style.setProperty('--deck-progress', String(progressFraction(shape, position)));
    }
    // aria-disabled, not disabled: a focused "Next" button keeps focus at the end of the deck.
    for (const button of this.querySelectorAll<HTMLElement>('[data-deck-action="previous"]')) {
      button.setAttribute('aria-disabled', String(isFirstPosition(shape, position)));
    }
    for (const button of this.querySelectorAll<HTMLElement>('[data-deck-action="next"]')) {
      button.setAttribute('aria-disabled', String(isLastPosition(shape, position)));
    }
  }

  #announce(text: string): void {
    const region = this.querySelector<HTMLElement>('[data-deck-announcer]');
    if (region) region.textContent = text; // text only: titles come from the page, never the URL
  }

  #openDialog(selector: string): void {
    const dialog = this.querySelector<HTMLDialogElement>(selector);
    if (dialog && !dialog.open) dialog.showModal();
  }

  #openOverview(): void {
    const dialog = this.querySelector<HTMLDialogElement>('[data-deck-overview]');
    if (!dialog) return;
    openOverview({
      dialog,
      model: this.model,
      currentSlide: this.position.slide,
      pick: (slide) => {
        if (slide !== this.position.slide) this.goto(startOfSlide(this.model.shape, slide), 'local');
      },
    });
  }

  #openPresenter(): void {
    const href = this.dataset.presenterHref;
    if (!href) return;
    const opened = openWindow(`${href}${location.search}${formatHash(this.position)}`, `presenter:${location.pathname}`);
    if (!opened) this.#announce('The presenter view was blocked as a pop-up; use the "Presenter view" link.');
  }
}

if (!customElements.get('deck-view')) customElements.define('deck-view', DeckView);
