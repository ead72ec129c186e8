// Reading the compiled lazy loader's glob map back: widget → controller chunk and its preloaded dependencies.
import { describe, expect, it } from 'vitest';
import { parseWidgetChunks, widgetsFetched } from '../../scripts/bench-site/widget-chunks.ts';

// The shape Vite emits for import.meta.glob('/components/*/controller.ts') (minified, trimmed).
const LOADER = [
  'const __vite__mapDeps=(i,m=__vite__mapDeps,d=(m.f||(m.f=["_astro/controller.AAA.js","_astro/engine.E.js","_astro/plot.P.js","_astro/controller.BBB.js"])))=>i.map(i=>d[i]);',
  'var c=Object.assign({"/components/relu-curve/controller.ts":()=>N(()=>import(`./controller.AAA.js`),__vite__mapDeps([0,1,2])),',
  '"/components/dropout-mask/controller.ts":()=>N(()=>import(`./controller.BBB.js`),__vite__mapDeps([3,1])),',
  '"/components/tiny/controller.ts":()=>N(()=>import("./controller.CCC.js"),[])});',
].join('');

describe('parseWidgetChunks', () => {
  it('finds each widget controller chunk and its dependencies', () => {
    const chunks = parseWidgetChunks(LOADER);
    expect([...chunks.keys()]).toEqual(['relu-curve', 'dropout-mask', 'tiny']);
    expect(chunks.get('relu-curve')).toEqual({ controller: '_astro/controller.AAA.js', deps: ['_astro/engine.E.js', '_astro/plot.P.js'] });
    expect(chunks.get('dropout-mask')).toEqual({ controller: '_astro/controller.BBB.js', deps: ['_astro/engine.E.js'] });
    expect(chunks.get('tiny')).toEqual({ controller: '_astro/controller.CCC.js', deps: [] });
  });

  it('finds nothing in a chunk without the map', () => {
    expect(parseWidgetChunks('export const x = 1;').size).toBe(0);
  });
});

describe('widgetsFetched', () => {
  it('names the widgets whose controller chunk was fetched (shared chunks say nothing)', () => {
    const chunks = parseWidgetChunks(LOADER);
    expect(widgetsFetched(chunks, ['index.html', '_astro/engine.E.js', '_astro/controller.BBB.js'])).toEqual(['dropout-mask']);
    expect(widgetsFetched(chunks, ['_astro/plot.P.js'])).toEqual([]);
  });
});
