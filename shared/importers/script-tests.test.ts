import { describe, expect, it } from 'vitest';
import { INSOMNIA, POSTMAN, translateTestScript } from './script-tests';

const rowsOf = (code: string) =>
  translateTestScript(code).tests.map(({ enabled: _e, name: _n, ...row }) => row);

describe('translateTestScript: one statement each', () => {
  it.each([
    ['pm.response.to.have.status(200);', { target: 'status', op: 'equals', expected: '200' }],
    ['pm.response.to.not.have.status(500)', { target: 'status', op: 'notEquals', expected: '500' }],
    ['pm.response.to.be.ok;', { target: 'status', op: 'equals', expected: '200' }],
    ['pm.response.to.be.success', { target: 'status', op: 'oneOf', expected: '2xx' }],
    ['pm.response.to.not.be.notFound', { target: 'status', op: 'notEquals', expected: '404' }],
    [`pm.response.to.have.header("Content-Type")`, { target: 'header', path: 'Content-Type', op: 'exists' }],
    [
      `pm.response.to.have.header('Content-Type', 'application/json; charset=utf-8')`,
      { target: 'header', path: 'Content-Type', op: 'equals', expected: 'application/json; charset=utf-8' },
    ],
    [
      `pm.response.to.not.have.header('Set-Cookie')`,
      { target: 'header', path: 'Set-Cookie', op: 'notExists' },
    ],
    ['pm.expect(pm.response.code).to.eql(201)', { target: 'status', op: 'equals', expected: '201' }],
    [
      'pm.expect(pm.response.code).to.be.oneOf([200, 201])',
      { target: 'status', op: 'oneOf', expected: '[200,201]' },
    ],
    [
      'pm.expect(pm.response.responseTime).to.be.below(500);',
      { target: 'responseTime', op: 'lt', expected: '500' },
    ],
    [`pm.expect(pm.response.text()).to.include("ok")`, { target: 'body', op: 'contains', expected: 'ok' }],
    [
      `pm.expect(pm.response.text()).to.not.include('error')`,
      { target: 'body', op: 'notContains', expected: 'error' },
    ],
    [
      `pm.expect(pm.response.json().data.users[0].email).to.equal(\`ada@example.org\`)`,
      { target: 'jsonPath', path: '$.data.users[0].email', op: 'equals', expected: 'ada@example.org' },
    ],
    [
      `pm.expect(pm.response.json()['total-count']).to.be.above(0)`,
      { target: 'jsonPath', path: "$['total-count']", op: 'gt', expected: '0' },
    ],
    [
      `pm.expect(pm.response.json().items.length).to.eql(3)`,
      { target: 'jsonPath', path: '$.items', op: 'length', expected: '3' },
    ],
    [
      `pm.expect(pm.response.json().items).to.have.lengthOf(2)`,
      { target: 'jsonPath', path: '$.items', op: 'length', expected: '2' },
    ],
    [
      `pm.expect(pm.response.json()).to.have.property('id')`,
      { target: 'jsonPath', path: '$.id', op: 'exists' },
    ],
    [
      `pm.expect(pm.response.json()).to.not.have.property("password")`,
      { target: 'jsonPath', path: '$.password', op: 'notExists' },
    ],
    [
      `pm.expect(pm.response.json().user).to.have.property('role', 'admin')`,
      { target: 'jsonPath', path: '$.user.role', op: 'equals', expected: 'admin' },
    ],
    [
      `pm.expect(pm.response.json().tags).to.be.an('array')`,
      { target: 'jsonPath', path: '$.tags', op: 'isType', expected: 'array' },
    ],
    [
      `pm.expect(pm.response.json().active).to.be.true`,
      { target: 'jsonPath', path: '$.active', op: 'equals', expected: 'true' },
    ],
    [
      `pm.expect(pm.response.json().deleted_at).to.be.null;`,
      { target: 'jsonPath', path: '$.deleted_at', op: 'equals', expected: 'null' },
    ],
    [
      `pm.expect(pm.response.json().next).to.be.undefined`,
      { target: 'jsonPath', path: '$.next', op: 'notExists' },
    ],
    [`pm.expect(pm.response.json().id).to.exist`, { target: 'jsonPath', path: '$.id', op: 'exists' }],
    [
      `pm.expect(pm.response.json().status).not.to.eql("failed")`,
      { target: 'jsonPath', path: '$.status', op: 'notEquals', expected: 'failed' },
    ],
    [
      `pm.expect(pm.response.json().user).to.eql({ id: 7, roles: ["admin"] })`,
      { target: 'jsonPath', path: '$.user', op: 'equals', expected: '{"id":7,"roles":["admin"]}' },
    ],
    [
      `pm.expect(pm.response.json().balance).to.eql(-12.5)`,
      { target: 'jsonPath', path: '$.balance', op: 'equals', expected: '-12.5' },
    ],
    [
      `pm.expect(pm.response.json().id).to.eql(pm.environment.get("user_id"))`,
      { target: 'jsonPath', path: '$.id', op: 'equals', expected: '{{user_id}}' },
    ],
    [
      `pm.expect(pm.response.json().email).to.eql(pm.variables.get('email'))`,
      { target: 'jsonPath', path: '$.email', op: 'equals', expected: '{{email}}' },
    ],
    [
      `pm.expect(pm.response.json().email).to.match(/@example\\.org$/i)`,
      { target: 'jsonPath', path: '$.email', op: 'matches', expected: '/@example\\.org$/i' },
    ],
    [
      `pm.expect(pm.response.headers.get('Cache-Control')).to.include('no-store')`,
      { target: 'header', path: 'Cache-Control', op: 'contains', expected: 'no-store' },
    ],
  ])('%s', (code, row) => {
    const translated = translateTestScript(code);
    expect(translated.untranslated).toEqual([]);
    expect(rowsOf(code)).toEqual([row]);
  });
});

