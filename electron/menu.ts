import { dialog, Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import { SHORTCUTS } from '../shared/shortcuts';

/** File, Edit, View and Help, with the platform's usual roles. */
export interface MenuActions {
  startSandbox: () => void;
  /** Development builds only: a packaged Lantern has no DevTools (their console reads every secret in view). */
  devTools: boolean;
}

// New request / close tab are page shortcuts (Ctrl/Cmd+N, Ctrl/Cmd+W): a menu accelerator would swallow them.
export function buildMenu(_getWindow: () => BrowserWindow | undefined, actions: MenuActions): Menu {
  const isMac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        { label: 'Start Sandbox API', click: () => actions.startSandbox() },
        { type: 'separator' },
        // Cmd+W is the page's "close tab" (it asks about unsaved changes): the window takes Shift+Cmd+W, as in VS Code.
        isMac ? { role: 'close', accelerator: 'Shift+Cmd+W' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        { role: 'reload' },
        ...(actions.devTools ? [{ role: 'toggleDevTools' as const }] : []),
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    {
      role: 'help',
      submenu: [
        {
          label: 'Keyboard Shortcuts',
          click: () => {
            const detail = SHORTCUTS.map(([keys, what]) => `${keys}: ${what}`).join('\n');
            void dialog.showMessageBox({ type: 'info', message: 'Keyboard shortcuts', detail });
          },
        },
        { role: 'about' },
      ],
    },
  ];
  return Menu.buildFromTemplate(template);
}
