import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeApi } from '../../test-support/fake-renderer-api';
import { credentialOf, draftOf, workspaceOf } from '../../test-support/renderer-fixtures';
import { useLantern } from './index';

vi.mock('../api', () => import('../../test-support/fake-renderer-api').then((m) => m.fakeApi.module));

const ids = () => useLantern.getState().credentials.map((c) => c.id);
const listed = () => fakeApi.callsOf('listCredentials').length;

beforeEach(() => {
  fakeApi.reset();
  useLantern.setState({ credentials: [], credentialsError: undefined });
});

describe('credentials slice', () => {
  it('loads when a component shows the list; a second one reads the same cache at once', async () => {
    fakeApi.answer('listCredentials', [credentialOf('a')]);
    const stopFirst = useLantern.getState().watchCredentials();
    await fakeApi.settle();
    expect(ids()).toEqual(['a']);
    // The picker of another editor opens: it shows what is held while it asks again.
    fakeApi.hold('listCredentials');
    const stopSecond = useLantern.getState().watchCredentials();
    expect(ids()).toEqual(['a']);
    stopFirst();
    stopSecond();
  });

  it('refreshes after an outside change only while a component shows the list', async () => {
    fakeApi.answer('listCredentials', [credentialOf('a')]);
    useLantern.getState().invalidateCredentials();
    expect(listed()).toBe(0);
    const stop = useLantern.getState().watchCredentials();
    useLantern.getState().invalidateCredentials();
    expect(listed()).toBe(2);
    stop();
    useLantern.getState().invalidateCredentials();
    expect(listed()).toBe(2);
  });

  it('lists a saved credential at once, then asks for the whole list again', async () => {
    fakeApi.answer('saveCredential', credentialOf('b', 'Team token'));
    const held = fakeApi.hold('listCredentials');
    const result = await useLantern
      .getState()
      .saveCredential({ kind: 'bearer', label: 'Team token', fields: {} });
    expect(result.ok).toBe(true);
    expect(ids()).toEqual(['b']);
    expect(held.inputs).toHaveLength(1);
    await held.answer(0, { ok: true, value: [credentialOf('a'), credentialOf('b', 'Team token')] });
    expect(ids()).toEqual(['a', 'b']);
  });

  it('a browser session from a pasted cURL is listed the same way', async () => {
    fakeApi
      .answer('credentialFromCurl', { credential: credentialOf('session'), notes: ['No sesskey header.'] })
      .answer('listCredentials', [credentialOf('session')]);
    const result = await useLantern
      .getState()
      .credentialFromCurl({ label: 'Learn', text: "curl 'https://x'" });
    expect(result.ok && result.value.notes).toEqual(['No sesskey header.']);
    expect(ids()).toEqual(['session']);
  });

  it('asks again what the active saved request inherits: its Auth tab names the credential', async () => {
    useLantern.setState({ workspaceView: workspaceOf('ws') });
    useLantern.getState().openTab({ draft: draftOf('http://x/'), sourceId: 'file:req_1', workspaceId: 'ws' });
    await fakeApi.settle(); // the inheritance slice asks once for the newly opened tab
    fakeApi.reset().answer('saveCredential', credentialOf('b', 'Renamed')).answer('listCredentials', []);
    await useLantern.getState().saveCredential({ id: 'b', kind: 'bearer', label: 'Renamed', fields: {} });
    expect(fakeApi.callsOf('inheritance')).toEqual([
      { savedRequestId: 'req_1', workspaceId: 'ws', draft: draftOf('http://x/') },
    ]);
    useLantern.setState({ workspaceView: undefined });
  });

  it('a deleted credential leaves the list', async () => {
    useLantern.setState({ credentials: [credentialOf('a'), credentialOf('b')] });
    fakeApi.answer('deleteCredential', { deleted: true }).hold('listCredentials');
    await useLantern.getState().deleteCredential('a');
    expect(ids()).toEqual(['b']);
  });

  it('ignores the answer of an older refresh that arrives after a newer one', async () => {
    const held = fakeApi.hold('listCredentials');
    void useLantern.getState().refreshCredentials();
    void useLantern.getState().refreshCredentials();
    await held.answer(1, { ok: true, value: [credentialOf('new')] });
    await held.answer(0, { ok: true, value: [credentialOf('old')] });
    expect(ids()).toEqual(['new']);
  });

  it('keeps the list and says why when a refresh fails', async () => {
    useLantern.setState({ credentials: [credentialOf('a')] });
    fakeApi.fail('listCredentials', 'vault.unreadable', 'The vault cannot be read.');
    await useLantern.getState().refreshCredentials();
    expect(ids()).toEqual(['a']);
    expect(useLantern.getState().credentialsError).toBe('The vault cannot be read.');
  });

  it('hands a revealed secret to the caller and keeps it nowhere in the store', async () => {
    fakeApi.answer('revealSecret', { value: 'team-secret-token-7d1e' });
    expect(await useLantern.getState().revealSecret('a')).toBe('team-secret-token-7d1e');
    expect(JSON.stringify(useLantern.getState())).not.toContain('team-secret-token-7d1e');
    expect(fakeApi.callsOf('revealSecret')).toEqual([{ credentialId: 'a' }]);
  });
});
