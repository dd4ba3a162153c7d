import { asString, errorEvidence, errorsMatching, excerpt, headerOf, requestHeaderEvidence } from '../facts';
import type { Facts, GraphqlError } from '../facts';
import type { AppliedAuth } from '../../model/auth';
import type { Evidence, Finding } from '../types';

/** Totara's AJAX API and developer executor (API-BEHAVIOUR §2; §6 scenarios 17 and 18). */
export function totaraAjaxFindings(facts: Facts): Finding[] {
  if (!facts.serverIs.totara) return [];
  return [...sesskey(facts), ...requestShape(facts), ...devExecutor(facts)];
}

function sesskey(facts: Facts): Finding[] {
  const [refused] = errorsMatching(facts, /^Invalid sesskey, page reload required/);
  const [notLoggedIn] = errorsMatching(facts, /\(You are not logged in\)/);
  const error = refused ?? notLoggedIn;
  if (!error) return [];
  const cookie = headerOf(facts.requestHeaders, 'cookie');
  const sent = headerOf(facts.requestHeaders, 'x-totara-sesskey');
  const evidence: Evidence[] = [
    errorEvidence(error),
    ...(error.category
      ? [{ kind: 'response-body' as const, name: `${error.path}.extensions.category`, value: error.category }]
      : []),
    ...requestHeaderEvidence(facts, 'cookie'),
    ...requestHeaderEvidence(facts, 'x-totara-sesskey'),
  ];
  const noCookie = cookie === undefined || !/TotaraSession/i.test(cookie);
  const applied = facts.input.exchange?.auth;
  if (applied?.type === 'browserSession')
    return [pastedSessionEnded(refused, error, applied, evidence, sent !== undefined)];
  const copiedCurl =
    ' If the request came from "Copy as cURL", check that the cookies came along: Chrome puts them in -b \'…\', not in a -H header.';
  if (refused && error.category !== 'require_login') {
    return [
      {
        id: 'totara.ajax.sesskey',
        severity: 'error',
        title: sent === undefined ? 'The X-Totara-Sesskey header is missing' : 'The sesskey is stale',
        explanation: `The session cookie is valid, but ${sent === undefined ? 'no X-Totara-Sesskey header was sent' : 'the X-Totara-Sesskey header does not match this session'}. The sesskey is a per-session CSRF token: it changes at every login, so one copied earlier or from another browser tab no longer works.`,
        fix: 'Use a Session credential (login URL, username, password, pattern "sesskey":"([^"]+)", header X-Totara-Sesskey) so Lantern logs in and sends both; or copy the current sesskey from M.cfg.sesskey in the page source.',
        evidence,
      },
    ];
  }
  return [
    {
      id: 'totara.ajax.not-logged-in',
      severity: 'error',
      title: noCookie ? 'No session cookie was sent' : 'The session has expired or was logged out',
      explanation: `The AJAX API needs a logged-in session: the TotaraSession cookie and its matching X-Totara-Sesskey header. ${noCookie ? `This request carried no TotaraSession cookie.${copiedCurl}` : 'The TotaraSession cookie sent belongs to no logged-in session (it expired, or the user logged out or logged in elsewhere).'}`,
      fix: 'Use a Session credential so Lantern logs in and sends the cookie and sesskey itself, or copy a fresh request from a logged-in browser tab. Operations ending in _nosession need neither.',
      evidence,
    },
  ];
}

/**
 * The session came from a pasted "Copy as cURL": Lantern cannot log in again, so it did not retry,
 * and the only fix is a fresh paste (or a Session login credential, which renews itself).
 */
