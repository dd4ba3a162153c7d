import type { RunRow } from '../../../shared/calls/runner-calls';
import { rowProblems } from './run-rows';

/** A failing row opened: why it could not be sent, its failed assertions and failed captures. */
export function RunRowDetails({ row, testId }: { row: RunRow; testId: string }) {
  const { assertions, captures } = rowProblems(row);
  return (
    <div className="run-row-details" data-testid={testId}>
      {row.error && <p className="inline-error">{row.error}</p>}
      {row.statusMet === false && (
        <p>
          The status was {row.status ?? 'not received'}; expected: {row.expected}.
        </p>
      )}
      {assertions.length > 0 && (
        <ul className="run-failures">
          {assertions.map((test, index) => (
            <li key={index} data-testid={`${testId}-assertion-${index}`}>
              <span className="test-outcome">{test.unchecked ? '– not checked' : '✗ fail'}</span>{' '}
              <code>{test.path}</code> {test.assertion.op}
              {test.from ? <span className="hint"> (from folder {test.from})</span> : null}
              <span className="test-message"> {test.message}</span>
              {!test.unchecked && (
                <dl className="test-values">
                  <dt>Expected</dt>
                  <dd data-testid={`${testId}-expected-${index}`}>{test.expected || '—'}</dd>
                  <dt>Actual</dt>
                  <dd data-testid={`${testId}-actual-${index}`}>{test.actual || '—'}</dd>
                </dl>
              )}
            </li>
          ))}
        </ul>
      )}
      {captures.length > 0 && (
        <ul className="run-failures">
          {captures.map((capture, index) => (
            <li key={index} data-testid={`${testId}-capture-${index}`}>
              <span className="test-outcome">✗ capture</span> <code>{`{{${capture.name}}}`}</code> from{' '}
              <code>{capture.path}</code>
              <span className="test-message"> {capture.message}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
