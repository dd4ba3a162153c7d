import { useEffect, useEffectEvent, useState } from 'react';
import { NULL_FIELD_HINT } from '../../../shared/graphql/result';
import type { ResultAnalysis, ResultError } from '../../../shared/graphql/result';
import type { Exchange } from '../../../shared/model/response';
import { useActiveTab, useLantern } from '../../store';
import type { ResultView } from './analysis-protocol';
import { revealInQuery } from './editor-links';
import { analyzeExchange } from './result-analysis';
import './graphql.css';

const MISSING_HINT =
  'Requested but absent from the data. Totara 17 skips validation: a misspelt field is dropped silently, ' +
  'and {"data":[]} means none of the top-level fields matched. The Query editor marks unknown fields when a schema is loaded.';

const pathText = (path: (string | number)[]) =>
  path.map((part, index) => (typeof part === 'number' ? `[${part}]` : index ? `.${part}` : part)).join('');

function ErrorItem({ error, tabId, index }: { error: ResultError; tabId: string; index: number }) {
  const [closed, setClosed] = useState(false);
  return (
    <li className="graphql-error" data-testid="graphql-error">
      <div>
        <strong data-testid="graphql-error-message">{error.message}</strong>
        {error.category && <span className="graphql-badge">{error.category}</span>}
      </div>
      {error.debugMessage && (
        <div data-testid="graphql-error-debug">
          <span className="hint">debugMessage:</span> <code>{error.debugMessage}</code>
        </div>
      )}
      {error.path && (
        <div>
          <span className="hint">path:</span> <code>{pathText(error.path)}</code>
        </div>
      )}
      {error.locations && error.locations.length > 0 && (
        <div>
          <span className="hint">in the query at</span>{' '}
          {error.locations.map((location) => (
            <button
              key={`${location.line}:${location.column}`}
              type="button"
              className="link"
              data-testid={`graphql-error-location-${index}`}
              title="Show it in the query editor (marked there with a red squiggle)"
              onClick={() => setClosed(!revealInQuery(tabId, location.line, location.column))}
            >
              line {location.line}, column {location.column}
            </button>
          ))}
          {closed && (
            <span className="hint"> — open the request&apos;s Body tab to see it marked in the query.</span>
          )}
        </div>
      )}
    </li>
  );
}

function AnalysisView({
  analysis,
  tabId,
  title,
}: {
  analysis: ResultAnalysis;
  tabId: string;
  title?: string;
}) {
  return (
    <section className="graphql-result-part" aria-label={title ?? 'GraphQL result'}>
      {title && <h3>{title}</h3>}
      {analysis.problem && (
        <p className="inline-error" data-testid="graphql-result-problem">
          {analysis.problem}
        </p>
      )}
      {analysis.errors.length > 0 && (
        <>
          <p data-testid="graphql-error-count">
            {analysis.errors.length} error{analysis.errors.length === 1 ? '' : 's'}
            {analysis.partialData && ' — with partial data: the fields that resolved are below.'}
          </p>
          <ol className="graphql-errors">
            {analysis.errors.map((error, index) => (
              <ErrorItem key={index} error={error} tabId={tabId} index={index} />
            ))}
          </ol>
        </>
      )}
      {analysis.missingFields.length > 0 && (
        <div className="warning-note" data-testid="graphql-missing-fields">
          <strong>Missing fields:</strong> {analysis.missingFields.join(', ')}
          <p className="hint">{MISSING_HINT}</p>
        </div>
      )}
      {analysis.nullFields.length > 0 && (
        <div className="graphql-null-fields" data-testid="graphql-null-fields">
          <strong>Null without an error:</strong> {analysis.nullFields.join(', ')}
          <p className="hint">{NULL_FIELD_HINT}</p>
        </div>
      )}
      {!analysis.problem &&
        analysis.errors.length === 0 &&
        analysis.missingFields.length === 0 &&
        analysis.nullFields.length === 0 &&
        !analysis.batch && (
          <p className="hint" data-testid="graphql-result-clean">
            No errors; every requested field came back.
          </p>
        )}
    </section>
  );
}

/** GraphQL errors (with their place in the query), partial data, null and missing fields, batches. */
export function GraphqlResultPanel({ exchange }: { exchange: Exchange }) {
  const tabId = useLantern((s) => s.activeTabId);
  const body = useActiveTab((t) => t.draft.body);
  const url = useActiveTab((t) => t.draft.url.trim());
  const registry = useLantern((s) => s.graphqlRegistries[url]);
  const [view, setView] = useState<ResultView | undefined>();
  const graphql = body.mode === 'graphql' ? body : undefined;
  const query =
    graphql?.persisted && graphql.operationName
      ? registry?.registry[graphql.operationName]?.query
      : graphql?.query;
  const operationName = graphql?.operationName;
  // Analysed once per response (cached by its id), not again on every keystroke in the query.
  const analyze = useEffectEvent((answer: typeof exchange) => analyzeExchange(answer, query, operationName));
  useEffect(() => {
    let current = true;
    setView(undefined);
    void analyze(exchange).then((found) => current && setView(found));
    return () => {
      current = false;
    };
  }, [exchange]);
  if (!view) return <p className="hint">Reading the response…</p>;
  return (
    <div className="graphql-result" data-testid="graphql-result">
      <AnalysisView analysis={view} tabId={tabId} />
      {view.batch?.map((item, index) => (
        <AnalysisView
          key={index}
          analysis={item}
          tabId={tabId}
          title={`Operation ${index + 1} of the batch`}
        />
      ))}
      {view.dataText !== undefined && (
        <>
          <h3 className="graphql-data-title">data</h3>
          <pre className="graphql-data" data-testid="graphql-result-data">
            {view.dataText}
          </pre>
        </>
      )}
    </div>
  );
}
