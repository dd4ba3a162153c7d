import type { Exchange } from '../../../shared/model/response';

/** "Tests 3/4" for the response tab list; undefined when the request has no tests or captures. */
export function testsTabLabel(exchange: Exchange): string | undefined {
  const tests = exchange.tests ?? [];
  const captures = exchange.captures ?? [];
  if (tests.length === 0 && captures.length === 0) return undefined;
  const failed = tests.some((t) => !t.passed) || captures.some((c) => !c.ok);
  const passed = tests.filter((t) => t.passed).length;
  return `Tests ${passed}/${tests.length}${failed ? ' ✗' : ''}`;
}

/** The tests and captures of one response: finding-like rows, failures first in their order. */
export function TestResults({ exchange }: { exchange: Exchange }) {
  const tests = exchange.tests ?? [];
  const captures = exchange.captures ?? [];
  return (
    <div className="test-results" data-testid="test-results">
      <ul className="test-result-list">
        {tests.map((test, index) => {
          const outcome = test.passed ? 'pass' : test.unchecked ? 'not checked' : 'fail';
          return (
            <li
              key={index}
              className={`test-result ${test.passed ? 'passed' : 'failed'}`}
              data-testid={`test-result-${index}`}
              data-outcome={outcome}
            >
              <span className="test-outcome">
                {test.passed ? '✓ pass' : test.unchecked ? '– not checked' : '✗ fail'}
              </span>
              <span className="test-title">
                <code>{test.path}</code> {test.assertion.op}
                {test.from ? <span className="hint"> (from folder {test.from})</span> : null}
              </span>
              <span className="test-message">{test.message}</span>
              {!test.passed && !test.unchecked && (
                <dl className="test-values">
                  <dt>Expected</dt>
                  <dd data-testid={`test-result-expected-${index}`}>{test.expected || '—'}</dd>
                  <dt>Actual</dt>
                  <dd data-testid={`test-result-actual-${index}`}>{test.actual || '—'}</dd>
                </dl>
              )}
            </li>
          );
        })}
        {captures.map((capture, index) => (
          <li
            key={`c${index}`}
            className={`test-result ${capture.ok ? 'passed' : 'failed'}`}
            data-testid={`capture-result-${index}`}
          >
            <span className="test-outcome">{capture.ok ? '→ set' : '✗ capture'}</span>
            <span className="test-title">
              <code>{`{{${capture.name}}}`}</code> from <code>{capture.path}</code>
              {capture.ok ? ` = ${capture.value ?? ''}` : ''}
            </span>
            <span className="test-message">{capture.message}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
