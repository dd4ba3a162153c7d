/**
 * browser_cold_start_ms: `npm start` with the app built (browser mode) until the URL box can take
 * focus in a freshly launched Chromium, whole processes, cold each run; beside it its floors, bare
 * `node -e 0` and a fresh Chromium showing a page with one input, timed the same way.
 * renderer_initial_js_kb: the JavaScript the page requested before its first contentful paint,
 * gzip-sized file by file (and the same before the URL box exists).
 * Needs `npm run build`. Run standalone with `npx tsx bench/startup.bench.ts`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from '../scripts/test-tools.mjs';
import { electronBinary } from '../scripts/electron-binary.mjs';
import { median, round } from './engine-overhead';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.join(here, '..');
const RUNS = 7;
/** How long after the URL box takes focus the page's long tasks are still watched. */
const AFTER_INTERACTIVE_MS = 4_000;

/** Wall-clock milliseconds (epoch), comparable with the page's `performance.timeOrigin + now()`. */
const now = () => performance.timeOrigin + performance.now();

// Page script (a string: tsx's helpers would not exist in the page). Records, in epoch ms, the
// first contentful paint and the moment the URL box (or, on the floor page, the input) takes focus,
// and which scripts had been requested by then.
const WATCH_PAGE = `
  (() => {
    const at = () => performance.timeOrigin + performance.now();
    const scripts = (before) => performance.getEntriesByType('resource')
      .filter((e) => /\\.m?js(\\?|$)/.test(e.name) && e.startTime < before)
      .map((e) => e.name);
    window.__startup = { longestTaskAfter: 0 };
    // Tasks after the URL box took focus: the deferred editors load then, while the user may type.
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        const endsAfter = performance.timeOrigin + entry.startTime + entry.duration > (window.__startup.interactiveAt ?? Infinity);
        if (endsAfter) window.__startup.longestTaskAfter = Math.max(window.__startup.longestTaskAfter, entry.duration);
      }
    }).observe({ type: 'longtask', buffered: true });
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        if (entry.name !== 'first-contentful-paint') continue;
        window.__startup.fcpAt = performance.timeOrigin + entry.startTime;
        window.__startup.scriptsBeforePaint = scripts(entry.startTime);
      }
    }).observe({ type: 'paint', buffered: true });
    const check = () => {
      const input = document.querySelector('[data-testid="url-input"], #floor-input');
      if (!input || input.disabled) return false;
      input.focus();
      if (document.activeElement !== input) return false;
      window.__startup.interactiveAt = at();
      window.__startup.scriptsBeforeInteractive = scripts(performance.now());
      return true;
    };
    const observer = new MutationObserver(() => check() && observer.disconnect());
    document.addEventListener('DOMContentLoaded', () => {
      if (!check()) observer.observe(document.body, { childList: true, subtree: true });
    });
  })();
`;
const FLOOR_PAGE = 'data:text/html,<!doctype html><title>floor</title><input id="floor-input">';

declare global {
  interface Window {
    __startup?: PageTimes;
  }
}

interface PageTimes {
  fcpAt?: number;
  /** The longest main-thread task that ended after `interactiveAt` (0: none reached 50 ms). */
  longestTaskAfter: number;
  interactiveAt: number;
  scriptsBeforePaint?: string[];
  scriptsBeforeInteractive: string[];
}

/** Launches Chromium, opens `url` and waits until its input takes focus. */
async function openInChromium(executablePath: string, url: string): Promise<PageTimes> {
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
    await page.addInitScript(WATCH_PAGE);
    await page.goto(url, { waitUntil: 'commit' });
    // Functions, not strings: the app's CSP forbids eval, which Playwright uses for string predicates.
    await page.waitForFunction(() => window.__startup?.interactiveAt, undefined, {
      timeout: 30_000,
      polling: 20,
    });
    // The paint entry may be delivered a moment after the input exists.
    await page.waitForFunction(() => window.__startup?.fcpAt, undefined, { timeout: 5_000 }).catch(() => {});
    // What follows interactivity: the editors' chunks load once the window is idle (≤ 3 s).
    await page.waitForTimeout(AFTER_INTERACTIVE_MS);
    return (await page.evaluate('window.__startup')) as PageTimes;
  } finally {
    await browser.close();
  }
}

/** `npm start -- --no-open` in its own process group; resolves with the URL it prints. */
function npmStart(
  appRoot: string,
  dataDir: string,
): Promise<{ child: ChildProcess; launchUrl: string; urlAt: number }> {
  const child = spawn('npm', ['start', '--', '--no-open', '--data-dir', dataDir], {
    cwd: appRoot,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('lantern: building')) {
        reject(
          new Error(
            '`npm start` found the build older than the sources and began rebuilding (stopped here): run `npm run build` first, and edit nothing while this runs.',
          ),
        );
        void stopGroup(child);
        return;
      }
      const match = /(http:\/\/127\.0\.0\.1:\d+\/#token=[0-9a-f]{64})/.exec(output);
      if (match?.[1]) resolve({ child, launchUrl: match[1], urlAt: now() });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`npm start exited (${code}): ${output.slice(0, 2000)}`)));
  });
}

