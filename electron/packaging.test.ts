/**
 * The desktop build's hardening lives in configuration that only a packaging run reads, and the
 * Electron binary cannot run here: the configuration itself is checked.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { EXTERNAL_LINK_HOSTS, isSafeExternalUrl } from './security';

const builder = parse(readFileSync(new URL('../electron-builder.yml', import.meta.url), 'utf8')) as {
  asar?: boolean;
  electronFuses?: Record<string, boolean>;
};
const main = readFileSync(new URL('./main.ts', import.meta.url), 'utf8');

describe('electron-builder.yml', () => {
  it('flips every fuse Lantern does not need, and packs the app in an asar', () => {
    expect(builder.asar).toBe(true);
    expect(builder.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });
});

describe('the main window', () => {
  it('has DevTools only in development, in the window and in the menu', () => {
    expect(main).toMatch(/devTools: !app\.isPackaged,\n\s+},/);
    expect(main).toMatch(/buildMenu\(\(\) => mainWindow, \{\n\s+devTools: !app\.isPackaged,/);
  });

  it('denies every permission request and check', () => {
    expect(main).toContain(
      'setPermissionRequestHandler((_contents, _permission, callback) => callback(false))',
    );
    expect(main).toContain('setPermissionCheckHandler(() => false)');
  });
});

describe('isSafeExternalUrl', () => {
  it.each([
    ['https://developer.mozilla.org/en-US/docs/Web/HTTP/Headers/Retry-After', true],
    ['https://www.rfc-editor.org/rfc/rfc6265', true],
    ['https://DEVELOPER.mozilla.org/', true],
    ['http://developer.mozilla.org/', false], // plain http
    ['https://evil.example.com/', false], // not on the list
    ['https://developer.mozilla.org.evil.example.com/', false],
    ['https://user:pass@github.com/', false],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
    ['not a url', false],
  ])('%s → %s', (url, safe) => {
    expect(isSafeExternalUrl(url)).toBe(safe);
  });

  it('allows only https hosts that are named', () => {
    for (const host of EXTERNAL_LINK_HOSTS) expect(host).toMatch(/^[a-z0-9.-]+\.[a-z]+$/);
  });
});
