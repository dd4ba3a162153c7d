import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { BodySearchResult } from '../../../../shared/model/body';
import { useLantern } from '../../../store';
import type { Highlights } from './VirtualRows';

const MAX_RESULTS = 1_000;

export interface BodySearchState {
  query: string;
  setQuery: (query: string) => void;
  caseSensitive: boolean;
  setCaseSensitive: (on: boolean) => void;
  /** Runs the search, or moves to the next (or previous) match when it already ran. */
  submit: (backwards?: boolean) => void;
  step: (by: number) => void;
  searching: boolean;
  result: BodySearchResult | undefined;
  error: string | undefined;
  index: number;
  highlights: Highlights;
  /** Bumped whenever the view should move to the current match. */
  jumpSeq: number;
}

/** Search of a stored body: the main side scans it; this keeps the query, results and position. */
export function useBodySearch(bodyId: string, width: number | undefined): BodySearchState {
  const [query, setQuery] = useState('');
  const [caseSensitive, setCaseSensitive] = useState(false);
  const [searched, setSearched] = useState<{
    query: string;
    caseSensitive: boolean;
    bodyId: string;
    width: number | undefined;
  }>();
  const [searching, setSearching] = useState(false);
  const [result, setResult] = useState<BodySearchResult>();
  const [error, setError] = useState<string>();
  const [index, setIndex] = useState(0);
  const [jumpSeq, setJumpSeq] = useState(0);
  const latest = useRef(0);

  const run = useCallback(async (text: string, caseOn: boolean, id: string, columns: number | undefined) => {
    const ticket = ++latest.current;
    setSearching(true);
    setError(undefined);
    setSearched({ query: text, caseSensitive: caseOn, bodyId: id, width: columns });
    const answer = await useLantern.getState().searchBody({
      bodyId: id,
      query: text,
      caseSensitive: caseOn,
      maxResults: MAX_RESULTS,
      ...(columns !== undefined ? { width: columns } : {}),
    });
    if (ticket !== latest.current) return;
    setSearching(false);
    if (!answer.ok) {
      setResult(undefined);
      setError(answer.error.message);
      return;
    }
    setResult(answer.value);
    setIndex(0);
    if (answer.value.matches.length > 0) setJumpSeq((n) => n + 1);
  }, []);

  // The same search again when the shown body (raw ↔ pretty) or the row width changes: rows and columns differ.
  useEffect(() => {
    if (searched && (searched.bodyId !== bodyId || searched.width !== width))
      void run(searched.query, searched.caseSensitive, bodyId, width);
  }, [bodyId, width, searched, run]);

  const step = useCallback(
    (by: number) => {
      const count = result?.matches.length ?? 0;
      if (count === 0) return;
      setIndex((i) => (i + by + count) % count);
      setJumpSeq((n) => n + 1);
    },
    [result],
  );

  const submit = (backwards = false) => {
    if (query === '') return;
    const same =
      searched?.query === query &&
      searched.caseSensitive === caseSensitive &&
      searched.bodyId === bodyId &&
      searched.width === width;
    if (same && result) step(backwards ? -1 : 1);
    else void run(query, caseSensitive, bodyId, width);
  };

  const highlights = useMemo<Highlights>(() => {
    const byRow = new Map<number, number[]>();
    for (const match of result?.matches ?? []) {
      const columns = byRow.get(match.row);
      if (columns) columns.push(match.column);
      else byRow.set(match.row, [match.column]);
    }
    return { byRow, length: searched?.query.length ?? 0, current: result?.matches[index] };
  }, [result, index, searched]);

  return {
    query,
    setQuery,
    caseSensitive,
    setCaseSensitive,
    submit,
    step,
    searching,
    result,
    error,
    index,
    highlights,
    jumpSeq,
  };
}

function countText(result: BodySearchResult): string {
  const noun = result.total === 1 ? 'match' : 'matches';
  const listed =
    result.total > result.matches.length ? ` (first ${result.matches.length.toLocaleString()} listed)` : '';
  const stopped = result.complete ? '' : ' so far: the search stopped at its time limit';
  return `${result.total.toLocaleString()} ${noun}${listed}${stopped}`;
}

/** The search box of the large-body viewer. */
export function BodySearch({ search }: { search: BodySearchState }) {
  const { result } = search;
  return (
    <div className="large-body-search" role="search">
      <input
        type="search"
        data-testid="body-search"
        aria-label="Search the body"
        placeholder="Search the body (Enter)"
        value={search.query}
        onChange={(event) => search.setQuery(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            search.submit(event.shiftKey);
          }
        }}
      />
      <label className="large-body-case">
        <input
          type="checkbox"
          checked={search.caseSensitive}
          onChange={(event) => search.setCaseSensitive(event.target.checked)}
        />
        Aa
      </label>
      <button
        type="button"
        onClick={() => search.step(-1)}
        disabled={!result?.matches.length}
        aria-label="Previous match"
      >
        ↑
      </button>
      <button
        type="button"
        onClick={() => search.step(1)}
        disabled={!result?.matches.length}
        aria-label="Next match"
      >
        ↓
      </button>
      <span className="large-body-count" aria-live="polite">
        {search.searching ? (
          'Searching…'
        ) : result ? (
          <>
            {result.matches.length > 0 && (
              <span data-testid="body-search-position">
                {search.index + 1}/{result.matches.length.toLocaleString()} ·{' '}
              </span>
            )}
            <span data-testid="body-search-count">{countText(result)}</span>
          </>
        ) : null}
      </span>
      {search.error && (
        <span className="large-body-error" role="alert">
          {search.error}
        </span>
      )}
    </div>
  );
}
