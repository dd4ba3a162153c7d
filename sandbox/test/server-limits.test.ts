/**
 * The limits a site states in its answers are remembered per endpoint on the main side and handed
 * to the renderer's estimate, with the server's own words and when they were read.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../shared/dispatch';
import { checkLimits, effectiveLimits } from '../../shared/graphql/limits';
import type { StatedLimits } from '../../shared/graphql/limits';
import { graphql, send, services, sites, startSites, stopSites } from './diagnose-harness';

beforeAll(startSites);
afterAll(stopSites);
beforeEach(() => sites.sandbox.reset());

async function limitsOf(url: string, environmentId?: string): Promise<StatedLimits> {
  const result = await dispatch(services.handlers, 'serverLimits', {
    url,
    ...(environmentId ? { environmentId } : {}),
  });
  if (!result.ok) throw new Error(result.error.message);
  return result.value as StatedLimits;
}

describe('limits the server stated', () => {
  it('learns the depth from the introspection fallback and the complexity from a refused query', async () => {
    const url = sites.sandbox.endpoints.totaraGraphql;
    expect(await limitsOf(url)).toEqual({});

    sites.sandbox.configure({ maxDepth: 12 });
    const before = Date.now();
    const fetched = await dispatch(services.handlers, 'introspectSchema', {
      endpoint: { url, auth: { type: 'oauth2', credentialId: 'totara' } },
    });
    expect(fetched.ok).toBe(true);
    const afterFallback = await limitsOf(url);
    expect(afterFallback.maxDepth).toMatchObject({
      value: 12,
      message: 'Max query depth should be 12 but got 13.',
    });
    expect(Date.parse(afterFallback.maxDepth?.at ?? '')).toBeGreaterThanOrEqual(before - 1000);

    sites.sandbox.configure({ maxComplexity: 34 });
    await send(
      graphql({
        query: '{ core_user_users(query: {pagination: {limit: 10}}) { items { id username email } } }',
      }),
    );
    const learned = await limitsOf(url);
    expect(learned).toMatchObject({
      maxDepth: { value: 12 },
      maxComplexity: { value: 34, message: 'Query complexity exceeded maximum allowed complexity of 34.' },
    });

    // The estimate's warning then quotes the site's number and where it came from.
    const [warning] = checkLimits({ depth: 1, complexity: 35 }, effectiveLimits({}, learned));
    expect(warning).toMatch(
      /the server allows 34 \(the server said so on .+\) and will stop with "Query complexity exceeded/,
    );
  });

  it('finds them for the URL as typed, {{base}} resolved in the environment', async () => {
    const saved = await dispatch(services.handlers, 'saveEnvironment', {
      name: 'Sandbox site',
      variables: [{ name: 'base', value: sites.sandbox.url, secret: false }],
    });
    if (!saved.ok) throw new Error(saved.error.message);
    const environmentId = (saved.value as { id: string }).id;
    sites.sandbox.configure({ maxComplexity: 34 });
    await send(
      graphql({
        query: '{ core_user_users(query: {pagination: {limit: 10}}) { items { id username email } } }',
      }),
    );
    expect((await limitsOf('{{base}}/api/graphql.php', environmentId)).maxComplexity?.value).toBe(34);
    // Another site has said nothing.
    expect(await limitsOf(sites.otherSite.endpoints.totaraGraphql)).toEqual({});
  });
});
