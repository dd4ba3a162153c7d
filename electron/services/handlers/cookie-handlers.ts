import type { CookieCalls } from '../../../shared/calls/cookie-calls';
import type { Handlers } from '../../../shared/contract';
import { maskSecret } from '../../../shared/model/auth';
import type { ServiceContext } from '../service-context';

/** The handlers of shared/calls/cookie-calls.ts: values leave the main side masked. */
export function cookieHandlers({ jars }: ServiceContext): Pick<Handlers, keyof CookieCalls> {
  return {
    listCookies: async ({ workspaceId }) => ({
      jar: jars.describe(workspaceId),
      cookies: jars
        .jarFor(workspaceId)
        .list()
        .map(({ createdAt: _createdAt, value, ...cookie }) => ({ ...cookie, value: maskSecret(value) })),
    }),
    clearCookies: async ({ workspaceId, domain }) => {
      jars.jarFor(workspaceId).clear(domain);
      return {};
    },
  };
}
