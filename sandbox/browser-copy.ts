import type { SandboxCredentials } from './state';
import type { SandboxEndpoints } from './urls';

/** What a logged-in browser holds for the sandbox AJAX site, and Chrome's "Copy as cURL" of a call. */
export interface BrowserCopy {
  /** The Cookie header the browser sends (`name=value; …`). */
  cookie: string;
  sesskey: string;
  /** Chrome's "Copy as cURL (bash)" of the AJAX status query, with that cookie and sesskey. */
  curl: string;
}

/** Chrome's "Copy as cURL (bash)" of the AJAX status query, with a given cookie and sesskey. */
export function chromeAjaxCurl(endpoints: SandboxEndpoints, cookie: string, sesskey: string): string {
  return [
    `curl '${endpoints.ajaxGraphql}'`,
    "  -H 'accept: application/json, text/javascript, */*; q=0.01'",
    "  -H 'content-type: application/json'",
    `  -b '${cookie}'`,
    `  -H 'x-totara-sesskey: ${sesskey}'`,
    `  --data-raw '{"operationName":"totara_webapi_status","variables":{}}'`,
  ].join(' \\\n');
}

/**
 * Logs in to the sandbox AJAX site the way a browser does (the form post, the cookie it sets, the
 * sesskey in the page) and returns what the browser would then copy. For tests of pasted sessions.
 */
export async function copyFromBrowser(sandbox: {
  endpoints: SandboxEndpoints;
  credentials: SandboxCredentials;
}): Promise<BrowserCopy> {
  const response = await fetch(sandbox.endpoints.ajaxLogin, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
    body: new URLSearchParams(sandbox.credentials.ajax).toString(),
    redirect: 'manual',
  });
  const cookie = response.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .join('; ');
  const sesskey = /"sesskey":"([^"]+)"/.exec(await response.text())?.[1] ?? '';
  if (!cookie.includes('=') || sesskey === '')
    throw new Error(`The sandbox login gave no session (HTTP ${response.status}).`);
  return { cookie, sesskey, curl: chromeAjaxCurl(sandbox.endpoints, cookie, sesskey) };
}
