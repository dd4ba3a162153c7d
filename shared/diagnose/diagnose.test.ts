import { describe, expect, it } from 'vitest';
import { ALL_FINDING_IDS, FINDINGS_BY_SCENARIO, scenarioOf } from './catalogue';
import { diagnose, RULES, sortAndDedupe } from './diagnose';
import { gatherFacts } from './facts';
import { draft, exchange, NOW } from './test-support';
import type { DiagnoseInput, Finding } from './types';

const totaraDraft = draft({
  json: { query: '{ totara_webapi_status { status statsu } }', operationName: 'getStatus' },
});

/** Odd things a diagnose call can meet: none may make it throw. */
const garbage: unknown[] = [
  undefined,
  null,
  42,
  'text',
  [],
  {},
  { nowMs: Number.NaN },
  { nowMs: NOW, exchange: {} },
  { nowMs: NOW, exchange: { request: null, response: { body: null } } },
  {
    nowMs: NOW,
    exchange: {
      request: { headers: 'x' },
      response: { status: '200', headers: [[1, 2], null], body: { text: 5 } },
    },
  },
  {
    nowMs: NOW,
    exchange: exchange({ body: '<!DOCTYPE html><html><body>Maintenance</body></html>' }),
    draft: totaraDraft,
  },
  { nowMs: NOW, exchange: exchange({ body: '{"errors":[{"debugMessage":"Missing, expir', truncated: true }) },
  {
    nowMs: NOW,
    exchange: exchange({
      body: '[1, "two", null, {"errors": "nope"}, {"errors": [null, 3, {"message": 7}]}]',
    }),
  },
  { nowMs: NOW, exchange: exchange({ body: '{"data":[1,2,3]}' }), draft: totaraDraft },
  { nowMs: NOW, exchange: exchange({ body: '{"data":{"totara_webapi_status":"ok"}}' }), draft: totaraDraft },
  {
    nowMs: NOW,
    exchange: exchange({
      status: 429,
      headers: [
        ['retry-after', 'soon'],
        ['x-ratelimit-remaining', '-3'],
      ],
    }),
  },
  { nowMs: NOW, exchange: exchange({ status: 400, body: '{"errors":{"email":[null, 3]},"message":null}' }) },
  { nowMs: NOW, exchange: { ...exchange(), redirects: [null, { status: 'x' }] } },
  { nowMs: NOW, error: { code: 7, message: null } },
  { nowMs: NOW, error: 'boom', tokens: 'none' },
  {
    nowMs: NOW,
    draft: {
      method: 'POST',
      url: 5,
      headers: null,
      body: { mode: 'json', text: '{"query": 5, "variables": "{bad"}' },
    },
  },
  {
    nowMs: NOW,
    draft: draft({ text: '{"query":"query { a(b: $c) { ...F } } fragment F on T { ...F }","variables":[]}' }),
  },
  { nowMs: NOW, draft: draft({ text: '{"query":"{ a { a { a { a } } } }", "operationName": {"x":1}}' }) },
];

describe('diagnose', () => {
  it.each(garbage.map((input, index) => [index, input]))('never throws on odd input #%i', (_index, input) => {
    expect(() => diagnose(input as DiagnoseInput)).not.toThrow();
    expect(Array.isArray(diagnose(input as DiagnoseInput))).toBe(true);
  });

  it('has rules that do not throw on odd input either (no reliance on the safety net)', () => {
    for (const input of garbage.filter((g) => typeof g === 'object' && g !== null)) {
      const facts = gatherFacts(input as DiagnoseInput);
      for (const rule of RULES) expect(() => rule(facts)).not.toThrow();
    }
  });

  it('sorts by severity and keeps the most severe of duplicate ids', () => {
    const make = (id: string, severity: Finding['severity']): Finding => ({
      id,
      severity,
      title: id,
      explanation: '',
      fix: '',
      evidence: [],
    });
    const sorted = sortAndDedupe([
      make('a', 'info'),
      make('b', 'warning'),
      make('c', 'error'),
      make('b', 'error'),
    ]);
    expect(sorted.map((f) => `${f.id}:${f.severity}`)).toEqual(['b:error', 'c:error', 'a:info']);
  });

  it('gives one operationName finding for a draft check the server then confirms', () => {
    const refused = exchange({
      body: '{"errors":[{"debugMessage":"Invalid request, validation of operationName failed","message":"Internal server error","extensions":{"category":"internal"}}],"error":"Internal server error"}',
    });
    const findings = diagnose({ nowMs: NOW, draft: totaraDraft, exchange: refused });
    expect(findings.filter((f) => f.id === 'totara.request.operation-name')).toHaveLength(1);
    expect(findings[0]).toMatchObject({ id: 'totara.request.operation-name', severity: 'error' });
  });

  it('writes every finding in full: title, explanation, fix and evidence', () => {
    const findings = diagnose({
      nowMs: NOW,
      draft: totaraDraft,
      exchange: exchange({ body: '{"data":[]}' }),
    });
    for (const finding of findings) {
      expect(finding.title.length).toBeGreaterThan(5);
      expect(finding.explanation.length).toBeGreaterThan(20);
      expect(finding.fix.length).toBeGreaterThan(10);
      expect(finding.evidence.length).toBeGreaterThan(0);
    }
  });

  it('has a finding for every API-BEHAVIOUR §6 scenario, each id listed once', () => {
    for (let scenario = 1; scenario <= 22; scenario++)
      expect(FINDINGS_BY_SCENARIO[scenario]?.length).toBeGreaterThan(0);
    expect(new Set(ALL_FINDING_IDS).size).toBe(ALL_FINDING_IDS.length);
    expect(scenarioOf('totara.auth.header-stripped')).toBe(3);
    expect(scenarioOf('network.dns')).toBeUndefined();
  });
});
