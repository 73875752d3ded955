/**
 * Issues: what an article is about. Noun phrases are weighed by how often they come, how rare
 * their words are in general English, and whether the title, first paragraph or a heading names
 * them; entities count when the article discusses them rather than has them act. Variants merge:
 * plurals and hyphenation, WordNet kin ("fees"/"tolls", "water restrictions"/"water limits"), and compounds
 * with the term they extend ("fuel cell cars"/"fuel cell buses"). A user taxonomy can merge, rename and drop issues.
 */
import { slugify } from '../../pipeline/slug.ts';
import { indexNames, type NameHit } from '../quotes/names.ts';
import type { Entity, Issue, Sentence, Token } from '../types.ts';
import { isFiniteVerb } from '../text/pos.ts';
import { NUMBER_WORD } from '../figures/index.ts';
import { generality, rarity, singular } from './lexicon.ts';
import { isNoun, mainKind, adjectiveKind, isBroadClass, isVerb, isGathering, isOccasion, isSocialBody, kinProfile, kinship, Reach, secondWords, type KinProfile, type Kinship } from './wordnet.ts';

/** What the user says about an issue, keyed by a name or variant as found in text ("energy", "fees"). */
export interface TaxonomyEntry {
  /** The issue's display name; defaults to the key. */
  name?: string;
  /** Variants merged into this issue. */
  aliases?: string[];
  /** Never report this issue. */
  drop?: boolean;
}

export type Taxonomy = Record<string, TaxonomyEntry>;

type Position = 'title' | 'lead' | 'heading' | 'body';
const POSITIONS: Position[] = ['title', 'lead', 'heading', 'body'];
const bit = (p: Position): number => 1 << POSITIONS.indexOf(p);

interface Candidate {
  key: string;
  score: number;
  /** Occurrences that credited this key, a compound's parts counting for PART_CREDIT. */
  count: number;
  /** Compound keys that credited this one as their head or first part. */
  parents: Set<string>;
  /** What is known of its key, once asked. */
  facts: KeyFacts | null;
  /** Bit set of the Positions it was found in. */
  positions: number;
  /** The words as written and how often, and the indices of the sentences it is in, ascending: filled in for entities and for the phrases of issues. */
  surfaces: Map<string, number>;
  sentences: number[];
  /** The sentences that speak of it, not merely of what for or by what means ("by email"). */
  topical: number[];
  /** The name it goes by, when not the words of the text ("X-Y war"). */
  title: string | null;
  /** Whether it is a phrase of an issue. */
  member: boolean;
  /** Of its mentions as written, those of one particular thing ("the law", "a system", "the BBC show"): filled in for the phrases of issues. */
  particular: number;
  entity: Entity | null;
}

// The title and first paragraph say what the story is about; headings what its parts are about.
const BOOST: Record<Position, number> = { title: 1, lead: 0.5, heading: 0.25, body: 0 };
const HUB = 0.1;
// A compound credits its head and first part at this share ("price war" → "price", "war").
const PART_CREDIT = 0.5;
const MAX_PHRASE = 4;
// Below this specificity a noun is one every kind of story uses.
const GENERIC = 0.5;
// An issue comes back: a term in one sentence, even the title, is a detail.
const MIN_SENTENCES = 2;
// Below this specificity a word is common in general English, and an issue of such words needs this many sentences.
const SPECIFIC = 0.8;
const COMMON_SENTENCES = 3;
// The best candidates lead issues; others only join them as variants.
const LEADERS = 15;
// A leader is met more than once, or once and again as part of a compound.
const LEAD_COUNT = 1.5;
const MAX_ISSUES = 10;
const MIN_ISSUES = 5;
// Issues scoring under this share of the best one are left out once MIN_ISSUES are in.
const RELATIVE_FLOOR = 0.2;
// Bare nouns must be close in their main senses; a shared modifier ("water restrictions"/"water
// limits") already narrows the meaning, so less frequent senses may meet.
const BARE: Kinship = { senses: 3, depth: 3, anySense: false };
const SHARED_MODIFIER: Kinship = { senses: 6, depth: 3, anySense: true };
// A body of people this general in edited English is who acts in the news ("company", "council"), not
// what it is about; a particular one comes in bursts when it is the story ("school", "court").
const BODY_GENERALITY = 0.3;
// Containers and vague abstractions the data does not mark: on their own they say where or how, not what.
const HOLLOW = new Set(['network', 'service', 'state', 'unit', 'trend', 'run', 'post', 'side', 'move', 'way']);
// The news genre's records of what a source said, which WordNet files as signals, data or writing
// ("readout", "transcript"), not as messages: the occasion of the news, as a statement is.
const ACCOUNTS = new Set(['readout', 'statement', 'communique', 'transcript', 'briefing', 'memo', 'memorandum', 'bulletin', 'dispatch']);
// Entities are topics when at least this share of their uses are as the thing discussed.
const MIN_TOPICALITY = 0.5;

const NOUN = /^NNS?$/;
// Tags before a gerund that is a noun ("water rationing", "the rationing"), and after a plural read as a verb.
const AFTER_GERUND = new Set(['NN', 'NNS', 'JJ', 'DT', 'PRP$']);
const BEFORE_PLURAL = new Set(['IN', 'MD', 'TO', 'CC', ',', '.']);
// Words tagged IN that open a clause, as after a verb ("the poll comes as ...", "the firm says that ..."); a
// verb is also what an infinitive follows ("the virus tries to spread").
const SUBORDINATOR = /^(?:as|that|if|because|after|before|since|while|than|like|though|although|unless|until|whether)$/i;
/** Most words of a title before a name ("Deputy Prime Minister"). */
const TITLE_WORDS = 4;
// What starts a gerund's object ("planning a sale", "buying $10m of shares"): then it is a verb.
const OBJECT_START = new Set(['DT', 'CD', '$', 'PRP', 'PRP$']);
// What may follow a headline's verb ("Strike Halts Shipments", "Court Rejects the Claim").
const HEADLINE_OBJECT = new Set(['NN', 'NNS', 'NNP', 'NNPS', 'DT', 'CD', 'JJ', 'PRP$', '$']);
const capitalised = (text: string): boolean => {
  const c = text.charCodeAt(0);
  return (c >= 65 && c <= 90) || (c > 127 && /^\p{Lu}/u.test(text));
};
// Prepositions after which a name is what is talked about, or where something happens.
const ABOUT = /^(?:on|over|about|regarding|toward|towards|against|concerning|of|into)$/i;
const WHERE = /^(?:in|at|from|to|near|across|within|throughout|inside|outside|by|with)$/i;
const COPULA = /^(?:is|are|was|were|be|been|remains?|remained|becomes?|became)$/i;
const BEFORE_NAME = /^(?:DT|PRP\$|JJ)$/;
const ADJUNCT = /^(?:for|by|via)$/i;

const normalized = new Map<string, string>();

/** The form variants share: lower case, hyphens as spaces, last word singular. */
export function normalize(phrase: string): string {
  let found = normalized.get(phrase);
  if (found === undefined) {
    const words = phrase.toLowerCase().split(/[\s-]+/).filter(Boolean);
    if (words.length) words.push(singular(words.pop()!));
    normalized.set(phrase, (found = words.join(' ')));
  }
  return found;
}

function positionOf(sentence: Sentence, lead: number): Position {
  if (sentence.kind === 'title' || sentence.kind === 'heading') return sentence.kind;
  return sentence.block === lead ? 'lead' : 'body';
}

/** Repetition counts, but less and less: a name in every sentence must not drown every other topic. */
const damped = (count: number): number => (count > 1 ? 1 + Math.log(count) : count);

const specificities = new Map<string, number>();

/**
 * How specific a noun is, 0 to 1: the opposite of its generality in edited English; a noun too
 * rare for that table is specific, the less so the commoner it is in everyday speech ("internet").
 */
