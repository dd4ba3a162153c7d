import { describe, expect, it } from 'vitest';
import { parseHostArgs } from './host-args';

describe('parseHostArgs', () => {
  it('defaults to a random port and opening the browser', () => {
    expect(parseHostArgs([])).toEqual({
      port: 0,
      open: true,
      reason: undefined,
      dataDir: undefined,
      workspaces: [],
    });
  });
  it('reads --workspace folders, repeated, in both forms', () => {
    expect(parseHostArgs(['--workspace', '/srv/a', '--workspace=/srv/b']).workspaces).toEqual([
      '/srv/a',
      '/srv/b',
    ]);
    expect(() => parseHostArgs(['--workspace'])).toThrow('--workspace needs a folder path.');
  });
  it('reads --no-open and --port in both forms', () => {
    expect(parseHostArgs(['--no-open', '--port', '4100'])).toMatchObject({ port: 4100, open: false });
    expect(parseHostArgs(['--port=4101'])).toMatchObject({ port: 4101 });
  });
  it.each([['--port', 'abc'], ['--port', '70000'], ['--port']])('refuses %s %s with a reason', (...argv) => {
    expect(() => parseHostArgs(argv)).toThrow(/--port needs a whole number/);
  });
  it('reads --data-dir', () => {
    expect(parseHostArgs(['--data-dir', '/tmp/x'])).toMatchObject({ dataDir: '/tmp/x' });
    expect(() => parseHostArgs(['--data-dir'])).toThrow(/needs a folder path/);
  });
  it('refuses unknown options', () => {
    expect(() => parseHostArgs(['--listen-everywhere'])).toThrow(/Unknown option "--listen-everywhere"/);
  });
});
