import { schema as github } from '@octokit/graphql-schema';
import {
  buildClientSchema,
  buildSchema,
  getIntrospectionQuery,
  graphqlSync,
  parse,
  printSchema,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { operationDepth } from './limits';
import { totaraSdl } from './fixtures/totara-schema';
import {
  introspectionQueryForDepth,
  parseDepthError,
  schemaFromIntrospection,
  schemaFromSdl,
  schemaFromText,
  schemaSdl,
  schemaTexts,
  standardIntrospection,
} from './introspection';
import { TRUNCATED_TYPE } from './introspection-repair';

const depthOf = (query: string) => {
  const document = parse(query);
  const fragments = new Map(
    document.definitions.flatMap((d) =>
      d.kind === 'FragmentDefinition' ? [[d.name.value, d] as const] : [],
    ),
  );
  const operation = document.definitions.find((d) => d.kind === 'OperationDefinition');
  if (operation?.kind !== 'OperationDefinition') throw new Error('no operation');
  return operationDepth(operation, fragments);
};

const totara = buildSchema(totaraSdl);
const introspect = (query: string, schema = totara) => graphqlSync({ schema, source: query });

describe('introspectionQueryForDepth', () => {
  it('matches graphql-js 16 at depth 13', () => {
    expect(depthOf(getIntrospectionQuery())).toBe(13);
    expect(standardIntrospection()).toMatchObject({ depth: 13, wrapperLevels: 9 });
  });

  it.each([
    [12, 8],
    [8, 4],
    [6, 2],
    [40, 9],
  ])('max depth %i keeps %i wrapper levels and fits', (maxDepth, wrapperLevels) => {
    const plan = introspectionQueryForDepth(maxDepth);
    expect(plan.wrapperLevels).toBe(wrapperLevels);
    expect(depthOf(plan.query)).toBe(plan.depth);
    expect(plan.depth).toBeLessThanOrEqual(maxDepth);
  });

  it.each([5, 0, 2.5])('refuses %s with a plain explanation', (maxDepth) => {
    expect(() => introspectionQueryForDepth(maxDepth)).toThrow(
      /needs at least 6.*load the schema from a file/,
    );
  });
});

describe('parseDepthError', () => {
  it.each([
    ['Max query depth should be 12 but got 13.', { allowed: 12, got: 13 }],
    ['Max query depth should be 0 but got 4', { allowed: 0, got: 4 }],
    ['GraphQL introspection is not enabled.', undefined],
  ])('%s', (message, expected) => expect(parseDepthError(message)).toEqual(expected));
});

describe('schemaFromIntrospection', () => {
  it('loads GitHub’s real schema, as an object and as text', () => {
    const loaded = schemaFromIntrospection(github.json);
    expect(loaded.typeCount).toBeGreaterThan(1_500);
    expect(loaded.schema.getQueryType()?.getFields().viewer).toBeDefined();
    expect(schemaFromIntrospection(JSON.stringify({ data: github.json })).typeCount).toBe(loaded.typeCount);
  });

  it('round-trips a shallow (depth 6) introspection, marking cut references', () => {
    const result = introspect(introspectionQueryForDepth(6).query);
    const loaded = schemaFromIntrospection(result);
    const items = loaded.schema.getType('core_user_users_result');
    expect(items && 'getFields' in items && String(items.getFields().items?.type)).toBe(
      `[${TRUNCATED_TYPE}!]!`,
    );
    expect(loaded.notes[0]).toMatch(
      /nested deeper than the introspection query reached .*core_user_users_result.items/,
    );
  });

  it('hands back the (repaired) introspection it built from, which rebuilds the same schema', () => {
    const shallow = schemaFromIntrospection(introspect(introspectionQueryForDepth(6).query));
    expect(printSchema(buildClientSchema(shallow.introspection!))).toBe(printSchema(shallow.schema));
    const whole = schemaFromIntrospection(JSON.stringify(introspect(getIntrospectionQuery())));
    expect(printSchema(buildClientSchema(whole.introspection!))).toBe(printSchema(totara));
    expect(schemaFromSdl(totaraSdl).introspection).toBeUndefined();
  });

  it('loses nothing at depth 12 on Totara’s schema', () => {
    const loaded = schemaFromIntrospection(introspect(introspectionQueryForDepth(12).query));
    expect(printSchema(loaded.schema)).toBe(printSchema(totara));
    expect(loaded.notes).toEqual([]);
  });

  it('copes with 10,000 types', () => {
    const sdl = Array.from(
      { length: 10_000 },
      (_, i) => `type T${i} { id: ID! next: [T${(i + 1) % 10_000}!]! }`,
    ).join('\n');
    const big = buildSchema(`${sdl}\ntype Query { first: T0 }`);
    const loaded = schemaFromIntrospection(JSON.stringify(introspect(getIntrospectionQuery(), big)));
    expect(loaded.typeCount).toBe(10_000 + 1 + 3);
  });

  it.each([
    ['<!DOCTYPE html><html><body>Login</body></html>', /This is HTML, not an introspection result/],
    ['{"data": ', /not valid JSON/],
    ['{"data": {"user": 1}}', /not an introspection result.*no "__schema"/],
    [
      '{"errors":[{"message":"GraphQL introspection is not enabled."}]}',
      /The server said: "GraphQL introspection is not enabled."/,
    ],
    ['{"__schema": {"types": [], "queryType": {"name": "Query"}}}', /incomplete or inconsistent/],
  ])('explains %s', (text, message) => {
    expect(() => schemaFromIntrospection(text)).toThrow(message);
  });
});

describe('schemaTexts and schemaSdl', () => {
  it('keeps the introspection result when there is one, else SDL; both print as SDL', () => {
    const fromIntrospection = schemaFromIntrospection(introspect(getIntrospectionQuery()));
    const kept = schemaTexts(fromIntrospection);
    expect(kept.sdl).toBeUndefined();
    expect(schemaSdl(kept)).toBe(printSchema(totara));
    const fromSdl = schemaTexts(schemaFromSdl(totaraSdl));
    expect(fromSdl).toEqual({ sdl: printSchema(schemaFromSdl(totaraSdl).schema) });
    expect(schemaSdl(fromSdl)).toBe(fromSdl.sdl);
  });

  it("keeps a file's own text when it is just the introspection result, else prints it again", () => {
    const result = introspect(getIntrospectionQuery()).data as object;
    const bare = JSON.stringify(result, null, 1);
    expect(schemaTexts(schemaFromIntrospection(bare)).introspection).toBe(bare);
    // Wrapped in "data", or with other parts: only the schema is kept, as compact JSON.
    for (const text of [
      JSON.stringify({ data: result }),
      JSON.stringify({ ...result, extensions: { a: 1 } }),
    ]) {
      const kept = schemaTexts(schemaFromIntrospection(text)).introspection ?? '';
      expect(JSON.parse(kept)).toEqual(result);
      expect(kept).toBe(JSON.stringify(result));
    }
  });
});

describe('schemaFromSdl', () => {
  it('loads SDL', () => {
    expect(schemaFromSdl(totaraSdl).typeCount).toBe(
      Object.keys(totara.getTypeMap()).filter((n) => !n.startsWith('__')).length,
    );
    expect(schemaFromText(github.idl).typeCount).toBeGreaterThan(1_500);
  });

  it.each([
    ['', /empty/],
    [
      'type Query {\n  a: String\n',
      /not valid: Syntax Error: Expected Name, found <EOF>\. \(line 3, column 1\)/,
    ],
    ['type Query { a: Missing }', /Unknown type "Missing"/],
  ])('explains %j', (text, message) => {
    expect(() => schemaFromSdl(text)).toThrow(message);
  });

  it('loads SDL with duplicate definitions, saying which', () => {
    const loaded = schemaFromSdl('type Query { a: String }\ntype Query { b: String }');
    expect(loaded.notes[0]).toMatch(/There can be only one type named "Query". \(line 2, column 6\)/);
    expect(Object.keys(loaded.schema.getQueryType()?.getFields() ?? {})).toEqual(['b']);
    expect(schemaFromSdl(github.idl).notes[0]).toMatch(
      /"EnterpriseOwnerInfo.repositoryDeployKeySetting" can only be defined once/,
    );
  });

  it('tells JSON from SDL', () => {
    expect(schemaFromText(JSON.stringify(introspect(getIntrospectionQuery()))).typeCount).toBeGreaterThan(10);
  });
});