function pastedSessionEnded(
  refused: GraphqlError | undefined,
  error: GraphqlError,
  applied: AppliedAuth,
  evidence: Evidence[],
  sesskeySent: boolean,
): Finding {
  const label = applied.credentialLabel ?? 'the credential';
  const stale = refused !== undefined && error.category !== 'require_login';
  if (stale && !sesskeySent) {
    return {
      id: 'totara.ajax.sesskey',
      severity: 'error',
      title: 'The pasted browser session has no sesskey',
      explanation: `The browser session pasted into ${label} holds the cookie but no X-Totara-Sesskey header, and Totara's AJAX API refuses calls without it.`,
      fix: `Copy as cURL a request the page made to ajax.php (it carries the x-totara-sesskey header) and paste it into ${label}; check that the credential's CSRF header is X-Totara-Sesskey.`,
      evidence,
    };
  }
  return {
    id: stale ? 'totara.ajax.sesskey' : 'totara.ajax.not-logged-in',
    severity: 'error',
    title: stale ? 'The pasted sesskey is no longer valid' : 'The pasted browser session has expired',
    explanation: `The browser session pasted into ${label} has expired or its sesskey is no longer valid. It was copied from a browser, so Lantern cannot log in again by itself, and it did not retry.`,
    fix: `Copy a fresh "Copy as cURL" from the logged-in browser and paste it into ${label} (Auth tab, Edit). For a session Lantern renews itself, use a Session login credential instead.`,
    evidence,
  };
}

function requestShape(facts: Facts): Finding[] {
  if (facts.endpoint !== 'totara-ajax') return [];
  const findings: Finding[] = [];
  const [direct] = errorsMatching(facts, /^Direct GraphQL queries are not supported/);
  if (direct) {
    findings.push({
      id: 'totara.ajax.direct-query',
      severity: 'error',
      title: 'The AJAX API runs persisted operations only',
      explanation:
        'The body has a "query": the AJAX API refuses query text and only runs operations stored on the server, by name.',
      fix: 'Send {"operationName": "<plugintype>_<plugin>_<file>", "variables": {…}} instead, or use the external API (/api/graphql.php) for your own queries.',
      evidence: [errorEvidence(direct)],
    });
  }
  const [keys] = errorsMatching(facts, /^Invalid request, expecting at least operationName and variables/);
  if (keys) {
    findings.push({
      id: 'totara.ajax.missing-keys',
      severity: 'error',
      title: 'operationName and variables are both required',
      explanation: 'The AJAX API needs both keys in the body, even when the operation takes no variables.',
      fix: 'Send {"operationName": "…", "variables": {}}.',
      evidence: [errorEvidence(keys)],
    });
  }
  const bare = facts.graphqlErrors.find(
    (e) => e.message === 'Internal server error' && e.debugMessage === undefined,
  );
  if (bare && findings.length === 0) {
    const name = asString(facts.graphqlRequest?.operationName);
    findings.push({
      id: 'totara.ajax.internal-error',
      severity: 'error',
      title: 'The AJAX API hides the reason',
      explanation: `Without developer debugging the AJAX API reports most failures as a bare "Internal server error". The usual cause is an operation name that does not exist on this site${name ? ` ("${excerpt(name, 60)}")` : ''}: names are file names, <plugintype>_<plugin>_<file> or core_<file>.`,
      fix: "Check the operation name against the site's webapi/ajax folders (copy it from the browser's Network tab), or ask an administrator to turn on developer debugging to see the real message.",
      evidence: [errorEvidence(bare)],
    });
  }
  return findings;
}

function devExecutor(facts: Facts): Finding[] {
  if (facts.endpoint !== 'totara-dev' || facts.status !== 200 || (facts.bodyText ?? '').trim() !== '')
    return [];
  return [
    {
      id: 'totara.dev-executor.disabled',
      severity: 'error',
      title: 'The developer endpoint is switched off',
      explanation:
        'dev_graphql_executor.php answers with an empty 200 unless the site defines GRAPHQL_DEVELOPMENT_MODE in config.php. This is deliberate: production sites should not expose it.',
      fix: "On a development site, add define('GRAPHQL_DEVELOPMENT_MODE', true); to config.php. Otherwise use the external API (/api/graphql.php) with an OAuth 2 client.",
      evidence: [
        ...(facts.status !== undefined ? [{ kind: 'status' as const, value: '200' }] : []),
        { kind: 'response-body', value: '(empty)' },
      ],
    },
  ];
}
