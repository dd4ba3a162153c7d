import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { internal, startTestSandbox, totaraHeaders } from './harness';
import type { TestSandbox } from './harness';

let t: TestSandbox;
let auth: string;
beforeAll(async () => {
  t = await startTestSandbox();
});
beforeEach(async () => {
  t.sandbox.reset();
  auth = `Bearer ${await t.token()}`;
});
afterAll(() => t.sandbox.close());

type Users = {
  data: { core_user_users: { items: Record<string, unknown>[]; total: number; next_cursor: string } };
};

describe('POST /api/graphql.php happy paths', () => {
  it('smoke test with variables as a JSON string and the exact headers', async () => {
    const reply = await t.graphql(
      { query: 'query { totara_webapi_status { status } }', variables: '{}' },
      auth,
    );
    expect(reply.status).toBe(200);
    expect(reply.text).toBe('{"data":{"totara_webapi_status":{"status":"ok"}}}');
    for (const [name, value] of Object.entries(totaraHeaders)) expect(reply.headers.get(name)).toBe(value);
  });

  it('timestamp defaults to TIMESTAMP and takes a core_date_format', async () => {
    const reply = await t.graphql(
      { query: '{ totara_webapi_status { timestamp t2: timestamp(format: DATE) } }' },
      auth,
    );
    const status = (reply.json as { data: { totara_webapi_status: { timestamp: string; t2: string } } }).data
      .totara_webapi_status;
    expect(Math.abs(Number(status.timestamp) - Date.now() / 1000)).toBeLessThan(5);
    expect(status.t2).toMatch(/^\d{1,2} [A-Z][a-z]+ \d{4}$/);
  });

  it('the body is read as JSON whatever the Content-Type', async () => {
    const reply = await t.graphql('{"query":"{ totara_webapi_status { status } }"}', auth, {
      'Content-Type': 'text/plain',
    });
    expect(reply.json).toEqual({ data: { totara_webapi_status: { status: 'ok' } } });
  });

  it('a JSON array is a batch and the answer is an array', async () => {
    const reply = await t.graphql(
      [
        { query: '{ totara_webapi_status { status } }' },
        { query: '{ core_user_users { total } }', variables: {} },
      ],
      auth,
    );
    expect(reply.json).toEqual([
      { data: { totara_webapi_status: { status: 'ok' } } },
      { data: { core_user_users: { total: 50 } } },
    ]);
  });

  it('core_user_users pages with next_cursor (default page size 20) until the cursor is empty', async () => {
    const query = `query page($query: core_user_users_query) {
      core_user_users(query: $query) { items { id username } total next_cursor } }`;
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 5; page += 1) {
      const variables = cursor ? { query: { pagination: { cursor } } } : {};
      const reply = (await t.graphql({ query, variables: JSON.stringify(variables) }, auth)).json as Users;
      const result = reply.data.core_user_users;
      expect(result.total).toBe(50);
      seen.push(...result.items.map((item) => String(item.id)));
      cursor = result.next_cursor;
      if (cursor === '') break;
    }
    expect(seen).toHaveLength(50);
    expect(new Set(seen).size).toBe(50);
    expect(seen[0]).toBe('3');
  });

  it('sorts and limits, users are deterministic', async () => {
    const query = `{ core_user_users(query: { pagination: { limit: 2 }, sort: [{ column: "username", direction: DESC }] }) {
      items { id username fullname } } }`;
    const first = (await t.graphql({ query }, auth)).json as Users;
    const second = (await t.graphql({ query }, auth)).json as Users;
    expect(first).toEqual(second);
    const names = first.data.core_user_users.items.map((item) => item.username as string);
    expect(names).toEqual([...names].sort().reverse());
  });

  it('field-level permission: email null unless the user shows it, no error (§6 16)', async () => {
    const reply = (
      await t.graphql(
        { query: '{ core_user_users(query: { pagination: { limit: 3 } }) { items { email } } }' },
        auth,
      )
    ).json as Users & { errors?: unknown };
    expect(reply.errors).toBeUndefined();
    expect(reply.data.core_user_users.items.map((item) => item.email)).toEqual([
      'ada.okafor1@example.com',
      null,
      null,
    ]);
  });

  it('description is null when profilesforenrolledusersonly is on', async () => {
    const query = '{ core_user_users(query: { pagination: { limit: 1 } }) { items { description } } }';
    expect(
      ((await t.graphql({ query }, auth)).json as Users).data.core_user_users.items[0]?.description,
    ).toContain('<p>');
    t.sandbox.configure({ profilesForEnrolledUsersOnly: true });
    expect(
      ((await t.graphql({ query }, auth)).json as Users).data.core_user_users.items[0]?.description,
    ).toBeNull();
  });

  it('create, update and delete a user through references', async () => {
    const create = await t.graphql(
      {
        query: `mutation create($input: core_user_create_user_input!) {
          core_user_create_user(input: $input) { user { id username firstname } } }`,
        variables: {
          input: {
            username: 'new.person',
            email: 'new.person@example.com',
            firstname: 'New',
            lastname: 'Person',
          },
        },
      },
      auth,
    );
    expect(create.json).toEqual({
      data: { core_user_create_user: { user: { id: '53', username: 'new.person', firstname: 'New' } } },
    });
    const update = await t.graphql(
      {
        query:
          'mutation { core_user_update_user(target_user: { username: "new.person" }, input: { city: "Leeds" }) { user { id city } } }',
      },
      auth,
    );
    expect(update.json).toEqual({ data: { core_user_update_user: { user: { id: '53', city: 'Leeds' } } } });
    const remove = await t.graphql(
      { query: 'mutation { core_user_delete_user(target_user: { id: 53 }) { user_id } } ' },
      auth,
    );
    expect(remove.json).toEqual({ data: { core_user_delete_user: { user_id: '53' } } });
    const total = await t.graphql({ query: '{ core_user_users { total } }' }, auth);
    expect(total.json).toEqual({ data: { core_user_users: { total: 50 } } });
  });

  it('an invalid param_email is refused', async () => {
    const reply = await t.graphql(
      {
        query:
          'mutation m($i: core_user_create_user_input!) { core_user_create_user(input: $i) { user { id } } }',
        variables: { i: { username: 'x', email: 'not-an-email', firstname: 'X', lastname: 'Y' } },
      },
      auth,
    );
    const body = reply.json as {
      errors: { message: string; extensions: { category: string } }[];
      data?: unknown;
    };
    expect(body.data).toBeUndefined();
    expect(body.errors[0]?.message).toContain('Invalid parameter value detected');
  });
});

