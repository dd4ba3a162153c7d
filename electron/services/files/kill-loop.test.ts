/**
 * Writers killed mid-save (kill -9) leave temp files; an old vault copy among them would keep a
 * credential deleted later. The next start removes them all, and every kept file is whole.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, onTestFinished } from 'vitest';
import { dispatch } from '../../../shared/dispatch';
import { tempDir } from '../../../test-support/temp-dirs';
import { createServices } from '../create-services';
import { isTempFile } from './atomic-file';

const writer = fileURLToPath(new URL('./kill-loop-writer.fixture.ts', import.meta.url));
const KILLS = 6;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((name) => path.join(dir, name));
}

/** Starts the writer, lets it write for a while, then kills it without warning. */
function writeThenKill(dir: string, afterMs: number): Promise<void> {
  const child = spawn(process.execPath, ['--import', 'tsx', writer, dir], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.stdout.on('data', () => setTimeout(() => child.kill('SIGKILL'), afterMs));
    child.once('exit', (code, signal) =>
      signal === 'SIGKILL' ? resolve() : reject(new Error(`writer exited (${code}): ${errors}`)),
    );
  });
}

describe('a kill loop', () => {
  it('leaves no temp file after the next start, and no half-written file', async () => {
    const { dir, cleanup } = await tempDir('lantern-kill-loop-');
    onTestFinished(cleanup);
    let leftBehind = 0;
    for (let i = 0; i < KILLS; i += 1) {
      await writeThenKill(dir, 20 + ((i * 37) % 120));
      leftBehind += filesUnder(dir).filter((file) => isTempFile(path.basename(file))).length;
    }
    // The loop did kill writers mid-save: otherwise this test would prove nothing.
    expect(leftBehind).toBeGreaterThan(0);

    const services = createServices({
      mode: 'browser',
      version: 'test',
      dataDir: dir,
      emit: () => undefined,
    });
    // Any call that needs the vault waits for the start's sweep.
    expect((await dispatch(services.handlers, 'listCredentials', {})).ok).toBe(true);
    await services.close();

    const files = filesUnder(dir);
    expect(files.filter((file) => isTempFile(path.basename(file)))).toEqual([]);
    for (const file of files.filter((f) => /-copy\.json$/.test(f)))
      expect(() => JSON.parse(readFileSync(file, 'utf8')) as unknown).not.toThrow();
  }, 120_000);
});
