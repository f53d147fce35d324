import type { KeyboardEvent, Ref } from 'react';
import './search.css';

interface Props {
  value: string;
  onChange: (value: string) => void;
  /** ↓ from the box moves into the result list */
  onDown: () => void;
  ref?: Ref<HTMLInputElement>;
}

export function SearchBox({ value, onChange, onDown, ref }: Props) {
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
        aria-label="Search the archive"
        placeholder="Search names, places, words…"
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
