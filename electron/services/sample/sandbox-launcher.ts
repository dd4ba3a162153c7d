/**
 * The sandbox launcher: the one main-side module allowed to import sandbox/. It starts the
 * local imitation API and registers the sample environment and credentials, which then go
 * through Lantern's normal auth path like any other.
 */
import { startSandbox, type RunningSandbox } from '../../../sandbox/index';
import type { SampleWorkspace } from '../../../shared/model/sample';
import type { AuthContext } from '../auth/apply-auth';
import type { EnvironmentStore } from '../environments/environment-store';
import { SAMPLE_CREDENTIALS, SAMPLE_ENVIRONMENT_ID, sampleRequests } from './sample-requests';

export function createSandboxLauncher(auth: AuthContext, environments: EnvironmentStore) {
  let running: Promise<RunningSandbox> | undefined;

  async function start(): Promise<SampleWorkspace> {
    // Two-minute tokens, so the demo shows a token expiring and being granted again.
    running ??= startSandbox({ port: 0, tokenExpirySeconds: 120 }).catch((error: unknown) => {
      running = undefined;
      throw error;
    });
    const sandbox = await running;
    const { credentials, endpoints } = sandbox;
    auth.credentials.putTransient({
      id: SAMPLE_CREDENTIALS.totara,
      kind: 'oauth2',
      label: 'Sandbox Totara client',
      tokenUrl: endpoints.totaraToken,
      clientId: credentials.totara.clientId,
      clientSecret: credentials.totara.clientSecret,
      clientAuth: 'body',
    });
    auth.credentials.putTransient({
      id: SAMPLE_CREDENTIALS.ajax,
      kind: 'session',
      label: 'Sandbox AJAX login',
      loginUrl: endpoints.ajaxLogin,
      username: credentials.ajax.username,
      password: credentials.ajax.password,
      csrfPattern: '"sesskey":"([^"]+)"',
      csrfHeader: 'X-Totara-Sesskey',
    });
    auth.credentials.putTransient({
      id: SAMPLE_CREDENTIALS.ihasco,
      kind: 'bearer',
      label: 'Sandbox iHASCO token',
      token: credentials.ihasco.token,
    });
    environments.putTransient({
      id: SAMPLE_ENVIRONMENT_ID,
      name: 'Sandbox',
      variables: [{ name: 'base', value: sandbox.url.replace(/\/$/, ''), secret: false }],
    });
    const ids = new Set<string>(Object.values(SAMPLE_CREDENTIALS));
    return {
      baseUrl: sandbox.url,
      environment: environments.summaries().find((e) => e.id === SAMPLE_ENVIRONMENT_ID)!,
      credentials: auth.credentials.summaries().filter((c) => ids.has(c.id)),
      requests: sampleRequests(),
    };
  }

  async function close(): Promise<void> {
    const sandbox = await running?.catch(() => undefined);
    running = undefined;
    await sandbox?.close();
  }

  return { start, close };
}
export type SandboxLauncher = ReturnType<typeof createSandboxLauncher>;
