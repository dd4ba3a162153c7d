import { app, BrowserWindow, dialog, Menu, safeStorage, session, shell } from 'electron';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { eventChannel, type EmitEvent } from '../shared/contract';
import { APP_ORIGIN, registerAppScheme, serveRenderer } from './app-protocol';
import { closeBeforeQuit } from './close-before-quit';
import { isTrustedSenderUrl, registerHandlers } from './ipc';
import { buildMenu } from './menu';
import { isSafeExternalUrl, lockDownContents } from './security';
import { createServices } from './services/create-services';
import type { FileDialogs } from './services/files/file-dialogs';
import { reportStartupError } from './startup-error';
import { loadWindowState, saveWindowState } from './window-state';

const here = path.dirname(fileURLToPath(import.meta.url));
// Only an unpackaged (development) app may load its renderer from a dev server.
const devUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
let mainWindow: BrowserWindow | undefined;

registerAppScheme();

const emit: EmitEvent = (name, payload) => mainWindow?.webContents.send(eventChannel(name), payload);
let services: ReturnType<typeof createServices> | undefined;

// safeStorage works only once the app is ready: the services (and their vault) start then.
function startServices(): ReturnType<typeof createServices> {
  return createServices({
    mode: 'desktop',
    version: app.getVersion(),
    dataDir: app.getPath('userData'),
    emit,
    safeStorage,
    dialogs: nativeDialogs,
  });
}

/** The native dialogs: the only way the renderer gets a file or a folder outside a workspace. */
const nativeDialogs: FileDialogs = {
  openFile: async ({ title, extensions }) => {
    const options: Electron.OpenDialogOptions = {
      title,
      properties: ['openFile'],
      ...(extensions
        ? {
            filters: [
              { name: extensions.join(', '), extensions },
              { name: 'All files', extensions: ['*'] },
            ],
          }
        : {}),
    };
    const result = mainWindow
      ? await dialog.showOpenDialog(mainWindow, options)
      : await dialog.showOpenDialog(options);
    return result.canceled ? undefined : result.filePaths[0];
  },
  saveFile: async ({ title, defaultName }) => {
    const options: Electron.SaveDialogOptions = { title, defaultPath: defaultName };
    const result = mainWindow
      ? await dialog.showSaveDialog(mainWindow, options)
      : await dialog.showSaveDialog(options);
    return result.canceled ? undefined : result.filePath;
  },
  openFolder: async ({ title }) => {
    const options: Electron.OpenDialogOptions = { title, properties: ['openDirectory', 'createDirectory'] };
    const result = mainWindow
      ? await dialog.showOpenDialog(mainWindow, options)
      : await dialog.showOpenDialog(options);
    return result.canceled ? undefined : result.filePaths[0];
  },
};
const trustedOrigins = devUrl ? [APP_ORIGIN, new URL(devUrl).origin] : [APP_ORIGIN];

function createWindow(): void {
  const dataDir = app.getPath('userData');
  mkdirSync(dataDir, { recursive: true });
  const state = loadWindowState(dataDir);
  const window = new BrowserWindow({
    ...state,
    show: false,
    title: 'Lantern',
    webPreferences: {
      preload: path.join(here, '../preload/preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
      spellcheck: false,
      devTools: !app.isPackaged,
    },
  });
  if (state.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());
  window.on('close', () => {
    saveWindowState(dataDir, { ...window.getNormalBounds(), maximized: window.isMaximized() });
  });
  window.on('closed', () => (mainWindow = undefined));
  mainWindow = window;
  void window.loadURL(devUrl ?? `${APP_ORIGIN}/index.html`);
}

app.on('web-contents-created', (_event, contents) => {
  lockDownContents(contents, (url) => {
    if (isSafeExternalUrl(url)) void shell.openExternal(url);
  });
});

app
  .whenReady()
  .then(() => {
    // Lantern needs no camera, microphone, notifications or geolocation.
    session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
    session.defaultSession.setPermissionCheckHandler(() => false);
    serveRenderer(path.join(here, '../renderer'));
    const ready = startServices();
    services = ready;
    registerHandlers(ready.handlers, {
      isTrustedSender: (event) =>
        BrowserWindow.fromWebContents(event.sender) === mainWindow &&
        isTrustedSenderUrl(event.senderFrame?.url, trustedOrigins),
    });
    Menu.setApplicationMenu(
      buildMenu(() => mainWindow, {
        devTools: !app.isPackaged,
        startSandbox: () =>
          void ready.startSandboxFromMenu().catch((error: unknown) => {
            void dialog.showMessageBox({
              type: 'error',
              message: 'The sandbox API could not start.',
              detail: String(error),
            });
          }),
      }),
    );
    createWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createWindow();
    });
  })
  .catch((error: unknown) =>
    reportStartupError(error, {
      dataDir: app.getPath('userData'),
      show: (title, detail) => dialog.showErrorBox(title, detail),
      exit: (code) => app.exit(code),
    }),
  );

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

// Quitting waits (3 s at most) for the delayed cookie-jar write and history writes to land.
closeBeforeQuit(app, { close: () => services?.close() });
