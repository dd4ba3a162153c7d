// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Exchange } from '../../shared/model/response';
import { fakeApi } from '../../test-support/fake-renderer-api';
import { AUTO_RETRY_CAP } from './diagnostics-slice';
import { activeTab } from './tabs-slice';
import { useLantern } from './index';

vi.mock('../api', () => import('../../test-support/fake-renderer-api').then((m) => m.fakeApi.module));
const sent = () => fakeApi.callsOf('send');

function limited(retryAt: number): Exchange {
  return {
    requestId: `r${retryAt}`,
    request: { method: 'GET', url: 'http://127.0.0.1:1/users', headers: [] },
    response: {
      status: 429,
      statusText: 'Too Many Requests',
      headers: [],
      body: { text: '', encoding: 'utf8', truncated: false, contentType: 'application/json' },
      bodyBytes: 0,
    },
    timings: { firstByteMs: 1, downloadMs: 0, totalMs: 1 },
    startedAt: new Date(0).toISOString(),
    rateLimit: {
      key: 'k',
      host: '127.0.0.1:1',
      state: { policies: [{ limit: 2, remaining: 0, source: 'x' }], retryAt, notes: [] },
      at: Date.now(),
      history: [{ at: Date.now(), status: 429, remaining: 0, limit: 2 }],
      count429: 1,
    },
  };
}

const tabId = () => useLantern.getState().activeTabId;
const receive = (exchange: Exchange) =>
  useLantern.setState((s) => ({
    tabs: s.tabs.map((t) => (t.id === s.activeTabId ? { ...t, exchange, phase: 'done' } : t)),
  }));

beforeEach(() => {
  vi.useFakeTimers();
  fakeApi.reset();
  useLantern.setState({ autoRetry: false, autoRetries: {}, scheduledRetry: undefined, retryNote: undefined });
});
afterEach(() => {
  useLantern.getState().cancelRetry();
  vi.useRealTimers();
});

describe('diagnostics slice: sending again when allowed', () => {
  it('"send again when allowed" waits for the retry time, then sends the tab', async () => {
    receive(limited(Date.now() + 3_000));
    useLantern.getState().scheduleRetry(tabId(), Date.now() + 3_000);
    expect(useLantern.getState().scheduledRetry?.tabId).toBe(tabId());
    await vi.advanceTimersByTimeAsync(2_900);
    expect(sent()).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(400);
    expect(sent()).toHaveLength(1);
    expect(useLantern.getState().scheduledRetry).toBeUndefined();
  });

  it('cancel stops it', async () => {
    useLantern.getState().scheduleRetry(tabId(), Date.now() + 1_000);
    useLantern.getState().cancelRetry();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(sent()).toHaveLength(0);
  });

  it('does not send another tab than the one it was scheduled for', async () => {
    useLantern.getState().scheduleRetry('some-other-tab', Date.now() + 1_000);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(sent()).toHaveLength(0);
    expect(useLantern.getState().retryNote).toMatch(/another request tab/);
  });

  it(`auto-retry schedules itself on a 429 and stops after ${AUTO_RETRY_CAP} in a row`, () => {
    useLantern.getState().setAutoRetry(true);
    for (let i = 1; i <= AUTO_RETRY_CAP; i++) {
      receive(limited(Date.now() + i * 1_000));
      expect(useLantern.getState().scheduledRetry).toMatchObject({ auto: true, tabId: tabId() });
      useLantern.getState().cancelRetry();
    }
    receive(limited(Date.now() + 9_000));
    expect(useLantern.getState().scheduledRetry).toBeUndefined();
    expect(useLantern.getState().retryNote).toMatch(/stopped after 3/);
  });

  it('auto-retry ticked while a 429 countdown runs schedules that re-send', async () => {
    receive(limited(Date.now() + 4_000));
    expect(useLantern.getState().scheduledRetry).toBeUndefined();
    useLantern.getState().setAutoRetry(true);
    expect(useLantern.getState().scheduledRetry).toMatchObject({ auto: true, tabId: tabId() });
    await vi.advanceTimersByTimeAsync(4_300);
    expect(sent()).toHaveLength(1);
  });

  it('auto-retry ticked after the countdown ended schedules nothing', () => {
    receive(limited(Date.now() - 1_000));
    useLantern.getState().setAutoRetry(true);
    expect(useLantern.getState().scheduledRetry).toBeUndefined();
  });

  it('showResponsePart opens that part in the active tab only', () => {
    const before = activeTab(useLantern.getState()).id;
    useLantern.getState().showResponsePart('diagnostics');
    expect(activeTab(useLantern.getState()).responsePart).toBe('diagnostics');
    useLantern.getState().openTab({ sourceId: 'other', name: 'Other' });
    expect(activeTab(useLantern.getState()).responsePart).toBe('body');
    useLantern.getState().selectTab(before);
    expect(activeTab(useLantern.getState()).responsePart).toBe('diagnostics');
  });
});
