/**
 * Abbreviations whose final period belongs to the word. Shared by the tokenizer (keep the
 * period inside the token, as the Penn Treebank does) and the sentence splitter.
 */

/** Titles and other abbreviations that always precede more of the same sentence ("Dr. Smith"). */
export const NEVER_FINAL = new Set([
  'mr', 'mrs', 'ms', 'messrs', 'dr', 'prof', 'gen', 'sen', 'rep', 'gov', 'lt', 'col', 'sgt',
  'capt', 'cmdr', 'adm', 'maj', 'cpl', 'pvt', 'rev', 'hon', 'pres', 'supt', 'insp', 'det',
  'st', 'mt', 'ft', 'no', 'nos', 'vs', 'v', 'cf', 'e.g', 'i.e', 'approx', 'fig', 'vol', 'pp',
  'ave', 'blvd', 'rd', 'gov', 'atty', 'amb', 'sens', 'reps',
]);

/** Abbreviations that may also end a sentence ("... shares of Fabrikam Corp. In May ..."). */
export const MAYBE_FINAL = new Set([
  'inc', 'corp', 'co', 'ltd', 'llc', 'plc', 'bhd', 'pty', 'jr', 'sr', 'bros', 'dept', 'univ',
  'assn', 'est', 'etc', 'al', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept',
  'oct', 'nov', 'dec', 'mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun',
  'ala', 'ariz', 'ark', 'calif', 'colo', 'conn', 'del', 'fla', 'ga', 'ill', 'ind', 'kan', 'ky',
  'la', 'md', 'mass', 'mich', 'minn', 'miss', 'mo', 'mont', 'neb', 'nev', 'okla', 'ore', 'pa',
  'tenn', 'tex', 'va', 'vt', 'wash', 'wis', 'wyo', 'min', 'max', 'govt', 'intl', 'natl', 'mfg',
]);

/** Is `word` (without its final period) an abbreviation that keeps the period? */
export function isAbbreviation(word: string): boolean {
  const w = word.toLowerCase();
  if (NEVER_FINAL.has(w) || MAYBE_FINAL.has(w)) return true;
  // Initials and dotted acronyms: "J", "U.S", "a.m", "D.C".
  return /^(?:\p{L}\.)*\p{L}$/u.test(word) && (word.length > 1 || /\p{Lu}/u.test(word));
}
