import { useId } from 'react';

export interface KeyValueRow {
  name: string;
  value: string;
  enabled: boolean;
}

interface KeyValueTableProps {
  rows: readonly KeyValueRow[];
  onChange: (rows: KeyValueRow[]) => void;
  /** `data-testid` prefix: `<prefix>-name-<i>`, `<prefix>-value-<i>`, `<prefix>-enabled-<i>`. */
  testId: string;
  /** What one row is, for accessible names: "header", "parameter", "field". */
  noun: string;
  nameSuggestions?: readonly string[];
  valuePlaceholder?: string;
}

const blank = (): KeyValueRow => ({ name: '', value: '', enabled: true });
const isBlank = (row: KeyValueRow | undefined) => !row || (row.name === '' && row.value === '');

/** An editable name/value table with a blank row at the end: typing there adds a row. */
export function KeyValueTable({
  rows,
  onChange,
  testId,
  noun,
  nameSuggestions,
  valuePlaceholder,
}: KeyValueTableProps) {
  const listId = useId();
  const shown = rows.length > 0 && isBlank(rows[rows.length - 1]) ? [...rows] : [...rows, blank()];
  const update = (index: number, patch: Partial<KeyValueRow>) => {
    const next = shown.map((row, i) => (i === index ? { ...row, ...patch } : row));
    onChange(next.filter((row, i) => i < next.length - 1 || !isBlank(row)));
  };
  const remove = (index: number) =>
    onChange(shown.filter((_, i) => i !== index && !(i === shown.length - 1 && isBlank(shown[i]))));
  return (
    <table className="kv-table" data-testid={testId}>
      <thead>
        <tr>
          <th aria-label="Enabled" />
          <th>Name</th>
          <th>Value</th>
          <th aria-label="Remove" />
        </tr>
      </thead>
      <tbody>
        {shown.map((row, index) => {
          const last = index === shown.length - 1;
          return (
            <tr key={index} className={row.enabled ? '' : 'disabled'}>
              <td>
                {!last && (
                  <input
                    type="checkbox"
                    aria-label={`Send ${noun} ${index + 1}`}
                    data-testid={`${testId}-enabled-${index}`}
                    checked={row.enabled}
                    onChange={(event) => update(index, { enabled: event.target.checked })}
                  />
                )}
              </td>
              <td>
                <input
                  aria-label={`${noun} ${index + 1} name`}
                  data-testid={`${testId}-name-${index}`}
                  placeholder={last ? `Add ${noun}` : 'Name'}
                  spellCheck={false}
                  list={nameSuggestions ? listId : undefined}
                  value={row.name}
                  onChange={(event) => update(index, { name: event.target.value })}
                />
              </td>
              <td>
                <input
                  aria-label={`${noun} ${index + 1} value`}
                  data-testid={`${testId}-value-${index}`}
                  placeholder={valuePlaceholder ?? 'Value'}
                  spellCheck={false}
                  value={row.value}
                  onChange={(event) => update(index, { value: event.target.value })}
                />
              </td>
              <td>
                {!last && (
                  <button
                    type="button"
                    className="icon"
                    aria-label={`Remove ${noun} ${index + 1}`}
                    onClick={() => remove(index)}
                  >
                    ×
                  </button>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
      {nameSuggestions && (
        <datalist id={listId}>
          {nameSuggestions.map((name) => (
            <option key={name} value={name} />
          ))}
        </datalist>
      )}
    </table>
  );
}