/** Stops the whole group `npm start` made (npm, the start script, the host). */
function stopGroup(child: ChildProcess): Promise<void> {
  const group = child.pid;
  if (group === undefined || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => process.kill(-group, 'SIGKILL'), 3000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    process.kill(-group, 'SIGTERM');
  });
}

export interface ColdStart {
  totalMs: number;
  urlPrintedMs: number;
  firstPaintMs: number;
  longestTaskAfterMs: number;
  scriptsBeforePaint: string[];
  scriptsBeforeInteractive: string[];
}

/** One cold start of the app built in `appRoot` (another checkout, for an A/B run). */
export async function coldStart(executablePath: string, appRoot = root): Promise<ColdStart> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'lantern-bench-start-'));
  const start = now();
  const host = await npmStart(appRoot, dataDir);
  try {
    const times = await openInChromium(executablePath, host.launchUrl);
    return {
      totalMs: times.interactiveAt - start,
      urlPrintedMs: host.urlAt - start,
      firstPaintMs: (times.fcpAt ?? Number.NaN) - start,
      longestTaskAfterMs: times.longestTaskAfter,
      scriptsBeforePaint: times.scriptsBeforePaint ?? [],
      scriptsBeforeInteractive: times.scriptsBeforeInteractive,
    };
  } finally {
    await stopGroup(host.child);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function chromiumFloor(executablePath: string): Promise<number> {
  const start = now();
  const times = await openInChromium(executablePath, FLOOR_PAGE);
  return times.interactiveAt - start;
}

function nodeFloor(): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = now();
    const child = spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' });
    child.once('error', reject);
    child.once('exit', () => resolve(now() - start));
  });
}

/** Gzip bytes (zlib's default level, as servers send) of the built files behind these URLs. */
export function gzipKb(urls: string[], appRoot = root): number {
  let bytes = 0;
  for (const url of new Set(urls)) {
    const file = path.join(appRoot, 'out/renderer', new URL(url).pathname);
    if (!existsSync(file)) throw new Error(`The page loaded ${url}, which is not in out/renderer.`);
    bytes += gzipSync(readFileSync(file)).length;
  }
  return bytes / 1024;
}

export async function startupBench(): Promise<Record<string, number>> {
  const executablePath = findChromium();
  if (!executablePath)
    throw new Error("No Chromium found: install Debian's chromium or set LANTERN_CHROMIUM.");
  if (electronBinary())
    throw new Error(
      'Electron is installed here, so `npm start` opens the desktop app: browser_cold_start_ms measures browser mode.',
    );
  if (!existsSync(path.join(root, 'out/renderer/index.html')))
    throw new Error('The app is not built: run `npm run build` first.');
  const starts: ColdStart[] = [];
  const chromiumMs: number[] = [];
  const nodeMs: number[] = [];
  // Alternating, so a change in the machine's load falls on all three alike.
  for (let i = 0; i < RUNS; i++) {
    const order = [
      async () => starts.push(await coldStart(executablePath)),
      async () => chromiumMs.push(await chromiumFloor(executablePath)),
      async () => nodeMs.push(await nodeFloor()),
    ];
    for (let j = 0; j < order.length; j++) await order[(i + j) % order.length]!();
  }
  const last = starts[starts.length - 1]!;
  return {
    browser_cold_start_ms: round(median(starts.map((s) => s.totalMs)), 0),
    browser_cold_start_url_printed_ms: round(median(starts.map((s) => s.urlPrintedMs)), 0),
    browser_cold_start_first_paint_ms: round(median(starts.map((s) => s.firstPaintMs)), 0),
    browser_cold_start_longest_task_after_ms: round(Math.max(...starts.map((s) => s.longestTaskAfterMs)), 0),
    browser_cold_start_chromium_floor_ms: round(median(chromiumMs), 0),
    browser_cold_start_node_floor_ms: round(median(nodeMs), 0),
    renderer_initial_js_kb: round(gzipKb(last.scriptsBeforePaint), 1),
    renderer_interactive_js_kb: round(gzipKb(last.scriptsBeforeInteractive), 1),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(`load average (1 min) at start: ${loadavg()[0]?.toFixed(2)}`);
  startupBench().then(
    (results) => {
      for (const [name, value] of Object.entries(results)) console.log(`  ${name.padEnd(40)} ${value}`);
      console.log(`load average (1 min) at end: ${loadavg()[0]?.toFixed(2)}`);
    },
    (error: unknown) => {
      console.error(`startup bench: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
