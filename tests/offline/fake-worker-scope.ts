/**
 * Just enough of a ServiceWorkerGlobalScope to run the built service worker in Node: CacheStorage over Maps,
 * a fake network (a Map of URL → body; anything else fails like a dropped connection), and events whose
 * waitUntil/respondWith promises the test awaits.
 */
import { runInNewContext } from 'node:vm';

export const ORIGIN = 'https://example.test';

class FakeCache {
  readonly entries = new Map<string, Response>();
  readonly network: FakeWorkerScope['network'];
  constructor(network: FakeWorkerScope['network']) {
    this.network = network;
  }

  async addAll(requests: Request[]): Promise<void> {
    const responses = await Promise.all(requests.map((r) => this.network.fetch(r)));
    responses.forEach((res, i) => {
      if (!res.ok) throw new TypeError(`addAll: ${requests[i].url} answered ${res.status}`);
    });
    responses.forEach((res, i) => this.entries.set(requests[i].url, res));
  }

  async match(request: Request | string, options: { ignoreSearch?: boolean } = {}): Promise<Response | undefined> {
    const key = (url: string) => {
      const u = new URL(url);
      if (options.ignoreSearch) u.search = '';
      return u.href;
    };
    const wanted = key(typeof request === 'string' ? new URL(request, ORIGIN).href : request.url);
    for (const [url, response] of this.entries) if (key(url) === wanted) return response.clone();
    return undefined;
  }

  async keys(): Promise<Request[]> {
    return [...this.entries.keys()].map((url) => new Request(url));
  }
}

export class FakeWorkerScope {
  readonly caches = new Map<string, FakeCache>();
  readonly listeners = new Map<string, (event: unknown) => void>();
  /** URLs the worker fetched from the network. */
  readonly fetched: string[] = [];
  claimed = false;
  readonly network = {
    files: new Map<string, string>(),
    fetch: async (input: Request | string): Promise<Response> => {
      const url = new URL(typeof input === 'string' ? input : input.url, ORIGIN);
      this.fetched.push(url.pathname + url.search);
      url.search = '';
      const body = this.network.files.get(url.pathname);
      if (body === undefined) throw new TypeError(`Failed to fetch ${url.href}`);
      return new Response(body, { status: 200 });
    },
  };

  /** Run a service worker's source in this scope. */
  run(source: string): void {
    const cacheStorage = {
      open: async (name: string) => {
        if (!this.caches.has(name)) this.caches.set(name, new FakeCache(this.network));
        return this.caches.get(name)!;
      },
      keys: async () => [...this.caches.keys()],
      delete: async (name: string) => this.caches.delete(name),
    };
    const self = {
      location: new URL('/sw.js', ORIGIN),
      addEventListener: (type: string, listener: (event: unknown) => void) => this.listeners.set(type, listener),
      clients: { claim: async () => void (this.claimed = true) },
    };
    // Relative URLs resolve against the worker's location, as in a browser.
    const ScopedRequest = class extends Request {
      constructor(input: string | Request, init?: RequestInit) {
        super(typeof input === 'string' ? new URL(input, ORIGIN) : input, init);
      }
    };
    runInNewContext(source, { self, caches: cacheStorage, fetch: this.network.fetch, Request: ScopedRequest, Response, URL, console });
  }

  /** Dispatch install or activate and wait for its waitUntil. */
  async lifecycle(type: 'install' | 'activate'): Promise<void> {
    let work: Promise<unknown> = Promise.resolve();
    this.listeners.get(type)?.({ waitUntil: (p: Promise<unknown>) => void (work = p) });
    await work;
  }

  /** Dispatch a fetch; the response the worker gives, or undefined when it lets the browser handle it. */
  async fetch(path: string, init: { mode?: 'navigate' | 'cors'; method?: string } = {}): Promise<Response | undefined> {
    const request = { url: new URL(path, ORIGIN).href, mode: init.mode ?? 'cors', method: init.method ?? 'GET' };
    let answer: Promise<Response> | undefined;
    this.listeners.get('fetch')?.({ request, respondWith: (p: Promise<Response>) => void (answer = p) });
    return answer;
  }
}
