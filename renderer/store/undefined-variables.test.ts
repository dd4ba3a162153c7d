// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { InheritanceView } from '../../shared/model/inheritance';
import { GLOBAL_ENVIRONMENT_ID } from '../../shared/model/environment';
import { emptyDraft } from './drafts';
import { undefinedVariablesOf } from './undefined-variables';

const tab = (url: string) => ({
  draft: { ...emptyDraft(), url },
  sourceId: 'file:ws-1:req-1',
  replayOf: undefined,
});

const inherited = (variables: InheritanceView['variables']): InheritanceView => ({
  headers: [],
  variables,
  authUsed: 'none',
});

describe('undefined variables of a saved request', () => {
  it('tells a folder secret with no value on this computer apart from a name defined nowhere', () => {
    const problems = undefinedVariablesOf({
      tab: tab('{{base}}/users?key={{api_key}}&x={{nowhere}}'),
      environments: [
        {
          id: GLOBAL_ENVIRONMENT_ID,
          name: 'Globals',
          variables: [{ name: 'base', value: 'http://127.0.0.1', secret: false }],
        } as never,
      ],
      environmentId: undefined,
      inherited: inherited([
        { name: 'api_key', value: '', secret: true, missing: true, from: 'iHASCO', fromId: 'f1' },
      ]),
      credentials: [],
    });
    expect(problems).toEqual([
      { name: 'api_key', places: ['the URL'], secretWithoutValueIn: 'iHASCO' },
      { name: 'nowhere', places: ['the URL'] },
    ]);
  });

  it('claims nothing for a saved request until its folders are known', () => {
    const problems = undefinedVariablesOf({
      tab: tab('{{nowhere}}'),
      environments: [],
      environmentId: undefined,
      inherited: undefined,
      credentials: [],
    });
    expect(problems).toBeUndefined();
  });
});
