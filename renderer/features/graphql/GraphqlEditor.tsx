import { CodeEditor } from '../../editor/CodeEditor';
import { useActiveTab, useLantern } from '../../store';

/** The GraphQL body: query and variables (schema-aware editing arrives with the workbench). */
export function GraphqlEditor() {
  const body = useActiveTab((t) => t.draft.body);
  const editDraft = useLantern((s) => s.editDraft);
  const send = useLantern((s) => s.send);
  if (body.mode !== 'graphql') return null;
  const set = (patch: Partial<typeof body>) => editDraft((d) => ({ ...d, body: { ...body, ...patch } }));
  return (
    <div className="graphql-editor" data-testid="graphql-editor">
      <CodeEditor
        testId="graphql-query"
        ariaLabel="GraphQL query"
        language="graphql"
        value={body.query}
        onChange={(query) => set({ query })}
        onSubmit={() => void send()}
      />
      <CodeEditor
        testId="graphql-variables"
        ariaLabel="GraphQL variables"
        language="json"
        value={body.variables}
        onChange={(variables) => set({ variables })}
        onSubmit={() => void send()}
      />
    </div>
  );
}
