import type { RequestAuth } from '../model/auth';
import type { Folder, SavedRequest } from '../model/collection';
import type { HeaderRow, RequestBody, RequestDraft } from '../model/request';

/**
 * What a saved request inherits from the folders above it (issue 7 §2). Pure: used by the
 * renderer before `send`, by the sidebar to show effective values, and by the CLI runner.
 *
 * Precedence, strongest first: the request itself, then the nearest folder, then folders further
 * up. Auth is inherited only when the request's own auth is "none" and `inheritAuth` is true; the
 * nearest folder that sets an auth (even "none") decides. Folder variables are filled into the
 * draft here (they beat the environment, as in Bruno); a `{{name}}` no folder defines is left for
 * the main side to resolve against the environment and the globals. Secret folder variables hold
 * no value on disk, so they are never filled in here.
 */

export interface Inherited<T> {
  value: T;
  /** The folder it comes from (its name), or "this request". */
  from: string;
  fromId: string;
}

export interface EffectiveSettings {
  headers: Inherited<HeaderRow>[];
  variables: Inherited<{ name: string; value: string }>[];
  auth: Inherited<RequestAuth> | undefined;
}

/** The folders from the workspace root down to the one holding `requestId` (or being `folderId`). */
export function folderChain(root: Folder, targetId: string): Folder[] | undefined {
  if (root.id === targetId) return [root];
  if (root.requests.some((request) => request.id === targetId)) return [root];
  for (const child of root.folders) {
    const below = folderChain(child, targetId);
    if (below) return [root, ...below];
  }
  return undefined;
}

export function findRequest(root: Folder, requestId: string): SavedRequest | undefined {
  for (const request of root.requests) if (request.id === requestId) return request;
  for (const child of root.folders) {
    const found = findRequest(child, requestId);
    if (found) return found;
  }
  return undefined;
}

const lower = (name: string) => name.trim().toLowerCase();

/** What a chain of folders gives a request, nearest folder winning. */
export function inheritedSettings(chain: readonly Folder[]): EffectiveSettings {
  const headers = new Map<string, Inherited<HeaderRow>>();
  const variables = new Map<string, Inherited<{ name: string; value: string }>>();
  let auth: Inherited<RequestAuth> | undefined;
  for (const folder of chain) {
    for (const header of folder.headers ?? []) {
      if (!header.enabled || header.name.trim() === '') continue;
      headers.set(lower(header.name), { value: header, from: folder.name, fromId: folder.id });
    }
    for (const variable of folder.variables ?? []) {
      if (variable.secret || variable.name.trim() === '') continue;
      variables.set(variable.name, {
        value: { name: variable.name, value: variable.value },
        from: folder.name,
        fromId: folder.id,
      });
    }
    if (folder.auth) auth = { value: folder.auth, from: folder.name, fromId: folder.id };
  }
  return { headers: [...headers.values()], variables: [...variables.values()], auth };
}

export interface EffectiveRequest {
  /** The draft to send: inherited headers and auth merged in, folder variables filled in. */
  draft: RequestDraft;
  settings: EffectiveSettings;
}

/** The request as it will be sent from its place in the workspace. */
export function effectiveRequest(
  draft: RequestDraft,
  inheritAuth: boolean,
  chain: readonly Folder[],
): EffectiveRequest {
  const inherited = inheritedSettings(chain);
  const own = new Set(draft.headers.filter((h) => h.enabled).map((h) => lower(h.name)));
  const extra = inherited.headers.filter((h) => !own.has(lower(h.value.name)));
  const useFolderAuth = draft.auth.type === 'none' && inheritAuth && inherited.auth !== undefined;
  // Folder tests add up (outermost first), then the request's own: each row says where it is from.
  const folderTests = chain.flatMap((folder) =>
    (folder.tests ?? []).map((test) => ({ ...test, from: folder.name })),
  );
  const merged: RequestDraft = {
    ...draft,
    headers: [...extra.map((h) => ({ ...h.value })), ...draft.headers],
    auth: useFolderAuth && inherited.auth ? inherited.auth.value : draft.auth,
    // Rows already marked inherited (a history re-send) are derived again, not doubled.
    ...(folderTests.length > 0
      ? { tests: [...folderTests, ...(draft.tests ?? []).filter((test) => test.from === undefined)] }
      : {}),
  };
  const settings: EffectiveSettings = {
    headers: [
      ...extra,
      ...draft.headers.filter((h) => h.enabled).map((value) => ({ value, from: 'this request', fromId: '' })),
    ],
    variables: inherited.variables,
    auth:
      draft.auth.type !== 'none' || !inheritAuth
        ? { value: draft.auth, from: 'this request', fromId: '' }
        : inherited.auth,
  };
  const values = Object.fromEntries(inherited.variables.map((v) => [v.value.name, v.value.value]));
  return { draft: fillVariables(merged, values), settings };
}

const REFERENCE = /\{\{\s*([A-Za-z0-9_.-]+)\s*\}\}/g;

/** Replaces `{{name}}` for the names given (values may refer to each other, up to 10 deep). */
export function fillText(text: string, values: Readonly<Record<string, string>>): string {
  let current = text;
  for (let depth = 0; depth < 10; depth += 1) {
    const next = current.replace(REFERENCE, (whole, name: string) =>
      Object.hasOwn(values, name) ? (values[name] as string) : whole,
    );
    if (next === current) return next;
    current = next;
  }
  return current;
}

function fillBody(body: RequestBody, fill: (text: string) => string): RequestBody {
  switch (body.mode) {
    case 'none':
      return body;
    case 'json':
      return { ...body, text: fill(body.text) };
    case 'raw':
      return { ...body, text: fill(body.text), contentType: fill(body.contentType) };
    case 'form-urlencoded':
      return {
        ...body,
        fields: body.fields.map((f) => ({ ...f, name: fill(f.name), value: fill(f.value) })),
      };
    case 'multipart':
      return {
        ...body,
        fields: body.fields.map((f) =>
          f.kind === 'text'
            ? { ...f, name: fill(f.name), value: fill(f.value) }
            : { ...f, name: fill(f.name), path: fill(f.path) },
        ),
      };
    case 'binary':
      return { ...body, path: fill(body.path) };
    case 'graphql':
      return { ...body, query: fill(body.query), variables: fill(body.variables) };
  }
}

/** Fills the given variables into every text of a draft the main side would resolve. */
export function fillVariables(draft: RequestDraft, values: Readonly<Record<string, string>>): RequestDraft {
  if (Object.keys(values).length === 0) return draft;
  const fill = (text: string) => fillText(text, values);
  return {
    ...draft,
    url: fill(draft.url),
    headers: draft.headers.map((h) => ({ ...h, name: fill(h.name), value: fill(h.value) })),
    body: fillBody(draft.body, fill),
    ...(draft.disabledParams
      ? { disabledParams: draft.disabledParams.map((p) => ({ ...p, value: fill(p.value) })) }
      : {}),
  };
}

/** A saved request's effective draft, looked up in the workspace tree. */
export function effectiveSavedRequest(
  root: Folder,
  request: SavedRequest,
  draft = request.draft,
): EffectiveRequest {
  return effectiveRequest(draft, request.inheritAuth, folderChain(root, request.id) ?? [root]);
}
