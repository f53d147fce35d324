/**
 * The analyzer's rules for the failure kinds the evaluation set found (one case each, written for
 * this test), over the real query pipeline; and an index written by other rules is rebuilt.
 */
import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Archive } from '../../../../electron/core/archive.js';
import { Analyzer, tokenize } from '../../../../electron/core/search/analyze.js';
import { AliasTable, protectedKeys, SHIPPED_GAZETTEERS } from '../../../../electron/core/search/gazetteer.js';
import { SearchIndex, vocabWord } from '../../../../electron/core/search/index.js';
import { evaluate, parseQuery } from '../../../../electron/core/search/query.js';
import { tempDir } from '../../helpers.js';

const analyzer = new Analyzer(protectedKeys(SHIPPED_GAZETTEERS));
const aliases = AliasTable.of(analyzer, SHIPPED_GAZETTEERS, []);

/** Does query `q` find a document holding only `word`? */
function finds(q: string, word: string): boolean {
  const index = new SearchIndex(analyzer);
  const weights = new Map<string, number>();
  for (const t of tokenize(word)) weights.set(vocabWord(t.surface), 1);
  index.addDoc(
    {
      kind: 'article',
      id: 'a',
      articleId: 'a',
      published: 0,
      lang: 'kk',
      title: '',
      textSha256: '',
      type: '',
      date: '',
      start: 0,
      end: 0,
      tags: [],
      entities: [],
    },
    weights,
  );
  return evaluate(index, parseQuery(q, analyzer, aliases), () => true).docs.length > 0;
}

const FINDS: Array<[string, string, string]> = [
  ['Kazakh stem change before a vowel', 'бостандық', 'бостандығы'],
  ['Kazakh stem change before a vowel', 'бостандық', 'бостандығынан'],
  ['Kazakh 3rd-person possessive after й', 'сарай', 'сарайы'],
  ['Kazakh stem change, п → б', 'айып', 'айыбы'],
  ['Kazakh possessive + case', 'сот', 'сотында'],
  ['Kazakh 3rd-person possessive', 'наразылық', 'наразылығы'],
  ['Kazakh possessive + accusative after a vowel', 'баға', 'бағасын'],
  ['Kazakh 1st-person plural possessive', 'отан', 'отанымыз'],
  ['Kazakh 1st-person possessive after a vowel', 'бөлме', 'бөлмем'],
  ['a word Russian does not spell keeps the endings Kazakh has', 'жыр', 'жырым'],
  ['Russian -й stem', 'Мамай', 'Мамая'],
  ['Russian -й stem of a place', 'Семей', 'Семее'],
  ['Russian -й stem, Latin query', 'Qostanay', 'Костанае'],
  ['a gazetteer name declined', 'Кызылорда', 'Кызылорде'],
  ['a gazetteer name declined', 'Астана', 'Астане'],
  ['a short name', 'Аян', 'Аяну'],
  ['a short name', 'Роза', 'Розе'],
  ['a short name starting with a vowel', 'Айша', 'Айше'],
  ['a short name with a Kazakh ending', 'Ару', 'Аруның'],
  ['a short name with a Kazakh ending', 'Жан', 'Жанға'],
  ['a feminine name’s genitive', 'Дана', 'Даны'],
  ['a name in -ия declined', 'Алия', 'Алией'],
  ['a name in Kazakh letters declined the Russian way', 'Қайрат', 'Қайрату'],
  ['a -й name in Kazakh letters declined the Russian way', 'Қарасай', 'Қарасаю'],
  ['ё written е', 'заключенный', 'заключённых'],
  ['ё written е, the other way', 'заключённый', 'заключенных'],
  ['a Latin surname against a Russian feminine form', 'Toregozhina', 'Торегожиной'],
  ['қ written х in Russian', 'Бақытжан', 'Бахытжан'],
  ['қ written х in Russian, the other way', 'Бахытжан', 'Бақытжан'],
  ['ISO 9 / GOST 7.79 marks', 'Джакишев', 'Džakišev'],
  ['GOST 7.79 ASCII й, щ', 'Щучинск', 'Shhuchinsk'],
  ['GOST 7.79 ASCII й', 'Сулейменов', 'Sulejmenov'],
  ['ng for ң', 'Жаңаөзен', 'Zhangaözen'],
  ['the 2017 apostrophes', 'Шымкент', "S'ymkent"],
  ['the 2017 apostrophes, у as y’', 'Нурсултан', "Ny'rsy'ltan"],
  ['BGN’s separator dot', 'Базарайым', 'Bazaray·ym'],
  ['the 2017 Latin’s у at the end of a word', 'Ақсу', "Aqsy'"],
  ['the 2017 Latin’s ш at the end of a word', 'Данеш', "Danes'"],
  ['GOST 7.79’s y’ before s', 'Кармыс', "Karmy's"],
  ['a GOST surname with x against a Russian case', 'Axmetova', 'Ахметовой'],
  ['a surname with jy against a Russian case', 'Kajymova', 'Кайымовой'],
  ['an English plural possessive', 'lawyers', "lawyers'"],
  ['the 2017 Latin’s у at the end, Latin query', "Ko'ks'etay'", 'Көкшетауда'],
  ['қ written х, the Kazakh word declined', 'Асхар', 'Асқарға'],
  ['a GeoNames alias', 'Арал', 'Аральск'],
  ['a GeoNames alias', 'Риддер', 'Лениногорск'],
  ['a GeoNames alias, the other way', 'Аральск', 'Арал'],
  ['a GeoNames alias, the other way', 'Лениногорск', 'Риддер'],
  ['a fleeting vowel', 'тюрьма', 'тюрем'],
  ['a fleeting vowel', 'пытка', 'пыток'],
  ['a capitalised common noun', 'тюрьма', 'Тюрьмы'],
  ['Russian verb forms, after а', 'читать', 'читала'],
  ['Russian verb forms, gerund', 'прочитав', 'прочитала'],
  ['Russian verb forms, after a consonant', 'говорить', 'говорил'],
  ['Russian verb forms, -ит', 'говорит', 'говорил'],
  ['a Russian noun in -ит declined', 'лимит', 'лимите'],
  ['a Russian noun in -ит declined', 'бандит', 'бандиты'],
];

