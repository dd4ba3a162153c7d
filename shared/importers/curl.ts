import { CURL_DEFAULT_DATA_TYPE, parseCurl, type CurlDialect, type CurlRequest } from '../curl';
import type { Collection, Folder } from '../model/collection';
import type { RequestBody, RequestDraft } from '../model/request';
import { requestAuth, type AuthOutcome } from './auth-outcome';
import { liftAuthorizationHeader } from './authorization-header';
import { liftSessionHeaders } from './session-headers';
import { graphqlFromJson } from './har-body';
import { ImportContext, requestName, type ImportResult } from './import-context';
import { reportFile } from './postman-body';

function bodyOf(request: CurlRequest, ctx: ImportContext, where: string): RequestBody {
  const { body } = request;
  switch (body.mode) {
    case 'none':
      return body;
    case 'raw': {
      const contentType = body.contentType ?? CURL_DEFAULT_DATA_TYPE;
      if (/^application\/([\w.+-]*\+)?json\b/i.test(contentType)) {
        return graphqlFromJson(body.text) ?? { mode: 'json', text: body.text };
      }
      return { mode: 'raw', text: body.text, contentType };
    }
    case 'form-urlencoded':
      return { mode: 'form-urlencoded', fields: body.fields.map((f) => ({ ...f, enabled: true })) };
    case 'multipart':
      return {
        mode: 'multipart',
        fields: body.fields.map((f) => {
          if (f.file === undefined)
            return { kind: 'text', name: f.name, value: f.value ?? '', enabled: true };
          reportFile(ctx, `form field "${f.name}" of ${where}`, f.file);
          return {
            kind: 'file',
            name: f.name,
            path: f.file,
            enabled: true,
            ...(f.contentType ? { contentType: f.contentType } : {}),
          };
        }),
      };
  }
}

/** Imports one pasted curl command (bash or Windows cmd) as a collection of one request. */
export function importCurl(text: string, dialect?: CurlDialect): ImportResult {
  const parsed = parseCurl(text, dialect ? { dialect } : {});
  if (!parsed.ok) return parsed;
  const { request } = parsed;
  const ctx = new ImportContext();
  for (const warning of parsed.warnings) ctx.skip(warning);
  const name = requestName(request.method, request.url);
  const where = `request "${name}"`;
  const outcome: AuthOutcome = request.auth
    ? {
        kind: 'found',
        found: {
          kind: 'basic',
          fields: { username: request.auth.username },
          secrets: [request.auth.password],
        },
      }
    : { kind: 'absent' };
  const headers = request.headers.map((h) => ({ ...h, enabled: true }));
  const byHeader = liftAuthorizationHeader(headers, outcome, ctx, where);
  const lifted = liftSessionHeaders(byHeader.headers, byHeader.outcome, ctx, where, request.url);
  const { auth, inheritAuth } = requestAuth(lifted.outcome, ctx, where);
  const draft: RequestDraft = {
    method: request.method,
    url: lifted.url,
    headers: lifted.headers,
    body: bodyOf(request, ctx, where),
    auth,
  };
  if (request.insecure) {
    draft.settings = { verifyTls: false, followRedirects: true, maxRedirects: 10, timeoutMs: 30_000 };
  }
  const root: Folder = {
    id: ctx.id(undefined, 'collection'),
    name: 'Imported from cURL',
    folders: [],
    requests: [],
  };
  root.requests.push({ id: ctx.id(undefined, 'request'), name, draft, inheritAuth });
  const collection: Collection = { name: root.name, root, environments: [], credentials: ctx.credentials };
  return { ok: true, report: ctx.report(collection) };
}
