import { getIntrospectionQuery } from 'graphql';
import { describe, expect, it } from 'vitest';
import { clientSafe, draft, exchange, findingOf, idsOf } from '../test-support';

const introspection = draft({
  json: { query: getIntrospectionQuery(), operationName: 'IntrospectionQuery' },
});
const deep = draft({ json: { query: '{ totara_webapi_status { a { a { a { b } } } } }' } });

describe('Totara limits (scenarios 11 and 12)', () => {
  it('explains introspection switched off', () => {
    const input = {
      draft: introspection,
      exchange: exchange({ body: clientSafe('GraphQL introspection is not enabled.') }),
    };
    expect(idsOf(input)).toEqual(['totara.limits.introspection-disabled']);
  });

  it('explains a depth limit that breaks schema fetching', () => {
    const input = {
      draft: introspection,
      exchange: exchange({ body: clientSafe('Max query depth should be 12 but got 13.') }),
    };
    expect(idsOf(input)).toEqual(['totara.limits.depth']);
    const finding = findingOf(input, 'totara.limits.depth');
    expect(finding.title).toMatch(/13 levels.*allows 12/);
    expect(finding.explanation).toMatch(/schema fetch/);
  });

  it('explains a depth limit on an ordinary query without talking of schemas', () => {
    const input = {
      draft: deep,
      exchange: exchange({ body: clientSafe('Max query depth should be 15 but got 16.') }),
    };
    expect(findingOf(input, 'totara.limits.depth').explanation).not.toMatch(/schema/);
  });

  it('explains complexity with a smaller page as the fix', () => {
    const body = JSON.stringify({
      errors: [
        {
          message: 'Query complexity exceeded maximum allowed complexity of 34.',
          extensions: { category: 'query_complexity' },
          locations: [{ line: 1, column: 3 }],
          path: ['core_user_users'],
        },
      ],
      error: 'Query complexity exceeded maximum allowed complexity of 34.',
      data: null,
    });
    const input = {
      draft: draft({
        json: {
          query: '{ core_user_users(query: {pagination: {limit: 10}}) { items { id username email } } }',
        },
      }),
      exchange: exchange({ body }),
    };
    expect(idsOf(input)).toEqual(['totara.limits.complexity', 'graphql.data.null-propagated']);
    expect(findingOf(input, 'totara.limits.complexity').fix).toMatch(/smaller page/);
    // The site's own limit, stated in the answer, not the default.
    expect(findingOf(input, 'totara.limits.complexity').explanation).toMatch(
      /over the site's maximum of 34, as the answer says/,
    );
    expect(findingOf(input, 'totara.limits.complexity').explanation).not.toMatch(/6,000/);
  });
});
