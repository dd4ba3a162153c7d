/** Whether this is a Mac, where Cmd stands for Ctrl in every shortcut. */
export const isMac = (platform: string = navigator.platform): boolean => /mac|iphone|ipad/i.test(platform);

/** How a Ctrl/Cmd shortcut is written in a tooltip on this computer: "Ctrl+B" or "⌘B". */
export function shortcutLabel(key: string, mac: boolean = isMac()): string {
  return mac ? `⌘${key}` : `Ctrl+${key}`;
}
