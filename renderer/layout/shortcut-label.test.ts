import { describe, expect, it } from 'vitest';
import { isMac, shortcutLabel } from './shortcut-label';

describe('shortcutLabel', () => {
  it.each([
    ['MacIntel', true, '⌘P'],
    ['Win32', false, 'Ctrl+P'],
    ['Linux x86_64', false, 'Ctrl+P'],
  ])('on %s', (platform, mac, label) => {
    expect(isMac(platform)).toBe(mac);
    expect(shortcutLabel('P', isMac(platform))).toBe(label);
  });
});
