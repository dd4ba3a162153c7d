/**
 * Every finding id, by the API-BEHAVIOUR.md §6 scenario it explains (0 = not a §6 scenario).
 * Ids are stable: tests, the `lantern run` reporter and the UI key on them.
 */
export const FINDINGS_BY_SCENARIO: Readonly<Record<number, readonly string[]>> = {
  0: [
    'oauth.token-not-json',
    'oauth.no-access-token',
    'network.dns',
    'network.tls',
    'network.tls-unverified',
    'network.refused',
    'network.timeout',
    'network.reset',
    'network.proxy',
    'request.template-unresolved',
    'request.template-cycle',
    'request.template-too-deep',
    'request.template-syntax',
    'request.invalid-header-value',
    'request.failed',
    'auth.login-failed',
    'http.cors-irrelevant',
    'graphql.syntax-error',
    'graphql.variables.not-provided',
    'graphql.error-reported',
    'graphql.data.null-propagated',
    'auth.token-renewed',
  ],
  1: ['totara.token.invalid-client', 'oauth.invalid-client'],
  2: [
    'totara.token.json-body',
    'totara.token.unsupported-grant-type',
    'totara.token.invalid-request',
    'oauth.json-body',
    'oauth.unsupported-grant-type',
    'oauth.invalid-request',
  ],
  3: [
    'totara.auth.header-stripped',
    'totara.auth.header-missing',
    'totara.auth.bad-headers',
    'http.redirect-dropped-auth',
  ],
  4: ['totara.auth.token-expired', 'totara.auth.lowercase-bearer', 'totara.auth.token-invalid'],
  5: ['totara.auth.client-disabled'],
  6: ['totara.auth.api-user-invalid', 'totara.auth.api-user-missing', 'totara.auth.api-client-missing'],
  7: ['totara.error-level-none'],
  8: ['totara.request.operation-name'],
  9: ['totara.request.not-json', 'totara.request.query-missing', 'totara.request.persisted-query'],
  10: ['totara.request.post-only', 'totara.api-disabled', 'http.redirect-post-to-get'],
  11: ['totara.limits.introspection-disabled', 'totara.limits.depth', 'graphql.limits.depth'],
  12: ['totara.limits.complexity'],
  13: ['totara.rate-limit.budget', 'http.rate-limit.no-headers'],
  14: ['graphql.data.empty-array', 'graphql.data.field-missing'],
  15: ['graphql.variables.undeclared', 'graphql.variables.unused'],
  16: ['totara.data.null-fields'],
  17: [
    'totara.ajax.sesskey',
    'totara.ajax.not-logged-in',
    'totara.ajax.direct-query',
    'totara.ajax.missing-keys',
    'totara.ajax.internal-error',
  ],
  18: ['totara.dev-executor.disabled'],
  19: ['curl.quoting-leftovers'],
  20: ['rest.unauthorized', 'rest.forbidden'],
  21: ['rest.rate-limit'],
  22: ['rest.validation'],
};

export const ALL_FINDING_IDS: readonly string[] = Object.values(FINDINGS_BY_SCENARIO).flat();

/** The §6 scenario a finding id explains, or undefined for the general ones. */
export function scenarioOf(id: string): number | undefined {
  for (const [scenario, ids] of Object.entries(FINDINGS_BY_SCENARIO)) {
    if (ids.includes(id)) return Number(scenario) || undefined;
  }
  return undefined;
}