function wordSpecificity(lemma: string): number {
  let found = specificities.get(lemma);
  if (found === undefined) {
    const g = generality(lemma);
    specificities.set(lemma, (found = g > 0 ? 1 - g : (1 + rarity(lemma)) / 2));
  }
  return found;
}

/** How specific a key is: its most specific word's measure, longer phrases a little more. */
function specificity(key: string): number {
  if (!key.includes(' ')) return wordSpecificity(key);
  const words = key.split(' ');
  let best = 0;
  for (const w of words) best = Math.max(best, wordSpecificity(w));
  return best * (1 + 0.1 * (words.length - 1));
}

/** What is known of a candidate's key ("water restriction"), worked out when first asked and kept across articles. */
interface KeyFacts {
  key: string;
  /** The words before the head ("water"), or ''. */
  modifier: string;
  /** specificity(key), or -1 until asked. */
  specificity: number;
  kin: Kin | undefined;
  /** Whether it makes an issue on its own, once asked. */
  alone: boolean | undefined;
}

const keyFacts = new Map<string, KeyFacts>();

/** The words of a key before its head ("water" of "water restriction"), or ''. */
const modifierOf = (key: string): string => key.slice(0, Math.max(0, key.lastIndexOf(' ')));

function factsOf(key: string): KeyFacts {
  let found = keyFacts.get(key);
  if (!found) keyFacts.set(key, (found = { key, modifier: modifierOf(key), specificity: -1, kin: undefined, alone: undefined }));
  return found;
}

const specificityIn = (f: KeyFacts): number => (f.specificity < 0 ? (f.specificity = specificity(f.key)) : f.specificity);

/** A word every kind of story uses ("progress", "issue", "matter"): part of a topic's name at most, never a topic. */
const isGeneric = (key: string): boolean => specificityIn(factsOf(key)) < GENERIC;

/**
 * Whether a key makes an issue on its own: a compound does ("government debt", "network security"), a
 * lone noun unless it names who acts or what holds the news ("the company", "the network", "a move").
 */
const standsAlone = (f: KeyFacts): boolean =>
  (f.alone ??= f.key.includes(' ') || !(HOLLOW.has(f.key) || (generality(f.key) >= BODY_GENERALITY && isSocialBody(f.key))));

/**
 * Whether a key is a lone noun for the occasion of the news rather than its subject ("the summit",
 * "a bid", "the statement", "the readout"): it may lead the compounds it stands for ("takeover bid") but names no issue.
 */
const isOccasional = (c: Candidate): boolean => !c.entity && !c.key.includes(' ') && (ACCOUNTS.has(c.key) || isOccasion(c.key));

// What may stand between an article and a lone noun: words outside its phrase ("the new harbour law", "the Windows system").
const BETWEEN = /^(?:JJ|JJR|JJS|RB|VBN|VBG|CD|NN|NNS|NNP|NNPS)$/;
const PARTICULAR = /^(?:the|this|that|a|an)$/i;

/**
 * Whether the singular noun at `start` speaks of one particular thing, after an article or "this"
 * ("the law", "a system", "the BBC show"); a name or possessive alone may qualify a mass ("German
 * growth", "Russia's oil").
 */
function isParticular(tokens: Token[], start: number): boolean {
  let k = firstFrom(tokens, start);
  if (tokens[k]?.pos === 'NNS' || tokens[k]?.pos === 'NNPS') return false;
  for (k--; k >= 0 && BETWEEN.test(tokens[k]!.pos ?? ''); k--);
  return k >= 0 && PARTICULAR.test(tokens[k]!.text);
}

/**
 * Whether a lone noun of a broad class is only ever said of one particular thing ("the law", "the
 * show", "a system"): the article names or describes which elsewhere, and the word alone leaves it unsaid.
 */
function isVague(c: Candidate): boolean {
  if (c.entity || c.key.includes(' ') || c.particular === 0) return false;
  let whole = 0;
  for (const n of c.surfaces.values()) whole += n;
  return c.particular === whole && isBroadClass(c.key);
}

const factsOfCandidate = (c: Candidate): KeyFacts => (c.facts ??= factsOf(c.key));
const specificityOf = (c: Candidate): number => specificityIn(factsOfCandidate(c));

const NO_PARENTS: ReadonlySet<string> = new Set();

function scoreOf(c: Candidate, share = 1): number {
  let boost = 1;
  for (let i = 0; i < POSITIONS.length; i++) if (c.positions & (1 << i)) boost += BOOST[POSITIONS[i]!];
  // A term many compounds build on is a hub of the story ("water" of "water rationing", "water supply").
  boost += HUB * c.parents.size;
  return damped(c.count) * share * specificityOf(c) * boost;
}

/** The sentences a group of candidates is in (or speaks of them in), ascending, each once. */
function sentencesOf(members: Candidate[], which: 'sentences' | 'topical' = 'sentences'): number[] {
  if (members.length === 1) return members[0]![which];
  const all = members.flatMap((m) => m[which]).sort((a, b) => a - b);
  return all.filter((index, i) => i === 0 || all[i - 1] !== index);
}

/**
 * Whether an issue is only common words, spoken of in fewer than COMMON_SENTENCES sentences: a
 * rare word ("tolls") twice is a topic, a common one ("matters", "discussion") must come back
 * more often, and not as a bare noun of purpose or means ("for discussion", "by email").
 */
const fleeting = (members: Candidate[]): boolean =>
  members.every((m) => !m.entity && specificityOf(m) < SPECIFIC) && sentencesOf(members, 'topical').length < COMMON_SENTENCES;

/** What is known of a token's text, worked out once per distinct text and kept across articles. */
interface Word {
  lower: string;
  /** Letters, with hyphens and apostrophes inside, as a topic's words are. */
  letters: boolean;
  capital: boolean;
  /** A noun WordNet knows. */
  noun: boolean;
  /** The last hyphen part ("border" of "cross-border"), and whether WordNet knows it as a noun. */
  last: string;
  lastNoun: boolean;
  /** As a phrase's key has it: lower case, hyphens as spaces; and its part before the last hyphen ("cross " of "cross-border"). */
  spaced: string;
  lead: string;
  // The rest is worked out when first asked (undefined until then): most words never are.
  /** Has a noun reading: WordNet knows it or its singular, or it is too new for the word list ("vlogger"). */
  nominal: boolean | undefined;
  /** The head lemma when tagged plural: the last part singular; and whether WordNet knows it as a noun. */
  plural: string | undefined;
  pluralNoun: boolean | undefined;
  /** Whether each lemma can head a topic: a noun WordNet knows or a word too new for the word list, and no person or time. */
  topical: boolean | undefined;
  pluralTopical: boolean | undefined;
  /** The adjective it can be: a relational one ("economic", "nuclear") belongs in a topic's name as a descriptive one does not. */
  adjective: 'relational' | 'descriptive' | null | undefined;
  /** A verb in the third person ("halts", "rejects"). */
  verbS: boolean | undefined;
  /** Its lemmas' facts as a phrase's head. */
  facts: KeyFacts | undefined;
  pluralFacts: KeyFacts | undefined;
  /** A noun of armed conflict ("war"). */
  conflict: boolean;
  /** The words it makes a two-word noun with ("estate" of "real"). */
  compounds: ReadonlySet<string> | undefined;
}

// A dictionary object: its property look-up interns the token text, quicker than a Map's for strings met once each.
const words: Record<string, Word> = Object.create(null);

function isLetters(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const letter = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c > 127 && c !== 0x2019 && /\p{L}/u.test(text[i]!));
    if (!letter && (i === 0 || (c !== 45 && c !== 39 && c !== 0x2019))) return false;
  }
  return text.length > 0;
}

