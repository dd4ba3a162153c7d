import type { Collection, Folder, SavedRequest } from '../model/collection';
import type { HeaderRow, RequestDraft } from '../model/request';
import { parseQueryParams, withQueryParams } from '../url/query-params';
import { folderAuth, requestAuth } from './auth-outcome';
import { liftAuthorizationHeader } from './authorization-header';
import { liftSessionHeaders } from './session-headers';
import {
  capitalise,
  describePlace,
  draftTexts,
  ImportContext,
  requestName,
  type ImportResult,
} from './import-context';
import { withoutSecretValues } from './disabled-params';
import {
  convertTemplate,
  flattenData,
  pairsOf,
  readInsomniaAuth,
  readInsomniaBody,
  str,
  type InsomniaResource,
} from './insomnia-parts';
import { fail, isRecord, parseJsonFile } from './json-input';
import { ownScripts, UnitTests } from './insomnia-scripts';
import { carryScripts, withFolderScripts, withScriptNote } from './script-import';

const HOW_TO_EXPORT =
  'In Insomnia, open the collection\'s menu, choose Export, pick "Insomnia v4 (JSON)", and import that file.';

/** Kinds of resource that hold no HTTP request, and what the report says about them. */
const NOT_IMPORTED: Record<string, string> = {
  cookie_jar: 'cookie jar',
  api_spec: 'API design document',
  websocket_request: 'WebSocket request',
  grpc_request: 'gRPC request',
  proto_file: 'proto file',
  proto_directory: 'proto folder',
  mock_server: 'mock server',
  mock_route: 'mock route',
};

const resourcesOf = (value: unknown): InsomniaResource[] | string => {
  if (!isRecord(value)) return 'This JSON is not an Insomnia export: it is not an object.';
  if (value._type !== 'export' || !Array.isArray(value.resources)) {
    return 'This JSON is not an Insomnia export: it has no "_type": "export" and "resources".';
  }
  if (value.__export_format !== 4) {
    return `This Insomnia export is in format ${str(value.__export_format)}, and Lantern reads format 4.`;
  }
  // A number where a string id belongs is still that id: it is read as text, not dropped.
  return value.resources.filter(isRecord).map((r) => ({
    ...r,
    _id: idText(r._id),
    _type: typeof r._type === 'string' ? r._type : '',
    parentId: r.parentId === null || r.parentId === undefined ? null : idText(r.parentId),
  }));
};

const idText = (id: unknown): string =>
  typeof id === 'string' ? id : typeof id === 'number' || typeof id === 'boolean' ? String(id) : '';

const bySortKey = (a: InsomniaResource, b: InsomniaResource) =>
  (typeof a.metaSortKey === 'number' ? a.metaSortKey : 0) -
  (typeof b.metaSortKey === 'number' ? b.metaSortKey : 0);

class InsomniaReader {
  private readonly unitTests: UnitTests;

  constructor(
    private readonly resources: InsomniaResource[],
    private readonly ctx: ImportContext,
  ) {
    this.unitTests = new UnitTests(resources);
  }

  /** Requests and folders placed in the collection, so that none is lost without a word. */
  readonly placed = new Set<InsomniaResource>();

  childrenOf(parentId: string, type?: string): InsomniaResource[] {
    if (parentId === '') return [];
    return this.resources
      .filter((r) => r.parentId === parentId && (!type || r._type === type))
      .sort(bySortKey);
  }

  /** Requests and folders whose parent is not in the file (or that have no id), placed at the top. */
  orphans(): InsomniaResource[] {
    return this.resources.filter(
      (r) => (r._type === 'request' || r._type === 'request_group') && !this.placed.has(r),
    );
  }

  headers(value: unknown): HeaderRow[] {
    return pairsOf(value).map(({ name, value: v, enabled }) => ({ name, value: v, enabled }));
  }

