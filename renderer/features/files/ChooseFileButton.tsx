import { useRef, useState } from 'react';
import type { ChosenFile } from '../../../shared/files/file-ref';
import { useLantern } from '../../store';

interface ChooseFileButtonProps {
  /** The file the user chose, granted by the main side. */
  onChosen: (file: ChosenFile) => void;
  onError: (message: string) => void;
  testId: string;
  label?: string;
  title?: string;
  /** File name extensions offered first (without the dot). */
  extensions?: string[];
}

/**
 * "Choose…": the desktop app's open dialog (shown by the main side), or in browser mode the page's
 * file input, whose file is uploaded to the main side. Either way the renderer gets a grant, never a path.
 */
export function ChooseFileButton({
  onChosen,
  onError,
  testId,
  label = 'Choose…',
  title,
  extensions,
}: ChooseFileButtonProps) {
  const hasFileDialogs = useLantern((s) => s.hasFileDialogs);
  const [busy, setBusy] = useState<string>();
  const input = useRef<HTMLInputElement>(null);
  const choose = async () => {
    const result = await useLantern
      .getState()
      .chooseFile({ ...(title ? { title } : {}), ...(extensions ? { extensions } : {}) });
    if (!result.ok) onError(result.error.message);
    else if (result.value) onChosen(result.value);
  };
  const upload = async (file: File) => {
    setBusy(`Reading ${file.name}…`);
    const result = await useLantern.getState().uploadFile(file);
    setBusy(undefined);
    if (input.current) input.current.value = '';
    if (result.ok) onChosen(result.value);
    else onError(result.error.message);
  };
  if (hasFileDialogs)
    return (
      <button type="button" data-testid={testId} onClick={() => void choose()}>
        {label}
      </button>
    );
  return (
    <>
      <button type="button" disabled={busy !== undefined} onClick={() => input.current?.click()}>
        {busy ?? label}
      </button>
      <input
        ref={input}
        type="file"
        className="visually-hidden"
        tabIndex={-1}
        aria-hidden="true"
        data-testid={testId}
        {...(extensions ? { accept: extensions.map((e) => `.${e}`).join(',') } : {})}
        onChange={(event) => {
          const file = event.target.files?.[0];
          if (file) void upload(file);
        }}
      />
    </>
  );
}
