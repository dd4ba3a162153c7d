import type { Collection, Folder, SavedRequest } from '../model/collection';
import type { HeaderRow, RequestDraft } from '../model/request';
import { folderAuth, requestAuth } from './auth-outcome';
import { liftAuthorizationHeader } from './authorization-header';
import { liftSessionHeaders } from './session-headers';
import { withoutSecretValues } from './disabled-params';
import { capitalise, describePlace, ImportContext, type ImportResult } from './import-context';
import { fail, firstIssuePath, isRecord, parseJsonFile } from './json-input';
import { readPostmanAuth } from './postman-auth';
import { readPostmanBody } from './postman-body';
import { carryScripts, withFolderScripts, withScriptNote, type SourceScript } from './script-import';
import { POSTMAN } from './script-tests';
import { readPostmanEnvironment, type CollectionEnvironment } from './postman-environment';
import {
  descriptionText,
  postmanCollectionSchema,
  text,
  type PostmanEvent,
  type PostmanItem,
  type PostmanPair,
  type PostmanUrl,
} from './postman-source';

const HOW_TO_EXPORT =
  'In Postman, choose the collection, then "…" → Export → Collection v2.1, and import that file.';

/** Old v1 exports have top-level `requests` and `order` instead of `info` and `item`. */
function wrongShape(value: unknown): string | undefined {
  if (!isRecord(value)) return 'This JSON is not a Postman collection: it is not an object.';
  const schema = isRecord(value.info) && typeof value.info.schema === 'string' ? value.info.schema : '';
  if (Array.isArray(value.requests) || /collection\/v1/.test(schema)) {
    return (
      'This is a Postman collection in the old v1 format, which Lantern does not read. Import it into' +
      ' Postman, then export it again as Collection v2.1 and import that file.'
    );
  }
  if (Array.isArray(value.values) && !('item' in value)) {
    return 'This is a Postman environment, not a collection. Import the collection, and add this file as its environment.';
  }
  if (!isRecord(value.info) || !Array.isArray(value.item)) {
    return 'This JSON is not a Postman collection: it has no "info" and "item" sections.';
  }
  return undefined;
}

/** A Postman item's `event` list: test scripts translated, pre-request scripts kept (see script-import.ts). */
function readScripts(
  events: readonly PostmanEvent[] | undefined,
  where: string,
  ctx: ImportContext,
  isFolder = false,
) {
  const scripts: SourceScript[] = (events ?? []).flatMap((event) => {
    const exec = event.script?.exec;
    const code = Array.isArray(exec) ? exec.join('\n') : (exec ?? '');
    if (event.listen !== 'test' && event.listen !== 'prerequest') {
      if (code.trim() !== '')
        ctx.skip(
          `The ${event.listen ?? 'unnamed'} script of ${where} was not imported: Postman runs it at no step Lantern has.`,
        );
      return [];
    }
    const kind = event.listen === 'test' ? ('test' as const) : ('pre-request' as const);
    return [
      {
        kind,
        code,
        label: `${kind} script`,
        tool: 'Postman',
        dialect: POSTMAN,
        disabled: event.disabled === true,
      },
    ];
  });
  return carryScripts(scripts, where, ctx, isFolder);
}

/** Postman variables as the secret rule sees them. */
function sourceVariables(list: readonly PostmanPair[] | undefined) {
  return (list ?? [])
    .filter((v) => (v.key ?? '') !== '')
    .map((v) => ({
      name: v.key ?? '',
      value: text(v.value),
      markedSecret: v.type === 'secret',
      disabled: v.disabled === true,
    }));
}

function readUrl(
  url: PostmanUrl | undefined,
): Pick<RequestDraft, 'url' | 'disabledParams'> & { pathValues: PostmanPair[] } {
  if (url === undefined || typeof url === 'string') return { url: url ?? '', pathValues: [] };
  const query = url.query ?? [];
  let raw = url.raw;
  if (raw === undefined) {
    const host = Array.isArray(url.host) ? url.host.join('.') : (url.host ?? '');
    const segments = typeof url.path === 'string' ? [url.path] : (url.path ?? []);
    const path = segments.map((s) => (typeof s === 'string' ? s : s.value)).join('/');
    const search = query.filter((p) => !p.disabled).map((p) => `${p.key ?? ''}=${text(p.value)}`);
    raw = `${url.protocol ? `${url.protocol}://` : ''}${host}${url.port ? `:${url.port}` : ''}${path ? `/${path}` : ''}`;
    if (search.length > 0) raw += `?${search.join('&')}`;
  }
  const disabledParams = query.flatMap((p, index) =>
    p.disabled ? [{ name: p.key ?? '', value: text(p.value), index }] : [],
  );
  return {
    url: raw,
    pathValues: url.variable ?? [],
    ...(disabledParams.length > 0 ? { disabledParams } : {}),
  };
}

function readHeaders(header: PostmanPair[] | string | undefined): HeaderRow[] {
  if (typeof header === 'string') {
    return header
      .split(/\r?\n/)
      .filter((line) => line.includes(':'))
      .map((line) => ({
        name: line.slice(0, line.indexOf(':')).trim(),
        value: line.slice(line.indexOf(':') + 1).trim(),
        enabled: true,
      }));
  }
  return (header ?? []).map((h) => ({ name: h.key ?? '', value: text(h.value), enabled: !h.disabled }));
}

