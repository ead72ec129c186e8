import type { Rng } from '../../../src/engine/index.ts';
import type { PageKind } from '../site.ts';
import { DECK_ACTIONS } from './deck-actions.ts';
import { NAVIGATION_ACTIONS } from './navigation-actions.ts';
import { PAGE_ACTIONS } from './page-actions.ts';
import { WIDGET_ACTIONS } from './widget-actions.ts';

/**
 * The soak's actions — what a reader, a lecturer or a curious student does with the site — and how often each is
 * chosen on each kind of page.
 */
export const ACTIONS = { ...WIDGET_ACTIONS, ...DECK_ACTIONS, ...PAGE_ACTIONS, ...NAVIGATION_ACTIONS };
export type ActionName = keyof typeof ACTIONS;

const NAVIGATION: readonly ActionName[] = ['goto', 'view-switch', 'history'];

/** How often each action is chosen on each kind of page: widgets get most of the attention, the deck its keys. */
const WIDGETS = { train: 14, button: 8, checkbox: 5, 'slider-drag': 7, 'slider-keys': 5, number: 7, select: 4, remount: 2 };
const PAGE = { 'tab-keys': 3, resize: 2, 'system-settings': 1, print: 1 };
const WEIGHTS: Record<PageKind, Partial<Record<ActionName, number>>> = {
  home: { ...PAGE, link: 10, goto: 4, 'view-switch': 2, history: 3, theme: 3, scroll: 2, wait: 1, button: 1 },
  reading: { ...WIDGETS, ...PAGE, scroll: 10, theme: 2, wait: 5, link: 4, goto: 3, 'view-switch': 2, history: 2, 'deck-hash': 1, 'deck-key': 1 },
  slides: { ...WIDGETS, ...PAGE, train: 10, 'deck-key': 20, 'deck-number': 5, 'deck-hash': 3, scroll: 1, theme: 2, wait: 4, link: 2, goto: 3, 'view-switch': 2, history: 2 },
  presenter: { ...WIDGETS, ...PAGE, train: 10, 'deck-key': 20, 'deck-number': 5, 'deck-hash': 3, scroll: 1, theme: 2, wait: 4, link: 2, goto: 3, 'view-switch': 2, history: 2 },
  other: { link: 5, goto: 5, history: 2, scroll: 2, theme: 1, wait: 1 },
};

export function chooseAction(rng: Rng, kind: PageKind, navigates: boolean): ActionName {
  const table = Object.entries(WEIGHTS[kind]).filter(([name]) => navigates || !NAVIGATION.includes(name as ActionName)) as Array<[ActionName, number]>;
  const total = table.reduce((sum, [, w]) => sum + w, 0);
  let roll = rng.uniform() * total;
  for (const [name, weight] of table) {
    roll -= weight;
    if (roll < 0) return name;
  }
  return table[table.length - 1][0];
}
