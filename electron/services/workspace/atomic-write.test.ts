import { spawn } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { initWorkspace } from './init-workspace';
import { openWorkspace } from './load-workspace';
import { tempDir } from '../../../test-support/temp-dirs';
import { generationBody, sampleRequest } from './test-support';
import { WorkspaceStore } from './workspace-store';

const here = path.dirname(fileURLToPath(import.meta.url));
// tsx's own command forks the script into a second process; load tsx into one node instead,
// so that SIGKILL hits the writer itself.
const tsxLoader = pathToFileURL(path.resolve(here, '../../../node_modules/tsx/dist/loader.mjs')).href;
const ids = ['alpha', 'beta', 'gamma'];

/** Starts the writer, waits until it is saving, lets it run a random while, then SIGKILLs it. */
async function killMidSave(dir: string, runMs: number): Promise<void> {
  const child = spawn(
    process.execPath,
    ['--import', tsxLoader, path.join(here, 'kill-writer.fixture.ts'), dir],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve());
    child.on('exit', () => reject(new Error(`the writer stopped before it was ready: ${stderr}`)));
  });
  await new Promise((resolve) => setTimeout(resolve, runMs));
  child.kill('SIGKILL');
  await exited;
}

async function expectIntact(dir: string): Promise<void> {
  const { workspace, problems } = await openWorkspace(dir);
  expect(problems).toEqual([]);
  expect(workspace.root.requests.map((r) => r.id).sort()).toEqual([...ids].sort());
  for (const request of workspace.root.requests) {
    const body = request.draft.body;
    expect(body.mode).toBe('raw');
    const text = body.mode === 'raw' ? body.text : '';
    const generation = Number(/^generation (\d+)\n/.exec(text)?.[1]);
    expect(text === generationBody(request.id, generation), `${request.id} is whole`).toBe(true);
  }
  const files = (await readdir(dir)).filter((name) => name.endsWith('.request.yaml'));
  expect(files).toHaveLength(ids.length);
}

describe('atomic writes', () => {
  it('never leaves a truncated or lost file when the writer is killed mid-save (20 kills)', async () => {
    const { dir, cleanup } = await tempDir();
    try {
      await initWorkspace(dir, 'Kill test');
      const store = await WorkspaceStore.open(dir, { watch: false });
      for (const id of ids) {
        const draft = {
          ...sampleRequest().draft,
          body: { mode: 'raw' as const, text: generationBody(id, 0), contentType: 'text/plain' },
        };
        await store.createRequest(store.workspace.id, sampleRequest({ id, name: id, draft }));
      }
      store.close();
      const generations = new Set<string>();
      let tornSaves = 0;
      for (let kill = 0; kill < 20; kill += 1) {
        await killMidSave(dir, 20 + Math.floor(Math.random() * 400));
        await expectIntact(dir);
        tornSaves += (await readdir(dir)).filter((name) => name.endsWith('.lantern-tmp')).length;
        const alpha = (await readdir(dir)).find((name) => name.startsWith('alpha')) ?? '';
        generations.add(/generation (\d+)/.exec(await readFile(path.join(dir, alpha), 'utf8'))?.[1] ?? '');
      }
      // The writer really ran: the files were rewritten between kills.
      expect(generations.size).toBeGreaterThan(5);
      console.log(`kill test: ${tornSaves} kills landed mid-write (a temp file was left behind)`);
    } finally {
      await cleanup();
    }
  }, 240_000);
});

describe('stale temp files', () => {
  it("removes temp files of a writer that died, and keeps a live writer's", async () => {
    const { dir, cleanup } = await tempDir();
    try {
      await initWorkspace(dir, 'Temp files');
      const dead = '.a.request.yaml.999999999-0123abcd.lantern-tmp';
      const live = `.b.request.yaml.${process.ppid}-0123abcd.lantern-tmp`;
      await writeFile(path.join(dir, dead), 'half');
      await writeFile(path.join(dir, live), 'half');
      const store = await WorkspaceStore.open(dir, { watch: false });
      store.close();
      expect((await readdir(dir)).sort()).toEqual([live, 'lantern.workspace.yaml']);
    } finally {
      await cleanup();
    }
  });
});
