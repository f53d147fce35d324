/** The dossier's own words in English, Kazakh and Russian. Quotes are never translated. */
import type { FactRole } from '../model.js';
import type { DossierLang } from './types.js';

export interface Labels {
  dossier: string;
  factsDossier: string;
  generated: string;
  compiledBy: string;
  confidential: string;
  confidentialShort: string;
  caseId: string;
  period: string;
  sourceCount: (n: number) => string;
  more: (n: number) => string;
  contents: string;
  summary: string;
  noSummary: string;
  entities: string;
  people: string;
  organizations: string;
  places: string;
  name: string;
  aliases: string;
  mentionedIn: string;
  chronology: string;
  date: string;
  type: string;
  quote: string;
  source: string;
  undated: string;
  approximately: string;
  sources: string;
  title: string;
  publisher: string;
  published: string;
  url: string;
  imported: string;
  sha256Original: string;
  sha256Text: string;
  citedIn: string;
  urlWithheld: string;
  /** a publisher, date or hash left out of this copy */
  withheld: string;
  note: string;
  factCount: (n: number) => string;
  page: string;
  of: string;
  months: readonly string[];
  /** months as they stand after a day number (Russian genitive) */
  monthsOfDay: readonly string[];
  formatDate: (y: string, m: number | null, d: number | null, labels: Labels) => string;
  redactionNote: string;
  /** with the redaction note: what redaction cannot hide */
  searchableNote: string;
  integrityNote: string;
  /** the integrity note when publishers, dates and hashes are withheld */
  integrityNoteWithheld: string;
  /** a person's part in an event */
  roles: Readonly<Record<FactRole, string>>;
}

const EN_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const KK_MONTHS = [
  'қаңтар',
  'ақпан',
  'наурыз',
  'сәуір',
  'мамыр',
  'маусым',
  'шілде',
  'тамыз',
  'қыркүйек',
  'қазан',
  'қараша',
  'желтоқсан',
];
const RU_MONTHS = [
  'январь',
  'февраль',
  'март',
  'апрель',
  'май',
  'июнь',
  'июль',
  'август',
  'сентябрь',
  'октябрь',
  'ноябрь',
  'декабрь',
];
const RU_MONTHS_GEN = [
  'января',
  'февраля',
  'марта',
  'апреля',
  'мая',
  'июня',
  'июля',
  'августа',
  'сентября',
  'октября',
  'ноября',
  'декабря',
];