/**
 * Whether a lemma (a noun WordNet knows, or not) can head a topic: a word too new for the word list,
 * or a noun but no person or time (actors and dates), no number ("half", "dozen"), no unit of
 * measure ("a tonne"), nor a currency counted in the plural, an amount ("euros"; "the euro" is one).
 */
function canHead(lemma: string, noun: boolean, plural: boolean): boolean {
  if (!noun) return rarity(lemma) === 1;
  const kind = mainKind(lemma);
  return kind === null || (kind === 'currency' && !plural);
}

function newWord(text: string, lower: string, letters: boolean): Word {
  const hyphen = text.lastIndexOf('-');
  const last = lower.slice(lower.lastIndexOf('-') + 1);
  const lastNoun = letters && isNoun(last);
  // Anything else is not a head, whose singular is sought when it is asked for.
  const plural = letters ? undefined : last;
  const pluralNoun = letters ? undefined : isNoun(last);
  return {
    lower,
    letters,
    capital: capitalised(text),
    noun: letters && ((hyphen === -1 ? lastNoun : isNoun(lower)) || (hyphen !== -1 && isNoun(lower.replace(/-/g, ' ')))),
    nominal: letters ? undefined : false,
    last,
    lastNoun,
    plural,
    pluralNoun,
    spaced: hyphen === -1 ? lower : lower.replace(/-+/g, ' '),
    lead: hyphen === -1 ? '' : text.slice(0, hyphen + 1).toLowerCase().replace(/-+/g, ' '),
    conflict: CONFLICT.has(lower),
    topical: undefined,
    pluralTopical: undefined,
    adjective: undefined,
    verbS: undefined,
    compounds: undefined,
    facts: undefined,
    pluralFacts: undefined,
  };
}

function wordOf(text: string): Word {
  let word = words[text];
  if (word) return word;
  const lower = text.toLowerCase();
  const letters = isLetters(text);
  // A capitalised word is known as its lower case form is.
  const base = lower === text ? null : wordOf(lower);
  word = base && base.letters === letters ? { ...base, capital: capitalised(text) } : newWord(text, lower, letters);
  words[text] = word;
  return word;
}

function pluralOf(w: Word): string {
  if (w.plural === undefined) {
    w.plural = singular(w.last);
    w.pluralNoun = w.plural === w.last ? w.lastNoun : isNoun(w.plural);
  }
  return w.plural;
}
// Taggers miss some plurals: a head WordNet does not know but whose singular it knows is one.
const lemmaOf = (w: Word): string => (w.letters && !w.lastNoun ? pluralOf(w) : w.last);
/** The facts of the word as a phrase's head: its lemma's, singular or plural as tagged. */
const headFacts = (w: Word, tag: string): KeyFacts => (tag === 'NNS' ? (w.pluralFacts ??= factsOf(pluralOf(w))) : (w.facts ??= factsOf(lemmaOf(w))));
const nominalOf = (w: Word): boolean => (w.nominal ??= w.lastNoun || pluralIsNoun(w) || rarity(w.lower) === 1);
const headTopical = (w: Word, tag: string): boolean =>
  tag === 'NNS'
    ? (w.pluralTopical ??= w.letters && canHead(pluralOf(w), w.pluralNoun!, true))
    : (w.topical ??= w.letters && canHead(lemmaOf(w), w.lastNoun || w.pluralNoun!, lemmaOf(w) !== w.last));
function pluralIsNoun(w: Word): boolean {
  pluralOf(w);
  return w.pluralNoun!;
}
const adjectiveOf = (w: Word): Word['adjective'] => (w.adjective === undefined ? (w.adjective = w.letters ? adjectiveKind(w.lower) : null) : w.adjective);

function isVerbS(w: Word): boolean {
  if (w.verbS === undefined) {
    const { lower } = w;
    const stem = lower.endsWith('es') && isVerb(lower.slice(0, -2)) ? lower.slice(0, -2) : lower.slice(0, -1);
    w.verbS = w.letters && lower.length > 3 && lower.endsWith('s') && isVerb(stem);
  }
  return w.verbS;
}

/** Whether a sentence is set in title case, as headlines are, whatever its block: every word of four letters or more capitalised. */
function isTitleCase(sentence: Sentence): boolean {
  if (sentence.kind === 'title' || sentence.kind === 'heading') return true;
  let words = 0;
  for (const { text } of sentence.tokens) {
    if (text.length < 4) continue;
    const c = text.charCodeAt(0);
    if (c >= 97 && c <= 122) return false;
    if (c >= 65 && c <= 90) words++;
  }
  return words >= 3;
}

/**
 * Tags as if the sentence were running text, mending what matters here: capitalised common nouns
 * in titles, headings and at the start are common nouns; a gerund after a noun or determiner is a noun ("water
 * rationing", "the rationing"); a plural noun is often read as a verb after another noun
 * ("fishing quotas on ...", "fishing quotas may ..."); and in a headline, a word in -s between
 * two nouns is its verb ("Port Strike Halts Shipments").
 */
function tagsOf(sentence: Sentence, titleCase: boolean, wordAt: (i: number) => Word, writtenLower: (lower: string) => boolean): string[] {
  const tokens = sentence.tokens;
  const tags = tokens.map((t) => t.pos ?? (capitalised(t.text) ? 'NNP' : 'NN'));
  // A headline's only verb is its verb ("Earthquake kills at least 37 in ...").
  const headline = (sentence.kind === 'title' || sentence.kind === 'heading') && tags.filter((t) => t.startsWith('VB')).length === 1;
  // Words are looked up only where the tags around them call for it.
  for (let i = 0; i < tags.length; i++) {
    const tag = tags[i]!;
    const before = tags[i - 1] ?? '';
    if (tag === 'NNP' || tag === 'NNPS') {
      // Titles, headings and a sentence's first word are capitalised whether or not they are names.
      if (!titleCase && i > 0) continue;
      const word = wordAt(i);
      if (word.noun) tags[i] = 'NN';
      else if (word.lower.endsWith('s') && headTopical(word, 'NNS') && pluralIsNoun(word)) tags[i] = 'NNS';
    } else if (tag === 'VBG') {
      // Not after a verb the tagger took for a plural ("considers taking stakes"), nor with an object
      // ("a startup developing small reactors"), nor between a determiner and a noun, where it is a
      // participle ("the coming election").
      const next = tags[i + 1] ?? '';
      const object = OBJECT_START.has(next) || next === 'JJ' || (before === 'DT' && (next === 'NN' || next === 'NNS'));
      if (AFTER_GERUND.has(before) && !object && wordAt(i).noun && (before !== 'NNS' || nominalOf(wordAt(i - 1)))) tags[i] = 'NN';
    } else if (
      tag === 'VBZ' &&
      !headline &&
      // (not the sentence's only verb: "Dementia affects millions")
      tags.some((t, k) => k !== i && isFiniteVerb(t)) &&
      (before === 'NN' || before === 'NNS') &&
      BEFORE_PLURAL.has(tags[i + 1] ?? '.') &&
      !SUBORDINATOR.test(tokens[i + 1]?.text ?? '') &&
      !(tags[i + 1] === 'TO' && tags[i + 2] === 'VB') &&
      // (not the verb of a report set off by a comma: "..., the startup says.")
      !(tags[i - 2] === 'DT' && tokens[i - 3]?.text === ',') &&
      pluralIsNoun(wordAt(i))
    ) {
      tags[i] = 'NNS';
    }
  }
  if (titleCase) {
    for (let i = 1; i < tags.length - 1; i++) {
      if (/^NN/.test(tags[i]!) && /^NN/.test(tags[i - 1]!) && HEADLINE_OBJECT.has(tags[i + 1]!) && isVerbS(wordAt(i))) tags[i] = 'VBZ';
    }
    // Its last word in -s after a noun is its verb ("... as Inflation Cools"), unless the article
    // writes that word in lower case, as the noun it is in "Rate Cuts" ("... to discuss cuts").
    const last = tokens.length - (tokens.length > 1 && !isLetterAt(tokens.at(-1)!.text, 0) ? 2 : 1);
    if (last > 0 && tags[last - 1] === 'NN' && /^NN/.test(tags[last]!) && isVerbS(wordAt(last)) && !writtenLower(tokens[last]!.text.toLowerCase())) tags[last] = 'VBZ';
  }
  if (sentence.kind === 'title' || sentence.kind === 'heading') {
    headlineVerbs(tokens, tags, wordAt);
    // What the tagger calls an adjective in a headline, and is only a noun, is the noun ("unveils foldable laptop/JJ").
    for (let i = 0; i < tags.length; i++) if (tags[i] === 'JJ' && wordAt(i).noun && adjectiveOf(wordAt(i)) === null) tags[i] = 'NN';
  }
  return tags;
}

