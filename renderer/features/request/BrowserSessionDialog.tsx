import { useState } from 'react';
import type { CredentialSummary } from '../../../shared/model/auth';
import { Modal, ModalClose } from '../../components/Modal';
import { useLantern } from '../../store';
import '../import/import.css';

interface BrowserSessionDialogProps {
  /** Edit this one (a fresh paste replaces its session); absent: create. */
  existing?: CredentialSummary;
  onClose: (saved?: CredentialSummary) => void;
}

/**
 * A session copied from a logged-in browser: the user pastes "Copy as cURL", the main side reads
 * the cookie and the CSRF header from it and keeps them in the vault. Only a masked summary and
 * plain-words notes come back (e.g. that the command had no sesskey header).
 */
export function BrowserSessionDialog({ existing, onClose }: BrowserSessionDialogProps) {
  const [label, setLabel] = useState(existing?.label ?? '');
  const [csrfHeader, setCsrfHeader] = useState(existing?.fields.csrfHeader ?? 'X-Totara-Sesskey');
  const [text, setText] = useState('');
  const [error, setError] = useState<string>();
  const [saved, setSaved] = useState<{ credential: CredentialSummary; notes: string[] }>();

  const save = async () => {
    setError(undefined);
    const { saveCredential, credentialFromCurl } = useLantern.getState();
    if (text.trim() === '' && existing) {
      // Only the name or the header changes: the stored session is kept.
      const result = await saveCredential({
        id: existing.id,
        kind: 'browserSession',
        label,
        fields: { siteUrl: existing.fields.siteUrl ?? '', csrfHeader },
      });
      if (!result.ok) return setError(result.error.message);
      return onClose(result.value);
    }
    const result = await credentialFromCurl({ id: existing?.id, label, text, csrfHeader });
    if (!result.ok) return setError(result.error.message);
    setText('');
    setSaved(result.value);
  };

  return (
    <Modal
      testId="credential-dialog"
      className="credential-dialog form-grid"
      title={`${existing ? 'Edit' : 'New'} credential: Session from a browser (pasted cURL)`}
      onClose={() => onClose(saved?.credential)}
      onSubmit={() => {
        if (!saved) void save();
      }}
      footer={
        saved ? (
          <ModalClose className="primary" testId="credential-save">
            Done
          </ModalClose>
        ) : (
          <>
            <ModalClose>Cancel</ModalClose>
            <button type="submit" className="primary" data-testid="credential-save">
              Save
            </button>
          </>
        )
      }
    >
      {saved ? (
        <div data-testid="browser-session-saved">
          <p>
            Saved <strong>{saved.credential.label}</strong>: {saved.credential.secretPreview}.
          </p>
          <ul className="hint" data-testid="browser-session-notes">
            {saved.notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        </div>
      ) : (
        <>
          <label>
            Name
            <input
              data-testid="credential-label"
              placeholder="e.g. Learn site (Chrome)"
              value={label}
              onChange={(e) => setLabel(e.target.value)}
            />
          </label>
          <label>
            CSRF header
            <input
              data-testid="credential-csrfHeader"
              spellCheck={false}
              value={csrfHeader}
              onChange={(e) => setCsrfHeader(e.target.value)}
            />
          </label>
          <label className="import-field">
            Copy as cURL
            {existing ? ' (paste a fresh one to replace the session; leave empty to keep it)' : ''}
            <textarea
              data-testid="credential-curl"
              rows={8}
              spellCheck={false}
              autoComplete="off"
              placeholder={
                "curl 'https://learn.example.com/totara/webapi/ajax.php' -b 'TotaraSession=…' -H 'x-totara-sesskey: …' …"
              }
              value={text}
              onChange={(e) => setText(e.target.value)}
            />
          </label>
          <p className="hint">
            In the browser&apos;s developer tools (Network tab), right-click a request the logged-in page made
            and choose Copy › Copy as cURL (bash or cmd). Lantern keeps its cookie and CSRF header encrypted
            on the main side and sends them to that site only. It cannot log in again: when the browser
            session ends, paste a fresh command here.
          </p>
          {existing && <p className="hint">Now: {existing.secretPreview}</p>}
        </>
      )}
      {error && (
        <p className="inline-error" role="alert" data-testid="credential-error">
          {error}
        </p>
      )}
    </Modal>
  );
}
