/**
 * "Security…" in the sidebar: encrypt a plain archive, or for an encrypted one choose the idle lock and
 * change the passphrase; the timestamps (Timestamps.tsx); and "Lock now". Everything runs in main
 * (session.ts); this only asks.
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { EncryptedStatus, SessionStatus } from '../../../electron/api.js';
import { api, errorLine } from '../../api.js';
import { useI18n } from '../../i18n/i18n.js';
import { useSession } from './SessionGate.js';
import { CheckPackage } from './CheckPackage.js';
import { Timestamps } from './Timestamps.js';

type Line = { kind: 'busy' | 'done' | 'error'; text: string } | null;

const IDLE_CHOICES = [1, 5, 10, 15, 30, 60, 240];

export function SecurityButtons() {
  const { status, lockNow } = useSession();
  const { t } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  const ids = useId();
  return (
    <>
      <div className="security-buttons">
        <button
          type="button"
          className="section"
          onClick={() => {
            setOpen(true);
            dialog.current?.showModal();
          }}
        >
          <span>{t('security.open')}</span>
        </button>
        {status.encrypted ? (
          <button type="button" className="section lock-now" onClick={() => void lockNow()}>
            <span>{t('lock.now')}</span>
          </button>
        ) : null}
      </div>
      <dialog
        ref={dialog}
        className="dialog security-dialog"
        aria-labelledby={`${ids}-title`}
        onClose={() => setOpen(false)}
      >
        <h2 id={`${ids}-title`}>{t('security.title')}</h2>
        {/* mounted only while open: typed passphrases do not outlive the dialog */}
        {open ? <SecurityForm onClose={() => dialog.current?.close()} /> : null}
      </dialog>
    </>
  );
}

function SecurityForm({ onClose }: { onClose: () => void }) {
  const { status } = useSession();
  const { t } = useI18n();
  const [line, setLine] = useState<Line>(null);
  const busy = line?.kind === 'busy';
  return (
    <div className="security-form">
      <p className="security-state">{status.encrypted ? t('security.encrypted') : t('security.plain')}</p>
      {status.unfinishedEncryption ? (
        <p className="dialog-status error" role="alert">
          {t('security.unfinished')}
        </p>
      ) : null}
      {status.encrypted ? (
        <>
          <IdleLock busy={busy} setLine={setLine} />
          <ChangePassphrase busy={busy} setLine={setLine} />
        </>
      ) : (
        <Encrypt busy={busy} setLine={setLine} />
      )}
      <Timestamps busy={busy} setLine={setLine} />
      <Identity busy={busy} setLine={setLine} />
      <CheckPackage busy={busy} setLine={setLine} />
      {busy ? <progress className="dialog-progress" aria-label={line.text} /> : null}
      <p className={`dialog-status${line?.kind === 'error' ? ' error' : ''}`} role="status">
        {line?.text ?? ''}
      </p>
      <div className="dialog-actions">
        <button type="button" className="dialog-button" onClick={onClose} disabled={busy}>
          {t('security.close')}
        </button>
      </div>
    </div>
  );
}

interface Part {
  busy: boolean;
  setLine: (line: Line) => void;
}

/** The signing key's fingerprint (to be read aloud to whoever checks a package) and the name it signs with. */
function Identity({ busy, setLine }: Part) {
  const { t } = useI18n();
  const [identity, setIdentity] = useState<{ name: string; fingerprint: string } | null>(null);
  const [name, setName] = useState('');
  useEffect(() => {
    let live = true;
    api()
      .identity({})
      .then((v) => {
        if (!live) return;
        setIdentity(v);
        setName(v.name);
      })
      .catch((e: unknown) => live && setLine({ kind: 'error', text: errorLine(e) }));
    return () => {
      live = false;
    };
  }, [setLine]);
  const rename = async (e: FormEvent) => {
    e.preventDefault();
    try {
      const v = await api().setIdentityName({ name });
      setIdentity(v);
      setName(v.name);
      setLine({ kind: 'done', text: t('identity.saved', { name: v.name }) });
    } catch (err) {
      setLine({ kind: 'error', text: errorLine(err) });
    }
  };
  return (
    <form onSubmit={(e) => void rename(e)}>
      <fieldset>
        <legend>{t('identity.heading')}</legend>
        <p className="security-hint">{t('identity.hint')}</p>
        <p>
          {t('identity.fingerprint')}: <code className="identity-fingerprint">{identity?.fingerprint ?? '…'}</code>
        </p>
        <label className="dialog-field">
          {t('identity.name')}
          <input value={name} onChange={(e) => setName(e.currentTarget.value)} disabled={busy || !identity} />
        </label>
        <button type="submit" className="dialog-button" disabled={busy || !identity || name.trim() === identity.name}>
          {t('identity.rename')}
        </button>
      </fieldset>
    </form>
  );
}

