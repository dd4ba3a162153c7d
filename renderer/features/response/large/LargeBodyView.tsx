import { useState } from 'react';
import type { StoredBody } from '../../../../shared/model/body';
import type { Exchange } from '../../../../shared/model/response';
import { useLantern } from '../../../store';
import { formatBytes } from '../format';
import { BodySearch, useBodySearch } from './BodySearch';
import { SaveBody } from './SaveBody';
import { VirtualRows, type RowLayout } from './VirtualRows';
import './large-body.css';

type Pretty =
  | { state: 'idle' }
  | { state: 'working' }
  | { state: 'ready'; body: StoredBody }
  | { state: 'failed'; message: string };

const looksJson = (contentType: string, preview: string) =>
  /json/i.test(contentType) || (contentType === '' && /^\s*[[{]/.test(preview));

/**
 * A large body kept on the main side: a virtualised view of its rows, a search that runs on the
 * main side, a pretty view made there, and save to file. Nothing here holds the whole body.
 */
export function LargeBodyView({ exchange, stored }: { exchange: Exchange; stored: StoredBody }) {
  const { body, bodyBytes } = exchange.response;
  const [view, setView] = useState<'raw' | 'pretty'>('raw');
  const [pretty, setPretty] = useState<Pretty>({ state: 'idle' });
  const [gone, setGone] = useState<string>();
  const [width, setWidth] = useState<number>();
  const [layout, setLayout] = useState<RowLayout & { bodyId: string }>();
  const shown = view === 'pretty' && pretty.state === 'ready' ? pretty.body : stored;
  const search = useBodySearch(shown.id, width);
  const isJson = looksJson(body.contentType, body.text);
  // The shown body's rows at this width; its summary until the first rows come.
  const current = layout?.bodyId === shown.id ? layout : undefined;
  const making = current ? current.making : shown.making;

  const showPretty = async () => {
    setView('pretty');
    if (pretty.state === 'ready' || pretty.state === 'working') return;
    setPretty({ state: 'working' });
    const result = await useLantern.getState().prettyBody({ bodyId: stored.id });
    setPretty(
      result.ok ? { state: 'ready', body: result.value } : { state: 'failed', message: result.error.message },
    );
  };

  if (gone) {
    return (
      <div className="large-body" data-testid="large-body">
        <p className="note" data-testid="large-body-note">
          {gone} Below is the start of the body that came with the response.
        </p>
        <pre className="large-body-preview">{body.text}</pre>
      </div>
    );
  }

  const lines = current?.lines ?? shown.lines;
  const size = making
    ? `${lines.toLocaleString()} ${lines === 1 ? 'line' : 'lines'} so far · formatting, ${making.percent}% of the body done`
    : `${formatBytes(current?.bytes ?? shown.bytes)} · ${lines.toLocaleString()} ${lines === 1 ? 'line' : 'lines'}`;
  const notes: string[] = [];
  if (stored.cut) {
    notes.push(
      `Only the first ${formatBytes(stored.bytes)} of ${formatBytes(bodyBytes)} were kept: the body is larger than Lantern's temporary-space limit.`,
    );
  }
  if (view === 'raw' && isJson && stored.lines === 1 && (current?.totalRows ?? stored.rows) > 1) {
    notes.push("This JSON is on one line, wrapped to the pane's width; Pretty formats it.");
  }
  if (view === 'pretty' && pretty.state === 'failed') notes.push(pretty.message);
  return (
    <div className="large-body" data-testid="large-body">
      <div className="large-body-toolbar">
        {isJson && (
          <span className="large-body-modes" role="group" aria-label="Body view">
            <button
              type="button"
              aria-pressed={view === 'raw'}
              data-testid="body-view-raw"
              onClick={() => setView('raw')}
            >
              Raw
            </button>
            <button
              type="button"
              aria-pressed={view === 'pretty'}
              data-testid="body-view-pretty"
              onClick={() => void showPretty()}
            >
              {pretty.state === 'working' ? 'Formatting…' : making ? `Pretty ${making.percent}%` : 'Pretty'}
            </button>
          </span>
        )}
        <span className="large-body-size" data-testid="large-body-size">
          {size}
        </span>
        <BodySearch search={search} />
        <SaveBody bodyId={shown.id} suggestedName={isJson ? 'response.json' : 'response.txt'} />
      </div>
      {notes.length > 0 && (
        <p className="note" data-testid="large-body-note">
          {notes.join(' ')}
        </p>
      )}
      {body.encoding === 'base64' ? (
        <p className="empty-note">
          Binary body ({body.contentType || 'unknown type'}): no text preview. Save it to a file to open it.
        </p>
      ) : (
        <VirtualRows
          key={shown.id}
          body={shown}
          width={width}
          onWidth={setWidth}
          onLayout={(next) => setLayout({ ...next, bodyId: shown.id })}
          highlights={search.highlights}
          jumpSeq={search.jumpSeq}
          onError={(message) => {
            // A pretty copy that fails while it is made (JSON broken further on): back to raw, saying why.
            if (shown.id === stored.id) setGone(message);
            else setPretty({ state: 'failed', message });
          }}
        />
      )}
    </div>
  );
}
