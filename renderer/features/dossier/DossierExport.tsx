/**
 * "Export dossier…": choose a case, language, paper and people to redact → preview (the same HTML,
 * shown by the app in a locked window with no script and no network) → save as PDF, with progress.
 * The preview is not drawn inside this page: the app's CSP (rightly) forbids the dossier's inline
 * styles and data: fonts here, and loosening it for a preview is not worth it.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { CaseSummary } from '../../../electron/api.js';
import { api, errorLine } from '../../api.js';
import type { Lang } from '../../../electron/shared/i18n/index.js';
import { useI18n } from '../../i18n/i18n.js';
import { LanguageOptions } from '../../i18n/LanguageSelect.js';
import './dossier.css';

type Paper = 'a4' | 'letter';
type Template = 'dossier' | 'un-communication';
type Status = { kind: 'busy'; text: string } | { kind: 'done'; text: string } | { kind: 'error'; text: string } | null;

export function DossierExport() {
  const dialog = useRef<HTMLDialogElement>(null);
  const [cases, setCases] = useState<CaseSummary[] | null>(null);
  const [caseId, setCaseId] = useState('');
  const [people, setPeople] = useState<string[]>([]);
  const [redact, setRedact] = useState<string[]>([]);
  // the dossier's labels start in the interface language
  const { t, lang: uiLang } = useI18n();
  const [lang, setLang] = useState<Lang>(uiLang);
  const [paper, setPaper] = useState<Paper>('a4');
  const [template, setTemplate] = useState<Template>('dossier');
  const [hideUrls, setHideUrls] = useState(false);
  const [attribution, setAttribution] = useState(false);
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

  const request = () => ({
    caseId,
    lang,
    paper,
    redact,
    redactSources: hideUrls,
    attribution,
    template,
    ...(compiledBy.trim() ? { compiledBy: compiledBy.trim() } : {}),
  });
  const busy = status?.kind === 'busy';

  const preview = async () => {
    setStatus({ kind: 'busy', text: t('dossier.building') });
    try {
      const p = await api().dossierPreview(request());
      setStatus({
        kind: 'done',
        text: t('dossier.previewReady', { facts: p.facts, sources: p.sources, title: p.title }),
      });
    } catch (e) {
      setStatus({ kind: 'error', text: errorLine(e) });
    }
  };

  const save = async () => {
    setStatus({ kind: 'busy', text: t('dossier.printing') });
    try {
      const saved = await api().saveDossierPdf(request());
      setStatus(
        saved.path
          ? { kind: 'done', text: t('dossier.saved', { facts: saved.facts, path: saved.path }) }
          : { kind: 'done', text: t('dossier.notSaved') },
      );
    } catch (e) {
      setStatus({ kind: 'error', text: t('dossier.saveError', { error: errorLine(e) }) });
    }
  };

  const savePackage = async () => {
    setStatus({ kind: 'busy', text: t('package.building') });
    try {
      const saved = await api().saveEvidencePackage(request());
      setStatus(
        saved.path
          ? { kind: 'done', text: t('package.saved', { facts: saved.facts, path: saved.path }) }
          : { kind: 'done', text: t('dossier.notSaved') },
      );
    } catch (e) {
      setStatus({ kind: 'error', text: t('package.saveError', { error: errorLine(e) }) });
    }
  };

  const toggle = (name: string) => setRedact((r) => (r.includes(name) ? r.filter((x) => x !== name) : [...r, name]));

  return (
    <>
      <button type="button" className="section dossier-open" onClick={() => void open()}>
        <span>{t('dossier.open')}</span>
      </button>
      <dialog ref={dialog} className="dialog dossier-dialog" aria-labelledby={`${ids}-title`}>
        <h2 id={`${ids}-title`}>{t('dossier.title')}</h2>
        {cases !== null && cases.length === 0 ? (
          <p className="dossier-empty">{t('dossier.noCases', { command: 'aqiqat case create' })}</p>
        ) : (
          <form method="dialog" className="dossier-form" onSubmit={(e) => e.preventDefault()}>
            <label className="dialog-field">
              {t('dossier.case')}
              <select value={caseId} onChange={(e) => setCaseId(e.currentTarget.value)} disabled={busy}>
                {(cases ?? []).map((c) => (
                  <option key={c.id} value={c.id}>
                    {t('dossier.caseOption', { title: c.title, n: c.facts.length })}
                  </option>
                ))}
              </select>
            </label>
            <label className="dialog-field">
              {t('dossier.template')}
              <select value={template} onChange={(e) => setTemplate(e.currentTarget.value as Template)} disabled={busy}>
                <option value="dossier">{t('dossier.template.dossier')}</option>
                <option value="un-communication">{t('dossier.template.un')}</option>
              </select>
            </label>
            <div className="dossier-row">
              <label className="dialog-field">
                {t('dossier.labelsLang')}
                <select value={lang} onChange={(e) => setLang(e.currentTarget.value as Lang)} disabled={busy}>
                  <LanguageOptions />
                </select>
              </label>
              <label className="dialog-field">
                {t('dossier.paper')}
                <select value={paper} onChange={(e) => setPaper(e.currentTarget.value as Paper)} disabled={busy}>
                  <option value="a4">A4</option>
                  <option value="letter">Letter</option>
                </select>
              </label>
            </div>
            <label className="dialog-field">
              {t('dossier.compiledBy')}
              <input
                type="text"
                value={compiledBy}
                onChange={(e) => setCompiledBy(e.currentTarget.value)}
                placeholder={t('dossier.compiledByPlaceholder')}
                disabled={busy}
              />
            </label>
            <fieldset disabled={busy}>
              <legend>{t('dossier.redaction')}</legend>
              {people.length === 0 ? <p className="dossier-hint">{t('dossier.noPeople')}</p> : null}
              {people.map((name) => (
                <label key={name} className="dossier-check">
                  <input type="checkbox" checked={redact.includes(name)} onChange={() => toggle(name)} /> {name}
                </label>
              ))}
              <label className="dossier-check">
                <input type="checkbox" checked={hideUrls} onChange={(e) => setHideUrls(e.currentTarget.checked)} />{' '}
                {t('dossier.hideUrls')}
              </label>
              <label className="dossier-check">
                <input
                  type="checkbox"
                  checked={attribution}
                  onChange={(e) => setAttribution(e.currentTarget.checked)}
                />{' '}
                {t('dossier.attribution')}
              </label>
              {redact.length > 0 ? <p className="dossier-hint">{t('dossier.searchable')}</p> : null}
            </fieldset>
            {busy ? <progress className="dialog-progress" aria-label={status.text} /> : null}
            <p className={`dialog-status${status?.kind === 'error' ? ' error' : ''}`} role="status">
              {status?.text ?? ''}
            </p>
            <div className="dialog-actions">
              <button type="button" className="dialog-button" onClick={() => dialog.current?.close()} disabled={busy}>
                {t('dossier.close')}
              </button>
              <button type="button" className="dialog-button" onClick={() => void preview()} disabled={busy || !caseId}>
                {t('dossier.preview')}
              </button>
              <button type="button" className="button-primary" onClick={() => void save()} disabled={busy || !caseId}>
                {t('dossier.save')}
              </button>
              <button
                type="button"
                className="dialog-button"
                onClick={() => void savePackage()}
                disabled={busy || !caseId}
              >
                {t('package.save')}
              </button>
            </div>
          </form>
        )}
      </dialog>
    </>
  );
}
