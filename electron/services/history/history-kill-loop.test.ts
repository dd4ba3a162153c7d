/**
 * A history writer killed without warning (kill -9) at random moments loses no entry whose
 * record() had resolved, that is, no entry of a send that had returned its result; and the next
 * start reads every one of them without a problem.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, onTestFinished } from 'vitest';
import { tempDir } from '../../../test-support/temp-dirs';
import { HistoryStore } from './history-store';

const writer = fileURLToPath(new URL('./history-kill-writer.fixture.ts', import.meta.url));
const KILLS = 6;

/** Runs the writer until `afterMs` after its first entry, kills it; resolves to the URLs it acknowledged. */
function recordThenKill(dir: string, run: number, afterMs: number): Promise<string[]> {
  const child = spawn(process.execPath, ['--import', 'tsx', writer, dir, String(run)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    let errors = '';
    let timer: NodeJS.Timeout | undefined;
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      timer ??= setTimeout(() => child.kill('SIGKILL'), afterMs);
    });
    child.once('exit', (code, signal) =>
      signal === 'SIGKILL'
        ? resolve(out.split('\n').slice(0, -1)) // the last piece is '' or a line cut short
        : reject(new Error(`writer exited (${code}): ${errors}`)),
    );
  });
}

describe('history in a kill loop', () => {
  it('keeps every entry whose record() had resolved when the process was killed', async () => {
    const { dir, cleanup } = await tempDir('lantern-history-kill-');
    onTestFinished(cleanup);
    const acknowledged: string[] = [];
    for (let run = 0; run < KILLS; run += 1) {
      acknowledged.push(...(await recordThenKill(dir, run, 30 + ((run * 53) % 150))));
    }
    // The writers did get entries written before they were killed: otherwise this proves nothing.
    expect(acknowledged.length).toBeGreaterThan(KILLS * 3);

    // No cap: on a fast machine the writers acknowledge more entries than the default keeps.
    const store = new HistoryStore({ dir, maxEntries: 1_000_000, maxTotalBytes: 1024 ** 3 });
    const listed = new Set((await store.list()).map((summary) => summary.url));
    expect(acknowledged.filter((url) => !listed.has(url))).toEqual([]);
    expect(store.problems()).toEqual([]);
    // Every listed entry opens whole.
    for (const summary of (await store.list()).slice(0, 20))
      expect((await store.get(summary.id)).summary.id).toBe(summary.id);
    await store.flush();
  }, 120_000);
});
