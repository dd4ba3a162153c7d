import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../../shared/model/history';
import { mapStrings, redactEntry } from './redact-entry';

const entry = (): HistoryEntry => ({
  summary: {
    id: 'h1',
    at: new Date(0).toISOString(),
    method: 'POST',
    url: 'https://lms.example.com/login',
    status: 200,
    statusText: 'OK',
    totalMs: 1,
    bodyBytes: 2,
  },
  draft: {
    method: 'POST',
    url: 'https://lms.example.com/login',
    headers: [],
    body: { mode: 'none' },
    auth: { type: 'none' },
  },
  exchange: {
    requestId: 'r',
    request: {
      method: 'POST',
      url: 'https://lms.example.com/login',
      headers: [],
      body: {
        kind: 'text',
        text: '{"username":"ada","password":"hunter2-long"}',
        bytes: 44,
        truncated: false,
      },
    },
    response: {
      status: 200,
      statusText: 'OK',
      headers: [],
      body: { text: '{}', encoding: 'utf8', truncated: false, contentType: 'application/json' },
      bodyBytes: 2,
    },
    timings: { firstByteMs: 1, downloadMs: 1, totalMs: 2 },
    startedAt: new Date(0).toISOString(),
    redirects: [
      {
        status: 303,
        method: 'POST',
        url: 'https://lms.example.com/login',
        location: 'https://lms.example.com/my/?sesskey=Zx81kQ0pLm',
        headers: [
          ['location', 'https://lms.example.com/my/?sesskey=Zx81kQ0pLm'],
          ['set-cookie', 'MoodleSession=abcdef0123456789; path=/'],
        ],
      },
    ],
  },
});

describe('redactEntry on what the Timeline now keeps', () => {
  it('masks a redirect hop’s Location query and Set-Cookie, and secret fields of the body as sent', () => {
    const text = JSON.stringify(redactEntry(entry(), []));
    expect(text).not.toContain('Zx81kQ0pLm');
    expect(text).not.toContain('abcdef0123456789');
    expect(text).not.toContain('hunter2-long');
  });
});

describe('mapStrings', () => {
  it('maps every nested string into a new value, shares untouched parts and never changes its input', () => {
    const input = {
      headers: [
        ['Authorization', 'Bearer tok-secret-1'],
        ['Accept', 'application/json'],
      ],
      rateLimit: { history: [{ at: 1, status: 200 }] },
      notes: ['plain', 'has tok-secret-1 in it'],
    };
    const before = structuredClone(input);
    const out = mapStrings(input, (text) => text.split('tok-secret-1').join('••••')) as typeof input;
    expect(out).toEqual({
      headers: [
        ['Authorization', 'Bearer ••••'],
        ['Accept', 'application/json'],
      ],
      rateLimit: { history: [{ at: 1, status: 200 }] },
      notes: ['plain', 'has •••• in it'],
    });
    expect(input).toEqual(before);
    expect(out.rateLimit).toBe(input.rateLimit);
    expect(out.headers[1]).toBe(input.headers[1]);
    expect(out.headers).not.toBe(input.headers);
    expect(mapStrings(input, (text) => text)).toBe(input);
  });
});
