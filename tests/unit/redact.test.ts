import { describe, expect, it } from 'vitest';
import { makeRedactor, REDACTED } from '../../electron/archive/dossier/redact.js';

const r = makeRedactor(['Мұхтар Жәкішев', 'Мухтар Джакишев']);

describe('redaction matcher', () => {
  it.each([
    ['2015 жылы Жәкішевтің шағымын', `2015 жылы ${REDACTED} шағымын`],
    ['Жәкішевтердің', REDACTED],
    ['Мұхтарға хат', `${REDACTED} хат`],
    ['Мухтара Джакишева осудили', `${REDACTED} осудили`],
    ['суд над Жакишевым', `суд над ${REDACTED}`],
    ['М. Жәкішев сотталды', `${REDACTED} сотталды`],
    ['Мұхтар Жәкішевті қолдап', `${REDACTED} қолдап`],
    ['https://example.org/kk/zhakishev-picket', `https://example.org/kk/${REDACTED}-picket`],
    ['Jäkışevtıñ isi', `${REDACTED} isi`],
    ['the Dzhakishev case', `the ${REDACTED} case`],
    ['ЖӘКІШЕВ', REDACTED],
  ])('%s', (input, expected) => {
    expect(r.apply(input)).toBe(expected);
    expect(r.finds(r.apply(input))).toBe(false);
  });

  it('leaves other people and ordinary words alone', () => {
    for (const t of ['Асхат Жексебаев', 'Өскемендегі сот', 'Алматыда пикет', 'Қазақстан билігін']) expect(r.apply(t)).toBe(t);
  });

  it('does nothing without names', () => {
    const none = makeRedactor([]);
    expect(none.active).toBe(false);
    expect(none.apply('Жәкішев')).toBe('Жәкішев');
  });
});
