import { useState } from 'react';
import type { Exchange } from '../../../shared/model/response';
import type { RequestTab } from '../../store/tabs-slice';
import { findingsOf } from '../diagnostics/use-findings';
import { ExchangeView } from './ExchangeView';

/**
 * The response before a failed send: hidden until asked for, then shown under a banner that says
 * it is the previous response and when it came, so it is never taken for the answer to the last send.
 */
export function PreviousResponse({ tab, previous }: { tab: RequestTab; previous: Exchange }) {
  const [shown, setShown] = useState(false);
  const at = new Date(previous.startedAt).toLocaleTimeString();
  if (!shown)
    return (
      <button type="button" data-testid="show-previous-response" onClick={() => setShown(true)}>
        Show the previous response, from {at}
      </button>
    );
  const findings = findingsOf({ draft: tab.draft, exchange: previous, sendError: undefined }, Date.now());
  return (
    <div className="previous-response" data-testid="previous-response">
      <p className="warning-note" role="note">
        Previous response, from {at}: not the answer to the last send, which{' '}
        {tab.sendError?.code === 'cancelled' ? 'was cancelled' : 'failed'}.{' '}
        <button type="button" onClick={() => setShown(false)}>
          Hide
        </button>
      </p>
      <ExchangeView tab={tab} exchange={previous} findings={findings} />
    </div>
  );
}
