/**
 * GraphQL workbench figures (issue 6, issue 17), in Chromium against browser mode, with GitHub's real
 * schema (@octokit/graphql-schema, 1,600+ types):
 * - schema_ready_ms: from handing over GitHub's introspection JSON (schema.json) in the schema file
 *   input to the query editor completing `repo` with Query's `repository` field;
 * - completion_p95_ms: 200 completions at varied positions in a 300-line query; each counts only when
 *   its rows are fields of the type at that position (never "No suggestions", never words picked from
 *   the document), so it cannot pass without the schema;
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

/** A query, and for each of its lines the fields of the type whose selection set the line is in. */
export interface BenchQuery {
  text: string;
  fieldsAt: string[][];
}

/** A valid 300-line query over GitHub's repository: leaf fields, connections with `first: 5`. */
export function githubQuery(introspection: IntrospectionQuery): BenchQuery {
  const schema = buildClientSchema(introspection);
  const lines = ['query bench_repository {', '  repository(owner: "octokit", name: "graphql-schema") {'];
  const fieldsOf = (type: GraphQLObjectType) => Object.keys(type.getFields());
  const query = schema.getQueryType() as GraphQLObjectType;
  const fieldsAt: string[][] = [[], fieldsOf(query)];
  const budget = LINES - 2;
  const walk = (type: GraphQLObjectType, depth: number, indent: string) => {
    for (const field of Object.values(type.getFields())) {
      if (lines.length >= budget - depth * 2) return;
      if (field.deprecationReason) continue;
      if (field.args.some((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined)) continue;
      const named = getNamedType(field.type);
      if (isLeafType(named)) {
        lines.push(`${indent}${field.name}`);
        fieldsAt.push(fieldsOf(type));
      } else if (isObjectType(named) && depth < 3) {
        const args = field.args.some((arg) => arg.name === 'first') ? '(first: 5)' : '';
        const start = lines.length;
        lines.push(`${indent}${field.name}${args} {`);
        fieldsAt.push(fieldsOf(type));
        walk(named, depth + 1, `${indent}  `);
        if (lines.length === start + 1) {
          lines.pop();
          fieldsAt.pop();
        } else {
          lines.push(`${indent}}`);
          fieldsAt.push([]);
        }
      }
    }
  };
  walk(schema.getType('Repository') as GraphQLObjectType, 1, '    ');
  lines.push('  }', '}');
  fieldsAt.push([], []);
  return { text: lines.join('\n'), fieldsAt };
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
  /** The labels of the rows the query editor's suggest widget shows (none while it is hidden). */
  window.benchSuggestLabels = () => {
    const widget = queryEditor()?.querySelector('.suggest-widget');
    if (!shown(widget)) return [];
    return [...widget.querySelectorAll('.monaco-list-row')]
      .filter(shown)
      .map((row) => row.querySelector('.label-name')?.textContent ?? row.textContent);
  };
  /**
   * The widget shows rows, every one of them a field of the schema at that position ("fields",
   * plus GraphQL's own __typename), and one of them is "expect" when given. "No suggestions", or rows
   * that are not fields (words from the document), never count.
   */
  window.benchSuggestShown = (fields, expect) => {
    const labels = window.benchSuggestLabels();
    if (labels.length === 0) return false;
    const allowed = new Set([...fields, '__typename']);
    return labels.every((label) => allowed.has(label)) && (!expect || labels.includes(expect));
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

type BenchWindow = {
  benchUntil: (done: () => boolean, timeoutMs: number, from?: number) => Promise<number>;
  benchSuggestShown: (fields: string[], expect?: string) => boolean;
  benchSuggestLabels: () => string[];
};

/**
 * Ctrl+Space, then the time from that key (or from `from`) to the frame that paints rows that are
 * all `fields` (one of them `expect`); -1 after `timeoutMs`, with the labels shown then.
 */
async function complete(
  page: Page,
  fields: string[],
  { expect, timeoutMs, from }: { expect?: string; timeoutMs: number; from?: number },
): Promise<{ took: number; labels: string[] }> {
  const shown = page.evaluate(
    ([allowed, expected, timeout, start]) => {
      const w = window as unknown as BenchWindow;
      return w.benchUntil(() => w.benchSuggestShown(allowed, expected), timeout, start);
    },
    [fields, expect, timeoutMs, from] as const,
  );
  await page.keyboard.press('Control+Space');
  const took = await shown;
  const labels =
    took < 0 ? await page.evaluate(() => (window as unknown as BenchWindow).benchSuggestLabels()) : [];
  await page.keyboard.press('Escape');
  return { took, labels };
}

/**
 * From handing over the schema file (the file input's change event: browser mode then uploads it to
 * the main side, which reads and caches it) to the query editor offering Query's `repository` field:
 * the user clicks back into the query and asks for completion until the schema answers. The figures
 * are read in the page, at the frame that paints them, from that event (Playwright's own polling
 * would round them): `uploaded` when the main side starts reading the upload ("Reading …"),
 * `loaded` when the schema bar says "loaded from a file".
 */
async function schemaReady(
  page: Page,
  schemaFile: string,
  queryFields: string[],
): Promise<{ took: number; uploaded: number; loaded: number }> {
  await pasteQuery(page, 'query {\n  repo\n}');
  // A string: tsx's helpers (`__name`) would not exist in the page.
  const watched = page.evaluate(`new Promise((resolve) => {
    const status = () => document.querySelector('[data-testid="graphql-schema-status"]')?.textContent ?? '';
    document.addEventListener('change', () => {
      const start = performance.now();
      const uploaded = window.benchUntil(() => /^Reading /.test(status()), 60000, start);
      const loaded = window.benchUntil(() => /loaded from a file/.test(status()), 60000, start);
      Promise.all([uploaded, loaded]).then(([up, done]) => resolve({ started: start, uploaded: up, loaded: done }));
    }, { capture: true, once: true });
  })`);
  await page.getByTestId('graphql-schema-file').setInputFiles(schemaFile);
  const { started, uploaded, loaded } = (await watched) as {
    started: number;
    uploaded: number;
    loaded: number;
  };
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (Date.now() > deadline)
      throw new Error(
        "The query editor did not complete `repo` with Query's `repository` field within 60 s.",
      );
    await page.getByTestId('graphql-query').locator('.view-line', { hasText: 'repo' }).first().click();
    await page.keyboard.press('End');
    const { took } = await complete(page, queryFields, {
      expect: 'repository',
      timeoutMs: 1000,
      from: started,
    });
    if (took >= 0) return { took, uploaded, loaded };
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
  const queryFields = query.fieldsAt[1] ?? [];
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
    await page.getByTestId('graphql-query').locator('.monaco-editor').waitFor();
    const ready = await schemaReady(page, schemaFile, queryFields);
    if (ready.uploaded < 0 || ready.loaded < 0)
      throw new Error(
        `The schema bar did not say "Reading …" and then "loaded from a file" within 60 s (uploaded ${ready.uploaded}, loaded ${ready.loaded}).`,
      );
    await pasteQuery(page, query.text);
    await page
      .getByTestId('graphql-validation-summary')
      .filter({ hasText: 'Valid against the schema' })
      .waitFor();
    const positions = completionPositions(query.text);
    const times: number[] = [];
    for (const position of positions) {
      await goTo(page, position);
      const fields = query.fieldsAt[position[0] - 1] ?? [];
      const { took, labels } = await complete(page, fields, { timeoutMs: 10_000 });
      if (took < 0)
        throw new Error(
          `No completion of schema fields within 10 s at line ${position[0]}:${position[1]} (rows shown: ${labels.join(', ') || 'none'}).`,
        );
      times.push(took);
    }
    const validation: number[] = [];
    for (const position of positions.slice(0, 7)) validation.push(await validationRun(page, position));
    if (validation.some((took) => took < 0)) throw new Error('A typo was not reported within 10 s.');
    return {
      schema_ready_ms: round(ready.took, 0),
      schema_uploaded_ms: round(ready.uploaded, 0),
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
