import { excerpt, gatherFacts, headerOf, isRecord } from './facts';
import type { Facts } from './facts';
import type { DiagnoseInput, Evidence, Finding } from './types';

/**
 * What a finding quotes must be what the exchange holds: a header it really had, the status it
 * really answered, a body value really at that path. Returns each contradiction in words (empty
 * when the finding holds). Tests run it over every rule's findings; warnings and errors are
 * checked, since those are the findings a user acts on.
 */
export function contradictions(finding: Finding, input: DiagnoseInput): string[] {
  if (finding.severity === 'info') return [];
  const facts = gatherFacts(input);
  const problems = finding.evidence.flatMap((evidence) => {
    const problem = contradiction(evidence, facts);
    return problem ? [`${finding.id}: ${problem}`] : [];
  });
  return [...problems, ...statusClaims(finding, facts)];
}

/** An excerpt (whitespace folded, long values cut with …) of the real value, or the value itself. */
function quotes(quoted: string, real: string): boolean {
  if (quoted === real || quoted === excerpt(real, 10_000)) return true;
  const cut = quoted.endsWith('…') ? quoted.slice(0, -1) : undefined;
  return cut !== undefined && excerpt(real, 10_000).startsWith(cut);
}

function contradiction(evidence: Evidence, facts: Facts): string | undefined {
  const { name, value } = evidence;
  const exchange = facts.input.exchange;
  switch (evidence.kind) {
    case 'status':
      return value === String(facts.status)
        ? undefined
        : `quotes status ${value}, the answer was ${facts.status}`;
    case 'response-header': {
      const real = name === undefined ? undefined : headerOf(facts.responseHeaders, name);
      if (real === undefined) return `quotes the response header ${name}, which the answer did not have`;
      return value === undefined || quotes(value, real)
        ? undefined
        : `quotes ${name}: ${value}, the answer had ${real}`;
    }
    case 'request-header': {
      const draftUrl = String(facts.input.draft?.url ?? '');
      if (name === 'URL')
        return value === undefined || quotes(value, draftUrl) ? undefined : `quotes the URL as ${value}`;
      const sent = name === undefined ? undefined : headerOf(facts.requestHeaders, name);
      const typed = facts.input.draft?.headers?.find(
        (h) => h.name.toLowerCase() === name?.toLowerCase(),
      )?.value;
      if (sent === undefined && typed === undefined)
        return `quotes the request header ${name}, which was not sent`;
      const matches = [sent, typed].some(
        (real) => real !== undefined && (value === undefined || quotes(value, real)),
      );
      return matches ? undefined : `quotes ${name}: ${value}, which is not what was sent`;
    }
    case 'response-body':
      return bodyContradiction(name, value, facts);
    case 'request-body':
      return requestBodyContradiction(name, value, facts);
    case 'redirect': {
      const hop = (exchange?.redirects ?? []).find((h) => String(h.status) === name);
      if (!hop) return `quotes a ${name} redirect, which did not happen`;
      return value === undefined || value.includes(hop.location)
        ? undefined
        : `quotes the redirect as ${value}`;
    }
    case 'error':
      return facts.input.error?.code === name
        ? undefined
        : `quotes the error ${name}, the send failed with ${facts.input.error?.code}`;
    case 'auth':
      if (name === 'token expiry')
        return value && !Number.isNaN(Date.parse(value)) ? undefined : 'quotes no expiry';
      return exchange?.auth?.type === name
        ? undefined
        : `quotes ${name} auth, the exchange used ${exchange?.auth?.type}`;
    case 'timing':
      if (name !== 'tls') return undefined;
      return exchange?.tls && value === (exchange.tls.verifyError ?? 'not verified')
        ? undefined
        : `quotes TLS ${value}`;
  }
}

function bodyContradiction(
  name: string | undefined,
  value: string | undefined,
  facts: Facts,
): string | undefined {
  if (name === undefined) {
    if (value === '(empty)')
      return (facts.bodyText ?? '').trim() === '' ? undefined : 'calls a body empty that is not';
    return value === undefined || excerpt(facts.bodyText ?? '', 1_000_000).includes(value.replace(/…$/, ''))
      ? undefined
      : `quotes "${value}", which is not in the body`;
  }
  const found = at(facts.json, name);
  // A path quoted without a value is quoted as absent (a field missing from the answer).
  if (value === undefined) return found.found ? `calls ${name} missing, but the answer has it` : undefined;
  if (!found.found) return `quotes ${name}, which the answer does not have`;
  const real = typeof found.value === 'string' ? found.value : JSON.stringify(found.value);
  // A list of messages (a field's validation errors) is quoted joined.
  const joined =
    Array.isArray(found.value) && found.value.every((m) => typeof m === 'string')
      ? found.value.join(' ')
      : real;
  return quotes(value, real) || quotes(value, joined)
    ? undefined
    : `quotes ${name} as ${value}, the answer has ${excerpt(real, 80)}`;
}

function requestBodyContradiction(
  name: string | undefined,
  value: string | undefined,
  facts: Facts,
): string | undefined {
  if (value === undefined) return undefined;
  const request = facts.graphqlRequest;
  const real =
    name === 'query'
      ? request?.query
      : name === 'variables'
        ? JSON.stringify(request?.variables)
        : name === 'operationName'
          ? JSON.stringify(request?.operationName)
          : facts.draftBodyText;
  return real !== undefined && quotes(value, real)
    ? undefined
    : `quotes the request's ${name ?? 'body'} as ${value}`;
}

type Step = string | number;

/** `errors[0].debugMessage`, `[1].data.users.items[0].email`; a key may itself hold dots (`errors.user.email`). */
function stepsOf(path: string): Step[] {
  const steps: Step[] = [];
  for (const part of path.match(/[^.[\]]+|\[\d+\]/g) ?? [])
    steps.push(/^\[\d+\]$/.test(part) ? Number(part.slice(1, -1)) : part);
  return steps;
}

function at(json: unknown, path: string): { found: boolean; value?: unknown } {
  const walk = (value: unknown, steps: Step[]): { found: boolean; value?: unknown } => {
    if (steps.length === 0) return { found: true, value };
    const [step, ...rest] = steps;
    if (typeof step === 'number')
      return Array.isArray(value) && step < value.length ? walk(value[step], rest) : { found: false };
    if (!isRecord(value)) return { found: false };
    // Longest key first: a validation error's field may be named "user.email".
    for (let take = steps.length; take >= 1; take--) {
      const names = steps.slice(0, take);
      if (names.some((s) => typeof s === 'number')) continue;
      const key = names.join('.');
      if (Object.hasOwn(value, key)) {
        const deeper = walk(value[key], steps.slice(take));
        if (deeper.found) return deeper;
      }
    }
    return { found: false };
  };
  return walk(json, stepsOf(path));
}

/** "HTTP 401" in a title or an explanation, or a title ending "(403)", must be the answer's status. */
function statusClaims(finding: Finding, facts: Facts): string[] {
  if (facts.status === undefined) return [];
  const claimed = [
    ...[...`${finding.title} ${finding.explanation}`.matchAll(/\bHTTP (\d{3})\b/g)].map((m) => m[1]),
    ...[...finding.title.matchAll(/\((\d{3})\)$/g)].map((m) => m[1]),
  ];
  return claimed
    .filter((status) => status !== String(facts.status))
    .map((status) => `${finding.id}: claims HTTP ${status}, the answer was ${facts.status}`);
}
