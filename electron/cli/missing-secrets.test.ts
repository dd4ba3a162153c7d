import { describe, expect, it } from 'vitest';
import {
  ENVIRONMENT_EDITOR,
  FOLDER_EDITOR,
  missingSecretsMessage,
  type SecretSource,
  type Unresolved,
} from './missing-secrets';

const folder = (name: string, variables: SecretSource['variables']): SecretSource => ({
  label: `the folder "${name}"`,
  editor: FOLDER_EDITOR,
  variables,
});
const staging: SecretSource = {
  label: 'the "Staging" environment',
  editor: ENVIRONMENT_EDITOR,
  variables: [
    { name: 'key', secret: true },
    { name: 'base', secret: false },
  ],
};
const notDefined = (name: string): Unresolved => ({
  code: 'undefined-variable',
  name,
  message: `The variable {{${name}}} in the URL is not defined.`,
});

describe('missingSecretsMessage', () => {
  it('names a secret folder variable, says it has no value here, and how to set it', () => {
    const message = missingSecretsMessage(
      [notDefined('token')],
      [folder('Admin', [{ name: 'token', secret: true }])],
      { dataDir: '/home/me/.config/Lantern' },
    );
    expect(message).toBe(
      '{{token}} is a secret variable of the folder "Admin" and has no value on this computer: secret values are kept in the vault of the data folder /home/me/.config/Lantern, never in the workspace files (the workspace may come from another computer). ' +
        `To set it, open the workspace in Lantern with this data folder and type its value in ${FOLDER_EDITOR}, then run again.`,
    );
    expect(message).not.toMatch(/not defined/);
  });

  it('uses the nearest source declaring the secret, one sentence per variable, then the other problems', () => {
    const sources = [folder('Users', []), folder('Admin', [{ name: 'key', secret: true }]), staging];
    const message =
      missingSecretsMessage([notDefined('key'), notDefined('key'), notDefined('other')], sources, {
        dataDir: '/d',
      }) ?? '';
    expect(message.match(/is a secret variable/g)).toHaveLength(1);
    expect(message).toMatch(/^\{\{key\}\} is a secret variable of the folder "Admin"/);
    expect(message).toMatch(/then run again\. The variable \{\{other\}\} in the URL is not defined\.$/);
    const both = missingSecretsMessage(
      [notDefined('token'), notDefined('key')],
      [folder('Admin', [{ name: 'token', secret: true }]), staging],
      { dataDir: '/d' },
    );
    expect(both).toMatch(
      /\{\{token\}\} .*folder "Admin".*\{\{key\}\} is a secret variable of the "Staging" environment.*the environment editor/,
    );
  });

  it('gives the vault’s own problem when the vault cannot be read', () => {
    const message = missingSecretsMessage([notDefined('key')], [staging], {
      dataDir: '/d',
      vaultProblem: 'Lantern cannot read its vault /d/vault.json: it is damaged.',
    });
    expect(message).toBe(
      '{{key}} is a secret variable of the "Staging" environment and has no value on this computer: Lantern cannot read its vault /d/vault.json: it is damaged.',
    );
  });

  it('leaves other problems to the usual messages when no secret is involved', () => {
    const cycle: Unresolved = {
      code: 'cycle',
      name: 'key',
      message: 'The variable {{key}} refers to itself.',
    };
    expect(
      missingSecretsMessage([notDefined('base'), notDefined('nowhere')], [staging], { dataDir: '/d' }),
    ).toBeUndefined();
    expect(missingSecretsMessage([cycle], [staging], { dataDir: '/d' })).toBeUndefined();
    expect(missingSecretsMessage([], [staging], { dataDir: '/d' })).toBeUndefined();
  });
});
