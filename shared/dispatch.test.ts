import { describe, expect, it } from 'vitest';
import type { Handlers } from './contract';
import { dispatch } from './dispatch';
import { LanternError } from './model/result';

const exchange = {
  requestId: 'r1',
  request: { method: 'GET', url: 'http://x/', headers: [] },
  response: {
    status: 200,
    statusText: 'OK',
    headers: [],
    body: { text: '', encoding: 'utf8', truncated: false, contentType: '' },
    bodyBytes: 0,
  },
  timings: { firstByteMs: 1, downloadMs: 1, totalMs: 2 },
  startedAt: new Date(0).toISOString(),
} as const;

const handlers = {
  appInfo: async () => ({ version: '1.0.0', mode: 'browser', platform: 'linux' }),
  send: async () => structuredClone(exchange) as never,
  cancel: async ({ requestId }) => {
    if (requestId === 'boom') throw new Error('disk on fire');
    if (requestId === 'known') throw new LanternError('nope', 'Plain words.');
    return { cancelled: false };
  },
} as Partial<Handlers> as Handlers;

const draft = { method: 'GET', url: 'http://127.0.0.1/', headers: [], body: { mode: 'none' } };

describe('dispatch: every call is validated against the contract', () => {
  it.each([
    ['an unknown call', 'rm', {}, 'unknown-call', /no call named "rm"/],
    ['a missing field', 'send', { draft }, 'invalid-input', /requestId/],
    ['a wrong type', 'cancel', { requestId: 42 }, 'invalid-input', /requestId: .*expected string/i],
    ['an extra field', 'cancel', { requestId: 'a', evil: true }, 'invalid-input', /evil/],
    [
      'a method with a space',
      'send',
      { requestId: 'a', draft: { ...draft, method: 'GE T' } },
      'invalid-input',
      /draft\.method: A method may contain only/,
    ],
    [
      'a body mode that does not exist',
      'send',
      { requestId: 'a', draft: { ...draft, body: { mode: 'soap' } } },
      'invalid-input',
      /draft\.body\.mode/,
    ],
    ['a non-object input', 'appInfo', 'hello', 'invalid-input', /appInfo/],
  ])('refuses %s with a clear error', async (_what, name, input, code, message) => {
    const result = await dispatch(handlers, name, input);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe(code);
      expect(result.error.message).toMatch(message);
    }
  });

  it('returns the value of a valid call', async () => {
    const result = await dispatch(handlers, 'send', { requestId: 'r1', draft });
    expect(result).toEqual({ ok: true, value: exchange });
  });

  it('strips from a result every key the contract does not name: only its shape reaches the renderer', async () => {
    const leaky: Handlers = {
      ...handlers,
      cancel: async () => ({ cancelled: true, internalPath: '/tmp/secret' }) as never,
    };
    const result = await dispatch(leaky, 'cancel', { requestId: 'r1' });
    expect(result).toEqual({ ok: true, value: { cancelled: true } });
  });

  it('fills defaults the contract declares', async () => {
    let seen: unknown;
    const spy: Handlers = {
      ...handlers,
      send: async (input) => ((seen = input), structuredClone(exchange) as never),
    };
    await dispatch(spy, 'send', {
      requestId: 'r1',
      draft: { ...draft, headers: [{ name: 'a', value: 'b' }] },
    });
    expect(seen).toMatchObject({ options: { timeoutMs: 30_000 }, draft: { headers: [{ enabled: true }] } });
  });

  it('turns a service error into a Result, never a throw', async () => {
    expect(await dispatch(handlers, 'cancel', { requestId: 'known' })).toEqual({
      ok: false,
      error: { code: 'nope', message: 'Plain words.' },
    });
    const unexpected = await dispatch(handlers, 'cancel', { requestId: 'boom' });
    expect(unexpected).toMatchObject({ ok: false, error: { code: 'internal', message: /disk on fire/ } });
  });
});
