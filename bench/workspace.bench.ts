/**
 * Workspace benchmarks (issues 7 and 17): opening a workspace of 5,000 requests in nested folders
 * as the app does (a cold process, the `openWorkspace` call), the same workspace edited by hand,
 * the YAML readers alone, and filtering its sidebar tree.
 * Run standalone with `npx tsx bench/workspace.bench.ts`.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { filterTree } from '../shared/collections/filter-tree';
import { encodeFolderMeta, encodeWorkspaceFile } from '../shared/workspace-format/folder-files';
import { openWorkspace } from '../electron/services/workspace/load-workspace';
import { readOwnYaml } from '../shared/workspace-format/fast-yaml-reader';
import { encodeRequest } from '../shared/workspace-format/request-file';
import type { SavedRequest } from '../shared/workspace-format/types';
import { readYaml } from '../shared/workspace-format/yaml-io';

const run = promisify(execFile);
const child = fileURLToPath(new URL('./workspace-open.child.ts', import.meta.url));
const COLD_OPENS = 5;

const TOP_FOLDERS = 10;
const SUB_FOLDERS = 10;
const REQUESTS_PER_FOLDER = 50;
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

function benchRequest(n: number): SavedRequest {
  const method = METHODS[n % METHODS.length] ?? 'GET';
  return {
    id: `req_${n}`,
    name: `${method === 'GET' ? 'Get' : 'Change'} resource ${n}`,
    draft: {
      method,
      url: `https://api.example.com/v2/resources/${n}?expand=owner&page={{page}}`,
      headers: [
        { name: 'Accept', value: 'application/json', enabled: true },
        { name: 'X-Request-Source', value: 'lantern', enabled: true },
        { name: 'X-Debug', value: '1', enabled: false },
      ],
      body:
        method === 'GET'
          ? { mode: 'none' }
          : { mode: 'json', text: `{\n  "id": ${n},\n  "name": "resource ${n}",\n  "tags": ["a", "b"]\n}\n` },
      auth: { type: 'bearer', credentialId: 'cred_api' },
    },
    inheritAuth: false,
    expectStatus: '2xx',
  };
}

/**
 * A request file as a person might leave it after editing it by hand: a comment line on top and
 * the headers as a flow-style list (JSON is valid flow YAML), everything else as Lantern wrote it.
 */
export function handEdited(text: string, request: SavedRequest): string {
  const headers = request.draft.headers.map(({ name, value, enabled }) => ({
    name,
    value,
    ...(enabled ? {} : { enabled }),
  }));
  const edited = text.replace(/^headers:\n(?: {2}[ -].*\n)+/m, `headers: ${JSON.stringify(headers)}\n`);
  if (edited === text) throw new Error('bench: the hand edit found no headers block to rewrite');
  return `# Checked by hand against the API docs.\n${edited}`;
}

/** Writes the workspace files directly (no fsync): the bench measures reading, not writing. */
async function generateWorkspace(dir: string, edit: boolean): Promise<string[]> {
  const texts: string[] = [];
  await writeFile(
    path.join(dir, 'lantern.workspace.yaml'),
    encodeWorkspaceFile({ version: 1, name: 'Bench', id: 'ws_bench' }),
  );
  let n = 0;
  for (let top = 0; top < TOP_FOLDERS; top += 1) {
    const topDir = path.join(dir, `area-${top}`);
    await mkdir(topDir);
    await writeFile(
      path.join(topDir, '_folder.yaml'),
      encodeFolderMeta({ id: `fld_${top}`, name: `Area ${top}` }),
    );
    for (let sub = 0; sub < SUB_FOLDERS; sub += 1) {
      const subDir = path.join(topDir, `group-${sub}`);
      await mkdir(subDir);
      const names: string[] = [];
      const writes: Promise<void>[] = [];
      for (let r = 0; r < REQUESTS_PER_FOLDER; r += 1, n += 1) {
        names.push(`resource-${n}.request.yaml`);
        const request = benchRequest(n);
        const text = edit ? handEdited(encodeRequest(request), request) : encodeRequest(request);
        texts.push(text);
        writes.push(writeFile(path.join(subDir, `resource-${n}.request.yaml`), text));
      }
      await Promise.all(writes);
      await writeFile(
        path.join(subDir, '_folder.yaml'),
        encodeFolderMeta({ id: `fld_${top}_${sub}`, name: `Group ${sub}`, order: names.reverse() }),
      );
    }
  }
  return texts;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round((sorted[Math.floor(sorted.length / 2)] ?? 0) * 10) / 10;
}

