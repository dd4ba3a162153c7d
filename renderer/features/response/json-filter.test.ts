import { describe, expect, it } from 'vitest';
import { filterJson } from './json-filter';

const body = JSON.stringify({
  data: {
    core_user_users: {
      items: [
        { id: 1, email: 'a@x' },
        { id: 2, email: null },
      ],
      total: 2,
    },
  },
});

describe('filterJson', () => {
  it('selects with JSONPath', () => {
    expect(filterJson(body, '$.data.core_user_users.items[*].id')).toEqual({
      ok: true,
      text: '[\n  1,\n  2\n]',
      matches: 2,
    });
  });
  it('supports filters without eval', () => {
    const result = filterJson(body, '$..items[?(@.email === null)].id');
    expect(result).toEqual({ ok: true, text: '[\n  2\n]', matches: 1 });
  });
  it('returns the whole document for $ or an empty filter', () => {
    expect(filterJson(body, ' ')).toMatchObject({ ok: true, matches: 1 });
  });
  it('explains a body that is not JSON', () => {
    expect(filterJson('<html>', '$.a')).toEqual({
      ok: false,
      error: expect.stringContaining('not valid JSON'),
    });
  });
  it('explains a bad expression', () => {
    expect(filterJson(body, '$..[?(@.a ===')).toMatchObject({
      ok: false,
      error: expect.stringContaining('Example: $.data'),
    });
  });
});
