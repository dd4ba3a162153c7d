import { describe, expect, it } from 'vitest';
import type { RequestDraft } from '../model/request';
import { placedReferences, placesByName } from './references';

const draft: RequestDraft = {
  method: 'POST',
  url: '{{base}}/users/{{id}}',
  headers: [
    { name: 'X-Api-Key', value: '{{apiKey}}', enabled: true },
    { name: 'X-Off', value: '{{ignored}}', enabled: false },
  ],
  body: {
    mode: 'form-urlencoded',
    fields: [
      { name: 'email', value: '{{email}}', enabled: true },
      { name: 'id', value: '{{id}}', enabled: true },
    ],
  },
  auth: { type: 'oauth2', credentialId: 'c' },
};

describe('placedReferences', () => {
  it('finds every variable a send resolves, with its place, and none in switched-off rows', () => {
    const found = placedReferences(draft, { label: 'Totara', fields: { tokenUrl: '{{base}}/oauth2/token' } });
    expect(placesByName(found)).toEqual([
      { name: 'base', places: ['the URL', 'the tokenUrl of the credential “Totara”'] },
      { name: 'id', places: ['the URL', 'form field “id”'] },
      { name: 'apiKey', places: ['header “X-Api-Key”'] },
      { name: 'email', places: ['form field “email”'] },
    ]);
  });

  it('reads GraphQL variables and file paths, not the GraphQL query', () => {
    const graphql: RequestDraft = {
      ...draft,
      headers: [],
      url: 'https://x',
      body: {
        mode: 'graphql',
        query: 'query { a(x: "{{notAVariable}}") }',
        variables: '{"id": "{{id}}"}',
        persisted: false,
      },
    };
    expect(placedReferences(graphql)).toEqual([{ name: 'id', place: 'the GraphQL variables' }]);
    const binary: RequestDraft = { ...graphql, body: { mode: 'binary', path: '{{dir}}/file.bin' } };
    expect(placedReferences(binary)).toEqual([{ name: 'dir', place: 'the body file path' }]);
  });
});
