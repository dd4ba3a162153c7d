// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { blobBase64 } from './file-transfer';

describe('blobBase64', () => {
  it('encodes a part as base64, and an empty part as nothing (its data: URL may have no comma)', async () => {
    expect(await blobBase64(new Blob(['hi there']))).toBe(btoa('hi there'));
    expect(await blobBase64(new Blob([new Uint8Array([0, 255, 10])]))).toBe('AP8K');
    expect(await blobBase64(new Blob([]))).toBe('');
  });
});
