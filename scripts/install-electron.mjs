// Runs electron's own binary download, which npm skips because package.json sets
// "allowScripts": { "electron": false }. Without network access to GitHub the
// download fails; that is fine: Lantern then runs in browser mode.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import path from 'node:path';

const require = createRequire(import.meta.url);
let installScript;
try {
  installScript = path.join(path.dirname(require.resolve('electron/package.json')), 'install.js');
} catch {
  process.exit(0); // production install without devDependencies: nothing to do
}
if (!existsSync(installScript)) process.exit(0);
const result = spawnSync(process.execPath, [installScript], {
  stdio: ['ignore', 'ignore', 'pipe'],
  timeout: 120_000,
  env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '' },
});
if (result.status === 0) {
  console.log('lantern: Electron binary installed; `npm start` opens the desktop app.');
} else {
  const reason =
    (result.stderr?.toString() ?? '').match(/(ENOTFOUND \S+|ETIMEDOUT|ECONNREFUSED|HTTPError[^\n]*)/)?.[0] ??
    'download failed';
  console.log(
    `lantern: Electron binary could not be downloaded (${reason}); Lantern will run in browser mode.`,
  );
}
process.exit(0);
