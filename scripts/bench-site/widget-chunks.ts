// Which built JavaScript file belongs to which widget. The lazy loader (src/widgets/loader.ts) holds an
// import.meta.glob of components/*/controller.ts; Vite compiles it into a map from each controller's source path
// to a dynamic import of its chunk, with the chunk's dependencies listed in __vite__mapDeps. Reading that map back
// from the build tells which widget's code a page fetched. Pure; unit-tested.

export interface WidgetChunks {
  /** The widget's own controller chunk, e.g. `_astro/controller.abc123.js`. */
  readonly controller: string;
  /** Chunks it preloads with it (shared: the engine, Plot, …), the controller excluded. */
  readonly deps: readonly string[];
}

const ENTRY = /"\/components\/([a-z0-9-]+)\/controller\.ts"\s*:/g;
const IMPORT = /import\(\s*[`'"]\.\/([^`'"]+)[`'"]\s*\)/;
const DEPS = /__vite__mapDeps\(\[([\d,\s]*)\]\)/;
const DEP_LIST = /m\.f\s*\|\|\s*\(m\.f\s*=\s*\[([^\]]*)\]\)/;

/**
 * Parse a compiled loader chunk. `chunkDir` is the folder of the chunk relative to the site (`_astro/`): the
 * dynamic imports are relative to it, the __vite__mapDeps list is relative to the site already.
 */
export function parseWidgetChunks(source: string, chunkDir = '_astro/'): Map<string, WidgetChunks> {
  const depList = DEP_LIST.exec(source)?.[1]
    .split(',')
    .map((s) => s.trim().replace(/^[`'"]|[`'"]$/g, ''))
    .filter((s) => s !== '') ?? [];
  const entries = [...source.matchAll(ENTRY)];
  const result = new Map<string, WidgetChunks>();
  entries.forEach((entry, i) => {
    const end = entries[i + 1]?.index ?? source.length;
    const body = source.slice((entry.index ?? 0) + entry[0].length, end);
    const file = IMPORT.exec(body)?.[1];
    if (!file) return;
    const controller = `${chunkDir}${file}`;
    const deps = (DEPS.exec(body)?.[1] ?? '')
      .split(',')
      .filter((s) => s.trim() !== '')
      .map((s) => depList[Number(s)])
      .filter((d): d is string => d !== undefined && d !== controller);
    result.set(entry[1], { controller, deps });
  });
  return result;
}

/** The widgets whose controller chunk is among the fetched paths (paths relative to the site). */
export function widgetsFetched(chunks: ReadonlyMap<string, WidgetChunks>, fetched: Iterable<string>): string[] {
  const paths = new Set(fetched);
  return [...chunks].filter(([, c]) => paths.has(c.controller)).map(([name]) => name).sort();
}
