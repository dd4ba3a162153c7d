import { describe, expect, it } from 'vitest';
import type { Exchange } from '../model/response';
import { buildSupportBundle } from './build';
import type { SupportBundleInput } from './types';

// Canaries: if any of these reaches a bundle, in any encoding, masking failed.
const TOKEN = 'tok_CANARY_9f8e7d6c5b4a3210';
const CLIENT_SECRET = 'sec-CANARY/with+odd&chars=1';
const COOKIE = 'sess-CANARY-cookie-77';
const SESSKEY = 'SKcanary42xyz';
const ENV_SECRET = 'env-CANARY-api-key-55';
const SECRETS = [TOKEN, CLIENT_SECRET, COOKIE, SESSKEY, ENV_SECRET];

function exchange(body: string): Exchange {
  return {
    requestId: 'r1',
    request: {
      method: 'POST',
      url: `https://api.example.com/users?api_key=${ENV_SECRET}&page=2`,
      headers: [
        ['Authorization', `Bearer ${TOKEN}`],
        ['Cookie', `MoodleSession=${COOKIE}; lang=en`],
        ['X-Totara-Sesskey', SESSKEY],
        ['Content-Type', 'application/json'],
      ],
    },
    response: {
      status: 429,
      statusText: 'Too Many Requests',
      headers: [
        ['retry-after', '30'],
        ['set-cookie', `MoodleSession=${COOKIE}; path=/; HttpOnly`],
        ['x-echo', encodeURIComponent(CLIENT_SECRET)],
      ],
      body: { text: body, encoding: 'utf8', truncated: false, contentType: 'application/json' },
      bodyBytes: body.length,
    },
    timings: { firstByteMs: 40, downloadMs: 2, totalMs: 42, dnsMs: 1, connectMs: 3, tlsMs: 9 },
    startedAt: '2025-01-02T03:04:05.000Z',
  };
}

function input(overrides: Partial<SupportBundleInput> = {}): SupportBundleInput {
  const echoed = JSON.stringify({
    message: 'Too Many Attempts.',
    access_token: 'unknown-token-value-abc',
    echo: { auth: `Bearer ${TOKEN}`, secret: JSON.stringify(CLIENT_SECRET) },
  });
  return {
    lanternVersion: '9.9.9',
    generatedAt: Date.UTC(2025, 0, 2, 3, 4, 6),
    request: {
      ...exchange(echoed).request,
      body: {
        mimeType: 'application/json',
        text: JSON.stringify({
          client_id: 'client-123',
          client_secret: CLIENT_SECRET,
          password: 'hunter2-x',
        }),
      },
    },
    exchange: exchange(echoed),
    findings: [
      {
        id: 'rest.rate-limit',
        severity: 'error',
        title: 'Rate limit reached: retry in 30 s',
        explanation: `The token ${TOKEN} has used its budget.`,
        fix: 'Wait 30 seconds.',
        evidence: [{ kind: 'response-header', name: 'retry-after', value: '30' }],
      },
    ],
    client: { label: 'iHASCO prod', clientId: 'client-123', kind: 'OAuth 2 client' },
    secrets: SECRETS,
    ...overrides,
  };
}

describe('buildSupportBundle', () => {
  for (const format of ['markdown', 'har'] as const) {
    it(`${format}: no canary survives, in any encoding`, () => {
      const { text } = buildSupportBundle(input(), format);
      for (const secret of SECRETS) {
        expect(text).not.toContain(secret);
        expect(text).not.toContain(encodeURIComponent(secret));
        expect(text).not.toContain(JSON.stringify(secret).slice(1, -1));
      }
      // Secret-named fields the main side did not know are masked by name.
      expect(text).not.toContain('unknown-token-value-abc');
      expect(text).not.toContain('hunter2-x');
    });

    it(`${format}: keeps what support asks for`, () => {
      const { text } = buildSupportBundle(input(), format);
      expect(text).toContain('POST');
      expect(text).toContain('https://api.example.com/users?api_key=');
      expect(text).toContain('429');
      expect(text).toContain('Too Many Requests');
      expect(text).toContain('retry-after');
      expect(text).toContain('client-123');
      expect(text).toContain('9.9.9');
      expect(text).toContain('Rate limit reached');
      expect(text).toContain('Bearer ••••3210');
    });
  }

  it('Markdown: sections in the order of the support checklist', () => {
    const { text, fileName, mimeType } = buildSupportBundle(input(), 'markdown');
    const order = [
      '## Request',
      '### Request headers',
      '### Request body',
      '## Response',
      '**Status:** 429',
      '**Timing:**',
      '### Response headers',
      '### Response body',
      '## Findings',
    ];
    const positions = order.map((heading) => text.indexOf(heading));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(fileName).toMatch(/^lantern-support-.*\.md$/);
    expect(mimeType).toBe('text/markdown');
  });

  it('HAR: valid 1.2 with one entry, findings and masked headers', () => {
    const { text, fileName } = buildSupportBundle(input(), 'har');
    const har = JSON.parse(text) as {
      log: { version: string; creator: { version: string }; entries: Record<string, never>[] };
    };
    expect(har.log.version).toBe('1.2');
    expect(har.log.creator.version).toBe('9.9.9');
    const entry = har.log.entries[0] as unknown as {
      request: { method: string; queryString: { name: string; value: string }[]; postData: { text: string } };
      response: { status: number; content: { text: string } };
      timings: Record<string, number>;
      _findings: { id: string }[];
    };
    expect(entry.request.method).toBe('POST');
    expect(entry.request.queryString).toContainEqual({ name: 'page', value: '2' });
    expect(entry.response.status).toBe(429);
    expect(entry._findings[0]?.id).toBe('rest.rate-limit');
    expect(entry.timings.connect).toBe(12);
    expect(entry.timings.wait).toBeGreaterThanOrEqual(0);
    expect(fileName).toMatch(/\.har$/);
  });

  it('cuts a long response body and says so; the cut never leaves half a secret', () => {
    const body = `${'x'.repeat(95)}${TOKEN}${'y'.repeat(500)}`;
    const { text } = buildSupportBundle(input({ exchange: exchange(body), bodyLimit: 100 }), 'markdown');
    expect(text).toContain('Truncated: the first 100 characters');
    expect(text).not.toContain(TOKEN.slice(0, 5));
  });

  it('a binary body is left out with a note', () => {
    const ex = exchange('');
    ex.response.body = { text: 'AAEC', encoding: 'base64', truncated: false, contentType: 'image/png' };
    const { text } = buildSupportBundle(input({ exchange: ex }), 'markdown');
    expect(text).toContain('Binary body');
  });

  it('a failed send: the request and the error, no response', () => {
    const { text } = buildSupportBundle(
      input({
        exchange: undefined,
        error: { code: 'network.refused', message: `Connection refused to ${TOKEN}.example` },
      }),
      'markdown',
    );
    expect(text).toContain('## The request failed');
    expect(text).toContain('network.refused');
    expect(text).not.toContain('## Response');
    expect(text).not.toContain(TOKEN);
  });

  it('a body that contains backticks cannot close its fence', () => {
    const { text } = buildSupportBundle(input({ exchange: exchange('```\n# not a heading') }), 'markdown');
    expect(text).toContain('````');
  });
});
