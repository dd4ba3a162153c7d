import { useEffect, useState } from 'react';
import { useLantern } from '../../store';
import { formatBytes } from '../response/format';

interface FilePathInputProps {
  value: string;
  onChange: (path: string) => void;
  testId: string;
}

/**
 * A file named by its path. The renderer never reads it: the main side does when sending.
 * The desktop app offers the OS file picker; browser mode takes a typed path.
 */
export function FilePathInput({ value, onChange, testId }: FilePathInputProps) {
  const canPickFiles = useLantern((s) => s.canPickFiles);
  const inspectFile = useLantern((s) => s.inspectFile);
  const pickFile = useLantern((s) => s.pickFile);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | undefined>();
  useEffect(() => {
    if (value.trim() === '' || value.includes('{{')) return setStatus(undefined);
    let current = true;
    const timer = setTimeout(() => {
      void inspectFile({ path: value }).then((result) => {
        if (!current) return;
        if (result.ok)
          setStatus({ ok: true, text: `${result.value.name} · ${formatBytes(result.value.size)}` });
        else setStatus({ ok: false, text: result.error.message });
      });
    }, 250);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [value, inspectFile]);
  const pick = async () => {
    const path = await pickFile();
    if (path) onChange(path);
  };
  return (
    <div className="file-path">
      <input
        aria-label="File path"
        data-testid={testId}
        placeholder={canPickFiles ? 'Choose a file…' : '/full/path/to/file'}
        spellCheck={false}
        value={value}
        onChange={(event) => onChange(event.target.value)}
      />
      {canPickFiles && (
        <button type="button" onClick={() => void pick()}>
          Choose…
        </button>
      )}
      {status && (
        <span className={status.ok ? 'hint' : 'inline-error'} data-testid={`${testId}-status`}>
          {status.text}
        </span>
      )}
    </div>
  );
}