/** One open in a fresh process (tsx); its problems must be none. */
async function coldOpen(dir: string): Promise<number> {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', child, dir], { maxBuffer: 1 << 20 });
  const result = JSON.parse(stdout) as {
    ms: number;
    problems: number;
    first?: { path: string; reason: string };
  };
  if (result.problems > 0)
    throw new Error(`bench workspace has problems: ${result.first?.path}: ${result.first?.reason}`);
  return result.ms;
}

/** Milliseconds to parse every text with `read`, best of 3 (in this warm process). */
function readAll(texts: string[], read: (text: string) => unknown): number {
  let best = Infinity;
  for (let round = 0; round < 3; round += 1) {
    const start = performance.now();
    for (const text of texts) if (read(text) === undefined) throw new Error('bench: a reader gave up');
    best = Math.min(best, performance.now() - start);
  }
  return Math.round(best);
}

export async function runWorkspaceBench(): Promise<Record<string, number>> {
  const root = await mkdtemp(path.join(tmpdir(), 'lantern-bench-ws-'));
  const own = path.join(root, 'own');
  const edited = path.join(root, 'edited');
  try {
    await mkdir(own);
    await mkdir(edited);
    const ownTexts = await generateWorkspace(own, false);
    const editedTexts = await generateWorkspace(edited, true);
    // The hand edit must change nothing the app reads.
    const sample = ownTexts[7] ?? '';
    if (JSON.stringify(parse(sample)) !== JSON.stringify(parse(editedTexts[7] ?? '')))
      throw new Error('bench: the hand-edited file does not hold the same request');
    await readFile(path.join(own, 'lantern.workspace.yaml')); // warms the file cache's first entry
    const ownTimes: number[] = [];
    const editedTimes: number[] = [];
    for (let i = 0; i < COLD_OPENS; i += 1) {
      // Alternate which goes first.
      if (i % 2) {
        ownTimes.push(await coldOpen(own));
        editedTimes.push(await coldOpen(edited));
      } else {
        editedTimes.push(await coldOpen(edited));
        ownTimes.push(await coldOpen(own));
      }
    }
    const { workspace } = await openWorkspace(own);
    const filterTimes: number[] = [];
    for (const query of ['resource 42', 'delete', 'example.com/v2', 'GET resource 49', 'zzz', 'area 3']) {
      const start = performance.now();
      filterTree(workspace.root, query);
      filterTimes.push(performance.now() - start);
    }
    const ownMs = median(ownTimes);
    return {
      workspace_open_5000_ms: ownMs,
      workspace_open_5000_edited_ratio: Math.round((median(editedTimes) / ownMs) * 100) / 100,
      workspace_open_5000_edited_ms: median(editedTimes),
      sidebar_filter_5000_ms: median(filterTimes),
      yaml_5000_fast_reader_ms: readAll(ownTexts, readOwnYaml),
      yaml_5000_library_ms: readAll(ownTexts, (text) => parse(text) as unknown),
      yaml_5000_edited_read_ms: readAll(editedTexts, (text) => (readYaml(text).ok ? true : undefined)),
      yaml_5000_edited_library_ms: readAll(editedTexts, (text) => parse(text) as unknown),
    };
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(JSON.stringify({ ...(await runWorkspaceBench()), loadavg: loadavg()[0] }));
}
