import { excerpt, isRecord } from '../facts';
import type { Facts } from '../facts';
import type { Evidence, Finding } from '../types';

type Explained = Pick<Finding, 'id' | 'title' | 'fix'>;

/** Failed sends by CallError code prefix; the error's own message carries the what and why. */
const CALL_ERRORS: { codes: RegExp; finding: Explained }[] = [
  {
    codes: /^network\.dns$/,
    finding: {
      id: 'network.dns',
      title: 'The host name could not be found',
      fix: 'Check the spelling of the host in the URL (or the {{base}} variable), your network, and whether a VPN is needed for this site.',
    },
  },
  // One id for every TLS failure; the title and the advice fit the certificate's actual problem.
  {
    codes: /^network\.tls-expired$/,
    finding: {
      id: 'network.tls',
      title: "The server's certificate has expired",
      fix: "The site must renew its certificate (tell its administrators); no CA file can fix an expired one. If the certificate should still be valid, check this computer's date and time.",
    },
  },
  {
    codes: /^network\.tls-not-yet-valid$/,
    finding: {
      id: 'network.tls',
      title: "The server's certificate is not valid yet",
      fix: "Check this computer's date and time; if they are right, the site's certificate starts later: tell its administrators.",
    },
  },
  {
    codes: /^network\.tls-wrong-host$/,
    finding: {
      id: 'network.tls',
      title: 'The certificate is for another host name',
      fix: 'Use one of the host names the certificate names (listed in the message) in the URL, or ask the site to add this one to its certificate. A CA file cannot fix a name mismatch.',
    },
  },
  {
    codes: /^network\.tls-untrusted$/,
    finding: {
      id: 'network.tls',
      title: "The server's certificate is not trusted here",
      fix: 'If you trust the server (a test server, a company proxy or private CA), add its CA file in the TLS settings; turn verification off only for a test server you trust.',
    },
  },
  {
    codes: /^network\.tls-client$/,
    finding: {
      id: 'network.tls',
      title: 'The server wants a client certificate',
      fix: "Set the client certificate and key (and its passphrase) in the TLS settings of this request or environment; ask the API's owners which certificate they expect.",
    },
  },
  {
    codes: /^network\.tls$/,
    finding: {
      id: 'network.tls',
      title: 'The secure connection failed',
      fix: "Check the URL's scheme and host (https:// to a plain-HTTP port fails this way). For a private CA, add its CA file in the TLS settings.",
    },
  },
  {
    codes: /^network\.refused$/,
    finding: {
      id: 'network.refused',
      title: 'Nothing answered at that address',
      fix: 'Check the host and port, and that the server (or the sandbox) is running.',
    },
  },
  {
    codes: /^network\.(connect-)?timeout$/,
    finding: {
      id: 'network.timeout',
      title: 'The server took too long',
      fix: 'Try again; if it keeps happening, raise the timeout in the request settings or ask for less data at once.',
    },
  },
  {
    codes: /^network\.reset$/,
    finding: {
      id: 'network.reset',
      title: 'The connection was cut',
      fix: "Send again, and check the server's logs.",
    },
  },
  {
    codes: /^proxy\./,
    finding: {
      id: 'network.proxy',
      title: 'The proxy failed',
      fix: "Check the proxy address and its credentials in Lantern's settings.",
    },
  },
  {
    codes: /^template\.unresolved$/,
    finding: {
      id: 'request.template-unresolved',
      title: 'A {{variable}} has no value',
      fix: 'Define the variable in the selected environment, or pick the environment that defines it.',
    },
  },
  {
    codes: /^template\.cycle$/,
    finding: {
      id: 'request.template-cycle',
      title: 'Variables refer to each other in a circle',
      fix: 'Give one of the variables named in the message a plain value, so the chain ends.',
    },
  },
  {
    codes: /^template\.too-deep$/,
    finding: {
      id: 'request.template-too-deep',
      title: 'Variables nest too deeply',
      fix: 'Shorten the chain of variables named in the message by giving one of them a plain value.',
    },
  },
  {
    codes: /^template\.syntax$/,
    finding: {
      id: 'request.template-syntax',
      title: 'A {{…}} in the request is malformed',
      fix: 'Close the braces or fix the variable name where the message says; write \\{{ for literal braces.',
    },
  },
  {
    codes: /^(template|auth|request)\.invalid-header-value$/,
    finding: {
      id: 'request.invalid-header-value',
      title: 'A header value holds a character headers may not contain',
      fix: 'Remove the line break or control character from the header value, the variable or the credential the message names; a copied token often ends with a newline.',
    },
  },
  {
    codes: /^auth\.login-(failed|incomplete)$/,
    finding: {
      id: 'auth.login-failed',
      title: 'Logging in for the session failed',
      fix: 'Check the login URL, username and password of the Session credential, and its CSRF pattern.',
    },
  },
];

