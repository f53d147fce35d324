/**
 * How scans and photos are read, the app's `import --ocr` and `--ocr-lang`: the mode and the languages,
 * kept for the next import in this window's storage. At least one language stays chosen.
 */
import { useState } from 'react';
import { OCR_LANGUAGES, OCR_MODES, type OcrLanguage, type OcrMode } from '../../../electron/shared/formats.js';
import { useI18n } from '../../i18n/i18n.js';

export interface OcrChoice {
  mode: OcrMode;
  languages: readonly OcrLanguage[];
}

export const DEFAULT_OCR: OcrChoice = { mode: 'auto', languages: OCR_LANGUAGES };
const STORAGE_KEY = 'aqiqat.import.ocr';

function stored(): OcrChoice {
  try {
    const v = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null') as Partial<OcrChoice> | null;
    const mode = OCR_MODES.find((m) => m === v?.mode);
    const languages = OCR_LANGUAGES.filter((l) => v?.languages?.includes(l));
    return mode && languages.length > 0 ? { mode, languages } : DEFAULT_OCR;
  } catch {
    return DEFAULT_OCR;
  }
}

export function useOcrChoice(): [OcrChoice, (c: OcrChoice) => void] {
  const [choice, setChoice] = useState(stored);
  return [
    choice,
    (c) => {
      setChoice(c);
      try {
        localStorage.setItem(STORAGE_KEY, JSON.stringify(c));
      } catch {
        // storage refused (private window): the choice holds for this window only
      }
    },
  ];
}

export function OcrOptions({
  choice,
  onChange,
  disabled,
}: {
  choice: OcrChoice;
  onChange: (c: OcrChoice) => void;
  disabled: boolean;
}) {
  const { t } = useI18n();
  const toggle = (lang: OcrLanguage) => {
    const has = choice.languages.includes(lang);
    if (has && choice.languages.length === 1) return;
    onChange({
      ...choice,
      languages: OCR_LANGUAGES.filter((l) => (l === lang ? !has : choice.languages.includes(l))),
    });
  };
  const summary =
    choice.mode === 'never'
      ? t('import.ocr.summaryNever')
      : t('import.ocr.summary', {
          mode: t(`import.ocr.mode.${choice.mode}`),
          langs: choice.languages.map((l) => t(`lang.${l}`)).join(', '),
        });
  return (
    <details className="import-ocr">
      <summary>{summary}</summary>
      <fieldset disabled={disabled}>
        <legend>{t('import.ocr.title')}</legend>
        {OCR_MODES.map((mode) => (
          <label key={mode} className="import-ocr-mode">
            <input
              type="radio"
              name="ocr-mode"
              value={mode}
              checked={choice.mode === mode}
              onChange={() => onChange({ ...choice, mode })}
            />
            <span>
              <b>{t(`import.ocr.mode.${mode}`)}</b> {t(`import.ocr.hint.${mode}`)}
            </span>
          </label>
        ))}
        <div className="import-ocr-langs" role="group" aria-label={t('import.ocr.languages')}>
          <span>{t('import.ocr.languages')}</span>
          {OCR_LANGUAGES.map((lang) => (
            <label key={lang}>
              <input
                type="checkbox"
                checked={choice.languages.includes(lang)}
                // the last language chosen stays: a scan is read in at least one
                disabled={choice.mode === 'never' || (choice.languages.length === 1 && choice.languages[0] === lang)}
                onChange={() => toggle(lang)}
              />
              {t(`lang.${lang}`)}
            </label>
          ))}
        </div>
      </fieldset>
    </details>
  );
}
