/**
 * Fuzzy matching for quick open, as VS Code's Go to File does it: the characters of the query
 * appear in the text in order, in runs that start words; a plain substring scores highest.
 * Answers undefined when the text does not match.
 */
export function fuzzyScore(text: string, query: string): number | undefined {
  const needle = query.toLowerCase().replace(/\s+/g, '');
  if (needle === '') return 0;
  const hay = text.toLowerCase();
  // A plain substring is the strongest match: earlier and at a word start is better.
  const at = hay.indexOf(needle);
  if (at >= 0) return 1000 + (isWordStart(text, at) ? 200 : 0) - at + needle.length * 10;
  // Otherwise each character continues the previous match or starts a word ("cuc" finds
  // core_user_create): letters picked from the middle of words would match almost anything.
  let score = 0;
  let previous = -2;
  for (const char of needle) {
    if (hay[previous + 1] === char) {
      score += 15;
      previous += 1;
      continue;
    }
    let found = hay.indexOf(char, previous + 1);
    while (found >= 0 && !isWordStart(text, found)) found = hay.indexOf(char, found + 1);
    if (found < 0) return undefined;
    score += 10 - Math.min(found - previous - 1, 20) * 0.25;
    previous = found;
  }
  return score;
}

function isWordStart(text: string, index: number): boolean {
  if (index === 0) return true;
  const before = text[index - 1] ?? '';
  const here = text[index] ?? '';
  return /[\s/_\-.:{}()[\]?&=]/.test(before) || (/[a-z]/.test(before) && /[A-Z]/.test(here));
}

export interface Ranked<T> {
  item: T;
  score: number;
}

/**
 * The items that match, best first (the label counts more than the detail); ties keep the
 * given order. At most `limit` of them.
 */
export function rankByQuery<T>(
  items: readonly T[],
  query: string,
  textOf: (item: T) => { label: string; detail?: string },
  limit: number,
): T[] {
  const ranked: Ranked<T>[] = [];
  for (const item of items) {
    const { label, detail } = textOf(item);
    const onLabel = fuzzyScore(label, query);
    const onDetail = detail ? fuzzyScore(detail, query) : undefined;
    const onBoth = fuzzyScore(detail ? `${label} ${detail}` : label, query);
    const best = Math.max(
      onLabel ?? -Infinity,
      onDetail === undefined ? -Infinity : onDetail * 0.6,
      onBoth === undefined ? -Infinity : onBoth * 0.5,
    );
    if (best > -Infinity) ranked.push({ item, score: best });
  }
  // Array.prototype.sort is stable: equal scores keep their order.
  return ranked
    .sort((a, b) => b.score - a.score)
    .slice(0, limit)
    .map((entry) => entry.item);
}
