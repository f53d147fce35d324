import type { KeyboardEvent, Ref } from 'react';
import { useI18n } from '../../i18n/i18n.js';
import './search.css';

interface Props {
  value: string;
  onChange: (value: string) => void;
  /** ↓ from the box moves into the result list */
  onDown: () => void;
  ref?: Ref<HTMLInputElement>;
}

export function SearchBox({ value, onChange, onDown, ref }: Props) {
  const { t } = useI18n();
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Escape' && value) {
      onChange('');
      e.preventDefault();
    } else if (e.key === 'ArrowDown') {
      onDown();
      e.preventDefault();
    }
  };
  return (
    <div className="search-box" role="search">
      <input
        ref={ref}
        type="search"
        aria-label={t('search.label')}
        placeholder={t('search.placeholder')}
        aria-keyshortcuts="/ Control+K"
        value={value}
        spellCheck={false}
        onChange={(e) => onChange(e.currentTarget.value)}
        onKeyDown={onKeyDown}
      />
      <kbd aria-hidden="true">/</kbd>
    </div>
  );
}