/** Network-level failures, redirects and CORS (the TLS, DNS, redirect and CORS items of issue 8). */
export function transportFindings(facts: Facts): Finding[] {
  return [...callError(facts), ...tlsUnverified(facts), ...redirectToGet(facts), ...cors(facts)];
}

function callError(facts: Facts): Finding[] {
  const error = facts.input.error;
  if (!isRecord(error) || typeof error.code !== 'string') return [];
  const message = typeof error.message === 'string' ? error.message : '';
  const match = CALL_ERRORS.find((entry) => entry.codes.test(error.code));
  if (!match) return [];
  // Lantern saw the value itself (templates, credentials) and says "a line break" only then; undici does not say which character.
  const lineBreak = error.code !== 'request.invalid-header-value' && /\bhas a line break\b/.test(message);
  return [
    {
      ...match.finding,
      ...(match.finding.id === 'request.invalid-header-value' && lineBreak
        ? { title: 'A header value contains a line break' }
        : {}),
      severity: 'error',
      explanation: message || `The request failed (${error.code}).`,
      evidence: [{ kind: 'error', name: error.code, value: excerpt(message, 200) }],
    },
  ];
}

/** What to do about a certificate that failed verification, by Node's code for the failure. */
function certificateAdvice(code: string | undefined): string {
  if (code === 'CERT_HAS_EXPIRED')
    return "The certificate has expired: the site must renew it (no CA file fixes that), or this computer's clock is wrong. Turn verification back on once it is renewed, and send no real credentials until then.";
  if (code === 'CERT_NOT_YET_VALID')
    return "The certificate is not valid yet: check this computer's date and time. Turn verification back on before sending real credentials.";
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID')
    return 'The certificate is for another host name: use the name it covers in the URL (no CA file fixes a name mismatch), then turn verification back on.';
  return 'Add the CA file in the TLS settings and turn verification back on before sending real credentials.';
}

function tlsUnverified(facts: Facts): Finding[] {
  const tls = facts.input.exchange?.tls;
  if (!tls || tls.verified !== false) return [];
  return [
    {
      id: 'network.tls-unverified',
      severity: 'warning',
      title: "The server's certificate was not verified",
      explanation: `Verification was turned off for this request, and the certificate would have failed it${tls.verifyError ? ` (${tls.verifyError})` : ''}: anyone between you and the server could have read or changed this exchange.`,
      fix: certificateAdvice(tls.verifyError),
      evidence: [{ kind: 'timing', name: 'tls', value: tls.verifyError ?? 'not verified' }],
    },
  ];
}

function redirectToGet(facts: Facts): Finding[] {
  const hops = facts.input.exchange?.redirects ?? [];
  const hop = hops.find(
    (h) =>
      isRecord(h) &&
      ((h.method === 'POST' && [301, 302].includes(h.status)) ||
        (h.status === 303 && !['GET', 'HEAD'].includes(h.method))),
  );
  if (!hop) return [];
  const evidence: Evidence[] = [
    { kind: 'redirect', name: String(hop.status), value: `${hop.method} ${hop.url} → ${hop.location}` },
  ];
  return [
    {
      id: 'http.redirect-post-to-get',
      severity: 'warning',
      title: `A ${hop.status} redirect turned your ${hop.method} into a GET`,
      explanation: `The server answered ${hop.url} with ${hop.status} → ${hop.location}. After a ${hop.status}, clients repeat the request as a GET without its body (as browsers do), so the final server did not get what you sent.`,
      fix: `Send the request to ${hop.location} directly (typically https:// instead of http://, or the canonical host name or path).`,
      evidence,
    },
  ];
}

function cors(facts: Facts): Finding[] {
  const origin = facts.requestHeaders.find(([name]) => name.toLowerCase() === 'origin');
  const allow = facts.responseHeaders.filter(([name]) => name.toLowerCase().startsWith('access-control-'));
  if (!origin && allow.length === 0) return [];
  const evidence: Evidence[] = [
    ...(origin ? [{ kind: 'request-header' as const, name: origin[0], value: origin[1] }] : []),
    ...allow
      .slice(0, 3)
      .map(([name, value]): Evidence => ({ kind: 'response-header', name, value: excerpt(value, 80) })),
  ];
  return [
    {
      id: 'http.cors-irrelevant',
      severity: 'info',
      title: 'CORS does not apply here',
      explanation:
        'CORS (Origin and Access-Control-* headers) is enforced by browsers only, for web pages calling other sites. Lantern is not a browser, and neither is a server-side integration, so CORS cannot be why this request failed or succeeded.',
      fix: origin
        ? 'You can remove the Origin header; if the request fails, look at the other findings.'
        : 'Nothing to do for an integration; only a web page calling this API from a browser depends on these headers.',
      evidence,
    },
  ];
}
