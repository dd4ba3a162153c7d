import { describe, expect, it } from 'vitest';
import { lookupVariable } from '../template/scope';
import { lanternVarsFrom, overrideLayer, parseEnvVarOption } from './run-variables';

describe('run overrides', () => {
  it('reads NAME=VALUE, keeping "=" in the value and an empty value', () => {
    expect(parseEnvVarOption('token=a=b=c')).toEqual({ name: 'token', value: 'a=b=c' });
    expect(parseEnvVarOption('empty=')).toEqual({ name: 'empty', value: '' });
  });

  it('refuses an option without "=" or with an unusable name, saying which', () => {
    expect(() => parseEnvVarOption('s3cr3t-value')).toThrow(
      '--env-var needs NAME=VALUE: one was given without "=".',
    );
    expect(() => parseEnvVarOption('a b=1')).toThrow(/"a b" cannot be a variable name/);
  });

  it('takes LANTERN_VAR_<NAME> environment variables by their name, and refuses an unusable one', () => {
    expect(lanternVarsFrom({ LANTERN_VAR_base: 'x', PATH: '/bin', LANTERN_VAR_user_id: '7' })).toEqual({
      base: 'x',
      user_id: '7',
    });
    expect(() => lanternVarsFrom({ LANTERN_VAR_: 'x' })).toThrow(
      /LANTERN_VAR_ does not name a usable variable/,
    );
  });

  it('--env-var wins over LANTERN_VAR_, the last --env-var over earlier ones; every value is secret', () => {
    const layer = overrideLayer(
      [
        { name: 'token', value: 'first' },
        { name: 'token', value: 'from-flag' },
      ],
      { token: 'from-env', base: 'http://x' },
    );
    expect(layer && lookupVariable([layer], 'token')).toEqual({ value: 'from-flag', secret: true });
    expect(layer && lookupVariable([layer], 'base')).toEqual({ value: 'http://x', secret: true });
    expect(overrideLayer([], {})).toBeUndefined();
  });
});
