import { useState } from 'react';
import { secretReference, type CredentialSummary } from '../../../shared/model/auth';
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
  // A `{{variable}}` reference is no secret: it is shown as typed, and kept when left as it is.
  const [secret, setSecret] = useState(existing?.secretReference ?? '');
  const reference = secretReference(secret);
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
          type={reference ? 'text' : 'password'}
          data-testid="credential-secret"
          autoComplete="off"
          spellCheck={false}
          placeholder={
            existing
              ? `${existing.secretPreview} — leave empty to keep`
              : 'the secret, or {{variable}} to take it from one'
          }
          value={secret}
          onChange={(e) => setSecret(e.target.value)}
        />
      </label>
      {reference ? (
        <p className="hint" data-testid="credential-secret-reference">
          Taken from the variable {reference} when a request is sent (environment, folder or run variables); a
          request stops with a clear error if it is not defined. The value is masked in history and reports
          like any secret.
        </p>
      ) : (
        <p className="hint">
          The {spec.secretLabel.toLowerCase()} is stored encrypted by Lantern&apos;s main side. This window
          never gets it back: it shows a masked preview only. Type {'{{name}}'} to take it from a variable
          instead.
        </p>
      )}
      {error && (
        <p className="inline-error" role="alert" data-testid="credential-error">
          {error}
        </p>
      )}
    </Modal>
  );
}
