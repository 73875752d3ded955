import { CALENDAR, HONORIFICS } from './lexicon.ts';
import type { EntityKind } from '../types.ts';
import { bare, CAPITALIZED, type Doc, HONORIFIC, IN_ON, NOBLE_STYLE, OF, PLACE, ROLE_HEAD, STARTS_LOWER, STOP, TITLE_WORD, UPPER_LOWER, wordBits } from './words.ts';

/** Titles and roles of people: "French President Marie Dubois", "Ana Ruiz, lead analyst at X". */

export function titleCase(s: string): string {
  return s.replace(/(^|[\s-])(\p{Ll})/gu, (_, sep: string, c: string) => sep + c.toUpperCase());
}

const isRoleHead = (w: string) => (wordBits(w) & ROLE_HEAD) !== 0;

/** A title the tagger put inside the name ("President Dubois" tagged as one PER): split it off. */
export function stripTitle(d: Doc, si: number, from: number, to: number): { from: number; role: string | null } {
  const s = d.sentences[si]!;
  // (the title may open with a party's or a nation's word: "Tory Shadow Chancellor")
  const opener = to - from > 3 && !(d.at(si, from) & TITLE_WORD) && (d.at(si, from + 1) & TITLE_WORD) !== 0;
  let i = opener ? from + 1 : from;
  while (i < to - 1 && (d.at(si, i) & TITLE_WORD || (i > from && d.at(si, i) & OF))) i++;
  // ("Lord", "Sir" and "Dame" stay with the name: "Treasurer Lord Ashcroft")
  while (i > from + 1 && d.at(si, i - 1) & NOBLE_STYLE) i--;
  if (i === from) return { from, role: null };
  const words = s.tokens.slice(from, i).map((t) => t.text);
  const role = words.some(isRoleHead) ? titleCase(s.text.slice(s.tokens[from]!.start, s.tokens[i - 1]!.end)) : null;
  if (opener && !role) return { from, role: null };
  return { from: i, role: role && !HONORIFICS.has(bare(role)) ? role : null };
}

const PERSON_OR_PLACE = new Set<EntityKind>(['PER', 'LOC']);

/**
 * The title right before a name: a run of title words, capitalized words the tagger found in
 * another name ("Surrey captain"), places and demonyms ("US", "Chinese"), and "of"
 * ("Secretary of State"), that contains a head noun; before a capitalized head, any capitalized
 * words and "and" between them ("Work and Pensions Secretary"). Lower-case titles are written
 * title-cased ("first lady" → "First Lady"). `nameAt` gives the kind of name a token is in.
 */
export function roleBefore(d: Doc, si: number, nameStart: number, nameAt: (i: number) => EntityKind | null): string | null {
  const s = d.sentences[si]!;
  const t = s.tokens;
  const at = (i: number) => d.at(si, i);
  let i = nameStart;
  let head = false;
  // Whether every word so far is capitalized, the head included.
  let capitalized = true;
  // Lower-case nouns and adjectives taken on trial ("EU antitrust chief"): they stay only if
  // a title word, a place or a name closes the title on their left.
  let trial = 0;
  while (i > 0) {
    const w = at(i - 1);
    const kind = w & CAPITALIZED ? nameAt(i - 1) : null;
    const titled = head && capitalized;
    const firm =
      w & TITLE_WORD ||
      (w & OF && i < nameStart && i > 1 && at(i - 2) & CAPITALIZED) ||
      (w & CAPITALIZED && (w & PLACE || (kind !== null && kind !== 'PER'))) ||
      // (a capitalized word that opens the sentence, only if the tagger reads it as a name)
      (titled && w & UPPER_LOWER && !(w & STOP) && kind === null && !CALENDAR.test(t[i - 1]!.text) && (i > 1 || /^NNP/.test(t[0]!.pos ?? ''))) ||
      // ("and" between remits, not between two titles, nor after a person or a place: "Lula and
      // Venezuelan President", "in Cardiff and Northern Ireland Minister")
      (titled && t[i - 1]!.text === 'and' && i > 1 && at(i - 2) & UPPER_LOWER && at(i) & UPPER_LOWER && !(at(i) & (ROLE_HEAD | PLACE)) && !PERSON_OR_PLACE.has(nameAt(i - 2)!) && nameAt(i) !== 'LOC');
    if (!(w & (CAPITALIZED | OF)) && t[i - 1]!.text !== 'and') capitalized = false;
    if (firm) {
      if (w & ROLE_HEAD) head = true;
      trial = 0;
    } else if (head && trial < 2 && w & STARTS_LOWER && /^(NN|NNS|JJ)$/.test(t[i - 1]!.pos ?? '')) {
      trial++;
    } else break;
    i--;
  }
  i += trial;
  while (i < nameStart && (at(i) & OF || t[i]!.text === 'and' || (!(at(i) & ROLE_HEAD) && !head))) i++;
  if (!head || i >= nameStart) return null;
  // Drop leading honorifics and a trailing one ("Mr.").
  while (i < nameStart && at(i) & HONORIFIC) i++;
  let end = nameStart;
  while (end > i && at(end - 1) & (HONORIFIC | NOBLE_STYLE)) end--;
  if (end <= i) return null;
  // (kept when it is the only head: "Medical Research Council Professor")
  if (end - 1 > i && ACADEMIC_STYLE.test(t[end - 1]!.text) && t.slice(i, end - 1).some((x) => isRoleHead(x.text))) end--;
  const words = t.slice(i, end).map((x) => x.text);
  if (!words.some(isRoleHead)) return null;
  const text = s.text.slice(t[i]!.start, t[end - 1]!.end);
  return /\p{Lu}/u.test(text) ? text : titleCase(text);
}

