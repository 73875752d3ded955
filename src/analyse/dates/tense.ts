import type { Token } from '../types.ts';

/** The tense that decides which way an underspecified date ("Friday", "in June") points. */
export type Tense = 'past' | 'present' | 'future' | null;

/** A word with its lower-cased text and Penn tag when a tagger has run. */
export interface Word {
  start: number;
  end: number;
  lower: string;
  pos: string | undefined;
}

const WORD_RE = /[A-Za-z]+(?:['’][A-Za-z]+)*|['’][a-z]+|\d+(?:[.,:/-]\d+)*|--|[;:,"“”()?!—–]/g;

/** Words of a sentence: the tokenizer's tokens when present, else a regex split. */
export function wordsOf(text: string, tokens: readonly Token[]): Word[] {
  if (tokens.length > 0) {
    return tokens.map((t) => ({ start: t.start, end: t.end, lower: t.text.toLowerCase().replace('’', "'"), pos: t.pos }));
  }
  const out: Word[] = [];
  for (const m of text.matchAll(WORD_RE)) {
    out.push({ start: m.index, end: m.index + m[0].length, lower: m[0].toLowerCase().replace('’', "'"), pos: undefined });
  }
  return out;
}

const MODALS = new Set(['will', "'ll", 'shall', 'would', "'d", 'wo', 'could', 'might', 'may', 'can', 'should', 'must', 'ca']);
const FUTURE_CUES = new Set(['expected', 'scheduled', 'due', 'slated', 'planned', 'planning', 'plans', 'plan', 'set', 'upcoming', 'going', 'intends', 'aims', 'poised', 'likely']);
// Adjectives that announce a date to come: "payable Dec. 15", "due Friday".
const FUTURE_ADJ = new Set(['payable', 'due', 'upcoming', 'forthcoming', 'pending', 'next']);
const PRESENT_AUX = new Set(['is', 'are', 'am', 'has', 'have', 'does', 'do', 'says', 'say']);
const PAST_AUX = new Set(['was', 'were', 'had', 'did', 'said']);
// Irregular past forms frequent in news; regular ones are caught by the -ed test.
const IRREGULAR_PAST = new Set(
  ('began became brought built bought came caught chose dealt drew drove ate fell felt fought found fled flew forgot ' +
    'froze gave got grew held hid hit hung kept knew laid led left lent lost made meant met paid put quit ran rang ' +
    'rose saw sold sent set shot shut sang sank sat slid spoke spent split spread stood stole struck swore took ' +
    'taught tore told thought threw understood won wore wrote withdrew overtook undertook upheld sought unveiled ' +
    'struck awoke bore beat bid broke burst cast cost cut forbade forgave let read rode shook shone slept ' +
    'stuck stung swept swam swung wept went wound').split(' '),
);
// Words ending in -ed that are not verbs.
const NOT_ED_VERB = new Set(
  ('need bed red shed seed speed feed weed breed greed deed heed indeed hundred bled sled fled bred wed led fed ' +
    'united limited proceed exceed succeed embed naked wicked sacred rugged ragged kindred hatred wretched').split(' '),
);
const INFINITIVE_BLOCK = new Set(['the', 'a', 'an', 'be']);

type Group = 'past' | 'present' | 'future' | 'verb' | null;

function auxBefore(prev: Word | undefined): Group {
  const x = prev?.lower;
  if (x === undefined) return null;
  if (x === 'to' || MODALS.has(x) || x === 'is' || x === 'are' || x === 'am') return 'future';
  return x === 'was' || x === 'were' ? 'past' : null;
}

/** What a single word says about tense, from its tag when tagged, else from the lexicon. */
function classify(w: Word, prev: Word | undefined, next: Word | undefined): Group {
  const x = w.lower;
  if (MODALS.has(x) || (w.pos === 'MD' && x !== 'could')) return 'future';
  if (x === 'to' && next && prev && (FUTURE_CUES.has(prev.lower) || prev.pos?.startsWith('VB')) && !INFINITIVE_BLOCK.has(next.lower)) {
    return next.pos === undefined || next.pos === 'VB' ? 'future' : null;
  }
  if (FUTURE_CUES.has(x) && next && (next.lower === 'to' || next.lower === 'for')) return 'future';
  if (FUTURE_ADJ.has(x) && !(x === 'due' && next?.lower === 'to')) return 'future';
  if (PAST_AUX.has(x)) return 'past';
  if (PRESENT_AUX.has(x)) return 'present';
  if (w.pos !== undefined) {
    if (w.pos === 'VBD') return 'past';
    if (w.pos === 'VBZ' || w.pos === 'VBP') return 'present';
    if (w.pos === 'VBN') return 'verb';
    // a bare base form or gerund says nothing until an auxiliary ("to", "will", "is") is seen
    if (w.pos === 'VB' || w.pos === 'VBG') return auxBefore(prev);
    return null;
  }
  if (IRREGULAR_PAST.has(x)) return 'past';
  if (x.length > 4 && x.endsWith('ed') && !NOT_ED_VERB.has(x)) return 'verb';
  return null;
}

const BOUNDARY = new Set([';', ':', '"', '“', '”', '(', ')', '?', '!', '--', '—', '–']);
// Words that open a new clause: a verb further left belongs to another one.
const CLAUSE_OPENERS = new Set(['but', 'while', 'when', 'because', 'although', 'though', 'whereas', 'unless', 'if', 'that', 'which', 'who', 'where']);
const REACH = 12;

/**
 * The tense of the verb group nearest to the span [start, end): first looking left within the clause
 * (the verb that governs a following adverbial, "said on Friday"), then right ("On Friday the board
 * will vote", "but in March a judge ruled"). A modal or "to"-infinitive makes a group future, a
 * perfect or past form past.
 */
export function tenseAt(words: readonly Word[], start: number, end: number): Tense {
  let before = -1;
  let after = words.length;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w.end <= start) before = i;
    else if (w.start >= end) { after = i; break; }
  }
  let back: Tense | undefined;
  let backDist = Infinity;
  for (let i = before, n = 0; i >= 0 && n < REACH; i--, n++) {
    const w = words[i]!;
    if (BOUNDARY.has(w.lower) || CLAUSE_OPENERS.has(w.lower) || (w.lower === ',' && words[i + 1]?.lower === 'and')) break;
    const c = classify(w, words[i - 1], words[i + 1]);
    if (c) { back = groupTense(words, i, c); backDist = n; break; }
  }
  for (let i = after, n = 0; i < words.length && n < REACH && n + 1 < backDist; i++, n++) {
    const w = words[i]!;
    if (BOUNDARY.has(w.lower)) break;
    const c = classify(w, words[i - 1], words[i + 1]);
    if (c) return groupTense(words, i, c);
  }
  return back ?? null;
}

