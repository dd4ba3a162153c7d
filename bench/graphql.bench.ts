/**
 * GraphQL workbench figures (issue 6), in Chromium against browser mode, with GitHub's real schema
 * (@octokit/graphql-schema, 1,600+ types):
 * - schema_ready_ms: from clicking "Load" with GitHub's introspection JSON (schema.json) to the
 *   query editor showing a completion from that schema;
 * - completion_p95_ms: 200 completions at varied positions in a 300-line query;
 * - validation_ms: client-side validation (and estimate) of that query in the analysis worker.
 * A completion counts as shown at the first animation frame after its rows are on screen in the
 * query editor's suggest widget (not at Monaco's "visible" class, which a 100 ms timer adds later).
 * The page is opened with `?lantern-bench`, which exposes Monaco and the query editor on
 * `window.lanternBench` (renderer/features/graphql/bench-hook.ts). Run standalone with
 * `npx tsx bench/graphql.bench.ts` after `npm run build`.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { schema as github } from '@octokit/graphql-schema';
import { buildClientSchema, getNamedType, isLeafType, isNonNullType, isObjectType } from 'graphql';
import type { GraphQLObjectType, IntrospectionQuery } from 'graphql';
import { chromium } from '@playwright/test';
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
const SUGGEST_HELPERS = `
  // Shown = on screen: Monaco adds the widget's "visible" class by a 100 ms timer after it shows the
  // list (for its onDidShow event; no style depends on it), so that class is not waited for.
  const shown = (element) => !!element && element.checkVisibility({ checkOpacity: true, visibilityProperty: true });
  window.benchSuggest = (editor, expect) => new Promise((resolve) => {
    const start = performance.now();
    const done = () => {
      const widget = editor.getDomNode().querySelector('.suggest-widget');
      if (!shown(widget)) return false;
      const rows = [...widget.querySelectorAll('.monaco-list-row')].filter(shown);
      const message = widget.querySelector('.message');
      const empty = shown(message) && !/Loading/.test(message.textContent);
      const found = expect ? rows.some((row) => row.textContent.includes(expect)) : rows.length > 0 || empty;
      if (!found) return false;
      observer.disconnect();
      // Until the frame that paints it.
      requestAnimationFrame(() => resolve(performance.now() - start));
      return true;
    };
    const observer = new MutationObserver(done);
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    editor.trigger('bench', 'editor.action.triggerSuggest', {});
  });
  window.benchHide = (editor) => new Promise((resolve) => {
    editor.trigger('bench', 'hideSuggestWidget', {});
    requestAnimationFrame(() => requestAnimationFrame(resolve));
  });
`;

/** Clicks Load, then asks for completion until GitHub's `repository` field is offered. */
const SCHEMA_READY = `
  (async () => {
    const editor = window.lanternBench.queryEditor();
    editor.setValue('query {\\n  repo\\n}');
    editor.setPosition({ lineNumber: 2, column: 7 });
    editor.focus();
    const start = performance.now();
    document.querySelector('[data-testid="graphql-schema-file-load"]').click();
    const status = () => document.querySelector('[data-testid="graphql-schema-status"]').textContent;
    while (!/loaded from a file/.test(status())) await new Promise((r) => setTimeout(r, 5));
    const loaded = performance.now() - start;
    for (;;) {
      const offered = await Promise.race([
        window.benchSuggest(editor, 'repository').then(() => true),
        new Promise((r) => setTimeout(() => r(false), 1000)),
      ]);
      if (offered) break;
      await window.benchHide(editor);
    }
    const took = performance.now() - start;
    await window.benchHide(editor);
    return { took, loaded };
  })()
`;

const COMPLETION_RUNS = `
  (async ({ query, positions }) => {
    const editor = window.lanternBench.queryEditor();
    editor.setValue(query);
    const times = [];
    for (const [lineNumber, column] of positions) {
      editor.setPosition({ lineNumber, column });
      times.push(await window.benchSuggest(editor));
      await window.benchHide(editor);
    }
    return times;
  })
`;

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
    const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
    await page.goto(host.launchUrl.replace('/#token=', '/?lantern-bench#token='));
    await page.getByTestId('url-input').fill('https://api.github.com/graphql');
    await page.getByTestId('request-tab-body').click();
    await page.getByTestId('body-mode').selectOption('graphql');
    await page.getByTestId('graphql-load-schema-toggle').click();
    await page.getByTestId('graphql-schema-file').fill(schemaFile);
    await page.waitForFunction('!!window.lanternBench?.queryEditor()');
    await page.evaluate(SUGGEST_HELPERS);
    const ready = (await page.evaluate(SCHEMA_READY)) as { took: number; loaded: number };
    const positions = completionPositions(query);
    const times = (await page.evaluate(
      `${COMPLETION_RUNS}(${JSON.stringify({ query, positions })})`,
    )) as number[];
    const validation: number[] = [];
    for (let run = 0; run < 7; run += 1) {
      validation.push(
        (await page.evaluate(`(async (query) => {
          const start = performance.now();
          const result = await window.lanternBench.analyze({ query, variables: '{}', limits: {} });
          if (!result.withSchema) throw new Error('validation ran without the schema');
          return performance.now() - start;
        })(${JSON.stringify(query)})`)) as number,
      );
    }
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
