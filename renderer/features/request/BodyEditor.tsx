import { CodeEditor } from '../../editor/CodeEditor';
import { useLantern } from '../../store';
import type { RequestBody } from '../../../shared/model/request';

const MODES: { mode: RequestBody['mode']; label: string }[] = [
  { mode: 'none', label: 'No body' },
  { mode: 'json', label: 'JSON' },
  { mode: 'raw', label: 'Raw text' },
];

export function BodyEditor() {
  const body = useLantern((s) => s.draft.body);
  const { setBody, send } = useLantern.getState();
  const text = body.mode === 'none' ? '' : body.text;
  const switchMode = (mode: RequestBody['mode']) => {
    if (mode === 'none') setBody({ mode });
    else if (mode === 'json') setBody({ mode, text });
    else setBody({ mode, text, contentType: body.mode === 'raw' ? body.contentType : 'text/plain' });
  };
  return (
    <div className="body-editor">
      <div className="toolbar">
        <label>
          Body{' '}
          <select
            data-testid="body-mode"
            value={body.mode}
            onChange={(event) => switchMode(event.target.value as RequestBody['mode'])}
          >
            {MODES.map(({ mode, label }) => (
              <option key={mode} value={mode}>
                {label}
              </option>
            ))}
          </select>
        </label>
        {body.mode === 'raw' && (
          <label>
            Content-Type{' '}
            <input
              data-testid="body-content-type"
              value={body.contentType}
              onChange={(event) => setBody({ ...body, contentType: event.target.value })}
            />
          </label>
        )}
      </div>
      {body.mode === 'none' ? (
        <p className="empty-note">This request has no body.</p>
      ) : (
        <CodeEditor
          testId="body-editor"
          ariaLabel="Request body"
          language={body.mode === 'json' ? 'json' : 'plaintext'}
          value={text}
          onChange={(value) => setBody({ ...body, text: value })}
          onSubmit={() => void send()}
        />
      )}
    </div>
  );
}