const FILLERS = new Set(['not', "n't", 'also', 'still', 'already', 'just', 'be', 'been', 'being', 'have', "'ve", 'has', 'had', 'to', 'then', 'now', 'soon', 'again', 'never']);

/** Tense of the verb group ending at word i: auxiliaries precede the verb in English, so look left. */
function groupTense(words: readonly Word[], i: number, own: Group): Tense {
  if (own === 'future') {
    const nx = words[i + 1]?.lower;
    // "would have", "could have" + participle talk about the past
    return nx === 'have' || nx === "'ve" ? 'past' : 'future';
  }
  let past = own === 'past';
  let present = own === 'present';
  let perfect = false;
  for (let j = i - 1; j >= 0 && j >= i - 4; j--) {
    const w = words[j]!;
    if (w.lower === 'has' || w.lower === 'have' || w.lower === "'ve") perfect = true;
    const c = classify(w, words[j - 1], words[j + 1]);
    if (c === 'future') {
      const nx = words[j + 1]?.lower;
      return nx === 'have' || nx === "'ve" ? 'past' : 'future';
    }
    if (c === 'past') past = true;
    else if (c === 'present') present = true;
    else if (!FILLERS.has(w.lower) && !w.lower.endsWith('ly')) break;
  }
  if (past) return 'past';
  if (own === 'verb') {
    if (perfect || !present) return 'past'; // a bare participle ("the bill passed Friday") reads as past in news
    // "is meeting Friday" is a plan; "is held Friday" a present passive
    return words[i]!.pos === 'VBG' || words[i]!.lower.endsWith('ing') ? 'future' : 'present';
  }
  return present ? 'present' : null;
}
