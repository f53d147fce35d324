import { useI18n } from '../../i18n/i18n.js';
import type { MessageKey } from '../../i18n/i18n.js';
import type { SearchFilters } from './useSearch.js';
import { FACT_STATUSES, SOURCE_TYPES, type FactStatus, type SourceType } from '../../../electron/shared/provenance.js';

interface Props {
  value: SearchFilters;
  onChange: (value: SearchFilters) => void;
}

const LANGS = [
  ['', 'search.anyLanguage'],
  ['kk', 'lang.kk'],
  ['ru', 'lang.ru'],
  ['en', 'lang.en'],
] as const satisfies ReadonlyArray<readonly [string, MessageKey]>;

/** The filters a researcher changes most; the CLI has them all (aqiqat search --help). */
export function SearchFilterBar({ value, onChange }: Props) {
  const { t } = useI18n();
  const set = (patch: Partial<SearchFilters>) => {
    const next: SearchFilters = { ...value, ...patch };
    for (const k of Object.keys(next) as Array<keyof SearchFilters>) if (next[k] === undefined) delete next[k];
    onChange(next);
  };
  return (
    <div className="search-filters" role="group" aria-label={t('search.filters')}>
      <select
        aria-label={t('search.show')}
        value={value.kind ?? ''}
        onChange={(e) => set({ kind: (e.currentTarget.value || undefined) as SearchFilters['kind'] })}
      >
        <option value="">{t('search.allHits')}</option>
        <option value="article">{t('search.articlesOnly')}</option>
        <option value="fact">{t('search.factsOnly')}</option>
      </select>
      <select
        aria-label={t('search.language')}
        value={value.langs?.[0] ?? ''}
        onChange={(e) =>
          set({ langs: e.currentTarget.value ? [e.currentTarget.value as 'kk' | 'ru' | 'en'] : undefined })
        }
      >
        {LANGS.map(([v, label]) => (
          <option key={v} value={v}>
            {t(label)}
          </option>
        ))}
      </select>
      <select
        aria-label={t('search.sourceType')}
        value={value.sourceTypes?.[0] ?? ''}
        onChange={(e) =>
          set({ sourceTypes: e.currentTarget.value ? [e.currentTarget.value as SourceType] : undefined })
        }
      >
        <option value="">{t('search.anySourceType')}</option>
        {SOURCE_TYPES.map((type) => (
          <option key={type} value={type}>
            {t(`sourceType.${type}`)}
          </option>
        ))}
      </select>
      <select
        aria-label={t('search.status')}
        value={value.statuses?.[0] ?? ''}
        onChange={(e) => set({ statuses: e.currentTarget.value ? [e.currentTarget.value as FactStatus] : undefined })}
      >
        <option value="">{t('search.anyStatus')}</option>
        {FACT_STATUSES.map((status) => (
          <option key={status} value={status}>
            {t(`status.${status}`)}
          </option>
        ))}
      </select>
      {/* the years on a line of their own, named: "from"/"to" alone did not say from what */}
      <span className="search-years">
        <span aria-hidden="true">{t('search.publishedYears')}</span>
        <YearInput
          label={t('search.fromYear')}
          placeholder={t('search.from')}
          value={value.publishedFrom}
          onYear={(publishedFrom) => set({ publishedFrom })}
        />
        <YearInput
          label={t('search.toYear')}
          placeholder={t('search.to')}
          value={value.publishedTo}
          onYear={(publishedTo) => set({ publishedTo })}
        />
      </span>
    </div>
  );
}

/** A four-digit year; anything else (an empty or half-typed field) is no bound. */
function YearInput({
  label,
  placeholder,
  value,
  onYear,
}: {
  label: string;
  placeholder: string;
  value: string | undefined;
  onYear: (year: string | undefined) => void;
}) {
  return (
    <input
      aria-label={label}
      placeholder={placeholder}
      title={label}
      inputMode="numeric"
      maxLength={4}
      defaultValue={value ?? ''}
      onChange={(e) => onYear(/^\d{4}$/.test(e.currentTarget.value) ? e.currentTarget.value : undefined)}
    />
  );
}
