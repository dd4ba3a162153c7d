/** Browser mode's entry: `node out/main/host.js [--port N] [--no-open]`. */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EmitEvent } from '../../shared/contract';
import { createServices } from '../services/create-services';
import { defaultDataDir } from '../data-dir';
import { mkdirSync } from 'node:fs';
import { parseHostArgs } from './host-args';
import { startHost } from './server';

const here = path.dirname(fileURLToPath(import.meta.url));

function openInBrowser(url: string): void {
  const command =
    process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  const child = spawn(command, [url], { stdio: 'ignore', detached: true });
  child.on('error', () => undefined); // no system browser: the printed URL is enough
  child.unref();
}

/**
 * Workspace folders listed in `<data dir>/workspaces.txt`, one per line (# for comments): the
 * browser page may open them without the folder rules, like those given with --workspace.
 */
function configuredWorkspaces(dataDir: string): string[] {
  let text = '';
  try {
    text = readFileSync(path.join(dataDir, 'workspaces.txt'), 'utf8');
  } catch {
    return [];
  }
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#') && path.isAbsolute(line));
}

async function main(): Promise<void> {
  let args;
  try {
    args = parseHostArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`lantern: ${(error as Error).message}`);
    process.exit(2);
  }
  const version = (
    JSON.parse(readFileSync(path.join(here, '../../package.json'), 'utf8')) as { version: string }
  ).version;
  const dataDir = path.resolve(args.dataDir ?? defaultDataDir());
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  let forward: EmitEvent = () => undefined;
  const services = createServices({
    mode: 'browser',
    version,
    dataDir,
    emit: (name, payload) => forward(name, payload),
    allowedWorkspaces: [...args.workspaces.map((w) => path.resolve(w)), ...configuredWorkspaces(dataDir)],
  });
  const host = await startHost({
    handlers: services.handlers,
    rendererDir: path.join(here, '../renderer'),
    port: args.port,
  });
  forward = host.emit;
  const why = args.reason ? ` (${args.reason})` : '';
  console.log(`Lantern is running in browser mode${why}: ${host.launchUrl}`);
  if (args.open) openInBrowser(host.launchUrl);
  const stop = () => void Promise.all([host.close(), services.close()]).finally(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  const code = (error as { code?: string }).code;
  const message =
    code === 'EADDRINUSE'
      ? 'that port is already in use; pick another with --port N, or omit it for a free one.'
      : (error as Error).message;
  console.error(`lantern: could not start browser mode: ${message}`);
  process.exit(1);
});
