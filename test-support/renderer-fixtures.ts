/** For renderer unit tests: small, complete values of the contract's types. */
import type { WorkspaceView } from '../shared/calls/workspace-calls';
import type { CredentialSummary } from '../shared/model/auth';
import type { Folder } from '../shared/model/collection';
import type { CookieSummary } from '../shared/model/cookies';
import type { EnvironmentSummary } from '../shared/model/environment';
import type { InheritanceView } from '../shared/model/inheritance';
import type { RequestDraft } from '../shared/model/request';
import type { TokenSummary } from '../shared/model/token';
import type { VaultStatusView } from '../shared/model/vault';

export const draftOf = (url: string): RequestDraft => ({
  method: 'GET',
  url,
  headers: [],
  body: { mode: 'none' },
  auth: { type: 'none' },
});

export const credentialOf = (id: string, label = id): CredentialSummary => ({
  id,
  kind: 'bearer',
  label,
  details: [],
  secretPreview: '••••abcd',
  fields: {},
});

export const tokenOf = (id: string): TokenSummary => ({
  id,
  credentialId: 'client',
  clientLabel: 'Totara client',
  clientId: 'lantern',
  tokenType: 'Bearer',
  issuedAt: 0,
  maskedValue: '••••9f3a',
  usedBy: [],
});

export const cookieOf = (name: string, domain = '127.0.0.1'): CookieSummary => ({
  name,
  value: '••••',
  domain,
  path: '/',
  hostOnly: true,
  secure: false,
  httpOnly: true,
});

export const environmentOf = (id: string, name = id): EnvironmentSummary => ({
  id,
  name,
  builtIn: false,
  variables: [],
});

export const vaultOf = (ok: boolean): VaultStatusView => ({
  ok,
  protection: 'key-file',
  description: 'The vault key is in a file readable only by you.',
  file: '/data/vault.json',
  ...(ok ? {} : { problem: 'The vault was encrypted with another key.' }),
  notes: [],
  problems: [],
});

export const inheritanceOf = (headerValue: string): InheritanceView => ({
  headers: [{ name: 'X-Team', value: headerValue, from: 'Parent', fromId: 'parent', overridden: false }],
  variables: [],
  authUsed: 'none',
});

export function workspaceOf(id: string, root: Partial<Folder> = {}): WorkspaceView {
  return {
    id,
    name: id,
    path: `/workspaces/${id}`,
    root: { id: 'root', name: id, folders: [], requests: [], ...root },
    environments: [],
    environmentIds: {},
    problems: [],
    revisions: {},
  };
}