const SINGULAR_NOUN = new Set(['NN', 'NNP']);
const PLURAL_NOUN = new Set(['NNS', 'NNPS']);
// Words that open a headline's second clause ("... as winds fan flames"); not those that are also prepositions ("after drugs test").
const CLAUSE_OPENER = /^(?:as|while|because|if|though|although|unless|whether|when|so)$/i;
// What may follow a headline's verb besides its object: a preposition. (Not "up" or "down": "Amex shares up on ..." has none.)
const AFTER_HEADLINE_VERB = new Set([...HEADLINE_OBJECT, 'IN', 'TO']);

/**
 * A headline's clause with no verb has one the tagger read as a noun or an adjective: the one word
 * that is a verb agreeing with the noun before it ("Markets slide as ...", "Strike halts ports").
 * With two such words ("Tech stocks rally") it is left as it is.
 */
function headlineVerbs(tokens: Token[], tags: string[], wordAt: (i: number) => Word): void {
  for (let from = 0; from < tags.length; ) {
    let to = from + 1;
    while (to < tags.length && !CLAUSE_OPENER.test(tokens[to]!.text) && !/^[,:;]$/.test(tokens[to]!.text)) to++;
    // (a participle is a headline's verb too: "Koubek suspended after drugs test")
    if (!tags.slice(from, to).some((t) => isFiniteVerb(t) || t === 'VBN')) {
      let verb = -1;
      let found = 0;
      let adjectiveVerb = false;
      for (let k = from + 1; k < to; k++) {
        if (!/^(?:NNS?|NNPS?|JJ)$/.test(tags[k]!) || !(k + 1 === to || AFTER_HEADLINE_VERB.has(tags[k + 1]!))) continue;
        const word = wordAt(k);
        const before = tags[k - 1]!;
        // (two names joined make a plural subject: "Henman & Murray claim ...")
        const plural = PLURAL_NOUN.has(before) || (SINGULAR_NOUN.has(before) && tokens.slice(from, k).some((t) => t.text === '&' || t.text === 'and'));
        // A verb in -s follows a common noun, maybe one the tagger called an adjective ("rumour lifts"); after a name it is mostly a plural ("Exel shares").
        const singular = before === 'NN' || (before === 'JJ' && wordAt(k - 1).noun);
        const agrees = plural ? word.letters && !word.lower.endsWith('s') && isVerb(word.lower) : singular && isVerbS(word);
        if (!agrees) continue;
        // Of two, one the tagger called an adjective that is none is the verb ("gales fan/JJ flames").
        const noAdjective = tags[k] === 'JJ' && adjectiveOf(word) === null;
        if (noAdjective && !adjectiveVerb) [verb, found, adjectiveVerb] = [k, 1, true];
        else if (!adjectiveVerb) [verb, found] = [k, found + 1];
      }
      if (found === 1) tags[verb] = tokens[verb]!.text.toLowerCase().endsWith('s') ? 'VBZ' : 'VBP';
    }
    from = to + 1;
  }
}

/** Receives a noun phrase: its key, the words before the head ('' for a lone noun), and where it is written in the sentence. */
type PhraseSink = (key: string, prefix: string, nounPrefix: boolean, start: number, end: number, head: KeyFacts, adjunct: boolean) => void;

/** Whether an adjective and the noun after it are one noun in WordNet ("real estate", "hot dog"). */
function isCompound(adjective: Word, next: Word | undefined): boolean {
  return next?.letters === true && (adjective.compounds ??= secondWords(adjective.lower)).has(lemmaOf(next));
}

/**
 * Noun phrases of a sentence outside entity names, head singular. A phrase is a run of nouns and
 * relational adjectives ending in a noun: a verb, a name, a descriptive adjective ("additional",
 * "restrictive") or any other word ends it. Its key is lower case with hyphens as spaces: "fuel cell car".
 */
function phrases(sentence: Sentence, titleCase: boolean, names: NameHit[], writtenLower: (lower: string) => boolean, sink: PhraseSink): boolean {
  const { tokens } = sentence;
  // Each token's word, looked up once and only if asked for.
  const run: (Word | undefined)[] = new Array(tokens.length);
  const wordAt = (i: number): Word => (run[i] ??= wordOf(tokens[i]!.text));
  const tags = tagsOf(sentence, titleCase, wordAt, writtenLower);
  // The run of modifiers and nouns is tokens [from, to).
  let from = 0;
  const flush = (to: number): void => {
    while (to > from && !((tags[to - 1] === 'NN' || tags[to - 1] === 'NNS') && headTopical(run[to - 1]!, tags[to - 1]!))) to--;
    const start = Math.max(from, to - MAX_PHRASE);
    if (to <= start) return;
    const last = run[to - 1]!;
    const facts = headFacts(last, tags[to - 1]!);
    const head = facts.key;
    // The prefix runs up to the head's last hyphen part ("cross-border" → "cross", "border").
    let prefix = '';
    if (start < to - 1 || last.lead) {
      for (let k = start; k < to - 1; k++) prefix += tokens[k + 1]!.start > tokens[k]!.end ? `${run[k]!.spaced} ` : run[k]!.spaced;
      prefix = (prefix + last.lead).trimEnd();
    }
    const before = tags[to - 2];
    const nounPrefix = prefix !== '' && ((to - start > 1 && (before === 'NN' || before === 'NNS')) || isNoun(prefix));
    // A bare noun after "for" or "by" says what for or by what means, not what about ("plans for discussion", "by email").
    const adjunct = !prefix && tags[start] === 'NN' && start > 0 && ADJUNCT.test(tokens[start - 1]!.text);
    sink(prefix ? `${prefix} ${head}` : head, prefix, nounPrefix, tokens[start]!.start, tokens[to - 1]!.end, facts, adjunct);
  };
  const end = (i: number): void => {
    if (i > from) flush(i);
    from = i + 1;
  };
  let hit = 0;
  // Whether a noun of armed conflict is among the words.
  let conflict = false;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const tag = tags[i]!;
    // Only nouns and adjectives make topics, and an adjective only before a noun or another
    // adjective; other words end a run unlooked-up.
    const next = tags[i + 1];
    const joinable = tag === 'JJ' ? next === 'NN' || next === 'NNS' || next === 'JJ' || next === 'NNP' || next === 'NNPS' : tag === 'NN' || tag === 'NNS' || tag === 'NNP' || tag === 'NNPS';
    // (a number the tagger took for a word counts what follows: "ten thousand crystals" is no topic)
    if (!joinable || NUMBER_WORD.test(token.text)) {
      end(i);
      continue;
    }
    while (hit < names.length && names[hit]!.end <= token.start) hit++;
    const masked = hit < names.length && names[hit]!.start < token.end;
    if (masked) {
      end(i);
      continue;
    }
    // In running text a capital past the first word marks a name or a proper adjective ("Danish"),
    // unless the article also writes the word in lower case ("we talked about Cobalt, Lithium and ...").
    // A name's word is not looked up.
    const capital = capitalised(token.text);
    let proper = !titleCase && i > 0 && capital;
    let word: Word | null = null;
    if (proper) {
      const lower = token.text.toLowerCase();
      conflict ||= CONFLICT.has(lower);
      if (writtenLower(lower) && nominalOf((word = wordAt(i)))) {
        proper = false;
        tags[i] = word.noun ? 'NN' : 'NNS';
      }
    }
    // Capitalised words right before a name are a title ("Mr", "Senator", "Interior Minister"), part of the name.
    if (capital && hit < names.length) {
      let j = i + 1;
      while (j < i + TITLE_WORDS && j < tokens.length && tokens[j]!.start < names[hit]!.start && capitalised(tokens[j]!.text)) j++;
      if (names[hit]!.start === tokens[j]?.start) proper = true;
    }
    if (proper) {
      end(i);
      continue;
    }
    word ??= wordAt(i);
    conflict ||= word.conflict;
    let inRun = false;
    if (tags[i] === 'NN' || tags[i] === 'NNS') inRun = nominalOf(word);
    // A noun the tagger read as an adjective ("curb cobalt smuggling").
    else if (tags[i] === 'JJ' && word.noun && nominalOf(word) && adjectiveOf(word) === null) {
      tags[i] = 'NN';
      inRun = true;
    }
    if (!inRun && word.letters && tags[i] === 'JJ') {
      inRun = adjectiveOf(word) === 'relational' || isCompound(word, i + 1 < tokens.length ? wordAt(i + 1) : undefined);
    }
    // A word WordNet knows only with the noun after it ("operating" of "operating system").
    else if (!inRun && word.letters && tags[i] === 'NN') inRun = isCompound(word, i + 1 < tokens.length ? wordAt(i + 1) : undefined);
    if (!inRun) end(i);
  }
  end(tokens.length);
  return conflict;
}

