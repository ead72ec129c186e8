// Replays a reference case file through the engine: `node scripts/replay.ts FILE` (or `npm run --silent replay -- FILE`).
// Prints exactly one JSON document {"results": [...]} on stdout, one entry per case with the keys of that case's
// `expected` (which is never read). Errors go to stderr with a nonzero exit code.

import { readFileSync } from 'node:fs';
import { runReferenceFile, stringifyFloatJson } from '../src/engine/index.ts';

function main(argv: readonly string[]): number {
  if (argv.length !== 1) {
    process.stderr.write('usage: node scripts/replay.ts FILE\n');
    return 2;
  }
  try {
    const file: unknown = JSON.parse(readFileSync(argv[0], 'utf8'));
    process.stdout.write(`${stringifyFloatJson(runReferenceFile(file))}\n`);
    return 0;
  } catch (error) {
    process.stderr.write(`replay: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

process.exitCode = main(process.argv.slice(2));
