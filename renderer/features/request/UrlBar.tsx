import { useMemo, useState } from 'react';
import { STANDARD_METHODS } from '../../../shared/model/request';
import { useActiveTab, useLantern } from '../../store';
import { definedNames, segmentVariables } from './variables';
import { activeInheritance } from '../../store/inheritance-slice';
import { undefinedVariablesOf } from '../../store/undefined-variables';
import { fileIdOf } from '../../store/workspace-files-slice';
import { onUrlPaste } from '../import/curl-paste';

const CUSTOM = '__custom__';

export function UrlBar() {
  const method = useActiveTab((t) => t.draft.method);
  const url = useActiveTab((t) => t.draft.url);
  const sending = useActiveTab((t) => t.phase === 'sending');
  const environments = useLantern((s) => s.environments);
  const environmentId = useLantern((s) => s.environmentId);
  const { editDraft, send, cancel } = useLantern.getState();
  const [customising, setCustomising] = useState(false);
  const standard = (STANDARD_METHODS as readonly string[]).includes(method);
  const savedRequest = useActiveTab((t) => fileIdOf(t.sourceId) !== undefined);
  const inherited = useLantern(activeInheritance);
  const segments = useMemo(() => {
    const defined = definedNames(environments, environmentId);
    // A saved request also sees its folders' variables, as the main side resolves them for the
    // send (a secret one without a value on this computer is not defined).
    for (const variable of inherited?.variables ?? []) if (!variable.missing) defined.add(variable.name);
    return segmentVariables(url, defined);
  }, [url, environments, environmentId, inherited]);
  // Until the main side has said what a saved request inherits, no name is called undefined.
  const knowsDefinitions = !savedRequest || inherited !== undefined;
  const draft = useActiveTab((t) => t.draft);
  const sourceId = useActiveTab((t) => t.sourceId);
  const replayOf = useActiveTab((t) => t.replayOf);
  const credentials = useLantern((s) => s.credentials);
  const blocked = useActiveTab((t) => t.blockedSends);
  // Every field is checked, not only the URL: each undefined name once, with where it is used.
  const problems = useMemo(
    () =>
      undefinedVariablesOf({
        tab: { draft, sourceId, replayOf },
        environments,
        environmentId,
        inherited,
        credentials,
      }) ?? [],
    [draft, sourceId, replayOf, environments, environmentId, inherited, credentials],
  );
  const urlInvalid = problems.some((p) => p.places.includes('the URL'));
  const nowhere = savedRequest
    ? 'the active environment, the globals or the request’s folders'
    : 'the active environment or the globals';
  const setMethod = (value: string) => editDraft((d) => ({ ...d, method: value }));
  return (
    <>
      <form
        className="url-bar"
        onSubmit={(event) => {
          event.preventDefault();
          void send();
        }}
      >
        {customising || !standard ? (
          <input
            aria-label="Custom method"
            data-testid="method-custom"
            className={`method method-input method-${method.toLowerCase()}`}
            value={method}
            autoFocus={customising}
            onChange={(event) => setMethod(event.target.value.toUpperCase().replace(/\s/g, ''))}
            onBlur={() => {
              setCustomising(false);
              if (method === '') setMethod('GET');
            }}
          />
        ) : (
          <select
            aria-label="Method"
            data-testid="method-select"
            className={`method method-${method.toLowerCase()}`}
            value={method}
            onChange={(event) => {
              if (event.target.value === CUSTOM) {
                setCustomising(true);
                setMethod('');
              } else setMethod(event.target.value);
            }}
          >
            {STANDARD_METHODS.map((m) => (
              <option key={m}>{m}</option>
            ))}
            <option value={CUSTOM}>Custom…</option>
          </select>
        )}
        <div className="url-field">
          <div className="url-backdrop" aria-hidden="true">
            {segments.map((segment, index) =>
              segment.variable ? (
                <mark
                  key={index}
                  className={segment.variable.defined || !knowsDefinitions ? 'var' : 'var undefined'}
                >
                  {segment.text}
                </mark>
              ) : (
                <span key={index}>{segment.text}</span>
              ),
            )}
          </div>
          <input
            id="url-input"
            aria-label="URL"
            aria-invalid={urlInvalid}
            data-testid="url-input"
            className="url"
            placeholder="https://api.example.com/users — or paste a cURL command"
            spellCheck={false}
            autoComplete="off"
            value={url}
            onChange={(event) => editDraft((d) => ({ ...d, url: event.target.value }))}
            onPaste={onUrlPaste}
          />
        </div>
        {sending ? (
          <button
            type="button"
            data-testid="cancel-button"
            className="danger"
            title="Cancel (Esc)"
            onClick={() => void cancel()}
          >
            Cancel
          </button>
        ) : (
          <button type="submit" data-testid="send-button" className="primary" title="Send (Ctrl/Cmd+Enter)">
            Send
          </button>
        )}
      </form>
      {problems.length > 0 && (
        <div
          className={`variable-warning${blocked > 0 ? ' attention' : ''}`}
          data-testid="url-undefined-variables"
          role={blocked > 0 ? 'alert' : undefined}
          key={blocked}
        >
          {problems.some((p) => p.secretWithoutValueIn !== undefined) ? (
            <>{blocked > 0 ? 'Not sent: these' : 'These'} variables have no value here:</>
          ) : (
            <>
              {blocked > 0 ? 'Not sent: these' : 'These'} variables are not defined in {nowhere}:
            </>
          )}
          <ul>
            {problems.map(({ name, places, secretWithoutValueIn }) => (
              <li key={name} data-testid={`undefined-variable-${name}`}>
                <code>{`{{${name}}}`}</code> in {places.join(', ')}
                {secretWithoutValueIn !== undefined
                  ? ` — a secret of the folder “${secretWithoutValueIn}” with no value on this computer (secret values stay on the computer that set them): enter it in the folder’s settings`
                  : problems.some((p) => p.secretWithoutValueIn !== undefined)
                    ? ` — not defined in ${nowhere}`
                    : ''}
              </li>
            ))}
          </ul>
          {problems.some((p) => p.secretWithoutValueIn === undefined) &&
            'Define them (Ctrl/Cmd+E picks the environment) and send again.'}
        </div>
      )}
    </>
  );
}
