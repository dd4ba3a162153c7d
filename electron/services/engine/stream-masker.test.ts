import { describe, expect, it } from 'vitest';
import { maskValue } from '../../../shared/redact/mask-headers';
import { StreamMasker, withoutSecretStart } from './stream-masker';

const SECRETS = ['canary-token-5f2b9e', 'pa55word', 'tok'];

/** Feeds `text` in chunks of `size` bytes and joins what comes out. */
function maskInChunks(text: string, size: number, secrets = SECRETS): { out: string; count: number } {
  const masker = new StreamMasker(secrets);
  const bytes = Buffer.from(text, 'utf8');
  const parts: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += size) parts.push(masker.push(bytes.subarray(at, at + size)));
  parts.push(masker.end());
  return { out: Buffer.concat(parts).toString('utf8'), count: masker.count };
}

describe('StreamMasker', () => {
  it.each([
    ['no secret here', 'no secret here', 0],
    ['{"token":"canary-token-5f2b9e"}', '{"token":"••••2b9e"}', 1],
    ['pa55word and pa55word', '•••• and ••••', 2],
    ['tok is too short to be a secret', 'tok is too short to be a secret', 0],
    ['émoji ✓ canary-token-5f2b9e ✓', 'émoji ✓ ••••2b9e ✓', 1],
    ['canary-token-5f2b9ecanary-token-5f2b9e', '••••2b9e••••2b9e', 2],
  ])('%j → %j', (text, expected, count) => {
    for (const size of [1, 2, 3, 7, 64, 10_000]) {
      expect(maskInChunks(text, size)).toEqual({ out: expected, count });
    }
  });

  it('masks the same way as the send pipeline masks a small body', () => {
    const text = `start ${'x'.repeat(50)}canary-token-5f2b9e${'y'.repeat(30)}pa55word end`;
    expect(maskInChunks(text, 5).out).toBe(maskValue('url', text, SECRETS));
  });

  it('prefers the longer secret where two start at the same place', () => {
    expect(maskInChunks('abcd-long-secret', 3, ['abcd', 'abcd-long-secret']).out).toBe('••••cret');
  });

  it('passes bytes through untouched when there is nothing to mask', () => {
    const masker = new StreamMasker([]);
    expect(masker.active).toBe(false);
    expect(masker.push(Buffer.from('abc')).toString()).toBe('abc');
  });
});

describe('withoutSecretStart', () => {
  it.each([
    ['preview ends inside canary-tok', 'preview ends inside '],
    ['preview ends cleanly.', 'preview ends cleanly.'],
    ['ends with the whole ••••2b9e', 'ends with the whole ••••2b9e'],
  ])('%j → %j', (text, expected) => {
    expect(withoutSecretStart(text, SECRETS)).toBe(expected);
  });
});
