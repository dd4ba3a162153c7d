import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
export { sampleRequest } from '../../../shared/workspace-format/sample-request.fixture';

/** A fresh temp folder per test, so tests can run in parallel; removed by the returned function. */
export async function tempDir(
  prefix = 'lantern-ws-',
): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), prefix));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** A large body whose every line names its generation, so a torn write cannot pass for whole. */
export function generationBody(id: string, generation: number): string {
  const lines = [`generation ${generation}`];
  for (let i = 0; i < 12_000; i += 1)
    lines.push(`${id} line ${i} of generation ${generation}: ${'x'.repeat(i % 40)}`);
  return `${lines.join('\n')}\n`;
}
