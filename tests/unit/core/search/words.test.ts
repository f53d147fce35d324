import { describe, expect, it } from 'vitest';
import { words } from '../../../../electron/core/search/words.js';

describe('words', () => {
  it('segments a long text in chunks without splitting or losing a word', () => {
    const text = `${'Жәкішевтің сөзі, '.repeat(2000)}соңы`;
    const ws = words(text);
    expect(ws).toHaveLength(4001);
    expect(ws.every((w) => text.slice(w.start, w.end) === w.word)).toBe(true);
    expect(ws.filter((w) => w.key === 'жәкішевтің')).toHaveLength(2000);
    expect(ws.at(-1)?.word).toBe('соңы');
  });
});
