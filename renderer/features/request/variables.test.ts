import { describe, expect, it } from 'vitest';
import { definedNames, segmentVariables } from './variables';

describe('segmentVariables', () => {
  it('marks defined and undefined references', () => {
    expect(segmentVariables('{{base}}/users/{{ id }}?x=1', new Set(['base']))).toEqual([
      { text: '{{base}}', variable: { name: 'base', defined: true } },
      { text: '/users/' },
      { text: '{{ id }}', variable: { name: 'id', defined: false } },
      { text: '?x=1' },
    ]);
  });
  it('leaves text without references whole', () => {
    expect(segmentVariables('https://x/', new Set())).toEqual([{ text: 'https://x/' }]);
  });
});

describe('definedNames', () => {
  it('joins the active environment and the globals only', () => {
    const environments = [
      {
        id: 'global',
        name: 'Globals',
        builtIn: false,
        variables: [{ name: 'g', value: '1', secret: false }],
      },
      { id: 'dev', name: 'Dev', builtIn: false, variables: [{ name: 'base', value: 'x', secret: false }] },
      {
        id: 'prod',
        name: 'Prod',
        builtIn: false,
        variables: [{ name: 'only_prod', value: 'y', secret: false }],
      },
    ];
    expect([...definedNames(environments, 'dev')].sort()).toEqual(['base', 'g']);
  });
});