function IdleLock({ busy, setLine }: Part) {
  const { status, setStatus } = useSession();
  const { t } = useI18n();
  const current = status.idleLockMinutes;
  const choices =
    current === null || IDLE_CHOICES.includes(current)
      ? IDLE_CHOICES
      : [...IDLE_CHOICES, current].sort((a, b) => a - b);
  const change = async (value: string) => {
    const minutes = value === 'never' ? null : Number(value);
    try {
      setStatus(await api().setIdleLock({ minutes }));
      setLine({
        kind: 'done',
        text: minutes === null ? t('security.idleOff') : t('security.idleSaved', { n: minutes }),
      });
    } catch (e) {
      setLine({ kind: 'error', text: errorLine(e) });
    }
  };
  return (
    <label className="dialog-field">
      {t('security.idle')}
      <select
        value={current === null ? 'never' : String(current)}
        onChange={(e) => void change(e.currentTarget.value)}
        disabled={busy}
      >
        {choices.map((n) => (
          <option key={n} value={String(n)}>
            {t('security.minutes', { n })}
          </option>
        ))}
        <option value="never">{t('security.never')}</option>
      </select>
    </label>
  );
}

/** A new passphrase typed twice, sent by `run`; the fields clear once it is done. */
function useNewPassphrase<S extends SessionStatus>(
  setLine: Part['setLine'],
  busyText: string,
  doneText: string | ((status: S) => string),
  run: (next: string) => Promise<S>,
) {
  const { setStatus } = useSession();
  const { t } = useI18n();
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const submit = async (e: FormEvent, clearMore: () => void = () => undefined) => {
    e.preventDefault();
    if (next !== again) return setLine({ kind: 'error', text: t('security.mismatch') });
    setLine({ kind: 'busy', text: busyText });
    try {
      const status = await run(next);
      setNext('');
      setAgain('');
      clearMore();
      setLine({ kind: 'done', text: typeof doneText === 'string' ? doneText : doneText(status) });
      setStatus(status);
    } catch (err) {
      setLine({ kind: 'error', text: errorLine(err) });
    }
  };
  const fields = (
    <>
      <Secret label={t('security.new')} value={next} onChange={setNext} hint={t('security.hint')} />
      <Secret label={t('security.again')} value={again} onChange={setAgain} />
    </>
  );
  return { submit, fields, filled: next !== '' && again !== '' };
}

function ChangePassphrase({ busy, setLine }: Part) {
  const { t } = useI18n();
  const [current, setCurrent] = useState('');
  const [rekey, setRekey] = useState(false);
  const { submit, fields, filled } = useNewPassphrase(
    setLine,
    rekey ? t('security.rekeying') : t('security.change'),
    rekey ? t('security.rekeyed') : t('security.changed'),
    (next) => api().changePassphrase({ current, next, rekey }),
  );
  return (
    <form className="security-form" onSubmit={(e) => void submit(e, () => setCurrent(''))}>
      <fieldset disabled={busy}>
        <legend>{t('security.change')}</legend>
        <Secret label={t('security.current')} value={current} onChange={setCurrent} />
        {fields}
        <label className="security-check">
          <input type="checkbox" checked={rekey} onChange={(e) => setRekey(e.currentTarget.checked)} />
          {t('security.rekey')}
        </label>
        <small className="security-hint">{t('security.rekeyHint')}</small>
        <div className="dialog-actions">
          <button type="submit" className="button-primary" disabled={!current || !filled}>
            {t('security.change')}
          </button>
        </div>
      </fieldset>
    </form>
  );
}

function Encrypt({ busy, setLine }: Part) {
  const { t } = useI18n();
  const { submit, fields, filled } = useNewPassphrase<EncryptedStatus>(
    setLine,
    t('security.encrypting'),
    // a restore's plain copy beside the archive is a whole unencrypted archive: name it
    (status) =>
      status.plainCopies.length > 0
        ? `${t('security.encryptedNow')} ${t('security.plainCopies', { folders: status.plainCopies.join(', ') })}`
        : t('security.encryptedNow'),
    (passphrase) => api().encryptArchive({ passphrase }),
  );
  return (
    <form className="security-form" onSubmit={(e) => void submit(e)}>
      <fieldset disabled={busy}>
        <legend>{t('security.encrypt')}</legend>
        {fields}
        <p className="security-hint">{t('security.encryptWarning')}</p>
        <div className="dialog-actions">
          <button type="submit" className="button-primary" disabled={!filled}>
            {t('security.encrypt')}
          </button>
        </div>
      </fieldset>
    </form>
  );
}

function Secret({
  label,
  value,
  onChange,
  hint,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  hint?: string;
}) {
  const hintId = useId();
  // the hint outside the label: the field's name stays just its label
  return (
    <div className="security-field">
      <label className="dialog-field">
        {label}
        <input
          type="password"
          autoComplete="off"
          spellCheck={false}
          value={value}
          aria-describedby={hint ? hintId : undefined}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      </label>
      {hint ? (
        <small id={hintId} className="security-hint">
          {hint}
        </small>
      ) : null}
    </div>
  );
}
