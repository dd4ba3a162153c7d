/**
 * The layer rules live in configuration (eslint.config.js, the per-layer tsconfig.json files), not
 * in hope: probe files that break each rule are linted as real files and must be refused.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const probes: string[] = [];

/** Writes a probe file inside the repo (so the type-aware rules see it in its layer's project). */
function probe(relative: string, code: string): string {
  const file = path.join(root, relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, code);
  probes.push(path.dirname(file));
  return file;
}

afterAll(() => {
  for (const dir of probes) rmSync(dir, { recursive: true, force: true });
});

async function ruleIds(file: string): Promise<string[]> {
  const [result] = await new ESLint({ cwd: root }).lintFiles([file]);
  return (result?.messages ?? []).map((m) => `${m.ruleId ?? 'parse'}: ${m.message}`);
}

describe('lint refuses what breaks the layers', () => {
  it('a renderer file that imports node:* or anything under electron/', async () => {
    const file = probe(
      'renderer/zz-lint-probe/probe.ts',
      "import { readFileSync } from 'node:fs';\nimport { newId } from '../../electron/services/workspace/ids';\nexport const x = [readFileSync, newId];\n",
    );
    const found = await ruleIds(file);
    expect(found).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^no-restricted-imports: 'node:fs'/),
        expect.stringMatching(/^import-x\/no-restricted-paths: .*electron\/services\/workspace\/ids/),
      ]),
    );
  }, 120_000);

  it('a component that imports node:*, a test helper or the contract', async () => {
    const file = probe(
      'renderer/features/zz-lint-probe/Probe.tsx',
      "import { readFileSync } from 'node:fs';\nimport { startSandbox } from '../../../test-support/servers';\nimport { call } from '../../api';\nexport const x = [readFileSync, startSandbox, call];\n",
    );
    const found = await ruleIds(file);
    expect(found).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^no-restricted-imports: 'node:fs'/),
        expect.stringMatching(/^no-restricted-imports: '\.\.\/\.\.\/\.\.\/test-support\/servers'/),
        expect.stringMatching(/^no-restricted-imports: '\.\.\/\.\.\/api'/),
      ]),
    );
  }, 120_000);

  it('a shared file that imports node:* or the main side', async () => {
    const file = probe(
      'shared/zz-lint-probe/probe.ts',
      "import { createHash } from 'node:crypto';\nimport { newId } from '../../electron/services/workspace/ids';\nexport const x = [createHash, newId];\n",
    );
    const found = await ruleIds(file);
    expect(found).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^no-restricted-imports: 'node:crypto'/),
        expect.stringMatching(/^import-x\/no-restricted-paths: .*shared\/ is pure/),
      ]),
    );
  }, 120_000);

  it('a hook called conditionally', async () => {
    const file = probe(
      'renderer/zz-lint-probe/Probe.tsx',
      "import { useState } from 'react';\nexport function Probe({ on }: { on: boolean }) {\n  if (on) useState(0);\n  return null;\n}\n",
    );
    expect(await ruleIds(file)).toEqual([expect.stringMatching(/^react-hooks\/rules-of-hooks: /)]);
  }, 120_000);

  it('a floating promise in main-side code', async () => {
    const file = probe(
      'electron/zz-lint-probe/probe.ts',
      'async function work(): Promise<void> {}\nexport function start(): void {\n  work();\n}\n',
    );
    expect(await ruleIds(file)).toEqual([
      expect.stringMatching(/^@typescript-eslint\/no-floating-promises: /),
    ]);
  }, 120_000);

  it('an import of the sandbox outside its launcher, in a test too', async () => {
    const file = probe(
      'electron/zz-lint-probe/probe.test.ts',
      "import { startSandbox } from '../../sandbox/index';\nexport const x = startSandbox;\n",
    );
    expect(await ruleIds(file)).toEqual([
      expect.stringMatching(/^import-x\/no-restricted-paths: Unexpected path/),
    ]);
  }, 120_000);
});
