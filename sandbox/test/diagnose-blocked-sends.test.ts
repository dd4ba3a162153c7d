/**
 * Sends Lantern refuses to make, through the real send path: the error's code keeps the real
 * reason, and the diagnosis titles it by that reason, naming a pasted newline plainly.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diagnose } from '../../shared/diagnose';
import { dispatch } from '../../shared/dispatch';
import type { RequestDraft } from '../../shared/model/request';
import type { CallError } from '../../shared/model/result';
import { draft, none, services, sites, startSites, stopSites } from './diagnose-harness';

beforeAll(startSites);
afterAll(stopSites);

const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.eyJleHAiOjF9.c2ln';
let environmentId = '';
let sent = 0;

async function refused(request: RequestDraft): Promise<CallError> {
  const result = await dispatch(services.handlers, 'send', {
    requestId: `blocked-${sent++}`,
    draft: request,
    environmentId,
  });
  if (result.ok) throw new Error('the send was not refused');
  return result.error;
}
const status = (parts: Partial<RequestDraft>) =>
  draft(`${sites.sandbox.endpoints.totaraGraphql}`, {
    auth: none,
    json: { query: '{ totara_webapi_status { status } }' },
    ...parts,
  });

beforeAll(async () => {
  const saved = await dispatch(services.handlers, 'saveEnvironment', {
    name: 'Pasted values',
    variables: [
      // Copied from a terminal with its newline, as tokens so often are.
      { name: 'token', value: `${TOKEN}\n`, secret: true },
      { name: 'a', value: '{{b}}', secret: false },
      { name: 'b', value: '{{a}}', secret: false },
    ],
  });
  if (!saved.ok) throw new Error(saved.error.message);
  environmentId = (saved.value as { id: string }).id;
  services.auth.credentials.put({
    id: 'pasted-newline',
    kind: 'bearer',
    label: 'Pasted token',
    token: `${TOKEN}\r\n`,
  });
});

describe('a blocked send is titled by its real reason', () => {
  it.each([
    [
      'a variable with a trailing newline in a header',
      () => status({ headers: [{ name: 'Authorization', value: 'Bearer {{token}}', enabled: true }] }),
      'template.invalid-header-value',
      'A header value contains a line break',
      /has a line break at the end .* It comes from \{\{token\}\}: its value holds it — a token copied with its trailing newline is the usual case/,
    ],
    [
      'a bearer credential whose token ends with a newline',
      () => status({ auth: { type: 'bearer', credentialId: 'pasted-newline' } }),
      'auth.invalid-header-value',
      'A header value contains a line break',
      /^The token of the credential "Pasted token" has a line break at the end/,
    ],
    [
      'variables referring to each other',
      () => status({ headers: [{ name: 'X-Trace', value: '{{a}}', enabled: true }] }),
      'template.cycle',
      'Variables refer to each other in a circle',
      /refers back to itself \(a → b → a\)/,
    ],
    [
      'an undefined variable, still',
      () => status({ headers: [{ name: 'X-Trace', value: '{{nowhere}}', enabled: true }] }),
      'template.unresolved',
      'A {{variable}} has no value',
      /\{\{nowhere\}\}/,
    ],
  ])('%s', async (_name, request, code, title, message) => {
    const sentRequest = request();
    const error = await refused(sentRequest);
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
    expect(error.message).not.toContain(TOKEN);
    const [finding] = diagnose({ draft: sentRequest, error, nowMs: Date.now() });
    expect(finding?.title).toBe(title);
  });
});
