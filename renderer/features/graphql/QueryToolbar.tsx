import { DEFAULT_LIMITS, describeLimitSource } from '../../../shared/graphql/limits';
import type { Limits } from '../../../shared/graphql/limits';
import type { OperationInfo } from '../../../shared/graphql/operations';
import type { AnalysisState } from './use-analysis';

interface QueryToolbarProps {
  operations: OperationInfo[];
  operationName: string | undefined;
  persisted: boolean;
  onPickOperation: (name: string | undefined) => void;
  onRunAtCursor: () => void;
  onPrettify: () => void;
  onPersisted: (persisted: boolean) => void;
}

const label = (operation: OperationInfo) => `${operation.type} ${operation.name ?? '(anonymous)'}`;

/** Operation picker, "run the operation under the cursor", Prettify and the persisted-mode switch. */
export function QueryToolbar({
  operations,
  operationName,
  persisted,
  onPickOperation,
  onRunAtCursor,
  onPrettify,
  onPersisted,
}: QueryToolbarProps) {
  const named = operations.filter((operation) => operation.name);
  return (
    <div className="toolbar graphql-toolbar">
      {!persisted && operations.length > 1 && (
        <label>
          Operation{' '}
          <select
            data-testid="graphql-operation-picker"
            value={operationName ?? ''}
            onChange={(event) => onPickOperation(event.target.value || undefined)}
          >
            <option value="">(none picked: Ctrl/Cmd+Enter sends the one under the cursor)</option>
            {named.map((operation) => (
              <option key={`${operation.name}-${operation.start}`} value={operation.name}>
                {label(operation)}
              </option>
            ))}
          </select>
        </label>
      )}
      {!persisted && operations.length > 1 && (
        <button
          type="button"
          data-testid="graphql-run-at-cursor"
          title="Send the operation the cursor is in (Ctrl/Cmd+Shift+Enter)"
          onClick={onRunAtCursor}
        >
          Run operation at cursor
        </button>
      )}
      {!persisted && (
        <button
          type="button"
          data-testid="graphql-prettify"
          title="Reformat the query (graphql-js's printer; comments are not kept)"
          onClick={onPrettify}
        >
          Prettify
        </button>
      )}
      <label title="Totara's AJAX API runs stored operations by name: only operationName and variables are sent">
        <input
          type="checkbox"
          data-testid="graphql-persisted"
          checked={persisted}
          onChange={(event) => onPersisted(event.target.checked)}
        />{' '}
        Persisted operation (AJAX)
      </label>
    </div>
  );
}

interface FindingsProps {
  state: AnalysisState;
  limits: Limits;
  persisted: boolean;
  hasSchema: boolean;
}

/** The estimate beside the send area, and every warning the server would not give. */
export function Findings({ state, limits, persisted, hasSchema }: FindingsProps) {
  const { analysis, problem } = state;
  const maxDepth = limits.maxDepth ?? DEFAULT_LIMITS.maxDepth;
  const maxComplexity = limits.maxComplexity ?? DEFAULT_LIMITS.maxComplexity;
  const sources = [
    `Max depth ${maxDepth}: ${describeLimitSource(limits.sources?.maxDepth)}`,
    `Max complexity ${maxComplexity.toLocaleString('en')}: ${describeLimitSource(limits.sources?.maxComplexity)}`,
  ];
  const statedByServer = (['maxDepth', 'maxComplexity'] as const).filter(
    (name) => limits.sources?.[name]?.kind === 'server',
  );
  const errors = analysis?.diagnostics.filter((item) => item.severity === 'error').length ?? 0;
  const warnings = analysis?.diagnostics.filter((item) => item.severity === 'warning').length ?? 0;
  const over = (analysis?.limitWarnings.length ?? 0) > 0;
  return (
    <div className="graphql-findings" data-testid="graphql-findings">
      <div className="graphql-findings-line">
        {analysis?.estimate && (
          <span
            className={`graphql-estimate ${over ? 'over' : ''}`}
            data-testid="graphql-estimate"
            title={[
              ...analysis.estimate.details.map(
                (detail) =>
                  `${detail.path}: ${detail.records} records × ${detail.fieldsPerRecord} fields (${detail.sizeFrom})`,
              ),
              ...sources,
            ].join('\n')}
          >
            Depth {analysis.estimate.depth}/{maxDepth} · complexity{' '}
            {analysis.estimate.complexity.toLocaleString('en')}/{maxComplexity.toLocaleString('en')}
          </span>
        )}
        {analysis?.estimate && statedByServer.length > 0 && (
          <span className="hint" data-testid="graphql-limit-source">
            {statedByServer
              .map(
                (name) =>
                  `${name === 'maxDepth' ? 'Depth' : 'Complexity'} limit: ${describeLimitSource(limits.sources?.[name])}`,
              )
              .join(' · ')}
          </span>
        )}
        {analysis?.estimateProblem && !analysis.syntax && (
          <span className="hint" data-testid="graphql-estimate-problem">
            {analysis.estimateProblem}
          </span>
        )}
        {!persisted && analysis && (errors > 0 || warnings > 0) && (
          <span className={errors ? 'inline-error' : 'hint'} data-testid="graphql-validation-summary">
            {errors > 0 && `${errors} error${errors === 1 ? '' : 's'}`}
            {errors > 0 && warnings > 0 && ', '}
            {warnings > 0 && `${warnings} warning${warnings === 1 ? '' : 's'}`} marked in the query
          </span>
        )}
        {!persisted && analysis && !analysis.syntax && errors + warnings === 0 && hasSchema && (
          <span className="hint" data-testid="graphql-validation-summary">
            Valid against the schema
          </span>
        )}
        {!hasSchema && !persisted && (
          <span className="hint">Without a schema, only the syntax is checked.</span>
        )}
        {state.building && <span className="hint">Reading the schema…</span>}
      </div>
      {problem && <p className="inline-error">{problem}</p>}
      {analysis?.syntax && (
        <p className="inline-error" data-testid="graphql-syntax-problem">
          Line {analysis.syntax.line}, column {analysis.syntax.column}: {analysis.syntax.message}
        </p>
      )}
      {analysis?.limitWarnings.map((warning) => (
        <p key={warning} className="warning-note" data-testid="graphql-limit-warning">
          {warning}
        </p>
      ))}
      {analysis?.operationNameWarning && (
        <p className="warning-note" data-testid="graphql-operation-name-warning">
          {analysis.operationNameWarning}
        </p>
      )}
    </div>
  );
}
