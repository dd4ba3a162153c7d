import { useEffect, useState } from 'react';
import type { SavedRequest } from '../../../shared/model/collection';
import { Modal, ModalClose } from '../../components/Modal';
import { useLantern } from '../../store';
import { activeTab } from '../../store/tabs-slice';
import { fileIdOf } from '../../store/workspace-files-slice';
import '../import/import.css';
import { PostmanExport } from './PostmanExport';

const LANGUAGES = [
  ['curl-bash', 'cURL (bash)'],
  ['curl-cmd', 'cURL (Windows cmd)'],
  ['fetch', 'JavaScript fetch'],
  ['python-requests', 'Python requests'],
  ['httpie', 'HTTPie'],
] as const;
type Language = (typeof LANGUAGES)[number][0];

/** The draft to export and the saved request it is: the main side adds what its folders give it. */
function draftFor(request: SavedRequest | undefined) {
  const tab = activeTab(useLantern.getState());
  const savedRequestId = request?.id ?? fileIdOf(tab.sourceId);
  return {
    name: request?.name ?? tab.name ?? 'this request',
    draft: request ? request.draft : tab.draft,
    ...(savedRequestId ? { savedRequestId } : {}),
  };
}

/** Export a request as code (secrets as {{placeholders}} unless explicitly included), or the workspace to Postman. */
export function ExportDialog({ request, onClose }: { request?: SavedRequest; onClose: () => void }) {
  const [{ name, draft, savedRequestId }] = useState(() => draftFor(request));
  const [language, setLanguage] = useState<Language>('curl-bash');
  const [includeSecrets, setIncludeSecrets] = useState(false);
  const [code, setCode] = useState('');
  const [placeholders, setPlaceholders] = useState<string[]>([]);
  const [error, setError] = useState<string>();
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    let current = true;
    void useLantern
      .getState()
      .exportSnippet({
        draft,
        language,
        includeSecrets,
        ...(savedRequestId ? { savedRequestId } : {}),
      })
      .then((result) => {
        if (!current) return;
        if (!result.ok) return setError(result.error.message);
        setError(undefined);
        setCode(result.value.code);
        setPlaceholders(result.value.placeholders);
        setCopied(false);
      });
    return () => {
      current = false;
    };
  }, [draft, savedRequestId, language, includeSecrets]);
  return (
    <Modal
      testId="export-dialog"
      className="export-dialog"
      title={`Export “${name}”`}
      onClose={onClose}
      footer={
        <>
          <button
            type="button"
            data-testid="export-copy"
            onClick={() =>
              void navigator.clipboard?.writeText(code).then(
                () => setCopied(true),
                () => setCopied(false),
              )
            }
          >
            {copied ? 'Copied' : 'Copy'}
          </button>
          <ModalClose className="primary" testId="export-close">
            Close
          </ModalClose>
        </>
      }
    >
      <div className="export-options">
        <select
          aria-label="Language"
          data-testid="export-language"
          value={language}
          onChange={(e) => setLanguage(e.target.value as Language)}
        >
          {LANGUAGES.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
        <label className="import-check">
          <input
            type="checkbox"
            data-testid="export-include-secrets"
            checked={includeSecrets}
            onChange={(e) => setIncludeSecrets(e.target.checked)}
          />
          Include secrets (token, password) in the code
        </label>
      </div>
      {includeSecrets && (
        <p className="inline-error" data-testid="export-secrets-warning">
          The code now holds a real secret: do not paste it into tickets, chats or git.
        </p>
      )}
      <textarea
        className="export-code"
        readOnly
        rows={12}
        data-testid="export-code"
        value={code}
        aria-label="Exported code"
      />
      {placeholders.length > 0 && (
        <p className="hint" data-testid="export-placeholders">
          Fill in before running: {placeholders.map((p) => `{{${p}}}`).join(', ')}
        </p>
      )}
      {error && (
        <p className="inline-error" role="alert" data-testid="export-error">
          {error}
        </p>
      )}
      <PostmanExport />
    </Modal>
  );
}
