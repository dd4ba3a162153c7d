import { soleOperationName } from './graphql-name';
import type { MultipartField, RequestBody } from '../model/request';
import type { AuthOutcome } from './auth-outcome';
import type { ImportContext } from './import-context';
import { isRecord } from './json-input';
import { reportFile } from './postman-body';

/** An Insomnia resource: every kind shares `_id`, `_type` and `parentId`; the rest varies. */
export type InsomniaResource = Record<string, unknown> & {
  _id: string;
  _type: string;
  parentId: string | null;
};

export const str = (value: unknown): string =>
  typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value);

/** Insomnia's Nunjucks references: `{{ _.base_url }}`, `{{ base_url }}` → Lantern's `{{base_url}}`. */
export const convertTemplate = (text: string): string =>
  text.replace(/\{\{\s*(?:_\.)?([A-Za-z0-9_.-]+)\s*\}\}/g, '{{$1}}');

export interface InsomniaPair {
  name: string;
  value: string;
  enabled: boolean;
  type?: string;
  fileName?: string;
}

export function pairsOf(value: unknown): InsomniaPair[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isRecord).map((pair) => ({
    name: convertTemplate(str(pair.name)),
    value: convertTemplate(str(pair.value)),
    enabled: pair.disabled !== true,
    ...(typeof pair.type === 'string' ? { type: pair.type } : {}),
    ...(typeof pair.fileName === 'string' ? { fileName: pair.fileName } : {}),
  }));
}

/** `{ auth: { token: 'x' } }` → `auth.token = x`: Lantern variable names may contain dots. */
export function flattenData(data: unknown, prefix = ''): { name: string; value: string }[] {
  if (!isRecord(data)) return [];
  return Object.entries(data).flatMap(([key, value]) =>
    isRecord(value)
      ? flattenData(value, `${prefix}${key}.`)
      : [
          {
            name: `${prefix}${key}`,
            value: Array.isArray(value) ? JSON.stringify(value) : convertTemplate(str(value)),
          },
        ],
  );
}

export function readInsomniaAuth(value: unknown): AuthOutcome {
  if (!isRecord(value) || typeof value.type !== 'string') return { kind: 'absent' };
  if (value.disabled === true || value.type === 'none') return { kind: 'none' };
  const field = (name: string) => convertTemplate(str(value[name]));
  switch (value.type) {
    case 'bearer': {
      const prefix = field('prefix');
      const fields: Record<string, string> = prefix && prefix !== 'Bearer' ? { prefix } : {};
      return { kind: 'found', found: { kind: 'bearer', fields, secrets: [field('token')] } };
    }
    case 'basic':
      return {
        kind: 'found',
        found: { kind: 'basic', fields: { username: field('username') }, secrets: [field('password')] },
      };
    case 'apikey': {
      if (value.addTo === 'cookie') return { kind: 'unsupported', scheme: 'API key in a cookie' };
      const name = field('key') || 'X-API-Key';
      const place = value.addTo === 'queryParams' ? 'query' : 'header';
      return {
        kind: 'found',
        found: {
          kind: 'apiKey',
          fields: { name, in: place },
          secrets: [field('value')],
          apiKey: { name, in: place },
        },
      };
    }
    case 'oauth2': {
      const fields: Record<string, string> = {
        grantType: field('grantType') || 'authorization_code',
        tokenUrl: field('accessTokenUrl'),
        authorizationUrl: field('authorizationUrl'),
        clientId: field('clientId'),
        scope: field('scope'),
        audience: field('audience'),
        redirectUri: field('redirectUrl'),
        username: field('username'),
        clientAuthentication: value.credentialsInBody === true ? 'body' : 'header',
        // Lantern's own name for it: Insomnia sends the client in an HTTP Basic header unless told otherwise.
        clientAuth: value.credentialsInBody === true ? 'body' : 'basic',
      };
      if (value.usePkce === true) fields.pkce = 'true';
      const secrets = [field('clientSecret'), field('password'), field('accessToken'), field('refreshToken')];
      return { kind: 'found', found: { kind: 'oauth2', fields, secrets } };
    }
    default:
      return { kind: 'unsupported', scheme: value.type };
  }
}

function readGraphql(text: string): RequestBody {
  try {
    const parsed: unknown = JSON.parse(text);
    if (isRecord(parsed) && typeof parsed.query === 'string') {
      const vars = parsed.variables;
      const variables =
        vars === undefined || (isRecord(vars) && Object.keys(vars).length === 0)
          ? ''
          : JSON.stringify(vars, null, 2);
      const body: RequestBody = { mode: 'graphql', query: parsed.query, variables, persisted: false };
      const operationName =
        typeof parsed.operationName === 'string' && parsed.operationName !== ''
          ? parsed.operationName
          : soleOperationName(parsed.query);
      if (operationName) body.operationName = operationName;
      return body;
    }
  } catch {
    // Not JSON: Insomnia also stores a bare query as the text.
  }
  return { mode: 'graphql', query: text, variables: '', persisted: false };
}

export function readInsomniaBody(value: unknown, ctx: ImportContext, where: string): RequestBody {
  if (!isRecord(value)) return { mode: 'none' };
  // `application/x-www-form-urlencoded; charset=UTF-8` is still a form: the parameters do not count.
  const mimeType = (str(value.mimeType).toLowerCase().split(';')[0] ?? '').trim();
  const text = convertTemplate(str(value.text));
  if (typeof value.fileName === 'string' && value.fileName !== '') {
    reportFile(ctx, `the body of ${where}`, value.fileName);
    return { mode: 'binary', path: value.fileName, ...(mimeType ? { contentType: mimeType } : {}) };
  }
  if (mimeType === 'application/x-www-form-urlencoded') {
    return {
      mode: 'form-urlencoded',
      fields: pairsOf(value.params).map(({ name, value: v, enabled }) => ({ name, value: v, enabled })),
    };
  }
  if (mimeType === 'multipart/form-data') {
    const fields = pairsOf(value.params).map((pair): MultipartField => {
      if (pair.type !== 'file')
        return { kind: 'text', name: pair.name, value: pair.value, enabled: pair.enabled };
      const path = pair.fileName ?? '';
      reportFile(ctx, `form field "${pair.name}" of ${where}`, path);
      return { kind: 'file', name: pair.name, path, enabled: pair.enabled };
    });
    return { mode: 'multipart', fields };
  }
  if (mimeType === 'application/graphql') return readGraphql(text);
  // Form fields under a type that is no form type (misspelt, or none): the fields are kept.
  const params = pairsOf(value.params);
  if (params.length > 0 && text === '') {
    ctx.skip(
      `The body of ${where} holds form fields under the type "${str(value.mimeType)}", which is no form type Lantern knows: they were imported as a URL-encoded form. Check the body's type.`,
    );
    return {
      mode: 'form-urlencoded',
      fields: params.map(({ name, value: v, enabled }) => ({ name, value: v, enabled })),
    };
  }
  if (mimeType === '' && text === '') return { mode: 'none' };
  if (/^application\/([\w.+-]*\+)?json\b/.test(mimeType)) return { mode: 'json', text };
  return { mode: 'raw', text, contentType: mimeType || 'text/plain' };
}
