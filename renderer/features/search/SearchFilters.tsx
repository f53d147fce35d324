import type { SearchFilters } from './useSearch.js';

interface Props {
  value: SearchFilters;
  onChange: (value: SearchFilters) => void;
}

const LANGS = [
  ['', 'Any language'],
  ['kk', 'Kazakh'],
  ['ru', 'Russian'],
  ['en', 'English'],
] as const;

/** The filters a researcher changes most; the CLI has them all (aqiqat search --help). */
export function SearchFilterBar({ value, onChange }: Props) {
  const set = (patch: Partial<SearchFilters>) => {
    const next: SearchFilters = { ...value, ...patch };
    for (const k of Object.keys(next) as Array<keyof SearchFilters>) if (next[k] === undefined) delete next[k];
    onChange(next);
  };
  const year = (s: string) => (/^\d{4}$/.test(s) ? s : undefined);
  return (
    <div className="search-filters" role="group" aria-label="Search filters">
      <select aria-label="Show" value={value.kind ?? ''} onChange={(e) => set({ kind: (e.currentTarget.value || undefined) as SearchFilters['kind'] })}>
        <option value="">All hits</option>
        <option value="article">Articles only</option>
        <option value="fact">Facts only</option>
      </select>
      <select
        aria-label="Language"
        value={value.langs?.[0] ?? ''}
        onChange={(e) => set({ langs: e.currentTarget.value ? [e.currentTarget.value as 'kk' | 'ru' | 'en'] : undefined })}
      >
        {LANGS.map(([v, label]) => (
          <option key={v} value={v}>
            {label}
          </option>
        ))}
      </select>
      <input
        aria-label="Published from year"
        placeholder="from"
        title="Published from year"
        inputMode="numeric"
        maxLength={4}
        defaultValue={value.publishedFrom ?? ''}
        onChange={(e) => set({ publishedFrom: year(e.currentTarget.value) })}
      />
      <input
        aria-label="Published to year"
        placeholder="to"
        title="Published to year"
        inputMode="numeric"
        maxLength={4}
        defaultValue={value.publishedTo ?? ''}
        onChange={(e) => set({ publishedTo: year(e.currentTarget.value) })}
      />
    </div>
  );
}
