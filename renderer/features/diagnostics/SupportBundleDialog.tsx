import { useEffect, useEffectEvent, useState } from 'react';
import type { Exchange } from '../../../shared/model/response';
import type { SupportFormat } from '../../../shared/support';
import { finishSave } from '../../file-transfer';
import { Modal, ModalClose } from '../../components/Modal';
import { useLantern } from '../../store';
import { sendLocation, type RequestTab } from '../../store/tabs-slice';

/** Past this, the renderer sends only the start of a body: the bundle shows far less anyway. */
const BODY_SENT_LIMIT = 1_000_000;

function trimmed(exchange: Exchange | undefined): Exchange | undefined {
  if (!exchange || exchange.response.body.text.length <= BODY_SENT_LIMIT) return exchange;
  const body = { ...exchange.response.body, text: exchange.response.body.text.slice(0, BODY_SENT_LIMIT) };
  return { ...exchange, response: { ...exchange.response, body: { ...body, truncated: true } } };
}

type Status = { ok: boolean; text: string } | undefined;

/**
 * "Copy for support": the main side builds the bundle with every secret masked; the preview is the
 * exact text that is copied or saved.
 */
export function SupportBundleDialog({ tab, onClose }: { tab: RequestTab; onClose: () => void }) {
  const environmentId = useLantern((s) => s.environmentId);
  const { supportBundle, saveSupportBundle } = useLantern.getState();
  const [format, setFormat] = useState<SupportFormat>('markdown');
  const [bundle, setBundle] = useState<{ text: string; fileName: string }>();
  const [status, setStatus] = useState<Status>();
  const request = () => ({
    draft: tab.draft,
    ...sendLocation(useLantern.getState(), tab),
    exchange: trimmed(tab.exchange),
    error: tab.sendError,
    environmentId,
    format,
  });
  // Built again when the format or the exchange changes (the environment is read as it is then).
  const build = useEffectEvent(() => supportBundle(request()));
  useEffect(() => {
    let current = true;
    setBundle(undefined);
    void build().then((result) => {
      if (!current) return;
      if (result.ok) setBundle(result.value);
      else setStatus({ ok: false, text: result.error.message });
    });
    return () => {
      current = false;
    };
  }, [format, tab.exchange, tab.sendError]);
  const copy = async () => {
    if (!bundle) return;
    try {
      await navigator.clipboard.writeText(bundle.text);
      setStatus({ ok: true, text: 'Copied: paste it into your email or ticket.' });
    } catch {
      setStatus({ ok: false, text: 'The clipboard refused: select the preview and copy it by hand.' });
    }
  };
  // Desktop: the save dialog; browser mode: the bundle's text as a download.
  const save = async () => setStatus(finishSave(await saveSupportBundle(request())));
  return (
    <Modal
      testId="support-dialog"
      className="support-dialog"
      title="Copy for support"
      onClose={onClose}
      footer={
        <>
          <ModalClose testId="support-close">Close</ModalClose>
          <button
            type="button"
            className="primary"
            data-testid="support-copy"
            disabled={!bundle}
            onClick={() => void copy()}
          >
            Copy
          </button>
        </>
      }
    >
      <p className="hint">
        This is exactly what will be shared: the request, the status, the response (cut to its start), the
        timing, the findings and your client id. Secrets, tokens, cookies and sesskeys are masked (••••).
      </p>
      <div className="support-formats" role="radiogroup" aria-label="Format">
        {(['markdown', 'har'] as const).map((option) => (
          <label key={option}>
            <input
              type="radio"
              name="support-format"
              data-testid={`support-format-${option}`}
              checked={format === option}
              onChange={() => setFormat(option)}
            />{' '}
            {option === 'markdown' ? 'Markdown (email, ticket)' : 'HAR 1.2 (tools)'}
          </label>
        ))}
      </div>
      <pre
        className="support-preview"
        data-testid="support-preview"
        data-format={bundle ? format : undefined}
        tabIndex={0}
        aria-label="Preview"
      >
        {bundle ? bundle.text : 'Preparing…'}
      </pre>
      <div className="support-save">
        <button type="button" data-testid="support-save" disabled={!bundle} onClick={() => void save()}>
          Save to file…
        </button>
      </div>
      {status && (
        <p className={status.ok ? 'note' : 'inline-error'} role="status" data-testid="support-status">
          {status.text}
        </p>
      )}
    </Modal>
  );
}