  request(resource: InsomniaResource, path: readonly string[]): SavedRequest {
    const method = str(resource.method).toUpperCase() || 'GET';
    let url = convertTemplate(str(resource.url));
    // A name made from the address leaves out its query: it may hold a secret (`?sesskey=…`).
    const name = str(resource.name).trim() || (url.trim() ? requestName(method, url) : 'Untitled request');
    const where = describePlace('request', name, path);
    const params = pairsOf(resource.parameters);
    const existing = parseQueryParams(url).length;
    if (params.some((p) => p.enabled))
      url = withQueryParams(url, [...parseQueryParams(url), ...params.filter((p) => p.enabled)]);
    const disabledParams = withoutSecretValues(
      params.flatMap((p, i) => (p.enabled ? [] : [{ name: p.name, value: p.value, index: existing + i }])),
      this.ctx,
      where,
    );
    const body = readInsomniaBody(resource.body, this.ctx, where);
    let headers = this.headers(resource.headers);
    // The sender writes multipart's Content-Type itself: it must carry the boundary it chose.
    if (body.mode === 'multipart') headers = headers.filter((h) => h.name.toLowerCase() !== 'content-type');
    const byHeader = liftAuthorizationHeader(
      headers,
      readInsomniaAuth(resource.authentication),
      this.ctx,
      where,
    );
    const lifted = liftSessionHeaders(byHeader.headers, byHeader.outcome, this.ctx, where, url);
    const { auth, inheritAuth } = requestAuth(lifted.outcome, this.ctx, where);
    const draft: RequestDraft = {
      method,
      url: lifted.url,
      headers: lifted.headers,
      body,
      auth,
      ...(disabledParams.length > 0 ? { disabledParams } : {}),
    };
    this.reportTemplateTags(draft, where);
    const scripts = carryScripts(
      [...ownScripts(resource), ...this.unitTests.forRequest(resource._id)],
      where,
      this.ctx,
    );
    if (scripts.tests.length > 0) draft.tests = scripts.tests;
    if (scripts.captures.length > 0) draft.captures = scripts.captures;
    const description = withScriptNote(str(resource.description).trim() || undefined, scripts.note);
    return {
      id: this.ctx.id(resource._id, 'request'),
      name,
      ...(description ? { description } : {}),
      draft,
      inheritAuth,
    };
  }

  reportTemplateTags(draft: RequestDraft, where: string): void {
    const tags = new Set<string>();
    for (const text of draftTexts(draft))
      for (const m of text.matchAll(/\{%\s*(\w+)[^%]*%\}/g)) tags.add(m[1] ?? '');
    if (tags.size === 0) return;
    const list = [...tags].map((tag) => `{% ${tag} %}`).join(', ');
    this.ctx.skip(
      `${capitalise(where)} uses the Insomnia template tag${tags.size > 1 ? 's' : ''} ${list}. The text was kept,` +
        ' but Lantern does not run template tags: replace them with a value or a variable.',
    );
  }

  /** Fills a folder (or the workspace's root folder) from the resources under `parentId`. */
  fill(folder: Folder, parentId: string, path: readonly string[]): Folder {
    for (const child of this.childrenOf(parentId)) {
      if (child._type === 'request' || child._type === 'request_group') {
        if (this.placed.has(child)) continue; // a folder that is its own ancestor
        this.placed.add(child);
      }
      if (child._type === 'request') folder.requests.push(this.request(child, path));
      else if (child._type === 'request_group') folder.folders.push(this.group(child, path));
      else if (child._type === 'unit_test_suite')
        continue; // its tests go with the requests they send
      else if (child._type !== 'environment' && child._type in NOT_IMPORTED) {
        const where = path.length > 0 ? ` in ${path.join(' / ')}` : '';
        const label = str(child.name) ? ` "${str(child.name)}"` : '';
        const why =
          child._type === 'cookie_jar'
            ? 'its cookies are login sessions, which are secrets. Log in again from Lantern.'
            : 'Lantern imports HTTP requests.';
        this.ctx.skip(`The ${NOT_IMPORTED[child._type]}${label}${where} was not imported: ${why}`);
      }
    }
    return folder;
  }

  /** Unit tests whose request is not in the file, or that name none: said, never dropped. */
  reportUnusedUnitTests(): void {
    for (const { test, suite } of this.unitTests.unused())
      this.ctx.skip(
        `The Insomnia unit test "${str(test.name) || 'Untitled test'}" of the suite "${suite}" was not imported: ${test.requestId ? `the request it sends (${str(test.requestId)}) is not in the file` : 'it names no request to send'}. Its code: ${str(test.code).replace(/\s+/g, ' ').trim().slice(0, 300)}`,
      );
  }

