import { _electron as electron, expect, test } from '@playwright/test';
import path from 'node:path';
import { electronBinary } from '../scripts/electron-binary.mjs';
import { repoRoot } from '../test-support/processes';

const binary = electronBinary();
const reason =
  'the Electron binary is not installed on this machine (its download failed), so the desktop app cannot launch';

test.describe('desktop app (Electron)', () => {
  test.skip(!binary, reason);
  if (!binary) console.log(`electron.spec: skipped: ${reason}.`);

  test('first slice in the real desktop app', async () => {
    const app = await electron.launch({ executablePath: binary, args: [repoRoot] });
    const window = await app.firstWindow();
    // contextIsolation + sandbox + no nodeIntegration: the page sees neither Node nor Electron.
    const reach = await window.evaluate(() => ({
      require: typeof (globalThis as { require?: unknown }).require,
      process: typeof (globalThis as { process?: unknown }).process,
      bridge: Object.keys((globalThis as { lantern?: object }).lantern ?? {}).sort(),
    }));
    expect(reach.require).toBe('undefined');
    expect(reach.process).toBe('undefined');
    expect(reach.bridge).toContain('send');
    await expect(window.getByTestId('app-mode')).toHaveText(/Desktop app/);
    await window.getByTestId('url-input').fill('http://127.0.0.1:9/');
    await window.getByTestId('send-button').click();
    await expect(window.getByTestId('send-error')).toContainText('connection was refused');
    await window.screenshot({ path: path.join(repoRoot, 'test-results', 'electron-main.png') });
    await app.close();
  });
});
