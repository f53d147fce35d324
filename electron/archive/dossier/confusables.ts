/**
 * Letters that look alike across Latin, Cyrillic and Greek (Unicode's confusables, the ones a name can be
 * typed or pasted with: "Жeксебаев" with a Latin e). A word is read in its majority script; its stray
 * look-alike letters are mapped into that script. One character to one, so positions stay put.
 */
const PAIRS = 'aа bв cс eе hһ iі jј kк mм oо pр sѕ tт xх yу AА BВ CС EЕ HН IІ JЈ KК MМ OО PР SЅ TТ XХ YУ qԛ wԝ QԚ WԜ';
const GREEK = 'αа βв εе ηн ιі κк μм νv οо ρр τт υу χх ΑА ΒВ ΕЕ ΗН ΙІ ΚК ΜМ ΝН ΟО ΡР ΤТ ΥУ ΧХ ΖZ';

const TO_CYRILLIC = new Map<string, string>();
const TO_LATIN = new Map<string, string>();
for (const pair of PAIRS.split(' ')) {
  const [lat, cyr] = [...pair] as [string, string];
  if (!TO_CYRILLIC.has(lat)) TO_CYRILLIC.set(lat, cyr);
  if (!TO_LATIN.has(cyr)) TO_LATIN.set(cyr, lat);
}
for (const pair of GREEK.split(' ')) {
  const [greek, cyr] = [...pair] as [string, string];
  const cyrillic = /\p{Script=Cyrillic}/u.test(cyr);
  TO_CYRILLIC.set(greek, cyrillic ? cyr : greek);
  TO_LATIN.set(greek, cyrillic ? (TO_LATIN.get(cyr) ?? cyr) : cyr);
}

const CYRILLIC = /\p{Script=Cyrillic}/u;
const LATIN = /\p{Script=Latin}/u;

/** `word` (letters only) with its look-alike letters mapped into the script most of its letters are in. */
export function oneScript(word: string): string {
  let cyr = 0;
  let lat = 0;
  for (const ch of word) {
    if (CYRILLIC.test(ch)) cyr++;
    else if (LATIN.test(ch)) lat++;
  }
  if (cyr === 0 && lat === 0) return word;
  const map = cyr >= lat ? TO_CYRILLIC : TO_LATIN;
  let out = '';
  for (const ch of word) out += map.get(ch) ?? ch;
  return out;
}
