import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { CookieJarInfo } from '../../shared/model/cookies';
import { fakeApi } from '../../test-support/fake-renderer-api';
import { cookieOf, draftOf, workspaceOf } from '../../test-support/renderer-fixtures';
import { activeCookieJar } from './cookies-slice';
import { useLantern } from './index';

vi.mock('../api', () => import('../../test-support/fake-renderer-api').then((m) => m.fakeApi.module));

const jarOf = (workspaceId?: string): CookieJarInfo => ({
  ...(workspaceId ? { workspaceId } : {}),
  label: workspaceId ? `Workspace "${workspaceId}"` : 'Requests outside a workspace',
  kept: workspaceId ? 'vault' : 'memory',
});
const shownNames = () => activeCookieJar(useLantern.getState())?.cookies.map((c) => c.name);
let stops: (() => void)[] = [];
const watch = () => stops.push(useLantern.getState().watchCookies());

beforeEach(() => {
  stops.forEach((stop) => stop());
  stops = [];
  fakeApi.reset();
  useLantern.setState({ cookieJar: undefined, cookiesError: undefined, workspaceView: workspaceOf('ws_a') });
  useLantern.getState().openTab({ draft: draftOf('http://127.0.0.1:1/cookies') });
});

describe('cookies slice', () => {
  it('lists the jar of the active tab’s workspace when the Cookies tab shows it', async () => {
    fakeApi.answer('listCookies', { jar: jarOf('ws_a'), cookies: [cookieOf('MoodleSession')] });
    watch();
    await fakeApi.settle();
    expect(fakeApi.callsOf('listCookies')).toEqual([{ workspaceId: 'ws_a' }]);
    expect(shownNames()).toEqual(['MoodleSession']);
  });

  it('follows the active tab to another workspace’s jar, never showing the old jar’s cookies', async () => {
    fakeApi.answer('listCookies', { jar: jarOf('ws_a'), cookies: [cookieOf('a')] });
    watch();
    await fakeApi.settle();
    const held = fakeApi.hold('listCookies');
    useLantern
      .getState()
      .openTab({ draft: draftOf('http://x/'), sourceId: 'file:r1', name: 'B', workspaceId: 'ws_b' });
    expect(held.inputs).toEqual([{ workspaceId: 'ws_b' }]);
    expect(shownNames()).toBeUndefined();
    await held.answer(0, { ok: true, value: { jar: jarOf('ws_b'), cookies: [cookieOf('b')] } });
    expect(shownNames()).toEqual(['b']);
  });

  it('is refreshed after a send completes while shown', async () => {
    fakeApi.answer('listCookies', { jar: jarOf('ws_a'), cookies: [] }).fail('send', 'network.refused', 'No.');
    await useLantern.getState().send();
    expect(fakeApi.callsOf('listCookies')).toHaveLength(0);
    watch();
    await useLantern.getState().send();
    expect(fakeApi.callsOf('listCookies')).toHaveLength(2);
  });

  it('clears that jar, or one host’s cookies, then lists it again', async () => {
    fakeApi.answer('clearCookies', {}).answer('listCookies', { jar: jarOf('ws_a'), cookies: [] });
    await useLantern.getState().clearCookies('127.0.0.1');
    await useLantern.getState().clearCookies();
    expect(fakeApi.callsOf('clearCookies')).toEqual([
      { workspaceId: 'ws_a', domain: '127.0.0.1' },
      { workspaceId: 'ws_a' },
    ]);
    expect(shownNames()).toEqual([]);
  });

  it('says why clearing failed, after listing the jar again', async () => {
    fakeApi
      .fail('clearCookies', 'jar.locked', 'The jar is being saved.')
      .answer('listCookies', { jar: jarOf('ws_a'), cookies: [] });
    await useLantern.getState().clearCookies();
    expect(useLantern.getState().cookiesError).toBe('The jar is being saved.');
  });

  it('ignores the answer of an older listing that arrives after a newer one', async () => {
    const held = fakeApi.hold('listCookies');
    void useLantern.getState().refreshCookies();
    void useLantern.getState().refreshCookies();
    await held.answer(1, { ok: true, value: { jar: jarOf('ws_a'), cookies: [] } });
    await held.answer(0, { ok: true, value: { jar: jarOf('ws_a'), cookies: [cookieOf('cleared-since')] } });
    expect(shownNames()).toEqual([]);
  });
});
