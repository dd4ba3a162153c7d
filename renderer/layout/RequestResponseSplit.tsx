import { useEffect, useRef, type ReactNode } from 'react';
import { Panel, Separator, type GroupImperativeHandle } from 'react-resizable-panels';
import { useLantern } from '../store';
import { PersistedGroup } from './PersistedGroup';
import { useSplitOrientation } from './use-split-orientation';

/**
 * The request beside the response, or above it in a narrow window (or by choice). Each
 * orientation keeps its own sizes. Changing it never remounts the panes: an open dialog, a typed
 * value or the chosen editor tab survives a window resized across the threshold.
 */
export function RequestResponseSplit({ request, response }: { request: ReactNode; response: ReactNode }) {
  const orientation = useSplitOrientation();
  const stacked = orientation === 'vertical';
  const group = useRef<GroupImperativeHandle | null>(null);
  const first = useRef(true);
  useEffect(() => {
    // The group keeps its sizes after mounting; the other orientation's saved sizes are applied here.
    if (first.current) {
      first.current = false;
      return;
    }
    const saved = useLantern.getState().preferences.paneLayouts[`request-response-${orientation}`];
    if (saved) group.current?.setLayout(saved);
  }, [orientation]);
  return (
    <PersistedGroup
      groupRef={group}
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
