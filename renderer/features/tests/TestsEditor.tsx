import { CAPTURE_SOURCES, type Assertion, type Capture } from '../../../shared/assertions/model';
import { useActiveTab, useLantern } from '../../store';
import { TestRows } from './TestRows';

const SOURCE_LABELS: Record<Capture['from'], string> = {
  jsonPath: 'JSONPath',
  header: 'Header',
  cookie: 'Cookie',
  status: 'Status',
  regex: 'Regex group',
};

const EMPTY_CAPTURE: Capture = { enabled: true, name: '', from: 'jsonPath', path: '$.', scope: 'run' };

/** The request's tests and captures, as rows (issue 15 §1–2); saved with the request. */
export function TestsEditor() {
  const tests = useActiveTab((t) => t.draft.tests) ?? [];
  const captures = useActiveTab((t) => t.draft.captures) ?? [];
  const editDraft = useLantern((s) => s.editDraft);
  const setTests = (next: Assertion[]) => editDraft((d) => ({ ...d, tests: next }));
  const setCaptures = (next: Capture[]) => editDraft((d) => ({ ...d, captures: next }));
  const editCapture = (index: number, patch: Partial<Capture>) =>
    setCaptures(captures.map((c, i) => (i === index ? { ...c, ...patch } : c)));
  return (
    <div className="tests-editor">
      <h3>Tests</h3>
      <p className="hint">Checked after every response. Expected values may use {'{{variables}}'}.</p>
      <TestRows tests={tests} onChange={setTests} />
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
