import { expect } from 'vitest';
import type { HeaderExplanation } from './types';

/** What a test expects of one explanation: exact category and severity, summary and details by pattern. */
export type Expectation = {
  category: HeaderExplanation['category'];
  summary: RegExp;
  severity?: 'info' | 'warning';
  details?: RegExp[];
};

export const nowMs = Date.UTC(2013, 6, 1, 17, 0, 0);

export function check(explanation: HeaderExplanation | undefined, expected: Expectation) {
  expect(explanation).toBeDefined();
  expect(explanation?.category).toBe(expected.category);
  expect(explanation?.summary).toMatch(expected.summary);
  expect(explanation?.severity).toBe(expected.severity);
  for (const detail of expected.details ?? []) {
    expect(
      explanation?.details?.some((line) => detail.test(line)),
      `a detail matching ${detail}`,
    ).toBe(true);
  }
}
