import { describe, expect, it } from 'vitest';
import { diagnose } from '../diagnose';
import { draft, exchange, findingOf, GRAPHQL_URL, idsOf, REST_URL } from '../test-support';

describe('transport: failed sends, TLS, redirects, CORS', () => {
  it.each([
    [
      'network.dns',
      'The name "learn.exmaple.com" could not be found (DNS lookup failed). Check the spelling…',
      'network.dns',
    ],
    [
      'network.tls',
      'The secure connection to learn.example.com:443 failed (DEPTH_ZERO_SELF_SIGNED_CERT): …',
      'network.tls',
    ],
    [
      'network.tls-client',
      'The server at learn.example.com:443 refused the secure connection…',
      'network.tls',
    ],
    [
      'network.refused',
      'Could not connect to 127.0.0.1:4010: the connection was refused…',
      'network.refused',
    ],
    ['network.timeout', 'The server took longer than 30 s…', 'network.timeout'],
    ['template.unresolved', 'The variable {{base}} is not defined…', 'request.template-unresolved'],
    ['auth.login-failed', 'Logging in to … failed: the site answered "Invalid login".', 'auth.login-failed'],
    ['something.new', 'Something odd happened.', 'request.failed'],
  ])('turns the call error %s into %s', (code, message, id) => {
    const input = { draft: draft({ url: GRAPHQL_URL }), error: { code, message } };
    expect(idsOf(input)).toEqual([id]);
    expect(findingOf(input, id).explanation).toBe(message);
  });

  // Messages as shared/template, apply-auth and network-errors write them.
  it.each([
    [
      'template.invalid-header-value',
      'The value of header 2 (Authorization) has a line break at the end once its variables are filled in, and a header value must be a single line of text. It comes from {{token}}: its value holds it — a token copied with its trailing newline is the usual case. Remove it from the variable.',
      'A header value contains a line break',
    ],
    [
      'auth.invalid-header-value',
      'The token of the credential "HR token" has a line break at the end, and a header value must be a single line of text, so Lantern cannot send it. A token copied with its trailing newline is the usual case. Edit the credential and remove it.',
      'A header value contains a line break',
    ],
    [
      'request.invalid-header-value',
      'Lantern could not send the authorization header: its value holds a character a header may not contain. Most likely it is a line break (a token or a variable copied with its trailing newline), or another control character. …',
      'A header value holds a character headers may not contain',
    ],
    [
      'template.cycle',
      'The variable {{a}} in the URL refers back to itself (a → b → a), so it can never be resolved. Give one of these variables a plain value.',
      'Variables refer to each other in a circle',
    ],
    [
      'template.syntax',
      'The value of header 1 (Authorization) has an unclosed {{ at character 8. Close it with }}, or write \\{{ for a literal {{.',
      'A {{…}} in the request is malformed',
    ],
  ])('titles a blocked send by its real reason: %s', (code, message, title) => {
    const [finding] = diagnose({ nowMs: 0, draft: draft({ url: GRAPHQL_URL }), error: { code, message } });
    expect(finding?.title).toBe(title);
    expect(finding?.title).not.toMatch(/has no value/);
    expect(finding?.explanation).toBe(message);
  });

  // The advice follows the certificate's actual problem: a CA file only helps an untrusted one.
  it.each([
    ['network.tls-expired', "The server's certificate has expired", /must renew/, false],
    ['network.tls-not-yet-valid', "The server's certificate is not valid yet", /date and time/, false],
    [
      'network.tls-wrong-host',
      'The certificate is for another host name',
      /host names the certificate names/,
      false,
    ],
    ['network.tls-untrusted', "The server's certificate is not trusted here", /add its CA file/, true],
    ['network.tls-client', 'The server wants a client certificate', /client certificate and key/, false],
  ])('TLS failure %s: "%s"', (code, title, fix, caFile) => {
    const [finding] = diagnose({ nowMs: 0, error: { code, message: 'The secure connection to … failed.' } });
    expect(finding).toMatchObject({ id: 'network.tls', title });
    expect(finding?.fix).toMatch(fix);
    expect(/add (its|the) CA file/i.test(finding?.fix ?? '')).toBe(caFile);
  });

  it.each([
    ['CERT_HAS_EXPIRED', /must renew it \(no CA file fixes that\)/],
    ['ERR_TLS_CERT_ALTNAME_INVALID', /use the name it covers/],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', /Add the CA file/],
  ])('verification off, and the certificate was %s', (verifyError, fix) => {
    const sent = exchange({ body: '{}', tls: { verified: false, verifyError } });
    expect(findingOf({ exchange: sent }, 'network.tls-unverified').fix).toMatch(fix);
  });

  it('warns when TLS verification was off and would have failed', () => {
    const tls = { verified: false, verifyError: 'DEPTH_ZERO_SELF_SIGNED_CERT' };
    const sent = exchange({ body: '{"data":{"totara_webapi_status":{"status":"ok"}}}', tls });
    expect(idsOf({ exchange: sent })).toEqual(['network.tls-unverified']);
  });

  it('points at a redirect that turned a POST into a GET', () => {
    const redirects = [
      { status: 302, method: 'POST', url: `${REST_URL}/v1/users`, location: `${REST_URL}/users` },
    ];
    const sent = exchange({ url: `${REST_URL}/v1/users`, status: 200, headers: [], body: '{}', redirects });
    expect(idsOf({ exchange: sent })).toEqual(['http.redirect-post-to-get']);
    expect(idsOf({ exchange: { ...sent, redirects: [{ ...redirects[0]!, status: 307 }] } })).toEqual([]);
  });

  it('adds a CORS note when Origin was sent or access-control headers came back', () => {
    const withOrigin = exchange({
      requestHeaders: [['Origin', 'https://app.example.com']],
      body: '{"data":{}}',
    });
    expect(idsOf({ exchange: withOrigin })).toEqual(['http.cors-irrelevant']);
    const allow = exchange({ headers: [['access-control-allow-origin', '*']], body: '{}' });
    const finding = findingOf({ exchange: allow }, 'http.cors-irrelevant');
    expect(finding.severity).toBe('info');
    expect(finding.explanation).toMatch(/not a browser/);
  });
});
