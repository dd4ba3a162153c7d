/**
 * `npm run bench`: runs the benchmarks and writes bench/results.json as flat
 * `{ "name": number }` pairs. Browser-mode figures need the built app (`npm run build`).
 * Benchmarks are not tests: nothing here fails on a slow figure.
 */
import { existsSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cliBench } from './cli.bench';
import { engineOverhead } from './engine-overhead';
import { graphqlBench } from './graphql.bench';
import { largeResponse } from './large-response';
import { largeSingleLine } from './large-single-line';
import { sendOverhead } from './send-overhead';
import { startupBench } from './startup.bench';
import { runWorkspaceBench } from './workspace.bench';

const here = path.dirname(fileURLToPath(import.meta.url));

async function main(): Promise<void> {
  if (!existsSync(path.join(here, '../out/main/host.js'))) {
    throw new Error('The app is not built: run `npm run build` first (the benchmarks drive browser mode).');
  }
  console.log(
    `Machine: ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}`,
  );
  const results: Record<string, number> = {};
  // The machine may be shared: each group's load average is kept beside its figures.
  const load = (name: string) => (results[`loadavg_${name}`] = os.loadavg()[0] ?? 0);
  console.log("send overhead: 1,000 small GETs each through the app's send call and raw undici…");
  load('send');
  Object.assign(results, await sendOverhead());
  console.log('engine overhead (floor): 1,000 small GETs each through the engine alone and raw undici…');
  Object.assign(results, await engineOverhead());
  console.log('cli: `lantern --help` and `lantern run` of 50 and 500 small GETs, whole processes…');
  load('cli');
  Object.assign(results, await cliBench());
  console.log('large response: 100 MB JSON in Chromium against browser mode, 3 runs…');
  load('large');
  Object.assign(results, await largeResponse());
  console.log(
    'large single line: 100 MB JSON on one line in Chromium (view, search, Pretty, scrolling), 3 runs…',
  );
  const single = await largeSingleLine();
  Object.assign(results, single);
  // The host's peak over both bodies (one record per line, then one line).
  results.large_response_main_rss_mb = Math.max(
    results.large_response_main_rss_mb ?? 0,
    single.large_single_line_main_rss_mb ?? 0,
  );
  console.log('workspace: opening (cold processes) and filtering 5,000 requests in 100 folders…');
  load('workspace');
  Object.assign(results, await runWorkspaceBench());
  console.log("graphql: GitHub's schema in the workbench, 200 completions, validation…");
  Object.assign(results, await graphqlBench());
  console.log(
    'startup: `npm start` to a focusable URL box in a fresh Chromium, 7 cold runs, and its floors…',
  );
  load('startup');
  Object.assign(results, await startupBench());
  for (const [name, value] of Object.entries(results)) console.log(`  ${name.padEnd(40)} ${value}`);
  writeFileSync(path.join(here, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  console.log('Wrote bench/results.json');
}

main().catch((error: unknown) => {
  console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
