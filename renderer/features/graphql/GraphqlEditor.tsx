import { useEffect, useEffectEvent, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { editor as MonacoEditor } from 'monaco-editor';
import { effectiveLimits } from '../../../shared/graphql/limits';
import type { RequestBody } from '../../../shared/model/request';
import { CodeEditor } from '../../editor/CodeEditor';
import { applySchema, graphqlMode, operationModelPath, variablesModelPath } from '../../editor/graphql-mode';
import { onWorkerSchemaProblem, workerSchemaProblem } from '../../editor/graphql-worker';
import { monaco } from '../../editor/monaco-setup';
import { useActiveTab, useLantern } from '../../store';
import { schemaKeyId, schemaVersionId } from '../../store/graphql-slice';
import type { SchemaSnapshot } from '../../../shared/calls/graphql-calls';
import { ask } from './analysis-client';
import { DocsExplorer } from './DocsExplorer';
import { queryEditorOf, registerQueryEditor, registerVariablesEditor, setMarkers } from './editor-links';
import { environmentLimits } from './environment-limits';
import { PersistedOperations } from './PersistedOperations';
import { QueryVariablesSplit } from './QueryVariablesSplit';
import { Findings, QueryToolbar } from './QueryToolbar';
import { SchemaBar } from './SchemaBar';
import { operationAtOffset } from './operation-at';
import { RESULT_OWNER, useResultMarkers, useValidationMarkers } from './use-editor-markers';
import { useAnalysis } from './use-analysis';
import './graphql.css';
import { TabPanel, Tabs, tabPanelAttributes } from '../../Tabs';

type GraphqlBody = Extract<RequestBody, { mode: 'graphql' }>;

/** What the editor builds its schema from: the introspection result when there is one. */
const schemaText = (snapshot: SchemaSnapshot) =>
  snapshot.introspection !== undefined
    ? { introspection: snapshot.introspection }
    : { sdl: snapshot.sdl ?? '' };

/** The GraphQL body: schema, query (schema-aware), variables, estimate, persisted operations and docs. */
export function GraphqlEditor() {
  const body = useActiveTab((t) => t.draft.body);
  const tabId = useLantern((s) => s.activeTabId);
  if (body.mode !== 'graphql') return null;
  // One workbench per request tab: its editors, models and markers belong to that tab.
  return <Workbench key={tabId} body={body} />;
}

function Workbench({ body }: { body: GraphqlBody }) {
  graphqlMode();
  const tabId = useLantern((s) => s.activeTabId);
  const draft = useActiveTab((t) => t.draft);
  const exchange = useActiveTab((t) => t.exchange);
  const environmentId = useLantern((s) => s.environmentId);
  const environments = useLantern((s) => s.environments);
  const view = useLantern((s) => s.graphqlView);
  const showView = useLantern((s) => s.showGraphqlView);
  const editDraft = useLantern((s) => s.editDraft);
  const send = useLantern((s) => s.send);
  const checkCachedSchema = useLantern((s) => s.checkCachedSchema);
  const checkServerLimits = useLantern((s) => s.checkServerLimits);
  const url = draft.url.trim();
  const schemaKey = useMemo(
    () => (url ? { url, ...(environmentId ? { environmentId } : {}) } : undefined),
    [url, environmentId],
  );
  const schemaState = useLantern((s) => (schemaKey ? s.graphqlSchemas[schemaKeyId(schemaKey)] : undefined));
  const registry = useLantern((s) => s.graphqlRegistries[url]);
  const snapshot = schemaState?.snapshot;
  const schema = useMemo(
    () => (snapshot ? { id: schemaVersionId(snapshot), text: schemaText(snapshot) } : undefined),
    [snapshot],
  );
  const stated = useLantern((s) => (schemaKey ? s.graphqlServerLimits[schemaKeyId(schemaKey)] : undefined));
  // What the server stated wins over the environment's variables and the defaults, with its source.
  const limits = useMemo(
    () => effectiveLimits(environmentLimits(environments, environmentId), stated),
    [environments, environmentId, stated],
  );
  const persistedOperation =
    body.persisted && body.operationName ? registry?.registry[body.operationName] : undefined;
  const state = useAnalysis(
    {
      query: body.query,
      variables: body.variables,
      ...(body.operationName ? { operationName: body.operationName } : {}),
      ...(persistedOperation ? { persisted: persistedOperation } : {}),
      limits,
    },
    schema,
  );
  const analysis = state.analysis;
  const [mounted, setMounted] = useState(0);
  const latest = useRef({ body, analysis, schema });
  latest.current = { body, analysis, schema };

  // The cached schema shows as soon as the endpoint is known (after typing pauses).
  useEffect(() => {
    if (!schemaKey) return;
    const timer = setTimeout(() => void checkCachedSchema(schemaKey), 300);
    return () => clearTimeout(timer);
  }, [schemaKey, checkCachedSchema]);
  // A send or a schema fetch may have made the server state a limit: ask the main side again.
  useEffect(() => {
    if (!schemaKey) return;
    const timer = setTimeout(() => void checkServerLimits(schemaKey), 300);
    return () => clearTimeout(timer);
  }, [schemaKey, exchange, snapshot, checkServerLimits]);
  useEffect(() => applySchema(schema), [schema]);
  // The editor worker could not build the schema (it then offers no stale one): said in the schema bar.
  const editorSchemaProblem = useSyncExternalStore(onWorkerSchemaProblem, workerSchemaProblem);

  const setBody = (patch: Partial<GraphqlBody>) =>
    editDraft((d) => (d.body.mode === 'graphql' ? { ...d, body: { ...d.body, ...patch } } : d));

  // The operation sent is always one in the document: with one operation, operationName follows its
  // name (a rename never breaks the send); with several, a name no longer there is cleared, so the
  // picker, the estimate and the request body agree.
  const operationNames =
    analysis && !analysis.syntax ? analysis.operations.map((o) => o.name ?? '') : undefined;
  const followOperationName = useEffectEvent(() => {
    if (!operationNames || body.persisted) return;
    const [only, ...others] = operationNames;
    if (others.length === 0 && only !== undefined) {
      if ((only || undefined) !== body.operationName) setBody({ operationName: only || undefined });
    } else if (body.operationName !== undefined && !operationNames.includes(body.operationName))
      setBody({ operationName: undefined });
  });
  const namesKey = operationNames?.join('\n');
  useEffect(() => followOperationName(), [namesKey, body.persisted]);

  useValidationMarkers(tabId, analysis, body.variables, body.persisted, mounted);
  const sentQuery = () =>
    latest.current.body.persisted ? persistedOperation?.query : latest.current.body.query;
  useResultMarkers(tabId, exchange, sentQuery, body.operationName, mounted);

  const runAtCursor = () => {
    const editor = queryEditorOf(tabId);
    const position = editor?.getPosition();
    const model = editor?.getModel();
    const operations = latest.current.analysis?.operations ?? [];
    const offset = position && model ? model.getOffsetAt(position) : 0;
    const operation = operationAtOffset(operations, offset);
    if (operation?.name) setBody({ operationName: operation.name });
    void send();
  };
  const submit = () => {
    const { body: current, analysis: known } = latest.current;
    const operations = known?.operations ?? [];
    const named = operations.some((operation) => operation.name === current.operationName);
    if (!current.persisted && operations.length > 1 && !named) runAtCursor();
    else void send();
  };
  const prettify = async () => {
    const result = await ask({ type: 'prettify', query: latest.current.body.query });
    if (result.query !== undefined) setBody({ query: result.query });
  };
  const goToType = async (editor: MonacoEditor.IStandaloneCodeEditor) => {
    const current = latest.current.schema;
    const position = editor.getPosition();
    const model = editor.getModel();
    if (!current || !position || !model) return;
    const found = await ask({
      type: 'typeAt',
      schemaId: current.id,
      query: model.getValue(),
      offset: model.getOffsetAt(position),
    });
    if (found.typeName) showView('docs', found.typeName);
  };
  const onQueryMount = (editor: MonacoEditor.IStandaloneCodeEditor) => {
    registerQueryEditor(tabId, editor);
    editor.addAction({
      id: 'lantern.graphql.go-to-type',
      label: 'Show the type in the schema docs',
      keybindings: [monaco.KeyCode.F12],
      contextMenuGroupId: 'navigation',
      run: (target) => void goToType(target as MonacoEditor.IStandaloneCodeEditor),
    });
    editor.addAction({
      id: 'lantern.graphql.run-at-cursor',
      label: 'Run the operation under the cursor',
      keybindings: [monaco.KeyMod.CtrlCmd | monaco.KeyMod.Shift | monaco.KeyCode.Enter],
      run: () => runAtCursor(),
    });
    // The server's error locations describe the text that was sent: an edit makes them stale.
    editor.onDidChangeModelContent(() => setMarkers(editor, RESULT_OWNER, []));
    setMounted((count) => count + 1);
  };

  return (
    <div className="graphql-editor" data-testid="graphql-editor">
      <SchemaBar
        schemaKey={schemaKey}
        state={schemaState}
        draft={draft}
        maxDepth={limits.sources.maxDepth?.kind === 'default' ? undefined : limits.maxDepth}
        schemaProblem={state.schemaProblem ?? editorSchemaProblem}
      />
      <Tabs
        label="GraphQL views"
        idPrefix="graphql-view"
        tabs={[
          { id: 'query', label: 'Query' },
          { id: 'docs', label: 'Schema docs' },
        ]}
        active={view}
        onSelect={(id) => showView(id as 'query' | 'docs')}
      />
      {view === 'docs' && (
        <TabPanel idPrefix="graphql-view" active={view} className="graphql-docs-view">
          <DocsExplorer schema={schema} />
        </TabPanel>
      )}
      <div
        className="graphql-query-view"
        hidden={view !== 'query'}
        {...(view === 'query' ? tabPanelAttributes('graphql-view', 'query') : {})}
      >
        <QueryToolbar
          operations={analysis?.operations ?? []}
          operationName={body.operationName}
          persisted={body.persisted}
          onPickOperation={(operationName) => setBody({ operationName })}
          onRunAtCursor={runAtCursor}
          onPrettify={() => void prettify()}
          onPersisted={(persisted) => setBody({ persisted })}
        />
        <Findings state={state} limits={limits} persisted={body.persisted} hasSchema={!!schema} />
        <QueryVariablesSplit
          query={
            body.persisted ? (
              <PersistedOperations
                url={url}
                draft={draft}
                registry={registry}
                operationName={body.operationName}
                onOperationName={(operationName) => setBody({ operationName: operationName || undefined })}
              />
            ) : (
              <CodeEditor
                testId="graphql-query"
                ariaLabel="GraphQL query"
                language="graphql"
                path={operationModelPath(tabId)}
                value={body.query}
                onChange={(query) => setBody({ query })}
                onSubmit={submit}
                onEditorMount={onQueryMount}
              />
            )
          }
          variables={
            <>
              <div className="graphql-variables-head">Variables (JSON)</div>
              <CodeEditor
                testId="graphql-variables"
                ariaLabel="GraphQL variables"
                language="json"
                path={variablesModelPath(tabId)}
                value={body.variables}
                onChange={(variables) => setBody({ variables })}
                onSubmit={submit}
                onEditorMount={(editor) => {
                  registerVariablesEditor(tabId, editor);
                  setMounted((count) => count + 1);
                }}
              />
            </>
          }
        />
        {analysis && analysis.variableProblems.length > 0 && (
          <ul className="graphql-variable-problems" data-testid="graphql-variable-problems">
            {analysis.variableProblems.map((problem) => (
              <li key={problem.message} className={problem.severity === 'error' ? 'inline-error' : 'hint'}>
                {problem.message}
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
