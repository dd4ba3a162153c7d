import { describe, expect, it } from 'vitest';
import { describeScope, lookupVariable, variableLayer } from './scope';

describe('variableLayer and lookupVariable', () => {
  const environment = variableLayer('the active environment', [
    { name: 'host', value: 'staging.example.com' },
    { name: 'token', value: 'abc', secret: true },
  ]);
  const globals = variableLayer('the globals', [{ name: 'host', value: 'prod.example.com' }]);

  it.each([
    ['the first layer that defines a name wins', 'host', { value: 'staging.example.com', secret: false }],
    ['a secret flag is kept', 'token', { value: 'abc', secret: true }],
    ['an unknown name is undefined', 'nope', undefined],
  ])('%s', (_what, name, expected) => {
    expect(lookupVariable([environment, globals], name)).toEqual(expected);
  });

  it.each([
    [[], 'any variable set (none is active)'],
    [[globals], 'the globals'],
    [[environment, globals], 'the active environment or the globals'],
    [[{ variables: {} }, environment, globals], 'variable set 1, the active environment or the globals'],
  ])('describes a scope of %# layers', (scope, expected) => {
    expect(describeScope(scope)).toBe(expected);
  });
});
