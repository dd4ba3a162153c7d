import { describe, expect, it } from 'vitest';
import { decide, parseNeeds, type Situation } from './prerequisites.mjs';

const FOUND = {
  chromium: '/usr/bin/chromium',
  httpbin: '/usr/bin/python3 -m httpbin.core',
  openssl: 'on PATH',
};
const unit: Situation['needs'] = ['httpbin', 'openssl'];
const e2e: Situation['needs'] = ['chromium', 'httpbin'];

describe('parseNeeds', () => {
  it('names what each suite needs, once each, however the suites are given', () => {
    expect(parseNeeds(['--for', 'unit'])).toEqual({ needs: ['httpbin', 'openssl'] });
    expect(parseNeeds(['--for', 'e2e'])).toEqual({ needs: ['chromium', 'httpbin'] });
    expect(parseNeeds(['--for', 'e2e,unit'])).toEqual({ needs: ['chromium', 'httpbin', 'openssl'] });
    expect(parseNeeds(['--for=unit', '--for', 'e2e'])).toEqual({ needs: ['chromium', 'httpbin', 'openssl'] });
  });

  it('refuses no suite, an unknown suite or another argument, saying what it takes', () => {
    expect(parseNeeds([])).toEqual({ error: 'say which suite with --for unit|e2e' });
    expect(parseNeeds(['--for', 'bench'])).toEqual({
      error: 'say which suite with --for unit|e2e (not: bench)',
    });
    expect(parseNeeds(['--for'])).toEqual({ error: 'say which suite with --for unit|e2e' });
    expect(parseNeeds(['--yes'])).toEqual({ error: 'unknown argument "--yes"' });
  });
});

describe('decide', () => {
  it('says what it found, one line each, when everything is there', () => {
    expect(decide({ needs: unit, found: FOUND, root: false, apt: true })).toEqual({
      steps: [],
      lines: ["Debian's httpbin: found (/usr/bin/python3 -m httpbin.core)", 'openssl: found (on PATH)'],
      ok: true,
    });
  });

  it('as root with apt-get, installs everything missing in one apt step', () => {
    const { steps, ok } = decide({
      needs: ['chromium', 'httpbin', 'openssl'],
      found: {},
      root: true,
      apt: true,
    });
    expect(ok).toBe(false);
    expect(steps).toEqual([
      {
        method: 'apt',
        names: ['chromium', 'httpbin', 'openssl'],
        packages: ['chromium', 'python3-httpbin', 'openssl'],
        say: 'installing chromium, python3-httpbin, openssl with apt-get…',
      },
    ]);
  });

  it('says what apt installed once it is found', () => {
    const decision = decide({
      needs: unit,
      found: FOUND,
      root: true,
      apt: true,
      tried: { openssl: ['apt'] },
    });
    expect(decision).toEqual({
      steps: [],
      lines: [
        "Debian's httpbin: found (/usr/bin/python3 -m httpbin.core)",
        'openssl: installed with apt-get (openssl; on PATH)',
      ],
      ok: true,
    });
  });

  it('tries apt once: still missing after it, it says so with the command, and fails', () => {
    const decision = decide({
      needs: unit,
      found: { openssl: 'on PATH' },
      root: true,
      apt: true,
      tried: { httpbin: ['apt'] },
    });
    expect(decision.steps).toEqual([]);
    expect(decision.ok).toBe(false);
    expect(decision.lines[0]).toBe(
      "Debian's httpbin is MISSING (still missing after trying apt-get): the real HTTP server the tests send requests to. Install it with: apt-get install -y python3-httpbin",
    );
  });

  it('not root: installs nothing with apt, and gives the sudo command', () => {
    const decision = decide({ needs: unit, found: { httpbin: FOUND.httpbin }, root: false, apt: true });
    expect(decision.steps).toEqual([]);
    expect(decision.ok).toBe(false);
    expect(decision.lines[1]).toBe(
      'openssl is MISSING: it makes the self-signed certificates of the TLS tests. Install it with: sudo apt-get install -y openssl',
    );
  });

  it("not root: downloads Playwright's Chromium, then reports it", () => {
    const first = decide({ needs: e2e, found: { httpbin: FOUND.httpbin }, root: false, apt: true });
    expect(first.steps).toEqual([
      {
        method: 'playwright',
        names: ['chromium'],
        packages: ['chromium'],
        say: "no Chromium found: downloading Playwright's own…",
      },
    ]);
    const after = decide({
      needs: e2e,
      found: { chromium: '/root/.cache/ms-playwright/chromium-1/chrome', httpbin: FOUND.httpbin },
      root: false,
      apt: true,
      tried: { chromium: ['playwright'] },
    });
    expect(after.ok).toBe(true);
    expect(after.lines[0]).toBe(
      "Chromium: installed Playwright's own (/root/.cache/ms-playwright/chromium-1/chrome)",
    );
  });

  it("as root, falls back to Playwright's download when apt did not bring Chromium, then gives up", () => {
    const situation = { needs: e2e, found: { httpbin: FOUND.httpbin }, root: true, apt: true };
    expect(decide({ ...situation, tried: { chromium: ['apt'] } }).steps.map((s) => s.method)).toEqual([
      'playwright',
    ]);
    const last = decide({ ...situation, tried: { chromium: ['apt', 'playwright'] } });
    expect(last.steps).toEqual([]);
    expect(last.ok).toBe(false);
    expect(last.lines[0]).toBe(
      "Chromium is MISSING (still missing after trying apt-get and Playwright's download): the browser the e2e suite drives. Install it with: apt-get install -y chromium",
    );
  });

  it('without apt-get, names another way to install each', () => {
    const chromium = decide({
      needs: ['chromium'],
      found: {},
      root: false,
      apt: false,
      tried: { chromium: ['playwright'] },
    });
    expect(chromium.lines[0]).toMatch(
      /Install it with: npx playwright install chromium, or set LANTERN_CHROMIUM/,
    );
    const httpbin = decide({ needs: ['httpbin'], found: {}, root: true, apt: false });
    expect(httpbin.steps).toEqual([]);
    expect(httpbin.lines[0]).toMatch(/Install it with: \/usr\/bin\/python3 -m pip install --user httpbin$/);
  });
});
