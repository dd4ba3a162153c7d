/**
 * The `lantern` command as a user runs it, whole processes timed from spawn to exit:
 * cli_startup_ms (`lantern --help`, beside bare `node -e 0`) and cli_per_request_ms (a run of 500
 * small GETs minus a run of 50, divided by 450, so the start-up cancels out). Needs `npm run build`
 * (bin/lantern.mjs runs out/main/cli.js). Run standalone with `npx tsx bench/cli.bench.ts`.
 */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { encodeWorkspaceFile } from '../shared/workspace-format/folder-files';
import { encodeRequest } from '../shared/workspace-format/request-file';
import { median, round, smallJsonServer } from './engine-overhead';

const here = path.dirname(fileURLToPath(import.meta.url));
const LANTERN = path.join(here, '../bin/lantern.mjs');
const SMALL = 50;
const LARGE = 500;
const RUNS = 3;
const STARTS = 10;

/** Milliseconds from spawn to exit; rejects on an exit code other than `expect`, with stderr. */
function timeProcess(args: string[], expect = 0): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => {
      const ms = performance.now() - start;
      if (code === expect) resolve(ms);
      else reject(new Error(`node ${args.join(' ')} exited with ${code}: ${errors.slice(0, 2000)}`));
    });
  });
}

/** A workspace of `count` small GETs to `base`, as Lantern writes it. */
async function smallWorkspace(dir: string, count: number, base: string): Promise<void> {
  await mkdir(path.join(dir, 'requests'), { recursive: true });
  await writeFile(
    path.join(dir, 'lantern.workspace.yaml'),
    encodeWorkspaceFile({ version: 1, name: `Bench ${count}`, id: `ws_bench_${count}` }),
  );
  for (let n = 0; n < count; n += 1) {
    const request = {
      id: `req_${n}`,
      name: `Small ${n}`,
      draft: {
        method: 'GET',
        url: `${base}/small/${n}`,
        headers: [{ name: 'Accept', value: 'application/json', enabled: true }],
        body: { mode: 'none' as const },
        auth: { type: 'none' as const },
      },
      inheritAuth: false,
    };
    await writeFile(path.join(dir, 'requests', `small-${n}.request.yaml`), encodeRequest(request));
  }
}

export async function cliBench(): Promise<Record<string, number>> {
  const server = await smallJsonServer();
  const { base } = server;
  const root = await mkdtemp(path.join(tmpdir(), 'lantern-bench-cli-'));
  try {
    await timeProcess([LANTERN, '--help']); // warms the file cache
    const startTimes: number[] = [];
    const nodeTimes: number[] = [];
    for (let i = 0; i < STARTS; i += 1) {
      startTimes.push(await timeProcess([LANTERN, '--help']));
      nodeTimes.push(await timeProcess(['-e', '0']));
    }
    const small = path.join(root, 'small');
    const large = path.join(root, 'large');
    await smallWorkspace(small, SMALL, base);
    await smallWorkspace(large, LARGE, base);
    // `--history` exists once CLI runs skip History by default: then both ways are measured.
    const usage = await new Promise<string>((resolve) => {
      const child = spawn(process.execPath, [LANTERN, '--help'], { stdio: ['ignore', 'pipe', 'ignore'] });
      let text = '';
      child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
      child.once('exit', () => resolve(text));
    });
    const variants: Array<{ name: string; flags: string[] }> = [{ name: 'cli_per_request_ms', flags: [] }];
    if (usage.includes('--history'))
      variants.push({ name: 'cli_per_request_history_ms', flags: ['--history'] });
    const results: Record<string, number> = {};
    for (const { name, flags } of variants) {
      const perRequest: number[] = [];
      const fifty: number[] = [];
      for (let run = 0; run < RUNS; run += 1) {
        // A fresh data folder per run, so history does not grow from run to run.
        const dataDir = (which: string) => path.join(root, `data-${name}-${which}-${run}`);
        const runOf = (dir: string, which: string) =>
          timeProcess([LANTERN, 'run', dir, '--data-dir', dataDir(which), '--reporter', 'json', ...flags]);
        // Alternate which goes first.
        let smallMs: number;
        let largeMs: number;
        if (run % 2) {
          smallMs = await runOf(small, 'small');
          largeMs = await runOf(large, 'large');
        } else {
          largeMs = await runOf(large, 'large');
          smallMs = await runOf(small, 'small');
        }
        fifty.push(smallMs);
        perRequest.push((largeMs - smallMs) / (LARGE - SMALL));
      }
      results[name] = round(median(perRequest), 3);
      results[`${name.replace('_per_request_', '_run50_')}`] = Math.round(median(fifty));
    }
    return {
      cli_startup_ms: Math.round(median(startTimes)),
      node_startup_ms: Math.round(median(nodeTimes)),
      ...results,
    };
  } finally {
    await server.close();
    await rm(root, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(JSON.stringify({ ...(await cliBench()), loadavg: loadavg()[0] }));
}
