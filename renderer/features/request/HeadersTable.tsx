import { useState } from 'react';
import { KeyValueTable } from '../../components/KeyValueTable';
import { useActiveTab, useLantern } from '../../store';
import { COMMON_HEADERS, headersToText, textToHeaders } from './header-text';

export function HeadersTable() {
  const headers = useActiveTab((t) => t.draft.headers);
  const editDraft = useLantern((s) => s.editDraft);
  const [bulk, setBulk] = useState(false);
  const [text, setText] = useState('');
  const toggle = () => {
    if (!bulk) setText(headersToText(headers));
    setBulk(!bulk);
  };
  return (
    <div className="headers-editor">
      <div className="toolbar">
        <button type="button" data-testid="headers-bulk-toggle" onClick={toggle}>
          {bulk ? 'Table' : 'Bulk edit'}
        </button>
        {bulk && (
          <span className="hint">
            One &quot;Name: value&quot; per line; start a line with // to disable it.
          </span>
        )}
      </div>
      {bulk ? (
        <textarea
          className="bulk-text"
          aria-label="Headers as text"
          data-testid="headers-bulk-text"
          spellCheck={false}
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            editDraft((d) => ({ ...d, headers: textToHeaders(event.target.value) }));
          }}
        />
      ) : (
        <KeyValueTable
          testId="header"
          noun="header"
          rows={headers}
          nameSuggestions={COMMON_HEADERS}
          onChange={(rows) => editDraft((d) => ({ ...d, headers: rows }))}
        />
      )}
    </div>
  );
}
