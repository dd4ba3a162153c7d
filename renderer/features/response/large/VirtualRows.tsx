import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { BodyRow, StoredBody } from '../../../../shared/model/body';
import { useLantern } from '../../../store';
import { BLOCK_ROWS, RowCache } from './row-cache';
import { contentHeight, scrollTopFor, viewportAt, type Viewport } from './viewport';

export interface Highlights {
  /** Columns of listed matches, by row. */
  byRow: Map<number, number[]>;
  length: number;
  current: { row: number; column: number } | undefined;
}

interface VirtualRowsProps {
  body: StoredBody;
  highlights: Highlights;
  /** Bumped to scroll to the current match. */
  jumpSeq: number;
  onError: (message: string) => void;
}

async function readRows(bodyId: string, fromRow: number, count: number): Promise<BodyRow[]> {
  const result = await useLantern.getState().readBodyRows({ bodyId, fromRow, count });
  if (!result.ok) throw new Error(result.error.message);
  return result.value.rows;
}

/**
 * Shows a stored body's rows: only the rows in view are in the DOM, the scroll content is sized
 * by row count, and rows arrive from the main side in blocks as the view moves.
 */
export function VirtualRows({ body, highlights, jumpSeq, onError }: VirtualRowsProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const [, setLoaded] = useState(0);
  const [view, setView] = useState<Viewport>({ firstRow: 0, top: 0, count: 40 });
  const errorRef = useRef(onError);
  errorRef.current = onError;
  const cache = useMemo(
    () =>
      new RowCache(
        body.rows,
        (from, count) => readRows(body.id, from, count),
        () => setLoaded((n) => n + 1),
        (message) => errorRef.current(message),
      ),
    [body.id, body.rows],
  );

  const measure = useCallback(() => {
    const element = scroller.current;
    if (element) setView(viewportAt(element.scrollTop, element.clientHeight, body.rows));
  }, [body.rows]);

  useLayoutEffect(() => {
    measure();
    const element = scroller.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [measure]);

  useEffect(() => {
    // The blocks in view and half a block either side, so short scrolls find rows ready.
    cache.ensure(view.firstRow - BLOCK_ROWS / 2, view.firstRow + view.count + BLOCK_ROWS / 2);
  }, [cache, view]);

  const { current } = highlights;
  const jumped = useRef(0);
  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element || !current || jumpSeq === 0) return;
    element.scrollTop = scrollTopFor(current.row, element.clientHeight, body.rows);
    measure();
  }, [jumpSeq, current, body.rows, measure]);
  // Once the match's row is drawn, bring its column into view too.
  useEffect(() => {
    const mark = scroller.current?.querySelector('.large-body-match.current');
    if (!mark || jumped.current === jumpSeq) return;
    jumped.current = jumpSeq;
    mark.scrollIntoView({ block: 'nearest', inline: 'center' });
  });

  const gutter = `${Math.max(3, String(body.lines).length)}ch`;
  const rows: ReactNode[] = [];
  const last = Math.min(body.rows, view.firstRow + view.count);
  for (let index = view.firstRow; index < last; index++) {
    const row = cache.get(index);
    rows.push(
      <div className="large-body-row" key={index} data-testid="large-body-row" data-row={index}>
        <span className="large-body-gutter" style={{ width: gutter }} aria-hidden="true">
          {row ? (row.wrapped ? '↪' : row.line) : ''}
        </span>
        <span className="large-body-text">{row ? marked(row.text, index, highlights) : ''}</span>
      </div>,
    );
  }
  return (
    <div
      className="large-body-scroller"
      ref={scroller}
      onScroll={measure}
      tabIndex={0}
      role="region"
      aria-label="Response body"
      data-testid="large-body-rows"
    >
      <div style={{ height: contentHeight(body.rows) }} />
      <div className="large-body-window" style={{ transform: `translateY(${view.top}px)` }}>
        {rows}
      </div>
    </div>
  );
}

function marked(text: string, row: number, { byRow, length, current }: Highlights): ReactNode {
  const columns = byRow.get(row);
  if (!columns) return text;
  const parts: ReactNode[] = [];
  let at = 0;
  for (const column of columns) {
    if (column < at) continue;
    parts.push(text.slice(at, column));
    const isCurrent = current?.row === row && current.column === column;
    parts.push(
      <mark key={column} className={isCurrent ? 'large-body-match current' : 'large-body-match'}>
        {text.slice(column, column + length)}
      </mark>,
    );
    at = column + length;
  }
  parts.push(text.slice(at));
  return parts;
}