describe('translateTestScript: tests, aliases and captures', () => {
  it('names each row after its pm.test, with function and arrow callbacks, across lines', () => {
    const code = [
      '// Status checks',
      'pm.test("Status is 200", function () {',
      '    pm.response.to.have.status(200);',
      '});',
      "pm.test('Has an id', () => pm.expect(pm.response.json()).to.have.property('id'));",
      'pm.test(`Is fast`, () => {',
      '  pm.expect(pm.response.responseTime)',
      '    .to.be.below(800)',
      '  /* a comment inside */',
      '  pm.expect(pm.response.code).to.not.eql(500)',
      '})',
    ].join('\n');
    const translated = translateTestScript(code);
    expect(translated.untranslated).toEqual([]);
    expect(translated.tests.map((t) => [t.name, t.target, t.op])).toEqual([
      ['Status is 200', 'status', 'equals'],
      ['Has an id', 'jsonPath', 'exists'],
      ['Is fast', 'responseTime', 'lt'],
      ['Is fast', 'status', 'notEquals'],
    ]);
  });

  it('follows a simple alias of the JSON body, and of a part of it', () => {
    const code = `
      const jsonData = pm.response.json();
      let user = jsonData.data.user;
      pm.test("User", function () {
        pm.expect(jsonData.data.total).to.be.above(1);
        pm.expect(user.name).to.be.a("string");
      });`;
    expect(rowsOf(code)).toEqual([
      { target: 'jsonPath', path: '$.data.total', op: 'gt', expected: '1' },
      { target: 'jsonPath', path: '$.data.user.name', op: 'isType', expected: 'string' },
    ]);
  });

  it('turns set calls into captures: environment scope for pm.environment, run scope otherwise', () => {
    const code = `
      var body = JSON.parse(pm.response.text());
      pm.environment.set("access_token", body.access_token);
      pm.collectionVariables.set('user_id', pm.response.json().data[0].id);
      pm.variables.set("request_id", pm.response.headers.get("X-Request-Id"));
      pm.globals.set("last", body.id);`;
    const translated = translateTestScript(code);
    expect(translated.captures).toEqual([
      { enabled: true, name: 'access_token', scope: 'environment', from: 'jsonPath', path: '$.access_token' },
      { enabled: true, name: 'user_id', scope: 'run', from: 'jsonPath', path: '$.data[0].id' },
      { enabled: true, name: 'request_id', scope: 'run', from: 'header', path: 'X-Request-Id' },
    ]);
    expect(translated.untranslated).toEqual([{ line: 6, text: 'pm.globals.set("last", body.id);' }]);
  });

  it('reports every line it cannot read, and only those', () => {
    const code = [
      'const schema = { type: "object" };',
      'pm.test("Schema", function () {',
      '  pm.response.to.have.jsonSchema(schema);',
      '});',
      'pm.test("Mixed", function () {',
      '  pm.response.to.have.status(200);',
      '  for (const item of pm.response.json().items) {',
      '    pm.expect(item.id).to.be.a("number");',
      '  }',
      '});',
      'pm.sendRequest("https://x.test/", (err, res) => console.log(res));',
      "postman.setNextRequest('Login');",
      'pm.expect(pm.response.json()).to.include({ ok: true });',
      'pm.expect(pm.response.json().n).to.not.be.above(3);',
      'pm.expect(`${pm.response.code}`).to.eql("200");',
    ].join('\n');
    const translated = translateTestScript(code);
    expect(translated.tests).toHaveLength(1);
    expect(translated.untranslated.map((u) => u.line)).toEqual([1, 2, 3, 4, 7, 8, 9, 11, 12, 13, 14, 15]);
    expect(translated.untranslated[0]).toEqual({ line: 1, text: 'const schema = { type: "object" };' });
  });

  it('reports the rest of a script from an unclosed string on', () => {
    const translated = translateTestScript(
      'pm.response.to.have.status(200);\npm.test("oops, function () {\n});',
    );
    expect(translated.tests).toHaveLength(1);
    expect(translated.untranslated.map((u) => u.line)).toEqual([2, 3]);
  });

  it('does not mistake a division for a regular expression', () => {
    const translated = translateTestScript(
      'const half = pm.response.json().n / 2;\npm.response.to.have.status(200)',
    );
    expect(translated.untranslated.map((u) => u.line)).toEqual([1]);
    expect(translated.tests).toHaveLength(1);
  });
});

