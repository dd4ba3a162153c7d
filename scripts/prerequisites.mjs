// What the test suites need from the machine, and what to do about it. Pure: it takes what was
// found and returns what to install and what to say, so every case is unit-tested
// (prerequisites.test.ts). scripts/ensure-prerequisites.mjs probes, acts and prints.

/** Each system prerequisite: its name in messages, its Debian package, and why tests need it. */
export const PREREQUISITES = {
  chromium: {
    label: 'Chromium',
    aptPackage: 'chromium',
    why: 'the browser the e2e suite drives',
    otherwise: 'npx playwright install chromium, or set LANTERN_CHROMIUM to a Chromium or Chrome binary',
  },
  httpbin: {
    label: "Debian's httpbin",
    aptPackage: 'python3-httpbin',
    why: 'the real HTTP server the tests send requests to',
    otherwise: '/usr/bin/python3 -m pip install --user httpbin',
  },
  openssl: {
    label: 'openssl',
    aptPackage: 'openssl',
    why: 'it makes the self-signed certificates of the TLS tests',
    otherwise: "install openssl with your system's package manager",
  },
};

/** What each suite needs. */
export const SUITES = {
  unit: ['httpbin', 'openssl'],
  e2e: ['chromium', 'httpbin'],
};

/**
 * The prerequisites named by `--for unit`, `--for e2e`, `--for unit,e2e` (or the flag twice),
 * in a stable order; an error message for anything else.
 */
export function parseNeeds(args) {
  const suites = [];
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i];
    let value;
    if (arg === '--for') value = args[(i += 1)] ?? '';
    else if (arg.startsWith('--for=')) value = arg.slice('--for='.length);
    else return { error: `unknown argument "${arg}"` };
    suites.push(...value.split(',').filter(Boolean));
  }
  const unknown = suites.filter((suite) => !(suite in SUITES));
  if (suites.length === 0 || unknown.length > 0) {
    return {
      error: `say which suite with --for ${Object.keys(SUITES).join('|')}${unknown.length ? ` (not: ${unknown.join(', ')})` : ''}`,
    };
  }
  const wanted = new Set(suites.flatMap((suite) => SUITES[suite]));
  return { needs: Object.keys(PREREQUISITES).filter((name) => wanted.has(name)) };
}

/**
 * Decides the next step from what is found now. `tried` lists, per prerequisite, the install
 * methods already attempted, so each is tried once: apt first (root with apt-get), then, for
 * Chromium only, Playwright's own download. While something can still be installed the answer
 * is the steps to take (the caller then probes again and asks again); when nothing more can be
 * done it is one line per prerequisite and whether all of them are there.
 *
 * @param {{ needs: string[], found: Record<string, string | undefined>, root: boolean, apt: boolean,
 *   tried?: Record<string, string[]> }} situation
 * @returns {{ steps: { method: 'apt' | 'playwright', names: string[], packages: string[], say: string }[],
 *   lines: string[], ok: boolean }}
 */
export function decide({ needs, found, root, apt, tried = {} }) {
  const missing = needs.filter((name) => !found[name]);
  const triedWith = (name, method) => (tried[name] ?? []).includes(method);

  const byApt = root && apt ? missing.filter((name) => !triedWith(name, 'apt')) : [];
  if (byApt.length > 0) {
    const packages = byApt.map((name) => PREREQUISITES[name].aptPackage);
    return {
      steps: [
        { method: 'apt', names: byApt, packages, say: `installing ${packages.join(', ')} with apt-get…` },
      ],
      lines: [],
      ok: false,
    };
  }
  if (missing.includes('chromium') && !triedWith('chromium', 'playwright')) {
    return {
      steps: [
        {
          method: 'playwright',
          names: ['chromium'],
          packages: ['chromium'],
          say: "no Chromium found: downloading Playwright's own…",
        },
      ],
      lines: [],
      ok: false,
    };
  }

  const lines = needs.map((name) => {
    const { label, aptPackage, why, otherwise } = PREREQUISITES[name];
    const methods = tried[name] ?? [];
    if (found[name]) {
      const how = methods.at(-1);
      if (how === 'apt') return `${label}: installed with apt-get (${aptPackage}; ${found[name]})`;
      if (how === 'playwright') return `${label}: installed Playwright's own (${found[name]})`;
      return `${label}: found (${found[name]})`;
    }
    const after = methods.map(describeMethod).join(' and ');
    const failed = after ? ` (still missing after trying ${after})` : '';
    const command = apt ? `${root ? '' : 'sudo '}apt-get install -y ${aptPackage}` : otherwise;
    return `${label} is MISSING${failed}: ${why}. Install it with: ${command}`;
  });
  return { steps: [], lines, ok: missing.length === 0 };
}

const describeMethod = (method) => (method === 'apt' ? 'apt-get' : "Playwright's download");
