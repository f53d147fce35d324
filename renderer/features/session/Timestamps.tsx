/**
 * Security…'s "Proof of time": the RFC 3161 stamps attached to this archive, and "Attach a timestamp…",
 * which reads the answer file the user picks and hands its bytes to main (the check runs there).
 */
import { useCallback, useEffect, useState } from 'react';
import type { Output } from '../../../electron/api.js';
import { api, errorLine } from '../../api.js';
import { useI18n } from '../../i18n/i18n.js';
import { FilePicker } from '../../components/FilePicker.js';

type Line = { kind: 'busy' | 'done' | 'error'; text: string } | null;
type Stamp = Output<'listTimestamps'>['stamps'][number];

/** An instant as the stamp states it, to the minute, in UTC (the authority's clock, not the laptop's). */
const utc = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;

export function Timestamps({ busy, setLine }: { busy: boolean; setLine: (line: Line) => void }) {
  const { t } = useI18n();
  const [list, setList] = useState<Output<'listTimestamps'> | null>(null);
  const refresh = useCallback(
    () =>
      api()
        .listTimestamps({})
        .then(setList, (e: unknown) => setLine({ kind: 'error', text: errorLine(e) })),
    [setLine],
  );
  useEffect(() => {
    void refresh();
  }, [refresh]);
  const what = (s: Pick<Stamp, 'target' | 'seq' | 'file'>) =>
    s.target === 'audit' ? t('stamps.audit', { n: s.seq ?? '?' }) : t('stamps.package', { file: s.file ?? '' });
  const attach = async (file: File) => {
    setLine({ kind: 'busy', text: t('stamps.attaching') });
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      let binary = '';
      for (const b of bytes) binary += String.fromCharCode(b);
      const r = await api().attachTimestamp({ response: btoa(binary) });
      setLine({
        kind: 'done',
        text: r.existing ? t('stamps.already') : t('stamps.attached', { what: what(r.stamp), time: utc(r.stamp.time) }),
      });
      await refresh();
    } catch (e) {
      setLine({ kind: 'error', text: errorLine(e) });
    }
  };
  return (
    <fieldset className="stamps">
      <legend>{t('stamps.title')}</legend>
      {list && list.stamps.length > 0 ? (
        <ul className="stamps-list">
          {list.stamps.map((s) => (
            <li key={`${s.sha256}-${s.serial}`}>
              <span className="stamp-time">{utc(s.time)}</span> {what(s)} · {s.authority}
              <span className="security-hint"> · {s.trusted ? t('stamps.trusted') : t('stamps.untrusted')}</span>
            </li>
          ))}
        </ul>
      ) : list ? (
        <p className="security-hint">{t('stamps.none')}</p>
      ) : null}
      {list && list.pending.length > 0 ? (
        <p className="security-hint">{t('stamps.pending', { n: list.pending.length })}</p>
      ) : null}
      <div>
        <FilePicker
          label={t('stamps.attach')}
          accept=".tsr,application/timestamp-reply"
          disabled={busy}
          onFile={(file) => void attach(file)}
        />
      </div>
    </fieldset>
  );
}
