import type { ReactNode } from 'react';
import { Panel, Separator } from 'react-resizable-panels';
import { PersistedGroup } from '../../layout/PersistedGroup';

/** The query above the variables, with a separator between them; the sizes are kept. */
export function QueryVariablesSplit({ query, variables }: { query: ReactNode; variables: ReactNode }) {
  return (
    <PersistedGroup id="graphql-query-variables" orientation="vertical" className="graphql-split">
      <Panel id="pane-query" minSize={90} defaultSize="65%" className="graphql-split-pane">
        {query}
      </Panel>
      <Separator
        className="pane-separator"
        aria-label="Resize the query and variables editors"
        data-testid="graphql-split-separator"
      />
      <Panel id="pane-variables" minSize={70} defaultSize="35%" className="graphql-split-pane">
        {variables}
      </Panel>
    </PersistedGroup>
  );
}
