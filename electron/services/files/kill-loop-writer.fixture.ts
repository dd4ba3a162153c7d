/**
 * A writer for the kill-loop test: saves three files over and over with the app's atomic writer
 * until it is killed. Says "ready" once it has started writing.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from './atomic-file';

const dir = process.argv[2] ?? '';
mkdirSync(path.join(dir, 'history'), { recursive: true });
const targets = ['vault-copy.json', 'credentials-copy.json', path.join('history', 'index-copy.json')];
let round = 0;
for (;;) {
  const target = targets[round % targets.length] ?? 'x.json';
  round += 1;
  // Large enough that a kill often lands mid-write; each file is whole JSON of one round.
  await writeFileAtomic(
    path.join(dir, target),
    JSON.stringify({ round, fill: 'x'.repeat(256 * 1024) }),
    0o600,
  );
  if (round === 1) process.stdout.write('ready\n');
}
