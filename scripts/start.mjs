// `npm start`: the desktop app when Electron's binary is installed, browser mode otherwise.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildIfStale } from './build-if-stale.mjs';
import { electronBinary } from './electron-binary.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
buildIfStale(root);

const binary = electronBinary();
if (binary) {
  const child = spawn(binary, [root, ...args.filter((a) => a !== '--no-open')], { stdio: 'inherit' });
  console.log('lantern: starting the desktop app.');
  const forward = (signal) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  // Browser mode runs in this process (its own signal handling and exit codes): a second Node
  // process would only add its start-up to the wait.
  const host = path.join(root, 'out/main/host.js');
  process.argv = [process.argv[0], host, '--reason', 'Electron binary not installed', ...args];
  await import(pathToFileURL(host).href);
}
