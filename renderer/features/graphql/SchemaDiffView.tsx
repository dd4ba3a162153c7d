import { useState } from 'react';
import type { SchemaSnapshot } from '../../../shared/calls/graphql-calls';
import { Modal, ModalClose } from '../../components/Modal';

type Diff = NonNullable<SchemaSnapshot['diff']>;

const GROUPS: { key: keyof Diff; label: string }[] = [
  { key: 'breaking', label: 'Breaking' },
  { key: 'dangerous', label: 'Dangerous' },
  { key: 'safe', label: 'Safe' },
];

/**
 * What changed since the schema cached before the refresh, so a query that broke has a reason:
 * one line in the schema bar, the changes themselves in a dialog (the editors keep their room).
 */
export function SchemaDiffNotice({ diff, onDismiss }: { diff: Diff; onDismiss: () => void }) {
  const [open, setOpen] = useState(false);
  return (
    <div className="graphql-diff-notice" data-testid="graphql-schema-diff-notice" role="status">
      <strong>The schema changed since it was last fetched:</strong>
      <DiffCounts diff={diff} testIds />
      <span className="graphql-diff-actions">
        <button type="button" data-testid="graphql-diff-show" onClick={() => setOpen(true)}>
          Show changes…
        </button>
        <button type="button" className="link" data-testid="graphql-diff-dismiss" onClick={onDismiss}>
          Dismiss
        </button>
      </span>
      {open && <SchemaDiffDialog diff={diff} onClose={() => setOpen(false)} />}
    </div>
  );
}

function DiffCounts({ diff, testIds = false }: { diff: Diff; testIds?: boolean }) {
  return GROUPS.map(({ key, label }) => (
    <span
      key={key}
      className={`graphql-diff-count ${key}`}
      data-testid={testIds ? `graphql-diff-${key}-count` : undefined}
    >
      {diff[key].length} {label.toLowerCase()}
    </span>
  ));
}

function SchemaDiffDialog({ diff, onClose }: { diff: Diff; onClose: () => void }) {
  return (
    <Modal
      title="Schema changes since the last fetch"
      testId="graphql-schema-diff"
      className="graphql-diff-dialog"
      onClose={onClose}
      footer={<ModalClose testId="graphql-diff-close">Close</ModalClose>}
    >
      <section className="graphql-diff" aria-label="Schema changes">
        <p className="graphql-diff-head">
          <DiffCounts diff={diff} />
        </p>
        {GROUPS.filter(({ key }) => diff[key].length > 0).map(({ key, label }) => (
          <details key={key} open={key !== 'safe' || diff.breaking.length + diff.dangerous.length === 0}>
            <summary>
              {label} ({diff[key].length})
            </summary>
            <ul>
              {diff[key].slice(0, 500).map((change, index) => (
                <li key={`${change.path ?? ''}-${index}`}>
                  {change.message}
                  {change.reason && <span className="hint"> — {change.reason}</span>}
                </li>
              ))}
              {diff[key].length > 500 && <li className="hint">…and {diff[key].length - 500} more</li>}
            </ul>
          </details>
        ))}
      </section>
    </Modal>
  );
}
