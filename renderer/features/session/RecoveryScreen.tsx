/** The whole window when archive.json is damaged: what is wrong, and putting its latest snapshot back. */
import { useState } from 'react';
import type { SessionStatus } from '../../../electron/api.js';
import { errorText } from '../../../electron/shared/i18n/errors.js';
import { api, errorLine } from '../../api.js';
import { useI18n } from '../../i18n/i18n.js';
import { LanguageSelect } from '../../i18n/LanguageSelect.js';

type Problem = NonNullable<SessionStatus['problem']>;

export function RecoveryScreen({ problem, onRestored }: { problem: Problem; onRestored: (s: SessionStatus) => void }) {
  const { t, lang } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const restore = async () => {
    setBusy(true);
    setError(null);
    try {
      onRestored(await api().restoreSnapshot({}));
    } catch (e) {
      setError(errorLine(e));
      setBusy(false);
    }
  };
  const date = problem.snapshotTakenAt ? new Date(problem.snapshotTakenAt).toLocaleString(lang) : null;
  return (
    <main className="lock-screen">
      <section className="lock-card" aria-labelledby="recover-title">
        <span className="brand-name">Aqiqat</span>
        <h1 id="recover-title">{t('recover.title')}</h1>
        <p className="recover-detail">{errorText(lang, problem.error)}</p>
        <p className="lock-why">{date ? t('recover.snapshot', { date }) : t('recover.none')}</p>
        <p className="lock-error" role="alert">
          {error ?? ''}
        </p>
        {date ? (
          <button type="button" className="button-primary" onClick={() => void restore()} disabled={busy}>
            {busy ? t('recover.restoring') : t('recover.restore')}
          </button>
        ) : null}
        <LanguageSelect className="lock-lang" />
      </section>
    </main>
  );
}
