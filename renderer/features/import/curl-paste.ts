import type { ClipboardEvent } from 'react';
import { useLantern } from '../../store';

/** Browsers' "Copy as cURL" (bash or cmd), with an optional prompt sign. */
export const looksLikeCurl = (text: string): boolean => /^\s*(\$\s*)?curl(\.exe)?\s/i.test(text);

/**
 * Pasting a cURL command into the URL field imports it in place: method, URL, headers and body
 * replace the tab's draft. A literal token or password becomes a credential on the main side.
 */
export function onUrlPaste(event: ClipboardEvent<HTMLInputElement>): void {
  const text = event.clipboardData.getData('text/plain');
  if (!looksLikeCurl(text)) return;
  event.preventDefault();
  void useLantern.getState().pasteCurl(text);
}
