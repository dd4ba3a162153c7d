import { describeTarget } from '../../../shared/assertions/evaluate';
import type { RequestDraft } from '../../../shared/model/request';

/**
 * A request's status expectation, as `expectStatus` spells it: "2xx" (the default), "200",
 * "200,201", "4xx", "200-299", or a mix separated by commas.
 */
export function matchesExpectation(status: number, expectation: string | undefined): boolean {
  const text = (expectation ?? '').trim() || '2xx';
  return text.split(',').some((part) => {
    const item = part.trim().toLowerCase();
    const klass = /^([1-5])xx$/.exec(item);
    if (klass) return Math.floor(status / 100) === Number(klass[1]);
    const range = /^(\d{3})\s*-\s*(\d{3})$/.exec(item);
    if (range) return status >= Number(range[1]) && status <= Number(range[2]);
    return /^\d{3}$/.test(item) && Number(item) === status;
  });
}

const statusTests = (draft: RequestDraft) =>
  (draft.tests ?? []).filter((t) => t.enabled && t.target === 'status');

/** True when the request (or a folder above it) tests the status: that test replaces the default. */
export const hasStatusTest = (draft: RequestDraft): boolean => statusTests(draft).length > 0;

/** What the report says was expected of the status: the status tests, else `expectStatus` or 2xx. */
export function statusExpectation(draft: RequestDraft, expectStatus: string | undefined): string {
  const tests = statusTests(draft);
  if (tests.length === 0) return expectStatus?.trim() || '2xx';
  return tests.map((t) => `${describeTarget(t)} ${t.op} ${t.expected ?? ''}`.trim()).join(' and ');
}
