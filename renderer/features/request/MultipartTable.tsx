import type { MultipartField } from '../../../shared/model/request';
import { FileField } from './FileField';

interface MultipartTableProps {
  fields: readonly MultipartField[];
  onChange: (fields: MultipartField[]) => void;
}

/** Multipart form parts: text values or files (read on the main side when sending). */
export function MultipartTable({ fields, onChange }: MultipartTableProps) {
  const update = (index: number, field: MultipartField) =>
    onChange(fields.map((f, i) => (i === index ? field : f)));
  return (
    <div className="multipart" data-testid="multipart-fields">
      <table className="kv-table">
        <thead>
          <tr>
            <th aria-label="Enabled" />
            <th>Name</th>
            <th>Kind</th>
            <th>Value</th>
            <th aria-label="Remove" />
          </tr>
        </thead>
        <tbody>
          {fields.map((field, index) => (
            <tr key={index} className={field.enabled ? '' : 'disabled'}>
              <td>
                <input
                  type="checkbox"
                  aria-label={`Send part ${index + 1}`}
                  checked={field.enabled}
                  onChange={(event) => update(index, { ...field, enabled: event.target.checked })}
                />
              </td>
              <td>
                <input
                  aria-label={`Part ${index + 1} name`}
                  data-testid={`multipart-name-${index}`}
                  value={field.name}
                  onChange={(event) => update(index, { ...field, name: event.target.value })}
                />
              </td>
              <td>
                <select
                  aria-label={`Part ${index + 1} kind`}
                  data-testid={`multipart-kind-${index}`}
                  value={field.kind}
                  onChange={(event) =>
                    update(
                      index,
                      event.target.value === 'file'
                        ? { kind: 'file', name: field.name, path: '', enabled: field.enabled }
                        : { kind: 'text', name: field.name, value: '', enabled: field.enabled },
                    )
                  }
                >
                  <option value="text">Text</option>
                  <option value="file">File</option>
                </select>
              </td>
              <td>
                {field.kind === 'text' ? (
                  <input
                    aria-label={`Part ${index + 1} value`}
                    data-testid={`multipart-value-${index}`}
                    value={field.value}
                    onChange={(event) => update(index, { ...field, value: event.target.value })}
                  />
                ) : (
                  <FileField
                    testId={`multipart-file-${index}`}
                    value={field.path}
                    onChange={(path) => update(index, { ...field, path })}
                  />
                )}
              </td>
              <td>
                <button
                  type="button"
                  className="icon"
                  aria-label={`Remove part ${index + 1}`}
                  onClick={() => onChange(fields.filter((_, i) => i !== index))}
                >
                  ×
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button
        type="button"
        data-testid="multipart-add"
        onClick={() => onChange([...fields, { kind: 'text', name: '', value: '', enabled: true }])}
      >
        + Add part
      </button>
    </div>
  );
}
