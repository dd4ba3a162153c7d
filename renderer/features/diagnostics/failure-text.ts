/** Words that carry meaning: lower case, without punctuation and the short words every sentence has. */
function contentWords(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((word) => word.length > 3);
}

/**
 * True when `advice` says again what one sentence of `message` already says: most of its meaningful
 * words are in that sentence. A failed send's box shows the message, then a finding's fix only
 * when the fix adds something ("Check the host and port…" is often already in the message).
 */
export function repeatsAdvice(message: string, advice: string): boolean {
  const wanted = contentWords(advice);
  if (wanted.length === 0) return true;
  const sentences = message.split(/(?<=[.!?])\s+/);
  return sentences.some((sentence) => {
    const have = new Set(contentWords(sentence));
    const found = wanted.filter((word) => have.has(word)).length;
    return found / wanted.length >= 0.7;
  });
}
