import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { BodyRows, StoredBody } from '../../../../shared/model/body';
import { useLantern } from '../../../store';
import { BLOCK_ROWS, RowCache } from './row-cache';
import { columnsFor, gutterDigits } from './row-width';
import {
  contentHeight,
  rewrappedFirstRow,
  scrollTopAt,
  scrollTopFor,
  viewportAt,
  type Viewport,
} from './viewport';

export interface Highlights {
  /** Columns of listed matches, by row. */
  byRow: Map<number, number[]>;
  length: number;
  current: { row: number; column: number } | undefined;
}

/** What the rows at the current width say about the body (it grows while being made). */
export type RowLayout = Pick<BodyRows, 'totalRows' | 'lines' | 'bytes' | 'making'>;

interface VirtualRowsProps {
  body: StoredBody;
  /** Columns per row, measured here and kept by the parent (search places matches in them). */
  width: number | undefined;
  onWidth: (columns: number) => void;
  onLayout: (layout: RowLayout) => void;
  highlights: Highlights;
  /** Bumped to scroll to the current match. */
  jumpSeq: number;
  onError: (message: string) => void;
}

/** How often a body still being made is asked for its new rows. */
const GROWING_POLL_MS = 250;
/** A resize re-wraps the rows once it has settled for this long. */
const RESIZE_SETTLE_MS = 120;

async function readRows(bodyId: string, fromRow: number, count: number, width: number) {
  const result = await useLantern.getState().readBodyRows({ bodyId, fromRow, count, width });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

/**
 * Shows a stored body's rows, wrapped to the pane's width: only the rows in view are in the DOM,
 * the scroll content is sized by row count, and rows arrive from the main side in blocks as the
 * view moves. A body still being made (a pretty copy) is asked again for its new rows as it grows.
 */
export function VirtualRows(props: VirtualRowsProps) {
  const { body, width, highlights, jumpSeq } = props;
  const scroller = useRef<HTMLDivElement>(null);
  const probe = useRef<HTMLSpanElement>(null);
  const [, setLoaded] = useState(0);
  const [view, setView] = useState<Viewport>({ firstRow: 0, top: 0, count: 40 });
  const callbacks = useRef(props);
  callbacks.current = props;
  const cache = useMemo(
    () =>
      width === undefined
        ? undefined
        : new RowCache(
            undefined,
            (from, count) => readRows(body.id, from, count, width),
            () => setLoaded((n) => n + 1),
            (message) => callbacks.current.onError(message),
          ),
    [body.id, width],
  );
  // The rows last shown and the first in view. A resize makes a new cache at the new width: until
  // it learns its row count the height stays, so the browser keeps the scroll position, and then
  // the view moves to the same share of the body.
  const shown = useRef<{ cache: RowCache; bodyId: string; rows: number; firstRow: number }>(undefined);
  const rewrapping = shown.current && shown.current.bodyId === body.id && shown.current.cache !== cache;
  const rows = cache?.rows ?? (rewrapping ? (shown.current?.rows ?? 0) : 0);
  const digits = gutterDigits(body.making ? undefined : body.lines);

  const measure = useCallback(() => {
    const element = scroller.current;
    if (element) setView(viewportAt(element.scrollTop, element.clientHeight, Math.max(1, rows)));
  }, [rows]);

  // The columns that fit: at once when first shown, then once a resize settles.
  const measureWidth = useCallback(() => {
    const element = scroller.current;
    const charWidth = (probe.current?.getBoundingClientRect().width ?? 0) / 10;
    if (element && charWidth > 0)
      callbacks.current.onWidth(columnsFor(element.clientWidth, charWidth, digits));
  }, [digits]);
  useLayoutEffect(() => {
    measureWidth();
    const element = scroller.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const observer = new ResizeObserver(() => {
      measure();
      clearTimeout(timer);
      timer = setTimeout(measureWidth, RESIZE_SETTLE_MS);
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      clearTimeout(timer);
    };
  }, [measure, measureWidth]);
  useLayoutEffect(measure, [measure]);

  useLayoutEffect(() => {
    const element = scroller.current;
    const before = shown.current;
    // Scrolled while the new width's rows are on their way: the place to keep moves too.
    if (rewrapping && before) before.firstRow = view.firstRow;
    if (!cache || cache.rows === undefined || !element) return;
    if (before && before.cache !== cache && before.bodyId === body.id) {
      const firstRow = rewrappedFirstRow(before.firstRow, before.rows, cache.rows);
      shown.current = { cache, bodyId: body.id, rows: cache.rows, firstRow };
      element.scrollTop = scrollTopAt(firstRow, element.clientHeight, cache.rows);
      measure();
    } else shown.current = { cache, bodyId: body.id, rows: cache.rows, firstRow: view.firstRow };
  }, [cache, body.id, rows, rewrapping, view.firstRow, measure]);

  useEffect(() => {
    // The blocks in view and half a block either side, so short scrolls find rows ready.
    cache?.ensure(view.firstRow - BLOCK_ROWS / 2, view.firstRow + view.count + BLOCK_ROWS / 2);
  }, [cache, view]);

  const making = cache?.making;
  const lines = cache?.lines;
  const bytes = cache?.bytes;
  useEffect(() => {
    if (cache?.rows !== undefined && lines !== undefined && bytes !== undefined)
      callbacks.current.onLayout({ totalRows: cache.rows, lines, bytes, ...(making ? { making } : {}) });
  }, [cache, rows, lines, bytes, making]);
  // While the body is being made: its new rows, every GROWING_POLL_MS.
  useEffect(() => {
    if (!cache || !making) return;
    const timer = setTimeout(() => {
      cache.refresh(view.firstRow);
      cache.ensure(view.firstRow - BLOCK_ROWS / 2, view.firstRow + view.count + BLOCK_ROWS / 2);
    }, GROWING_POLL_MS);
    return () => clearTimeout(timer);
  }, [cache, making, rows, view]);

  const { current } = highlights;
  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element || !current || jumpSeq === 0 || rows === 0) return;
    element.scrollTop = scrollTopFor(current.row, element.clientHeight, rows);
    measure();
  }, [jumpSeq, current, rows, measure]);

  const gutter = `${digits}ch`;
  const drawn: ReactNode[] = [];
  const last = Math.min(rows, view.firstRow + view.count);
  for (let index = view.firstRow; index < last; index++) {
    const row = cache?.get(index);
    drawn.push(
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
      <span className="large-body-probe" ref={probe} aria-hidden="true">
        0000000000
      </span>
      <div style={{ height: contentHeight(rows) }} />
      <div className="large-body-window" style={{ transform: `translateY(${view.top}px)` }}>
        {drawn}
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
