import { describe, expect, it } from 'vitest';
import { jsonReport, junitReport, textLine, type RunResult } from './reporters';
import { maskResult, maskText } from './mask-output';

const secret = 'canary-0123456789abcdef';

const result: RunResult = {
  id: 'r1',
  name: 'Users',
  folder: 'Admin',
  method: 'GET',
  url: `https://${secret}.example/users`,
  status: 200,
  statusText: `OK ${secret}`,
  expected: '2xx',
  passed: false,
  durationMs: 12,
  error: `The name "${secret}.invalid" could not be found (DNS lookup failed).`,
  findings: [
    {
      id: 'dns',
      severity: 'error',
      title: `No host ${secret}`,
      explanation: `The name ${secret}.example has no address.`,
      fix: `Check ${secret}.example.`,
      evidence: [{ kind: 'error', value: `ENOTFOUND ${secret}.example` }],
    },
  ],
  rateLimited: 0,
  waitedMs: 0,
};

describe('maskText', () => {
  it('masks every occurrence, longest secret first, and ignores secrets too short to search for', () => {
    expect(maskText(`a ${secret} b ${secret}`, [secret])).toBe('a ••••cdef b ••••cdef');
    expect(maskText('token abcdefgh-long', ['abcdefgh', 'abcdefgh-long'])).toBe('token ••••long');
    expect(maskText('a b c', ['a', ''])).toBe('a b c');
  });
});

describe('maskResult', () => {
  it('leaves no secret in the text, JSON or JUnit output', () => {
    const shown = maskResult(result, [secret]);
    const summary = {
      workspace: 'W',
      total: 1,
      passed: 0,
      failed: 1,
      warned: 0,
      rateLimited: 0,
      waitedMs: 0,
      durationMs: 12,
      results: [shown],
    };
    for (const output of [textLine(shown), jsonReport(summary), junitReport(summary)]) {
      expect(output).not.toContain(secret);
      expect(output).toContain('••••cdef');
    }
    expect(shown.findings[0]?.title).toBe('No host ••••cdef');
    expect(shown.findings[0]?.fix).toBe('Check ••••cdef.example.');
    expect(shown.findings[0]?.evidence[0]?.value).toBe('ENOTFOUND ••••cdef.example');
    const sent = maskResult({ ...result, error: undefined, statusText: undefined }, [secret]);
    expect(sent.error).toBeUndefined();
    expect(sent.statusText).toBeUndefined();
  });
});
