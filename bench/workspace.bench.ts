/**
 * Workspace benchmarks (issue 7): opening a workspace of 5,000 requests in nested folders, and
 * filtering its sidebar tree. Run standalone with `npx tsx bench/workspace.bench.ts`.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { filterTree } from '../shared/collections/filter-tree';
import { encodeFolderMeta, encodeWorkspaceFile } from '../shared/workspace-format/folder-files';
import { openWorkspace } from '../electron/services/workspace/load-workspace';
import { encodeRequest } from '../shared/workspace-format/request-file';
import type { SavedRequest } from '../shared/workspace-format/types';

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

/** Writes the workspace files directly (no fsync): the bench measures reading, not writing. */
async function generateWorkspace(dir: string): Promise<void> {
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
        writes.push(
          writeFile(path.join(subDir, `resource-${n}.request.yaml`), encodeRequest(benchRequest(n))),
        );
      }
      await Promise.all(writes);
      await writeFile(
        path.join(subDir, '_folder.yaml'),
        encodeFolderMeta({ id: `fld_${top}_${sub}`, name: `Group ${sub}`, order: names.reverse() }),
      );
    }
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round((sorted[Math.floor(sorted.length / 2)] ?? 0) * 10) / 10;
}

export async function runWorkspaceBench(): Promise<{
  workspace_open_5000_ms: number;
  sidebar_filter_5000_ms: number;
}> {
  const dir = await mkdtemp(path.join(tmpdir(), 'lantern-bench-ws-'));
  try {
    await generateWorkspace(dir);
    const openTimes: number[] = [];
    let root;
    for (let run = 0; run < 5; run += 1) {
      const start = performance.now();
      const { workspace, problems } = await openWorkspace(dir);
      openTimes.push(performance.now() - start);
      if (problems.length > 0) throw new Error(`bench workspace has problems: ${problems[0]?.reason}`);
      root = workspace.root;
    }
    if (root === undefined) throw new Error('bench workspace did not open');
    const filterTimes: number[] = [];
    for (const query of ['resource 42', 'delete', 'example.com/v2', 'GET resource 49', 'zzz', 'area 3']) {
      const start = performance.now();
      filterTree(root, query);
      filterTimes.push(performance.now() - start);
    }
    return { workspace_open_5000_ms: median(openTimes), sidebar_filter_5000_ms: median(filterTimes) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(JSON.stringify(await runWorkspaceBench()));
}
