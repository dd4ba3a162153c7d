import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { GraphQLError } from 'graphql';
import { createSchema, createYoga } from 'graphql-yoga';
import { startSandbox, type RunningSandbox } from '../sandbox';
import { externalQueryType, sharedTypeDefs } from '../sandbox/totara/schema-sdl';
import { startHttpServer, type RunningServer } from '../test-support/servers';
import { test, expect } from './fixtures';
import { AuthPanel } from './pages/auth-panel';
import { GraphqlPanel } from './pages/graphql-panel';
import type { LanternPage } from './pages/lantern-page';

let sandbox: RunningSandbox;
test.beforeEach(async () => {
  sandbox = await startSandbox({ port: 0 });
});
test.afterEach(() => sandbox?.close());

/** A GraphQL request to the sandbox's external API, authenticated with a registered OAuth client. */
async function totaraRequest(lantern: LanternPage): Promise<GraphqlPanel> {
  const graphql = new GraphqlPanel(lantern.page);
  await lantern.request('POST', sandbox.endpoints.totaraGraphql);
  await new AuthPanel(lantern.page).registerOAuthClient({
    label: 'Totara GraphQL client',
    tokenUrl: sandbox.endpoints.totaraToken,
    clientId: sandbox.credentials.totara.clientId,
    clientSecret: sandbox.credentials.totara.clientSecret,
  });
  await graphql.useGraphqlBody();
  return graphql;
}

test('schema by OAuth introspection, completion, a typo caught client-side, estimate, error location', async ({
  lantern,
}, testInfo) => {
  const graphql = await totaraRequest(lantern);
  await graphql.fetchSchema();
  await expect(graphql.schemaStatus).toContainText(/Schema: \d+ types, fetched/);

  // Completion offers the schema's fields.
  await graphql.setQuery('query {\n  totara_webapi_status {\n    sta\n  }\n}');
  await graphql.completeAfter('sta');
  await expect(graphql.suggestions.filter({ hasText: 'status' }).first()).toBeVisible();
  await lantern.page.screenshot({ path: testInfo.outputPath('graphql-completion.png') });
  await lantern.page.keyboard.press('Escape');
  // Where the schema has nothing to offer (a comment), the list offers nothing: no words picked from
  // the document, as Monaco's word-based suggestions would.
  await graphql.setQuery('query {\n  totara_webapi_status {\n    status\n  }\n}\n# tota');
  await graphql.completeAfter('# tota');
  await expect(lantern.page.locator('.suggest-widget .message')).toContainText('No suggestions');
  await expect(graphql.suggestions).toHaveCount(0);
  await lantern.page.keyboard.press('Escape');

  // Hover docs come from the same schema: the field's type and description.
  await graphql.hoverOn('totara_webapi_status');
  await expect(graphql.hover).toContainText('totara_webapi_status');
  await expect(graphql.hover).toContainText('totara_webapi_status!');
  await lantern.page.mouse.move(0, 0);

  // Totara 17 drops a misspelt field silently; Lantern marks it before sending and lists it after.
  await graphql.setQuery('query {\n  totara_webapi_status {\n    status\n    statsu\n  }\n}');
  await expect(graphql.validationSummary).toContainText('1 error');
  await expect(graphql.errorSquiggles().first()).toBeVisible();
  await lantern.send();
  await expect(lantern.statusCode).toHaveText('200 OK');
  await graphql.openResult();
  await expect(graphql.missingFields).toContainText('totara_webapi_status.statsu');
  await lantern.page.screenshot({ path: testInfo.outputPath('graphql-typo.png') });

  // The estimate follows Totara's rules: 5 + 10 records × 3 fields = 35, as the sandbox counts it.
  await lantern.page.getByTestId('request-tab-body').click();
  const users =
    'query {\n  core_user_users(query: {pagination: {limit: 10}}) {\n    items { id username email }\n  }\n}';
  await graphql.setQuery(users);
  await expect(graphql.estimate).toContainText('complexity 35/6,000');
  await expect(graphql.validationSummary).toHaveText('Valid against the schema');
  await expect(graphql.errorSquiggles()).toHaveCount(0);

  // The server's error carries locations: they are marked on the query.
  sandbox.configure({ maxComplexity: 34 });
  await lantern.send();
  await expect(graphql.errorSquiggles().first()).toBeVisible();
  // The limit the server stated replaces the default in the estimate, with where it came from.
  await expect(graphql.estimate).toContainText('complexity 35/34');
  await expect(lantern.page.getByTestId('graphql-limit-source')).toContainText(
    'Complexity limit: the server said on',
  );
  await expect(graphql.limitWarnings.first()).toContainText('the server allows 34 (the server said so on');
  await lantern.page.screenshot({ path: testInfo.outputPath('graphql-error-marked.png') });
  await graphql.openResult();
  await expect(graphql.resultErrors.first()).toContainText('Query complexity exceeded');
  await expect(graphql.errorLocation(0)).toHaveText('line 2, column 3');
  await lantern.page.screenshot({ path: testInfo.outputPath('graphql-result-errors.png') });

  // Fields that came back null without an error are listed with the permission hint.
  sandbox.configure({ maxComplexity: 6000 });
  await lantern.page.getByTestId('request-tab-body').click();
  await graphql.setQuery(
    'query {\n  core_user_users(query: {pagination: {limit: 3}}) {\n    items { id email }\n  }\n}',
  );
  await lantern.send();
  await graphql.openResult();
  await expect(graphql.nullFields).toContainText('core_user_users.items[].email');
  await expect(graphql.nullFields).toContainText('permission');
});

