import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeApi } from '../../test-support/fake-renderer-api';
import { draftOf, tokenOf } from '../../test-support/renderer-fixtures';
import { useLantern } from './index';

vi.mock('../api', () => import('../../test-support/fake-renderer-api').then((m) => m.fakeApi.module));

const ids = () => useLantern.getState().tokens.map((t) => t.id);
const listed = () => fakeApi.callsOf('listTokens').length;
let stops: (() => void)[] = [];
const watch = () => stops.push(useLantern.getState().watchTokens());

beforeEach(() => {
  stops.forEach((stop) => stop());
  stops = [];
  fakeApi.reset();
  useLantern.setState({ tokens: [], tokensError: undefined });
  useLantern.getState().openTab({ draft: draftOf('http://127.0.0.1:1/token-protected') });
});

describe('tokens slice', () => {
  it('loads when the Tokens tab shows it', async () => {
    fakeApi.answer('listTokens', [tokenOf('t1')]);
    watch();
    await fakeApi.settle();
    expect(ids()).toEqual(['t1']);
  });

  it('is refreshed after a send completes while the Tokens tab shows it, and not otherwise', async () => {
    fakeApi.answer('listTokens', [tokenOf('t1')]).fail('send', 'network.refused', 'Nothing is listening.');
    await useLantern.getState().send();
    expect(listed()).toBe(0);
    watch();
    expect(listed()).toBe(1);
    await useLantern.getState().send();
    expect(listed()).toBe(2);
  });

  it('is refreshed after a GraphQL introspection, which may have granted a token', async () => {
    fakeApi.answer('listTokens', []).fail('introspectSchema', 'http.401', 'Unauthorized.');
    watch();
    const draft = draftOf('http://127.0.0.1:1/graphql');
    await useLantern.getState().fetchSchema({ url: draft.url }, draft);
    expect(listed()).toBe(2);
  });

  it('"Get a new token" and "Forget" refresh the list; a failure is said', async () => {
    fakeApi
      .answer('listTokens', [tokenOf('t2')])
      .answer('newToken', tokenOf('t2'))
      .fail('forgetToken', 'token.unknown', 'That token is gone.');
    expect(await useLantern.getState().newToken('client')).toBeUndefined();
    expect(ids()).toEqual(['t2']);
    expect(fakeApi.callsOf('newToken')).toEqual([{ credentialId: 'client' }]);
    expect(await useLantern.getState().forgetToken('t1')).toBe('That token is gone.');
    expect(listed()).toBe(2);
  });

  it('ignores the answer of an older refresh that arrives after a newer one', async () => {
    const held = fakeApi.hold('listTokens');
    void useLantern.getState().refreshTokens();
    void useLantern.getState().refreshTokens();
    await held.answer(1, { ok: true, value: [tokenOf('after-send')] });
    await held.answer(0, { ok: true, value: [] });
    expect(ids()).toEqual(['after-send']);
  });

  it('hands a revealed token to the caller and keeps it nowhere in the store', async () => {
    fakeApi.answer('revealToken', { value: 'eyJhbGciOi.secret-part' });
    expect(await useLantern.getState().revealToken('t1')).toBe('eyJhbGciOi.secret-part');
    expect(JSON.stringify(useLantern.getState())).not.toContain('secret-part');
  });
});
