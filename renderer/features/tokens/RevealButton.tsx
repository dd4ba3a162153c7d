import { useEffect, useState } from 'react';

interface RevealButtonProps {
  /** Asks the main side for the value: an explicit, user-triggered contract call. */
  reveal: () => Promise<string | undefined>;
  masked: string;
  testId: string;
}

/** Shows a masked value; the real one appears only on click, for 30 seconds, and can be copied. */
export function RevealButton({ reveal, masked, testId }: RevealButtonProps) {
  const [value, setValue] = useState<string>();
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (value === undefined) return;
    const timer = setTimeout(() => setValue(undefined), 30_000);
    return () => clearTimeout(timer);
  }, [value]);
  const copy = async () => {
    const text = value ?? (await reveal());
    if (text === undefined) return;
    await navigator.clipboard.writeText(text).catch(() => undefined);
    setCopied(true);
    setTimeout(() => setCopied(false), 1500);
  };
  return (
    <span className="reveal">
      <code data-testid={`${testId}-value`}>{value ?? masked}</code>
      {value === undefined ? (
        <button type="button" data-testid={`${testId}-reveal`} onClick={() => void reveal().then(setValue)}>
          Reveal
        </button>
      ) : (
        <button type="button" data-testid={`${testId}-hide`} onClick={() => setValue(undefined)}>
          Hide
        </button>
      )}
      <button type="button" data-testid={`${testId}-copy`} onClick={() => void copy()}>
        {copied ? 'Copied' : 'Copy'}
      </button>
    </span>
  );
}
