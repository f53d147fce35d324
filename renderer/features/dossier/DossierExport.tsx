/**
 * "Export dossier…": choose a case, language, paper and people to redact → preview (the same HTML,
 * shown by the app in a locked window with no script and no network) → save as PDF, with progress.
 * The preview is not drawn inside this page: the app's CSP (rightly) forbids the dossier's inline
 * styles and data: fonts here, and loosening it for a preview is not worth it.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { CaseSummary } from '../../../electron/api.js';
import { api, errorLine } from '../../api.js';
import { useI18n } from '../../i18n/i18n.js';
import './dossier.css';

type Lang = 'en' | 'kk' | 'ru';
type Paper = 'a4' | 'letter';
type Status = { kind: 'busy'; text: string } | { kind: 'done'; text: string } | { kind: 'error'; text: string } | null;

const LANGS: Array<[Lang, string]> = [
  ['en', 'English'],
  ['kk', 'Қазақша'],
  ['ru', 'Русский'],
];

export function DossierExport() {
  const dialog = useRef<HTMLDialogElement>(null);
  const [cases, setCases] = useState<CaseSummary[] | null>(null);
  const [caseId, setCaseId] = useState('');
  const [people, setPeople] = useState<string[]>([]);
  const [redact, setRedact] = useState<string[]>([]);
  // the dossier's labels start in the interface language
  const [lang, setLang] = useState<Lang>(useI18n().lang);
  const [paper, setPaper] = useState<Paper>('a4');
  const [hideUrls, setHideUrls] = useState(false);
  const [compiledBy, setCompiledBy] = useState('');
  const [status, setStatus] = useState<Status>(null);
  const ids = useId();

  const open = async () => {
    dialog.current?.showModal();
    setStatus(null);
    try {
      const list = await api().listCases({});
      setCases(list);
      setCaseId((current) => (list.some((c) => c.id === current) ? current : (list[0]?.id ?? '')));
    } catch (e) {
      setStatus({ kind: 'error', text: errorLine(e) });
    }
  };

  // the case's people, for the redaction choices
  useEffect(() => {
    setRedact([]);
    if (!caseId) return setPeople([]);
    let live = true;
    api()
      .getCase({ id: caseId })
      .then((c) => live && setPeople([...new Set(c.facts.flatMap((f) => f.people))].sort((a, b) => a.localeCompare(b))))
      .catch(() => live && setPeople([]));
    return () => {
      live = false;
    };
  }, [caseId]);

  const request = () => ({ caseId, lang, paper, redact, redactSources: hideUrls, ...(compiledBy.trim() ? { compiledBy: compiledBy.trim() } : {}) });
  const busy = status?.kind === 'busy';

  const preview = async () => {
    setStatus({ kind: 'busy', text: 'Building the preview…' });
    try {
      const p = await api().dossierPreview(request());
      setStatus({ kind: 'done', text: `Preview ready: ${p.facts} facts, ${p.sources} sources (“${p.title}”).` });
    } catch (e) {
      setStatus({ kind: 'error', text: errorLine(e) });
    }
  };

  const save = async () => {
    setStatus({ kind: 'busy', text: 'Printing the dossier to PDF…' });
    try {
      const saved = await api().saveDossierPdf(request());
      setStatus(saved.path ? { kind: 'done', text: `Saved ${saved.facts} facts to ${saved.path}` } : { kind: 'done', text: 'Not saved.' });
    } catch (e) {
      setStatus({ kind: 'error', text: `Could not save the dossier: ${errorLine(e)}` });
    }
  };

  const toggle = (name: string) => setRedact((r) => (r.includes(name) ? r.filter((x) => x !== name) : [...r, name]));

  return (
    <>
      <button type="button" className="section dossier-open" onClick={() => void open()}>
        <span>Export dossier…</span>
      </button>
      <dialog ref={dialog} className="dossier-dialog" aria-labelledby={`${ids}-title`}>
        <h2 id={`${ids}-title`}>Export a case dossier</h2>
        {cases !== null && cases.length === 0 ? (
          <p className="dossier-empty">No cases yet. Create one (for example with <code>aqiqat case create</code>) and add facts to it.</p>
        ) : (
          <form method="dialog" className="dossier-form" onSubmit={(e) => e.preventDefault()}>
            <label>
              Case
              <select value={caseId} onChange={(e) => setCaseId(e.currentTarget.value)} disabled={busy}>
                {(cases ?? []).map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.title} ({c.facts.length} facts)
                  </option>
                ))}
              </select>
            </label>
            <div className="dossier-row">
              <label>
                Language of the labels
                <select value={lang} onChange={(e) => setLang(e.currentTarget.value as Lang)} disabled={busy}>
                  {LANGS.map(([v, t]) => (
                    <option key={v} value={v}>
                      {t}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                Paper
                <select value={paper} onChange={(e) => setPaper(e.currentTarget.value as Paper)} disabled={busy}>
                  <option value="a4">A4</option>
                  <option value="letter">Letter</option>
                </select>
              </label>
            </div>
            <label>
              Compiled by
              <input type="text" value={compiledBy} onChange={(e) => setCompiledBy(e.currentTarget.value)} placeholder="Your name or organization" disabled={busy} />
            </label>
            <fieldset disabled={busy}>
              <legend>Redaction: names become “[redacted]” in every form</legend>
              {people.length === 0 ? <p className="dossier-hint">No people in this case.</p> : null}
              {people.map((name) => (
                <label key={name} className="dossier-check">
                  <input type="checkbox" checked={redact.includes(name)} onChange={() => toggle(name)} /> {name}
                </label>
              ))}
              <label className="dossier-check">
                <input type="checkbox" checked={hideUrls} onChange={(e) => setHideUrls(e.currentTarget.checked)} /> Hide source URLs
              </label>
            </fieldset>
            {busy ? <progress className="dossier-progress" aria-label={status.text} /> : null}
            <p className={`dossier-status${status?.kind === 'error' ? ' error' : ''}`} role="status">
              {status?.text ?? ''}
            </p>
            <div className="dossier-actions">
              <button type="button" onClick={() => dialog.current?.close()} disabled={busy}>
                Close
              </button>
              <button type="button" onClick={() => void preview()} disabled={busy || !caseId}>
                Preview
              </button>
              <button type="button" className="button-primary" onClick={() => void save()} disabled={busy || !caseId}>
                Save PDF…
              </button>
            </div>
          </form>
        )}
      </dialog>
    </>
  );
}
