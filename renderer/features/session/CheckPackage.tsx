/**
 * Security…'s "Check a package…": reads the evidence package the user picks and hands its bytes to main,
 * where the check of `aqiqat verify-package` runs (hashes, signature, quotes, timestamp). Shows what is
 * proven and what is not, or the one line naming what is wrong.
 */
import { useState } from 'react';
import type { Output } from '../../../electron/api.js';
import { api, errorLine } from '../../api.js';
import { useI18n } from '../../i18n/i18n.js';
import { FilePicker } from '../../components/FilePicker.js';

type Report = Output<'verifyPackage'>;
type Line = { kind: 'busy' | 'done' | 'error'; text: string } | null;

function base64(bytes: Uint8Array): string {
  let binary = '';
  // in slices: String.fromCharCode takes its arguments on the stack
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function CheckPackage({ busy, setLine }: { busy: boolean; setLine: (line: Line) => void }) {
  const { t } = useI18n();
  const [report, setReport] = useState<Report | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const check = async (file: File) => {
    setReport(null);
    setFailure(null);
    setLine({ kind: 'busy', text: t('package.checking') });
    try {
      const r = await api().verifyPackage({ name: file.name, data: base64(new Uint8Array(await file.arrayBuffer())) });
      setReport(r);
      setLine(null);
    } catch (e) {
      setFailure(errorLine(e));
      setLine(null);
    }
  };
  return (
    <fieldset className="check-package">
      <legend>{t('package.check')}</legend>
      <div>
        <FilePicker
          label={t('package.check')}
          accept=".aqpkg,.zip"
          disabled={busy}
          onFile={(file) => void check(file)}
        />
      </div>
      {failure ? (
        <p className="package-verdict invalid" data-verdict="invalid" role="alert">
          {failure}
        </p>
      ) : null}
      {report ? (
        <div className="package-report">
          <p className="package-verdict valid" data-verdict="valid">
            {t('package.valid')}: {report.file}
          </p>
          <p>{t('package.signedBy', { name: report.signer.name })}</p>
          <p className="identity-fingerprint">{report.signer.fingerprint}</p>
          <p className="security-hint">{t('package.proven')}</p>
          <ul>
            <li>{t('package.provenFiles', { n: report.files })}</li>
            <li>{t('package.provenSigner')}</li>
            <li>{t('package.provenQuotes', { n: report.quotesChecked })}</li>
            <li>
              {report.time.stamped
                ? t('package.timeStamped', { time: report.time.time, authority: report.time.authority })
                : t('package.timeNone')}
            </li>
          </ul>
          <p className="security-hint">{t('package.notProven')}</p>
          <ul>
            <li>{t('package.notProvenTrue')}</li>
            <li>{t('package.notProvenKey')}</li>
          </ul>
        </div>
      ) : null}
    </fieldset>
  );
}
