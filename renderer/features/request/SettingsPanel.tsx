import { useActiveTab, useLantern } from '../../store';
import { FileField } from './FileField';

const DEFAULTS = {
  verifyTls: true,
  followRedirects: true,
  maxRedirects: 10,
  timeoutMs: 30_000,
  caFile: undefined as string | undefined,
  clientCertFile: undefined as string | undefined,
  clientKeyFile: undefined as string | undefined,
};

/** Per-request transport settings: TLS verification, redirects, timeout. */
export function SettingsPanel() {
  // Select the stored object itself: a selector returning a fresh object would re-render forever.
  const stored = useActiveTab((t) => t.draft.settings);
  const settings = { ...DEFAULTS, ...stored };
  const editDraft = useLantern((s) => s.editDraft);
  const change = (patch: Partial<typeof DEFAULTS>) =>
    editDraft((d) => ({ ...d, settings: { ...DEFAULTS, ...d.settings, ...patch } }));
  return (
    <div className="settings-panel" data-testid="request-settings">
      <label className="setting">
        <input
          type="checkbox"
          data-testid="setting-verify-tls"
          checked={settings.verifyTls}
          onChange={(event) => change({ verifyTls: event.target.checked })}
        />
        Verify TLS certificates
      </label>
      {!settings.verifyTls && (
        <p className="warning-note" role="note">
          ⚠ Certificate checks are off for this request: anyone in the middle could read or change it. Use
          this only for test servers you trust, and never with real credentials.
        </p>
      )}
      <fieldset className="tls-files">
        <legend>TLS files (PEM, read on the main side)</legend>
        <label>
          CA certificate to trust
          <FileField
            testId="setting-ca-file"
            value={settings.caFile ?? ''}
            onChange={(caFile) => change({ caFile })}
          />
        </label>
        <label>
          Client certificate
          <FileField
            testId="setting-client-cert"
            value={settings.clientCertFile ?? ''}
            onChange={(clientCertFile) => change({ clientCertFile })}
          />
        </label>
        <label>
          Client key
          <FileField
            testId="setting-client-key"
            value={settings.clientKeyFile ?? ''}
            onChange={(clientKeyFile) => change({ clientKeyFile })}
          />
        </label>
      </fieldset>
      <label className="setting">
        <input
          type="checkbox"
          data-testid="setting-follow-redirects"
          checked={settings.followRedirects}
          onChange={(event) => change({ followRedirects: event.target.checked })}
        />
        Follow redirects, at most{' '}
        <input
          type="number"
          min={0}
          max={100}
          className="number"
          aria-label="Maximum redirects"
          value={settings.maxRedirects}
          onChange={(event) =>
            change({ maxRedirects: Math.max(0, Math.min(100, Number(event.target.value) || 0)) })
          }
        />
      </label>
      <label className="setting">
        Timeout{' '}
        <input
          type="number"
          min={1}
          max={3600}
          className="number"
          aria-label="Timeout in seconds"
          data-testid="setting-timeout"
          value={Math.round(settings.timeoutMs / 1000)}
          onChange={(event) =>
            change({ timeoutMs: Math.max(1, Math.min(3600, Number(event.target.value) || 30)) * 1000 })
          }
        />{' '}
        seconds
      </label>
    </div>
  );
}
