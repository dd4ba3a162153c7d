import Provider from 'oidc-provider';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../../test-support/processes';
import { TokenManager } from './token-manager';

// A real OAuth 2 authorization server (oidc-provider) on 127.0.0.1 with the client-credentials grant.
let server: Server;
let issuer: string;

beforeAll(async () => {
  // The issuer URL names its port, so the port is chosen before the provider is made.
  const port = await freePort();
  issuer = `http://127.0.0.1:${port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: 'lantern-post',
        client_secret: 'post-secret-3c1d7a9b2e',
        grant_types: ['client_credentials'],
        redirect_uris: [],
        response_types: [],
        token_endpoint_auth_method: 'client_secret_post',
        scope: 'api:read',
      },
      {
        client_id: 'lantern-basic',
        client_secret: 'basic-secret-8f2e61d0c4',
        grant_types: ['client_credentials'],
        redirect_uris: [],
        response_types: [],
        token_endpoint_auth_method: 'client_secret_basic',
        scope: 'api:read',
      },
    ],
    features: { clientCredentials: { enabled: true }, devInteractions: { enabled: false } },
    scopes: ['api:read'],
    ttl: { ClientCredentials: 90 },
  });
  server = provider.listen(port, '127.0.0.1') as unknown as Server;
  await new Promise((resolve) => server.once('listening', resolve));
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const credential = (clientAuth: 'body' | 'basic', overrides = {}) => ({
  id: `oidc-${clientAuth}`,
  kind: 'oauth2' as const,
  label: `oidc ${clientAuth}`,
  tokenUrl: `${issuer}/token`,
  clientId: clientAuth === 'body' ? 'lantern-post' : 'lantern-basic',
  clientSecret: clientAuth === 'body' ? 'post-secret-3c1d7a9b2e' : 'basic-secret-8f2e61d0c4',
  scope: 'api:read',
  clientAuth,
  ...overrides,
});

describe('TokenManager against oidc-provider', () => {
  it.each(['body', 'basic'] as const)('gets a token with the secret in the %s', async (clientAuth) => {
    let now = Date.now();
    const manager = new TokenManager(() => now);
    const { token, step, expired } = await manager.tokenFor(credential(clientAuth));
    expect(expired).toBeUndefined();
    expect(token.accessToken.length).toBeGreaterThan(10);
    expect(token.expiresAt).toBe(now + 90_000);
    expect(token.scope).toBe('api:read');
    expect(step).toMatch(/^Got a new token from http:\/\/127\.0\.0\.1:\d+\/token \(HTTP 200/);
    // Cached until it expires, then granted again: client credentials have no refresh token.
    expect((await manager.tokenFor(credential(clientAuth))).token.id).toBe(token.id);
    now += 85_000;
    const again = await manager.tokenFor(credential(clientAuth));
    expect(again.token.id).not.toBe(token.id);
    // …and the grant says it replaced an expired one, for the diagnosis.
    expect(again.expired).toEqual({ expiresAt: token.expiresAt });
    expect(manager.list().filter((t) => t.credentialId === `oidc-${clientAuth}`)).toHaveLength(2);
  });

  it('says nothing of expiry when the newest token was refused by the server, not expired', async () => {
    const now = Date.now();
    const manager = new TokenManager(() => now);
    const { token } = await manager.tokenFor(credential('body'));
    manager.noteRejected(token.id, { at: now, method: 'GET', url: 'http://127.0.0.1/api', status: 401 });
    const again = await manager.tokenFor(credential('body'));
    expect(again.token.id).not.toBe(token.id);
    expect(again.expired).toBeUndefined();
  });

  it('explains a wrong client secret in plain words', async () => {
    const manager = new TokenManager();
    await expect(manager.tokenFor(credential('body', { clientSecret: 'wrong' }))).rejects.toMatchObject({
      code: 'oauth.invalid_client',
      message: expect.stringContaining('client id or secret is wrong'),
    });
  });

  it('explains an unreachable token URL', async () => {
    const manager = new TokenManager();
    await expect(
      manager.tokenFor(credential('body', { tokenUrl: 'http://127.0.0.1:9/token' })),
    ).rejects.toMatchObject({
      code: 'network.refused',
      message: expect.stringMatching(/^Could not reach the token URL: Could not connect to 127\.0\.0\.1:9/),
    });
  });

  it('explains a token URL that answers with a web page', async () => {
    const manager = new TokenManager();
    await expect(
      manager.tokenFor(credential('body', { tokenUrl: `${issuer}/.well-known/nothing` })),
    ).rejects.toMatchObject({
      code: expect.stringMatching(/^oauth\./),
    });
  });

  it('can forget a token', async () => {
    const manager = new TokenManager();
    const { token } = await manager.tokenFor(credential('basic'));
    expect(manager.forget(token.id)).toBe(true);
    expect(manager.list()).toHaveLength(0);
  });
});
