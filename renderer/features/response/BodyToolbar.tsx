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
  /** The name the save dialog or download proposes. */
  suggestedName: string;
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
  suggestedName,
}: BodyToolbarProps) {
  const [message, setMessage] = useState<string>();
  const save = async () => setMessage((await useLantern.getState().saveText({ suggestedName, text })).text);
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
        <button type="button" data-testid="body-save" onClick={() => void save()}>
          Save…
        </button>
      </div>
      {filterError && (
        <p className="inline-error" data-testid="body-jsonpath-error">
          {filterError}
        </p>
      )}
      {message && (
        <p className="hint" role="status" data-testid="body-message">
          {message}
        </p>
      )}
    </div>
  );
}
