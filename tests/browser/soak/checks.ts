import type { CDPSession, Page } from '@playwright/test';

/**
 * The soak's invariants beyond the fixture's "no console or page errors": nothing non-finite is ever drawn, and
 * the JS heap of a long-lived page does not grow.
 */

/**
 * Every text node and every attribute value inside every <svg> of the page (dialogs and previews included) that
 * says NaN or Infinity, plus the widgets' summary, status and readout lines, as short descriptions.
 */
export function nonFiniteText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const bad = /NaN|Infinity/;
    const found: string[] = [];
    const where = (el: Element) => `${el.closest('[data-widget], [data-preview-widget]')?.getAttribute('id') ?? el.closest('[id]')?.id ?? '?'} <${el.localName}>`;
    for (const svg of document.querySelectorAll('svg')) {
      for (const el of [svg, ...svg.querySelectorAll('*')]) {
        for (const attr of el.attributes) if (bad.test(attr.value)) found.push(`${where(el)} ${attr.name}="${attr.value.slice(0, 80)}"`);
        for (const node of el.childNodes) {
          if (node.nodeType === Node.TEXT_NODE && bad.test(node.textContent ?? '')) found.push(`${where(el)} text "${(node.textContent ?? '').trim().slice(0, 80)}"`);
        }
      }
    }
    for (const line of document.querySelectorAll('[data-widget] :is([data-role="summary"], [data-role="status"], [data-role="readout"])')) {
      if (bad.test(line.textContent ?? '')) found.push(`${where(line)} ${line.getAttribute('data-role')} "${(line.textContent ?? '').trim().slice(0, 120)}"`);
    }
    return found;
  });
}

export interface HeapReading {
  /** Runtime.getHeapUsage after full garbage collections: the renderer's V8 heap in use. */
  used: number;
  /** Of which compiled code (bytecode, optimised machine code, feedback), from a heap snapshot. */
  code: number;
}

/**
 * The page's JS heap after full garbage collections, from the DevTools protocol. It is the heap of the page's renderer
 * (V8 isolate): comparable only between two moments of the same long-lived document, with nothing else of the site
 * open in that renderer (see quality-soak.spec.ts). The compiled code in it is read from a heap snapshot: V8 keeps
 * optimising functions that turn hot over a long run, a cache bounded by the site's code, not a leak.
 */
export async function readHeap(session: CDPSession): Promise<HeapReading> {
  const chunks: string[] = [];
  const onChunk = ({ chunk }: { chunk: string }) => chunks.push(chunk);
  session.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  await session.send('HeapProfiler.enable');
  // Twice: the first collection can leave objects with finalizers or weak references for the second.
  await session.send('HeapProfiler.collectGarbage');
  await session.send('HeapProfiler.collectGarbage');
  const { usedSize } = await session.send('Runtime.getHeapUsage');
  await session.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  session.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  await session.send('HeapProfiler.disable');
  return { used: usedSize, code: codeBytes(JSON.parse(chunks.join(''))) };
}

interface HeapSnapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } };
  nodes: number[];
}

/** Self sizes of the snapshot's nodes of type "code". */
function codeBytes(snapshot: HeapSnapshot): number {
  const fields = snapshot.snapshot.meta.node_fields;
  const code = snapshot.snapshot.meta.node_types[0].indexOf('code');
  const type = fields.indexOf('type');
  const size = fields.indexOf('self_size');
  let total = 0;
  for (let i = 0; i < snapshot.nodes.length; i += fields.length) if (snapshot.nodes[i + type] === code) total += snapshot.nodes[i + size];
  return total;
}

export const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
