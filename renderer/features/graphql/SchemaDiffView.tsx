import type { SchemaSnapshot } from '../../../shared/calls/graphql-calls';

type Diff = NonNullable<SchemaSnapshot['diff']>;

const GROUPS: { key: keyof Diff; label: string }[] = [
  { key: 'breaking', label: 'Breaking' },
  { key: 'dangerous', label: 'Dangerous' },
  { key: 'safe', label: 'Safe' },
];

/** What changed since the schema cached before the refresh, so a query that broke has a reason. */
export function SchemaDiffView({ diff, onDismiss }: { diff: Diff; onDismiss: () => void }) {
  return (
    <section className="graphql-diff" data-testid="graphql-schema-diff" aria-label="Schema changes">
      <div className="graphql-diff-head">
        <strong>The schema changed since it was last fetched:</strong>{' '}
        {GROUPS.map(({ key, label }) => (
          <span key={key} className={`graphql-diff-count ${key}`} data-testid={`graphql-diff-${key}-count`}>
            {diff[key].length} {label.toLowerCase()}
          </span>
        ))}
        <button type="button" className="link" data-testid="graphql-diff-dismiss" onClick={onDismiss}>
          Dismiss
        </button>
      </div>
      {GROUPS.filter(({ key }) => diff[key].length > 0).map(({ key, label }) => (
        <details key={key} open={key === 'breaking'}>
          <summary>
            {label} ({diff[key].length})
          </summary>
          <ul>
            {diff[key].slice(0, 200).map((change, index) => (
              <li key={`${change.path ?? ''}-${index}`}>
                {change.message}
                {change.reason && <span className="hint"> — {change.reason}</span>}
              </li>
            ))}
            {diff[key].length > 200 && <li className="hint">…and {diff[key].length - 200} more</li>}
          </ul>
        </details>
      ))}
    </section>
  );
}
