import { useEffect, useEffectEvent } from 'react';
import type { Exchange } from '../../../shared/model/response';
import type { Analysis } from './analysis-protocol';
import { queryEditorOf, setMarkers, variableLocation, variablesEditorOf } from './editor-links';
import type { MarkerSpec } from './editor-links';
import { analyzeExchange } from './result-analysis';

/** Owners of Lantern's markers on the query: validation before sending, the server's errors after. */
export const VALIDATION_OWNER = 'lantern-validation';
export const RESULT_OWNER = 'lantern-result';
export const VARIABLES_OWNER = 'lantern-variables';

/** Client-side validation on the query, variable problems on the Variables editor. */
export function useValidationMarkers(
  tabId: string,
  analysis: Analysis | undefined,
  variablesText: string,
  persisted: boolean,
  mounted: number,
): void {
  // variablesText is read for positions only: the analysis changes whenever it does.
  const mark = useEffectEvent((analysis: Analysis) => {
    const query: MarkerSpec[] = persisted ? [] : [...analysis.diagnostics];
    if (analysis.syntax && !persisted) {
      const { line, column, message } = analysis.syntax;
      query.push({ message, severity: 'error', line, column });
    }
    setMarkers(queryEditorOf(tabId), VALIDATION_OWNER, query);
    setMarkers(
      variablesEditorOf(tabId),
      VARIABLES_OWNER,
      analysis.variableProblems.map((problem) => ({
        ...variableLocation(variablesText, problem.variable),
        message: problem.message,
        severity: problem.severity,
      })),
    );
  });
  useEffect(() => {
    if (analysis) mark(analysis);
  }, [analysis, tabId, persisted, mounted]);
}

/** The `locations` of the server's errors, marked on the query (until it is edited). */
export function useResultMarkers(
  tabId: string,
  exchange: Exchange | undefined,
  query: () => string | undefined,
  operationName: string | undefined,
  mounted: number,
): void {
  // The query is read when the response arrives, not on every keystroke after it.
  const analyze = useEffectEvent((answer: Exchange) => analyzeExchange(answer, query(), operationName));
  useEffect(() => {
    const editor = queryEditorOf(tabId);
    if (!exchange) {
      setMarkers(editor, RESULT_OWNER, []);
      return;
    }
    let current = true;
    void analyze(exchange).then((result) => {
      if (!current) return;
      const markers = result.errors.flatMap((error) =>
        (error.locations ?? []).map((location) => ({
          message: `The server: ${error.message}${error.debugMessage ? ` (${error.debugMessage})` : ''}`,
          severity: 'error' as const,
          line: location.line,
          column: location.column,
        })),
      );
      setMarkers(queryEditorOf(tabId), RESULT_OWNER, markers);
    });
    return () => {
      current = false;
    };
  }, [exchange, tabId, mounted]);
}
