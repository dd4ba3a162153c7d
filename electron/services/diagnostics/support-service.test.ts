import { describe, expect, it } from 'vitest';
import { CredentialStore } from '../auth/credential-store';
import { SessionManager } from '../auth/session-manager';
import { TokenManager } from '../auth/token-manager';
import { WorkspaceJars } from '../engine/workspace-jars';
import type { EnvironmentStore } from '../environments/environment-store';
import { knownSecrets } from './support-service';

const site = new URL('https://lms.example.com/login');

describe('knownSecrets', () => {
  it('takes the session-like cookie values of every jar, not preferences such as dark or en-US', () => {
    const jars = new WorkspaceJars();
    jars.jarFor('ws_a').setFromResponse(site, ['MoodleSession=4f3a9c1e8b7d6a5f; Path=/', 'theme=dark']);
    jars.jarFor(undefined).setFromResponse(site, ['sid=q2b5r7t9v1x3z5a7; Path=/', 'lang=en-US', 'ok=true']);
    const auth = {
      credentials: new CredentialStore(),
      tokens: new TokenManager(),
      sessions: new SessionManager(),
    };
    const environments = { secretValues: () => ['env-secret-value-1'] } as unknown as EnvironmentStore;
    expect(knownSecrets({ auth, environments, jars }).sort()).toEqual(
      ['4f3a9c1e8b7d6a5f', 'env-secret-value-1', 'q2b5r7t9v1x3z5a7'].sort(),
    );
  });
});
