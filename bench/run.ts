/**
 * `npm run bench`: runs the benchmarks and writes bench/results.json as flat
 * `{ "name": number }` pairs. Browser-mode figures need the built app (`npm run build`).
 * Benchmarks are not tests: nothing here fails on a slow figure.
 */
import { existsSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { engineOverhead } from './engine-overhead';
import { graphqlBench } from './graphql.bench';
import { largeResponse } from './large-response';
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
  console.log('engine overhead: 1,000 small GETs each through the engine and raw undici…');
  Object.assign(results, await engineOverhead());
  console.log('large response: 100 MB JSON in Chromium against browser mode, 3 runs…');
  Object.assign(results, await largeResponse());
  console.log('workspace: opening and filtering 5,000 requests in 100 folders…');
  Object.assign(results, await runWorkspaceBench());
  console.log("graphql: GitHub's schema in the workbench, 200 completions, validation…");
  Object.assign(results, await graphqlBench());
  for (const [name, value] of Object.entries(results)) console.log(`  ${name.padEnd(40)} ${value}`);
  writeFileSync(path.join(here, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  console.log('Wrote bench/results.json');
}

main().catch((error: unknown) => {
  console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
