import { useMemo, useState } from 'react';
import { BodyToolbar } from './BodyToolbar';
import { filterJson } from './json-filter';
import type { Exchange } from '../../../shared/model/response';
import { CodeEditor } from '../../deferred';
import { presentBody } from './format';
import { LargeBodyView } from './large/LargeBodyView';

/** The file name a saved body is offered under, by what it is. */
const suggestedNameFor = (language: string | undefined): string =>
  language === 'json'
    ? 'response.json'
    : language === 'html'
      ? 'response.html'
      : language === 'xml'
        ? 'response.xml'
        : 'response.txt';

export function BodyView({ exchange }: { exchange: Exchange }) {
  const { body } = exchange.response;
  const [raw, setRaw] = useState(false);
  const [filter, setFilter] = useState('');
  const presented = useMemo(
    () => (body.encoding === 'utf8' && !body.stored ? presentBody(body.text, body.contentType) : undefined),
    [body],
  );
  const filtered = useMemo(
    () =>
      presented?.language === 'json' && filter.trim() !== '' ? filterJson(body.text, filter) : undefined,
    [presented, filter, body.text],
  );
  const shown =
    presented &&
    (raw
      ? { ...presented, text: body.text }
      : filtered?.ok
        ? { ...presented, text: filtered.text, note: `${filtered.matches} match(es) for ${filter.trim()}` }
        : presented);
  // A large body stays on the main side: a virtualised view reads it in windows.
  if (body.stored) return <LargeBodyView key={body.stored.id} exchange={exchange} stored={body.stored} />;
  if (!shown) {
    if (/^image\//i.test(body.contentType) && !body.truncated) {
      return (
        <div className="image-preview">
          <img alt="Response image" src={`data:${body.contentType};base64,${body.text}`} />
        </div>
      );
    }
    return <p className="empty-note">Binary body ({body.contentType || 'unknown type'}): no text preview.</p>;
  }
  if (shown.text === '') return <p className="empty-note">The response has no body.</p>;
  return (
    <div className="body-view">
      <BodyToolbar
        suggestedName={suggestedNameFor(presented?.language)}
        isJson={presented?.language === 'json'}
        raw={raw}
        onRawChange={setRaw}
        filter={filter}
        onFilterChange={setFilter}
        filterError={filtered && !filtered.ok ? filtered.error : undefined}
        text={shown.text}
      />
      {(shown.note || body.truncated) && (
        <p className="note" data-testid="body-note">
          {body.truncated ? 'Only the first part of this large body is shown. ' : ''}
          {shown.note}
        </p>
      )}
      <CodeEditor
        testId="response-body"
        ariaLabel="Response body"
        language={shown.language}
        value={shown.text}
        readOnly
      />
    </div>
  );
}
