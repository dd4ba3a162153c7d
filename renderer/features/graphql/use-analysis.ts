import { useEffect, useRef, useState } from 'react';
import type { Analysis, AnalyzeInput, SchemaText } from './analysis-protocol';
import { ask, ensureSchema } from './analysis-client';

export interface SchemaSource {
  /** One version of one schema (`schemaVersionId`). */
  id: string;
  text: SchemaText;
}

export interface AnalysisState {
  analysis?: Analysis;
  /** The schema could not be built in the worker (shown with the schema's status). */
  schemaProblem?: string;
  problem?: string;
  /** The schema is being built in the worker. */
  building: boolean;
}

// Short enough to feel live, long enough not to analyse every keystroke of a fast typist.
const DEBOUNCE_MS = 150;

/**
 * Analyses the operation in the worker whenever the text, variables or schema change: validation
 * markers, variable problems, the cost estimate. Nothing heavy runs during React's render.
 */
export function useAnalysis(input: AnalyzeInput, schema: SchemaSource | undefined): AnalysisState {
  const [state, setState] = useState<AnalysisState>({ building: false });
  const latest = useRef(0);
  const { query, variables, operationName, persisted, limits } = input;
  // The limits and where they came from, as one value: a new object with the same content changes nothing.
  const limitsKey = JSON.stringify(limits);
  // A new schema starts building at once, not after the pause for typing; analysis waits for it.
  useEffect(() => {
    if (schema) ensureSchema(schema).catch(() => undefined);
  }, [schema]);
  useEffect(() => {
    const run = ++latest.current;
    const timer = setTimeout(async () => {
      let schemaId: string | undefined;
      let schemaProblem: string | undefined;
      if (schema) {
        setState((previous) => ({ ...previous, building: true }));
        try {
          await ensureSchema(schema);
          schemaId = schema.id;
        } catch (error) {
          schemaProblem = `The schema could not be read for validation: ${(error as Error).message}`;
        }
      }
      try {
        const analysis = await ask({
          type: 'analyze',
          input: {
            query,
            variables,
            limits: JSON.parse(limitsKey) as AnalyzeInput['limits'],
            ...(operationName ? { operationName } : {}),
            ...(persisted ? { persisted } : {}),
            ...(schemaId ? { schemaId } : {}),
          },
        });
        if (run === latest.current) setState({ analysis, schemaProblem, building: false });
      } catch (error) {
        if (run === latest.current)
          setState({
            schemaProblem,
            building: false,
            problem: `The query could not be analysed: ${(error as Error).message}`,
          });
      }
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [query, variables, operationName, persisted, limitsKey, schema]);
  return state;
}
