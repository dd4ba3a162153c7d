// The static checks, two at a time (the machine has 2 cores), longest first, each with its own
// output printed whole when it ends: ESLint, Prettier's check, and TypeScript for each layer with
// its own compiler settings (shared/: no DOM, no Node; renderer/: DOM, no Node; electron/: Node,
// no DOM; then tests and tools).
//   node scripts/checks.mjs            all of them (`npm test` runs this first)
//   node scripts/checks.mjs typecheck  TypeScript only (`npm run typecheck`)
//   node scripts/checks.mjs lint       ESLint and Prettier only (`npm run lint`)
import { spawn } from 'node:child_process';

const tsc = (project) => ({
  group: 'typecheck',
  name: `typecheck: ${project}`,
  args: ['node_modules/typescript/bin/tsc', '-p', project],
});
const checks = [
  { group: 'lint', name: 'eslint', args: ['node_modules/eslint/bin/eslint.js', '.'] },
  tsc('renderer/tsconfig.json'),
  tsc('tsconfig.json'),
  tsc('electron/tsconfig.json'),
  {
    group: 'lint',
    name: 'prettier --check',
    args: ['node_modules/prettier/bin/prettier.cjs', '--check', '.'],
  },
  tsc('shared/tsconfig.json'),
];

const only = process.argv[2];
if (only && only !== 'typecheck' && only !== 'lint') {
  console.error(`checks: unknown group "${only}"; use "typecheck", "lint" or nothing for both.`);
  process.exit(2);
}

function run({ name, args }) {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { stdio: 'pipe' });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', (error) => resolve({ name, code: 1, output: String(error) }));
    child.on('close', (code) => {
      const seconds = ((Date.now() - started) / 1000).toFixed(0);
      if (code === 0) console.log(`${name}: ok (${seconds} s)`);
      else console.log(`${name}: failed (${seconds} s)\n${output}`);
      resolve({ name, code });
    });
  });
}

const queue = checks.filter((check) => !only || check.group === only);
const results = [];
await Promise.all(
  [0, 1].map(async () => {
    for (let check = queue.shift(); check; check = queue.shift()) results.push(await run(check));
  }),
);
const failed = results.filter((result) => result.code !== 0).map((result) => result.name);
if (failed.length > 0) console.log(`checks: ${failed.length} failed: ${failed.join(', ')}`);
process.exit(failed.length > 0 ? 1 : 0);
