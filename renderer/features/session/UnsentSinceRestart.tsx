import { useLantern } from '../../store';
import { activeTab, type ResponsePart } from '../../store/tabs-slice';

const partNames: Record<ResponsePart, string> = {
  body: 'Body',
  graphql: 'GraphQL',
  headers: 'Headers',
  cookies: 'Cookies',
  timeline: 'Timeline',
  tests: 'Tests',
  diagnostics: 'Diagnostics',
  tokens: 'Tokens',
};

/** In the empty response pane of a restored tab that had a response: responses are not kept. */
export function UnsentSinceRestart() {
  const tab = useLantern(activeTab);
  const restored = useLantern((s) => s.unsentSinceRestart.includes(tab.id));
  if (!restored || tab.exchange || tab.phase !== 'idle') return null;
  return (
    <p className="hint" data-testid="not-sent-since-restart">
      Not sent since Lantern restarted: responses are not kept across restarts. Send again to see the response
      here, on its {partNames[tab.responsePart]} tab as you left it.
    </p>
  );
}
