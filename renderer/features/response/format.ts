/** Pure helpers for showing a response: sizes, durations, status classes, pretty bodies. */

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}

export type StatusClass = 'success' | 'redirect' | 'client-error' | 'server-error' | 'informational';

export function statusClass(status: number): StatusClass {
  if (status >= 500) return 'server-error';
  if (status >= 400) return 'client-error';
  if (status >= 300) return 'redirect';
  if (status >= 200) return 'success';
  return 'informational';
}

/** Bodies above this are shown raw: pretty-printing them on the UI thread would freeze it. */
export const PRETTY_LIMIT_BYTES = 5 * 1024 * 1024;

export interface ShownBody {
  text: string;
  language: 'json' | 'xml' | 'html' | 'plaintext';
  note?: string;
}

export function presentBody(text: string, contentType: string): ShownBody {
  const type = contentType.toLowerCase();
  const looksJson = /json/.test(type) || (type === '' && /^\s*[[{]/.test(text));
  if (looksJson) {
    if (text.length > PRETTY_LIMIT_BYTES)
      return { text, language: 'json', note: 'Shown as received: too large to reformat.' };
    try {
      return { text: JSON.stringify(JSON.parse(text), null, 2), language: 'json' };
    } catch {
      return {
        text,
        language: 'plaintext',
        note: 'The body says it is JSON but does not parse; shown as received.',
      };
    }
  }
  if (/html/.test(type)) return { text, language: 'html' };
  if (/xml/.test(type)) return { text, language: 'xml' };
  return { text, language: 'plaintext' };
}