describe('17.x skips standard validation (§6 14, 15)', () => {
  it('a misspelt field is silently dropped', async () => {
    const reply = await t.graphql({ query: '{ totara_webapi_status { status statsu } }' }, auth);
    expect(reply.json).toEqual({ data: { totara_webapi_status: { status: 'ok' } } });
  });

  it('an unknown top-level field gives {"data":[]}', async () => {
    const reply = await t.graphql({ query: '{ core_user_userz { total } }' }, auth);
    expect(reply.text).toBe('{"data":[]}');
  });

  it('undeclared variables are ignored, so pagination repeats page 1', async () => {
    const query = '{ core_user_users(query: { pagination: { cursor: $cursor } }) { items { id } } }';
    const reply = (await t.graphql({ query, variables: { cursor: 'eyJwYWdlIjoyLCJsaW1pdCI6MjB9' } }, auth))
      .json as Users;
    expect(reply.data.core_user_users.items[0]?.id).toBe('3');
  });

  it('with validation switched on, the typo is an error', async () => {
    t.sandbox.configure({ skipValidation: false });
    const reply = await t.graphql({ query: '{ totara_webapi_status { status statsu } }' }, auth);
    expect(reply.json).toEqual({
      errors: [
        {
          message: 'Cannot query field "statsu" on type "totara_webapi_status". Did you mean "status"?',
          extensions: { category: 'graphql' },
          locations: [{ line: 1, column: 33 }],
        },
      ],
      error: 'Cannot query field "statsu" on type "totara_webapi_status". Did you mean "status"?',
    });
  });
});

