import { startSandbox, type RunningSandbox } from '../sandbox';
import { test, expect } from './fixtures';
import { AuthPanel } from './pages/auth-panel';
import { Screens } from './pages/screens';

let sandbox: RunningSandbox;
test.beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
});
test.afterAll(() => sandbox?.close());

test('a bearer token typed as {{token}} is shown as a reference and sent from the variable', async ({
  lantern,
}, info) => {
  const auth = new AuthPanel(lantern.page);
  const screens = new Screens(lantern);
  await lantern.request('GET', `${sandbox.url}/ihasco/users`);
  await auth.typeBearerToken('iHASCO from a variable', '{{ihasco_token}}');
  // A reference is no secret: it is shown as typed, with what happens to it.
  await expect(lantern.page.getByTestId('credential-secret')).toHaveAttribute('type', 'text');
  await expect(lantern.page.getByTestId('credential-secret-reference')).toContainText(
    'Taken from the variable {{ihasco_token}} when a request is sent',
  );
  await screens.capture(info, 'credential-secret-reference');
  await auth.saveCredential('iHASCO from a variable');
  await expect(lantern.page.getByTestId('auth-secret-reference')).toHaveText(
    'from the variable {{ihasco_token}}',
  );
  await screens.capture(info, 'auth-secret-reference');

  // Not defined anywhere yet: the send stops and names the variable.
  await lantern.send();
  // The send's error (the History row of the failed send says the same, once the list refreshes).
  await expect(lantern.page.getByTestId('send-error')).toContainText(
    /The variable \{\{ihasco_token\}\} in the token of the credential/,
  );
});
