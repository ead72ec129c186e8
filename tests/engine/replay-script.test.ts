// scripts/replay.ts as a child process: one JSON document on stdout, computed without reading `expected`.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compareWithTolerance } from './helpers/compare.ts';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const node = join(repo, 'node_modules/.bin/node');
const original = JSON.parse(readFileSync(new URL('../../../shared/reference/pytorch-cases.json', import.meta.url), 'utf8')) as {
  cases: { expected: unknown }[];
};

function replay(file: string) {
  return spawnSync(node, ['scripts/replay.ts', file], { cwd: repo, encoding: 'utf8' });
}

describe('scripts/replay.ts', () => {
  const dir = mkdtempSync(join(tmpdir(), 'replay-'));

  it('prints {"results": [...]} matching PyTorch for a case file with `expected` stripped', () => {
    const stripped = { ...original, cases: original.cases.map(({ expected: _expected, ...rest }) => rest) };
    const path = join(dir, 'stripped.json');
    writeFileSync(path, JSON.stringify(stripped));
    const run = replay(path);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const output = JSON.parse(run.stdout) as { results: unknown[] };
    expect(Object.keys(output)).toEqual(['results']);
    expect(output.results).toHaveLength(original.cases.length);
    original.cases.forEach((c, i) => expect(compareWithTolerance(output.results[i], c.expected), `case ${i}`).toEqual([]));
  });

  it('fails with a message on stderr, nothing on stdout and a nonzero exit for a bad case', () => {
    const path = join(dir, 'bad.json');
    writeFileSync(path, JSON.stringify({ cases: [{ kind: 'dropout', p: 1, x: [1], mask: [1] }] }));
    const run = replay(path);
    expect(run.status).not.toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/dropout p must be in \[0, 1\), got 1/);
  });

  it('fails for a missing file and for a missing argument', () => {
    expect(replay(join(dir, 'nope.json')).status).not.toBe(0);
    const noArgument = spawnSync(node, ['scripts/replay.ts'], { cwd: repo, encoding: 'utf8' });
    expect(noArgument.status).not.toBe(0);
    expect(noArgument.stdout).toBe('');
  });
});
