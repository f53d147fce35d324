/** The Team section: contacts and this archive's key beside, receiving a bundle and the conflicts left. */
import { useCallback, useEffect, useState } from 'react';
import type { Conflict, Contact } from '../../../electron/api.js';
import { api, errorLine } from '../../api.js';
import { useI18n } from '../../i18n/i18n.js';
import { Conflicts } from './Conflicts.js';
import { Contacts } from './Contacts.js';
import { Receive } from './Receive.js';
import './team.css';

export function TeamSection({ onReceived }: { onReceived: () => Promise<void> }) {
  const { t } = useI18n();
  const [contacts, setContacts] = useState<Contact[] | null>(null);
  const [conflicts, setConflicts] = useState<Conflict[] | null>(null);
  const [mine, setMine] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(async () => {
    const [c, k] = await Promise.all([api().listContacts({}), api().listConflicts({})]);
    setContacts(c);
    setConflicts(k);
  }, []);
  // a receive or a resolved conflict changes facts and articles: the app's lists read them again
  const changed = async () => {
    await reload();
    await onReceived();
  };
  useEffect(() => {
    reload().catch((e: unknown) => setError(errorLine(e)));
    api()
      .identity({})
      .then((id) => setMine(id.fingerprint))
      .catch((e: unknown) => setError(errorLine(e)));
  }, [reload]);

  return (
    <>
      <section className="list-pane team-pane" aria-label={t('team.contacts')}>
        <header className="list-head">
          <Contacts contacts={contacts} mine={mine} onChanged={reload} />
        </header>
      </section>
      <main className="detail-pane team-detail">
        {error && (
          <p className="panel-error" role="alert">
            {error}
          </p>
        )}
        <Receive onReceived={changed} />
        <Conflicts conflicts={conflicts} contacts={contacts} mine={mine} onChanged={changed} />
      </main>
    </>
  );
}
