import { useMemo } from 'react';
import type { Exchange } from '../../../shared/model/response';
import { CodeEditor } from '../../editor/CodeEditor';
import { presentBody } from './format';
import { LargeBodyView } from './large/LargeBodyView';

export function BodyView({ exchange }: { exchange: Exchange }) {
  const { body } = exchange.response;
  const shown = useMemo(
    () => (body.encoding === 'utf8' && !body.stored ? presentBody(body.text, body.contentType) : undefined),
    [body],
  );
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
