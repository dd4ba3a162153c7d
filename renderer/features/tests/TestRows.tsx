import {
  ASSERTION_OPERATORS,
  ASSERTION_TARGETS,
  OPERATORS_WITHOUT_EXPECTED,
  TARGETS_WITH_PATH,
  type Assertion,
} from '../../../shared/assertions/model';

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
const EMPTY_TEST: Assertion = { enabled: true, target: 'status', op: 'equals', expected: '200' };

/** Test rows (target, operator, expected), for a request's Tests tab and a folder's editor alike. */
export function TestRows({ tests, onChange }: { tests: Assertion[]; onChange: (next: Assertion[]) => void }) {
  const setTests = onChange;
  const editTest = (index: number, patch: Partial<Assertion>) =>
    setTests(tests.map((t, i) => (i === index ? { ...t, ...patch } : t)));
  return (
    <>
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
    </>
  );
}