const KEEPS_APART: Array<[string, string, string]> = [
  ['a name that starts another', 'Макс', 'Максим'],
  ['a place and a common noun', 'Тараз', 'таразы'],
  ['two nouns', 'право', 'правда'],
  ['two nouns', 'колония', 'колонна'],
  ['a noun in -ит is not the stem Snowball cuts for a verb', 'бандит', 'банда'],
  ['a noun in -ит is not the stem Snowball cuts for a verb', 'гадолинит', 'гадолиния'],
  ['a Russian noun is not a Kazakh dative after н (that is -ға)', 'ворон', 'воронка'],
  ['the other way', 'воронка', 'вороной'],
  ['-сы/-сі is no possessive after й', 'сәуегей', 'сәуегейсі'],
  ['Kazakh letters in Kazakh script', 'қол', 'көл'],
  ['Kazakh letters in Kazakh script', 'құл', 'күл'],
  ['Kazakh letters in Kazakh script, inflected', 'қол', 'көлде'],
  ['a form of a word written with other Kazakh letters', 'аққайын', 'аққайыңда'],
  ['a word written with other Kazakh letters, both a shared stem + an ending', 'аққайың', 'аққайын'],
  ['a word Russian does not spell is no Russian genitive', 'жыр', 'жыра'],
  ['a word Russian does not spell is no Russian genitive', 'дауыс', 'дауыса'],
  ['a possessive is ы/і, never и', 'қазақ', 'қазақи'],
  ['a surname and its given name', 'Касымов', 'Касым'],
  ['a noun and the Kazakh verb made from it with -ла', 'жаза', 'жазала'],
  ['the verb and its noun, the other way', 'жазала', 'жаза'],
  ['a Russian noun and a verb whose stem is that noun', 'дела', 'делала'],
  ['the 2017 Latin’s ы is not у', 'Ақсу', 'Aqsy'],
  ['a name in -ия is not the name it starts with', 'Али', 'Алией'],
];

describe('analyzer rules', () => {
  it.each(FINDS)('%s: %s finds %s', (_kind, q, word) => expect(finds(q, word)).toBe(true));
  it.each(KEEPS_APART)('%s: %s does not find %s', (_kind, q, word) => expect(finds(q, word)).toBe(false));

  it('still folds a Kazakh word with the Russian spelling that lost its letters', () => {
    expect(finds('қол', 'кол')).toBe(true);
    expect(finds('Жәкішев', 'Жакишевтің')).toBe(true);
    expect(finds('Бостандық', 'Bostandyq')).toBe(true);
  });
});

describe('the issue’s examples through an archive', () => {
  it('finds the verdict phrase, a capitalised title word, and keeps a look-alike apart', async () => {
    const archive = await Archive.create(await tempDir());
    const verdict = await archive.importArticle({
      bytes: new TextEncoder().encode('Үкім шықты\nСот оны бас бостандығынан айыруға үкім шығарды.'),
      name: 'verdict.txt',
    });
    const title = await archive.importArticle({
      bytes: new TextEncoder().encode('Пытки в колонии\nЗаключённых били.'),
      name: 'title.txt',
    });
    const column = await archive.importArticle({
      bytes: new TextEncoder().encode('Колонна\nКолонна машин шла к городу.'),
      name: 'column.txt',
    });
    const ids = async (q: string) => (await archive.search(q)).map((h) => h.articleId);
    expect(await ids('бас бостандығынан айыру')).toEqual([verdict.article.id]);
    expect(await ids('"бас бостандығынан"')).toEqual([verdict.article.id]);
    expect(await ids('бостандық')).toEqual([verdict.article.id]);
    expect(await ids('пытка')).toEqual([title.article.id]);
    expect(await ids('заключенный')).toEqual([title.article.id]);
    expect(await ids('колония')).toEqual([title.article.id]);
    expect(await ids('колонна')).toEqual([column.article.id]);
  });
});

describe('an index written by other rules', () => {
  it('is rebuilt on open and finds what the current rules find', async () => {
    const dir = await tempDir();
    const archive = await Archive.create(dir);
    const { article } = await archive.importArticle({
      bytes: new TextEncoder().encode('Сот оны бас бостандығынан айыруға үкім шығарды.'),
      name: 'a.txt',
    });
    expect((await archive.search('бостандық')).map((h) => h.articleId)).toEqual([article.id]);
    const file = path.join(dir, 'index', 'search.idx');
    // the header names the rules it was written with: make it another analyzer's
    const bytes = await readFile(file);
    const text = bytes.toString('latin1');
    const at = text.indexOf('"analyzer":"') + '"analyzer":"'.length;
    expect(at).toBeGreaterThan(20);
    const patched = Buffer.from(bytes);
    patched.write('0'.repeat(16), at, 'latin1');
    await writeFile(file, patched);
    const before = (await stat(file)).mtimeMs;

    const reopened = await Archive.open(dir);
    expect((await reopened.search('бостандық')).map((h) => h.articleId)).toEqual([article.id]);
    expect((await stat(file)).mtimeMs).toBeGreaterThan(before);
    expect((await readFile(file)).toString('latin1')).not.toContain('"analyzer":"0000000000000000"');
  });
});
