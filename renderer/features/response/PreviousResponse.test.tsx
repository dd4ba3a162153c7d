// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Exchange } from '../../../shared/model/response';
import { fakeApi } from '../../../test-support/fake-renderer-api';
import { newTab } from '../../store/tabs-slice';
import { PreviousResponse } from './PreviousResponse';

// The response views (Monaco) are not what this test is about.
vi.mock('./ExchangeView', () => ({ ExchangeView: () => null }));
vi.mock('../../api', () => import('../../../test-support/fake-renderer-api').then((m) => m.fakeApi.module));

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const previous: Exchange = {
  requestId: 'r',
  request: { method: 'GET', url: 'http://127.0.0.1:1/users', headers: [] },
  response: {
    status: 200,
    statusText: 'OK',
    headers: [['content-type', 'application/json']],
    body: { text: '{}', encoding: 'utf8', truncated: false, contentType: 'application/json' },
    bodyBytes: 2,
  },
  timings: { firstByteMs: 1, downloadMs: 0, totalMs: 1 },
  startedAt: new Date(0).toISOString(),
};

let container: HTMLDivElement;
let root: Root;
beforeEach(() => {
  fakeApi.reset();
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
});
afterEach(() => {
  act(() => root.unmount());
  container.remove();
});

async function bannerAfter(code: string): Promise<string> {
  const tab = { ...newTab(), phase: 'failed' as const, previous, sendError: { code, message: 'x' } };
  await act(async () => root.render(<PreviousResponse tab={tab} previous={previous} />));
  const show = container.querySelector('[data-testid="show-previous-response"]') as HTMLButtonElement;
  act(() => show.click());
  return container.querySelector('[data-testid="previous-response"] [role="note"]')?.textContent ?? '';
}

describe('PreviousResponse', () => {
  it('says the last send failed when it failed', async () => {
    expect(await bannerAfter('network.refused')).toMatch(/not the answer to the last send, which failed\./);
  });

  it('says the last send was cancelled when the user cancelled it', async () => {
    expect(await bannerAfter('cancelled')).toMatch(/not the answer to the last send, which was cancelled\./);
  });
});
