/** Keyboard shortcuts, listed in the Help menu and in tooltips. */
export const SHORTCUTS: readonly (readonly [keys: string, action: string])[] = [
  ['Ctrl/Cmd+Enter', 'Send the request'],
  ['Esc', 'Cancel the request in flight'],
  ['Ctrl/Cmd+L', 'Focus the URL'],
];
