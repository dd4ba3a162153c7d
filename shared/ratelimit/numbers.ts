/** Reads a header's number, or notes why it was ignored. */
export function readCount(
  header: { name: string; value: string },
  notes: string[],
  options: { fraction?: boolean } = {},
): number | undefined {
  const text = header.value.trim();
  const pattern = options.fraction ? /^\d+(\.\d+)?$/ : /^\d+$/;
  let why = 'is not a number';
  if (pattern.test(text)) {
    const value = Number(text);
    if (value <= Number.MAX_SAFE_INTEGER) return value;
    why = 'is too large to be real';
  } else if (/^-\d+(\.\d+)?$/.test(text)) {
    why = 'is negative';
  } else if (/^\d+\.\d+$/.test(text)) {
    why = 'is not a whole number';
  }
  notes.push(`${header.name} "${header.value}" ${why}; ignored.`);
  return undefined;
}

/**
 * Reset values at or above this are epoch seconds, below it delta seconds. 1e9 s is
 * 2001-09-09 as a date but 31 years as a delay, so no real value sits on the wrong side.
 */
export const EPOCH_SECONDS_THRESHOLD = 1_000_000_000;
/** At or above this a reset is epoch milliseconds (1e12 ms is also 2001-09-09). */
export const EPOCH_MILLISECONDS_THRESHOLD = 1_000_000_000_000;

export type ResetKind = 'delta' | 'epoch-seconds' | 'epoch-ms';

export function classifyReset(value: number): ResetKind {
  if (value >= EPOCH_MILLISECONDS_THRESHOLD) return 'epoch-ms';
  if (value >= EPOCH_SECONDS_THRESHOLD) return 'epoch-seconds';
  return 'delta';
}

/** Epoch ms of a reset value told apart by magnitude. */
export function resetToEpochMs(value: number, nowMs: number): number {
  switch (classifyReset(value)) {
    case 'epoch-ms':
      return Math.round(value);
    case 'epoch-seconds':
      return Math.round(value * 1000);
    case 'delta':
      return nowMs + Math.round(value * 1000);
  }
}
