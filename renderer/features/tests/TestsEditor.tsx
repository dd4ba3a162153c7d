import {
  ASSERTION_OPERATORS,
  ASSERTION_TARGETS,
  CAPTURE_SOURCES,
  OPERATORS_WITHOUT_EXPECTED,
  TARGETS_WITH_PATH,
  type Assertion,
  type Capture,
} from '../../../shared/assertions/model';
import { useActiveTab, useLantern } from '../../store';

const TARGET_LABELS: Record<Assertion['target'], string> = {
  status: 'Status',
  header: 'Header',
  responseTime: 'Response time (ms)',
  bodySize: 'Body size (bytes)',
  body: 'Body text',
  cookie: 'Cookie',
  jsonPath: 'JSONPath',
  graphqlErrors: 'GraphQL errors',
  graphqlData: 'GraphQL data',
  noGraphqlErrors: 'No GraphQL errors',
};
const OPERATOR_LABELS: Record<Assertion['op'], string> = {
  equals: 'equals',
  notEquals: 'does not equal',
  gt: 'greater than',
  lt: 'less than',
  contains: 'contains',
  notContains: 'does not contain',
  matches: 'matches regex',
  exists: 'exists',
  notExists: 'does not exist',
  isType: 'is type',
  length: 'has length',
  oneOf: 'is one of',
  matchesSchema: 'matches JSON Schema',
};
const SOURCE_LABELS: Record<Capture['from'], string> = {
  jsonPath: 'JSONPath',
  header: 'Header',
  cookie: 'Cookie',
  status: 'Status',
  regex: 'Regex group',
};

const EMPTY_TEST: Assertion = { enabled: true, target: 'status', op: 'equals', expected: '200' };
const EMPTY_CAPTURE: Capture = { enabled: true, name: '', from: 'jsonPath', path: '$.', scope: 'run' };