test('depth limit 12: the fallback still yields a schema, with a note; docs explorer and go-to-type', async ({
  lantern,
}, testInfo) => {
  sandbox.configure({ maxDepth: 12 });
  const graphql = await totaraRequest(lantern);
  await graphql.fetchSchema();
  await expect(graphql.schemaStatus).toContainText(/Schema: \d+ types, fetched/);
  await expect(graphql.schemaNotes).toContainText('Your server allows a depth of 12');
  await graphql.openDocs();
  await graphql.searchDocs('core_user');
  await lantern.page
    .getByTestId('graphql-docs-entry')
    .filter({ hasText: /^core_user$/ })
    .click();
  await expect(lantern.page.getByTestId('graphql-docs-type')).toContainText('core_user');
  await lantern.page.screenshot({ path: testInfo.outputPath('graphql-docs.png') });
  await graphql.openQueryView();
  await graphql.setQuery('query {\n  core_user_users {\n    items { id }\n  }\n}');
  await lantern.page
    .locator('[data-testid="graphql-query"] .view-line', { hasText: 'core_user_users' })
    .click();
  await lantern.page.keyboard.press('F12');
  await expect(lantern.page.getByTestId('graphql-docs-type')).toContainText('core_user_users_result');
});

test('introspection disabled: the schema is loaded from a file; a refresh shows the changes', async ({
  lantern,
}, testInfo) => {
  sandbox.configure({ introspection: false });
  const graphql = await totaraRequest(lantern);
  await graphql.fetchSchema();
  await expect(graphql.schemaError).toContainText('introspection turned off');
  await expect(graphql.schemaFileInput).toBeAttached();

  const dir = mkdtempSync(path.join(tmpdir(), 'lantern-schema-'));
  const broken = path.join(dir, 'broken.graphql');
  writeFileSync(broken, 'type Query { oops: }');
  await graphql.loadSchemaFile(broken);
  await expect(graphql.schemaError).toContainText('broken.graphql');
  const html = path.join(dir, 'schema.json');
  writeFileSync(html, '<!DOCTYPE html><html><body>Login</body></html>');
  await graphql.loadSchemaFile(html);
  await expect(graphql.schemaError).toContainText('HTML');

  const sdl = path.join(dir, 'schema.graphql');
  writeFileSync(sdl, `${sharedTypeDefs}\n${externalQueryType}\ntype lantern_extra { a: Int }\n`);
  await graphql.loadSchemaFile(sdl);
  await expect(graphql.schemaStatus).toContainText('loaded from a file');
  // Completion follows each schema the editor is given: the file's extra type, then not after the refresh.
  await graphql.setQuery('fragment extra on lantern_ex');
  await graphql.completeAfter('lantern_ex');
  await expect(graphql.suggestions.filter({ hasText: 'lantern_extra' })).toHaveCount(1);
  await lantern.page.keyboard.press('Escape');

  sandbox.configure({ introspection: true });
  await graphql.fetchSchema();
  await expect(lantern.page.getByTestId('graphql-diff-breaking-count')).toContainText('1 breaking');
  await graphql.showSchemaDiff();
  await expect(graphql.schemaDiff).toContainText('lantern_extra');
  await graphql.closeSchemaDiff();
  await graphql.completeAfter('lantern_ex');
  await expect(lantern.page.locator('.suggest-widget .message')).toContainText('No suggestions');
  await expect(graphql.suggestions.filter({ hasText: 'lantern_extra' })).toHaveCount(0);
  await lantern.page.keyboard.press('Escape');
  await lantern.page.screenshot({ path: testInfo.outputPath('graphql-schema-diff.png') });
});

