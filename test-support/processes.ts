import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface RunningProcess {
  url: string;
  child: ChildProcess;
  stop: () => Promise<void>;
}

function stopper(child: ChildProcess) {
  return () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 3000).unref();
    });
}

/** Starts browser mode as a user would (`node out/main/host.js`) and reads the URL it prints. */
export function startLanternHost(
  dataDir: string,
  extraArgs: string[] = [],
): Promise<RunningProcess & { launchUrl: string }> {
  const args = [path.join(repoRoot, 'out/main/host.js'), '--no-open', '--data-dir', dataDir, ...extraArgs];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`Lantern host did not start: ${output}`)), 15_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /(http:\/\/127\.0\.0\.1:\d+\/)#token=([0-9a-f]{64})/.exec(output);
      if (match?.[1] && match[2]) {
        clearTimeout(timer);
        resolve({ url: match[1], launchUrl: `${match[1]}#token=${match[2]}`, child, stop: stopper(child) });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`Lantern host exited (${code}): ${output}`)));
  });
}

/** Debian's real httpbin on a free loopback port. */
export async function startHttpbin(): Promise<RunningProcess> {
  const port = await freePort();
  const child = spawn('/usr/bin/python3', ['-m', 'httpbin.core', '--port', String(port)], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error('httpbin exited at start; is python3-httpbin installed?');
    try {
      if ((await fetch(`${url}/get`)).ok) return { url, child, stop: stopper(child) };
    } catch {
      await new Promise((r) => setTimeout(r, 150));
    }
  }
  child.kill();
  throw new Error('httpbin did not answer within 20 s.');
}

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real `bin/lantern.mjs` in its own process (the TypeScript through tsx), `input` on stdin. */
export function runLanternCli(
  args: string[],
  input?: string,
  env: Record<string, string> = {},
): Promise<CliRun> {
  const child = spawn(process.execPath, [path.join(repoRoot, 'bin/lantern.mjs'), ...args], {
    env: { ...process.env, LANTERN_CLI_FROM_SOURCE: '1', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdin?.end(input ?? '');
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}