/** A doctor's or a professor's style, which ends a role only as the name's ("lead author Dr. Ana Ruiz" is a lead author). */
const ACADEMIC_STYLE = /^(?:Dr|Prof|Professor)\.?$/;

const APPOSITIVE_STOP = new Set(['who', 'which', 'that', 'said', 'says', 'told', 'added', 'while', 'when', 'and', 'but', 'as', 'because', 'after', 'before', 'whose']);
/** A word that begins a clause, in lower case: "WHO" is the agency. */
const isClauseWord = (w: string) => APPOSITIVE_STOP.has(w.endsWith('.') ? w.slice(0, -1) : w);

/**
 * An appositive role after a name: ", lead Europe macro analyst at Fabrikam Securities," or
 * ", the health secretary". Stops at punctuation, a clause word, or "in"/"on" before a
 * place; needs a head noun and no finite verb.
 */
export function roleAfter(d: Doc, si: number, nameEnd: number): string | null {
  const s = d.sentences[si]!;
  const t = s.tokens;
  const at = (i: number) => d.at(si, i);
  if (t[nameEnd]?.text !== ',') return null;
  let i = nameEnd + 1;
  if (/^(the|a|an)$/i.test(t[i]?.text ?? '')) i++;
  const start = i;
  let head = -1;
  while (i < t.length && i - start < 12) {
    const w = t[i]!.text;
    if (/^[,.;:()"“”‘’!?—–-]+$/.test(w) || isClauseWord(w)) break;
    if (at(i) & IN_ON && i + 1 < t.length && at(i + 1) & CAPITALIZED) break;
    // A present-tense verb or modal means a clause, not a role (past-tense tags are left out:
    // the tagger gives VBD to unknown words like "macro").
    if (/^(VBZ|MD|PRP)$/.test(t[i]!.pos ?? '')) return null;
    if (at(i) & ROLE_HEAD) head = i;
    i++;
  }
  // A name right after a lower-case head, with no preposition before it, is the next person
  // of a list ("A, director-general B and C"), not one the role is of ("son of manager B").
  for (let j = start; j < i - 1; j++) {
    if (PREPOSITION.test(t[j]!.text)) break;
    if ((at(j) & (ROLE_HEAD | STARTS_LOWER)) === (ROLE_HEAD | STARTS_LOWER) && (at(j + 1) & (CAPITALIZED | TITLE_WORD | PLACE)) === CAPITALIZED) return null;
  }
  if (head < 0 || i === start || ((at(start) & (CAPITALIZED | TITLE_WORD | PLACE)) === CAPITALIZED && !/^\p{Lu}+$/u.test(t[start]!.text))) return null;
  // The phrase must end at a boundary, not run on into a clause we did not read.
  if (i < t.length && !/^[,.;:)"”’—–-]+$/.test(t[i]!.text) && !isClauseWord(t[i]!.text) && !(at(i) & IN_ON)) return null;
  // Before a report verb, after a name that is an object, it is that verb's subject ("a letter
  // was sent to A, the men's solicitor says"); a name that is the subject has it as its role
  // ("A, economist at B said").
  if (REPORTS.has(t[i]?.text ?? '')) {
    let nameStart = nameEnd;
    while (nameStart > 0 && at(nameStart - 1) & CAPITALIZED) nameStart--;
    if (/^(VB|IN|TO)/.test(t[nameStart - 1]?.pos ?? '')) return null;
  }
  return s.text.slice(t[start]!.start, t[i - 1]!.end);
}

const REPORTS = new Set(['said', 'says', 'told', 'added']);
const DAYS = /^(?:Yesterday|Today|Tomorrow|Tonight)$/;
const PREPOSITION = /^(?:of|at|to|for|with|from|on|in|by)$/;

/**
 * A role set off before the name it describes: "Her lawyer, Sara Lind, argued", "the firm's chief
 * executive, Ana Ruiz, said". The phrase opens the sentence or a clause, ends in a head noun
 * right before the comma, and the name is closed by a comma too. A leading article, pronoun or
 * "But" goes.
 */
export function roleBeforeComma(d: Doc, si: number, nameStart: number, nameEnd: number): string | null {
  const s = d.sentences[si]!;
  const t = s.tokens;
  // (a name's employer may follow it: "Her lawyer, Sara Lind of Lind & Co, said")
  if (nameStart < 2 || t[nameStart - 1]!.text !== ',' || !/^(?:,|of|at|from)$/.test(t[nameEnd]?.text ?? '')) return null;
  const end = nameStart - 1;
  // The head, maybe with its remit: "director of policy", "head of global research".
  let head = end - 1;
  while (head > end - 4 && head > 1 && d.at(si, head) & STARTS_LOWER && /^(NN|NNS|JJ)$/.test(t[head]!.pos ?? '') && !(d.at(si, head) & ROLE_HEAD)) head--;
  if (head === end - 1 || t[head]!.text !== 'of') head = end;
  // or a named remit: "MP for Bristol West", "minister for Europe"
  if (head === end) {
    let k = end - 1;
    while (k > end - 4 && k > 1 && (d.at(si, k) & (CAPITALIZED | STOP)) === CAPITALIZED) k--;
    if (k < end - 1 && /^(?:of|for)$/.test(t[k]!.text)) head = k;
  }
  // (a role written in capitals is a proper noun to the tagger, "MP", and a hyphened one may be an adjective, "secretary-general")
  if (!(d.at(si, head - 1) & ROLE_HEAD) || (!/^NNS?$/.test(t[head - 1]!.pos ?? '') && !/^\p{Lu}+$|-/u.test(t[head - 1]!.text))) return null;
  let i = head - 1;
  const named = (k: number) => (d.at(si, k) & (CAPITALIZED | STOP)) === CAPITALIZED && !DAYS.test(t[k]!.text) && !CALENDAR.test(t[k]!.text);
  // Lower-case modifiers ("home affairs"), then maybe an owner: capitalized words before "'s"
  // ("the Scottish Green Party's"), but no day ("Yesterday Argentina's"); or a party ("Labour MP").
  while (i > 0 && end - i < 6 && d.at(si, i - 1) & STARTS_LOWER && /^(NN|NNS|JJ|VBN)$/.test(t[i - 1]!.pos ?? '')) i--;
  if (i === head - 1) while (i > 0 && head - i < 3 && named(i - 1)) i--;
  if (i > 1 && /^['’]s$/.test(t[i - 1]!.text)) {
    let owner = i - 1;
    while (owner > 0 && named(owner - 1)) owner--;
    // or one common noun ("the firm's")
    if (owner === i - 1 && d.at(si, owner - 1) & STARTS_LOWER && /^NNS?$/.test(t[owner - 1]!.pos ?? '')) owner--;
    if (owner === i - 1) return null;
    i = owner;
  }
  // It opens the sentence or a clause (a quote's attribution too), maybe after an article or a possessive pronoun.
  const before = t[i - 1];
  if (before && (/^(DT|PRP\$)$/.test(before.pos ?? '') || (i === 1 && before.pos === 'CC'))) {
    if (i > 1 && !/^[,;:"”]$/.test(t[i - 2]!.text)) return null;
  } else if (before && !/^[,;:"”]$/.test(before.text)) return null;
  return s.text.slice(t[i]!.start, t[end - 1]!.end);
}
