import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// Lantern treats the sandbox as any other remote API: only these may import it.
const ROOT = path.resolve(__dirname, '..');
// The launcher's own test counts as the launcher: it checks the launcher against a second sandbox.
const ALLOWED = [
  'sandbox/',
  'e2e/',
  'bench/',
  'electron/services/sample/sandbox-launcher.ts',
  'electron/services/sample/sandbox-launcher.test.ts',
];
const SCANNED = ['shared', 'electron', 'renderer', 'scripts', 'e2e', 'bench', 'sandbox'];
const IMPORT = /(?:from\s+|import\s*\(\s*|require\s*\(\s*)['"]([^'"]+)['"]/g;

function sourceFiles(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === 'node_modules' ? [] : sourceFiles(full);
    return /\.(ts|tsx|mts|mjs|js)$/.test(name) ? [full] : [];
  });
}

describe('the sandbox boundary', () => {
  it('nothing outside sandbox/, e2e/, bench/ and the sandbox launcher imports the sandbox', () => {
    const offenders: string[] = [];
    let launcherImports = false;
    for (const file of SCANNED.flatMap((dir) => sourceFiles(path.join(ROOT, dir)))) {
      const relative = path.relative(ROOT, file).split(path.sep).join('/');
      for (const match of readFileSync(file, 'utf8').matchAll(IMPORT)) {
        const specifier = match[1] ?? '';
        if (!specifier.startsWith('.')) continue;
        const target = path
          .relative(ROOT, path.resolve(path.dirname(file), specifier))
          .split(path.sep)
          .join('/');
        if (target !== 'sandbox' && !target.startsWith('sandbox/')) continue;
        if (relative === 'electron/services/sample/sandbox-launcher.ts') launcherImports = true;
        if (!ALLOWED.some((allowed) => relative === allowed || relative.startsWith(allowed)))
          offenders.push(relative);
      }
    }
    expect(offenders).toEqual([]);
    expect(launcherImports, 'the launcher is found by this scan').toBe(true);
  });
});
