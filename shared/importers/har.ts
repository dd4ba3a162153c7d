import { z } from 'zod';
import type { Collection, Folder, SavedRequest } from '../model/collection';
import type { HeaderRow, RequestDraft } from '../model/request';
import { requestAuth } from './auth-outcome';
import { liftAuthorizationHeader } from './authorization-header';
import { headerPhrase, liftSessionHeaders } from './session-headers';
import { readHarBody } from './har-body';
import { capitalise, describePlace, ImportContext, requestName, type ImportResult } from './import-context';
import { fail, firstIssuePath, isRecord, parseJsonFile } from './json-input';

export interface HarImportOptions {
  /** Import only the requests the page's scripts made (XHR and fetch). Default true. */
  onlyXhr?: boolean;
}

const HOW_TO_EXPORT =
  'In the browser\'s developer tools, open the Network tab, reload the page, then choose "Save all as HAR" (Chrome: the download arrow) and import that file.';

const pairSchema = z.looseObject({ name: z.string(), value: z.string().optional() });
const entrySchema = z.looseObject({
  _resourceType: z.string().optional(),
  request: z.looseObject({
    method: z.string(),
    url: z.string(),
    headers: z.array(pairSchema).default([]),
    cookies: z.array(pairSchema).optional(),
    postData: z
      .looseObject({
        mimeType: z.string().optional(),
        text: z.string().optional(),
        params: z
          .array(
            z.looseObject({
              name: z.string().optional(),
              value: z.string().optional(),
              fileName: z.string().optional(),
              contentType: z.string().optional(),
            }),
          )
          .optional(),
      })
      .optional(),
  }),
  response: z
    .looseObject({ content: z.looseObject({ mimeType: z.string().optional() }).optional() })
    .optional(),
});
type HarEntry = z.infer<typeof entrySchema>;
const harSchema = z.looseObject({
  log: z.looseObject({ version: z.string().optional(), entries: z.array(entrySchema) }),
});

/** Headers the sender works out itself, or HTTP/2's pseudo-headers that are not headers at all. */
const DERIVED = new Set(['content-length', 'host', 'connection', 'keep-alive', 'transfer-encoding']);

const SCRIPT_TYPES = new Set(['xhr', 'fetch']);
/** Firefox and Safari HARs have no `_resourceType`: a request that looks like an API call counts. */
function madeByScript(entry: HarEntry): boolean {
  if (entry._resourceType !== undefined) return SCRIPT_TYPES.has(entry._resourceType);
  const header = (name: string) =>
    entry.request.headers.find((h) => h.name.toLowerCase() === name)?.value ?? '';
  const responseType = entry.response?.content?.mimeType ?? '';
  return (
    header('x-requested-with') === 'XMLHttpRequest' ||
    /json|xml/.test(header('accept')) ||
    /json/.test(responseType) ||
    entry.request.method !== 'GET'
  );
}