function reportPathParameters(
  url: string,
  values: readonly PostmanPair[],
  where: string,
  ctx: ImportContext,
) {
  const path = url.replace(/^[a-z][\w+.-]*:\/\/[^/]*/i, '').split(/[?#]/)[0] ?? '';
  for (const match of path.matchAll(/\/:([A-Za-z_][\w-]*)/g)) {
    const name = match[1] ?? '';
    const value = values.find((v) => v.key === name);
    const known = value && text(value.value) !== '' ? ` (Postman's value: "${text(value.value)}")` : '';
    ctx.skip(
      `${capitalise(where)} uses the path parameter :${name}${known}. It was kept as typed, and Lantern` +
        ` sends it as is: replace it with a value or with {{${name}}}.`,
    );
  }
}

function readRequest(item: PostmanItem, path: readonly string[], ctx: ImportContext): SavedRequest {
  const name = item.name?.trim() || 'Untitled request';
  const where = describePlace('request', name, path);
  const source = typeof item.request === 'string' ? { url: item.request } : (item.request ?? {});
  if (item.request === undefined)
    ctx.skip(
      `${capitalise(where)} has neither a request nor items (not a shape Postman exports), so it was imported as an empty GET request: fill it in or delete it.`,
    );
  const { pathValues, disabledParams, url: address } = readUrl(source.url);
  const headers = readHeaders(source.header);
  const contentType = headers.find((h) => h.enabled && h.name.toLowerCase() === 'content-type')?.value;
  const byHeader = liftAuthorizationHeader(headers, readPostmanAuth(source.auth), ctx, where);
  const lifted = liftSessionHeaders(byHeader.headers, byHeader.outcome, ctx, where, address);
  const draft: RequestDraft = {
    method: (source.method ?? 'GET').toUpperCase(),
    url: lifted.url,
    ...(disabledParams ? { disabledParams: withoutSecretValues(disabledParams, ctx, where) } : {}),
    headers: lifted.headers,
    body: readPostmanBody(source.body, contentType, ctx, where),
    auth: { type: 'none' },
  };
  const { auth, inheritAuth } = requestAuth(lifted.outcome, ctx, where);
  draft.auth = auth;
  reportPathParameters(draft.url, pathValues, where, ctx);
  const scripts = readScripts(item.event, where, ctx);
  if (scripts.tests.length > 0) draft.tests = scripts.tests;
  if (scripts.captures.length > 0) draft.captures = scripts.captures;
  ctx.reportDynamicVariables(draft, where);
  const examples = item.response?.length ?? 0;
  if (examples > 0) {
    ctx.skip(
      `${examples} saved response example${examples > 1 ? 's' : ''} of ${where} ${examples > 1 ? 'were' : 'was'} not imported.`,
    );
  }
  const description = withScriptNote(descriptionText(source.description ?? item.description), scripts.note);
  return {
    id: ctx.id(item.id, 'request'),
    name,
    ...(description ? { description } : {}),
    draft,
    inheritAuth,
  };
}

function readItems(items: readonly PostmanItem[], path: readonly string[], ctx: ImportContext) {
  const folders: Folder[] = [];
  const requests: SavedRequest[] = [];
  for (const item of items) {
    if (Array.isArray(item.item)) folders.push(readFolder(item, path, ctx));
    else requests.push(readRequest(item, path, ctx));
  }
  return { folders, requests };
}

function readFolder(item: PostmanItem, path: readonly string[], ctx: ImportContext): Folder {
  const name = item.name?.trim() || 'Untitled folder';
  const where = describePlace('folder', name, path);
  const folder: Folder = { id: ctx.id(item.id, 'folder'), name, folders: [], requests: [] };
  const auth = folderAuth(readPostmanAuth(item.auth), ctx, where);
  if (auth) folder.auth = auth;
  const variables = ctx.variables(sourceVariables(item.variable), where);
  if (variables.length > 0) folder.variables = variables;
  withFolderScripts(folder, descriptionText(item.description), readScripts(item.event, where, ctx, true));
  return { ...folder, ...readItems(item.item ?? [], [...path, name], ctx) };
}

/**
 * Imports a Postman collection v2.1 (v2.0 is read too) and, optionally, Postman environment
 * exports that go with it. Secrets are left out and named in the report.
 */
export function importPostman(jsonText: string, environments: readonly string[] = []): ImportResult {
  const parsed = parseJsonFile(jsonText, 'Postman collection', HOW_TO_EXPORT);
  if (!parsed.ok) return parsed;
  const shapeProblem = wrongShape(parsed.value);
  if (shapeProblem) return fail(`${shapeProblem} ${HOW_TO_EXPORT}`);
  const result = postmanCollectionSchema.safeParse(parsed.value);
  if (!result.success) {
    return fail(
      `This Postman collection has a part Lantern cannot read${firstIssuePath(result.error.issues)}. ${HOW_TO_EXPORT}`,
    );
  }
  const source = result.data;
  const ctx = new ImportContext();
  const name = source.info.name?.trim() || 'Imported from Postman';
  const where = `the collection "${name}"`;
  const root: Folder = { id: ctx.id(source.info._postman_id, 'collection'), name, folders: [], requests: [] };
  const auth = folderAuth(readPostmanAuth(source.auth), ctx, where);
  if (auth) root.auth = auth;
  const variables = ctx.variables(sourceVariables(source.variable), where);
  if (variables.length > 0) root.variables = variables;
  withFolderScripts(
    root,
    descriptionText(source.info.description),
    readScripts(source.event, where, ctx, true),
  );
  Object.assign(root, readItems(source.item, [], ctx));

  const envs: CollectionEnvironment[] = [];
  for (const [index, envText] of environments.entries()) {
    const env = readPostmanEnvironment(envText, ctx, `Environment ${index + 1}`);
    if (!env.ok) return fail(`Environment file ${index + 1}: ${env.error}`);
    envs.push(env.environment);
  }
  const collection: Collection = { name, root, environments: envs, credentials: ctx.credentials };
  return { ok: true, report: ctx.report(collection) };
}
