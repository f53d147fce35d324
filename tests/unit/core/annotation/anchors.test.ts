import { describe, expect, it } from 'vitest';
import { anchorAt, closestPassage, findQuote, resolveAnchor } from '../../../../electron/core/annotation/anchor.js';

const TEXT = 'Оның наразылық шарасы 4 қазанда басталған.\nБелсенді «саяси тұтқындарды» босатуды талап етті.';

describe('findQuote', () => {
  it('finds an exact quote', () => {
    const at = findQuote(TEXT, '4 қазанда басталған');
    expect(at && TEXT.slice(at.start, at.end)).toBe('4 қазанда басталған');
  });
  it('tolerates white space, quote marks and case, and maps back to the stored text', () => {
    const at = findQuote(TEXT, 'басталған. белсенді   "саяси тұтқындарды"');
    expect(at && TEXT.slice(at.start, at.end)).toBe('басталған.\nБелсенді «саяси тұтқындарды»');
  });
  it('returns null for a quote that is not there', () => {
    expect(findQuote(TEXT, '5 қазанда басталған')).toBeNull();
    expect(findQuote(TEXT, '   ')).toBeNull();
  });
  it('picks the occurrence nearest the selection', () => {
    const text = 'пикет. пикет. пикет.';
    expect(findQuote(text, 'пикет', 14)?.start).toBe(14);
  });
});

describe('anchors', () => {
  it('re-anchors by quote and context when offsets drift', () => {
    const start = TEXT.indexOf('саяси');
    const anchor = anchorAt(TEXT, start, start + 'саяси тұтқындарды'.length);
    const edited = `Кіріспе жолы.\n${TEXT}`;
    const at = resolveAnchor(edited, anchor);
    expect(at && edited.slice(at.start, at.end)).toBe('саяси тұтқындарды');
    expect(at?.start).toBe(start + 'Кіріспе жолы.\n'.length);
  });
  it('uses the prefix to choose between repeated quotes', () => {
    const text = 'А: пикет өтті. Б: пикет өтті.';
    const anchor = anchorAt(text, 18, 23); // the second "пикет"
    const moved = `___${text}`;
    expect(resolveAnchor(moved, anchor)?.start).toBe(21);
  });
});

describe('closestPassage', () => {
  it('shows the passage most like a mistyped quote', () => {
    expect(closestPassage(TEXT, '4 казанда басталган')).toContain('қазанда басталған');
  });
  it('answers quickly on a huge text', () => {
    const huge = 'сөз '.repeat(300_000);
    expect(closestPassage(`${huge}ерекше сөйлем осында`, 'ерекше сөйлем').length).toBeGreaterThan(0);
  });
});