const hostOf = (url: string): string => /^[a-z][\w+.-]*:\/\/([^/?#]*)/i.exec(url)?.[1] ?? '';

function readEntry(
  entry: HarEntry,
  path: string[],
  ctx: ImportContext,
  withCookies: string[],
  removedHeaders: string[],
): SavedRequest {
  const { request } = entry;
  const method = request.method.toUpperCase();
  const name = requestName(method, request.url);
  const where = describePlace('request', name, path);
  const body = readHarBody(request.postData, ctx, where);
  let headers: HeaderRow[] = request.headers
    .filter((h) => !h.name.startsWith(':') && !DERIVED.has(h.name.toLowerCase()))
    // The sender writes multipart's Content-Type itself: it must carry the boundary it chose.
    .filter((h) => body.mode !== 'multipart' || h.name.toLowerCase() !== 'content-type')
    .map((h) => ({ name: h.name, value: h.value ?? '', enabled: true }));
  const cookies = request.cookies ?? [];
  if (cookies.length > 0 && !headers.some((h) => h.name.toLowerCase() === 'cookie')) {
    headers.push({
      name: 'Cookie',
      value: cookies.map((c) => `${c.name}=${c.value ?? ''}`).join('; '),
      enabled: true,
    });
  }
  const byHeader = liftAuthorizationHeader(headers, { kind: 'absent' }, ctx, where);
  const lifted = liftSessionHeaders(byHeader.headers, byHeader.outcome, ctx, where, request.url, false);
  for (const header of lifted.removed) if (!removedHeaders.includes(header)) removedHeaders.push(header);
  if (lifted.removed.length > 0) withCookies.push(name);
  headers = lifted.headers;
  const { auth, inheritAuth } = requestAuth(lifted.outcome, ctx, where);
  const draft: RequestDraft = { method, url: lifted.url, headers, body, auth };
  return { id: ctx.id(undefined, 'request'), name, draft, inheritAuth };
}

/**
 * Imports a HAR 1.2 file as a browser saves it: one request per entry. By default only the
 * XHR and fetch requests the page's scripts made; pages, scripts, images and CORS preflights
 * are left out. Entries on several hosts go into one folder per host.
 */
export function importHar(jsonText: string, { onlyXhr = true }: HarImportOptions = {}): ImportResult {
  const parsed = parseJsonFile(jsonText, 'HAR file', HOW_TO_EXPORT);
  if (!parsed.ok) return parsed;
  if (!isRecord(parsed.value) || !isRecord(parsed.value.log)) {
    return fail(`This JSON is not a HAR file: it has no "log" section. ${HOW_TO_EXPORT}`);
  }
  const result = harSchema.safeParse(parsed.value);
  if (!result.success) {
    return fail(
      `This HAR file has an entry Lantern cannot read${firstIssuePath(result.error.issues)}. ${HOW_TO_EXPORT}`,
    );
  }
  const ctx = new ImportContext({ sessionPerSite: true });
  const all = result.data.log.entries;
  const preflights = all.filter((e) => e._resourceType === 'preflight' || e.request.method === 'OPTIONS');
  const chosen = all.filter((e) => !preflights.includes(e) && (!onlyXhr || madeByScript(e)));
  const leftOut = all.length - preflights.length - chosen.length;
  if (leftOut > 0) {
    ctx.skip(
      `${leftOut} entr${leftOut > 1 ? 'ies' : 'y'} that the page loaded itself (documents, scripts, styles, images…)` +
        ' were left out: only XHR and fetch requests were imported. Import again with "only XHR/fetch" off to include them.',
    );
  }
  if (preflights.length > 0) {
    ctx.skip(
      `${preflights.length} CORS preflight (OPTIONS) request${preflights.length > 1 ? 's were' : ' was'} left out: browsers send them on their own.`,
    );
  }
  if (chosen.length === 0) {
    return fail(
      all.length === 0
        ? `This HAR file holds no requests. ${HOW_TO_EXPORT}`
        : 'This HAR file holds no XHR or fetch requests. Import it again with "only XHR/fetch" off to import the page\'s other requests.',
    );
  }
  const withCookies: string[] = [];
  const removedHeaders: string[] = [];
  const hosts = [...new Set(chosen.map((e) => hostOf(e.request.url)))];
  const requests = chosen.map((entry) =>
    readEntry(entry, hosts.length > 1 ? [hostOf(entry.request.url)] : [], ctx, withCookies, removedHeaders),
  );
  if (withCookies.length > 0) {
    ctx.skip(
      `${capitalise(headerPhrase(removedHeaders))} of ${withCookies.length} request${withCookies.length > 1 ? 's' : ''} (${withCookies.slice(0, 3).join(', ')}${withCookies.length > 3 ? ', …' : ''})` +
        ' held a browser session, a secret: they were left out, and those requests use a browser-session credential' +
        ' instead (unless they had their own auth). Paste a fresh "Copy as cURL" from the browser into it to fill it in.',
    );
  }
  const name = `HAR from ${hosts.join(', ').slice(0, 200) || 'a browser'}`;
  const root: Folder = { id: ctx.id(undefined, 'collection'), name, folders: [], requests: [] };
  if (hosts.length === 1) root.requests = requests;
  else {
    root.folders = hosts.map((host) => ({
      id: ctx.id(undefined, 'folder'),
      name: host || 'Other',
      folders: [],
      requests: requests.filter((_, i) => hostOf(chosen[i]?.request.url ?? '') === host),
    }));
  }
  const collection: Collection = { name, root, environments: [], credentials: ctx.credentials };
  return { ok: true, report: ctx.report(collection) };
}
