import { ChevronDown, ChevronRight } from 'lucide-react';
import { useState } from 'react';
import type { RunRow } from '../../../shared/calls/runner-calls';
import { IconButton } from '../../components/Button';
import { useLantern } from '../../store';
import { formatDuration, statusClass } from '../response/format';
import { assertionCounts, groupByIteration, hasDetails, rowStatusText } from './run-rows';
import { RunRowDetails } from './RunRowDetails';

const rowKey = (row: RunRow) => `${row.iteration}-${row.index}`;

function AssertionCell({ row }: { row: RunRow }) {
  const counts = assertionCounts(row);
  if (counts.passed + counts.failed + counts.unchecked === 0) return <span className="hint">none</span>;
  return (
    <span>
      {counts.passed} passed
      {counts.failed > 0 && <span className="run-bad">, {counts.failed} failed</span>}
      {counts.unchecked > 0 && `, ${counts.unchecked} not checked`}
    </span>
  );
}

function ResultRow({ row }: { row: RunRow }) {
  const [open, setOpen] = useState(false);
  const key = rowKey(row);
  const expandable = hasDetails(row);
  const status = row.status === undefined ? 'failed' : statusClass(row.status);
  return (
    <>
      <tr className={row.passed ? 'run-row passed' : 'run-row failed'} data-testid={`run-row-${key}`}>
        <td>
          {expandable && (
            <IconButton
              label={`${open ? 'Hide' : 'Show'} what failed in ${row.name}`}
              icon={open ? ChevronDown : ChevronRight}
              testId={`run-row-expand-${key}`}
              aria-expanded={open}
              onClick={() => setOpen(!open)}
            />
          )}
        </td>
        <td className="run-result" data-testid={`run-row-result-${key}`}>
          {row.passed ? '✓ pass' : '✗ fail'}
        </td>
        <td>
          {row.historyId ? (
            <button
              type="button"
              className="link-button"
              title="Open this exchange from History in a tab"
              data-testid={`run-row-open-${key}`}
              onClick={() => void useLantern.getState().openRunExchange(row.historyId ?? '')}
            >
              <span className={`badge method-${row.method.toLowerCase()}`}>{row.method}</span>{' '}
              <span className="run-request-name">{row.name}</span>
            </button>
          ) : (
            <span title="Not in History: it was not sent">
              <span className={`badge method-${row.method.toLowerCase()}`}>{row.method}</span> {row.name}
            </span>
          )}
        </td>
        <td data-testid={`run-row-status-${key}`}>
          <span className={`status status-${status}`}>{rowStatusText(row)}</span>{' '}
          <span className="hint">(expected: {row.expected})</span>
        </td>
        <td>{formatDuration(row.durationMs)}</td>
        <td data-testid={`run-row-assertions-${key}`}>
          <AssertionCell row={row} />
        </td>
        <td>{row.findings.length}</td>
      </tr>
      {open && (
        <tr className="run-row-details-line">
          <td />
          <td colSpan={6}>
            <RunRowDetails row={row} testId={`run-row-details-${key}`} />
          </td>
        </tr>
      )}
    </>
  );
}

/** The results as a table per iteration: status and expected, time, assertions, findings. */
export function RunResults({ rows, iterations }: { rows: RunRow[]; iterations: number }) {
  return (
    <section className="run-results" aria-label="Run results" data-testid="run-results">
      {groupByIteration(rows).map((group) => (
        <table key={group.iteration} className="run-table" data-testid={`run-iteration-${group.iteration}`}>
          <caption>
            Iteration {group.iteration} of {iterations} · {group.passed} passed · {group.failed} failed
          </caption>
          <colgroup>
            <col className="run-col-details" />
            <col className="run-col-result" />
            <col />
            <col className="run-col-status" />
            <col className="run-col-time" />
            <col className="run-col-assertions" />
            <col className="run-col-findings" />
          </colgroup>
          <thead>
            <tr>
              <th scope="col">
                <span className="visually-hidden">Details</span>
              </th>
              <th scope="col">Result</th>
              <th scope="col">Request</th>
              <th scope="col">Status</th>
              <th scope="col">Time</th>
              <th scope="col">Assertions</th>
              <th scope="col">Findings</th>
            </tr>
          </thead>
          <tbody>
            {group.rows.map((row) => (
              <ResultRow key={rowKey(row)} row={row} />
            ))}
          </tbody>
        </table>
      ))}
    </section>
  );
}