export const LABELS: Record<DossierLang, Labels> = {
  en: {
    dossier: 'Case dossier',
    factsDossier: 'Dossier of selected facts',
    generated: 'Generated',
    compiledBy: 'Compiled by',
    confidentialShort: 'Confidential',
    caseId: 'Case',
    period: 'Period',
    sourceCount: (n) => (n === 1 ? '1 source' : `${n} sources`),
    more: (n) => `and ${n} more`,
    confidential:
      'Confidential: prepared for legal and human-rights use; do not publish without the compiler’s consent.',
    contents: 'Contents',
    summary: 'Summary',
    noSummary: 'No summary was written for this case.',
    entities: 'People, organizations and places',
    people: 'People',
    organizations: 'Organizations',
    places: 'Places',
    name: 'Name',
    aliases: 'Also written',
    mentionedIn: 'Facts',
    chronology: 'Chronology',
    date: 'Date',
    type: 'Type',
    quote: 'Quote (original language)',
    source: 'Source',
    undated: 'undated',
    approximately: 'c.',
    sources: 'Sources',
    title: 'Title',
    publisher: 'Publisher',
    published: 'Published',
    url: 'URL',
    imported: 'Imported into the archive',
    sha256Original: 'SHA-256 of the original file',
    sha256Text: 'SHA-256 of the extracted text',
    citedIn: 'Quoted in facts',
    urlWithheld: 'withheld in this copy',
    withheld: 'withheld in this copy',
    note: 'Note',
    factCount: (n) => (n === 1 ? '1 fact' : `${n} facts`),
    page: 'page',
    of: 'of',
    months: EN_MONTHS,
    monthsOfDay: EN_MONTHS,
    formatDate: (y, m, d, l) =>
      m === null ? y : d === null ? `${l.months[m - 1]} ${y}` : `${d} ${l.monthsOfDay[m - 1]} ${y}`,
    redactionNote: 'Names of some people have been replaced by “[redacted]” in this copy.',
    searchableNote:
      'Quotes are copied word for word from their sources: a search for one can find the original article, and the names in it.',
    integrityNote:
      'Each quote is copied character for character from the archived text of its source. The hashes identify the original file and the extracted text exactly: anyone holding the files can check them with sha256sum.',
    integrityNoteWithheld:
      'Each quote is copied character for character from the archived text of its source. The sources’ URLs, publishers, dates and hashes are withheld in this copy.',
    roles: { victim: 'victim', perpetrator: 'perpetrator', witness: 'witness', source: 'source', other: 'other' },
  },
  kk: {
    dossier: 'Іс құжаты',
    factsDossier: 'Таңдалған фактілер құжаты',
    generated: 'Жасалған күні',
    compiledBy: 'Құрастырған',
    confidentialShort: 'Құпия',
    caseId: 'Іс',
    period: 'Кезең',
    sourceCount: (n) => `${n} дереккөз`,
    more: (n) => `тағы ${n}`,
    confidential: 'Құпия: құқықтық және құқық қорғау мақсатына арналған; құрастырушының келісімінсіз жарияламаңыз.',
    contents: 'Мазмұны',
    summary: 'Қысқаша мазмұны',
    noSummary: 'Бұл іске қысқаша мазмұн жазылмаған.',
    entities: 'Адамдар, ұйымдар және жерлер',
    people: 'Адамдар',
    organizations: 'Ұйымдар',
    places: 'Жерлер',
    name: 'Аты',
    aliases: 'Басқа жазылуы',
    mentionedIn: 'Фактілер',
    chronology: 'Хронология',
    date: 'Күні',
    type: 'Түрі',
    quote: 'Дәйексөз (түпнұсқа тілінде)',
    source: 'Дереккөз',
    undated: 'күні белгісіз',
    approximately: 'шамамен',
    sources: 'Дереккөздер',
    title: 'Тақырыбы',
    publisher: 'Басылым',
    published: 'Жарияланған күні',
    url: 'Сілтеме',
    imported: 'Мұрағатқа енгізілген',
    sha256Original: 'Түпнұсқа файлдың SHA-256',
    sha256Text: 'Мәтіннің SHA-256',
    citedIn: 'Дәйексөз алынған фактілер',
    urlWithheld: 'бұл нұсқада көрсетілмейді',
    withheld: 'бұл нұсқада көрсетілмейді',
    note: 'Ескертпе',
    factCount: (n) => `${n} факт`,
    page: 'бет',
    of: '/',
    months: KK_MONTHS,
    monthsOfDay: KK_MONTHS,
    formatDate: (y, m, d, l) =>
      m === null ? `${y} ж.` : d === null ? `${y} ж. ${l.months[m - 1]}` : `${y} ж. ${d} ${l.monthsOfDay[m - 1]}`,
    redactionNote: 'Бұл нұсқада кейбір адамдардың есімдері «[redacted]» деп ауыстырылған.',
    searchableNote:
      'Дәйексөздер дереккөзден сөзбе-сөз алынған: біреуін іздеу түпнұсқа мақаланы және ондағы есімдерді табуы мүмкін.',
    integrityNote:
      'Әр дәйексөз дереккөздің мұрағаттағы мәтінінен әріп-әрпімен көшірілген. Хэштер түпнұсқа файл мен мәтінді дәл анықтайды: файлдары бар кез келген адам оларды sha256sum арқылы тексере алады.',
    integrityNoteWithheld:
      'Әр дәйексөз дереккөздің мұрағаттағы мәтінінен әріп-әрпімен көшірілген. Бұл нұсқада дереккөздердің сілтемелері, басылымдары, күндері мен хэштері көрсетілмейді.',
    roles: { victim: 'жәбірленуші', perpetrator: 'құқық бұзушы', witness: 'куә', source: 'дереккөз', other: 'басқа' },
  },
  ru: {
    dossier: 'Досье по делу',
    factsDossier: 'Досье избранных фактов',
    generated: 'Дата составления',
    compiledBy: 'Составитель',
    confidentialShort: 'Конфиденциально',
    caseId: 'Дело',
    period: 'Период',
    sourceCount: (n) => `источников: ${n}`,
    more: (n) => `и ещё ${n}`,
    confidential: 'Конфиденциально: для правовой и правозащитной работы; не публиковать без согласия составителя.',
    contents: 'Содержание',
    summary: 'Краткое изложение',
    noSummary: 'Краткое изложение для этого дела не написано.',
    entities: 'Люди, организации и места',
    people: 'Люди',
    organizations: 'Организации',
    places: 'Места',
    name: 'Имя',
    aliases: 'Другие написания',
    mentionedIn: 'Факты',
    chronology: 'Хронология',
    date: 'Дата',
    type: 'Тип',
    quote: 'Цитата (на языке оригинала)',
    source: 'Источник',
    undated: 'без даты',
    approximately: 'ок.',
    sources: 'Источники',
    title: 'Заголовок',
    publisher: 'Издание',
    published: 'Опубликовано',
    url: 'Ссылка',
    imported: 'Добавлено в архив',
    sha256Original: 'SHA-256 исходного файла',
    sha256Text: 'SHA-256 извлечённого текста',
    citedIn: 'Цитируется в фактах',
    urlWithheld: 'скрыта в этой копии',
    withheld: 'скрыто в этой копии',
    note: 'Примечание',
    factCount: (n) => `фактов: ${n}`,
    page: 'стр.',
    of: 'из',
    months: RU_MONTHS,
    monthsOfDay: RU_MONTHS_GEN,
    formatDate: (y, m, d, l) =>
      m === null ? `${y} г.` : d === null ? `${l.months[m - 1]} ${y} г.` : `${d} ${l.monthsOfDay[m - 1]} ${y} г.`,
    redactionNote: 'В этой копии имена некоторых людей заменены на «[redacted]».',
    searchableNote:
      'Цитаты скопированы из источников дословно: поиск по одной из них может найти исходную статью и имена в ней.',
    integrityNote:
      'Каждая цитата скопирована буква в букву из архивного текста источника. Хэши точно идентифицируют исходный файл и извлечённый текст: любой, у кого есть файлы, может проверить их с помощью sha256sum.',
    integrityNoteWithheld:
      'Каждая цитата скопирована буква в букву из архивного текста источника. Адреса, издания, даты и хэши источников в этой копии скрыты.',
    roles: {
      victim: 'пострадавший',
      perpetrator: 'нарушитель',
      witness: 'свидетель',
      source: 'источник',
      other: 'другое',
    },
  },
};
