/**
 * "Import .txt": the file's bytes go to the core unchanged (it hashes them as evidence), so the file is
 * read as an ArrayBuffer, never as text the browser might re-encode.
 */
import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import { api, errorLine, type ImportResult } from '../../api.js';
import './import.css';

/** A success message fades after this long; an error stays until the next import. */
const DONE_MESSAGE_MS = 10_000;

type Status = { kind: 'busy' } | { kind: 'done'; text: string } | { kind: 'error'; text: string } | null;

export function ImportButton({ onImported }: { onImported: (result: ImportResult) => void }) {
  const input = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState<Status>(null);
  useEffect(() => {
    if (status?.kind !== 'done') return;
    const timer = setTimeout(() => setStatus(null), DONE_MESSAGE_MS);
    return () => clearTimeout(timer);
  }, [status]);

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const field = e.currentTarget;
    const file = field.files?.[0];
    // Cleared at once so choosing the same file again fires another change (and reports the duplicate).
    field.value = '';
    if (!file) return;
    setStatus({ kind: 'busy' });
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const result = await api().importFile({ name: file.name, bytes });
      const title = result.article.title;
      setStatus({ kind: 'done', text: result.status === 'imported' ? `Imported “${title}”` : `Already in the archive: “${title}”` });
      onImported(result);
    } catch (err) {
      setStatus({ kind: 'error', text: `Could not import ${file.name}: ${errorLine(err)}` });
    }
  };

  return (
    <div className="import">
      <button type="button" className="button-primary" disabled={status?.kind === 'busy'} onClick={() => input.current?.click()}>
        Import .txt
      </button>
      <input ref={input} type="file" accept=".txt,text/plain" hidden tabIndex={-1} aria-label="Text file to import" onChange={onFile} />
      {/* Always present, so screen readers announce each new message in this live region. */}
      <p className={`import-status${status?.kind === 'error' ? ' error' : ''}`} role="status">
        {status?.kind === 'done' || status?.kind === 'error' ? status.text : status?.kind === 'busy' ? 'Importing…' : ''}
      </p>
    </div>
  );
}
