import { useEffect, useState } from 'react';
import { parseFileRef } from '../../../shared/files/file-ref';
import { useLantern } from '../../store';
import { ChooseFileButton } from '../files/ChooseFileButton';
import { formatBytes } from '../response/format';

interface FileFieldProps {
  value: string;
  onChange: (value: string) => void;
  testId: string;
}

/**
 * A file a request sends or uses: one the user chose (the renderer holds a grant and shows its
 * name), or a path written in a saved request, which the main side reads only inside the
 * workspace's own folder. The renderer never reads the file.
 */
export function FileField({ value, onChange, testId }: FileFieldProps) {
  const inspectFile = useLantern((s) => s.inspectFile);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | undefined>();
  const ref = parseFileRef(value);
  useEffect(() => {
    if (ref.kind !== 'grant') return setStatus(undefined);
    let current = true;
    void inspectFile({ ref: value }).then((result) => {
      if (!current) return;
      if (result.ok) setStatus({ ok: true, text: formatBytes(result.value.size) });
      else setStatus({ ok: false, text: result.error.message });
    });
    return () => {
      current = false;
    };
  }, [value, ref.kind, inspectFile]);
  const choose = (
    <ChooseFileButton
      testId={`${testId}-choose`}
      label={ref.kind === 'grant' ? 'Choose another…' : 'Choose…'}
      onChosen={(file) => onChange(file.ref)}
      onError={(text) => setStatus({ ok: false, text })}
    />
  );
  if (ref.kind === 'grant') {
    return (
      <div className="file-path">
        <span className="file-chosen" data-testid={`${testId}-name`} title="The file you chose">
          {ref.name}
        </span>
        {choose}
        <button type="button" data-testid={`${testId}-clear`} onClick={() => onChange('')}>
          Clear
        </button>
        {status && (
          <span className={status.ok ? 'hint' : 'inline-error'} data-testid={`${testId}-status`}>
            {status.text}
          </span>
        )}
      </div>
    );
  }
  return (
    <div className="file-path">
      <input
        aria-label="File path inside the workspace folder"
        data-testid={testId}
        placeholder="Choose a file, or a path inside the workspace folder"
        spellCheck={false}
        value={value}
        onChange={(event) => onChange(event.target.value)}
      />
      {choose}
      {status ? (
        <span className={status.ok ? 'hint' : 'inline-error'} data-testid={`${testId}-status`}>
          {status.text}
        </span>
      ) : (
        value.trim() !== '' && (
          <span className="hint" data-testid={`${testId}-status`}>
            A typed path is read only inside this request&apos;s workspace folder; choose a file from anywhere
            else.
          </span>
        )
      )}
    </div>
  );
}
