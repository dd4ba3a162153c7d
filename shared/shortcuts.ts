/** Keyboard shortcuts, listed in the Help menu and in tooltips. */
export const SHORTCUTS: readonly (readonly [keys: string, action: string])[] = [
  ['Ctrl/Cmd+Enter', 'Send the request'],
  ['Esc', 'Cancel the request in flight'],
  ['Ctrl/Cmd+L', 'Focus the URL'],
  ['Ctrl/Cmd+E', 'Switch environment'],
  ['Ctrl/Cmd+N', 'New request tab (desktop app)'],
  ['Ctrl/Cmd+W', 'Close the request tab (desktop app)'],
  ['Ctrl/Cmd+F', 'Find in the response body (inside the body viewer)'],
];
