import { JSONPath } from 'jsonpath-plus';

export type FilterResult = { ok: true; text: string; matches: number } | { ok: false; error: string };

/**
 * Applies a JSONPath expression (jsonpath-plus, its safe evaluator: no eval, so it runs
 * under the app's CSP) to a JSON body and pretty-prints the matches.
 */
export function filterJson(bodyText: string, expression: string): FilterResult {
  const path = expression.trim();
  let document: unknown;
  try {
    document = JSON.parse(bodyText);
  } catch {
    return { ok: false, error: 'This body is not valid JSON, so a JSONPath filter cannot apply to it.' };
  }
  if (path === '' || path === '$') return { ok: true, text: JSON.stringify(document, null, 2), matches: 1 };
  try {
    const matches = JSONPath<unknown[]>({ path, json: document as object, eval: 'safe', wrap: true });
    return { ok: true, text: JSON.stringify(matches, null, 2), matches: matches.length };
  } catch (error) {
    return {
      ok: false,
      error: `"${path}" is not a JSONPath expression Lantern can run (${(error as Error).message}). Example: $.data.items[*].email`,
    };
  }
}
