import { useState } from 'react';
import { useLantern } from '../../store';

interface BodyToolbarProps {
  isJson: boolean;
  raw: boolean;
  onRawChange: (raw: boolean) => void;
  filter: string;
  onFilterChange: (filter: string) => void;
  filterError: string | undefined;
  /** The text currently shown: what Copy and Save take. */
  text: string;
}

/** Pretty/Raw, a JSONPath filter for JSON, copy and save for a body held in the renderer. */
export function BodyToolbar({
  isJson,
  raw,
  onRawChange,
  filter,
  onFilterChange,
  filterError,
  text,
}: BodyToolbarProps) {
  const [saving, setSaving] = useState(false);
  const [path, setPath] = useState('');
  const [message, setMessage] = useState<string>();
  const save = async () => {
    const result = await useLantern.getState().saveTextFile({ path, text });
    setMessage(
      result.ok ? `Saved ${result.value.bytes} bytes to ${result.value.path}.` : result.error.message,
    );
    if (result.ok) setSaving(false);
  };
  return (
    <div className="body-toolbar">
      <div className="toolbar">
        <div className="segmented" role="group" aria-label="Body view">
          <button
            type="button"
            aria-pressed={!raw}
            data-testid="body-pretty"
            onClick={() => onRawChange(false)}
          >
            Pretty
          </button>
          <button type="button" aria-pressed={raw} data-testid="body-raw" onClick={() => onRawChange(true)}>
            Raw
          </button>
        </div>
        {isJson && !raw && (
          <input
            className="jsonpath"
            aria-label="JSONPath filter"
            data-testid="body-jsonpath"
            placeholder="JSONPath filter, e.g. $.data.items[*].email"
            spellCheck={false}
            value={filter}
            onChange={(event) => onFilterChange(event.target.value)}
          />
        )}
        <button
          type="button"
          data-testid="body-copy"
          onClick={() =>
            void navigator.clipboard.writeText(text).then(
              () => setMessage('Copied.'),
              () => setMessage('The clipboard is not available here.'),
            )
          }
        >
          Copy
        </button>
        <button type="button" data-testid="body-save" onClick={() => setSaving(!saving)}>
          Save…
        </button>
      </div>
      {filterError && (
        <p className="inline-error" data-testid="body-jsonpath-error">
          {filterError}
        </p>
      )}
      {saving && (
        <form
          className="toolbar"
          onSubmit={(event) => {
            event.preventDefault();
            void save();
          }}
        >
          <input
            aria-label="Save to path"
            data-testid="body-save-path"
            placeholder="/full/path/to/response.json"
            value={path}
            onChange={(e) => setPath(e.target.value)}
          />
          <button type="submit" className="primary" data-testid="body-save-confirm">
            Save
          </button>
        </form>
      )}
      {message && (
        <p className="hint" role="status" data-testid="body-message">
          {message}
        </p>
      )}
    </div>
  );
}
