/**
 * Lazy widget loader. Every widget is server-rendered as an element with `data-widget="<name>"`;
 * its controller lives in `components/<name>/controller.ts` and is fetched only when the element
 * comes near the screen. The first load carries only what is on the first screen; once the reader
 * scrolls, a widget is fetched when it comes within half a screen, so it is ready when it arrives.
 */
import './lesson-state.ts';
import { warmIntl } from './intl-warmup.ts';

type ControllerModule = { default?: unknown };

const controllers = import.meta.glob<ControllerModule>('/components/*/controller.ts');

export function controllerPath(name: string): string {
  return `/components/${name}/controller.ts`;
}

const requested = new Set<string>();

async function load(el: HTMLElement): Promise<void> {
  const name = el.dataset.widget ?? '';
  const importer = controllers[controllerPath(name)];
  if (!importer) {
    el.dataset.widgetState = 'missing';
    console.warn(`No controller for widget "${name}"`);
    return;
  }
  if (requested.has(name)) return;
  requested.add(name);
  // 'loading' until the controller module arrives and upgrades the element (it then says 'ready').
  if (!el.dataset.widgetState) el.dataset.widgetState = 'loading';
  try {
    await warmIntl(); // ICU's number data in two short tasks, not inside the widget code's evaluation
    await importer();
  } catch (error) {
    requested.delete(name);
    el.dataset.widgetState = 'failed';
    throw error;
  }
}

/**
 * Observe every widget under `root`: load its controller once it is on screen, or, after the first
 * scroll, once it is within half a screen of the viewport.
 */
export function startWidgets(root: ParentNode = document): void {
  const elements = Array.from(root.querySelectorAll<HTMLElement>('[data-widget]'));
  if (!('IntersectionObserver' in window)) {
    elements.forEach((el) => void load(el));
    return;
  }
  const pending = new Set(elements);
  const observers: IntersectionObserver[] = [];
  const onEntries = (entries: IntersectionObserverEntry[]) => {
    for (const entry of entries) {
      const el = entry.target as HTMLElement;
      if (!entry.isIntersecting || !pending.delete(el)) continue;
      observers.forEach((o) => o.unobserve(el));
      void load(el);
    }
  };
  const watch = (rootMargin: string) => {
    const observer = new IntersectionObserver(onEntries, { rootMargin });
    observers.push(observer);
    pending.forEach((el) => observer.observe(el));
  };
  watch('0px');
  addEventListener('scroll', () => watch('50% 0px'), { once: true, passive: true });
}
