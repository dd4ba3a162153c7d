import { ChevronDown, ChevronRight } from 'lucide-react';
import { useId, useMemo, useState } from 'react';
import { explainHeaders, type HeaderExplanation } from '../../../shared/headers';
import { buildRows, countWarnings, filterRows, sortRows, type HeaderOrder } from './header-rows';
import './header-inspector.css';

export type HeaderInspectorProps = {
  headers: [string, string][];
  status: number;
  /** The request headers as sent, so explanations can say e.g. "no Authorization was sent". */
  requestHeaders?: [string, string][];
  /** Epoch ms that resets and expiry are measured from; the time of rendering when absent. */
  nowMs?: number;
  /** When the response arrived: the server's Date is compared with it, not with the time of viewing. */
  receivedAtMs?: number;
  /** The start of the decoded body, to spot a body that contradicts its Content-Type. */
  bodyPreview?: string;
  /** Header names (any case) a diagnostics finding cites: their rows are highlighted. */
  highlight?: string[];
};

/** The response's headers, sorted and searchable, with plain-words explanations of the puzzling ones. */
export function HeaderInspector({
  headers,
  status,
  requestHeaders,
  nowMs,
  receivedAtMs,
  bodyPreview,
  highlight,
}: HeaderInspectorProps) {
  const [order, setOrder] = useState<HeaderOrder>('name');
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState<ReadonlySet<string>>(() => new Set());
  const idPrefix = useId();

  const rows = useMemo(() => {
    const explanations = explainHeaders(headers, {
      status,
      requestHeaders,
      nowMs,
      receivedAtMs,
      bodyPreview,
    });
    return buildRows(headers, explanations);
  }, [headers, status, requestHeaders, nowMs, receivedAtMs, bodyPreview]);
  const visible = useMemo(() => sortRows(filterRows(rows, query), order), [rows, query, order]);
  const warnings = countWarnings(rows);

  // Keyed by position and name, so a new response with other headers starts collapsed.
  const keyOf = (index: number, name: string) => `${index}:${name}`;
  const toggle = (key: string) =>
    setOpen((current) => {
      const next = new Set(current);
      if (!next.delete(key)) next.add(key);
      return next;
    });

  return (
    <div className="header-inspector" data-testid="header-inspector">
      <div className="header-inspector-toolbar">
        <input
          type="search"
          className="header-inspector-search"
          placeholder="Filter by name or value"
          aria-label="Filter headers by name or value"
          data-testid="header-search"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Escape' && query) {
              // Esc clears the filter first; only an empty box lets it through (to cancel a send).
              event.stopPropagation();
              setQuery('');
            }
          }}
        />
        <div className="header-inspector-order" role="group" aria-label="Header order">
          {(['name', 'received'] as const).map((option) => (
            <button
              key={option}
              type="button"
              aria-pressed={order === option}
              data-testid={`header-order-${option}`}
              onClick={() => setOrder(option)}
            >
              {option === 'name' ? 'By name' : 'As received'}
            </button>
          ))}
        </div>
        <span className="header-inspector-count" role="status" data-testid="header-count">
          {visible.length === rows.length
            ? `${rows.length} headers`
            : `${visible.length} of ${rows.length} headers`}
          {warnings > 0 && ` · ⚠ ${warnings} warning${warnings === 1 ? '' : 's'}`}
        </span>
      </div>
      {visible.length === 0 ? (
        <p className="empty-note" data-testid="header-empty">
          {rows.length === 0
            ? 'The response has no headers.'
            : `No header name or value contains "${query.trim()}".`}
        </p>
      ) : (
        <table className="kv-table readonly header-inspector-table" data-testid="response-headers">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Value</th>
              <th scope="col">
                <span className="visually-hidden">Explanation</span>
              </th>
            </tr>
          </thead>
          {visible.map((row) => {
            const key = keyOf(row.index, row.name);
            const expanded = open.has(key);
            const panelId = `${idPrefix}-explanation-${row.index}`;
            const warning = row.explanation?.severity === 'warning';
            return (
              <tbody key={key} className={warning ? 'header-inspector-warning' : undefined}>
                <tr
                  data-testid={`header-row-${row.testId}`}
                  className={isCited(highlight, row.name) ? 'header-highlighted' : undefined}
                  data-highlighted={isCited(highlight, row.name) || undefined}
                >
                  <td className="header-name">
                    {row.name}
                    {warning && (
                      <span className="header-inspector-flag" title="This value may explain a failure">
                        {' '}
                        ⚠ warning
                      </span>
                    )}
                  </td>
                  <td className="header-value">{row.value}</td>
                  <td className="header-inspector-action">
                    {row.explanation && (
                      <button
                        type="button"
                        className="header-inspector-disclosure"
                        aria-expanded={expanded}
                        aria-controls={panelId}
                        data-testid={`header-explain-${row.testId}`}
                        onClick={() => toggle(key)}
                      >
                        {expanded ? (
                          <ChevronDown size={14} aria-hidden="true" />
                        ) : (
                          <ChevronRight size={14} aria-hidden="true" />
                        )}{' '}
                        {row.explanation.title}
                        <span className="visually-hidden">: explain {row.name}</span>
                      </button>
                    )}
                  </td>
                </tr>
                {row.explanation && expanded && (
                  <tr className="header-inspector-explanation-row">
                    <td colSpan={3} id={panelId} data-testid={`header-explanation-${row.testId}`}>
                      <Explanation explanation={row.explanation} />
                    </td>
                  </tr>
                )}
              </tbody>
            );
          })}
        </table>
      )}
    </div>
  );
}

const isCited = (highlight: string[] | undefined, name: string) =>
  highlight?.some((cited) => cited.toLowerCase() === name.toLowerCase()) ?? false;

function Explanation({ explanation }: { explanation: HeaderExplanation }) {
  const warning = explanation.severity === 'warning';
  return (
    <div className={`header-inspector-explanation${warning ? ' is-warning' : ''}`}>
      <p className="header-inspector-summary">
        {warning && <strong className="header-inspector-flag">⚠ Warning: </strong>}
        {explanation.summary}
      </p>
      {explanation.details && explanation.details.length > 0 && (
        <ul className="header-inspector-details">
          {explanation.details.map((detail, index) => (
            <li key={index}>{detail}</li>
          ))}
        </ul>
      )}
      <p className="header-inspector-category">{CATEGORY_LABELS[explanation.category]}</p>
    </div>
  );
}

const CATEGORY_LABELS: Record<HeaderExplanation['category'], string> = {
  content: 'Content',
  caching: 'Caching',
  auth: 'Authentication',
  cookies: 'Cookies',
  cors: 'CORS',
  'rate-limit': 'Rate limit',
  security: 'Security',
  connection: 'Connection',
  other: 'General',
};
