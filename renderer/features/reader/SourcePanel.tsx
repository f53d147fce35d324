/**
 * "Source and capture" under the reader's title: the source type and what the researcher asserts of the
 * capture (editable), beside what the machine recorded at import (shown, never editable).
 */
import { useState } from 'react';
import { api, errorLine, type ArticleDetail } from '../../api.js';
import { useI18n, type Say } from '../../i18n/i18n.js';
import { ACQUIRED_FROM, SOURCE_TYPES } from '../../../electron/shared/provenance.js';

type Article = ArticleDetail['article'];

export function SourcePanel({ article, onSaved }: { article: Article; onSaved: (say: Say) => void }) {
  const { t } = useI18n();
  const asserted = article.capture?.asserted ?? {};
  const machine = article.capture?.machine ?? {};
  const [sourceType, setSourceType] = useState<string>(article.sourceType ?? '');
  const [capturedBy, setCapturedBy] = useState(asserted.capturedBy ?? '');
  const [capturedAt, setCapturedAt] = useState(asserted.capturedAt ?? '');
  const [tool, setTool] = useState(asserted.tool ?? '');
  const [originalUrl, setOriginalUrl] = useState(asserted.originalUrl ?? '');
  const [acquiredFrom, setAcquiredFrom] = useState<string>(asserted.acquiredFrom ?? '');
  const [acquiredNote, setAcquiredNote] = useState(asserted.acquiredNote ?? '');
  const [original, setOriginal] = useState(asserted.original === undefined ? '' : String(asserted.original));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      // empty clears: the core stores nothing for a field left blank
      await api().editArticle({
        id: article.id,
        sourceType: sourceType || null,
        capturedBy,
        capturedAt,
        tool,
        originalUrl,
        acquiredFrom: acquiredFrom || null,
        acquiredNote,
        original: original === '' ? null : original === 'true',
      });
      onSaved((t) => t('provenance.saved'));
    } catch (e) {
      setError(errorLine(e));
    } finally {
      setBusy(false);
    }
  };

  const recorded: Array<[string, string | undefined]> = [
    [t('provenance.imported'), article.importedAt],
    [t('provenance.fileTime'), machine.fileModifiedAt],
    [t('provenance.warcDate'), machine.warcDate],
    [t('provenance.warcUri'), machine.warcTargetUri],
    [t('provenance.warcSoftware'), machine.warcSoftware],
    [t('provenance.warcPages'), machine.warcPages === undefined ? undefined : String(machine.warcPages)],
    [
      t('provenance.waczHashes'),
      machine.waczHashes === 'hold'
        ? t('provenance.waczHashesHold')
        : machine.waczHashes === 'broken'
          ? t('provenance.waczHashesBroken', { file: machine.waczHashBroken ?? '?' })
          : machine.waczHashes && t('provenance.waczHashesAbsent'),
    ],
    [
      t('provenance.waczSigner'),
      machine.waczSigner &&
        t(machine.waczSignature === 'valid' ? 'provenance.waczSignatureValid' : 'provenance.waczSignatureInvalid', {
          signer: machine.waczSigner,
        }),
    ],
    [t('provenance.waczSignedAt'), machine.waczSignedAt],
    ['SHA-256', article.sha256],
  ];
  const text = (label: string, value: string, set: (v: string) => void, hint?: string) => (
    <label className="field">
      <span>{label}</span>
      <input value={value} onChange={(e) => set(e.target.value)} placeholder={hint} />
    </label>
  );

  return (
    <details className="source-panel">
      <summary>
        {t('provenance.title')}
        {' · '}
        <span className="source-type-now">
          {article.sourceType ? t(`sourceType.${article.sourceType}`) : t('provenance.notSet')}
        </span>
      </summary>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <div className="source-grid">
          <label className="field">
            <span>{t('provenance.sourceType')}</span>
            <select value={sourceType} onChange={(e) => setSourceType(e.target.value)}>
              <option value="">{t('provenance.notSet')}</option>
              {SOURCE_TYPES.map((type) => (
                <option key={type} value={type}>
                  {t(`sourceType.${type}`)}
                </option>
              ))}
            </select>
          </label>
          {text(t('provenance.capturedBy'), capturedBy, setCapturedBy)}
          {text(t('provenance.capturedAt'), capturedAt, setCapturedAt, t('provenance.capturedAtHint'))}
          {text(t('provenance.tool'), tool, setTool)}
          {text(t('provenance.originalUrl'), originalUrl, setOriginalUrl, 'https://')}
          <label className="field">
            <span>{t('provenance.acquiredFrom')}</span>
            <select value={acquiredFrom} onChange={(e) => setAcquiredFrom(e.target.value)}>
              <option value="">{t('provenance.notSet')}</option>
              {ACQUIRED_FROM.map((from) => (
                <option key={from} value={from}>
                  {t(`acquiredFrom.${from}`)}
                </option>
              ))}
            </select>
          </label>
          {text(t('provenance.acquiredNote'), acquiredNote, setAcquiredNote)}
          <label className="field">
            <span>{t('provenance.originalOrCopy')}</span>
            <select value={original} onChange={(e) => setOriginal(e.target.value)}>
              <option value="">{t('provenance.notSet')}</option>
              <option value="true">{t('provenance.original')}</option>
              <option value="false">{t('provenance.copy')}</option>
            </select>
          </label>
        </div>
        <section className="machine-recorded" aria-label={t('provenance.machine')}>
          <h3>{t('provenance.machine')}</h3>
          <dl>
            {recorded
              .filter(([, v]) => v)
              .map(([k, v]) => (
                <div key={k}>
                  <dt>{k}</dt>
                  <dd>
                    <code>{v}</code>
                  </dd>
                </div>
              ))}
          </dl>
        </section>
        {error && (
          <p className="panel-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="button-primary" disabled={busy}>
          {t('provenance.save')}
        </button>
      </form>
    </details>
  );
}
