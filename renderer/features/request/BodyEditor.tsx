import { CodeEditor, GraphqlEditor } from '../../deferred';
import { KeyValueTable } from '../../components/KeyValueTable';
import { useActiveTab, useLantern } from '../../store';
import type { RequestBody } from '../../../shared/model/request';
import { MultipartTable } from './MultipartTable';
import { switchBodyMode } from './body-modes';
import { FileField } from './FileField';
import { jsonProblem } from './json-check';

const MODES: { mode: RequestBody['mode']; label: string }[] = [
  { mode: 'none', label: 'No body' },
  { mode: 'json', label: 'JSON' },
  { mode: 'graphql', label: 'GraphQL' },
  { mode: 'form-urlencoded', label: 'Form (urlencoded)' },
  { mode: 'multipart', label: 'Multipart form' },
  { mode: 'raw', label: 'Raw text' },
  { mode: 'binary', label: 'Binary file' },
];

export function BodyEditor() {
  const body = useActiveTab((t) => t.draft.body);
  const editDraft = useLantern((s) => s.editDraft);
  const send = useLantern((s) => s.send);
  const setBody = (next: RequestBody) => editDraft((d) => ({ ...d, body: next }));
  return (
    <div className="body-editor">
      <div className="toolbar">
        <label>
          Body{' '}
          <select
            data-testid="body-mode"
            value={body.mode}
            onChange={(event) => setBody(switchBodyMode(body, event.target.value as RequestBody['mode']))}
          >
            {MODES.map(({ mode, label }) => (
              <option key={mode} value={mode}>
                {label}
              </option>
            ))}
          </select>
        </label>
        {(body.mode === 'raw' || body.mode === 'binary') && (
          <label>
            Content-Type{' '}
            <input
              data-testid="body-content-type"
              placeholder={body.mode === 'binary' ? 'application/octet-stream' : 'text/plain'}
              value={body.contentType ?? ''}
              onChange={(event) => setBody({ ...body, contentType: event.target.value })}
            />
          </label>
        )}
      </div>
      {body.mode === 'none' && <p className="empty-note">This request has no body.</p>}
      {body.mode === 'json' && <JsonWarning text={body.text} />}
      {(body.mode === 'json' || body.mode === 'raw') && (
        <CodeEditor
          testId="body-editor"
          ariaLabel="Request body"
          language={body.mode === 'json' ? 'json' : 'plaintext'}
          value={body.text}
          onChange={(text) => setBody({ ...body, text })}
          onSubmit={() => void send()}
        />
      )}
      {body.mode === 'graphql' && <GraphqlEditor />}
      {body.mode === 'form-urlencoded' && (
        <KeyValueTable
          testId="form-field"
          noun="field"
          rows={body.fields}
          onChange={(fields) => setBody({ ...body, fields })}
        />
      )}
      {body.mode === 'multipart' && (
        <MultipartTable fields={body.fields} onChange={(fields) => setBody({ ...body, fields })} />
      )}
      {body.mode === 'binary' && (
        <FileField testId="body-file" value={body.path} onChange={(path) => setBody({ ...body, path })} />
      )}
    </div>
  );
}

/** Invalid JSON is a warning, not a block: some APIs take almost-JSON, and the user decides. */
function JsonWarning({ text }: { text: string }) {
  const problem = jsonProblem(text);
  if (!problem) return null;
  return (
    <p className="warning-note" data-testid="body-json-warning">
      ⚠ {problem} You can still send it.
    </p>
  );
}
