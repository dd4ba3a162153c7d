/** The sandbox's public endpoints, derived from its base URL. */
export function endpointsFor(baseUrl: string) {
  return {
    totaraToken: `${baseUrl}/totara/oauth2/token.php`,
    totaraGraphql: `${baseUrl}/api/graphql.php`,
    ajaxLogin: `${baseUrl}/login/index.php`,
    ajaxGraphql: `${baseUrl}/totara/webapi/ajax.php`,
    devExecutor: `${baseUrl}/totara/webapi/dev_graphql_executor.php`,
    operations: `${baseUrl}/__sandbox/operations`,
    ihasco: `${baseUrl}/ihasco`,
    admin: `${baseUrl}/__sandbox`,
  };
}

export type SandboxEndpoints = ReturnType<typeof endpointsFor>;
