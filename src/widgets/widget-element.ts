/**
 * Base class for widget controllers. The server renders the shell (controls, caption, fallback);
 * the controller upgrades it in place when its module is loaded, and owns the widget's state.
 */
import { requireRole } from './roles.ts';

export abstract class WidgetElement extends HTMLElement {
  #started = false;

  connectedCallback(): void {
    if (this.#started) return;
    this.#started = true;
    try {
      this.start();
      this.dataset.widgetState = 'ready';
    } catch (error) {
      this.dataset.widgetState = 'failed';
      this.showError(error instanceof Error ? error.message : String(error));
      throw error;
    }
  }

  disconnectedCallback(): void {
    this.#started = false;
    this.stop();
  }

  /** Wire controls and draw for the first time. */
  protected abstract start(): void;

  /** Release timers and observers. */
  protected stop(): void {}

  /** Show a message in the widget's status line (text only, never HTML). */
  protected showError(message: string): void {
    const status = this.querySelector<HTMLElement>('[data-role="status"]');
    if (!status) return;
    status.textContent = message;
    status.dataset.tone = 'warn';
  }

  protected ref<T extends Element = HTMLElement>(role: string): T {
    return requireRole<T>(this, role);
  }
}

export function defineWidget(tag: string, element: CustomElementConstructor): void {
  if (!customElements.get(tag)) customElements.define(tag, element);
}

export function prefersReducedMotion(): boolean {
  return window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}
