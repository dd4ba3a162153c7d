/**
 * GraphQL workbench figures (issue 6), in Chromium against browser mode, with GitHub's real schema
 * (@octokit/graphql-schema, 1,600+ types):
 * - schema_ready_ms: from clicking "Load" with GitHub's introspection JSON (schema.json) to the
 *   query editor showing a completion from that schema;
 * - completion_p95_ms: 200 completions at varied positions in a 300-line query;
 * - validation_ms: from the key that makes that query invalid (a typo after a field name) to the
 *   error shown in the toolbar: the editor's 150 ms pause for typing, validation and the estimate in
 *   the analysis worker, and the render.
 * A completion counts as shown at the first animation frame after its rows are on screen in the
 * query editor's suggest widget (not at Monaco's "visible" class, which a 100 ms timer adds later).
 * The page is driven from outside as a user drives it (paste, clicks, Ctrl+G, Ctrl+Space, typing);
 * nothing in the app exists for the benchmark. Run standalone with `npx tsx bench/graphql.bench.ts`
 * after `npm run build`.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { schema as github } from '@octokit/graphql-schema';
import { buildClientSchema, getNamedType, isLeafType, isNonNullType, isObjectType } from 'graphql';
import type { GraphQLObjectType, IntrospectionQuery } from 'graphql';
import { chromium, type Page } from '@playwright/test';
import { startLanternHost } from '../test-support/processes';
import { CHROMIUM_ARGS, findChromium } from '../scripts/test-tools.mjs';
import { median, round } from './engine-overhead';

const LINES = 300;
const COMPLETIONS = 200;

/** A valid 300-line query over GitHub's repository: leaf fields, connections with `first: 5`. */
export function githubQuery(introspection: IntrospectionQuery): string {
  const schema = buildClientSchema(introspection);
  const lines = ['query bench_repository {', '  repository(owner: "octokit", name: "graphql-schema") {'];
  const budget = LINES - 2;
  const walk = (type: GraphQLObjectType, depth: number, indent: string) => {
    for (const field of Object.values(type.getFields())) {
      if (lines.length >= budget - depth * 2) return;
      if (field.deprecationReason) continue;
      if (field.args.some((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined)) continue;
      const named = getNamedType(field.type);
      if (isLeafType(named)) lines.push(`${indent}${field.name}`);
      else if (isObjectType(named) && depth < 3) {
        const args = field.args.some((arg) => arg.name === 'first') ? '(first: 5)' : '';
        const start = lines.length;
        lines.push(`${indent}${field.name}${args} {`);
        walk(named, depth + 1, `${indent}  `);
        if (lines.length === start + 1) lines.pop();
        else lines.push(`${indent}}`);
      }
    }
  };
  walk(schema.getType('Repository') as GraphQLObjectType, 1, '    ');
  lines.push('  }', '}');
  return lines.join('\n');
}

// Page scripts are strings: the bench runs under tsx, whose helpers would not exist in the page.
// The bench drives the page from outside, as a user does (clicks, keys, paste); these helpers only
// watch the DOM and the clock inside the page, where frames are painted.
const PAGE_HELPERS = `
  // Shown = on screen: Monaco adds the widget's "visible" class by a 100 ms timer after it shows the
  // list (for its onDidShow event; no style depends on it), so that class is not waited for.
  const shown = (element) => !!element && element.checkVisibility({ checkOpacity: true, visibilityProperty: true });
  const queryEditor = () => document.querySelector('[data-testid="graphql-query"] .monaco-editor');
  // When the key that starts a measurement went down (capture phase: before Monaco handles it).
  window.benchKeyAt = undefined;
  document.addEventListener('keydown', (event) => {
    if ((event.key === ' ' && (event.ctrlKey || event.metaKey)) || event.key === 'x') window.benchKeyAt = performance.now();
  }, true);
  /** Resolves at the first frame after "done()" holds, with the time since the key (or "from"). */
  window.benchUntil = (done, timeoutMs, from) => new Promise((resolve) => {
    const check = () => {
      if (!done()) return false;
      observer.disconnect();
      clearTimeout(timer);
      requestAnimationFrame(() => resolve(performance.now() - (from ?? window.benchKeyAt)));
      return true;
    };
    const observer = new MutationObserver(check);
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    const timer = setTimeout(() => { observer.disconnect(); resolve(-1); }, timeoutMs);
    check();
  });
  /** The query editor's suggest widget shows rows (one naming "expect"), or says it has none. */
  window.benchSuggestShown = (expect) => {
    const widget = queryEditor()?.querySelector('.suggest-widget');
    if (!shown(widget)) return false;
    const rows = [...widget.querySelectorAll('.monaco-list-row')].filter(shown);
    const message = widget.querySelector('.message');
    const empty = shown(message) && !/Loading/.test(message.textContent);
    return expect ? rows.some((row) => row.textContent.includes(expect)) : rows.length > 0 || empty;
  };
  window.benchSummary = () => document.querySelector('[data-testid="graphql-validation-summary"]')?.textContent ?? '';
`;

/** Pastes text into the query editor, replacing what is there, as a user would. */
async function pasteQuery(page: Page, text: string): Promise<void> {
  await page.evaluate((value) => navigator.clipboard.writeText(value), text);
  await page.getByTestId('graphql-query').locator('.monaco-editor').click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.press('Control+V');
}

/** Puts the cursor at a line and column with Monaco's own "Go to line" (Ctrl+G). */
async function goTo(page: Page, [line, column]: [number, number]): Promise<void> {
  await page.keyboard.press('Control+G');
  await page.keyboard.insertText(`${line}:${column}`);
  await page.keyboard.press('Enter');
}

/** Ctrl+Space, then the time from that key to the frame that paints the rows; -1 after `timeoutMs`. */
async function complete(page: Page, expect: string | undefined, timeoutMs: number): Promise<number> {
  const shown = page.evaluate(
    ([expected, timeout]) =>
      (window as unknown as { benchUntil: (d: () => boolean, t: number) => Promise<number> }).benchUntil(
        () =>
          (window as unknown as { benchSuggestShown: (e?: string) => boolean }).benchSuggestShown(expected),
        timeout,
      ),
    [expect, timeoutMs] as const,
  );
  await page.keyboard.press('Control+Space');
  const took = await shown;
  await page.keyboard.press('Escape');
  return took;
}

type BenchWindow = {
  benchUntil: (done: () => boolean, timeoutMs: number, from?: number) => Promise<number>;
  benchSuggestShown: (expect?: string) => boolean;
};

/**
 * From clicking Load to the query editor offering GitHub's `repository` field: the user clicks back
 * into the query and asks for completion until the schema answers. Both figures are read in the
 * page, at the frame that paints them, from the click (Playwright's own polling would round them).
 */
async function schemaReady(page: Page): Promise<{ took: number; loaded: number }> {
  await pasteQuery(page, 'query {\n  repo\n}');
  // A string: tsx's helpers (`__name`) would not exist in the page.
  const { started, loaded } = (await page.evaluate(`(async () => {
    const status = () => document.querySelector('[data-testid="graphql-schema-status"]')?.textContent ?? '';
    document.querySelector('[data-testid="graphql-schema-file-load"]').click();
    const start = performance.now();
    return { started: start, loaded: await window.benchUntil(() => /loaded from a file/.test(status()), 60000, start) };
  })()`)) as { started: number; loaded: number };
  for (;;) {
    await page.getByTestId('graphql-query').locator('.view-line', { hasText: 'repo' }).first().click();
    await page.keyboard.press('End');
    const shown = page.evaluate(
      ([from]) => {
        const w = window as unknown as BenchWindow;
        return w.benchUntil(() => w.benchSuggestShown('repository'), 1000, from);
      },
      [started] as const,
    );
    await page.keyboard.press('Control+Space');
    const took = await shown;
    await page.keyboard.press('Escape');
    if (took >= 0) return { took, loaded };
  }
}

/** From the key that makes the query invalid (an `x` after a field name) to the error on screen. */
async function validationRun(page: Page, at: [number, number]): Promise<number> {
  await goTo(page, at);
  const shown = page.evaluate(() => {
    const w = window as unknown as {
      benchUntil: (d: () => boolean, t: number) => Promise<number>;
      benchSummary: () => string;
    };
    return w.benchUntil(() => /error/.test(w.benchSummary()), 10_000);
  });
  await page.keyboard.press('x');
  const took = await shown;
  await page.keyboard.press('Backspace');
  await page
    .getByTestId('graphql-validation-summary')
    .filter({ hasText: 'Valid against the schema' })
    .waitFor();
  return took;
}

/** Positions at the end of a field name, spread over the query by a fixed-seed generator. */
function completionPositions(query: string): [number, number][] {
  const candidates: [number, number][] = [];
  query.split('\n').forEach((line, index) => {
    const match = /^(\s*)(\w+)/.exec(line);
    if (match?.[2] && index > 1) candidates.push([index + 1, (match[1]?.length ?? 0) + match[2].length + 1]);
  });
  let seed = 42;
  const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  return Array.from({ length: COMPLETIONS }, () => candidates[Math.floor(next() * candidates.length)]!);
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
};

export async function graphqlBench(): Promise<Record<string, number>> {
  const executablePath = findChromium();
  if (!executablePath)
    throw new Error("No Chromium found: install Debian's chromium or set LANTERN_CHROMIUM.");
  const dataDir = mkdtempSync(path.join(tmpdir(), 'lantern-bench-graphql-'));
  const schemaFile = path.join(dataDir, 'github-schema.json');
  const introspection = github.json as unknown as IntrospectionQuery & { data?: IntrospectionQuery };
  writeFileSync(schemaFile, JSON.stringify(introspection));
  const query = githubQuery(introspection.data ?? introspection);
  const host = await startLanternHost(dataDir);
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({ viewport: { width: 1400, height: 860 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const page = await context.newPage();
    await page.goto(host.launchUrl);
    await page.evaluate(PAGE_HELPERS);
    await page.getByTestId('url-input').fill('https://api.github.com/graphql');
    await page.getByTestId('request-tab-body').click();
    await page.getByTestId('body-mode').selectOption('graphql');
    await page.getByTestId('graphql-load-schema-toggle').click();
    await page.getByTestId('graphql-schema-file').fill(schemaFile);
    await page.getByTestId('graphql-query').locator('.monaco-editor').waitFor();
    const ready = await schemaReady(page);
    await pasteQuery(page, query);
    await page
      .getByTestId('graphql-validation-summary')
      .filter({ hasText: 'Valid against the schema' })
      .waitFor();
    const positions = completionPositions(query);
    const times: number[] = [];
    for (const position of positions) {
      await goTo(page, position);
      const took = await complete(page, undefined, 10_000);
      if (took < 0) throw new Error(`No completion list within 10 s at line ${position[0]}:${position[1]}.`);
      times.push(took);
    }
    const validation: number[] = [];
    for (const position of positions.slice(0, 7)) validation.push(await validationRun(page, position));
    if (validation.some((took) => took < 0)) throw new Error('A typo was not reported within 10 s.');
    return {
      schema_ready_ms: round(ready.took, 0),
      schema_loaded_ms: round(ready.loaded, 0),
      completion_p95_ms: round(percentile(times, 95), 1),
      completion_median_ms: round(median(times), 1),
      validation_ms: round(median(validation.slice(2)), 1),
    };
  } finally {
    await browser.close();
    await host.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  graphqlBench().then(
    (results) => console.log(results),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
