import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PREFERENCES, type Preferences } from '../../../shared/calls/prefs-calls';
import { dispatch } from '../../../shared/dispatch';
import { createServices } from '../create-services';

const servicesIn = (dataDir: string) =>
  createServices({ mode: 'browser', version: 'test', dataDir, emit: () => undefined });

const chosen: Preferences = {
  theme: 'dark',
  sidebarCollapsed: true,
  split: 'vertical',
  paneLayouts: { workbench: { sidebar: 22.5, main: 77.5 } },
};

describe('preferences calls', () => {
  it('answers the defaults before anything is saved', async () => {
    const { handlers } = servicesIn(mkdtempSync(path.join(tmpdir(), 'lantern-prefs-')));
    expect(await dispatch(handlers, 'loadPreferences', {})).toEqual({
      ok: true,
      value: { preferences: DEFAULT_PREFERENCES },
    });
  });

  it('keeps what was saved for the next start (a new process on the same data folder)', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'lantern-prefs-'));
    const first = servicesIn(dataDir);
    expect(await dispatch(first.handlers, 'savePreferences', { preferences: chosen })).toEqual({
      ok: true,
      value: {},
    });
    await first.close();
    const second = servicesIn(dataDir);
    expect(await dispatch(second.handlers, 'loadPreferences', {})).toEqual({
      ok: true,
      value: { preferences: chosen },
    });
    await second.close();
  });

  it('refuses a theme it does not know and a pane size out of range, saying where', async () => {
    const { handlers } = servicesIn(mkdtempSync(path.join(tmpdir(), 'lantern-prefs-')));
    const theme = await dispatch(handlers, 'savePreferences', { preferences: { ...chosen, theme: 'neon' } });
    expect(theme).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(!theme.ok && theme.error.message).toContain('preferences.theme');
    const size = await dispatch(handlers, 'savePreferences', {
      preferences: { ...chosen, paneLayouts: { workbench: { sidebar: 140 } } },
    });
    expect(size).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('keeps an unreadable file as it is, says why, and refuses to write over it', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'lantern-prefs-'));
    const file = path.join(dataDir, 'preferences.json');
    writeFileSync(file, '{ "theme": ');
    const { handlers } = servicesIn(dataDir);
    const loaded = await dispatch(handlers, 'loadPreferences', {});
    expect(loaded).toMatchObject({
      ok: true,
      value: { preferences: DEFAULT_PREFERENCES, problem: expect.stringContaining('it is not valid JSON') },
    });
    const saved = await dispatch(handlers, 'savePreferences', { preferences: chosen });
    expect(saved).toMatchObject({ ok: false, error: { code: 'storage.file-unreadable' } });
    expect(readFileSync(file, 'utf8')).toBe('{ "theme": ');
  });
});
