import { buildSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { totaraSdl } from '../../graphql/fixtures/totara-schema';
import { draft, exchange, findingOf, idsOf } from '../test-support';

const schema = buildSchema(totaraSdl);

const query = (text: string) => draft({ json: { query: text } });

describe('data without errors (scenarios 14 and 16)', () => {
  it('explains {"data":[]} as an unknown top-level field', () => {
    const input = {
      draft: query('{ core_user_userz { total } }'),
      exchange: exchange({ body: '{"data":[]}' }),
    };
    expect(idsOf(input)).toEqual(['graphql.data.empty-array']);
    expect(findingOf(input, 'graphql.data.empty-array').explanation).toMatch(/core_user_userz/);
  });

  it('names a misspelt field that was silently dropped', () => {
    const input = {
      draft: query('{ totara_webapi_status { status statsu } }'),
      exchange: exchange({ body: '{"data":{"totara_webapi_status":{"status":"ok"}}}' }),
    };
    expect(idsOf(input)).toEqual(['graphql.data.field-missing']);
    const finding = findingOf(input, 'graphql.data.field-missing');
    expect(finding.title).toMatch(/statsu/);
    expect(finding.evidence).toEqual([{ kind: 'response-body', name: 'data.totara_webapi_status.statsu' }]);
  });

  it('honours aliases, lists and fragments with a type condition', () => {
    const text = `query page { users: core_user_users { items { id ...Names } total } }
      fragment Names on core_user { firstname lastname }`;
    const body = JSON.stringify({ data: { users: { items: [{ id: '1' }, { id: '2' }], total: 2 } } });
    expect(idsOf({ draft: query(text), exchange: exchange({ body }) })).toEqual([]);
  });

  it('reads nulls without errors as a likely permission (scenario 16)', () => {
    const body = JSON.stringify({
      data: {
        core_user_users: {
          items: [
            { id: '1', email: null },
            { id: '2', email: null },
            { id: '3', email: 'u3@example.com' },
          ],
        },
      },
    });
    const input = {
      draft: query('{ core_user_users(query: {pagination: {limit: 3}}) { items { id email } } }'),
      exchange: exchange({ body }),
    };
    expect(idsOf(input)).toEqual(['totara.data.null-fields']);
    const finding = findingOf(input, 'totara.data.null-fields');
    expect(finding.severity).toBe('info');
    expect(finding.evidence.map((e) => e.name)).toEqual([
      'data.core_user_users.items[0].email',
      'data.core_user_users.items[1].email',
    ]);
  });

  it('says nothing when the answer has errors, is cut short, or is not JSON', () => {
    const d = query('{ totara_webapi_status { status statsu } }');
    expect(
      idsOf({
        draft: d,
        exchange: exchange({ body: '{"data":{"totara_webapi_status":{"sta', truncated: true }),
      }),
    ).toEqual([]);
    expect(idsOf({ draft: d, exchange: exchange({ body: '<html>Maintenance</html>' }) })).toEqual([]);
  });
});

// Answers captured from the sandbox, which writes data in PHP's shape (an empty object is []).
describe("[] where an object was asked for: PHP's empty object (item 2)", () => {
  const STATUS_ALL_DROPPED = '{"data":{"totara_webapi_status":[]}}';
  it.each([
    [
      'every field of an object dropped, with the schema',
      '{ totara_webapi_status { statsu } }',
      STATUS_ALL_DROPPED,
      true,
      ['data.totara_webapi_status', 'data.totara_webapi_status.statsu'],
    ],
    [
      'the same without a schema: [] may be an empty list, so nothing is claimed',
      '{ totara_webapi_status { statsu } }',
      STATUS_ALL_DROPPED,
      false,
      [],
    ],
    [
      'an empty list is a list, with the schema',
      '{ core_user_users(query: {pagination: {limit: 2, page: 99}}) { items { id } } }',
      '{"data":{"core_user_users":{"items":[]}}}',
      true,
      [],
    ],
    [
      'another record of the list has an object there: [] is an empty one, even without a schema',
      '{ core_user_users { items { id job { fullnamee } } } }',
      '{"data":{"core_user_users":{"items":[{"id":"3","job":{"fullnamee":"x"}},{"id":"4","job":[]}]}}}',
      false,
      ['data.core_user_users.items[1].job', 'data.core_user_users.items[1].job.fullnamee'],
    ],
    [
      'an item [] of a list of objects, with the schema',
      '{ core_user_users { items { idnumberr } } }',
      '{"data":{"core_user_users":{"items":[[],[]]}}}',
      true,
      [
        'data.core_user_users.items[0]',
        'data.core_user_users.items[1]',
        'data.core_user_users.items[0].idnumberr',
        'data.core_user_users.items[1].idnumberr',
      ],
    ],
  ])('%s', (_name, text, body, withSchema, evidence) => {
    const input = { draft: query(text), exchange: exchange({ body }), ...(withSchema ? { schema } : {}) };
    if (evidence.length === 0) {
      expect(idsOf(input)).toEqual([]);
      return;
    }
    const finding = findingOf(input, 'graphql.data.field-missing');
    expect(finding.evidence.map((e) => e.name)).toEqual(evidence);
    expect(finding.explanation).toMatch(/came back as \[\], which is how PHP writes an empty object/);
  });
});
