/**
 * Letters that look alike across Latin, Cyrillic and Greek (Unicode's confusables, the ones a name can be
 * typed or pasted with: "Жeксебаев" with a Latin e). A word is read in its majority script; its stray
 * look-alike letters are mapped into that script. One character to one, so positions stay put.
 */
const PAIRS = 'aа bв cс eе hһ iі jј kк mм oо pр sѕ tт xх yу AА BВ CС EЕ HН IІ JЈ KК MМ OО PР SЅ TТ XХ YУ qԛ wԝ QԚ WԜ';
/** Greek letters and what they pass for in a Latin word, and in a Cyrillic one. */
const GREEK_LATIN = 'αa βb εe ιi κk νv οo ρp τt υu χx ΑA ΒB ΕE ΗH ΙI ΚK ΜM ΝN ΟO ΡP ΤT ΥY ΧX ΖZ';
const GREEK_CYRILLIC = 'αа βв εе ιі κк οо ρр τт υу χх ΑА ΒВ ΕЕ ΗН ΙІ ΚК ΜМ ΟО ΡР ΤТ ΥУ ΧХ';

const TO_CYRILLIC = new Map<string, string>();
const TO_LATIN = new Map<string, string>();
const pairs = (list: string) => list.split(' ').map((pair) => [...pair] as [string, string]);
for (const [lat, cyr] of pairs(PAIRS)) {
  if (!TO_CYRILLIC.has(lat)) TO_CYRILLIC.set(lat, cyr);
  if (!TO_LATIN.has(cyr)) TO_LATIN.set(cyr, lat);
}
for (const [greek, lat] of pairs(GREEK_LATIN)) TO_LATIN.set(greek, lat);
for (const [greek, cyr] of pairs(GREEK_CYRILLIC)) TO_CYRILLIC.set(greek, cyr);

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
