// Finds a Chromium for the e2e suite, installing one when none is present:
// Debian's `chromium` through apt when running as root, else Playwright's own download.
// Also makes sure Debian's httpbin (a real server the e2e suite talks to) is there.
import { execSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findChromium, hasHttpbin } from './test-tools.mjs';

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const aptInstall = (packages) => {
  console.log(`e2e: installing ${packages.join(', ')} with apt…`);
  execSync('apt-get update -qq', { stdio: 'inherit' });
  execSync(`DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${packages.join(' ')}`, {
    stdio: 'inherit',
  });
};

const missing = [];
if (!findChromium()) missing.push('chromium');
if (!hasHttpbin()) missing.push('python3-httpbin');
if (missing.length && isRoot && existsSync('/usr/bin/apt-get')) aptInstall(missing);

if (!findChromium()) {
  console.log("e2e: no Chromium found; downloading Playwright's own…");
  const result = spawnSync('npx', ['playwright', 'install', 'chromium'], { stdio: 'inherit' });
  if (result.status !== 0 || !findChromium()) {
    console.error(
      'e2e: no browser could be found or installed. Install Chromium (apt-get install chromium) and retry.',
    );
    process.exit(1);
  }
}
if (!hasHttpbin()) {
  console.error(
    "e2e: Debian's httpbin is missing. Install it with `sudo apt-get install python3-httpbin` (the e2e suite sends real requests to it).",
  );
  process.exit(1);
}
console.log(`e2e: using ${findChromium()}`);
