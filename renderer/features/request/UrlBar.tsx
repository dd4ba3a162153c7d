import { useLantern } from '../../store';
import { STANDARD_METHODS } from '../../../shared/model/request';

export function UrlBar() {
  const method = useLantern((s) => s.draft.method);
  const url = useLantern((s) => s.draft.url);
  const sending = useLantern((s) => s.phase === 'sending');
  const { setMethod, setUrl, send, cancel } = useLantern.getState();
  return (
    <form
      className="url-bar"
      onSubmit={(event) => {
        event.preventDefault();
        void send();
      }}
    >
      <select
        aria-label="Method"
        data-testid="method-select"
        className={`method method-${method.toLowerCase()}`}
        value={method}
        onChange={(event) => setMethod(event.target.value)}
      >
        {STANDARD_METHODS.map((m) => (
          <option key={m}>{m}</option>
        ))}
        {!STANDARD_METHODS.includes(method as (typeof STANDARD_METHODS)[number]) && <option>{method}</option>}
      </select>
      <input
        id="url-input"
        aria-label="URL"
        data-testid="url-input"
        className="url"
        placeholder="https://api.example.com/users"
        spellCheck={false}
        value={url}
        onChange={(event) => setUrl(event.target.value)}
      />
      {sending ? (
        <button
          type="button"
          data-testid="cancel-button"
          className="danger"
          title="Cancel (Esc)"
          onClick={() => void cancel()}
        >
          Cancel
        </button>
      ) : (
        <button type="submit" data-testid="send-button" className="primary" title="Send (Ctrl/Cmd+Enter)">
          Send
        </button>
      )}
    </form>
  );
}
