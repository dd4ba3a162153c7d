import { describe, expect, it } from 'vitest';
import { isInside, workspaceFolderProblem } from './folder-rules';

const linux = { home: '/home/ana', dataDir: '/home/ana/.config/Lantern', platform: 'linux' };
const windows = {
  home: 'C:\\Users\\ana',
  dataDir: 'C:\\Users\\ana\\AppData\\Roaming\\Lantern',
  platform: 'win32',
};

describe('workspace folder rules', () => {
  it.each([
    '/home/ana/api-work',
    '/home/ana/projects/totara/requests',
    '/home/ana/.config/Lantern/workspaces/sample',
    '/tmp/lantern-test/ws',
    '/mnt/shared/team-workspace',
  ])('allows %s', (folder) => {
    expect(workspaceFolderProblem(folder, linux)).toBeUndefined();
  });

  it.each([
    ['/', 'root of the disk'],
    ['/etc', 'system folder /etc'],
    ['/etc/ssl/private', 'system folder /etc'],
    ['/usr/local/share', 'system folder /usr'],
    ['/proc/self', 'system folder /proc'],
    ['/sys/kernel', 'system folder /sys'],
    ['/dev/shm', 'system folder /dev'],
    ['/boot', 'system folder /boot'],
    ['/var/lib/app', 'system folder /var'],
    ['/root/ws', 'system folder /root'],
    ['/home/ana', 'your home folder itself'],
    ['/home/ana/.ssh', 'hidden folder of your home folder (.ssh)'],
    ['/home/ana/.aws/creds-ws', 'hidden folder of your home folder (.aws)'],
    ['/home/ana/.config/Lantern', "Lantern's data folder"],
    ['/home/ana/.config/Lantern/vault', "Lantern's data folder"],
    ['/home/ana/.config/Lantern/workspaces', "Lantern's data folder"],
    ['/home/ana/.config/other-app', 'hidden folder of your home folder (.config)'],
  ])('refuses %s in plain words', (folder, why) => {
    const problem = workspaceFolderProblem(folder, linux);
    expect(problem).toContain(why);
    expect(problem).toContain(`"${folder}"`);
    expect(problem).toMatch(/Pick/);
  });

  it.each([
    ['C:\\', 'root of the disk'],
    ['C:\\Windows\\System32', 'system folder C:\\Windows'],
    ['c:\\windows', 'system folder C:\\Windows'],
    ['C:\\Program Files\\App', 'system folder C:\\Program Files'],
    ['C:\\Users\\ana\\.ssh', 'hidden folder'],
  ])('refuses %s on Windows, whatever the letter case', (folder, why) => {
    expect(workspaceFolderProblem(folder, windows)).toContain(why);
  });

  it('allows an ordinary folder on Windows', () => {
    expect(workspaceFolderProblem('C:\\Users\\ana\\Documents\\api', windows)).toBeUndefined();
  });

  it('compares whole path parts: /etcetera is not /etc', () => {
    expect(isInside('/etc', '/etcetera', linux)).toBe(false);
    expect(isInside('/home/ana/ws', '/home/ana/ws/a/b', linux)).toBe(true);
    expect(isInside('/home/ana/ws', '/home/ana/ws2', linux)).toBe(false);
  });
});
