import { adminHeader, startSandbox } from '../index';
import type { RunningSandbox, StartSandboxOptions } from '../index';

export const totaraHeaders = {
  'content-type': 'application/json; charset=utf-8',
  'x-content-type-options': 'nosniff',
  'cache-control': 'no-store, no-cache, must-revalidate',
  pragma: 'no-cache',
  expires: 'Mon, 20 Aug 1969 09:23:00 GMT',
};

export const messages = {
  noAuthorization:
    'The request did not contain the required Authorization header. Ensure you set the header in your request and that it is not being stripped by your server or proxy configuration.',
  invalidToken:
    'Missing, expired or invalid access token. Ensure the Authorization header is set to a valid Bearer token.',
};

/** The exact body Totara sends for a non-client-safe failure at the Normal error level. */
export const internal = (debugMessage: string) => ({
  errors: [{ debugMessage, message: 'Internal server error', extensions: { category: 'internal' } }],
  error: 'Internal server error',
});

export interface Reply {
  status: number;
  headers: Headers;
  text: string;
  json: unknown;
}

async function toReply(response: Response): Promise<Reply> {
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

export function pickHeaders(headers: Headers, names: string[]): Record<string, string | null> {
  return Object.fromEntries(names.map((name) => [name, headers.get(name)]));
}

/** A sandbox on a random port plus small helpers for speaking to it over real HTTP. */
export async function startTestSandbox(options: StartSandboxOptions = {}) {
  const sandbox: RunningSandbox = await startSandbox({ port: 0, ...options });
  const { endpoints, credentials } = sandbox;

  const request = async (path: string, init: RequestInit = {}) =>
    toReply(await fetch(sandbox.url + path, init));

  const tokenRequest = (form: Record<string, string>) =>
    request('/totara/oauth2/token.php', { method: 'POST', body: new URLSearchParams(form) });

  const token = async (): Promise<string> => {
    const reply = await tokenRequest({
      grant_type: 'client_credentials',
      client_id: credentials.totara.clientId,
      client_secret: credentials.totara.clientSecret,
    });
    return (reply.json as { access_token: string }).access_token;
  };

  /** POST /api/graphql.php; `auth` undefined = a fresh valid Bearer token, null = no header. */
  const graphql = async (body: unknown, auth?: string | null, extraHeaders: Record<string, string> = {}) => {
    const authorization = auth === undefined ? `Bearer ${await token()}` : auth;
    const headers: Record<string, string> = { 'Content-Type': 'application/json', ...extraHeaders };
    if (authorization !== null) headers.Authorization = authorization;
    return request('/api/graphql.php', {
      method: 'POST',
      headers,
      body:
        typeof body === 'string' || body instanceof Uint8Array ? (body as BodyInit) : JSON.stringify(body),
    });
  };

  const admin = (method: string, path: string, body?: unknown) =>
    request(`/__sandbox${path}`, {
      method,
      headers: { [adminHeader]: sandbox.adminToken, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });

  return { sandbox, endpoints, credentials, request, tokenRequest, token, graphql, admin };
}

export type TestSandbox = Awaited<ReturnType<typeof startTestSandbox>>;
