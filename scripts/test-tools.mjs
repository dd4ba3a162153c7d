import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The Chromium the e2e suite drives: $LANTERN_CHROMIUM, Debian's, or Playwright's own. */
export function findChromium() {
  const candidates = [process.env.LANTERN_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  try {
    candidates.push(require('playwright-core').chromium.executablePath());
  } catch {
    // playwright-core absent or no browser downloaded
  }
  return candidates.find((candidate) => candidate && existsSync(candidate));
}

/**
 * Flags Chromium needs here: root without a sandbox, no GPU, and none of its background
 * connections, which this machine's closed network refuses.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

/** Debian's httpbin must run under Debian's own Python, not the first one on PATH. */
export const HTTPBIN_PYTHON = '/usr/bin/python3';

export function hasHttpbin() {
  if (!existsSync(HTTPBIN_PYTHON)) return false;
  return spawnSync(HTTPBIN_PYTHON, ['-c', 'import httpbin'], { stdio: 'ignore' }).status === 0;
}

/** openssl makes the self-signed certificates of the TLS tests (test-support/certificates.ts). */
export function hasOpenssl() {
  return spawnSync('openssl', ['version'], { stdio: 'ignore' }).status === 0;
}
