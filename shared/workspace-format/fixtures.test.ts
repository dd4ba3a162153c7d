/**
 * The workspace file format against fixture files: YAML in, model out, and back. Each
 * `name.kind.yaml` with a `name.kind.json` beside it is canonical: it decodes to that model and
 * the model encodes to those exact bytes. `name.hand-edited.kind.yaml` decodes to `name.kind.json`
 * and re-encodes to the canonical file. A `.yaml` with an `.expect.json` must be refused, at that
 * line, with a reason that says so.
 */
import { describe, expect, it } from 'vitest';
import type { Decoded } from './file-codec';
import { decodeEnvironment, decodeFolderMeta, decodeWorkspaceFile } from './folder-files';
import { encodeEnvironment, encodeFolderMeta, encodeWorkspaceFile } from './folder-files';
import { decodeRequest, encodeRequest } from './request-file';

const files = import.meta.glob<string>('./fixtures/*', { query: '?raw', import: 'default', eager: true });
const text = (name: string) => {
  const found = files[`./fixtures/${name}`];
  if (found === undefined) throw new Error(`No fixture ${name}`);
  return found;
};
const names = Object.keys(files).map((key) => key.slice('./fixtures/'.length));

type Codec = { decode: (text: string, id: string) => Decoded<unknown>; encode: (model: never) => string };
const CODECS: Record<string, Codec> = {
  request: { decode: (t) => decodeRequest(t), encode: encodeRequest },
  _folder: { decode: (t) => decodeFolderMeta(t), encode: encodeFolderMeta },
  env: { decode: (t, id) => decodeEnvironment(t, id), encode: encodeEnvironment },
  workspace: { decode: (t) => decodeWorkspaceFile(t), encode: encodeWorkspaceFile },
};
/** `get-users.request.yaml` → the codec for `request`, and the id an environment file takes from its name. */
function codecOf(name: string): { codec: Codec; id: string } {
  const parts = name.replace(/\.(yaml|json)$/, '').split('.');
  const kind = parts.at(-1) ?? '';
  const codec = CODECS[kind];
  if (!codec) throw new Error(`No codec for ${name}`);
  return { codec, id: parts[0] ?? '' };
}

const canonical = names.filter((n) => n.endsWith('.yaml') && names.includes(n.replace(/\.yaml$/, '.json')));
const handEdited = names.filter((n) => n.includes('.hand-edited.'));
const refused = names.filter(
  (n) => n.endsWith('.yaml') && names.includes(n.replace(/\.yaml$/, '.expect.json')),
);

describe('workspace files: canonical fixtures', () => {
  it('has one of each kind of file', () => {
    expect(canonical.map((n) => codecOf(n).codec)).toEqual(expect.arrayContaining(Object.values(CODECS)));
  });

  it.each(canonical)('%s decodes to its model and encodes back byte for byte', (name) => {
    const { codec, id } = codecOf(name);
    const model = JSON.parse(text(name.replace(/\.yaml$/, '.json'))) as never;
    const decoded = codec.decode(text(name), id);
    if (!decoded.ok) throw new Error(`${name}: ${decoded.reason}`);
    expect(decoded.warnings).toEqual([]);
    expect(decoded.value).toEqual(model);
    expect(codec.encode(model)).toBe(text(name));
  });
});

describe('workspace files: edited by hand', () => {
  it.each(handEdited)('%s decodes to the same model and saves as the canonical file', (name) => {
    const target = name.replace('.hand-edited', '');
    const { codec, id } = codecOf(target);
    const decoded = codec.decode(text(name), id);
    if (!decoded.ok) throw new Error(`${name}: ${decoded.reason}`);
    expect(decoded.value).toEqual(JSON.parse(text(target.replace(/\.yaml$/, '.json'))));
    expect(codec.encode(decoded.value as never)).toBe(text(target));
  });
});

describe('workspace files: refused', () => {
  it.each(refused)('%s is refused at its line, with a reason', (name) => {
    const expected = JSON.parse(text(name.replace(/\.yaml$/, '.expect.json'))) as {
      line: number;
      reason: string;
    };
    const { codec, id } = codecOf(name);
    const decoded = codec.decode(text(name), id);
    expect(decoded.ok).toBe(false);
    if (decoded.ok) return;
    expect(decoded.line).toBe(expected.line);
    expect(decoded.reason).toContain(expected.reason);
    expect(decoded.reason.length).toBeGreaterThan(20);
  });
});
