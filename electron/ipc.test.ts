import { describe, expect, it, vi } from 'vitest';

// The Electron binary cannot run here: stub the module ipc.ts imports.
vi.mock('electron', () => ({ ipcMain: { handle: vi.fn(), removeHandler: vi.fn() } }));

import type { IpcMainInvokeEvent } from 'electron';
import { callChannel, callNames, type Handlers } from '../shared/contract';
import { isTrustedSenderUrl, registerHandlers } from './ipc';

function fakeIpcMain() {
  const registered = new Map<string, (event: IpcMainInvokeEvent, input: unknown) => Promise<unknown>>();
  return {
    registered,
    handle: vi.fn((channel: string, listener: never) => void registered.set(channel, listener)),
    removeHandler: vi.fn((channel: string) => void registered.delete(channel)),
  };
}

// Only the calls these tests make; registerHandlers registers every contract call regardless.
const handlers = {
  appInfo: vi.fn(async () => ({ version: '0.1.0', mode: 'desktop' as const, platform: 'linux' })),
  send: vi.fn(),
  cancel: vi.fn(async () => ({ cancelled: true })),
} as Partial<Handlers> as Handlers;
const eventFrom = (url: string) => ({ senderFrame: { url } }) as unknown as IpcMainInvokeEvent;
const trusted = (event: IpcMainInvokeEvent) => isTrustedSenderUrl(event.senderFrame?.url, ['app://lantern']);

describe('registerHandlers', () => {
  it('registers exactly one channel per contract call', () => {
    const ipcMain = fakeIpcMain();
    registerHandlers(handlers, { ipcMain, isTrustedSender: trusted });
    expect([...ipcMain.registered.keys()].sort()).toEqual(callNames.map(callChannel).sort());
  });

  it('refuses a call from an untrusted sender without running the service', async () => {
    const ipcMain = fakeIpcMain();
    registerHandlers(handlers, { ipcMain, isTrustedSender: trusted });
    const listener = ipcMain.registered.get(callChannel('cancel'));
    const result = await listener?.(eventFrom('https://evil.example/'), { requestId: 'x' });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'untrusted-sender',
        message: expect.stringContaining("did not come from Lantern's own window"),
      },
    });
    expect(handlers.cancel).not.toHaveBeenCalled();
  });

  it('parses the input and returns a Result for a trusted sender', async () => {
    const ipcMain = fakeIpcMain();
    registerHandlers(handlers, { ipcMain, isTrustedSender: trusted });
    const listener = ipcMain.registered.get(callChannel('cancel'));
    expect(await listener?.(eventFrom('app://lantern/index.html'), { requestId: 'x' })).toEqual({
      ok: true,
      value: { cancelled: true },
    });
    expect(await listener?.(eventFrom('app://lantern/index.html'), { requestId: '' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
  });

  it('unregisters every channel', () => {
    const ipcMain = fakeIpcMain();
    registerHandlers(handlers, { ipcMain, isTrustedSender: trusted })();
    expect(ipcMain.registered.size).toBe(0);
  });
});

describe('isTrustedSenderUrl', () => {
  it.each([
    ['app://lantern/index.html', true],
    ['app://lantern', true],
    ['app://lanternx/index.html', false],
    ['http://127.0.0.1:5173/', false],
    ['file:///etc/passwd', false],
    ['', false],
    ['not a url', false],
  ])('%s → %s', (url, expected) => expect(isTrustedSenderUrl(url, ['app://lantern'])).toBe(expected));
});
