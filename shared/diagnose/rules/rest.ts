import { asString, excerpt, headerOf, isRecord, requestHeaderEvidence, statusEvidence } from '../facts';
import type { Facts } from '../facts';
import { pastedExpiry } from '../pasted-token';
import type { Evidence, Finding } from '../types';

/** REST failures of the iHASCO kind (API-BEHAVIOUR §6 scenarios 20 and 22, and 403). */
export function restFindings(facts: Facts): Finding[] {
  if (facts.serverIs.totara || facts.status === undefined) return [];
  // An OAuth token endpoint's refusal is explained by the token rules, with its real cause.
  if (isRecord(facts.json) && typeof facts.json.error === 'string' && /token/i.test(facts.url)) return [];
  if (facts.status === 401) return [unauthorized(facts)];
  if (facts.status === 403) return [forbidden(facts)];
  if (facts.status === 400 || facts.status === 422) return validation(facts);
  return [];
}

function bodyMessage(facts: Facts): Evidence[] {
  const message = isRecord(facts.json) ? asString(facts.json.message) : undefined;
  return message ? [{ kind: 'response-body', name: 'message', value: excerpt(message, 120) }] : [];
}

function unauthorized(facts: Facts): Finding {
  const header = headerOf(facts.requestHeaders, 'authorization');
  const draftHeader = facts.input.draft?.headers?.find(
    (h) => h.enabled !== false && h.name.toLowerCase() === 'authorization',
  )?.value;
  const challenge = headerOf(facts.responseHeaders, 'www-authenticate');
  const evidence: Evidence[] = [
    ...statusEvidence(facts),
    ...bodyMessage(facts),
    ...requestHeaderEvidence(facts, 'authorization'),
    ...(challenge
      ? [{ kind: 'response-header' as const, name: 'WWW-Authenticate', value: excerpt(challenge, 80) }]
      : []),
  ];
  const sentAt = Date.parse(facts.input.exchange?.startedAt ?? '');
  const pasted = pastedExpiry(facts);
  let why: string;
  if (header === undefined) {
    why = 'No Authorization header was sent.';
  } else if (!/^Bearer /i.test(header)) {
    why = `The token was not sent as "Authorization: Bearer <token>" (the header starts "${excerpt(header.split(' ')[0] ?? '', 20)}").`;
  } else if (pasted && Number.isFinite(sentAt) && pasted.expiresAt <= sentAt) {
    why = `${pasted.what} is a JWT whose exp claim says it expired at ${new Date(pasted.expiresAt).toISOString()}, before this request was sent: that is the likely reason.`;
  } else if (draftHeader !== undefined && /^\S+\s{2,}|\s$|^\s/.test(draftHeader)) {
    why = 'The Authorization header you typed has extra spaces around the token, which become part of it.';
  } else {
    why =
      'A token was sent as a Bearer token, and the API does not accept it: it is mistyped or incomplete (a stray space or a missing character when copying), it was revoked (deleted), or it belongs to another account or environment.';
  }
  return {
    id: 'rest.unauthorized',
    severity: 'error',
    title: 'The API did not accept the token (401)',
    explanation: `401 means the API could not authenticate the request. ${why}`,
    fix: 'Send the token as "Authorization: Bearer <token>" (a Bearer credential on the Auth tab does this), copied again with no spaces. Tokens are shown only once: if it was lost or deleted, create a new one.',
    evidence,
  };
}

function forbidden(facts: Facts): Finding {
  return {
    id: 'rest.forbidden',
    severity: 'error',
    title: 'The token is valid but not allowed to do this (403)',
    explanation:
      "403 means the API knows who you are but refuses this action: the token's account lacks the permission, or the resource belongs to another account.",
    fix: "Check what this token or account may do in the provider's admin pages, or use a token with the needed permission. A new token will not help if the account itself lacks it.",
    evidence: [...statusEvidence(facts), ...bodyMessage(facts)],
  };
}

function validation(facts: Facts): Finding[] {
  const body = facts.json;
  const errors = isRecord(body) && isRecord(body.errors) ? body.errors : undefined;
  if (!errors) return [];
  const lines: string[] = [];
  const evidence: Evidence[] = [...statusEvidence(facts)];
  for (const [field, value] of Object.entries(errors).slice(0, 20)) {
    const messages = (Array.isArray(value) ? value : [value]).filter(
      (m): m is string => typeof m === 'string',
    );
    if (messages.length === 0) continue;
    lines.push(`${field}: ${messages.join(' ')}`);
    evidence.push({
      kind: 'response-body',
      name: `errors.${field}`,
      value: excerpt(messages.join(' '), 120),
    });
  }
  if (lines.length === 0) return [];
  return [
    {
      id: 'rest.validation',
      severity: 'error',
      title: `${lines.length} field${lines.length > 1 ? 's were' : ' was'} refused`,
      explanation: `The API checked the body field by field and refused it (HTTP ${facts.status}); nothing was changed.\n${lines.map((l) => `• ${l}`).join('\n')}`,
      fix: 'Correct each field listed and send again. Only the fields you send are checked, so leave out the ones you do not want to change.',
      evidence,
    },
  ];
}
