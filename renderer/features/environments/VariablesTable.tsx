export interface VariableRow {
  name: string;
  value: string;
  secret: boolean;
  /** A secret shown masked and not retyped: the main side keeps its stored value. */
  keepValue: boolean;
}

interface VariablesTableProps {
  rows: readonly VariableRow[];
  readOnly: boolean;
  onChange: (rows: VariableRow[]) => void;
}

const blank = (): VariableRow => ({ name: '', value: '', secret: false, keepValue: false });

export function VariablesTable({ rows, readOnly, onChange }: VariablesTableProps) {
  const shown = readOnly ? rows : [...rows, blank()];
  const update = (index: number, patch: Partial<VariableRow>) => {
    const next = shown.map((row, i) => (i === index ? { ...row, ...patch } : row));
    onChange(next.filter((row) => row.name !== '' || row.value !== ''));
  };
  return (
    <table className="kv-table" data-testid="environment-variables">
      <thead>
        <tr>
          <th>Variable</th>
          <th>Value</th>
          <th>Secret</th>
        </tr>
      </thead>
      <tbody>
        {shown.map((row, index) => (
          <tr key={index}>
            <td>
              <input
                aria-label={`Variable ${index + 1} name`}
                data-testid={`variable-name-${index}`}
                placeholder="name"
                spellCheck={false}
                disabled={readOnly}
                value={row.name}
                onChange={(event) => update(index, { name: event.target.value })}
              />
            </td>
            <td>
              <input
                aria-label={`Variable ${index + 1} value`}
                data-testid={`variable-value-${index}`}
                placeholder="value"
                spellCheck={false}
                disabled={readOnly}
                type={row.secret ? 'password' : 'text'}
                value={row.value}
                // A masked secret is selected whole, so typing replaces it rather than appending to the mask.
                onFocus={(event) => row.keepValue && event.target.select()}
                onChange={(event) => update(index, { value: event.target.value, keepValue: false })}
              />
            </td>
            <td>
              <input
                type="checkbox"
                aria-label={`Variable ${index + 1} is secret`}
                disabled={readOnly}
                checked={row.secret}
                onChange={(event) => update(index, { secret: event.target.checked })}
              />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
