/**
 * A test-only hook for `npm run bench` (bench/graphql.bench.ts): with `?lantern-bench` in the page
 * URL, the page exposes Monaco, the active query editor and the analysis worker on
 * `window.lanternBench`, so timings are taken inside the real renderer. Without the flag: nothing.
 */
import { monaco } from '../../editor/monaco-setup';
import type { AnalyzeInput } from './analysis-protocol';
import { ask, ensureSchema } from './analysis-client';
import { queryEditorOf } from './editor-links';
import type { SchemaSource } from './use-analysis';

declare global {
  interface Window {
    lanternBench?: unknown;
  }
}

export function installBenchHook(tabId: string, schema: () => SchemaSource | undefined): void {
  if (!new URLSearchParams(window.location.search).has('lantern-bench')) return;
  window.lanternBench = {
    monaco,
    queryEditor: () => queryEditorOf(tabId),
    schemaId: () => schema()?.id,
    /** The same worker call the editor makes after each edit, with the current schema. */
    analyze: async (input: Omit<AnalyzeInput, 'schemaId'>) => {
      const current = schema();
      if (current) await ensureSchema(current);
      return ask({ type: 'analyze', input: { ...input, ...(current ? { schemaId: current.id } : {}) } });
    },
  };
}
