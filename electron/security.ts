import type { WebContents } from 'electron';

/** Strict CSP that Monaco (with its workers and inline styles) still runs under. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The sites Lantern's own pages may link to (references for headers, status codes and the target
 * APIs). A page cannot open anything else in the OS browser, whatever a response made it show.
 */
export const EXTERNAL_LINK_HOSTS: readonly string[] = [
  'developer.mozilla.org',
  'www.rfc-editor.org',
  'datatracker.ietf.org',
  'help.totara.com',
  'github.com',
];

/** Only https links to the allowed sites leave the app, and only to the OS browser. */
export function isSafeExternalUrl(url: string): boolean {
  const parsed = URL.parse(url);
  if (!parsed || parsed.protocol !== 'https:' || parsed.username || parsed.password) return false;
  return EXTERNAL_LINK_HOSTS.includes(parsed.hostname.toLowerCase());
}

/** Denies navigation, new windows and webviews; hands http(s) links to the OS browser. */
export function lockDownContents(contents: WebContents, openExternal: (url: string) => void): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) openExternal(url);
    return { action: 'deny' };
  });
}
