// Run before a test suite (`npm run test:unit`, `npm run test:e2e`, .ci/run): finds what the
// suite needs from the machine, installs what is missing when it can (apt-get as root; for
// Chromium otherwise Playwright's own download), and says in one line each what it found,
// what it installed, or what is missing and how to install it. Exits 1 when something is
// missing, 2 on bad arguments.
//   node scripts/ensure-prerequisites.mjs --for unit|e2e[,…]
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { decide, parseNeeds } from './prerequisites.mjs';
import { HTTPBIN_PYTHON, findChromium, hasHttpbin, hasOpenssl } from './test-tools.mjs';

const say = (line) => console.log(`prerequisites: ${line}`);
const parsed = parseNeeds(process.argv.slice(2));
if (parsed.error) {
  console.error(`prerequisites: ${parsed.error}`);
  process.exit(2);
}
const { needs } = parsed;

const probes = {
  chromium: () => findChromium(),
  httpbin: () => (hasHttpbin() ? `${HTTPBIN_PYTHON} -m httpbin.core` : undefined),
  openssl: () => (hasOpenssl() ? 'on PATH' : undefined),
};
const probe = () => Object.fromEntries(needs.map((name) => [name, probes[name]()]));

/** Runs a command quietly; its output is shown only when it fails. */
function quietly(command, args, env = {}) {
  const result = spawnSync(command, args, { env: { ...process.env, ...env }, encoding: 'utf8' });
  if (result.status === 0) return true;
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}${result.error?.message ?? ''}`.trim();
  console.error(
    `prerequisites: \`${command} ${args.join(' ')}\` failed:\n${output.split('\n').slice(-15).join('\n')}`,
  );
  return false;
}

let aptUpdated = false;
function install(step) {
  if (step.method === 'apt') {
    // Once per run: a clean machine has no package lists yet.
    aptUpdated ||= quietly('apt-get', ['update', '-qq']);
    quietly('apt-get', ['install', '-y', '-qq', ...step.packages], {
      DEBIAN_FRONTEND: 'noninteractive',
    });
  } else {
    spawnSync('npx', ['playwright', 'install', 'chromium'], { stdio: 'inherit' });
  }
}

const root = typeof process.getuid === 'function' && process.getuid() === 0;
const apt = existsSync('/usr/bin/apt-get');
const tried = {};
for (;;) {
  const { steps, lines, ok } = decide({ needs, found: probe(), root, apt, tried });
  for (const step of steps) {
    say(step.say);
    install(step);
    for (const name of step.names) tried[name] = [...(tried[name] ?? []), step.method];
  }
  if (steps.length > 0) continue;
  for (const line of lines) (ok ? console.log : console.error)(`prerequisites: ${line}`);
  process.exit(ok ? 0 : 1);
}
