import { countryKey, gazetteer } from '../ner/gazetteer.ts';
import type { Sentence } from '../types.ts';
import { HONORIFICS, ROLE_HEADS, ROLE_MODIFIERS } from './lexicon.ts';
import { memoBits } from './words.ts';

/** Titles and roles of people: "US President Donald Trump", "Neo Wang, lead analyst at X". */

export function titleCase(s: string): string {
  return s.replace(/(^|[\s-])(\p{Ll})/gu, (_, sep: string, c: string) => sep + c.toUpperCase());
}

/** Lower case without an abbreviation's period: "Prof." is "prof". */
const lower = (s: string) => s.toLowerCase().replace(/\.$/, '');
/** Styles that go with the name rather than the role ("NAO head" + "Sir John Bourn"). */
const NOBLE = new Set(['sir', 'dame', 'lord']);

/** What the role rules ask of a word, as bits (see `roleBits`). */
const TITLE_WORD = 1;
const ROLE_HEAD = 2;
const HONORIFIC = 4;
const NOBLE_STYLE = 8;
const OF = 16;
const CAPITALIZED = 32;
const STARTS_LOWER = 64;
/** A country's name, code or demonym ("US", "Chinese"). */
const PLACE = 128;
const IN_ON = 256;

const roleBits = memoBits((w) => {
  const l = lower(w);
  let b = 0;
  if (ROLE_HEADS.has(l)) b |= ROLE_HEAD | TITLE_WORD;
  if (ROLE_MODIFIERS.has(l)) b |= TITLE_WORD;
  if (HONORIFICS.has(l)) b |= HONORIFIC | TITLE_WORD;
  if (NOBLE.has(l)) b |= NOBLE_STYLE;
  if (l === 'of') b |= OF;
  if (l === 'in' || l === 'on') b |= IN_ON;
  if (/^\p{Lu}/u.test(w)) b |= CAPITALIZED;
  if (/^\p{Ll}/u.test(w)) b |= STARTS_LOWER;
  if (gazetteer().countryByName.has(countryKey(w))) b |= PLACE;
  return b;
});

const isCap = (s: string) => (roleBits(s) & CAPITALIZED) !== 0;
export const isTitleWord = (w: string) => (roleBits(w) & TITLE_WORD) !== 0;
const isRoleHead = (w: string) => (roleBits(w) & ROLE_HEAD) !== 0;
const isHonorific = (w: string) => (roleBits(w) & HONORIFIC) !== 0;
const isOf = (w: string) => (roleBits(w) & OF) !== 0;
const isPlaceWord = (w: string) => (roleBits(w) & PLACE) !== 0;

/** A title the tagger put inside the name ("President Xi" tagged as one PER): split it off. */
export function stripTitle(s: Sentence, from: number, to: number): { from: number; role: string | null } {
  let i = from;
  while (i < to - 1 && (isTitleWord(s.tokens[i]!.text) || (i > from && isOf(s.tokens[i]!.text)))) i++;
  if (i === from) return { from, role: null };
  const words = s.tokens.slice(from, i).map((t) => t.text);
  const role = words.some(isRoleHead) ? titleCase(s.text.slice(s.tokens[from]!.start, s.tokens[i - 1]!.end)) : null;
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
      (isOf(w) && i < nameStart && i > 1 && isCap(t[i - 2]!.text)) ||
      (isCap(w) && (inOtherName(i - 1) || isPlaceWord(w)));
    if (firm) {
      if (isRoleHead(w)) head = true;
      trial = 0;
    } else if (head && trial < 2 && roleBits(w) & STARTS_LOWER && /^(NN|NNS|JJ)$/.test(t[i - 1]!.pos ?? '')) {
      trial++;
    } else break;
    i--;
  }
  i += trial;
  while (i < nameStart && (isOf(t[i]!.text) || (!isRoleHead(t[i]!.text) && !head))) i++;
  if (!head || i >= nameStart) return null;
  // Drop leading honorifics and a trailing one ("Mr.").
  while (i < nameStart && isHonorific(t[i]!.text)) i++;
  let end = nameStart;
  while (end > i && roleBits(t[end - 1]!.text) & (HONORIFIC | NOBLE_STYLE)) end--;
  if (end <= i) return null;
  const words = t.slice(i, end).map((x) => x.text);
  if (!words.some(isRoleHead)) return null;
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
    if (roleBits(w) & IN_ON && isCap(t[i + 1]?.text ?? '')) break;
    // A present-tense verb or modal means a clause, not a role (past-tense tags are left out:
    // the tagger gives VBD to unknown words like "macro").
    if (/^(VBZ|MD|PRP)$/.test(t[i]!.pos ?? '')) return null;
    if (isRoleHead(w)) head = true;
    i++;
  }
  if (!head || i === start || isCap(t[start]!.text) && !isTitleWord(t[start]!.text) && !isPlaceWord(t[start]!.text) && !/^\p{Lu}+$/u.test(t[start]!.text)) return null;
  // The phrase must end at a boundary, not run on into a clause we did not read.
  if (i < t.length && !/^[,.;:)"”’—–-]+$/.test(t[i]!.text) && !APPOSITIVE_STOP.has(lower(t[i]!.text)) && !(roleBits(t[i]!.text) & IN_ON)) return null;
  return s.text.slice(t[start]!.start, t[i - 1]!.end);
}
