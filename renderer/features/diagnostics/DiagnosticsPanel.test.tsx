// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Exchange } from '../../../shared/model/response';

import { fakeApi } from '../../../test-support/fake-renderer-api';
import { useLantern } from '../../store';
import { activeTab, newTab } from '../../store/tabs-slice';
import { DiagnosticsPanel } from './DiagnosticsPanel';
import { TroubleshootingStrip } from './TroubleshootingStrip';

vi.mock('../../api', () => import('../../../test-support/fake-renderer-api').then((m) => m.fakeApi.module));

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const exchange: Exchange = {
  requestId: 'r',
  request: {
    method: 'GET',
    url: 'http://127.0.0.1:1/users',
    headers: [['Authorization', 'Bearer ••••abcd']],
  },
  response: {
    status: 429,
    statusText: 'Too Many Requests',
    headers: [['retry-after', '3']],
    body: {
      text: '{"message":"Too Many Attempts."}',
      encoding: 'utf8',
      truncated: false,
      contentType: 'application/json',
    },
    bodyBytes: 31,
  },
  timings: { firstByteMs: 1, downloadMs: 0, totalMs: 1 },
  startedAt: new Date(0).toISOString(),
  findings: [
    {
      id: 'rest.rate-limit',
      severity: 'error',
      title: 'Rate limit reached: retry in 3 s',
      explanation: 'The token has used its budget.',
      fix: 'Wait 3 seconds.',
      evidence: [
        { kind: 'status', value: '429' },
        { kind: 'response-header', name: 'retry-after', value: '3' },
        { kind: 'response-body', name: 'message', value: 'Too Many Attempts.' },
      ],
    },
    {
      id: 'http.cors-irrelevant',
      severity: 'info',
      title: 'CORS does not apply',
      explanation: 'x',
      fix: 'y',
      evidence: [],
    },
  ],
  rateLimit: {
    key: 'k',
    host: '127.0.0.1:1',
    credentialId: 'tok',
    state: {
      policies: [{ limit: 2, remaining: 0, source: 'x-ratelimit-*' }],
      retryAt: Date.now() + 3_000,
      notes: [],
    },
    at: Date.now(),
    history: [
      { at: Date.now() - 1, status: 200, remaining: 1, limit: 2 },
      { at: Date.now(), status: 429, remaining: 0, limit: 2 },
    ],
    count429: 1,
  },
};

let container: HTMLDivElement;
let root: Root;
const byTestId = (id: string) => container.querySelector(`[data-testid="${id}"]`);
beforeEach(() => {
  // The rate-limit table asks for the tracked hosts: none here.
  fakeApi.reset().answer('rateLimitState', []);
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
});
afterEach(() => {
  act(() => root.unmount());
  container.remove();
});

describe('DiagnosticsPanel', () => {
  it('shows each finding with its severity, fix and highlighted evidence', async () => {
    const tab = { ...newTab(), exchange };
    await act(async () => root.render(<DiagnosticsPanel tab={tab} />));
    expect(byTestId('diagnostics-count')?.textContent).toBe('2 findings');
    const card = byTestId('finding-rest.rate-limit');
    expect(card?.textContent).toContain('Error');
    expect(card?.textContent).toContain('Fix: Wait 3 seconds.');
    expect(card?.querySelector('[data-kind="response-body"] mark')?.textContent).toBe('Too Many Attempts.');
    const show = byTestId('finding-rest.rate-limit-evidence-1-show') as HTMLButtonElement;
    act(() => show.click());
    expect(activeTab(useLantern.getState()).responsePart).toBe('headers');
  });
});

describe('TroubleshootingStrip', () => {
  it('the badge names the count and worst severity; the gauge shows 0 / 2 and a retry countdown', async () => {
    const tab = { ...newTab(), exchange };
    await act(async () => root.render(<TroubleshootingStrip tab={tab} findings={exchange.findings ?? []} />));
    const badge = byTestId('findings-badge') as HTMLButtonElement;
    expect(badge.textContent).toContain('2 findings');
    expect(badge.dataset.severity).toBe('error');
    expect(byTestId('rate-limit-remaining')?.textContent).toBe('0 / 2');
    expect(byTestId('rate-limit-gauge')?.getAttribute('data-level')).toBe('empty');
    expect(byTestId('rate-limit-retry-countdown')?.textContent).toMatch(/Retry allowed in \d s/);
    act(() => badge.click());
    expect(activeTab(useLantern.getState()).responsePart).toBe('diagnostics');
  });
});
