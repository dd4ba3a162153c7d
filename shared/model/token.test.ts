import { describe, expect, it } from 'vitest';
import { formatCountdown, tokenState } from './token';

describe('tokenState', () => {
  it.each([
    [undefined, 'no-expiry'],
    [1_000, 'expired'],
    [1_001, 'expiring'],
    [61_000, 'expiring'],
    [61_001, 'valid'],
  ] as const)('expiresAt %s at t=1000 → %s', (expiresAt, state) =>
    expect(tokenState(expiresAt, 1_000)).toBe(state),
  );
});

describe('formatCountdown', () => {
  it.each([
    [0, '0 s'],
    [-5_000, '0 s'],
    [12_400, '12 s'],
    [245_000, '4 min 05 s'],
    [3_720_000, '1 h 02 min'],
  ])('%d ms → %s', (ms, text) => expect(formatCountdown(ms)).toBe(text));
});
