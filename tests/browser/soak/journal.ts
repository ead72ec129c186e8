/**
 * What the soak did, for the failure report: the seed, the index of the action that was running, and the last
 * few actions (tab, page and what was done), so `SOAK_SEED=<seed> SOAK_ACTIONS=<index + 1>` replays up to it.
 */
export interface JournalEntry {
  index: number;
  tab: string;
  url: string;
  action: string;
  detail: string;
}

export class Journal {
  readonly #entries: JournalEntry[] = [];
  readonly #counts = new Map<string, number>();
  readonly #time = new Map<string, number>();

  readonly seed: number;
  readonly total: number;
  readonly keep: number;

  constructor(seed: number, total: number, keep: number) {
    this.seed = seed;
    this.total = total;
    this.keep = keep;
  }

  /** Forget the warm-up's actions: the counts and times describe the measured run. */
  reset(): void {
    this.#entries.length = 0;
    this.#counts.clear();
    this.#time.clear();
  }

  record(entry: JournalEntry): void {
    this.#entries.push(entry);
    if (this.#entries.length > this.keep) this.#entries.shift();
    this.#counts.set(entry.action, (this.#counts.get(entry.action) ?? 0) + 1);
  }

  /** How long the latest action took (for the summary's time per action). */
  took(ms: number): void {
    const name = this.#entries.at(-1)?.action;
    if (name) this.#time.set(name, (this.#time.get(name) ?? 0) + ms);
  }

  /** Add to the detail of the latest action (e.g. what it clicked, once it knows). */
  note(text: string): void {
    const last = this.#entries.at(-1);
    if (last) last.detail = last.detail ? `${last.detail} ${text}` : text;
  }

  get current(): number {
    return this.#entries.at(-1)?.index ?? -1;
  }

  /** Time spent in the actions themselves (with the settling after each), in ms. */
  get actionMs(): number {
    return [...this.#time.values()].reduce((a, b) => a + b, 0);
  }

  /** How often each action ran and its mean time (with the settling after it), most frequent first. */
  counts(): string {
    return [...this.#counts]
      .sort((a, b) => b[1] - a[1])
      .map(([name, n]) => `${name} ${n} (${Math.round((this.#time.get(name) ?? 0) / n)} ms)`)
      .join(', ');
  }

  replayLine(): string {
    const at = this.current;
    return `SOAK_SEED=${this.seed} (failed at action #${at} of ${this.total}; SOAK_SEED=${this.seed} SOAK_ACTIONS=${at + 1} replays up to it)`;
  }

  report(problem: string): string {
    const lines = this.#entries.map((e) => `  #${e.index} [${e.tab}] ${e.url}  ${e.action}${e.detail ? `: ${e.detail}` : ''}`);
    return [`Soak failed: ${problem}`, this.replayLine(), `Last ${lines.length} actions:`, ...lines].join('\n');
  }
}

/** A page's address for the journal: relative to the base path, shortened. */
export function shortUrl(url: string, basePath: string): string {
  const u = new URL(url);
  const text = `${u.pathname.startsWith(basePath) ? u.pathname.slice(basePath.length) || '/' : u.pathname}${u.search}${u.hash}`;
  return text.length > 90 ? `${text.slice(0, 90)}…` : text;
}
