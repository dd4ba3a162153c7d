import { describe, expect, it } from 'vitest';
import collectionText from './fixtures/postman-tests-collection.json?raw';
import acmeText from './fixtures/postman-collection.json?raw';
import { importPostman } from './postman';
import { folderNamed, reportOf, requestNamed } from './test-support';

const report = reportOf(importPostman(collectionText));
const { root } = report.collection;
const testsOf = (name: string) =>
  (requestNamed(root, name).draft.tests ?? []).map(({ enabled: _e, ...row }) => row);
const linesAbout = (where: string) => report.skipped.filter((line) => line.includes(where));

describe('importPostman: test scripts become tests and captures', () => {
  it('keeps each pm.test name on its rows', () => {
    expect(testsOf('Get token')).toEqual([
      { name: 'Status code is 200', target: 'status', op: 'equals', expected: '200' },
      { name: 'Token issued', target: 'jsonPath', path: '$.access_token', op: 'exists' },
      { name: 'Token issued', target: 'jsonPath', path: '$.token_type', op: 'equals', expected: 'Bearer' },
      { name: 'Token issued', target: 'jsonPath', path: '$.expires_in', op: 'gt', expected: '0' },
    ]);
    expect(testsOf('List users')).toEqual([
      { name: 'Status 200', target: 'status', op: 'equals', expected: '200' },
      { name: 'Paged list', target: 'jsonPath', path: '$.data', op: 'isType', expected: 'array' },
      { name: 'Paged list', target: 'jsonPath', path: '$.data', op: 'length', expected: '>0' },
      { name: 'Paged list', target: 'jsonPath', path: '$.meta.per_page', op: 'equals', expected: '25' },
      { name: 'Paged list', target: 'jsonPath', path: '$.data[0].email', op: 'exists' },
      {
        name: 'Paged list',
        target: 'jsonPath',
        path: '$.data[0].status',
        op: 'oneOf',
        expected: '["active","invited"]',
      },
    ]);
  });

  it('reads variables as {{name}}, regular expressions, null and absent properties', () => {
    expect(testsOf('Get user')).toEqual([
      {
        name: 'Is the user asked for',
        target: 'jsonPath',
        path: '$.data.id',
        op: 'equals',
        expected: '{{first_user_id}}',
      },
      {
        name: 'Is the user asked for',
        target: 'jsonPath',
        path: '$.data.email',
        op: 'matches',
        expected: '/^[^@]+@[^@]+$/',
      },
      {
        name: 'Is the user asked for',
        target: 'jsonPath',
        path: '$.data.deleted_at',
        op: 'equals',
        expected: 'null',
      },
      { name: 'Is the user asked for', target: 'jsonPath', path: '$.data.password_hash', op: 'notExists' },
    ]);
  });

  it('turns set calls into captures: environment scope for pm.environment, run scope for the others', () => {
    expect(requestNamed(root, 'Get token').draft.captures).toEqual([
      { enabled: true, name: 'access_token', scope: 'environment', from: 'jsonPath', path: '$.access_token' },
      { enabled: true, name: 'token_expires_in', scope: 'run', from: 'jsonPath', path: '$.expires_in' },
    ]);
    expect(requestNamed(root, 'List users').draft.captures).toEqual([
      { enabled: true, name: 'first_user_id', scope: 'run', from: 'jsonPath', path: '$.data[0].id' },
    ]);
  });

  it('puts collection and folder test scripts on the folder, and reports the captures a folder cannot hold', () => {
    expect(root.tests?.map((t) => [t.name, t.target, t.path, t.op, t.expected])).toEqual([
      ['Response time is acceptable', 'responseTime', undefined, 'lt', '3000'],
      ['JSON content type', 'header', 'Content-Type', 'exists', undefined],
      ['JSON content type', 'header', 'Content-Type', 'contains', 'application/json'],
    ]);
    expect(folderNamed(root, 'Users').tests).toEqual([
      { name: 'Not a server error', enabled: true, target: 'status', op: 'lt', expected: '500' },
      { name: 'Not a server error', enabled: true, target: 'status', op: 'lt', expected: '500' },
    ]);
    expect(linesAbout('the collection')).toEqual([
      'The Postman test script of the collection "iHASCO Training API — tests" became 3 tests; 1 line of it was not translated (listed below), as Lantern runs no scripts; the whole script is kept in the description.',
      'Test script of the collection "iHASCO Training API — tests", line 8, not translated: a folder cannot capture variables in Lantern; add the capture to the request that gives the value. pm.environment.set("last_request_id", pm.response.headers.get("X-Request-Id"));',
    ]);
  });

  it('names every line it did not translate, with the request and the line number', () => {
    expect(linesAbout('"Create user"')).toEqual([
      'The Postman test script of request "Create user" in Users became 4 tests; 5 lines of it were not translated (listed below), as Lantern runs no scripts; the whole script is kept in the description.',
      'Test script of request "Create user" in Users, line 6, not translated: var data = JSON.parse(responseBody);',
      'Test script of request "Create user" in Users, line 10, not translated: if (pm.response.code === 201) {',
      'Test script of request "Create user" in Users, line 11, not translated: postman.setNextRequest(\'Get user\');',
      'Test script of request "Create user" in Users, line 12, not translated: }',
      'Test script of request "Create user" in Users, line 13, not translated: tests["Legacy style check"] = responseCode.code === 201;',
    ]);
    expect(linesAbout('"Get user"')).toEqual([
      'The Postman test script of request "Get user" in Users became 4 tests; 4 lines of it were not translated (listed below), as Lantern runs no scripts; the whole script is kept in the description.',
      'Test script of request "Get user" in Users, line 8, not translated: pm.test("Schema is valid", function () {',
      "Test script of request \"Get user\" in Users, line 9, not translated: const schema = { type: 'object', required: ['data'] };",
      'Test script of request "Get user" in Users, line 10, not translated: pm.response.to.have.jsonSchema(schema);',
      'Test script of request "Get user" in Users, line 11, not translated: });',
    ]);
  });

  it('keeps every script, as imported, in the description; a switched-off one is not translated', () => {
    const created = requestNamed(root, 'Create user').description ?? '';
    expect(created).toContain(
      'Postman test script, kept as imported (Lantern runs no scripts: the lines it could read became the tests and captures of this request):',
    );
    expect(created).toContain("postman.setNextRequest('Get user');");
    const token = requestNamed(root, 'Get token').description ?? '';
    expect(token).toContain(
      "Postman pre-request script, kept as imported (Lantern runs no scripts):\n\n```js\npm.environment.unset('access_token');\n```",
    );
    expect(linesAbout('"Get token"')).toContain(
      'The Postman pre-request script of request "Get token" in Auth does not run: Lantern runs no scripts, so do by hand what it did before each send; it is kept in the description.',
    );
    expect(requestNamed(root, 'Delete user').draft.tests).toBeUndefined();
    expect(requestNamed(root, 'Delete user').description).toContain(
      'Postman test script (switched off in Postman), kept as imported:',
    );
    expect(linesAbout('"Delete user"')).toEqual([
      'The Postman test script of request "Delete user" in Users is switched off in Postman, so it was not translated; it is kept in the description.',
    ]);
    expect(folderNamed(root, 'Users').description).toContain('pm.response.to.not.be.serverError;');
  });

  it('carries the Acme collection’s scripts too: a request test, a capture, a collection test', () => {
    const acme = reportOf(importPostman(acmeText)).collection.root;
    expect(requestNamed(acme, 'Create user').draft.tests).toEqual([
      { name: 'Status code is 201', enabled: true, target: 'status', op: 'equals', expected: '201' },
    ]);
    expect(requestNamed(acme, 'Create user').draft.captures).toEqual([
      { enabled: true, name: 'user_id', scope: 'run', from: 'jsonPath', path: '$.id' },
    ]);
    expect(acme.tests).toEqual([
      { name: 'responds fast', enabled: true, target: 'responseTime', op: 'lt', expected: '2000' },
    ]);
  });
});
