/**
 * A document for drawing at build time (the widgets' shells run in Node while Astro builds the pages): one jsdom
 * window for the whole build. Never imported by browser code.
 */
import { JSDOM } from 'jsdom';

let shared: Document | null = null;

export function serverDocument(): Document {
  shared ??= new JSDOM('<!doctype html><html><body></body></html>').window.document;
  return shared;
}
