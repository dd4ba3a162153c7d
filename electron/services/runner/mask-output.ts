import { maskSecret } from '../../../shared/model/auth';
import type { RunResult } from './reporters';

/** Every secret value in `text` replaced by its masked preview; longest first, so none is half masked. */
export function maskText(text: string, secrets: readonly string[]): string {
  let masked = text;
  const longestFirst = [...secrets].filter((s) => s.length >= 4).sort((a, b) => b.length - a.length);
  for (const secret of longestFirst)
    if (masked.includes(secret)) masked = masked.split(secret).join(maskSecret(secret));
  return masked;
}

/**
 * A result as the reporters may print it: its texts that can hold what a server or an error
 * echoed back (URL, error, findings, status text) masked, whatever the reporter.
 */
export function maskResult(result: RunResult, secrets: readonly string[]): RunResult {
  const mask = (text: string) => maskText(text, secrets);
  return {
    ...result,
    name: mask(result.name),
    url: mask(result.url),
    ...(result.error === undefined ? {} : { error: mask(result.error) }),
    ...(result.statusText === undefined ? {} : { statusText: mask(result.statusText) }),
    // Already masked by the send; masked again with the secrets learnt since (a later token).
    ...(result.tests === undefined
      ? {}
      : {
          tests: result.tests.map((t) => ({
            ...t,
            actual: mask(t.actual),
            expected: mask(t.expected),
            message: mask(t.message),
          })),
        }),
    ...(result.captures === undefined
      ? {}
      : {
          captures: result.captures.map((c) => ({
            ...c,
            message: mask(c.message),
            ...(c.value === undefined ? {} : { value: mask(c.value) }),
          })),
        }),
    findings: result.findings.map((f) => ({
      ...f,
      title: mask(f.title),
      explanation: mask(f.explanation),
      fix: mask(f.fix),
      evidence: f.evidence.map((e) => ({
        ...e,
        ...(e.name === undefined ? {} : { name: mask(e.name) }),
        ...(e.value === undefined ? {} : { value: mask(e.value) }),
      })),
    })),
  };
}
