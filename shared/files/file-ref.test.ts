import { describe, expect, it } from 'vitest';
import { fileRefName, grantRef, parseFileRef, safeFileName, suggestedNameSchema } from './file-ref';

const id = 'ab'.repeat(16);

describe('file references', () => {
  it('reads a grant back as its id and name', () => {
    expect(parseFileRef(grantRef(id, 'client.pem'))).toEqual({ kind: 'grant', id, name: 'client.pem' });
    expect(fileRefName(grantRef(id, 'my file (1).json'))).toBe('my file (1).json');
  });

  it.each([
    ['fixtures/upload.bin', 'upload.bin'],
    ['/etc/passwd', 'passwd'],
    ['C:\\Users\\me\\cert.pem', 'cert.pem'],
    [`grant:${id.slice(2)}/short-id`, 'short-id'],
    [`grant:${id.toUpperCase()}/upper`, 'upper'],
  ])('anything but a well-formed grant is a path: %s', (text, name) => {
    expect(parseFileRef(text).kind).toBe('path');
    expect(fileRefName(text)).toBe(name);
  });
});

describe('names of saved and uploaded files', () => {
  it.each([
    ['response.json', 'response.json'],
    ['../../.bashrc', '_.._.bashrc'],
    ['.ssh', 'ssh'],
    ['a/b\\c:d', 'a_b_c_d'],
    ['', 'lantern-file'],
    ['...', 'lantern-file'],
  ])('%j becomes %j: no folder part, no leading dot', (name, safe) => {
    expect(safeFileName(name)).toBe(safe);
    expect(suggestedNameSchema.parse(name)).toBe(safe);
  });
});