describe('translateTestScript: Insomnia', () => {
  it('reads after-response scripts written against insomnia.*', () => {
    const code = `insomnia.test('Created', () => {
  insomnia.expect(insomnia.response.code).to.eql(201);
  insomnia.expect(insomnia.response.json().id).to.be.a('number');
});
insomnia.environment.set('course_id', insomnia.response.json().id);`;
    const translated = translateTestScript(code, INSOMNIA);
    expect(translated.untranslated).toEqual([]);
    expect(translated.tests.map((t) => [t.name, t.target, t.path, t.op])).toEqual([
      ['Created', 'status', undefined, 'equals'],
      ['Created', 'jsonPath', '$.id', 'isType'],
    ]);
    expect(translated.captures).toEqual([
      { enabled: true, name: 'course_id', scope: 'environment', from: 'jsonPath', path: '$.id' },
    ]);
  });

  it('reads unit tests: the response of insomnia.send(), bare expect, JSON.parse(response.data)', () => {
    const code = `const response1 = await insomnia.send();
expect(response1.status).to.equal(200);
const body = JSON.parse(response1.data);
expect(body.items).to.have.lengthOf(3);
expect(response1.data).to.include('"items"');`;
    expect(translateTestScript(code, INSOMNIA).untranslated).toEqual([]);
    expect(rowsOf('')).toEqual([]);
    expect(translateTestScript(code, INSOMNIA).tests.map(({ enabled: _e, ...row }) => row)).toEqual([
      { target: 'status', op: 'equals', expected: '200' },
      { target: 'jsonPath', path: '$.items', op: 'length', expected: '3' },
      { target: 'body', op: 'contains', expected: '"items"' },
    ]);
  });

  it('does not read a bare expect in a Postman script (Postman has none)', () => {
    expect(translateTestScript('expect(pm.response.code).to.eql(200)', POSTMAN).untranslated).toHaveLength(1);
  });
});
