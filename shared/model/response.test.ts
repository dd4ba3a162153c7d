import { describe, expect, it } from 'vitest';
import { receivedAtOf } from './response';

describe('receivedAtOf', () => {
  it.each([
    [
      'the start plus the time to the first byte',
      '2025-03-04T10:00:00.000Z',
      41.5,
      Date.UTC(2025, 2, 4, 10) + 41.5,
    ],
    ['an unreadable start', 'yesterday-ish', 41, undefined],
  ])('%s', (_name, startedAt, firstByteMs, expected) => {
    expect(
      receivedAtOf({ startedAt, timings: { firstByteMs, downloadMs: 1, totalMs: firstByteMs + 1 } }),
    ).toBe(expected);
  });
});
