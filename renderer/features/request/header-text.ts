import type { HeaderRow } from '../../../shared/model/request';

/** Header names offered while typing: the ones API users reach for. */
export const COMMON_HEADERS = [
  'Accept',
  'Accept-Encoding',
  'Accept-Language',
  'Authorization',
  'Cache-Control',
  'Content-Type',
  'Cookie',
  'If-Match',
  'If-None-Match',
  'Origin',
  'Referer',
  'User-Agent',
  'X-API-Key',
  'X-Correlation-ID',
  'X-Request-ID',
  'X-Requested-With',
  'X-Totara-Sesskey',
] as const;

/** The bulk-edit text: one `Name: value` per line, disabled rows prefixed with `//`. */
export function headersToText(rows: readonly HeaderRow[]): string {
  return rows
    .filter((row) => row.name !== '' || row.value !== '')
    .map((row) => `${row.enabled ? '' : '// '}${row.name}: ${row.value}`)
    .join('\n');
}

export function textToHeaders(text: string): HeaderRow[] {
  return text
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const disabled = /^\s*\/\//.test(line);
      const content = disabled ? line.replace(/^\s*\/\/\s?/, '') : line;
      const colon = content.indexOf(':');
      const name = (colon < 0 ? content : content.slice(0, colon)).trim();
      const value = colon < 0 ? '' : content.slice(colon + 1).trim();
      return { name, value, enabled: !disabled };
    });
}
