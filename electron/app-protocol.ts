import { protocol } from 'electron';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { CONTENT_SECURITY_POLICY } from './security';
import { contentTypeFor, resolveStaticPath } from './static-files';

export const APP_SCHEME = 'app';
export const APP_ORIGIN = 'app://lantern';

/** Must run before `app.ready`: app:// behaves like https (module workers, fetch). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, codeCache: true },
    },
  ]);
}

/** Serves the built renderer from app://lantern/ with the CSP on every response. */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const { host, pathname } = new URL(request.url);
    const file = host === 'lantern' ? resolveStaticPath(rendererDir, pathname) : undefined;
    if (!file) return new Response('Not found', { status: 404 });
    try {
      const data = await readFile(file);
      return new Response(data, {
        headers: {
          'content-type': contentTypeFor(path.extname(file)),
          'content-security-policy': CONTENT_SECURITY_POLICY,
          'x-content-type-options': 'nosniff',
        },
      });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}
