import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { pickHeaders, startTestSandbox } from './harness';
import type { TestSandbox } from './harness';

let t: TestSandbox;
beforeAll(async () => {
  t = await startTestSandbox({ restRateLimit: 5, restWindowMs: 1000 });
});
beforeEach(() => t.sandbox.reset());
afterAll(() => t.sandbox.close());

const get = (path: string, token: string | null = t.credentials.ihasco.token) =>
  t.request(`/ihasco${path}`, {
    headers:
      token === null ? {} : { Authorization: token.startsWith('!') ? token.slice(1) : `Bearer ${token}` },
  });

const patch = (key: string, body: string, type: string) =>
  t.request(`/ihasco/users/${key}`, {
    method: 'PATCH',
    headers: { Authorization: `Bearer ${t.credentials.ihasco.token}`, 'Content-Type': type },
    body,
  });

type Page = {
  data: { id: number; email: string }[];
  links: Record<string, string | null>;
  meta: Record<string, unknown>;
};

describe('iHASCO REST', () => {
  it('GET /users is a Laravel page with rate-limit headers', async () => {
    const reply = await get('/users');
    expect(reply.status).toBe(200);
    expect(
      pickHeaders(reply.headers, ['content-type', 'x-ratelimit-limit', 'x-ratelimit-remaining']),
    ).toEqual({
      'content-type': 'application/json',
      'x-ratelimit-limit': '5',
      'x-ratelimit-remaining': '4',
    });
    const page = reply.json as Page;
    expect(page.data).toHaveLength(15);
    expect(page.meta).toEqual({
      current_page: 1,
      from: 1,
      last_page: 3,
      path: `${t.sandbox.url}/ihasco/users`,
      per_page: 15,
      to: 15,
      total: 40,
    });
    expect(page.links).toEqual({
      first: `${t.sandbox.url}/ihasco/users?page=1`,
      last: `${t.sandbox.url}/ihasco/users?page=3`,
      prev: null,
      next: `${t.sandbox.url}/ihasco/users?page=2`,
    });
  });

  it('pages with page and per_page', async () => {
    const page = (await get('/users?page=2&per_page=30')).json as Page;
    expect(page.data).toHaveLength(10);
    expect(page.meta.from).toBe(31);
    expect(page.links.next).toBeNull();
  });

  it('GET /users/{id} and /users/{email}', async () => {
    const byId = (await get('/users/1001')).json as { data: { id: number; email: string } };
    expect(byId.data.id).toBe(1001);
    const byEmail = await get(`/users/${encodeURIComponent(byId.data.email)}`);
    expect(byEmail.json).toEqual(byId);
    const missing = await get('/users/9999');
    expect(missing.status).toBe(404);
  });

  it('GET /results lists course results, filterable by user_id', async () => {
    const page = (await get('/results?user_id=1001')).json as { data: { user_id: number }[] };
    expect(page.data.length).toBe(2);
    expect(page.data.every((result) => result.user_id === 1001)).toBe(true);
  });

  it.each([
    ['form', 'first_name=Ann&last_name=Other', 'application/x-www-form-urlencoded'],
    ['JSON', '{"first_name":"Ann","last_name":"Other"}', 'application/json'],
  ])('PATCH /users/{id} with a %s body updates the user', async (_name, body, type) => {
    const reply = await patch('1002', body, type);
    expect(reply.status).toBe(200);
    expect((reply.json as { data: Record<string, unknown> }).data).toMatchObject({
      id: 1002,
      first_name: 'Ann',
      last_name: 'Other',
    });
  });

  it('PATCH with an invalid email gives 400 with per-field errors (§6 22)', async () => {
    const reply = await patch('1002', '{"email":"nope","first_name":""}', 'application/json');
    expect(reply.status).toBe(400);
    expect(reply.json).toEqual({
      message: 'The first name field is required. (and 1 more error)',
      errors: {
        first_name: ['The first name field is required.'],
        email: ['The email must be a valid email address.'],
      },
    });
    const single = await patch('1002', 'email=bad', 'application/x-www-form-urlencoded');
    expect(single.json).toEqual({
      message: 'The email must be a valid email address.',
      errors: { email: ['The email must be a valid email address.'] },
    });
  });

  it.each([
    ['missing token', null],
    ['wrong token', 'not-a-token'],
    ['stray space in the token', ' ihasco_sandbox_7d41b2c9e0f3a5 x'],
    ['token without Bearer', '!ihasco_sandbox_7d41b2c9e0f3a5'],
  ])('401 Unauthenticated for a %s (§6 20)', async (_name, token) => {
    const reply = await get('/users', token);
    expect(reply.status).toBe(401);
    expect(reply.json).toEqual({ message: 'Unauthenticated.' });
    expect(reply.headers.get('x-ratelimit-limit')).toBe('5');
  });

  it('a revoked token gets 401', async () => {
    const created = (await t.admin('POST', '/ihasco/tokens')).json as { token: string };
    expect((await get('/users', created.token)).status).toBe(200);
    await t.admin('DELETE', `/ihasco/tokens/${created.token}`);
    expect((await get('/users', created.token)).status).toBe(401);
  });

  it('429 Too Many Attempts with retry-after, then allowed again after the window (§6 21)', async () => {
    const remaining: (string | null)[] = [];
    for (let i = 0; i < 5; i += 1) remaining.push((await get('/users')).headers.get('x-ratelimit-remaining'));
    expect(remaining).toEqual(['4', '3', '2', '1', '0']);
    const limited = await get('/users');
    expect(limited.status).toBe(429);
    expect(limited.json).toEqual({ message: 'Too Many Attempts.' });
    expect(
      pickHeaders(limited.headers, ['x-ratelimit-limit', 'x-ratelimit-remaining', 'retry-after']),
    ).toEqual({
      'x-ratelimit-limit': '5',
      'x-ratelimit-remaining': '0',
      'retry-after': '1',
    });
    expect(Number(limited.headers.get('x-ratelimit-reset'))).toBeGreaterThan(Date.now() / 1000);
    // The budget is per token: another token is unaffected.
    const other = (await t.admin('POST', '/ihasco/tokens')).json as { token: string };
    expect((await get('/users', other.token)).status).toBe(200);
    // Real time: the sandbox is a real server whose window (1 s) runs on its own clock.
    await new Promise((resolve) => setTimeout(resolve, 1050));
    expect((await get('/users')).status).toBe(200);
  });

  it('unknown route and wrong method', async () => {
    const unknown = await get('/courses');
    expect(unknown.status).toBe(404);
    expect(unknown.json).toEqual({ message: 'The route ihasco/courses could not be found.' });
    const wrong = await t.request('/ihasco/users', {
      method: 'DELETE',
      headers: { Authorization: `Bearer ${t.credentials.ihasco.token}` },
    });
    expect(wrong.status).toBe(405);
  });
});
