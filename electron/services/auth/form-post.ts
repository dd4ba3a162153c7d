import { request } from 'undici';
import { performance } from 'node:perf_hooks';
import { describeNetworkError } from '../engine/network-errors';
import { LanternError } from '../../../shared/model/result';

export interface FormPostResult {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  ms: number;
}

/** A form POST made by the auth layer itself (token grants, logins), with plain-words failures. */
export async function postForm(
  url: string,
  fields: Record<string, string>,
  headers: Record<string, string> = {},
  purpose = 'the token URL',
): Promise<FormPostResult> {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    throw new LanternError(
      'auth.bad-url',
      `${purpose} "${url}" is not a valid URL. Fix it in the credential's settings.`,
    );
  }
  const start = performance.now();
  try {
    const response = await request(target, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'application/json',
        ...headers,
      },
      body: new URLSearchParams(fields).toString(),
      signal: AbortSignal.timeout(30_000),
    });
    const text = await response.body.text();
    return { status: response.statusCode, headers: response.headers, text, ms: performance.now() - start };
  } catch (error) {
    const plain = describeNetworkError(error, target, 30_000);
    throw new LanternError(plain.code, `Could not reach ${purpose}: ${plain.message}`);
  }
}

/** `name=value` pairs from Set-Cookie headers (attributes dropped). */
export function cookiesFrom(headers: Record<string, string | string[] | undefined>): Map<string, string> {
  const raw = headers['set-cookie'];
  const list = Array.isArray(raw) ? raw : raw ? [raw] : [];
  const cookies = new Map<string, string>();
  for (const line of list) {
    const pair = line.split(';', 1)[0] ?? '';
    const eq = pair.indexOf('=');
    if (eq > 0) cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
  }
  return cookies;
}
