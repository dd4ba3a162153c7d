import { adminHeader } from './admin';
import { cliHelp, parseCliArgs } from './cli-args';
import { startSandbox } from './index';

const parsed = parseCliArgs(process.argv.slice(2));
if (!parsed.ok) {
  console.error(`${parsed.message}\n\n${cliHelp()}`);
  process.exit(2);
}
if (parsed.help) {
  console.log(cliHelp());
  process.exit(0);
}

const sandbox = await startSandbox({ port: 4010, ...parsed.options }).catch((error: unknown) => {
  console.error(`Could not start the sandbox: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
const { credentials: c, endpoints: e } = sandbox;
console.log(`Lantern sandbox running at ${sandbox.url}

Totara external API
  token:    POST ${e.totaraToken}
  graphql:  POST ${e.totaraGraphql}
  client_id:     ${c.totara.clientId}
  client_secret: ${c.totara.clientSecret}

Totara AJAX API
  login:    ${e.ajaxLogin}  (username ${c.ajax.username}, password ${c.ajax.password})
  ajax:     POST ${e.ajaxGraphql}
  operations registry: GET ${e.operations}

iHASCO-style REST API
  base:     ${e.ihasco}  (GET /users, GET|PATCH /users/{id|email}, GET /results)
  token:    ${c.ihasco.token}

Admin (faults and limits)
  ${e.admin}/config  with header "${adminHeader}: ${sandbox.adminToken}"

Config: ${JSON.stringify(sandbox.config())}
Press Ctrl+C to stop.`);

const stop = () => {
  void sandbox.close().finally(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