  group(resource: InsomniaResource, path: readonly string[]): Folder {
    const name = str(resource.name).trim() || 'Untitled folder';
    const where = describePlace('folder', name, path);
    const folder: Folder = { id: this.ctx.id(resource._id, 'folder'), name, folders: [], requests: [] };
    const scripts = carryScripts(ownScripts(resource), where, this.ctx, true);
    withFolderScripts(folder, str(resource.description).trim() || undefined, scripts);
    const auth = folderAuth(readInsomniaAuth(resource.authentication), this.ctx, where);
    if (auth) folder.auth = auth;
    const headers = this.headers(resource.headers);
    if (headers.length > 0) folder.headers = headers;
    const variables = this.ctx.variables(flattenData(resource.environment), where);
    if (variables.length > 0) folder.variables = variables;
    return this.fill(folder, resource._id, [...path, name]);
  }
}

/**
 * Imports an Insomnia v4 export (JSON): each workspace's request groups become folders, its
 * base environment the collection's variables, and its sub-environments the environments.
 */
export function importInsomnia(jsonText: string): ImportResult {
  const parsed = parseJsonFile(jsonText, 'Insomnia export', HOW_TO_EXPORT);
  if (!parsed.ok) return parsed;
  const resources = resourcesOf(parsed.value);
  if (typeof resources === 'string') return fail(`${resources} ${HOW_TO_EXPORT}`);
  const workspaces = resources.filter((r) => r._type === 'workspace');
  if (workspaces.length === 0)
    return fail(`This Insomnia export holds no workspace, so there is nothing to import. ${HOW_TO_EXPORT}`);

  const ctx = new ImportContext();
  const reader = new InsomniaReader(resources, ctx);
  const single = workspaces.length === 1;
  const name = single
    ? str(workspaces[0]?.name).trim() || 'Imported from Insomnia'
    : 'Imported from Insomnia';
  const root: Folder = {
    id: ctx.id(single ? workspaces[0]?._id : undefined, 'collection'),
    name,
    folders: [],
    requests: [],
  };
  const environments: Collection['environments'] = [];

  for (const workspace of workspaces) {
    const workspaceName = str(workspace.name).trim() || 'Workspace';
    const folder: Folder = single
      ? root
      : { id: ctx.id(workspace._id, 'folder'), name: workspaceName, folders: [], requests: [] };
    const description = str(workspace.description).trim();
    if (description) folder.description = description;
    const where = single ? `the collection "${name}"` : describePlace('folder', workspaceName, []);
    for (const base of reader.childrenOf(workspace._id, 'environment')) {
      const variables = ctx.variables(flattenData(base.data), `the base environment of ${where}`);
      if (variables.length > 0) folder.variables = [...(folder.variables ?? []), ...variables];
      for (const sub of reader.childrenOf(base._id, 'environment')) {
        const envName = (single ? '' : `${workspaceName} / `) + (str(sub.name).trim() || 'Environment');
        environments.push({
          name: envName,
          variables: ctx.variables(flattenData(sub.data), `environment "${envName}"`),
        });
      }
    }
    reader.fill(folder, workspace._id, single ? [] : [workspaceName]);
    if (!single) root.folders.push(folder);
  }
  // Whatever no workspace reaches (its folder is missing from the file) is kept at the top, and said.
  for (let orphan = reader.orphans()[0]; orphan; orphan = reader.orphans()[0]) {
    reader.placed.add(orphan);
    const label =
      str(orphan.name).trim() || (orphan._type === 'request' ? 'Untitled request' : 'Untitled folder');
    const parent = orphan.parentId
      ? `its folder (${orphan.parentId}) is not in the file`
      : 'it names no folder';
    if (orphan._type === 'request') root.requests.push(reader.request(orphan, []));
    else root.folders.push(reader.group(orphan, []));
    ctx.skip(
      `The ${orphan._type === 'request' ? 'request' : 'folder'} "${label}" was put at the top of the collection: ${parent}.`,
    );
  }
  reader.reportUnusedUnitTests();
  const collection: Collection = { name, root, environments, credentials: ctx.credentials };
  return { ok: true, report: ctx.report(collection) };
}