const isLetterAt = (text: string, i: number): boolean => {
  const c = text.charCodeAt(i);
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c > 127 && /\p{L}/u.test(text[i]!));
};

/** Whether `text` has `word` as a whole word, as written. */
function hasWord(text: string, word: string): boolean {
  for (let at = text.indexOf(word); at !== -1; at = text.indexOf(word, at + 1)) {
    if (!isLetterAt(text, at - 1) && !isLetterAt(text, at + word.length)) return true;
  }
  return false;
}

// Shared by candidates until they join an issue, when theirs are filled in.
const NO_SURFACES: ReadonlyMap<string, number> = new Map();
const NO_SENTENCES: readonly number[] = [];

function emptyCandidate(key: string, entity: Entity | null = null): Candidate {
  // Most candidates are never part of a compound: they share one empty set until they are.
  const shared = entity === null;
  return {
    key,
    score: 0,
    count: 0,
    parents: NO_PARENTS as Set<string>,
    facts: null,
    positions: 0,
    surfaces: shared ? (NO_SURFACES as Map<string, number>) : new Map(),
    sentences: shared ? (NO_SENTENCES as number[]) : [],
    topical: NO_SENTENCES as number[],
    title: null,
    member: false,
    particular: 0,
    entity,
  };
}

/** Where the phrases and their parts were met, in parallel arrays rather than an object each. */
interface Occurrences {
  candidate: Candidate[];
  sentence: number[];
  /** The offsets of the words as written when the candidate was the whole phrase; -1 for a part. */
  start: number[];
  end: number[];
  /** Whether it was a bare noun of purpose or means ("for discussion"), not a mention of a topic. */
  adjunct: boolean[];
}

// Nouns of armed conflict: said with the places at war, they name one issue ("Norland-Sudmark war").
const CONFLICT = new Set(['war', 'wars', 'conflict', 'conflicts', 'invasion', 'invasions', 'fighting']);
// What joins a conflict to the places after it: "war in X", "war between X and Y", "invasion of X".
const CONFLICT_PLACE = /^(?:in|on|with|against|between|of)$/i;

interface ConflictMention {
  sentence: number;
  /** The words that name it, as written: "X's war in Y". */
  start: number;
  end: number;
  places: Entity[];
  noun: string;
}

/** The places that make up a token whole, hyphens apart ("X-Y"), or none. */
function placesIn(token: Token, places: NameHit[], text: string, placeNamed: (name: string) => Entity | undefined): Entity[] {
  const inside = places.filter((h) => h.start >= token.start && h.end <= token.end);
  let at = token.start;
  for (const h of inside) {
    if (!/^[-–]?$/.test(text.slice(at, h.start))) break;
    at = h.end;
  }
  if (inside.length && at === token.end) return inside.map((h) => h.entity);
  // Names are not always found inside a hyphenated word: its parts are looked up.
  const parts = token.text.split(/[-–]/).map(placeNamed);
  return parts.length > 1 && parts.every((p) => p !== undefined) ? (parts as Entity[]) : [];
}

/**
 * Wars and invasions said with their places: "X-Y war", "X's war in Y", "the war between X and Y",
 * "the invasion of Y", in the sentences of the given indices.
 */