describe('client-safe GraphQL errors', () => {
  it.each([
    ['syntax', { query: 'query {' }, 'Syntax Error: Expected Name, found <EOF>'],
    [
      'required variable missing',
      {
        query: 'query q($p: core_pagination_input!) { core_user_users(query: { pagination: $p }) { total } }',
      },
      'Variable "$p" of required type "core_pagination_input!" was not provided.',
    ],
  ])('%s', async (_name, body, message) => {
    const reply = await t.graphql(body, auth);
    const json = reply.json as {
      errors: { message: string; extensions: unknown }[];
      error: string;
      data?: unknown;
    };
    expect(reply.status).toBe(200);
    expect(json.errors[0]?.message).toBe(message);
    expect(json.errors[0]?.extensions).toEqual({ category: 'graphql' });
    expect(json.error).toBe(message);
    expect(json.data).toBeUndefined();
  });
});

describe('request-shape failures (masked, §6 8, 9)', () => {
  it.each([
    ['body not JSON', 'not json', 'Invalid request, request cannot be empty'],
    ['empty body', '', 'Invalid request, request cannot be empty'],
    ['empty batch', '[]', 'Invalid request, request cannot be empty'],
    ['no query', { variables: {} }, 'Query parameter is missing'],
    [
      'persisted query id',
      { queryId: 'abc', variables: {} },
      'Invalid request, we do not support standard persistent queries',
    ],
    [
      'persisted documentid',
      { documentid: 'abc', query: '{ a }' },
      'Invalid request, we do not support standard persistent queries',
    ],
    [
      'camelCase operationName',
      { query: 'query getUsers { totara_webapi_status { status } }', operationName: 'getUsers' },
      'Invalid request, validation of operationName failed',
    ],
    [
      'operationName starting with a digit',
      { query: '{ a }', operationName: '1abc' },
      'Invalid request, validation of operationName failed',
    ],
    [
      'variables not an object',
      { query: '{ totara_webapi_status { status } }', variables: '"x"' },
      'GraphQL Request parameter "variables" must be object or JSON string parsed to object, but got "\\"x\\""',
    ],
  ])('%s', async (_name, body, debugMessage) => {
    const reply = await t.graphql(body, auth);
    expect(reply.status).toBe(200);
    expect(reply.json).toEqual(internal(debugMessage));
  });

  it('IntrospectionQuery is exempt from the operationName rule; snake_case passes', async () => {
    for (const operationName of ['IntrospectionQuery', 'my_status_query']) {
      const reply = await t.graphql(
        { query: `query ${operationName} { totara_webapi_status { status } }`, operationName },
        auth,
      );
      expect(reply.json).toEqual({ data: { totara_webapi_status: { status: 'ok' } } });
    }
  });
});

describe('transport errors (§6 10)', () => {
  it('GET gives 400 only POST', async () => {
    const reply = await t.request('/api/graphql.php', { headers: { Authorization: auth } });
    expect(reply.status).toBe(400);
    expect(reply.json).toEqual({
      errors: [{ message: 'Invalid webapi request, only POST method is allowed' }],
      error: 'Invalid webapi request, only POST method is allowed',
    });
    expect(reply.headers.get('content-type')).toBe(totaraHeaders['content-type']);
  });

  it('API feature disabled gives 400 Feature api is not available.', async () => {
    t.sandbox.configure({ apiEnabled: false });
    const reply = await t.graphql({ query: '{ totara_webapi_status { status } }' }, auth);
    expect(reply.status).toBe(400);
    expect(reply.json).toEqual({
      errors: [{ message: 'Feature api is not available.' }],
      error: 'Feature api is not available.',
    });
  });
});
