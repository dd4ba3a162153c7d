import { useLantern } from '../../store';

export function HeadersTable() {
  const stored = useLantern((s) => s.draft.headers);
  const last = stored[stored.length - 1];
  const headers =
    last && last.name === '' && last.value === ''
      ? stored
      : [...stored, { name: '', value: '', enabled: true }];
  const { setHeader, removeHeader } = useLantern.getState();
  return (
    <table className="kv-table" data-testid="request-headers">
      <thead>
        <tr>
          <th aria-label="Enabled" />
          <th>Name</th>
          <th>Value</th>
          <th aria-label="Remove" />
        </tr>
      </thead>
      <tbody>
        {headers.map((row, index) => (
          <tr key={index} className={row.enabled ? '' : 'disabled'} data-testid={`header-row-${index}`}>
            <td>
              <input
                type="checkbox"
                aria-label={`Send header ${index + 1}`}
                checked={row.enabled}
                onChange={(event) => setHeader(index, { enabled: event.target.checked })}
              />
            </td>
            <td>
              <input
                aria-label={`Header ${index + 1} name`}
                data-testid={`header-name-${index}`}
                placeholder="Name"
                spellCheck={false}
                value={row.name}
                onChange={(event) => setHeader(index, { name: event.target.value })}
              />
            </td>
            <td>
              <input
                aria-label={`Header ${index + 1} value`}
                data-testid={`header-value-${index}`}
                placeholder="Value"
                spellCheck={false}
                value={row.value}
                onChange={(event) => setHeader(index, { value: event.target.value })}
              />
            </td>
            <td>
              <button
                type="button"
                className="icon"
                aria-label={`Remove header ${index + 1}`}
                onClick={() => removeHeader(index)}
              >
                ×
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