function conflictMentions(sentences: Sentence[], indices: number[], hits: NameHit[][], places: Entity[]): ConflictMention[] {
  const found: ConflictMention[] = [];
  let names: Map<string, Entity> | null = null;
  const placeNamed = (name: string): Entity | undefined => {
    if (!names) {
      names = new Map();
      for (const p of places) for (const n of [p.name, ...p.aliases]) names.set(n, p);
    }
    return names.get(name);
  };
  for (const index of indices) {
    const { tokens, text } = sentences[index]!;
    const places = hits[index]!.filter((h) => h.kind === 'place');
    tokens.forEach((token, i) => {
      const noun = token.text.toLowerCase();
      if (!CONFLICT.has(noun) || !(token.pos ?? 'NN').startsWith('NN')) return;
      let start = token.start;
      let end = token.end;
      // Before it: "X-Y war", "X's war".
      let j = i - 1;
      if (j > 0 && /^['’]s$/.test(tokens[j]!.text)) j--;
      const named = j >= 0 ? placesIn(tokens[j]!, places, text, placeNamed) : [];
      if (named.length) start = tokens[j]!.start;
      // After it: "war in Y", "war between X and Y".
      let k = i + 1;
      if (k < tokens.length && CONFLICT_PLACE.test(tokens[k]!.text)) {
        k++;
        if (tokens[k]?.text.toLowerCase() === 'the') k++;
        for (let hit = places.find((h) => h.start === tokens[k]?.start); hit; ) {
          named.push(hit.entity);
          end = hit.end;
          k = firstFrom(tokens, hit.end);
          hit = tokens[k]?.text === 'and' ? places.find((h) => h.start === tokens[k + 1]?.start) : undefined;
        }
      }
      const entities = [...new Set(named)].slice(0, 2);
      if (entities.length) found.push({ sentence: index, start, end, places: entities, noun: singular(noun) });
    });
  }
  return found;
}

/**
 * The article's conflicts, each the mentions that share a place, named "X-Y war" after the first
 * that names two (or "Y war" after one) and by the noun most said.
 */
function conflicts(mentions: ConflictMention[]): { name: string; mentions: ConflictMention[] }[] {
  const groups: ConflictMention[][] = [];
  for (const m of mentions) {
    const group = groups.find((g) => g.some((other) => other.places.some((p) => m.places.includes(p))));
    if (group) group.push(m);
    else groups.push([m]);
  }
  return groups.map((group) => {
    const places = (group.find((m) => m.places.length > 1) ?? group[0]!).places;
    const nouns = group.map((m) => m.noun);
    const noun = nouns.reduce((best, n) => (nouns.filter((x) => x === n).length > nouns.filter((x) => x === best).length ? n : best));
    return { name: `${places.map((p) => p.name).join('-')} ${noun}`, mentions: group };
  });
}

interface EventMention {
  sentence: number;
  /** The name and the noun, as written: "the G7 summit" from "G7" to "summit". */
  start: number;
  end: number;
  /** The noun's lemma ("talk" of "talks"). */
  noun: string;
  /** Where the noun starts. */
  nounStart: number;
  /** Where a gathering said to be held at it ends ("a bilateral meeting at the G7 summit"), or -1. */
  within: number;
}

// What puts a gathering inside an event: "a meeting at the summit", "talks during the conference".
const AT_EVENT = /^(?:at|during)$/i;

/** Where a noun of a gathering ends that comes before "at" (and "the") and the token at `i` ("a side meeting at [the] ..."), or -1. */
function gatheringBefore(tokens: Token[], i: number): number {
  let k = i - 1;
  if (tokens[k]?.text.toLowerCase() === 'the') k--;
  if (!AT_EVENT.test(tokens[k]?.text ?? '')) return -1;
  const noun = tokens[k - 1];
  if (!noun || !/^NNS?$/.test(noun.pos ?? '')) return -1;
  const word = wordOf(noun.text);
  return word.letters && isGathering(noun.pos === 'NNS' ? pluralOf(word) : lemmaOf(word)) ? noun.end : -1;
}

/**
 * Events named by who holds them or where: an organisation's or a place's name right before a noun
 * of a gathering for talks ("the G7 summit", "the Dorland talks", "a Norland conference"), as the
 * names of wars are; each event is its entity and noun, named as the text says it most.
 */
function namedEvents(sentences: Sentence[], hits: NameHit[][]): { key: string; name: string; mentions: EventMention[] }[] {
  const events = new Map<string, { key: string; names: Map<string, number>; mentions: EventMention[] }>();
  hits.forEach((list, index) => {
    const { tokens, text } = sentences[index]!;
    for (const hit of list) {
      if (hit.kind === 'person') continue;
      const k = firstFrom(tokens, hit.end);
      const token = tokens[k];
      // The noun follows the name after a space and ends the phrase ("the G7 summit", not "the G7 summit venue").
      if (!token || token.start !== hit.end + 1 || !/^NNS?$/.test(token.pos ?? '') || /^NN/.test(tokens[k + 1]?.pos ?? '')) continue;
      const word = wordOf(token.text);
      const noun = token.pos === 'NNS' ? pluralOf(word) : lemmaOf(word);
      if (!word.letters || !isGathering(noun)) continue;
      // Keyed by the entity's shortest name, as specific as a two-word term ("g20 summit").
      const short = [hit.entity.name, ...hit.entity.aliases].reduce((a, b) => (b.length < a.length ? b : a));
      const key = normalize(`${short} ${noun}`);
      let event = events.get(key);
      if (!event) events.set(key, (event = { key, names: new Map(), mentions: [] }));
      const name = `${text.slice(hit.start, hit.end)} ${token.text.toLowerCase()}`;
      event.names.set(name, (event.names.get(name) ?? 0) + 1);
      event.mentions.push({ sentence: index, start: hit.start, end: token.end, noun, nounStart: token.start, within: gatheringBefore(tokens, firstFrom(tokens, hit.start)) });
    }
  });
  // Named as most often written, the shorter of two as often ("G20 summit" before the name in full).
  const named = (names: Map<string, number>): string =>
    [...names].reduce((best, n) => (n[1] > best[1] || (n[1] === best[1] && n[0].length < best[0].length) ? n : best))[0];
  return [...events.values()].map((e) => ({ key: e.key, name: named(e.names), mentions: e.mentions }));
}

/**
 * Every noun phrase of the article, with its parts, its conflicts and named events, tallied and scored;
 * where each occurred; and the phrases of gatherings held at an event, with the event's key.
 */
function nounPhrases(
  sentences: Sentence[],
  titleCase: boolean[],
  hits: NameHit[][],
  places: Entity[],
  lead: number,
): { tally: Map<string, Candidate>; occurrences: Occurrences; within: [string, string][] } {
  const occurrences: Occurrences = { candidate: [], sentence: [], start: [], end: [], adjunct: [] };
  const tally = new Map<string, Candidate>();
  let index = 0;
  let position = 0;
  const credit = (key: string, amount: number, start: number, end: number, parent: string | null, facts: KeyFacts | null, adjunct = false): void => {
    let c = tally.get(key);
    if (!c) tally.set(key, (c = emptyCandidate(key)));
    c.facts ??= facts;
    c.count += amount;
    c.positions |= position;
    if (parent !== null) {
      if (c.parents === NO_PARENTS) c.parents = new Set();
      c.parents.add(parent);
    }
    occurrences.candidate.push(c);
    occurrences.sentence.push(index);
    occurrences.start.push(start);
    occurrences.end.push(end);
    occurrences.adjunct.push(adjunct);
  };
  const sink: PhraseSink = (key, prefix, nounPrefix, start, end, head, adjunct) => {
    credit(key, 1, start, end, null, prefix ? null : head, adjunct);
    if (!prefix) return;
    credit(head.key, PART_CREDIT, -1, -1, key, head);
    if (nounPrefix) credit(prefix, PART_CREDIT, -1, -1, key, null);
    // "coastal water rules" also speaks of "water rules".
    if (prefix.includes(' ')) credit(key.slice(key.indexOf(' ') + 1), PART_CREDIT, -1, -1, key, null);
  };
  const lower = new Map<string, boolean>();
  let text: string | null = null;
  const writtenLower = (word: string): boolean => {
    let found = lower.get(word);
    if (found === undefined) lower.set(word, (found = hasWord((text ??= sentences.map((s) => s.text).join('\n')), word)));
    return found;
  };
  // The sentences that say a noun of armed conflict.
  const warlike: number[] = [];
  for (; index < sentences.length; index++) {
    position = bit(positionOf(sentences[index]!, lead));
    if (phrases(sentences[index]!, titleCase[index]!, hits[index]!, writtenLower, sink)) warlike.push(index);
  }
  const phrased = occurrences.candidate.length;
  for (const conflict of conflicts(conflictMentions(sentences, warlike, hits, places))) {
    const key = normalize(conflict.name);
    for (const m of conflict.mentions) {
      index = m.sentence;
      position = bit(positionOf(sentences[index]!, lead));
      credit(key, 1, m.start, m.end, null, null);
    }
    tally.get(key)!.title = conflict.name;
  }
  const within: [string, string][] = [];
  for (const event of namedEvents(sentences, hits)) {
    for (const m of event.mentions) {
      for (let i = 0; i < phrased; i++) {
        if (occurrences.sentence[i] !== m.sentence) continue;
        const c = occurrences.candidate[i]!;
        // A phrase written whole up to a gathering held at it ("side meeting") is part of it.
        if (occurrences.end[i] === m.within && occurrences.start[i]! >= 0) within.push([event.key, c.key]);
        // The noun was tallied as a phrase of its own: it is part of the event's name, and stands for it ("the summit").
        if (occurrences.start[i] === m.nounStart && c.key === m.noun) {
          occurrences.start[i] = -1;
          c.count -= 1 - PART_CREDIT;
          if (c.parents === NO_PARENTS) c.parents = new Set();
          c.parents.add(event.key);
        }
      }
      index = m.sentence;
      position = bit(positionOf(sentences[index]!, lead));
      credit(event.key, 1, m.start, m.end, null, null);
    }
    tally.get(event.key)!.title = upperFirst(event.name);
  }
  // A phrase met once has nothing to lead with; it can only join another (and is scored if it does).
  for (const c of tally.values()) if (c.count >= LEAD_COUNT) c.score = scoreOf(c);
  return { tally, occurrences, within };
}

/** The index of the first token starting at or after `at` (tokens.length if none), by bisection. */
function firstFrom(tokens: Sentence['tokens'], at: number): number {
  let low = 0;
  let high = tokens.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (tokens[mid]!.start < at) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * How much an entity is discussed rather than acting: "over X", "banning X", "the X deal" are
 * discussion; "X said", "X will" are action; "in X", "from X" are setting. 0 to 1, or null
 * when the words around tell nothing.
 */
function topicality(sentence: Sentence, hit: NameHit): number | null {
  // A place as object or modifier is mostly a destination or an origin ("visit X", "X officials").
  const place = hit.kind === 'place';
  const tokens = sentence.tokens;
  let i = firstFrom(tokens, hit.start);
  const j = firstFrom(tokens, hit.end);
  while (i > 0 && BEFORE_NAME.test(tokens[i - 1]!.pos ?? '')) i--;
  const before = tokens[i - 1];
  const after = tokens[j];
  if (before && ABOUT.test(before.text)) return before.text.toLowerCase() === 'of' ? 0.5 : 1;
  if (before && WHERE.test(before.text)) return 0;
  if (after && COPULA.test(after.text)) return 0.5;
  if (after && /^(?:VB|MD)/.test(after.pos ?? '')) return 0;
  if (before && /^VB/.test(before.pos ?? '') && !COPULA.test(before.text)) return place ? 0.5 : 1;
  if (after && NOUN.test(after.pos ?? '')) return place ? 0 : 1;
  if ((after && /^(?:,|and|or)$/.test(after.text)) || (before && /^(?:,|and|or)$/.test(before.text))) return 0.5;
  return null;
}

function entityCandidates(sentences: Sentence[], hits: NameHit[][], lead: number): Candidate[] {
  const stats = new Map<Entity, { about: number; total: number; candidate: Candidate }>();
  hits.forEach((list, index) => {
    const sentence = sentences[index]!;
    for (const hit of list) {
      if (hit.kind === 'person') continue;
      let s = stats.get(hit.entity);
      if (!s) {
        const candidate = emptyCandidate(normalize(hit.entity.name), hit.entity);
        candidate.surfaces.set(hit.entity.name, 1);
        stats.set(hit.entity, (s = { about: 0, total: 0, candidate }));
      }
      const about = topicality(sentence, hit);
      if (about !== null) {
        s.about += about;
        s.total++;
      }
      s.candidate.count++;
      s.candidate.positions |= bit(positionOf(sentence, lead));
      if (s.candidate.sentences.at(-1) !== index) s.candidate.sentences.push(index);
    }
  });
  const found: Candidate[] = [];
  for (const { about, total, candidate } of stats.values()) {
    const share = total ? about / total : 0;
    if (share < MIN_TOPICALITY) continue;
    candidate.score = scoreOf(candidate, share);
    found.push(candidate);
  }
  return found;
}

class Groups {
  private readonly parent = new Map<string, string>();
  find(key: string): string {
    let root = key;
    for (let up = this.parent.get(root); up !== undefined; up = this.parent.get(root)) root = up;
    // Point everything on the way straight at the root, so later finds are one step.
    for (let at = key, up = this.parent.get(at); up !== undefined && up !== root; at = up, up = this.parent.get(at)) this.parent.set(at, root);
    return root;
  }
  union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent.set(rb, ra);
  }
}

interface Kin {
  key: string;
  modifier: string;
  /** Whether the head is specific enough to stand for its kind. */
  specific: boolean;
  /** Whether the head is rare in edited English, a term rather than a broad class ("levy", not "company"). */
  rare: boolean;
  profile: KinProfile | null;
}

function kinOf(facts: KeyFacts): Kin {
  if (facts.kin) return facts.kin;
  const { key, modifier } = facts;
  const head = modifier ? key.slice(modifier.length + 1) : key;
  return (facts.kin = { key, modifier, specific: !isGeneric(head), rare: specificityIn(factsOf(head)) >= SPECIFIC, profile: kinProfile(head, modifier ? SHARED_MODIFIER : BARE) });
}

/**
 * Whether a kind may join its kin: synonyms always; a kind and its hypernym when a modifier narrows
 * them or both are specific (no word joins another through a rare sense it lies under), and a bare
 * hypernym common in edited English ("company", "art") only a kind that WordNet defines by it.
 */
function joins(a: Kin, b: Kin): boolean {
  if (!a.profile || !b.profile || a.modifier !== b.modifier) return false;
  const bare = a.modifier === '';
  return kinship(a.profile, b.profile, !bare || (a.specific && b.specific), [bare && !a.rare, bare && !b.rare]) !== null;
}

const REACH = new Reach();

/**
 * Joins phrases whose heads are WordNet kin and whose modifiers are the same ("fees"/"tolls",
 * "water restrictions"/"water limits"). Only the best candidates lead; each other phrase joins
 * the first leader it is kin to, never a chain of kin of kin.
 */
function mergeKin(leaders: Candidate[], followers: Iterable<Candidate>, groups: Groups): void {
  const heads: Kin[] = [];
  for (const leader of leaders) {
    const kin = kinOf(factsOfCandidate(leader));
    const near = heads.find((h) => joins(h, kin));
    if (near) groups.union(near.key, leader.key);
    else heads.push(kin);
  }
  const led = new Set(leaders.map((l) => groups.find(l.key)));
  const modifiers = new Set(heads.map((h) => h.modifier));
  // Every synset the heads have or lie under: a follower whose own never meet one is kin to none.
  const reach = REACH.of(heads.flatMap((h) => (h.profile ? [h.profile] : [])));
  for (const c of followers) {
    // Most phrases share no leader's modifier: their facts are not worked out.
    if (c.count < 1 || !modifiers.has(c.facts?.modifier ?? modifierOf(c.key)) || led.has(groups.find(c.key))) continue;
    const kin = kinOf(factsOfCandidate(c));
    if (!kin.profile || !reach.meets(kin.profile)) continue;
    const near = heads.find((h) => joins(h, kin));
    if (near) groups.union(near.key, c.key);
  }
}

// More compounds on one modifier than this make it a hub, not a kind ("water" of "water rationing", "water supply").
const MAX_KIN_PARENTS = 3;

/** Whether the compounds a word modifies are all kin of the first ("water restrictions", "water limits"). */
function kindredParents(c: Candidate): boolean {
  let first: Kin | null = null;
  for (const p of c.parents) {
    if (!p.startsWith(`${c.key} `)) return false;
    const kin = kinOf(factsOf(p));
    if (!first) first = kin;
    else if (!joins(first, kin)) return false;
  }
  return true;
}

/** Joins parts with the compounds they come from. */
function mergeParts(candidates: Iterable<Candidate>, groups: Groups): void {
  for (const c of candidates) {
    // A generic part is not the compound's topic ("fight" of "subsidy fight" is not about subsidies).
    if (c.parents.size === 0 || specificityOf(c) < GENERIC) continue;
    // A part of just one compound stands for it ("the rationing" after "water rationing"), and so
    // does the modifier of compounds that are kin ("water" of "water restrictions", "water limits").
    if (c.parents.size === 1 || (c.parents.size <= MAX_KIN_PARENTS && kindredParents(c))) for (const p of c.parents) groups.union(p, c.key);
    // A multi-word part shared by compounds is their topic ("fuel cell cars", "fuel cell buses").
    if (c.key.includes(' ') && c.parents.size > 1) for (const p of c.parents) groups.union(c.key, p);
  }
}

function taxonomyForms(taxonomy: Taxonomy): Map<string, string> {
  const forms = new Map<string, string>();
  for (const [key, entry] of Object.entries(taxonomy)) {
    for (const form of [key, entry.name ?? key, ...(entry.aliases ?? [])]) forms.set(normalize(form), key);
  }
  return forms;
}

function mostUsed(surfaces: Map<string, number>, fallback: string): string {
  let best = fallback;
  let count = 0;
  for (const [surface, n] of surfaces) {
    if (n > count) [best, count] = [surface, n];
  }
  return best;
}

/**
 * The one compound of the cluster a word stands for, if there is one: a head always ("rationing" of
 * "water rationing"), a modifier when no other lone word shares the issue ("grain" of "grain
 * quotas", but not "fee" beside "tolls", which says what the issue is about).
 */
function soleParent(c: Candidate, members: Candidate[]): Candidate | undefined {
  // Other lone words count only if the text says them on their own.
  const alone = members.every((m) => m === c || m.key.includes(' ') || m.surfaces.size === 0);
  const parents = members.filter((m) => c.parents.has(m.key) && (alone || m.key.endsWith(` ${c.key}`)));
  return parents.length === 1 ? parents[0] : undefined;
}

const slugs = new Map<string, string>();

/** An issue's id; names come back from article to article. */
function slugOf(name: string): string {
  let slug = slugs.get(name);
  if (slug === undefined) slugs.set(name, (slug = slugify(name)));
  return slug;
}

/** The name with a capital first letter; the Unicode class is asked only beyond ASCII. */
function upperFirst(s: string): string {
  const c = s.charCodeAt(0);
  const lower = c < 128 ? c >= 97 && c <= 122 : /^\p{Ll}/u.test(s);
  return lower ? s[0]!.toUpperCase() + s.slice(1) : s;
}

export function extractIssues(
  sentences: Sentence[],
  entities: { people: Entity[]; organizations: Entity[]; places: Entity[] },
  taxonomy: Taxonomy = {},
): Issue[] {
  const { hits } = indexNames(sentences, entities);
  const lead = sentences.find((s) => s.kind === 'paragraph')?.block ?? -1;

  const forms = taxonomyForms(taxonomy);
  const entryOf = (c: Candidate): string | undefined =>
    forms.size === 0 ? undefined : [c.key, ...(c.entity?.aliases ?? []).map(normalize)].map((f) => forms.get(f)).find((e) => e !== undefined);
  const titleCase = sentences.map(isTitleCase);
  const { tally, occurrences, within } = nounPhrases(sentences, titleCase, hits, entities.places, lead);
  const all = [...tally.values(), ...entityCandidates(sentences, hits, lead)];

  // Whatever the taxonomy names gathers its variants; everything else merges by form and meaning.
  const groups = new Groups();
  const anchors = new Set<string>();
  // The scored first, best first; the unscored after them as they came (as a stable sort of all would have them).
  const scored: Candidate[] = [];
  const unscored: Candidate[] = [];
  for (const c of all) {
    const entry = entryOf(c);
    if (entry === undefined) (c.score > 0 ? scored : unscored).push(c);
    else {
      groups.union(`taxonomy:${entry}`, c.key);
      anchors.add(`taxonomy:${entry}`);
    }
  }
  const free = scored.sort((a, b) => b.score - a.score).concat(unscored);
  const leaders: Candidate[] = [];
  for (const c of free) {
    if (leaders.length === LEADERS) break;
    if (c.entity || (specificityOf(c) >= GENERIC && standsAlone(factsOfCandidate(c)))) leaders.push(c);
  }
  const phrasal = free.filter((c) => !c.entity);
  mergeParts(phrasal, groups);
  // A gathering held at a named event is part of it ("a side meeting at the G7 summit").
  for (const [event, gathering] of within) groups.union(event, gathering);
  mergeKin(leaders.filter((c) => !c.entity), phrasal, groups);
  for (const l of leaders) anchors.add(groups.find(l.key));

  // Issues are the groups a leader or the taxonomy anchors; only their members are filled in.
  const clusters = new Map<string, Candidate[]>();
  for (const c of all) {
    const root = groups.find(c.key);
    if (!anchors.has(root)) continue;
    const members = clusters.get(root);
    if (members) members.push(c);
    else clusters.set(root, [c]);
    if (c.entity) continue;
    c.member = true;
    c.surfaces = new Map();
    c.sentences = [];
    c.topical = [];
    if (c.score === 0 && c.count >= 1) c.score = scoreOf(c);
  }
  for (let i = 0; i < occurrences.candidate.length; i++) {
    const c = occurrences.candidate[i]!;
    if (!c.member) continue;
    const index = occurrences.sentence[i]!;
    if (c.sentences.at(-1) !== index) c.sentences.push(index);
    if (!occurrences.adjunct[i] && c.topical.at(-1) !== index) c.topical.push(index);
    const start = occurrences.start[i]!;
    if (start < 0) continue;
    const written = sentences[index]!.text.slice(start, occurrences.end[i]);
    // A headline's capitals are its style, not the words' ("Port Strike").
    const surface = titleCase[index] ? written.toLowerCase() : written;
    c.surfaces.set(surface, (c.surfaces.get(surface) ?? 0) + 1);
    if (!c.key.includes(' ') && isParticular(sentences[index]!.tokens, start)) c.particular++;
  }
  /** The issue a cluster makes, or null when its main member names none. */
  const issueOf = (members: Candidate[], indices: number[], taxonomyKey: string | null): Issue | null => {
    const entry = taxonomyKey === null ? undefined : taxonomy[taxonomyKey];
    members.sort((a, b) => b.score - a.score);
    // Named by what the text says whole and most, and after the compound a word of it stands for.
    let main = members[0]!;
    if (!main.entity) {
      // A word that is no issue alone names none ("the firm" beside "firm profits").
      const named = (m: Candidate): boolean => standsAlone(factsOfCandidate(m)) && !isOccasional(m) && !isVague(m);
      main = members.find(named) ?? main;
      let best = 0;
      for (const m of members) {
        if (!named(m)) continue;
        let whole = 0;
        for (const n of m.surfaces.values()) whole += n;
        if (whole * specificityOf(m) > best) [main, best] = [m, whole * specificityOf(m)];
      }
    }
    for (let parent = soleParent(main, members); parent; parent = soleParent(main, members)) main = parent;
    if (taxonomyKey === null && (isOccasional(main) || isVague(main))) return null;
    const name = taxonomyKey !== null ? entry?.name ?? taxonomyKey : main.entity?.name ?? main.title ?? upperFirst(mostUsed(main.surfaces, main.key));
    const aliases = new Map<string, string>();
    for (const m of members) {
      for (const surface of [...m.surfaces.keys(), ...(m.entity?.aliases ?? [])]) {
        const lower = surface.toLowerCase();
        if (lower !== name.toLowerCase() && !aliases.has(lower)) aliases.set(lower, surface);
      }
    }
    return {
      id: '',
      name,
      aliases: [...aliases.values()],
      sentences: indices.map((i) => sentences[i]!.id),
      weight: members.reduce((sum, m) => sum + m.score, 0),
    };
  };
  let issues: Issue[] = [];
  const headlined: Issue[] = [];
  for (const [root, members] of clusters) {
    const taxonomyKey = root.startsWith('taxonomy:') ? root.slice('taxonomy:'.length) : null;
    const indices = sentencesOf(members);
    if ((taxonomyKey !== null && taxonomy[taxonomyKey]?.drop) || indices.length < MIN_SENTENCES) continue;
    const issue = issueOf(members, indices, taxonomyKey);
    if (!issue) continue;
    if (taxonomyKey !== null || !fleeting(members)) issues.push(issue);
    else if (indices.some((i) => sentences[i]!.kind === 'title')) headlined.push(issue);
  }
  // A short report about one thing in common words ("Star puts retirement on hold") still has
  // its topic when nothing else comes back: the weightiest of those its headline names.
  if (issues.length === 0) issues = headlined.sort((a, b) => b.weight - a.weight).slice(0, 1);
  issues.sort((a, b) => b.weight - a.weight);
  const best = issues[0]?.weight ?? 1;
  return issues
    .filter((issue, i) => i < MIN_ISSUES || issue.weight >= RELATIVE_FLOOR * best)
    .slice(0, MAX_ISSUES)
    .map((issue) => ({ ...issue, id: slugOf(issue.name), weight: Math.round((issue.weight / best) * 1000) / 1000 }));
}
