import { useEffect, useState } from 'react';
import type { Assertion } from '../../../shared/assertions/model';
import type { CredentialSummary, RequestAuth } from '../../../shared/model/auth';
import type { Folder } from '../../../shared/model/collection';
import type { InheritanceView } from '../../../shared/model/inheritance';
import { KeyValueTable, type KeyValueRow } from '../../components/KeyValueTable';
import { Modal, ModalClose } from '../../components/Modal';
import { useLantern } from '../../store';
import { folderInheritanceOf } from '../../store/folder-inheritance-slice';
import { VariablesTable, type VariableRow } from '../environments/VariablesTable';
import { TestRows } from '../tests/TestRows';
import { InheritedList } from './InheritedList';

type AuthChoice = 'inherit' | 'none' | RequestAuth['type'];

function authChoice(auth: RequestAuth | undefined): AuthChoice {
  return auth === undefined ? 'inherit' : auth.type;
}

/** A folder's auth, headers, variables and tests, with what it inherits from the folders above it. */
export function FolderEditor({ folder, onClose }: { folder: Folder; onClose: () => void }) {
  const { workspaceCall } = useLantern.getState();
  const [headers, setHeaders] = useState<KeyValueRow[]>(folder.headers ?? []);
  const [tests, setTests] = useState<Assertion[]>(folder.tests ?? []);
  const [variables, setVariables] = useState<VariableRow[]>(
    // A secret arrives as its masked preview; sent back untouched, the main side keeps its value.
    (folder.variables ?? []).map((v) => ({ ...v, keepValue: v.secret })),
  );
  const [choice, setChoice] = useState<AuthChoice>(authChoice(folder.auth));
  const [credentialId, setCredentialId] = useState(
    folder.auth && folder.auth.type !== 'none' ? folder.auth.credentialId : '',
  );
  const credentials = useLantern((s) => s.credentials);
  // What the folders above give, as the main side computes it for sending.
  const inheritance = useLantern(folderInheritanceOf(folder.id));
  const inherited = inheritance?.view;
  const [error, setError] = useState<string>();
  useEffect(() => useLantern.getState().watchCredentials(), []);
  useEffect(() => useLantern.getState().watchFolderInheritance(folder.id), [folder.id]);
  const kinds: Record<string, string> = {
    bearer: 'bearer',
    basic: 'basic',
    oauth2: 'oauth2',
    session: 'session',
    browserSession: 'browserSession',
    apiKey: 'apiKey',
  };
  const matching = credentials.filter((c) => choice === kinds[c.kind]);

  const save = async () => {
    let auth: RequestAuth | undefined;
    if (choice === 'none') auth = { type: 'none' };
    else if (choice !== 'inherit') {
      if (!credentialId) return setError('Pick the credential this folder’s requests should use.');
      auth =
        choice === 'apiKey'
          ? { type: 'apiKey', credentialId, name: 'X-API-Key', in: 'header' }
          : { type: choice, credentialId };
    }
    const result = await workspaceCall('updateFolder', {
      id: folder.id,
      headers: headers.filter((h) => h.name.trim() !== ''),
      variables: variables
        .filter((v) => v.name.trim() !== '')
        .map(({ name, value, secret }) => ({ name, value, secret })),
      tests,
      ...(auth ? { auth } : {}),
    });
    if (result) onClose();
    else setError(useLantern.getState().workspaceError);
  };

  return (
    <Modal
      testId="folder-editor"
      className="folder-editor"
      title={`${folder.name}: what its requests inherit`}
      onClose={onClose}
      footer={
        <>
          <ModalClose testId="folder-editor-cancel">Cancel</ModalClose>
          <button
            type="button"
            className="primary"
            data-testid="folder-editor-save"
            onClick={() => void save()}
          >
            Save
          </button>
        </>
      }
    >
      <p className="hint">
        A request uses its own value first, then the nearest folder’s. Auth is inherited when the request’s
        own auth is “none” and it inherits (the default).
      </p>
      <h3>Auth</h3>
      <div className="folder-auth">
        <select
          aria-label="Folder auth"
          data-testid="folder-auth-type"
          value={choice}
          onChange={(e) => setChoice(e.target.value as AuthChoice)}
        >
          <option value="inherit">Inherit from above</option>
          <option value="none">No auth</option>
          <option value="bearer">Bearer token</option>
          <option value="basic">Basic</option>
          <option value="oauth2">OAuth 2</option>
          <option value="session">Session login</option>
          <option value="browserSession">Session from a browser</option>
          <option value="apiKey">API key</option>
        </select>
        {choice !== 'inherit' && choice !== 'none' && (
          <select
            aria-label="Credential"
            data-testid="folder-auth-credential"
            value={credentialId}
            onChange={(e) => setCredentialId(e.target.value)}
          >
            <option value="">choose a credential…</option>
            {matching.map((c) => (
              <option key={c.id} value={c.id}>
                {c.label}
              </option>
            ))}
          </select>
        )}
      </div>
      {choice === 'inherit' && (
        <p className="hint" data-testid="folder-auth-effective">
          Effective: {effectiveAuth(inheritance, credentials)}
        </p>
      )}
      {inheritance?.error && (
        <p className="inline-error" data-testid="folder-inherited-error">
          {inheritance.error}
        </p>
      )}
      <h3>Headers</h3>
      <KeyValueTable rows={headers} onChange={setHeaders} testId="folder-header" noun="header" />
      <InheritedList
        title="Inherited headers"
        testId="folder-inherited-headers"
        items={(inherited?.headers ?? []).map((h) => ({
          name: h.name,
          value: h.value,
          from: h.from,
          overridden: headers.some((own) => own.enabled && own.name.toLowerCase() === h.name.toLowerCase()),
        }))}
      />
      <h3>Variables</h3>
      <VariablesTable rows={variables} readOnly={false} onChange={setVariables} />
      <p className="hint">
        A secret folder variable&apos;s value is kept encrypted in this computer&apos;s vault, never in the
        workspace files: a colleague who opens the workspace types their own.
      </p>
      <InheritedList
        title="Inherited variables"
        testId="folder-inherited-variables"
        items={(inherited?.variables ?? []).map((v) => ({
          name: v.name,
          value: v.missing ? '(no value on this computer)' : v.value,
          from: v.from,
          overridden: variables.some((own) => own.name === v.name),
        }))}
      />
      <h3>Tests</h3>
      <p className="hint">
        Checked after the response of every request in this folder and its sub-folders, before the
        request&apos;s own tests; {'{{variables}}'} work in expected values.
      </p>
      <div data-testid="folder-tests">
        <TestRows tests={tests} onChange={setTests} />
      </div>
      {error && (
        <p className="inline-error" role="alert" data-testid="folder-editor-error">
          {error}
        </p>
      )}
    </Modal>
  );
}

function effectiveAuth(
  inheritance: { view: InheritanceView | undefined; error: string | undefined } | undefined,
  credentials: CredentialSummary[],
): string {
  if (!inheritance?.view) return inheritance?.error ? 'not known (see below)' : 'checking the folders above…';
  const auth = inheritance.view.auth;
  if (!auth) return 'no auth (nothing above sets one)';
  return `${labelOf(auth.value, credentials)} (from ${auth.from})`;
}

function labelOf(auth: RequestAuth, credentials: CredentialSummary[]): string {
  if (auth.type === 'none') return 'no auth';
  return `${auth.type} · ${credentials.find((c) => c.id === auth.credentialId)?.label ?? auth.credentialId}`;
}