test('persisted AJAX operation from the registry, _nosession noted, variables checked', async ({
  lantern,
}, testInfo) => {
  const graphql = new GraphqlPanel(lantern.page);
  await lantern.request('POST', sandbox.endpoints.ajaxGraphql);
  await graphql.useGraphqlBody();
  await graphql.persisted(true);
  await graphql.fetchRegistry(sandbox.endpoints.operations);
  await expect(lantern.page.getByTestId('graphql-registry-summary')).toContainText(/\d+ operations from/);
  await graphql.setOperationName('core_lang_strings_nosession');
  await expect(lantern.page.getByTestId('graphql-nosession-note')).toBeVisible();
  await graphql.setVariables('{"lang": "en"}');
  await expect(graphql.variableProblems).toContainText('"ids"');
  await graphql.setVariables('{"lang": "en", "ids": ["edit,core"]}');
  await expect(graphql.variableProblems).toBeHidden();
  await lantern.page.screenshot({ path: testInfo.outputPath('graphql-persisted.png') });
  await lantern.send();
  await expect(lantern.statusCode).toHaveText('200 OK');
  expect(await lantern.responseText()).toContain('"identifier": "edit"');
});

test.describe('against graphql-yoga, a real server', () => {
  let yoga: RunningServer;
  let yogaUrl: string;
  test.beforeAll(async () => {
    // Yoga's own types tie the schema's context to the server's request type: no context is used here.
    const schema = createSchema<Record<string, never>>({
      typeDefs: `
        "A greeting service."
        type Query {
          "Says hello."
          hello(name: String!): String!
          broken: String
          old: String @deprecated(reason: "Use hello.")
        }`,
      resolvers: {
        Query: {
          hello: (_: unknown, { name }: { name: string }) => `Hello ${name}`,
          broken: () => {
            throw new GraphQLError('The broken field always fails.');
          },
        },
      },
    });
    yoga = await startHttpServer(
      createYoga<Record<string, never>>({ schema, logging: false, landingPage: false }),
    );
    yogaUrl = `${yoga.url}/graphql`;
  });
  test.afterAll(() => yoga.close());

  test('introspection, variables, and an error with locations marked in the query', async ({
    lantern,
  }, testInfo) => {
    const graphql = new GraphqlPanel(lantern.page);
    await lantern.request('POST', yogaUrl);
    await graphql.useGraphqlBody();
    await graphql.fetchSchema();
    await expect(graphql.schemaStatus).toContainText(/Schema: \d+ types, fetched/);
    await graphql.setQuery(
      'query greet($name: String!) {\n  hello(name: $name)\n}\n\nquery fails {\n  broken\n}',
    );
    await expect(lantern.page.getByTestId('graphql-operation-picker')).toBeVisible();
    await graphql.setVariables('{}');
    await lantern.page.getByTestId('graphql-operation-picker').selectOption('greet');
    await expect(graphql.variableProblems).toContainText('$name');
    await graphql.setVariables('{"name": "Lantern"}');
    await expect(graphql.variableProblems).toBeHidden();
    await lantern.send();
    await expect(lantern.statusCode).toHaveText('200 OK');
    expect(await lantern.responseText()).toContain('Hello Lantern');

    // Ctrl/Cmd+Shift+Enter runs the operation under the cursor.
    await graphql.query.locator('.view-line', { hasText: 'broken' }).click();
    await lantern.page.keyboard.press('ControlOrMeta+Shift+Enter');
    await expect(lantern.page.getByTestId('graphql-operation-picker')).toHaveValue('fails');
    await expect(graphql.errorSquiggles().first()).toBeVisible();
    await graphql.openResult();
    await expect(graphql.resultErrors.first()).toContainText('The broken field always fails.');
    await expect(graphql.errorLocation(0)).toHaveText('line 6, column 3');
    await expect(graphql.result).toContainText('partial data');
    await lantern.page.screenshot({ path: testInfo.outputPath('graphql-yoga-error.png') });
  });

  test('a stale operationName is never sent: the picker, the estimate and the body agree', async ({
    lantern,
  }) => {
    const graphql = new GraphqlPanel(lantern.page);
    const picker = lantern.page.getByTestId('graphql-operation-picker');
    await lantern.request('POST', yogaUrl);
    await graphql.useGraphqlBody();
    await graphql.fetchSchema();
    await expect(graphql.schemaStatus).toContainText(/Schema: \d+ types, fetched/);
    await graphql.setQuery('query Status {\n  broken\n}');
    await expect(graphql.estimate).toBeVisible();
    // Replaced by two operations: "Status" is gone, so it is no longer picked.
    await graphql.setQuery('query one {\n  broken\n}\n\nquery two {\n  hello(name: "x")\n}');
    await expect(picker).toHaveValue('');
    await expect(lantern.page.getByTestId('graphql-estimate-problem')).toContainText(
      'pick the one to estimate',
    );
    await lantern.send();
    await expect(lantern.sendError).toContainText('2 operations ("one", "two") and none is picked');
    await picker.selectOption('two');
    await expect(graphql.estimate).toBeVisible();
    await lantern.send();
    await expect(lantern.statusCode).toHaveText('200 OK');
    expect(await lantern.responseText()).toContain('Hello x');
  });
});
