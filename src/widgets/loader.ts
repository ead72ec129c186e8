/**
 * Lazy widget loader. Every widget is server-rendered as an element with `data-widget="<name>"`;
 * its controller lives in `components/<name>/controller.ts` and is fetched only when the element
 * comes near the screen (so the first load carries only what is visible).
 */
import './lesson-state.ts';

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
  try {
    await importer();
  } catch (error) {
    requested.delete(name);
    el.dataset.widgetState = 'failed';
    throw error;
  }
}

/** Observe every widget under `root`; load its controller once it is within a screen of the viewport. */
export function startWidgets(root: ParentNode = document): void {
  const elements = Array.from(root.querySelectorAll<HTMLElement>('[data-widget]'));
  if (!('IntersectionObserver' in window)) {
    elements.forEach((el) => void load(el));
    return;
  }
  const observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        observer.unobserve(entry.target);
        void load(entry.target as HTMLElement);
      }
    },
    { rootMargin: '50% 0px' },
  );
  elements.forEach((el) => observer.observe(el));
}
