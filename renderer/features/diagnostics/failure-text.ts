/** Words that carry meaning: lower case, without punctuation and the short words every sentence has. */
function contentWords(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((word) => word.length > 3);
}

const sentencesOf = (text: string) => text.split(/(?<=[.!?])\s+/).filter((sentence) => sentence.trim());

/** True when most of one sentence's meaningful words are in one of `sentences`. */
function said(sentence: string, sentences: string[]): boolean {
  const wanted = contentWords(sentence);
  if (wanted.length === 0) return true;
  return sentences.some((other) => {
    const have = new Set(contentWords(other));
    return wanted.filter((word) => have.has(word)).length / wanted.length >= 0.7;
  });
}

/**
 * True when `advice` says again what `message` already says: each of its sentences has most of its
 * meaningful words in one sentence of the message. A failed send's box shows the message, then a
 * finding's explanation and fix only when they add something ("Check the host and port…" is often
 * already in the message).
 */
export function repeatsAdvice(message: string, advice: string): boolean {
  const told = sentencesOf(message);
  return sentencesOf(advice).every((sentence) => said(sentence, told));
}
