/**
 * Contacts: colleagues' keys, each with its fingerprint to read aloud; add one from the key file they
 * sent (its fingerprint shown before it is added), rename, remove after a confirmation. And this
 * archive's own key file, saved for a colleague.
 */
import { useState } from 'react';
import type { Contact } from '../../../electron/api.js';
import { api } from '../../api.js';
import { useI18n } from '../../i18n/i18n.js';
import { Fingerprint } from './Fingerprint.js';
import { failed, said, SaidLine, type Said } from './Said.js';
import type { T } from '../../i18n/i18n.js';
import { FilePicker } from '../../components/FilePicker.js';

interface Picked {
  file: string;
  text: string;
  name: string;
  fingerprint: string | null;
}

/** What the key file says of itself, to show before adding; the core checks it in full. */
function claimed(text: string): { name: string; fingerprint: string | null } {
  try {
    const parsed = JSON.parse(text) as { name?: unknown; fingerprint?: unknown };
    return {
      name: typeof parsed.name === 'string' ? parsed.name : '',
      fingerprint: typeof parsed.fingerprint === 'string' ? parsed.fingerprint : null,
    };
  } catch {
    return { name: '', fingerprint: null };
  }
}

export function Contacts({
  contacts,
  mine,
  onChanged,
}: {
  contacts: Contact[] | null;
  /** this archive's own fingerprint */
  mine: string | null;
  onChanged: () => Promise<void>;
}) {
  const { t } = useI18n();
  const [picked, setPicked] = useState<Picked | null>(null);
  const [renaming, setRenaming] = useState<{ from: string; to: string } | null>(null);
  const [removing, setRemoving] = useState<string | null>(null);
  const [line, setLine] = useState<Said>(null);

  const run = async (work: () => Promise<(t: T) => string>) => {
    try {
      const say = await work();
      await onChanged();
      setLine(said('done', say));
    } catch (e) {
      setLine(failed(e));
    }
  };
  const pick = async (file: File) => {
    const text = await file.text();
    setLine(null);
    setPicked({ file: file.name, text, ...claimed(text) });
  };
  const add = (p: Picked) =>
    run(async () => {
      const c = await api().addContact({ name: p.name, file: p.file, keyFile: p.text });
      setPicked(null);
      return (t) => t('team.added', { name: c.name });
    });
  const saveMine = () =>
    run(async () => {
      const r = await api().saveContactKey({});
      return (t) => (r.path ? t('team.myKeySaved', { path: r.path! }) : t('team.notSaved'));
    });

  return (
    <section className="team-contacts" aria-labelledby="team-contacts-title">
      <h2 id="team-contacts-title" className="list-title">
        {t('team.contacts')}
      </h2>
      {contacts?.length === 0 && <p className="hint">{t('team.noContacts')}</p>}
      <ul className="plain-list contact-list">
        {(contacts ?? []).map((c) => (
          <li key={c.signKey} className="contact" aria-label={c.name}>
            {renaming?.from === c.name ? (
              <form
                className="form-row"
                onSubmit={(e) => {
                  e.preventDefault();
                  const to = renaming.to;
                  void run(async () => {
                    const r = await api().renameContact({ from: c.name, to });
                    setRenaming(null);
                    return (t) => t('team.renamed', { name: r.name });
                  });
                }}
              >
                <input
                  aria-label={t('team.renameLabel', { name: c.name })}
                  value={renaming.to}
                  onChange={(e) => setRenaming({ from: c.name, to: e.currentTarget.value })}
                  autoFocus
                />
                <button type="submit" disabled={!renaming.to.trim()}>
                  {t('team.renameSave')}
                </button>
                <button type="button" onClick={() => setRenaming(null)}>
                  {t('team.cancel')}
                </button>
              </form>
            ) : (
              <p className="contact-name">{c.name}</p>
            )}
            <Fingerprint value={c.fingerprint} label={t('team.fingerprint')} />
            {removing === c.name ? (
              <div className="contact-confirm" role="alertdialog" aria-label={t('team.removeAsk', { name: c.name })}>
                <p>{t('team.removeAsk', { name: c.name })}</p>
                <button
                  type="button"
                  className="button-danger"
                  onClick={() =>
                    void run(async () => {
                      const r = await api().removeContact({ name: c.name });
                      setRemoving(null);
                      return (t) => t('team.removed', { name: r.name });
                    })
                  }
                >
                  {t('team.removeYes', { name: c.name })}
                </button>
                <button type="button" onClick={() => setRemoving(null)}>
                  {t('team.cancel')}
                </button>
              </div>
            ) : (
              <div className="contact-actions">
                <button
                  type="button"
                  className="dialog-button"
                  onClick={() => setRenaming({ from: c.name, to: c.name })}
                >
                  {t('team.rename')}
                </button>
                <button type="button" className="dialog-button" onClick={() => setRemoving(c.name)}>
                  {t('team.remove')}
                </button>
              </div>
            )}
          </li>
        ))}
      </ul>
      {picked ? (
        <form
          className="contact-add"
          aria-label={t('team.addContact')}
          onSubmit={(e) => {
            e.preventDefault();
            void add(picked);
          }}
        >
          <label className="dialog-field">
            {t('team.contactName')}
            <input value={picked.name} onChange={(e) => setPicked({ ...picked, name: e.currentTarget.value })} />
          </label>
          {picked.fingerprint && (
            <>
              <Fingerprint value={picked.fingerprint} label={t('team.fingerprint')} />
              <p className="hint">{t('team.compareHint')}</p>
            </>
          )}
          <div className="team-actions">
            <button type="submit" className="button-primary" disabled={!picked.name.trim()}>
              {t('team.add')}
            </button>
            <button type="button" className="dialog-button" onClick={() => setPicked(null)}>
              {t('team.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <FilePicker label={t('team.addContact')} accept=".key,.json" onFile={(file) => void pick(file)} />
      )}
      <SaidLine line={line} />
      <div className="team-mine">
        <h3>{t('team.myKey')}</h3>
        <p className="hint">{t('team.myKeyHint')}</p>
        {mine && <Fingerprint value={mine} label={t('team.fingerprint')} />}
        <button type="button" className="dialog-button" onClick={() => void saveMine()}>
          {t('team.saveMyKey')}
        </button>
      </div>
    </section>
  );
}
