import { useState } from 'react';
import { useLantern } from '../../../store';
import { formatBytes } from '../format';

/** "Save to file": the main side copies the stored body to the path typed here. */
export function SaveBody({ bodyId, suggestedName }: { bodyId: string; suggestedName: string }) {
  const [open, setOpen] = useState(false);
  const [path, setPath] = useState('');
  const [status, setStatus] = useState<{ ok: boolean; text: string }>();
  const [saving, setSaving] = useState(false);

  const save = async () => {
    setSaving(true);
    const result = await useLantern.getState().saveBody({ bodyId, path: path.trim() });
    setSaving(false);
    setStatus(
      result.ok
        ? { ok: true, text: `Saved ${formatBytes(result.value.bytes)} to ${result.value.path}.` }
        : { ok: false, text: result.error.message },
    );
  };

  if (!open) {
    return (
      <span className="large-body-save">
        <button type="button" data-testid="body-save" onClick={() => setOpen(true)}>
          Save to file…
        </button>
        {status && <span className={status.ok ? 'large-body-saved' : 'large-body-error'}>{status.text}</span>}
      </span>
    );
  }
  return (
    <form
      className="large-body-save"
      onSubmit={(event) => {
        event.preventDefault();
        if (path.trim() !== '') void save().then(() => setOpen(false));
      }}
    >
      <input
        data-testid="body-save-path"
        aria-label="Full path of the file to save to"
        placeholder={`/full/path/${suggestedName}`}
        value={path}
        onChange={(event) => setPath(event.target.value)}
        autoFocus
      />
      <button type="submit" disabled={saving || path.trim() === ''}>
        {saving ? 'Saving…' : 'Save'}
      </button>
      <button type="button" onClick={() => setOpen(false)}>
        Cancel
      </button>
    </form>
  );
}
