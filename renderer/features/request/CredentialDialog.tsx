import { useState } from 'react';
import type { CredentialSummary } from '../../../shared/model/auth';
import { Modal, ModalClose } from '../../components/Modal';
import { useLantern } from '../../store';
import { CREDENTIAL_FIELDS, KIND_NAMES, type CredentialKind } from './credential-fields';

interface CredentialDialogProps {
  kind: CredentialKind;
  /** Edit this one; absent: create. */
  existing?: CredentialSummary;
  onClose: (saved?: CredentialSummary) => void;
}

/** Registers a credential. The secret goes to the main side's vault and never comes back here. */
export function CredentialDialog({ kind, existing, onClose }: CredentialDialogProps) {
  const spec = CREDENTIAL_FIELDS[kind];
  const [label, setLabel] = useState(existing?.label ?? '');
  const [fields, setFields] = useState<Record<string, string>>(() =>
    Object.fromEntries(spec.fields.map((f) => [f.key, existing?.fields?.[f.key] ?? f.defaultValue ?? ''])),
  );
  const [secret, setSecret] = useState('');
  const [error, setError] = useState<string>();
  const save = async () => {
    const result = await useLantern.getState().saveCredential({
      id: existing?.id,
      kind,
      label,
      fields,
      secret: secret === '' && existing ? undefined : secret,
    });
    if (!result.ok) return setError(result.error.message);
    setSecret('');
    onClose(result.value);
  };
  return (
    <Modal
      testId="credential-dialog"
      className="credential-dialog form-grid"
      title={`${existing ? 'Edit' : 'New'} credential: ${KIND_NAMES[kind]}`}
      onClose={() => onClose()}
      onSubmit={() => void save()}
      footer={
        <>
          <ModalClose>Cancel</ModalClose>
          <button type="submit" className="primary" data-testid="credential-save">
            Save
          </button>
        </>
      }
    >
      <label>
        Name
        <input
          data-testid="credential-label"
          required
          value={label}
          onChange={(e) => setLabel(e.target.value)}
        />
      </label>
      {spec.fields.map((field) => (
        <label key={field.key}>
          {field.label}
          {field.optional ? ' (optional)' : ''}
          {field.options ? (
            <select
              data-testid={`credential-${field.key}`}
              value={fields[field.key]}
              onChange={(e) => setFields({ ...fields, [field.key]: e.target.value })}
            >
              {field.options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          ) : (
            <input
              data-testid={`credential-${field.key}`}
              placeholder={field.placeholder}
              spellCheck={false}
              value={fields[field.key] ?? ''}
              onChange={(e) => setFields({ ...fields, [field.key]: e.target.value })}
            />
          )}
        </label>
      ))}
      <label>
        {spec.secretLabel}
        <input
          type="password"
          data-testid="credential-secret"
          autoComplete="off"
          placeholder={existing ? `${existing.secretPreview} — leave empty to keep` : ''}
          value={secret}
          onChange={(e) => setSecret(e.target.value)}
        />
      </label>
      <p className="hint">
        The {spec.secretLabel.toLowerCase()} is stored encrypted by Lantern&apos;s main side. This window
        never gets it back: it shows a masked preview only.
      </p>
      {error && (
        <p className="inline-error" role="alert" data-testid="credential-error">
          {error}
        </p>
      )}
    </Modal>
  );
}
