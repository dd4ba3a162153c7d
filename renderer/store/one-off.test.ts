import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeApi } from '../../test-support/fake-renderer-api';
import { draftOf } from '../../test-support/renderer-fixtures';
import { useLantern } from './index';

vi.mock('../api', () => import('../../test-support/fake-renderer-api').then((m) => m.fakeApi.module));

beforeEach(() => fakeApi.reset());

describe('one-off questions go through the store and come back as Results', () => {
  it('files: dialogs only in the desktop app; a pick is a grant, a cancelled pick is none', async () => {
    expect(useLantern.getState().hasFileDialogs).toBe(false);
    fakeApi.answer('pickFile', {});
    expect(await useLantern.getState().chooseFile()).toEqual({ ok: true, value: undefined });
    const file = { ref: `grant:${'a'.repeat(32)}/schema.graphql`, name: 'schema.graphql', size: 12 };
    fakeApi.answer('pickFile', { file });
    expect(await useLantern.getState().chooseFile({ title: 'Schema' })).toEqual({ ok: true, value: file });
    expect(fakeApi.calls.at(-1)).toMatchObject({ name: 'pickFile', input: { title: 'Schema' } });
  });

  it('files: a save says what happened: written under the chosen name, or cancelled', async () => {
    fakeApi.answer('saveTextFile', { saved: true, name: 'mine.json', bytes: 1234 });
    expect(await useLantern.getState().saveText({ suggestedName: 'response.json', text: '{}' })).toEqual({
      ok: true,
      text: 'Saved 1,234 bytes as mine.json.',
    });
    fakeApi.answer('saveTextFile', { saved: false });
    expect(await useLantern.getState().saveText({ suggestedName: 'response.json', text: '{}' })).toEqual({
      ok: true,
      text: 'Not saved: the save dialog was cancelled.',
    });
  });

  it('large bodies: rows, search, pretty and save name the stored body', async () => {
    fakeApi.answer('readBodyRows', {
      fromRow: 0,
      rows: [{ line: 1, text: '{', wrapped: false }],
      totalRows: 1,
      lines: 1,
      bytes: 1,
    });
    const rows = await useLantern.getState().readBodyRows({ bodyId: 'b1', fromRow: 0, count: 1 });
    expect(rows.ok && rows.value.rows).toHaveLength(1);
    fakeApi.fail('prettyBody', 'body.not-json', 'Line 3: unexpected token.');
    const pretty = await useLantern.getState().prettyBody({ bodyId: 'b1' });
    expect(!pretty.ok && pretty.error.code).toBe('body.not-json');
    expect(fakeApi.calls.map((c) => c.name)).toEqual(['readBodyRows', 'prettyBody']);
  });

  it('support bundle: built by the main side from the draft and exchange it is given', async () => {
    fakeApi.answer('supportBundle', {
      format: 'markdown',
      text: '# Request',
      fileName: 'lantern-support.md',
      mimeType: 'text/markdown',
    });
    const draft = draftOf('http://x/');
    const bundle = await useLantern.getState().supportBundle({ draft, format: 'markdown' });
    expect(bundle.ok && bundle.value.text).toBe('# Request');
    expect(fakeApi.callsOf('supportBundle')[0]?.draft.url).toBe('http://x/');
  });
});
