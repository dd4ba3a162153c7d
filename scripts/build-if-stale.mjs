import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const SOURCES = ['shared', 'electron', 'renderer', 'electron.vite.config.ts', 'package.json'];
const OUTPUTS = [
  'out/main/host.js',
  'out/main/main.js',
  'out/preload/preload.cjs',
  'out/renderer/index.html',
];

function newestMtime(entry) {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(entry).map((name) => newestMtime(path.join(entry, name))));
}

/** Runs `electron-vite build` when an output is missing or older than any source. */
export function buildIfStale(root) {
  const at = (p) => path.join(root, p);
  const oldestOutput = Math.min(...OUTPUTS.map((p) => (existsSync(at(p)) ? statSync(at(p)).mtimeMs : 0)));
  const newestSource = Math.max(...SOURCES.map((p) => newestMtime(at(p))));
  if (oldestOutput > newestSource) return;
  console.log('lantern: building…');
  const result = spawnSync(
    process.execPath,
    [at('node_modules/electron-vite/bin/electron-vite.js'), 'build'],
    {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  if (result.status !== 0) {
    console.error('lantern: the build failed (see the errors above).');
    process.exit(result.status ?? 1);
  }
}
