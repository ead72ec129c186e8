// The engine's house rules, checked on the source: it imports nothing outside src/engine, never touches
// Math.random or the DOM, every relative import names its .ts file, and files stay small.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as engine from '../../src/engine/index.ts';

const root = fileURLToPath(new URL('../../src/engine/', import.meta.url));
const files = (readdirSync(root, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts')).map((f) => join(root, f));

describe('engine house rules', () => {
  it('imports only relative .ts files inside src/engine', () => {
    for (const file of files) {
      const source = readFileSync(file, 'utf8');
      for (const [, specifier] of source.matchAll(/(?:import|export)[^'"]*?from\s+'([^']+)'/g)) {
        expect(specifier, `${relative(root, file)} imports ${specifier}`).toMatch(/^\.\.?\/.*\.ts$/);
        expect(relative(root, resolve(dirname(file), specifier)).startsWith('..'), `${file} → ${specifier}`).toBe(false);
      }
    }
  });

  it('never uses Math.random, the DOM, or console; files stay under 200 lines', () => {
    for (const file of files) {
      const code = readFileSync(file, 'utf8').replace(/\/\/.*$/gm, '').replace(/\/\*[\s\S]*?\*\//g, '');
      expect(code, file).not.toMatch(/Math\.random|\bdocument\b|\bwindow\b|console\./);
      expect(readFileSync(file, 'utf8').split('\n').length, file).toBeLessThanOrEqual(200);
    }
  });

  it('index.ts exposes the widget-facing API', () => {
    for (const name of ['createRng', 'relu', 'leakyRelu', 'prelu', 'rrelu', 'elu', 'tanh', 'sigmoid', 'softplus', 'activation',
      'invertedDropout', 'invertedDropoutSampled', 'standardDropout', 'createMlp', 'createTrainer', 'fractionOfExactZeros',
      'hiddenLayerStatistics', 'spirals', 'circles', 'xor', 'blobs', 'trainTestSplit', 'runReferenceFile']) {
      expect(typeof (engine as Record<string, unknown>)[name], name).toBe('function');
    }
  });
});
