// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeApi } from '../../../test-support/fake-renderer-api';
import { cookieOf, draftOf, workspaceOf } from '../../../test-support/renderer-fixtures';
import { useLantern } from '../../store';
import { CookiesView } from './CookiesView';

vi.mock('../../api', () => import('../../../test-support/fake-renderer-api').then((m) => m.fakeApi.module));

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const jar = { workspaceId: 'ws', label: 'Workspace "ws"', kept: 'vault' as const };
let container: HTMLDivElement;
let root: Root;
const byTestId = (id: string) => container.querySelector<HTMLElement>(`[data-testid="${id}"]`);

beforeEach(() => {
  fakeApi.reset();
  useLantern.setState({ cookieJar: undefined, cookiesError: undefined, workspaceView: workspaceOf('ws') });
  useLantern.getState().openTab({ draft: draftOf('http://127.0.0.1:1/cookies') });
  container = document.body.appendChild(document.createElement('div'));
  root = createRoot(container);
});
afterEach(() => {
  act(() => root.unmount());
  container.remove();
});

describe('CookiesView', () => {
  it('shows the active tab’s jar from the store, and lists it again after a send and after clearing', async () => {
    fakeApi
      .answer('listCookies', { jar, cookies: [cookieOf('MoodleSession')] })
      .answer('clearCookies', {})
      .fail('send', 'network.refused', 'Nothing is listening.');
    await act(async () => root.render(<CookiesView setCookies={[]} host="127.0.0.1" />));
    expect(byTestId('cookie-jar-label')?.textContent).toContain('Cookie jar: Workspace "ws"');
    expect(byTestId('cookie-jar')?.textContent).toContain('MoodleSession');

    await act(() => useLantern.getState().send());
    expect(fakeApi.callsOf('listCookies')).toHaveLength(2);

    fakeApi.answer('listCookies', { jar, cookies: [] });
    await act(async () => byTestId('cookies-clear-host')?.click());
    expect(fakeApi.callsOf('clearCookies')).toEqual([{ workspaceId: 'ws', domain: '127.0.0.1' }]);
    expect(byTestId('cookie-jar')).toBeNull();
    expect(container.textContent).toContain('This cookie jar is empty.');
  });
});
