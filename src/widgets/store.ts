/**
 * A tiny framework-free store (after Starlight's atom.ts): a value, `set`, and subscribers.
 * Subscribers are told the new value and where the change came from, so a mirror (URL, another
 * window) can avoid echoing back a change it made itself.
 */
export type Listener<T> = (value: T, origin: string) => void;

export interface Store<T> {
  get(): T;
  set(value: T, origin?: string): void;
  subscribe(listener: Listener<T>): () => void;
}

export function createStore<T>(initial: T, equals: (a: T, b: T) => boolean = Object.is): Store<T> {
  let value = initial;
  const listeners = new Set<Listener<T>>();
  return {
    get: () => value,
    set(next, origin = 'local') {
      if (equals(value, next)) return;
      value = next;
      for (const listener of [...listeners]) listener(value, origin);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
