import type { ReactNode } from 'react';
import { Panel, Separator } from 'react-resizable-panels';
import { PersistedGroup } from './PersistedGroup';
import { useSplitOrientation } from './use-split-orientation';

/**
 * The request beside the response, or above it in a narrow window (or by choice). Each
 * orientation keeps its own sizes; changing it remounts the panes (their state is in the store).
 */
export function RequestResponseSplit({ request, response }: { request: ReactNode; response: ReactNode }) {
  const orientation = useSplitOrientation();
  const stacked = orientation === 'vertical';
  return (
    <PersistedGroup
      key={orientation}
      id={`request-response-${orientation}`}
      orientation={orientation}
      className={`request-response ${stacked ? 'stacked' : 'side-by-side'}`}
    >
      <Panel id="pane-request" minSize={stacked ? 140 : 320}>
        {request}
      </Panel>
      <Separator
        className="pane-separator"
        aria-label={
          stacked ? 'Resize the request and response (up and down)' : 'Resize the request and response'
        }
        data-testid="request-response-separator"
      />
      <Panel id="pane-response" minSize={stacked ? 140 : 320}>
        {response}
      </Panel>
    </PersistedGroup>
  );
}
