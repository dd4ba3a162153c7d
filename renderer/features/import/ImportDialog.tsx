import { useState } from 'react';
import type { CallOutput } from '../../../shared/contract';
import { Modal, ModalClose } from '../../components/Modal';
import { useLantern } from '../../store';
import { CollectionOutline } from './CollectionOutline';
import './import.css';
import type { ChosenFile } from '../../../shared/files/file-ref';
import { ChooseFileButton } from '../files/ChooseFileButton';

type Preview = CallOutput<'previewImport'>;
type Imported = CallOutput<'importIntoWorkspace'>;

const FORMAT_NAMES: Record<Preview['format'], string> = {
  postman: 'Postman collection (v2.1)',
  'postman-environment': 'Postman environment',
  insomnia: 'Insomnia v4 export',
  har: 'HAR 1.2',
  openapi: 'OpenAPI / Swagger description',
  curl: 'cURL command',
  unknown: 'not recognised',
};

/** Import from cURL, Postman, Insomnia, HAR or OpenAPI: preview what will be created and what is left out, then import. */
export function ImportDialog({ onClose }: { onClose: () => void }) {
  const [text, setText] = useState('');
  const [file, setFile] = useState<ChosenFile>();
  const [onlyXhr, setOnlyXhr] = useState(true);
  const [preview, setPreview] = useState<Preview>();
  const [secrets, setSecrets] = useState<Record<string, string>>({});
  const [done, setDone] = useState<Imported>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const source = () => (text.trim() !== '' || !file ? { text, onlyXhr } : { file: file.ref, onlyXhr });

  const runPreview = async () => {
    setBusy(true);
    const result = await useLantern.getState().previewImport(source());
    setBusy(false);
    setDone(undefined);
    if (!result.ok) return (setPreview(undefined), setError(result.error.message));
    setError(undefined);
    setPreview(result.value);
  };
  const runImport = async () => {
    setBusy(true);
    const result = await useLantern.getState().importIntoWorkspace({ ...source(), secrets });
    setBusy(false);
    if (!result) return setError(useLantern.getState().workspaceError);
    setDone(result);
    setPreview(undefined);
  };

  return (
    <Modal
      testId="import-dialog"
      className="import-dialog"
      title="Import"
      onClose={onClose}
      footer={
        <>
          <ModalClose testId="import-cancel">{done ? 'Close' : 'Cancel'}</ModalClose>
          <button
            type="button"
            data-testid="import-preview"
            disabled={busy || (text.trim() === '' && !file)}
            onClick={() => void runPreview()}
          >
            Preview
          </button>
          <button
            type="button"
            className="primary"
            data-testid="import-confirm"
            disabled={busy || !preview}
            onClick={() => void runImport()}
          >
            Import
          </button>
        </>
      }
    >
      <p className="hint">
        cURL (bash or Windows cmd), Postman collection v2.1 or environment, Insomnia v4 (JSON), HAR 1.2,
        OpenAPI 3.0/3.1 or Swagger 2.0 (.json, .yaml or .yml).
      </p>
      <label className="import-field">
        Paste here
        <textarea
          data-testid="import-text"
          rows={6}
          spellCheck={false}
          value={text}
          placeholder="curl 'https://…' -H '…'   or a collection’s JSON, or an OpenAPI description"
          onChange={(event) => (setText(event.target.value), setPreview(undefined))}
        />
      </label>
      <div className="import-field">
        …or a file
        <span className="file-path">
          {file && (
            <span className="file-chosen" data-testid="import-file-name">
              {file.name}
            </span>
          )}
          <ChooseFileButton
            testId="import-file"
            label={file ? 'Choose another…' : 'Choose a file…'}
            title="Choose a file to import"
            onChosen={(chosen) => (setFile(chosen), setPreview(undefined), setError(undefined))}
            onError={setError}
          />
        </span>
      </div>
      <label className="import-check">
        <input
          type="checkbox"
          data-testid="import-only-xhr"
          checked={onlyXhr}
          onChange={(e) => setOnlyXhr(e.target.checked)}
        />
        HAR: only XHR and fetch requests
      </label>
      {error && (
        <p className="inline-error" role="alert" data-testid="import-error">
          {error}
        </p>
      )}
      {preview && (
        <section
          className="import-preview"
          data-testid="import-preview-panel"
          aria-label="What will be created"
        >
          <p data-testid="import-format">
            <strong>{FORMAT_NAMES[preview.format]}</strong> — will create a folder “{preview.collection.name}”
            with {preview.counts.requests} request(s), {preview.counts.folders} folder(s) and{' '}
            {preview.counts.environments} environment(s).
          </p>
          <CollectionOutline root={preview.collection.root} />
          {preview.collection.credentials.length > 0 && (
            <div className="import-credentials">
              <h3>Credentials it needs</h3>
              <p className="hint">
                Secrets are never imported. Type one now to create the credential (kept in the vault), or
                leave it empty and pick a credential later. A browser session is filled in from a fresh
                &quot;Copy as cURL&quot;: the cookie and sesskey in the file are never kept.
              </p>
              {preview.collection.credentials.map((need) => (
                <label key={need.id} className="import-field">
                  {need.label} ({need.kind}){need.fields.username ? ` — ${need.fields.username}` : ''}
                  {need.kind === 'browserSession' ? (
                    <textarea
                      rows={3}
                      spellCheck={false}
                      autoComplete="off"
                      data-testid={`import-secret-${need.id}`}
                      placeholder={`Paste a fresh "Copy as cURL" of a request the logged-in browser made${need.fields.siteUrl ? ` to ${need.fields.siteUrl}` : ''}`}
                      value={secrets[need.id] ?? ''}
                      onChange={(event) => setSecrets({ ...secrets, [need.id]: event.target.value })}
                    />
                  ) : (
                    <input
                      type="password"
                      autoComplete="off"
                      data-testid={`import-secret-${need.id}`}
                      value={secrets[need.id] ?? ''}
                      onChange={(event) => setSecrets({ ...secrets, [need.id]: event.target.value })}
                    />
                  )}
                </label>
              ))}
            </div>
          )}
          <Report lines={preview.skipped} />
        </section>
      )}
      {done && (
        <section className="import-done" data-testid="import-done" role="status">
          <p>
            Imported {done.counts.requests} request(s) and {done.counts.folders} folder(s).
          </p>
          <Report lines={done.skipped} />
        </section>
      )}
    </Modal>
  );
}

function Report({ lines }: { lines: string[] }) {
  if (lines.length === 0)
    return (
      <p className="hint" data-testid="import-report-empty">
        Everything can be carried over.
      </p>
    );
  return (
    <div className="import-report" data-testid="import-report">
      <h3>Not carried over ({lines.length})</h3>
      <ul>
        {lines.map((line, index) => (
          <li key={index}>{line}</li>
        ))}
      </ul>
    </div>
  );
}
