/** The whole window while the archive is locked: its passphrase, and nothing of its contents. */
import { useId, useRef, useState, type FormEvent } from 'react';
import type { SessionStatus } from '../../../electron/api.js';
import { api, errorLine } from '../../api.js';
import { useI18n } from '../../i18n/i18n.js';
import { LanguageSelect } from '../../i18n/LanguageSelect.js';

interface Props {
  status: SessionStatus;
  idleMinutes: number | null;
  onUnlocked: (s: SessionStatus) => void;
  /** after a failed unlock: the session may now know of a damaged archive.json */
  onFailed: () => void;
}

export function LockScreen({ status, idleMinutes, onUnlocked, onFailed }: Props) {
  const { t } = useI18n();
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const field = useRef<HTMLInputElement>(null);
  const ids = useId();

  const why =
    status.lockedBy === 'idle' && idleMinutes !== null
      ? t('lock.idle', { n: idleMinutes })
      : status.lockedBy === 'start'
        ? t('lock.start')
        : t('lock.user');

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!passphrase || busy) return;
    setBusy(true);
    setError(null);
    try {
      onUnlocked(await api().unlock({ passphrase }));
    } catch (err) {
      // a wrong passphrase: clear it and ask again
      setError(errorLine(err));
      setPassphrase('');
      setBusy(false);
      requestAnimationFrame(() => field.current?.focus());
      onFailed();
    }
  };

  return (
    <main className="lock-screen">
      <form className="lock-card" onSubmit={(e) => void submit(e)} aria-labelledby={`${ids}-title`}>
        <span className="brand-name">Aqiqat</span>
        <h1 id={`${ids}-title`}>{t('lock.title')}</h1>
        <p className="lock-why">{why}</p>
        <label className="lock-field">
          <span>{t('lock.passphrase')}</span>
          <input
            ref={field}
            type="password"
            autoFocus
            autoComplete="off"
            spellCheck={false}
            value={passphrase}
            onChange={(e) => setPassphrase(e.currentTarget.value)}
            disabled={busy}
          />
        </label>
        <p className="lock-error" role="alert">
          {error ?? ''}
        </p>
        <button type="submit" className="button-primary" disabled={busy || passphrase === ''}>
          {busy ? t('lock.unlocking') : t('lock.unlock')}
        </button>
        <LanguageSelect className="lock-lang" />
      </form>
    </main>
  );
}
