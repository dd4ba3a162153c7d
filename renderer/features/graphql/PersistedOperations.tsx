import { useState } from 'react';
import type { RequestDraft } from '../../../shared/model/request';
import { useLantern } from '../../store';
import type { RegistryState } from '../../store/graphql-slice';

interface PersistedOperationsProps {
  url: string;
  draft: RequestDraft;
  registry: RegistryState | undefined;
  operationName: string | undefined;
  onOperationName: (name: string) => void;
}

/** Where the sandbox lists its AJAX operations, offered as a starting point. */
function suggestedRegistryUrl(url: string): string {
  try {
    return new URL('/__sandbox/operations', url).toString();
  } catch {
    return '';
  }
}

/**
 * Persisted-operation mode (Totara AJAX): the server holds the query text, the request names it.
 * A registry (pasted, or fetched from a URL) completes names and checks variables.
 */
export function PersistedOperations({
  url,
  draft,
  registry,
  operationName,
  onOperationName,
}: PersistedOperationsProps) {
  const pasteRegistry = useLantern((s) => s.pasteRegistry);
  const fetchRegistry = useLantern((s) => s.fetchRegistry);
  const [registryUrl, setRegistryUrl] = useState(() => suggestedRegistryUrl(url));
  const [pasted, setPasted] = useState('');
  const [fetching, setFetching] = useState(false);
  const names = Object.keys(registry?.registry ?? {}).sort();
  const operation = operationName ? registry?.registry[operationName] : undefined;
  const fetchNow = async () => {
    setFetching(true);
    await fetchRegistry(url, registryUrl.trim(), draft);
    setFetching(false);
  };
  return (
    <div className="graphql-persisted" data-testid="graphql-persisted-panel">
      <label className="graphql-operation-name">
        Operation name{' '}
        <input
          list="graphql-registry-names"
          data-testid="graphql-operation-name"
          spellCheck={false}
          placeholder="e.g. totara_webapi_status"
          value={operationName ?? ''}
          onChange={(event) => onOperationName(event.target.value)}
        />
        <datalist id="graphql-registry-names">
          {names.map((name) => (
            <option key={name} value={name} />
          ))}
        </datalist>
      </label>
      {operation?.noSession && (
        <p className="hint" data-testid="graphql-nosession-note">
          {operation.name} ends in _nosession: it runs without a session, so Lantern sends no session cookie
          or sesskey for it.
        </p>
      )}
      {operationName && registry && !operation && (
        <p className="warning-note" data-testid="graphql-unknown-operation">
          &quot;{operationName}&quot; is not in the registry ({names.length} operations from {registry.source}
          ). The server will answer that it cannot find it unless the site has it.
        </p>
      )}
      {operation && (
        <details className="graphql-persisted-query">
          <summary>
            Stored {operation.type} · variables:{' '}
            {operation.variables.length === 0
              ? 'none'
              : operation.variables
                  .map(
                    (variable) =>
                      `$${variable.name}: ${variable.type}${variable.required ? ' (required)' : ''}`,
                  )
                  .join(', ')}
          </summary>
          <pre data-testid="graphql-persisted-query">{operation.query}</pre>
        </details>
      )}
      <details className="graphql-registry" open={!registry}>
        <summary data-testid="graphql-registry-summary">
          Operation registry:{' '}
          {registry ? `${names.length} operations from ${registry.source}` : 'none loaded'}
        </summary>
        <div className="graphql-registry-row">
          <input
            aria-label="Registry URL"
            data-testid="graphql-registry-url"
            placeholder="https://site/…/operations (JSON of name → query text)"
            spellCheck={false}
            value={registryUrl}
            onChange={(event) => setRegistryUrl(event.target.value)}
          />
          <button
            type="button"
            data-testid="graphql-registry-fetch"
            disabled={fetching || registryUrl.trim() === ''}
            onClick={() => void fetchNow()}
          >
            {fetching ? 'Fetching…' : 'Fetch'}
          </button>
        </div>
        <textarea
          aria-label="Paste operations"
          data-testid="graphql-registry-paste"
          placeholder={'Paste {"name": "query text", …} or .graphql operations'}
          rows={4}
          spellCheck={false}
          value={pasted}
          onChange={(event) => setPasted(event.target.value)}
        />
        <button
          type="button"
          data-testid="graphql-registry-use-pasted"
          disabled={pasted.trim() === ''}
          onClick={() => pasteRegistry(url, pasted)}
        >
          Use pasted operations
        </button>
        {registry?.problems.map((problem) => (
          <p key={problem} className="inline-error" data-testid="graphql-registry-problem">
            {problem}
          </p>
        ))}
      </details>
    </div>
  );
}
