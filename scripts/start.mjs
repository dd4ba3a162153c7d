// `npm start`: the desktop app when Electron's binary is installed, browser mode otherwise.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildIfStale } from './build-if-stale.mjs';
import { electronBinary } from './electron-binary.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
buildIfStale(root);

const binary = electronBinary();
const child = binary
  ? spawn(binary, [root, ...args.filter((a) => a !== '--no-open')], { stdio: 'inherit' })
  : spawn(
      process.execPath,
      [path.join(root, 'out/main/host.js'), '--reason', 'Electron binary not installed', ...args],
      { stdio: 'inherit' },
    );
if (binary) console.log('lantern: starting the desktop app.');
const forward = (signal) => child.kill(signal);
process.on('SIGINT', forward);
process.on('SIGTERM', forward);
child.on('exit', (code) => process.exit(code ?? 0));
