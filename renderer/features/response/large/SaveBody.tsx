import { useState } from 'react';
import { useLantern } from '../../../store';

/**
 * "Save to file": the desktop app's save dialog (the main side copies the stored body there), or in
 * browser mode a download of the body, fetched from the main side in pieces.
 */
export function SaveBody({ bodyId, suggestedName }: { bodyId: string; suggestedName: string }) {
  const [status, setStatus] = useState<{ ok: boolean; text: string }>();
  const [saving, setSaving] = useState(false);

  const save = async () => {
    setSaving(true);
    setStatus(await useLantern.getState().saveBody(bodyId, suggestedName));
    setSaving(false);
  };

  return (
    <span className="large-body-save">
      <button type="button" data-testid="body-save" disabled={saving} onClick={() => void save()}>
        {saving ? 'Saving…' : 'Save to file…'}
      </button>
      {status && (
        <span className={status.ok ? 'large-body-saved' : 'large-body-error'} data-testid="body-save-status">
          {status.text}
        </span>
      )}
    </span>
  );
}
