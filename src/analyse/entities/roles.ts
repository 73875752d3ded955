import { countryKey, gazetteer } from '../ner/gazetteer.ts';
import type { Sentence } from '../types.ts';
import { HONORIFICS, ROLE_HEADS, ROLE_MODIFIERS } from './lexicon.ts';

/** Titles and roles of people: "US President Donald Trump", "Neo Wang, lead analyst at X". */

export function titleCase(s: string): string {
  return s.replace(/(^|[\s-])(\p{Ll})/gu, (_, sep: string, c: string) => sep + c.toUpperCase());
}

/** Lower case without an abbreviation's period: "Prof." is "prof". */
const lower = (s: string) => s.toLowerCase().replace(/\.$/, '');
/** Styles that go with the name rather than the role ("NAO head" + "Sir John Bourn"). */
const NOBLE = new Set(['sir', 'dame', 'lord']);
const isCap = (s: string) => /^\p{Lu}/u.test(s);
export const isTitleWord = (w: string) => ROLE_HEADS.has(lower(w)) || ROLE_MODIFIERS.has(lower(w)) || HONORIFICS.has(lower(w));

function isPlaceWord(w: string): boolean {
  return gazetteer().countryByName.has(countryKey(w));
}

/** A title the tagger put inside the name ("President Xi" tagged as one PER): split it off. */
export function stripTitle(s: Sentence, from: number, to: number): { from: number; role: string | null } {
  let i = from;
  while (i < to - 1 && (isTitleWord(s.tokens[i]!.text) || (i > from && lower(s.tokens[i]!.text) === 'of'))) i++;
  if (i === from) return { from, role: null };
  const words = s.tokens.slice(from, i).map((t) => t.text);
  const role = words.some((w) => ROLE_HEADS.has(lower(w))) ? titleCase(s.text.slice(s.tokens[from]!.start, s.tokens[i - 1]!.end)) : null;
  return { from: i, role: role && !HONORIFICS.has(lower(role)) ? role : null };
}

/**
 * The title right before a name: a run of title words, capitalized words the tagger found in
 * another name ("Surrey captain"), places and demonyms ("US", "Chinese"), and "of"
 * ("Secretary of State"), that contains a head noun. Lower-case titles are written
 * title-cased ("first lady" → "First Lady").
 */
export function roleBefore(s: Sentence, nameStart: number, inOtherName: (i: number) => boolean): string | null {
  const t = s.tokens;
  let i = nameStart;
  let head = false;
  // Lower-case nouns and adjectives taken on trial ("EU antitrust chief"): they stay only if
  // a title word, a place or a name closes the title on their left.
  let trial = 0;
  while (i > 0) {
    const w = t[i - 1]!.text;
    const firm =
      isTitleWord(w) ||
      (lower(w) === 'of' && i < nameStart && i > 1 && isCap(t[i - 2]!.text)) ||
      (isCap(w) && (inOtherName(i - 1) || isPlaceWord(w)));
    if (firm) {
      if (ROLE_HEADS.has(lower(w))) head = true;
      trial = 0;
    } else if (head && trial < 2 && /^\p{Ll}/u.test(w) && /^(NN|NNS|JJ)$/.test(t[i - 1]!.pos ?? '')) {
      trial++;
    } else break;
    i--;
  }
  i += trial;
  while (i < nameStart && (lower(t[i]!.text) === 'of' || !ROLE_HEADS.has(lower(t[i]!.text)) && !head)) i++;
  if (!head || i >= nameStart) return null;
  // Drop leading honorifics and a trailing one ("Mr.").
  while (i < nameStart && HONORIFICS.has(lower(t[i]!.text))) i++;
  let end = nameStart;
  while (end > i && (HONORIFICS.has(lower(t[end - 1]!.text)) || NOBLE.has(lower(t[end - 1]!.text)))) end--;
  if (end <= i) return null;
  const words = t.slice(i, end).map((x) => x.text);
  if (!words.some((w) => ROLE_HEADS.has(lower(w)))) return null;
  const text = s.text.slice(t[i]!.start, t[end - 1]!.end);
  return /\p{Lu}/u.test(text) ? text : titleCase(text);
}

const APPOSITIVE_STOP = new Set(['who', 'which', 'that', 'said', 'says', 'told', 'added', 'while', 'when', 'and', 'but', 'as', 'because', 'after', 'before', 'whose']);

/**
 * An appositive role after a name: ", lead China macro analyst at Evercore ISI," or
 * ", the Treasury secretary". Stops at punctuation, a clause word, or "in"/"on" before a
 * place; needs a head noun and no finite verb.
 */
export function roleAfter(s: Sentence, nameEnd: number): string | null {
  const t = s.tokens;
  if (t[nameEnd]?.text !== ',') return null;
  let i = nameEnd + 1;
  if (/^(the|a|an)$/i.test(t[i]?.text ?? '')) i++;
  const start = i;
  let head = false;
  while (i < t.length && i - start < 12) {
    const w = t[i]!.text;
    if (/^[,.;:()"“”‘’!?—–-]+$/.test(w) || APPOSITIVE_STOP.has(lower(w))) break;
    if ((lower(w) === 'in' || lower(w) === 'on') && isCap(t[i + 1]?.text ?? '')) break;
    // A present-tense verb or modal means a clause, not a role (past-tense tags are left out:
    // the tagger gives VBD to unknown words like "macro").
    if (/^(VBZ|MD|PRP)$/.test(t[i]!.pos ?? '')) return null;
    if (ROLE_HEADS.has(lower(w))) head = true;
    i++;
  }
  if (!head || i === start || isCap(t[start]!.text) && !isTitleWord(t[start]!.text) && !isPlaceWord(t[start]!.text) && !/^\p{Lu}+$/u.test(t[start]!.text)) return null;
  // The phrase must end at a boundary, not run on into a clause we did not read.
  if (i < t.length && !/^[,.;:)"”’—–-]+$/.test(t[i]!.text) && !APPOSITIVE_STOP.has(lower(t[i]!.text)) && !['in', 'on'].includes(lower(t[i]!.text))) return null;
  return s.text.slice(t[start]!.start, t[i - 1]!.end);
}
