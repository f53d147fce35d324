/**
 * A button that opens the system's file picker for one file, handed to `onFile`. The input is hidden (its look
 * cannot be styled) and labelled like the button, so tests and screen readers find it by the same words; it
 * is emptied after each pick, so choosing the same file again is a change too.
 */
import { useRef } from 'react';

export function FilePicker({
  label,
  accept,
  disabled = false,
  onFile,
}: {
  label: string;
  accept: string;
  disabled?: boolean;
  onFile: (file: File) => void;
}) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <input
        ref={input}
        type="file"
        accept={accept}
        hidden
        aria-label={label}
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          e.currentTarget.value = '';
          if (file) onFile(file);
        }}
      />
      <button type="button" className="dialog-button" disabled={disabled} onClick={() => input.current?.click()}>
        {label}
      </button>
    </>
  );
}
