// Type-checks each layer with its own compiler settings, two at a time (the machine has 2 cores):
// shared/ (no DOM, no Node), renderer/ (DOM, no Node), electron/ (Node, no DOM), then tests and tools.
import { spawn } from 'node:child_process';

const projects = [
  'shared/tsconfig.json',
  'renderer/tsconfig.json',
  'electron/tsconfig.json',
  'tsconfig.json',
];

function check(project) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['node_modules/typescript/bin/tsc', '-p', project], {
      stdio: 'pipe',
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => resolve({ project, code, output }));
  });
}

const results = [];
const queue = [...projects];
await Promise.all(
  [0, 1].map(async () => {
    for (let project = queue.shift(); project; project = queue.shift()) results.push(await check(project));
  }),
);
let failed = false;
for (const { project, code, output } of results) {
  if (code === 0) console.log(`typecheck: ${project} ok`);
  else {
    failed = true;
    console.log(`typecheck: ${project} failed\n${output}`);
  }
}
process.exit(failed ? 1 : 0);
