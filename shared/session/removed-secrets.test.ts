import { describe, expect, it } from 'vitest';
import type { RequestDraft } from '../model/request';
import { stillMissing } from './removed-secrets';

const draft = (patch: Partial<RequestDraft>): RequestDraft => ({
  method: 'POST',
  url: 'https://x.test/a?api_key=&page=1',
  headers: [{ name: 'Authorization', value: '', enabled: true }],
  body: { mode: 'form-urlencoded', fields: [{ name: 'password', value: '', enabled: true }] },
  auth: { type: 'none' },
  ...patch,
});

describe('stillMissing', () => {
  const places = [
    'the header "Authorization"',
    'the query parameter "api_key"',
    'the form field "password"',
    'the URL',
  ];

  it('keeps every place the draft still leaves empty, and the places that name no single field', () => {
    expect(stillMissing(places, draft({}))).toEqual(places);
  });

  it('drops a place once its value is typed again or the field is gone', () => {
    const typed = draft({
      url: 'https://x.test/a?api_key={{key}}&page=1',
      headers: [{ name: 'Authorization', value: 'Bearer {{token}}', enabled: true }],
      body: { mode: 'none' },
    });
    expect(stillMissing(places, typed)).toEqual(['the URL']);
  });
});
