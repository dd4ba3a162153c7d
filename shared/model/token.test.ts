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

  it('calls a token the server refused "rejected", however long it had left', () => {
    const rejected = { at: 500, method: 'POST', url: 'https://lms.example.com/api/graphql.php', status: 401 };
    expect(tokenState(86_400_000, 1_000, rejected)).toBe('rejected');
    expect(tokenState(undefined, 1_000, rejected)).toBe('rejected');
  });
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
