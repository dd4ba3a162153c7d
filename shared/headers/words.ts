/** Small wording helpers shared by the explainers. */

/** `90_000` → "1 min 30 s"; the two largest units, so a glance is enough. */
export function formatDuration(ms: number): string {
  const totalSeconds = Math.round(Math.abs(ms) / 1000);
  if (totalSeconds < 60) return `${totalSeconds} s`;
  const units: [number, string][] = [
    [365 * 86_400, 'year'],
    [86_400, 'day'],
    [3_600, 'h'],
    [60, 'min'],
    [1, 's'],
  ];
  const parts: string[] = [];
  let rest = totalSeconds;
  for (const [size, unit] of units) {
    const count = Math.floor(rest / size);
    if (count === 0) {
      if (parts.length > 0) break;
      continue;
    }
    rest -= count * size;
    const plural = (unit === 'year' || unit === 'day') && count !== 1 ? 's' : '';
    parts.push(`${count.toLocaleString('en-US')} ${unit}${plural}`);
    if (parts.length === 2) break;
  }
  return parts.join(' ');
}

/** Seconds as written in a header (`max-age=3600`) → "3,600 s (1 h)". */
export function formatSeconds(seconds: number): string {
  const raw = `${seconds.toLocaleString('en-US')} s`;
  return seconds < 60 ? raw : `${raw} (${formatDuration(seconds * 1000)})`;
}

/** "in 5 min" / "5 min ago" / "now". */
export function relativeTime(atMs: number, nowMs: number): string {
  const delta = atMs - nowMs;
  if (Math.abs(delta) < 1000) return 'now';
  return delta > 0 ? `in ${formatDuration(delta)}` : `${formatDuration(delta)} ago`;
}

/** An epoch ms as "2025-03-14 12:00:00 UTC": unambiguous whatever the user's locale. */
export function formatUtc(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

export function formatBytes(bytes: number): string {
  const exact = `${bytes.toLocaleString('en-US')} byte${bytes === 1 ? '' : 's'}`;
  if (bytes < 1024) return exact;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let size = bytes / 1024;
  let unit = 0;
  while (size >= 1024 && unit < units.length - 1) {
    size /= 1024;
    unit += 1;
  }
  return `${exact} (${size.toFixed(1)} ${units[unit]})`;
}

/** "a", "a and b", "a, b and c". */
export function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** Splits a comma-separated header value, ignoring commas inside double quotes. */
export function splitList(value: string): string[] {
  const items: string[] = [];
  let current = '';
  let quoted = false;
  for (let index = 0; index < value.length; index += 1) {
    const char = value[index] ?? '';
    if (char === '\\' && quoted) {
      current += char + (value[index + 1] ?? '');
      index += 1;
    } else if (char === '"') {
      quoted = !quoted;
      current += char;
    } else if (char === ',' && !quoted) {
      items.push(current.trim());
      current = '';
    } else {
      current += char;
    }
  }
  items.push(current.trim());
  return items.filter((item) => item !== '');
}

export function unquote(text: string): string {
  const trimmed = text.trim();
  if (trimmed.length >= 2 && trimmed.startsWith('"') && trimmed.endsWith('"')) {
    return trimmed.slice(1, -1).replace(/\\(.)/g, '$1');
  }
  return trimmed;
}

/** The first value of a header in a list of pairs, case-insensitively. */
export function findHeader(
  headers: readonly (readonly [string, string])[] | undefined,
  name: string,
): string | undefined {
  const wanted = name.toLowerCase();
  return headers?.find(([candidate]) => candidate.toLowerCase() === wanted)?.[1];
}