/** The request's tests and captures, as rows (issue 15 §1–2); saved with the request. */
export function TestsEditor() {
  const tests = useActiveTab((t) => t.draft.tests) ?? [];
  const captures = useActiveTab((t) => t.draft.captures) ?? [];
  const editDraft = useLantern((s) => s.editDraft);
  const setTests = (next: Assertion[]) => editDraft((d) => ({ ...d, tests: next }));
  const setCaptures = (next: Capture[]) => editDraft((d) => ({ ...d, captures: next }));
  const editTest = (index: number, patch: Partial<Assertion>) =>
    setTests(tests.map((t, i) => (i === index ? { ...t, ...patch } : t)));
  const editCapture = (index: number, patch: Partial<Capture>) =>
    setCaptures(captures.map((c, i) => (i === index ? { ...c, ...patch } : c)));
  return (
    <div className="tests-editor">
      <h3>Tests</h3>
      <p className="hint">Checked after every response. Expected values may use {'{{variables}}'}.</p>
      <table className="kv-table" data-testid="tests-table">
        <tbody>
          {tests.map((test, index) => {
            const n = index + 1;
            return (
              <tr key={index} className={test.enabled ? '' : 'disabled'} data-testid={`test-row-${index}`}>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`Test ${n} enabled`}
                    checked={test.enabled}
                    onChange={(e) => editTest(index, { enabled: e.target.checked })}
                  />
                </td>
                <td>
                  <select
                    aria-label={`Test ${n} target`}
                    data-testid={`test-target-${index}`}
                    value={test.target}
                    onChange={(e) => editTest(index, { target: e.target.value as Assertion['target'] })}
                  >
                    {ASSERTION_TARGETS.map((t) => (
                      <option key={t} value={t}>
                        {TARGET_LABELS[t]}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  {TARGETS_WITH_PATH.has(test.target) && (
                    <input
                      aria-label={`Test ${n} ${test.target === 'header' || test.target === 'cookie' ? 'name' : 'path'}`}
                      data-testid={`test-path-${index}`}
                      placeholder={
                        test.target === 'header' || test.target === 'cookie' ? 'name' : '$.data[0].id'
                      }
                      value={test.path ?? ''}
                      onChange={(e) => editTest(index, { path: e.target.value })}
                    />
                  )}
                </td>
                <td>
                  {test.target !== 'noGraphqlErrors' && (
                    <select
                      aria-label={`Test ${n} operator`}
                      data-testid={`test-op-${index}`}
                      value={test.op}
                      onChange={(e) => editTest(index, { op: e.target.value as Assertion['op'] })}
                    >
                      {ASSERTION_OPERATORS.map((op) => (
                        <option key={op} value={op}>
                          {OPERATOR_LABELS[op]}
                        </option>
                      ))}
                    </select>
                  )}
                </td>
                <td>
                  {test.target !== 'noGraphqlErrors' && !OPERATORS_WITHOUT_EXPECTED.has(test.op) && (
                    <input
                      aria-label={`Test ${n} expected value`}
                      data-testid={`test-expected-${index}`}
                      placeholder="expected"
                      value={test.expected ?? ''}
                      onChange={(e) => editTest(index, { expected: e.target.value })}
                    />
                  )}
                </td>
                <td>
                  <button
                    type="button"
                    aria-label={`Remove test ${n}`}
                    data-testid={`test-remove-${index}`}
                    onClick={() => setTests(tests.filter((_, i) => i !== index))}
                  >
                    ✕
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <button type="button" data-testid="test-add" onClick={() => setTests([...tests, { ...EMPTY_TEST }])}>
        Add test
      </button>

      <h3>Captures</h3>
      <p className="hint">
        After the response, set a variable that later requests use as {'{{name}}'}. Tokens, passwords and
        cookies are kept as secrets.
      </p>
      <table className="kv-table" data-testid="captures-table">
        <tbody>
          {captures.map((capture, index) => {
            const n = index + 1;
            return (
              <tr
                key={index}
                className={capture.enabled ? '' : 'disabled'}
                data-testid={`capture-row-${index}`}
              >
                <td>
                  <input
                    type="checkbox"
                    aria-label={`Capture ${n} enabled`}
                    checked={capture.enabled}
                    onChange={(e) => editCapture(index, { enabled: e.target.checked })}
                  />
                </td>
                <td>
                  <input
                    aria-label={`Capture ${n} variable name`}
                    data-testid={`capture-name-${index}`}
                    placeholder="variable"
                    value={capture.name}
                    onChange={(e) => editCapture(index, { name: e.target.value })}
                  />
                </td>
                <td>
                  <select
                    aria-label={`Capture ${n} source`}
                    data-testid={`capture-from-${index}`}
                    value={capture.from}
                    onChange={(e) => editCapture(index, { from: e.target.value as Capture['from'] })}
                  >
                    {CAPTURE_SOURCES.map((s) => (
                      <option key={s} value={s}>
                        {SOURCE_LABELS[s]}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  {capture.from !== 'status' && (
                    <input
                      aria-label={`Capture ${n} path`}
                      data-testid={`capture-path-${index}`}
                      value={capture.path ?? ''}
                      onChange={(e) => editCapture(index, { path: e.target.value })}
                    />
                  )}
                </td>
                <td>
                  <select
                    aria-label={`Capture ${n} scope`}
                    data-testid={`capture-scope-${index}`}
                    value={capture.scope}
                    onChange={(e) => editCapture(index, { scope: e.target.value as Capture['scope'] })}
                  >
                    <option value="run">for this session</option>
                    <option value="environment">into the environment</option>
                  </select>
                </td>
                <td>
                  <button
                    type="button"
                    aria-label={`Remove capture ${n}`}
                    onClick={() => setCaptures(captures.filter((_, i) => i !== index))}
                  >
                    ✕
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <button
        type="button"
        data-testid="capture-add"
        onClick={() => setCaptures([...captures, { ...EMPTY_CAPTURE }])}
      >
        Add capture
      </button>
    </div>
  );
}
