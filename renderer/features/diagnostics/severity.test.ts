import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../shared/diagnose';
import { citedResponseHeaders, findingCount, worstSeverity } from './severity';

const finding = (severity: Finding['severity'], evidence: Finding['evidence'] = []): Finding => ({
  id: `x.${severity}`,
  severity,
  title: '',
  explanation: '',
  fix: '',
  evidence,
});

describe('severity helpers', () => {
  it('worstSeverity', () => {
    expect(worstSeverity([])).toBeUndefined();
    expect(worstSeverity([finding('info'), finding('warning')])).toBe('warning');
    expect(worstSeverity([finding('info'), finding('error'), finding('warning')])).toBe('error');
  });

  it('findingCount', () => {
    expect([0, 1, 2].map(findingCount)).toEqual(['No findings', '1 finding', '2 findings']);
  });

  it('citedResponseHeaders: response headers only, lower-cased, once', () => {
    const cited = citedResponseHeaders([
      finding('error', [
        { kind: 'response-header', name: 'Retry-After', value: '3' },
        { kind: 'request-header', name: 'Authorization' },
      ]),
      finding('info', [
        { kind: 'response-header', name: 'retry-after' },
        { kind: 'status', value: '429' },
      ]),
    ]);
    expect(cited).toEqual(['retry-after']);
  });
});
