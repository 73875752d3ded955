import { slug } from 'github-slugger';
import { countryKey, GAZ, gazetteer, type Country } from '../ner/gazetteer.ts';
import { usedInLowerCase } from '../ner/features.ts';
import { recognizeDocument } from '../ner/index.ts';
import { rarity, singular } from '../issues/lexicon.ts';
import { adjectiveKind, isAbstract, isNoun, isVerb } from '../issues/wordnet.ts';
import { dateline } from '../text/dateline.ts';
import { isFiniteVerb } from '../text/pos.ts';
import type { Entity, EntityKind, Mention, Sentence, Token } from '../types.ts';
import {
  CLUB_HEADS,
  COMMON_ACRONYMS,
  COMPANY_DESCRIPTORS,
  COMPASS,
  FIELDS_OF_BODIES,
  FIRM_NOUNS,
  HONORIFICS,
  worldRegions,
  INSTITUTION_HEADS,
  INSTITUTION_MODIFIERS,
  INSTITUTIONS,
  PLANETS,
  PRIZE_HEADS,
  REMIT_HEADS,
  ROLE_HEADS,
  SERVICE_HEADS,
  STOPWORDS,
  TRADE_NOUNS,
} from './lexicon.ts';
import { roleAfter, roleBefore, roleBeforeComma, stripTitle, titleCase } from './roles.ts';
import {
  BREAKS,
  CAPITALIZED,
  COMMON_HEAD,
  COMPANY_SUFFIX,
  countryKeyOf,
  Doc,
  EVENT_HEAD,
  FACILITY_HEAD,
  GEO_HEAD,
  HONORIFIC,
  isStop,
  isTitleWord,
  LEAD,
  LEADER,
  mayStartRegion,
  memo,
  NAMEISH,
  OF,
  OPENING,
  ORG_HEAD,
  PERSON_TITLE,
  PLACE,
  PLACE_ORG_HEAD,
  POSSESSIVE_WORD,
  ROLE_HEAD,
  REGION_START,
  splitWords,
  STARTS_LOWER,
  STOP,
  SUFFIX_FULL_STOP,
  TAIL,
  TITLE_WORD,
  UPPER_LOWER,
  wordBits,
} from './words.ts';

/**
 * People, organizations and places of one article: NER mentions, cleaned (no titles, no
 * possessives, no company suffixes), typed consistently across the document, and merged
 * (surnames join full names, acronyms join expansions, country names join their codes).
 */

export interface Entities {
  people: Entity[];
  organizations: Entity[];
  places: Entity[];
}

/** A cleaned mention: tokens [from, to) of one sentence. */
interface Item {
  kind: EntityKind;
  sentence: number;
  from: number;
  to: number;
  /** Surface text after cleaning. */
  text: string;
  n: Name;
  /** Name it goes by, when it differs from the surface (an institution's canonical form). */
  name?: string;
  roles: string[];
  /** Found by a rule rather than the tagger (may overlap tagged spans). */
  rule?: boolean;
}

const PUNCT = /^[^\p{L}\p{N}]+$/u;

const lower = memo((s) => s.toLowerCase());

/** What the rules ask of a whole name, as bits (see `nameBits`). */
const NO_NAME = 1;
const ONE_WORD = 2;
const HAS_LOWER = 4;
/** One camel-case word ("PayPal"), not a surname with a prefix ("McCarthy", "DeSantis"). */
const CAMEL = 8;
const HAS_UPPER = 16;
/** Function words and punctuation only. */
const ALL_STOP = 32;
/** One function word or punctuation. */
const STOPWORD = 64;

function nameBits(text: string): number {
  const words = splitWords(text);
  const allStop = words.every(isStop);
  // Names have two letters at least, and are more than a legal suffix, a numeral or an acronym
  // used as a common noun ("B", "Co.", "II", "AI").
  const letters = text.replace(/[^\p{L}]/gu, '').length;
  const noName = allStop || letters < 2 || words.every((w) => isCompanySuffix(w) || /^[IVX]+$/.test(w)) || (words.length === 1 && COMMON_ACRONYMS.has(text));
  let b = (noName ? NO_NAME : 0) | (words.length === 1 ? ONE_WORD : 0) | (allStop ? ALL_STOP : 0);
  if (/\p{Ll}/u.test(text)) b |= HAS_LOWER;
  if (/\p{Lu}/u.test(text)) b |= HAS_UPPER;
  if (/^\p{Lu}\p{Ll}+\p{Lu}\p{L}*$/u.test(text) && !/^(Mc|Mac|Fitz|De|Di|Da|Du|La|Le|Van|Von|St)\p{Lu}/u.test(text)) b |= CAMEL;
  // Several words are no function word (none has a space): they are punctuation if no letter.
  if (words.length === 1 ? allStop : letters === 0) b |= STOPWORD;
  return b;
}

/**
 * A name's text and what the rules ask of it, worked out once per distinct text (items and
 * forms carry it, so that no rule looks a name up again).
 */
class Name {
  readonly text: string;
  readonly lower: string;
  /** `nameBits` of the text. */
  readonly bits: number;
  /** The country it denotes ("U.S."), not a demonym. */
  readonly country: Country | null;
  private base_: string | undefined = undefined;
  private voteKey_: string | undefined = undefined;
  private surname_: string | undefined = undefined;
  private placeKey_: string | undefined = undefined;
  private words_ = 0;
  private display_: string | undefined = undefined;
  private demonymOnly_: boolean | undefined = undefined;

  constructor(text: string) {
    this.text = text;
    this.lower = text.toLowerCase();
    this.bits = nameBits(text);
    this.country = countryOfText(text, this.lower);
  }

  /** Without its legal suffix ("Acme Corp." → "Acme"). */
  get base(): string {
    return (this.base_ ??= orgBase(this.text));
  }

  /** Names vote by their base, in lower case. */
  get voteKey(): string {
    return (this.voteKey_ ??= this.base.toLowerCase());
  }

  /** The last word of a vote key of two or three words, else "". */
  get surname(): string {
    if (this.surname_ === undefined) {
      const words = this.voteKey.split(' ');
      this.surname_ = words.length > 1 && words.length < 4 ? words[words.length - 1]! : '';
    }
    return this.surname_;
  }

  /** Case-insensitive key of a place, with country names folded together. */
  get placeKey(): string {
    return (this.placeKey_ ??= this.country ? `country:${this.country.name}` : this.lower);
  }

  /** Number of space-separated words. */
  get words(): number {
    return (this.words_ ||= this.text.split(' ').length);
  }

  /** A country or a place the gazetteer knows well ("US", "Lima", "Europe"). */
  get knownPlace(): boolean {
    return this.country !== null || ((gazetteer().phrases.get(this.lower) ?? 0) & PLACES) !== 0;
  }

  /** A place any list has, small towns and WordNet's places included ("Ohio", "Harlow"), and no body WordNet knows ("UN", also a town). */
  get listedPlace(): boolean {
    const bits = gazetteer().phrases.get(this.lower) ?? 0;
    return this.country !== null || ((bits & ANY_PLACE) !== 0 && !(bits & GAZ.WN_GROUP));
  }

  /** A demonym and no country ("French"). */
  get demonymOnly(): boolean {
    return (this.demonymOnly_ ??= !this.country && gazetteer().countryByName.has(countryKeyOf(this.text, this.lower)));
  }

  /**
   * The text to show: one only seen in capitals is title-cased when it is a known place or a plain
   * word ("LONDON", "OSLO"); of four letters or fewer, only a place, which no acronym is ("NASA").
   */
  get display(): string {
    if (this.display_ === undefined) {
      const bits = gazetteer().phrases.get(this.lower);
      const plain = !(this.bits & HAS_LOWER) && bits !== undefined && (this.text.length > 4 || (this.text.length === 4 && (bits & ANY_PLACE) !== 0 && !(bits & GAZ.WN_GROUP)));
      this.display_ = plain ? titleCase(this.lower) : this.text;
    }
    return this.display_;
  }
}

/**
 * One word no list of places has, that names something abstract: "at Christmas", "promoted to
 * the Championship", "Amazing Grace". No place, whatever the tagger said.
 */
function isAbstractWord(n: Name): boolean {
  return (n.bits & ONE_WORD) !== 0 && !n.listedPlace && isAbstract(n.lower);
}

const ANY_PLACE = GAZ.COUNTRY | GAZ.CITY_1M | GAZ.CITY_100K | GAZ.CITY_15K | GAZ.CAPITAL | GAZ.REGION | GAZ.WN_PLACE;
const PLACES = GAZ.COUNTRY | GAZ.CITY_1M | GAZ.CITY_100K | GAZ.CAPITAL | GAZ.REGION;

const nameOf = memo((text) => new Name(text));
const isCompanySuffix = (w: string) => (wordBits(w) & COMPANY_SUFFIX) !== 0;
const isCapitalized = (w: string) => (wordBits(w) & CAPITALIZED) !== 0;

function surface(s: Sentence, from: number, to: number): string {
  return s.text.slice(s.tokens[from]!.start, s.tokens[to - 1]!.end);
}

/** A name's text, without the sentence's full stop on a legal suffix ("Northwind LLC."). */
function nameSurface(d: Doc, si: number, from: number, to: number): string {
  const s = d.sentences[si]!;
  return s.text.slice(s.tokens[from]!.start, s.tokens[to - 1]!.end - (d.at(si, to - 1) & SUFFIX_FULL_STOP ? 1 : 0));
}

/** Trims articles, connectors, possessives and punctuation; null when no capitalized word remains. */
function trim(d: Doc, si: number, from: number, to: number): [number, number] | null {
  while (from < to && d.at(si, from) & LEAD) from++;
  while (to > from && d.at(si, to - 1) & TAIL) to--;
  if (to <= from) return null;
  // At least one capitalized word ("eBay" counts).
  for (let i = from; i < to; i++) if (d.at(si, i) & NAMEISH) return [from, to];
  return null;
}

/**
 * Splits a tagged span where a name cannot go on: punctuation (other than "." "&" and
 * hyphens), possessives (the owner is kept: "Ruiz's plan" → "Ruiz"), and lower-case
 * words that are not name connectors ("War between Peru" → "War", "Peru"); a name ends at a
 * legal suffix with a full stop ("Adatum PLC." + "Tailspin said", where sentences were not split).
 */
function pieces(d: Doc, si: number, from: number, to: number): [number, number][] {
  const out: [number, number][] = [];
  let start = from;
  for (let i = from; i <= to; i++) {
    const b = i < to ? d.at(si, i) : 0;
    if (b & SUFFIX_FULL_STOP) {
      out.push([start, i + 1]);
      start = i + 1;
      continue;
    }
    // ("Queen's Medical Centre": a possessive inside the name of a building or an institution stays)
    if (b & POSSESSIVE_WORD && i > from && to - i > 1 && endsInFacility(d, si, i + 1, to)) continue;
    const possessive = b & POSSESSIVE_WORD && i > from;
    if (i < to && !possessive && !(b & BREAKS)) continue;
    if (i > start) out.push([start, i]);
    if (possessive) return out;
    start = i + 1;
  }
  return out;
}

/**
 * "Corus and France", "Samsung Electronics and Sony": two names the tagger read as one, where one
 * side is a country or a name the document uses on its own. Names with "and" inside ("Food and
 * Drug Administration", "Department of Trade and Industry") have no such side and stay whole, and
 * so do remits joined after "for" or "of" ("Department for Work and Pensions") unless a country
 * follows.
 */
function splitCoordinated(d: Doc, items: Item[], known: Map<string, EntityKind>): Item[] {
  return items.flatMap((it) => {
    if (!it.text.includes(' and ')) return [it];
    const t = d.sentences[it.sentence]!.tokens;
    const and = t.findIndex((tok, i) => i > it.from && i < it.to - 1 && tok.text === 'and');
    if (and < 0) return [it];
    const sides = [trim(d, it.sentence, it.from, and), trim(d, it.sentence, and + 1, it.to)].map((r) => {
      if (!r) return null;
      const text = nameSurface(d, it.sentence, r[0], r[1]);
      return { from: r[0], to: r[1], text, kind: countryOf(text) ? 'LOC' : known.get(text) };
    });
    if (!sides.every((x) => x !== null) || !sides.some((x) => x.kind)) return [it];
    const remit = / (?:for|of) /.test(sides[0]!.text) && sides[1]!.kind !== 'LOC';
    if (remit) return [it];
    return sides.map(({ from, to, text, kind }): Item => ({ kind: kind ?? it.kind, sentence: it.sentence, from, to, text, n: nameOf(text), roles: [] }));
  });
}

/**
 * "Pacific Gas" + "and" + "Electric Co.", "Customs" + "and" + "Border Protection": one name the
 * tagger read as two, an organization whose name joins plain English words with "and". The
 * right side ends in a legal suffix, an institution's head ("Council") or a public body's remit
 * ("Protection"), not "Liberal Democrats" or "Public Enemy"; neither side names a place or a
 * people, nor stands alone elsewhere in the document (then they are two names).
 */
function joinCoordinated(d: Doc, items: Item[]): Item[] {
  let counts: Map<string, number> | null = null;
  const alone = (it: Item) => {
    if (!counts) {
      counts = new Map();
      for (const x of items) counts.set(x.n.lower, (counts.get(x.n.lower) ?? 0) + 1);
    }
    return counts.get(it.n.lower)! > 1;
  };
  // (a given name may be a word of a remit: "Social Care")
  const plainWords = (si: number, from: number, to: number, remit = false) => {
    const t = d.sentences[si]!.tokens;
    return everyFrom(from, to, (i) => {
      const w = t[i]!.text;
      return d.at(si, i) & UPPER_LOWER && isEnglishWord(w) && !nameOf(w).knownPlace && !nameOf(w).demonymOnly && (remit || !isFirstName(w));
    });
  };
  return joinAdjacent(d, items, (a, b) => {
    const si = b.sentence;
    if (a.to + 1 !== b.from || d.sentences[si]!.tokens[a.to]!.text !== 'and' || b.kind !== 'ORG' || a.to - a.from > 3 || d.at(si, a.to - 1) & COMPANY_SUFFIX) return -1;
    let end = b.to;
    while (end > b.from && d.at(si, end - 1) & COMPANY_SUFFIX) end--;
    // "Department of Health" + "and" + "Social Care": what a body "of" or "for" serves goes on
    const remits = a.to - a.from >= 3 && (d.at(si, a.from) & ORG_HEAD) !== 0 && /^(?:of|for)$/.test(d.sentences[si]!.tokens[a.from + 1]!.text) && plainWords(si, a.from + 2, a.to);
    const headed = end < b.to || remits || (end > b.from && (d.at(si, end - 1) & ORG_HEAD || REMIT_HEADS.has(lower(d.sentences[si]!.tokens[end - 1]!.text))));
    const join = headed && end - b.from <= 3 && (remits || plainWords(si, a.from, a.to)) && plainWords(si, b.from, end, remits) && !alone(a) && !alone(b);
    return join ? b.to : -1;
  });
}

/**
 * "Africa Centres" + "for" + "Disease Control and Prevention", "National Institute" + "for" + "Space
 * Research" (a "person" of common words), "Bankruptcy Court" + "for the" +
 * "District" + "of Delaware", "Union" + "of" + "Concerned Scientists": an institution named for
 * what it serves or whom it gathers, which the tagger read as pieces. The first piece ends in an
 * institution's head; a place the name ends in stays a place too, and no known place follows "of"
 * (the "University" of "Tarvik" is in it).
 */
function joinAcrossFor(d: Doc, items: Item[]): Item[] {
  return joinAdjacent(d, items, (a, b, next) => {
    const t = d.sentences[b.sentence]!.tokens;
    const gap = b.from - a.to;
    const word = lower(t[a.to]!.text);
    const across = (gap === 1 || (gap === 2 && lower(t[a.to + 1]!.text) === 'the')) && (word === 'for' || (word === 'of' && !b.n.knownPlace));
    // (what the tagger took for a person may be the field it serves: "for" + "Space Research")
    const person = b.kind === 'PER' && !(word === 'for' && everyFrom(b.from, b.to, (i) => isEnglishWord(t[i]!.text) && !isFirstName(t[i]!.text)));
    if (a.kind !== 'ORG' || person || (b.kind === 'LOC' && word === 'for') || !across || !INSTITUTION_HEADS.has(lower(t[a.to - 1]!.text).replace(/s$/, ''))) return -1;
    return next && next.sentence === b.sentence && next.kind === 'LOC' && t[b.to]?.text === 'of' && next.from === b.to + 1 ? next.to : b.to;
  });
}

/**
 * "Blackburn" + "Rovers", "BBC Radio" + "Five Live": two organizations the tagger wrote with no
 * word between them are one; not after an initial ("M" + "Farah" in a list of results) or a
 * full stop that may end the sentence ("Adatum PLC." + "Adatum"), nor before an acronym, mostly
 * a product's ("Sony" + "PSP").
 */
function joinTouching(d: Doc, items: Item[]): Item[] {
  return joinAdjacent(d, items, (a, b) => {
    // (a name never ends in a saint's style: "Order of St." + "Olav")
    if (a.kind === 'ORG' && a.to === b.from && /^St\.?$/.test(d.sentences[a.sentence]!.tokens[a.to - 1]!.text)) return b.to;
    // "Tasmania" + "Water", "Japan" + "Airlines": a place and the one word of what is done there is a firm or a service
    if (a.kind === 'LOC' && b.kind === 'ORG' && a.to === b.from && b.to - b.from === 1 && sectorHead(b.text) && servedPlace(a.text)) return b.to;
    if (a.kind !== 'ORG' || b.kind !== 'ORG' || a.to !== b.from) return -1;
    const stop = d.sentences[a.sentence]!.tokens[a.to - 1]!.text.endsWith('.');
    return INITIAL.test(a.text) || stop || isAcronym(b.text) ? -1 : b.to;
  });
}
const INITIAL = /^\p{Lu}\.?$/u;
/** Lower-case adjectives of a region of a place ("southern", "north-eastern"). */
const REGION_OF = /^(?:(?:north|south)[-]?(?:east|west)ern|northern|southern|eastern|western|central)$/;
/** One capital, then only lower-case letters ("Leeds", not "McCann" or "NHS"). */
const UPPER_LOWER_WORD = /^\p{Lu}\p{Ll}+$/u;

/**
 * "Leeds" + "Teaching Hospitals NHS" + "Trust", "Harrow Teaching Hospitals" + "NHS Trust": the
 * capitalized words right before an institution's head belong to its name, with the names the
 * tagger made of them. Not a country or a people before it ("New Zealand High Court", "German
 * Foreign Ministry": the country stays a place), nor a word of a date or a title. A known place
 * inside stays a place as well.
 */
function widenInstitutions(d: Doc, items: Item[]): Item[] {
  const out: Item[] = [];
  for (const b of headsAfterNames(d, items)) {
    const si = b.sentence;
    let from = b.from;
    if (b.kind === 'ORG' && d.at(si, b.to - 1) & ORG_HEAD) {
      while (from > 0 && b.from - from < 4 && inInstitution(d, si, from - 1)) from--;
      from = placesListedBefore(d, si, from, b.to - 1);
      // a name the words belong to is taken whole, or not at all
      for (let k = out.length - 1; k >= 0 && out[k]!.sentence === si && out[k]!.to > from; k--) {
        const a = out[k]!;
        if (a.n.country || a.n.demonymOnly || (a.from < from && !everyFrom(a.from, from, (i) => inInstitution(d, si, i)))) {
          from = Math.max(from, a.to);
          break;
        }
        from = Math.min(from, a.from);
      }
    }
    if (from === b.from) {
      out.push(b);
      continue;
    }
    // (a known place in it stays a place of its own: "Los Angeles" of "Los Angeles Superior Court")
    const places: Item[] = [];
    while (out.length && out.at(-1)!.sentence === si && out.at(-1)!.from >= from) {
      const a = out.pop()!;
      if (a.n.knownPlace) places.unshift({ ...a, kind: 'LOC' });
    }
    const text = nameSurface(d, si, from, b.to);
    out.push(...places, { kind: 'ORG', sentence: si, from, to: b.to, text, n: nameOf(text), roles: [] });
  }
  return out;
}
/**
 * Where a body that serves several places begins, when its name starts with one of them and lists
 * the others before it ("Devon" + "and" + "Cornwall Police", "Bedfordshire, Cambridgeshire and
 * Hertfordshire Major Crime Unit"); else `from`. No country is one of them: "US and UK Treasury
 * officials" are two treasuries.
 */
function placesListedBefore(d: Doc, si: number, from: number, head: number): number {
  if (placeFrom(d, si, from, 1, head) < 0) return from;
  const t = d.sentences[si]!.tokens;
  let start = from;
  // Right to left: "and" (or "&") next to the name, then commas.
  for (let and = true; start > 1; and = false) {
    const w = t[start - 1]!.text;
    if (!(and ? w === 'and' || w === '&' : w === ',')) break;
    const p = placeFrom(d, si, start - 1, -1, 0);
    if (p < 0) break;
    start = p;
  }
  return start;
}

/** The other end of a place of one to three capitalized words from token `edge` on in direction `dir` (1 or -1), not past `limit`; -1 if none. */
function placeFrom(d: Doc, si: number, edge: number, dir: 1 | -1, limit: number): number {
  for (let n = 3; n >= 1; n--) {
    const [from, to] = dir > 0 ? [edge, edge + n] : [edge - n, edge];
    if (dir > 0 ? to > limit : from < limit) continue;
    if (!everyFrom(from, to, (i) => (d.at(si, i) & (UPPER_LOWER | PLACE)) === UPPER_LOWER)) continue;
    const place = nameOf(nameSurface(d, si, from, to));
    if (place.listedPlace && !place.country) return dir > 0 ? to : from;
  }
  return -1;
}

/** "King Harald" + "V", "Pope Leo" + "XIV": a one-word name takes the Roman numeral the tagger left after it. */
function regnalNumbers(d: Doc, items: Item[]): Item[] {
  return items.map((it, k) => {
    const t = d.sentences[it.sentence]!.tokens;
    const next = items[k + 1];
    if (it.kind !== 'PER' || it.to - it.from !== 1 || !ROMAN.test(t[it.to]?.text ?? '') || (next?.sentence === it.sentence && next.from === it.to)) return it;
    const text = nameSurface(d, it.sentence, it.from, it.to + 1);
    return { ...it, to: it.to + 1, text, n: nameOf(text) };
  });
}
// (not "I", which is as often the pronoun: "told Jane I would")
const ROMAN = /^(?=[IVX])(?!I$)X{0,3}(?:IX|IV|V?I{0,3})$/;

/**
 * "TNT" + "Sports", "RBS" + "Six Nations": an acronym the tagger left out right before an
 * organization it found opens its name; a country's code stays a place ("UK" + "Treasury").
 */
function acronymsBeforeNames(d: Doc, items: Item[]): Item[] {
  return items.map((b, k) => {
    const si = b.sentence;
    const i = b.from - 1;
    const prev = items[k - 1];
    if (b.kind !== 'ORG' || i < 0 || (prev?.sentence === si && prev.to > i)) return b;
    const t = d.sentences[si]!.tokens[i]!;
    // (not one a determiner or an adjective makes a noun, "the TV Licensing", nor one before another: "giant ISP AOL")
    if (!ACRONYM.test(t.text) || t.pos !== 'NNP' || d.at(si, i) & PLACE || ACRONYM.test(d.sentences[si]!.tokens[b.from]!.text) || /^(?:DT|JJ)$/.test(d.sentences[si]!.tokens[i - 1]?.pos ?? '')) return b;
    const text = nameSurface(d, si, i, b.to);
    return { ...b, from: i, text, n: nameOf(text) };
  });
}

/** The head the tagger missed of an institution named after a place, body or thing it found: "Leeds" + "Teaching Hospitals NHS Trust", "World Wildlife" + "Fund". */
function headsAfterNames(d: Doc, items: Item[]): Item[] {
  const out: Item[] = [];
  items.forEach((a, k) => {
    out.push(a);
    if (a.n.country || a.n.demonymOnly) return;
    const si = a.sentence;
    const next = items[k + 1];
    const stop = Math.min(a.to + 4, next && next.sentence === si ? next.from : d.sentences[si]!.tokens.length);
    let head = -1;
    for (let i = a.to; i < stop && inInstitution(d, si, i); i++) if (d.at(si, i) & ORG_HEAD) head = i;
    if (head >= 0) out.push({ kind: 'ORG', sentence: si, from: head, to: head + 1, text: d.sentences[si]!.tokens[head]!.text, n: nameOf(d.sentences[si]!.tokens[head]!.text), roles: [] });
  });
  return out;
}

/** May word i be inside an institution's name: capitalized, no country or people, date, title, verb or function word? */
function inInstitution(d: Doc, si: number, i: number): boolean {
  const t = d.sentences[si]!.tokens[i]!;
  const bits = d.at(si, i);
  return !(bits & PLACE) && (i > 0 ? !NOT_IN_NAMES.has(t.pos!) : t.pos === 'NNP') && ((bits & LEADER) !== 0 || ACRONYM.test(t.text) || (bits & (ORG_HEAD | UPPER_LOWER)) === (ORG_HEAD | UPPER_LOWER));
}
/** Tags of words no name holds: adverbs, determiners, pronouns, prepositions, finite verbs (a gerund it may: "Teaching Hospitals"). */
const NOT_IN_NAMES = new Set(['RB', 'DT', 'PRP', 'PRP$', 'IN', 'CC', 'WRB', 'WP', 'WDT', 'MD', 'VB', 'VBD', 'VBZ', 'VBP', 'CD', 'POS']);
const ACRONYM = /^\p{Lu}{2,5}$/u;

/**
 * Items in order with each one merged into the one before it, into an organization that runs
 * from the earlier one's start to the token `end` gives (-1: no merge); `end` sees the item after too.
 */
function joinAdjacent(d: Doc, items: Item[], end: (a: Item, b: Item, next: Item | undefined) => number): Item[] {
  const out: Item[] = [];
  items.forEach((b, k) => {
    const a = out[out.length - 1];
    const to = a && a.sentence === b.sentence ? end(a, b, items[k + 1]) : -1;
    if (to < 0) {
      out.push(b);
      return;
    }
    const text = nameSurface(d, b.sentence, a!.from, to);
    out[out.length - 1] = { kind: 'ORG', sentence: b.sentence, from: a!.from, to, text, n: nameOf(text), roles: [] };
  });
  return out;
}

/** Token range covering the character span [start, end) of a sentence. */
function tokenRange(tokens: Token[], start: number, end: number): [number, number] {
  let from = 0;
  while (from < tokens.length && tokens[from]!.end <= start) from++;
  let to = from;
  while (to < tokens.length && tokens[to]!.start < end) to++;
  return [from, to];
}

/** The country a name denotes ("U.K.", "UK", "United Kingdom"), not a demonym. */
function countryOfText(text: string, lower: string): Country | null {
  const key = countryKeyOf(text, lower);
  const found = gazetteer().countryByName.get(key);
  return found && found.names.some((n) => countryKey(n) === key) ? found : null;
}

const countryOf = memo((text) => countryOfText(text, text.toLowerCase()));

/**
 * "US-Peru", "UK-EU": the names a hyphenated word joins, when every part is a country or a
 * name the document uses on its own; null otherwise ("Rolls-Royce", "Smith-Jones" stay whole).
 */
function hyphenParts(word: string, known: Map<string, EntityKind>): [string, EntityKind][] | null {
  if (!word.includes('-')) return null;
  const out: [string, EntityKind][] = [];
  for (const p of word.split('-')) {
    const kind = countryOf(p) ? 'LOC' : known.get(p);
    if (!kind || !/^\p{Lu}/u.test(p) || kind === 'PER') return null;
    out.push([p, kind]);
  }
  return out;
}

let shortNames: Map<string, Country | null> | null = null;

/**
 * A country by the short name its long name ends in ("Republic of Cabo Verde" → "Cabo Verde" for
 * Cape Verde, "... of America"), unless another country's name ends so too ("Korea") or it is a
 * country's name itself.
 */
function countryByShortName(lowerName: string): Country | null {
  if (!shortNames) {
    const g = gazetteer();
    shortNames = new Map();
    for (const c of g.countries) {
      for (const n of c.names) {
        const of = n.lastIndexOf(' of ');
        const tail = of < 0 ? '' : n.slice(of + 4).replace(/^the /, '').toLowerCase();
        if (!tail || g.countryByName.has(countryKey(tail))) continue;
        shortNames.set(tail, shortNames.has(tail) && shortNames.get(tail) !== c ? null : c);
      }
    }
  }
  return shortNames.get(lowerName) ?? null;
}

/** Lower-case particles of personal names: "Lula da Silva", "Ursula von der Leyen", "Osama bin Laden". */
const NAME_PARTICLES = new Set(['da', 'de', 'di', 'do', 'dos', 'das', 'du', 'del', 'della', 'van', 'von', 'der', 'den', 'ter', 'bin', 'bint', 'ibn', 'al', 'el', 'la', 'le']);
/** A name that begins with a particle glued on: "al-Assad", "bin-Talal". */
const GLUED_PARTICLE = /^(?:al|el|bin|ibn)-\p{Lu}/u;
const WORD_BEFORE = /(\p{Ll}+)\s+$/u;

/**
 * A surname however many words it has: it starts with a particle ("von der Leyen", "De Niro"), but
 * not with a given name that is spelled like one ("Al", "Den").
 */
function isSurname(name: string): boolean {
  const space = name.indexOf(' ');
  const first = name.slice(0, space);
  return space > 0 && NAME_PARTICLES.has(first.toLowerCase()) && first !== 'Al' && first !== 'Den';
}

/** Whether a mention ends in an institution's head and "of" ("Academy of", "Bank of"). */
const institutionOf = (text: string) => {
  const head = /(?:^| )(\p{L}+) of$/u.exec(text)?.[1]?.toLowerCase();
  return head !== undefined && ((wordBits(head) & (ORG_HEAD | PLACE_ORG_HEAD)) !== 0 || INSTITUTION_HEADS.has(head.replace(/s$/, '')));
};

/**
 * "University of" + "Cape Town": an institution the tagger ended on "of" goes on with the name
 * right after it, whatever kind it gave that (not a person's), when the word before "of" is an
 * institution's head ("Ericsson of" + "Sweden" is a firm and its country).
 */
function endsOnOf(sentences: Sentence[], mentions: Mention[]): Mention[] {
  const out: Mention[] = [];
  for (const m of mentions) {
    const prev = out.at(-1);
    if (prev?.kind === 'ORG' && m.kind !== 'PER' && /^\p{Lu}/u.test(m.text) && prev.sentence === m.sentence && m.start === prev.end + 1 && institutionOf(prev.text)) {
      out[out.length - 1] = { ...prev, end: m.end, text: sentences[m.sentence]!.text.slice(prev.start, m.end) };
    } else out.push(m);
  }
  return out;
}

/**
 * The tagger, trained on news that has few of them, breaks names at their particles: "Luiz Lula"
 * + "da" + "Silva", "Ursula von der" + "Leyen", "Bashar" + "al-Assad". A person's name after
 * particles takes them in, with the name before them (a mention, or capitalized proper nouns the
 * tagger left out).
 */
function joinParticles(sentences: Sentence[], mentions: Mention[]): Mention[] {
  const out: Mention[] = [];
  for (const m of mentions) {
    const t = sentences[m.sentence]!.tokens;
    const glued = GLUED_PARTICLE.test(m.text);
    // Most mentions follow no particle: the word before is read from the text, tokens only if it is one.
    const before = WORD_BEFORE.exec(sentences[m.sentence]!.text.slice(Math.max(0, m.start - 8), m.start))?.[1];
    if (!glued && !(before && NAME_PARTICLES.has(before))) {
      out.push(m);
      continue;
    }
    let [from] = tokenRange(t, m.start, m.end);
    let i = from;
    while (i > 0 && NAME_PARTICLES.has(t[i - 1]!.text)) i--;
    if (i === from && !glued) {
      out.push(m);
      continue;
    }
    const prev = out.at(-1);
    // (a capitalized first word of a sentence is a name's only if it is a given name: "Later von der Leyen said")
    const adjacent = prev?.sentence === m.sentence && i > 0 && prev.end === t[i - 1]!.end && !(prev.start === t[0]!.start && !prev.text.includes(' ') && !isFirstName(prev.text));
    // A person's mention before the particles takes them and this one in, a person's or one word
    // whatever the tagger made of it ("Paulo Costa" + "da" + "Rocha"); so does a one-word name
    // before a glued particle ("Samir" + "al-Haddad").
    const oneWord = (x: Mention) => !x.text.includes(' ');
    if (adjacent && ((prev.kind === 'PER' && (m.kind === 'PER' || oneWord(m))) || (glued && i === from && prev.kind !== 'MISC' && oneWord(prev)))) {
      out.pop();
      from = tokenRange(t, prev.start, prev.end)[0];
    } else {
      // Proper nouns before the particles that no mention holds ("Ursula", "Bashar"); first in
      // the sentence, a given name only ("Later von der Leyen said").
      let k = i;
      while (k > 0 && i - k < 3 && t[k - 1]!.pos === 'NNP' && UPPER_LOWER_WORD.test(t[k - 1]!.text) && !(prev?.sentence === m.sentence && prev.end > t[k - 1]!.start)) k--;
      if (k === 0 && k < i && !isFirstName(t[0]!.text)) k++;
      if (k < i && (m.kind === 'PER' || glued)) from = k;
      // With no name before them the particles still belong to a person's: "von der Leyen said".
      else if (m.kind === 'PER' && i < from) from = i;
      else {
        out.push(m);
        continue;
      }
    }
    const text = sentences[m.sentence]!.text;
    out.push({ sentence: m.sentence, kind: 'PER', start: t[from]!.start, end: m.end, text: text.slice(t[from]!.start, m.end) });
  }
  return out;
}

/**
 * A word of English, in any case: one that general English uses (Brown, SUBTLEX), that WordNet
 * knows, or that is shaped like a noun of an agent ("Goalscorer", "Corkman"). The names a tagger
 * misses ("Erling", "Lleyton") are none of these.
 */
const isEnglishWord = memo((w: string) => {
  const l = w.toLowerCase();
  return rarity(l) < 1 || isNoun(l) || isNoun(singular(l)) || isVerb(l) || adjectiveKind(l) !== null || /(?:er|or|man)$/.test(l);
});

/**
 * Names the tagger left out at the start of a sentence, where a capital says nothing: "Erling
 * Haaland had given ...", a given name before a surname it found ("Ngozi" + "Okonjo-Iweala
 * warned"), a company by what it trades in ("Coreline Semiconductor") and later by its first word
 * ("Coreline shares"), the first of a pair ("Microsoft and" + "Oracle"). Only capitalized words
 * no English lexicon knows, followed by a verb, the surname, a trade noun or legal suffix, or
 * "and" and the other name; or the first word of a company named before.
 */
function startingNames(sentences: Sentence[], mentions: Mention[]): Mention[] {
  const out = [...mentions];
  // Each sentence's first mention, by its place in `out`.
  const first = new Map<number, number>();
  out.forEach((m, k) => first.has(m.sentence) || first.set(m.sentence, k));
  sentences.forEach((s, si) => {
    const t = s.tokens;
    const at = first.get(si);
    const m = at === undefined ? undefined : out[at]!;
    let n = 0;
    // (the tagger's part of speech for an unknown first word is a guess: "Erling" reads as a gerund)
    while (n < 3 && n < t.length && (!m || t[n]!.end <= m.start) && (n === 0 || t[n]!.pos === 'NNP') && /^\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?$/u.test(t[n]!.text) && !isEnglishWord(t[n]!.text) && !nameOf(t[n]!.text).knownPlace) n++;
    if (n === 0) return;
    if (m && m.kind === 'PER' && n === 1 && t[1]?.start === m.start) {
      // a given name before the surname the tagger found
      out[at!] = { ...m, start: t[0]!.start, text: s.text.slice(t[0]!.start, m.end) };
    } else if (n >= 2 && isFiniteVerb(t[n]?.pos) && (!m || t[n]!.end <= m.start)) {
      out.push({ sentence: si, kind: 'PER', start: t[0]!.start, end: t[n - 1]!.end, text: s.text.slice(t[0]!.start, t[n - 1]!.end) });
    } else if (n < t.length && (!m || t[n]!.end <= m.start) && /^\p{Lu}/u.test(t[n]!.text) && (TRADE_NOUNS.has(lower(t[n]!.text)) || isCompanySuffix(t[n]!.text))) {
      // a company by what it trades in: "Coreline Semiconductor unveiled"
      out.push({ sentence: si, kind: 'ORG', start: t[0]!.start, end: t[n]!.end, text: s.text.slice(t[0]!.start, t[n]!.end) });
    } else if (n === 1 && t.length > 1 && (!m || t[1]!.end <= m.start) && out.some((x) => x.kind === 'ORG' && x.text.startsWith(`${t[0]!.text} `))) {
      // the first word of a company named in full before: "Coreline shares rose"
      out.push({ sentence: si, kind: 'ORG', start: t[0]!.start, end: t[0]!.end, text: t[0]!.text });
    } else if (m && m.kind !== 'PER' && ((t[n]?.text === 'and' && t[n + 1]?.start === m.start) || (t[n]?.text === ',' && t[n + 1]?.start === m.start && listOfOrgs(s, m, out[at! + 1])))) {
      // one of a pair or list the tagger found the others of: "Microsoft and Oracle signed up",
      // "Sony, Microsoft and Nintendo" (not "Gazprom, Russia's gas giant")
      out.push({ sentence: si, kind: m.kind, start: t[0]!.start, end: t[n - 1]!.end, text: s.text.slice(t[0]!.start, t[n - 1]!.end) });
    }
  });
  return out.sort((a, b) => a.sentence - b.sentence || a.start - b.start);
}

/** Whether organizations `a` and `b` of sentence `s` are listed one after the other: "Tarn, Quill", "Tarn and Quill", "Tarn, and Quill". */
function listOfOrgs(s: Sentence, a: Mention, b: Mention | undefined): boolean {
  return a.kind === 'ORG' && b?.kind === 'ORG' && b.sentence === a.sentence && /^(?:,|,? (?:and|or)) $/.test(s.text.slice(a.end, b.start));
}

/**
 * The name of a building or an institution runs across a possessive the tagger stopped at, when
 * it is named after a saint, a royal or a group of people: "St David's Shopping Centre", "Queen's
 * Medical Centre", "Derby Magistrates' Court", "Professional Footballers' Association". A few
 * capitalized words follow, ending in a head such as "Court", "Centre" or "Union". Any other
 * owner owns the building rather than names it ("London's National Theatre", "Microsoft's Media
 * Centre").
 */
function acrossPossessive(d: Doc, si: number, from: number, to: number): [number, number] {
  const t = d.sentences[si]!.tokens;
  const capital = (i: number) => (d.at(si, i) & UPPER_LOWER) !== 0;
  // Whether the owner's words [a, b) name the building: "St David", "Queen", "Derby Magistrates" (before "'").
  const namedAfter = (a: number, b: number) => {
    const first = t[a]!.text;
    const last = t[b - 1]!.text.toLowerCase();
    return SAINT.test(first) || (b - a === 1 && ROYALS.test(first)) || (t[b]!.text === "'" && last.endsWith('s') && isNoun(singular(last)));
  };
  if (to + 1 < t.length && d.at(si, to) & POSSESSIVE_WORD) {
    let end = to + 1;
    while (end < t.length && end - to <= 3 && capital(end)) end++;
    if (end > to + 1 && d.at(si, end - 1) & FACILITY_HEAD && namedAfter(from, to)) return [from, end];
  }
  if (endsInFacility(d, si, from, to)) {
    let start = from;
    while (start > 0 && from - start < 3 && capital(start - 1)) start--;
    if (start > 1 && d.at(si, start - 1) & POSSESSIVE_WORD && capital(start - 2)) {
      let owner = start - 2;
      if (owner > 0 && SAINT.test(t[owner - 1]!.text)) owner--;
      if (namedAfter(owner, start - 1)) return [owner, to];
    }
  }
  return [from, to];
}
/** Whether tokens [from, to) end in the head of a building's or an institution's name, or in that head and its city ("College London"). */
function endsInFacility(d: Doc, si: number, from: number, to: number): boolean {
  return (d.at(si, to - 1) & FACILITY_HEAD) !== 0 || (to - from >= 2 && (d.at(si, to - 2) & FACILITY_HEAD) !== 0 && nameOf(d.sentences[si]!.tokens[to - 1]!.text).knownPlace);
}
/** Words of rank that begin organizations' names as well as people's titles. */
const RANKS_IN_NAMES = new Set(['General', 'High', 'Grand']);
/** Geographic heads that end organizations' names as often: a broadcaster's, a club's. */
const ORG_GEO_HEADS = new Set(['Channel', 'County']);
/** Last words of the names of laws. */
const LAWS = /^(?:Act|Amendment)$/;
const ROYALS = /^(?:Queen|King|Prince|Princess)$/;
const SCHOOL_HEADS = /^(?:College|University|Academy|Institute|Polytechnic)$/;
const SAINT = /^(?:St|Saint)$/;

/** Cleans NER mentions and adds the ones rules find (country pairs, institutions). */
function collect(sentences: Sentence[]): { items: Item[]; caseless: boolean[]; doc: Doc } {
  const items: Item[] = [];
  const d = new Doc(sentences);
  const recognized = recognizeDocument(sentences);
  const mentions = startingNames(sentences, joinParticles(sentences, endsOnOf(sentences, recognized.mentions)));
  const uncased = recognized.caseless;
  const caseless = sentences.map((s, si) => s.kind === 'title' || s.kind === 'heading' || uncased[si]!);
  const inSentence: Mention[][] = sentences.map(() => []);
  for (const m of mentions) inSentence[m.sentence]!.push(m);
  // Tokens of the document that a person's title holds, which the tagger took for a person
  // ("Pensions" in "Work and Pensions Secretary Ana Ruiz").
  const inTitle = new Uint8Array(d.start[sentences.length]!);
  // The kind of name a token is inside: "Surrey" in "Surrey captain Chris Lewis" is in an
  // organization's, "Pensions" above in a title (no person's).
  const nameAt = (si: number, i: number): EntityKind | null => {
    if (inTitle[d.start[si]! + i]) return 'MISC';
    const tok = sentences[si]!.tokens[i]!;
    return inSentence[si]!.find((x) => x.start <= tok.start && x.end >= tok.end)?.kind ?? null;
  };
  /** Whether tokens from `i` are a title (capitalized title words up to its head, or a lower-case head) and then a person's name. */
  function opensTitleOfPerson(si: number, i: number): boolean {
    const t = sentences[si]!.tokens;
    let k = i;
    while (k < t.length && k - i < 3 && (d.at(si, k) & (CAPITALIZED | TITLE_WORD | ROLE_HEAD)) === (CAPITALIZED | TITLE_WORD)) k++;
    // (not before who leads a firm: "Tarn boss Ana Ruiz" names the company, see `firmsByPossessions`)
    if (k + 1 >= t.length || !(d.at(si, k) & ROLE_HEAD) || LEADS_FIRM.has(lower(t[k]!.text))) return false;
    return inSentence[si]!.some((x) => x.kind === 'PER' && x.start === t[k + 1]!.start);
  }
  let personWords: Set<string> | null = null;
  /** Whether a word is part of a longer person's name the tagger found in the document (a title's words are not: "Group Economist"). */
  const inLongerPerson = (word: string): boolean =>
    !(wordBits(word) & TITLE_WORD) && (personWords ??= new Set(mentions.filter((m) => m.kind === 'PER' && m.text.includes(' ')).flatMap((m) => m.text.split(' ')))).has(word);

  for (const m of mentions) {
    const s = sentences[m.sentence]!;
    const t = s.tokens;
    let kind = m.kind;
    let [from, to] = tokenRange(t, m.start, m.end);
    const si = m.sentence;
    // "degrees Celsius": a scale named after a person is a unit here
    if (from > 0 && /^degrees?$/i.test(t[from - 1]!.text)) continue;
    const isSuffix = (i: number) => i >= 0 && i < t.length && (d.at(si, i) & COMPANY_SUFFIX) !== 0;
    // "Kestrel" + "Homes": a capitalized trade noun right after a name the tagger stopped before
    // ends a company's name (not after a place, "West Bank", nor inside a longer name, "Indian Air Force").
    if (kind !== 'LOC' && to < t.length && d.at(si, to) & UPPER_LOWER && TRADE_NOUNS.has(lower(t[to]!.text))) {
      const after = to + 1 < t.length ? d.at(si, to + 1) : 0;
      if (!(after & CAPITALIZED) || after & COMPANY_SUFFIX) {
        to++;
        kind = 'ORG';
      }
    }
    // A company suffix makes a company, whatever the tagger said; take the suffix it left out
    // ("Northwind Management" + "LLC") and the name before a suffix tagged on its own
    // ("Fabrikam" + "Co.", "General" + "Electric Co.").
    if (kind === 'ORG') while (to < t.length && isSuffix(to)) to++;
    if (isSuffix(to - 1)) {
      kind = 'ORG';
      while (from > 0 && (d.at(si, from - 1) & (CAPITALIZED | STOP | COMPANY_SUFFIX)) === CAPITALIZED) from--;
    }
    // "Greater" + "Manchester": a capitalized word inside the sentence right before a place or an
    // organization, that no other name took, begins it.
    if ((kind === 'LOC' || kind === 'ORG') && from > 1) {
      const w0 = t[from - 1]!;
      if (d.at(si, from - 1) & LEADER && !(d.at(si, from - 2) & OPENING) && !inSentence[si]!.some((x) => x.end > w0.start && x.start < w0.end)) from--;
    }
    // "southern Minas Gerais", "eastern Kivu": a region of a place, said in lower case before it (a people stays one: "southern European")
    if ((kind === 'ORG' || kind === 'PER') && from > 0 && REGION_OF.test(t[from - 1]!.text) && !(d.at(si, to - 1) & (ORG_HEAD | PLACE_ORG_HEAD))) kind = 'LOC';
    // "Environment" + "Canada", "Sport" + "England": a public body named by its field and its country
    if (kind !== 'PER' && to - from === 1 && from > 0 && FIELDS_OF_BODIES.has(t[from - 1]!.text) && nameOf(t[from]!.text).listedPlace) from--;
    if (to - from === 2 && FIELDS_OF_BODIES.has(t[from]!.text) && nameOf(t[from + 1]!.text).listedPlace) kind = 'ORG';
    // "General" + "Motors", "High" + "Court": a rank the tagger took for a person's title, before
    // an organization (or a "person" named by an institution's head) and after no other title word, begins it.
    const headOnly = kind === 'PER' && to - from === 1 && (d.at(si, from) & ORG_HEAD || TRADE_NOUNS.has(lower(t[from]!.text)));
    if ((kind === 'ORG' || headOnly) && from > 0 && RANKS_IN_NAMES.has(t[from - 1]!.text) && !(from > 1 && d.at(si, from - 2) & TITLE_WORD)) {
      from--;
      kind = 'ORG';
    }
    // "Caspian" + "Sea": a geographic head word right after a place belongs to it.
    if (kind === 'LOC') while (to < t.length && d.at(si, to) & GEO_HEAD) to++;
    // "Colorado River", "Guantanamo Bay" tagged as an organization: a name that ends in a
    // geographic head is a place (not a broadcaster's "Channel", nor a club's "County").
    else if (kind === 'ORG' && to - from >= 2 && d.at(si, to - 1) & GEO_HEAD && !ORG_GEO_HEADS.has(t[to - 1]!.text)) kind = 'LOC';
    // "First Amendment", "Clean Air Act", "House" of "House Bill 2210": a law, not a body.
    if (kind === 'ORG' && (LAWS.test(t[to - 1]!.text) || (t[to]?.text === 'Bill' && t[to + 1]?.pos === 'CD'))) kind = 'MISC';
    // "Imperial College London", "College" + "London": a school, its city maybe after its head, is an organization.
    if (kind !== 'ORG' && to - from >= 2 && (SCHOOL_HEADS.test(t[to - 1]!.text) || (SCHOOL_HEADS.test(t[to - 2]!.text) && nameOf(t[to - 1]!.text).knownPlace))) kind = 'ORG';
    [from, to] = acrossPossessive(d, si, from, to);
    // "Chancellor Olaf Scholz" tagged as an organization: a name right after a person's title, or
    // after a role word when its words read as a name ("Striker Erling Haaland").
    if (
      kind !== 'PER' &&
      from > 0 &&
      to - from >= 2 &&
      to - from <= 3 &&
      (d.at(si, from - 1) & PERSON_TITLE || (d.at(si, from - 1) & ROLE_HEAD && readsAsName(t, from, to))) &&
      everyFrom(from, to, (i) => d.at(si, i) & UPPER_LOWER)
    )
      kind = 'PER';
    // "Lumen Exchange", "Derbyshire Police", "Kestrel Homes" tagged as a person: no person's name
    // ends in such a word (though some end in "Court" or "Hall", and a trade noun may be the
    // surname after a given name: "Helen Steel").
    else if (kind !== 'ORG' && to - from > 1 && CLUB_HEADS.has(lower(t[to - 1]!.text))) kind = 'ORG';
    else if (kind === 'PER' && PRIZE_HEADS.has(lower(t[to - 1]!.text))) kind = 'MISC';
    else if (kind === 'PER' && to - from > 1 && !SURNAME_HEADS.test(t[to - 1]!.text)) {
      // (a plural is no surname: "Meta Platforms", though "Meta" is a given name)
      const trade = lower(t[to - 1]!.text);
      if (d.at(si, to - 1) & (PLACE_ORG_HEAD | ORG_HEAD) || (TRADE_NOUNS.has(trade) && !(to - from === 2 && isFirstName(t[from]!.text) && !trade.endsWith('s')))) kind = 'ORG';
      // "Gatun Lake", "Kestrel Bay": a place, unless a given name opens it ("Ricki Lake", "Michael Bay")
      else if (d.at(si, to - 1) & GEO_HEAD && !isFirstName(t[from]!.text)) kind = 'LOC';
    }
    // Nor does a person's name or an event's hold an institution "of" something ("Circuit Court
    // of Appeals", "Bank of Tarvik", "Royal Academy of Sciences").
    if ((kind === 'PER' || kind === 'MISC') && !everyFrom(from, to - 2, (i) => !(d.at(si, i) & ORG_HEAD && d.at(si, i + 1) & OF))) kind = 'ORG';
    if (kind !== 'PER') {
      // "Missouri Attorney General" + "Ana Ruiz": the title of the person named next, which the
      // tagger took for an organization.
      let titled = d.at(si, to - 1) & ROLE_HEAD && to < t.length && inSentence[si]!.some((x) => x.kind === 'PER' && x.start === t[to]!.start);
      // "EU Trade Commissioner Ana Ruiz" tagged as one organization: a person with a title.
      // The name may run past the span ("... Commissioner Ana" + "Ruiz"). So is "Executive Priya
      // Natarajan" after a role word, when no English lexicon knows the words of the name
      // ("General" + "Motors" stays).
      for (let h = to - 2; h >= from; h--) {
        const title = (d.at(si, h) & (CAPITALIZED | PERSON_TITLE)) === (CAPITALIZED | PERSON_TITLE);
        if (!title && (d.at(si, h) & (CAPITALIZED | ROLE_HEAD)) !== (CAPITALIZED | ROLE_HEAD)) continue;
        let end = to;
        while (end < t.length && end - h <= 3 && d.at(si, end) & UPPER_LOWER) end++;
        const n = end - h - 1;
        // (after a role word: not "Justice Bill", "Edward Theatre")
        const named = n >= 2 && readsAsName(t, h + 1, end);
        if (!title && !named) continue;
        if (n <= 4 && everyFrom(h + 1, end, (i) => d.at(si, i) & UPPER_LOWER) && (n >= 2 || isFirstName(t[h + 1]!.text))) {
          push('PER', si, h + 1, end);
          to = h + 1;
          titled = true;
        }
        break;
      }
      // What comes before the title stays: "Tarvik Bank" (of "Tarvik Bank Governor Oskar Velde",
      // a title word that can end a name), "Missouri", a place.
      if (titled) {
        while (to > from && (d.at(si, to - 1) & (TITLE_WORD | ORG_HEAD | PLACE_ORG_HEAD)) === TITLE_WORD && !isFirmHead(lower(t[to - 1]!.text))) to--;
        if (to > from && nameOf(surface(s, from, to)).listedPlace) kind = 'LOC';
      }
      if (to <= from) continue;
      // "Ohio" + "Governor Mike DeWine": a place before a person's title is where the title holds;
      // a plain word there is the title's remit ("Health" + "Secretary Owen Pritchard"), no body.
      if (kind === 'ORG' && to < t.length && (d.at(si, to) & (CAPITALIZED | TITLE_WORD)) === (CAPITALIZED | TITLE_WORD)) {
        let k = to;
        while (k < t.length && k - to < 3 && d.at(si, k) & TITLE_WORD) k++;
        if (k < t.length && inSentence[si]!.some((x) => x.kind === 'PER' && x.start === t[k]!.start)) {
          const n = nameOf(surface(s, from, to));
          if (n.listedPlace) kind = 'LOC';
          // (an adjective there may be a party's or a body's: "Conservative MP", "Metropolitan Police Commissioner")
          else if (to - from === 1 && isEnglishWord(t[from]!.text) && adjectiveKind(n.lower) === null && !((gazetteer().phrases.get(n.lower) ?? 0) & GAZ.WN_GROUP)) continue;
        }
      }
      // "Baltic Fisheries Council", "Constitutional Court": organizations by their head noun.
      const head = d.at(si, to - 1);
      if (to - from > 1 && (head & ORG_HEAD || (kind === 'LOC' && head & PLACE_ORG_HEAD))) kind = 'ORG';
      // "Nova Scotia Health", "Thames Water": a known place and what a company or a service of it does.
      else if (kind === 'LOC' && to - from > 1 && sectorHead(t[to - 1]!.text) && servedPlace(surface(s, from, to - 1))) kind = 'ORG';
      // "PGA Tour", "Crimean War", "Treaty of Rome": events and laws, not organizations or places.
      if (to - from > 1 && (head & EVENT_HEAD || (d.at(si, from) & EVENT_HEAD && t[from + 1]!.text === 'of'))) kind = 'MISC';
    }
    for (const [pFrom, pTo] of pieces(d, si, from, to)) {
      const r = trim(d, si, pFrom, pTo);
      if (!r) continue;
      // In headlines capitalization says little: a word the article uses in lower case
      // ("Warns", "Plan") is not part of a name there, unless the whole is a known place
      // ("NEW YORK").
      if (caseless[si] && !gazetteer().phrases.has(surface(s, r[0], r[1]).toLowerCase())) {
        for (const [a, b] of splitOn(r, (i) => usedInLowerCase(t[i]!.text.toLowerCase()))) push(kind, si, a, b);
      } else push(kind, si, r[0], r[1]);
    }
  }

  function push(kind: EntityKind, si: number, from: number, to: number): void {
    const s = sentences[si]!;
    const r0 = trim(d, si, from, to);
    if (!r0) return;
    let r: [number, number] | null = r0;
    const roles: string[] = [];
    if (kind === 'PER') {
      const stripped = stripTitle(d, si, r[0], r[1]);
      if (stripped.role) roles.push(stripped.role);
      r = trim(d, si, stripped.from, r[1]);
      if (!r || isTitleOnly(s, r[0], r[1])) return;
      // "Health" + "Secretary Ana Ruiz", "Pensions" + "Secretary Ana Ruiz": the last word of a
      // title before its head, not a person; nor is the first of "Shadow" + "Home Secretary Ana
      // Ruiz" or "Tory" + "co-chairman Ana Ruiz", unless the document names a person with it
      // ("Ed Vance" and "Vance adviser Ana Ruiz").
      const next = s.tokens[r[1]]?.text ?? '';
      if (
        r[1] - r[0] === 1 &&
        ((/^\p{Lu}/u.test(next) && ROLE_HEADS.has(next.toLowerCase()) && (d.at(si, r[0]) & TITLE_WORD || d.at(si, r[1] + 1) & UPPER_LOWER)) ||
          (opensTitleOfPerson(si, r[1]) && !inLongerPerson(s.tokens[r[0]]!.text)))
      ) {
        inTitle[d.start[si]! + r[0]] = 1;
        return;
      }
      // "Vice Mayor Van Tran": a capitalized word between a title and the name is the name's.
      const before = s.tokens[r[0] - 1];
      if (before && r[0] >= 2 && UPPER_LOWER_WORD.test(before.text) && !(d.at(si, r[0] - 1) & TITLE_WORD) && ROLE_HEADS.has(s.tokens[r[0] - 2]!.text.toLowerCase())) r = [r[0] - 1, r[1]];
      // A style is no role: "Kenya's health minister, Dr. Ana Ruiz," is the minister.
      let styleStart = r[0];
      while (styleStart > 0 && (d.at(si, styleStart - 1) & HONORIFIC || STYLE.test(s.tokens[styleStart - 1]!.text))) styleStart--;
      const title = roleBefore(d, si, r[0], (i) => nameAt(si, i));
      const role = (title && !STYLE.test(title) ? title : null) ?? roleBeforeComma(d, si, styleStart, r[1]) ?? title;
      if (role && (!stripped.role || STYLE.test(stripped.role))) roles.push(role);
      // An office the tagger put in the name, with what comes before it: "Republican state" +
      // "Senator" (not a style: "Foreign Minister" + "Prince").
      else if (role && stripped.role && role.length > stripped.role.length && role.toLowerCase().endsWith(stripped.role.toLowerCase()) && wordBits(s.tokens[stripped.from - 1]!.text) & PERSON_TITLE)
        roles[roles.indexOf(stripped.role)] = role;
      const after = roleAfter(d, si, r[1]);
      if (after) roles.push(after);
    }
    if (isTitleOnly(s, r[0], r[1])) return;
    const text = nameSurface(d, si, r[0], r[1]);
    const n = nameOf(text);
    if (n.country) kind = 'LOC';
    else if (kind === 'LOC' && n.demonymOnly) kind = 'MISC';
    items.push({ kind, sentence: si, from: r[0], to: r[1], text, n, roles });
  }

  const g = gazetteer();
  // Names the tagger found standing alone, with their type (asked only of hyphenated names).
  const tagged = items.length;
  let known: Map<string, EntityKind> | null = null;
  const knownNames = () => {
    if (known) return known;
    known = new Map();
    for (const it of items.slice(0, tagged)) if (!it.text.includes('-') && !known.has(it.text)) known.set(it.text, it.kind);
    return known;
  };
  for (let si = 0; si < sentences.length; si++) {
    const s = sentences[si]!;
    const t = s.tokens;
    // "DENVER (AP) —", "SAN FRANCISCO, May 3 —": the capitals of a wire dateline are its place,
    // whatever the tagger made of them (nothing, or an organization).
    const line = dateline(s.text);
    if (line) {
      let k = 0;
      while (k < t.length && t[k]!.end <= line.placeEnd) k++;
      const text = nameSurface(d, si, 0, k);
      const n = nameOf(text);
      if (line.full || n.knownPlace) {
        for (let x = items.length - 1; x >= 0; x--) if (items[x]!.sentence === si && items[x]!.from < k) items.splice(x, 1);
        items.push({ kind: 'LOC', sentence: si, from: 0, to: k, text, n, roles: [], rule: true });
      }
    }
    for (let i = 0; i < t.length; i++) {
      const tok = t[i]!;
      // "Fabrikam Co.", "Acme Widgets Inc.": a legal suffix after capitalized words names a
      // company even where the tagger saw nothing (it competes with tagged spans below).
      const c = tok.text.charCodeAt(0);
      if (i > 0 && c >= 65 && c <= 90 && d.at(si, i) & COMPANY_SUFFIX) {
        let from = i;
        while (from > 0 && (d.at(si, from - 1) & (CAPITALIZED | STOP | COMPANY_SUFFIX)) === CAPITALIZED) from--;
        if (from < i && !caseless[si]) {
          const text = nameSurface(d, si, from, i + 1);
          items.push({ kind: 'ORG', sentence: si, from, to: i + 1, text, n: nameOf(text), roles: [] });
        }
      }
      // "UK-EU talks": both names are kept, whatever the tagger made of the word.
      const upper = (c >= 65 && c <= 90) || (c > 127 && d.at(si, i) & CAPITALIZED);
      const parts = upper && tok.text.includes('-') ? hyphenParts(tok.text, knownNames()) : null;
      if (parts) {
        for (let k = items.length - 1; k >= 0; k--) {
          const it = items[k]!;
          if (it.sentence === si && it.from <= i && it.to > i) items.splice(k, 1);
        }
        for (const [text, kind] of parts) items.push({ kind, sentence: si, from: i, to: i + 1, text, n: nameOf(text), roles: [], rule: true });
      }
      // "Peru's foreign ministry", "Lima's trade ministry": an organization.
      if ((c === 39 || c === 8217) && /^['’]s$/.test(tok.text) && i > 0) {
        let j = i + 1;
        while (j < t.length && INSTITUTION_MODIFIERS.has(lower(t[j]!.text))) j++;
        if (j === i + 1 || j >= t.length || !INSTITUTIONS.has(lower(t[j]!.text))) continue;
        const owner = t[i - 1]!.text;
        const country = countryOf(owner) ?? g.countryByCapital.get(lower(owner));
        if (!country && !isCapitalized(owner)) continue;
        const rest = titleCase(s.text.slice(t[i + 1]!.start, t[j]!.end));
        const name = `${country?.demonyms[0] ?? owner} ${rest}`;
        const text = `${owner}'s ${rest}`;
        items.push({ kind: 'ORG', sentence: si, from: i - 1, to: j + 1, text, n: nameOf(text), name, roles: [], rule: true });
      }
    }
  }
  // Of overlapping tagged spans the longer wins ("Fabrikam Co." over "Fabrikam").
  const byLength = items.filter((it) => !it.rule).sort((a, b) => b.to - b.from - (a.to - a.from));
  const claimed = new Uint8Array(d.start[sentences.length]!);
  const kept = byLength.filter((it) => claim(claimed, d.start[it.sentence]! + it.from, d.start[it.sentence]! + it.to));
  const names = regnalNumbers(d, acronymsBeforeNames(d, widenInstitutions(d, joinTouching(d, joinAcrossFor(d, joinCoordinated(d, splitCoordinated(d, kept, knownNames()).sort(byPosition)))))));
  const all = names.concat(items.filter((it) => it.rule)).sort(byPosition);
  commonHeads(d, all);
  regionsAsPlaces(d, all, caseless);
  branchesAsOrgs(d, all);
  expansionsOfAcronyms(d, all, caseless);
  // "US Constitutional Court", "French Foreign Ministry", "Baltic" + "Fisheries Council":
  // a place or demonym right before an institution is part of its name (not before a brand:
  // "US Contoso" is Contoso's US business). The mention takes it in, so that the bare rest
  // ("Fisheries Council") is no alias unless the text uses it on its own; a known place stays
  // a mention of its own.
  const taken: Item[] = [];
  for (const it of all) {
    if (it.kind !== 'ORG' || it.name || !(wordBits(headWord(it.text)) & (ORG_HEAD | PLACE_ORG_HEAD))) continue;
    // The last name other than a person's that ends where this one begins, and not in an
    // adjective ("US-based", "San Francisco-based", "state-owned").
    const t = d.sentences[it.sentence]!.tokens;
    const prev = all.findLast((p) => p.kind !== 'PER' && p.sentence === it.sentence && p.to === it.from && !PARTICIPLE_END.test(t[p.to - 1]!.text));
    if (!prev) continue;
    it.from = prev.from;
    it.text = nameSurface(d, it.sentence, it.from, it.to);
    it.n = nameOf(it.text);
    if (!isPlaceIn(prev)) taken.push(prev);
  }
  for (const p of taken) all.splice(all.indexOf(p), 1);
  // Headlines: only names the article confirms in its cased sentences (the whole name, or its
  // first or last words: "Ruiz" for "Ana Ruiz", not "Central" for "European Central Bank", nor an
  // institution's head, "Court" for "General Court"), and known places.
  let confirmed: string | null = null;
  const isConfirmed = (it: Item) => {
    const l = it.n.lower;
    confirmed ??= all.filter((x) => !caseless[x.sentence]).map((x) => `\0${x.n.lower}\0`).join('');
    const last = !(wordBits(it.text) & ORG_HEAD) && confirmed.includes(` ${l}\0`);
    return confirmed.includes(`\0${l}\0`) || confirmed.includes(`\0${l} `) || last || it.n.knownPlace;
  };
  // A lone word the article also uses in lower case ("Trade", "Court") is no name, unless a
  // longer name in the document contains it (a surname).
  let inLonger: Set<string> | null = null;
  const good = all.filter((it) => {
    const bits = it.n.bits;
    // (nor is the plural of an acronym: "MPs", "TVs")
    if (bits & NO_NAME || ACRONYM_PLURAL.test(it.text)) return false;
    if (caseless[it.sentence] && !isConfirmed(it)) return false;
    if (!(bits & ONE_WORD) || !(usedInLowerCase(it.n.lower) || bits & STOPWORD) || it.n.country) return true;
    inLonger ??= new Set(all.filter((x) => x.text.includes(' ')).flatMap((x) => x.n.lower.split(' ')));
    return inLonger.has(it.n.lower);
  });
  return { items: good, caseless, doc: d };
}

/** A style written short before a name ("Dr.", "Prof."). */
const STYLE = /^\p{Lu}\p{Ll}{1,3}\.$/u;

/** A hyphenated adjective's participle: "US-based", "Kremlin-backed", "state-run". */
const PARTICIPLE_END = /-\p{Ll}+(?:ed|run|born|made)$/u;

/** The head word of a name: its last, or the last before "of" ("Institute" of "Institute of Technology"). */
function headWord(name: string): string {
  const of = name.indexOf(' of ');
  const head = of < 0 ? name : name.slice(0, of);
  return head.slice(head.lastIndexOf(' ') + 1);
}

/** Order of items in the text. */
const byPosition = (a: Item, b: Item) => a.sentence - b.sentence || a.from - b.from;

/** Claims the document's tokens [from, to) if none of them is claimed yet; whether they were free. */
function claim(claimed: Uint8Array, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (claimed[k]) return false;
  claimed.fill(1, from, to);
  return true;
}

/** Whether `test` holds for every index in [from, to). */
function everyFrom(from: number, to: number, test: (i: number) => unknown): boolean {
  for (let i = from; i < to; i++) if (!test(i)) return false;
  return true;
}

/**
 * "the approval of the Fabrikam Deal": a capitalized common noun ends a phrase about a name,
 * not an organization's name. The name before it is the entity when the document uses it on
 * its own; otherwise the phrase is no organization.
 */
function commonHeads(d: Doc, items: Item[]): void {
  for (const it of items) {
    const si = it.sentence;
    if (it.kind !== 'ORG' || it.rule || it.to - it.from < 2 || !(d.at(si, it.to - 1) & COMMON_HEAD) || !(d.at(si, it.to - 2) & CAPITALIZED)) continue;
    const r = trim(d, si, it.from, it.to - 1);
    const rest = r && surface(d.sentences[si]!, r[0], r[1]).toLowerCase();
    if (r && items.some((x) => x !== it && x.n.lower === rest)) {
      [it.from, it.to] = r;
      it.text = surface(d.sentences[si]!, r[0], r[1]);
      it.n = nameOf(it.text);
    } else it.kind = 'MISC';
  }
}

/**
 * "across Latin America", "the Balkans": a world region is a place, whatever the tagger
 * made of it (nothing, or pieces: "Southern" + "California"), and so is a compass point before a
 * well-known place ("Southern California", "East London"); unless a capitalized word follows
 * ("Latin America Fisheries Council") or a longer name holds it.
 */
function regionsAsPlaces(d: Doc, items: Item[], caseless: boolean[]): void {
  const { names, longest } = worldRegions();
  d.sentences.forEach((s, si) => {
    if (caseless[si]) return;
    const t = s.tokens;
    for (let i = 0; i < t.length; i++) {
      if (!mayStartRegion(t[i]!.text) || !(d.at(si, i) & REGION_START)) continue;
      const compass = COMPASS.has(t[i]!.text);
      for (let len = Math.min(longest, t.length - i); len >= 1; len--) {
        const text = surface(s, i, i + len);
        // (a place known whole, "South Africa", needs no rule)
        const region = names.has(text.toLowerCase()) || (compass && len > 1 && !nameOf(text).knownPlace && nameOf(surface(s, i + 1, i + len)).knownPlace);
        if (!region || !(d.at(si, i + len - 1) & CAPITALIZED)) continue;
        if (i + len < t.length && d.at(si, i + len) & CAPITALIZED) break;
        const over = items.filter((x) => x.sentence === si && x.from < i + len && i < x.to);
        // Pieces ("Southern" + "California") make way, but not two places ("Australia and New Zealand").
        const pieces = d.at(si, i) & CAPITALIZED && !text.includes(' and ') && over.every((x) => x.from >= i && x.to <= i + len);
        if (over.length === 0 || pieces) {
          for (const x of over) items.splice(items.indexOf(x), 1);
          items.push({ kind: 'LOC', sentence: si, from: i, to: i + len, text, n: nameOf(text), roles: [], rule: true });
        } else if (over.length === 1 && over[0]!.from === i && over[0]!.to === i + len) Object.assign(over[0]!, { kind: 'LOC', rule: true });
        i += len - 1;
        break;
      }
    }
  });
  items.sort(byPosition);
}

/**
 * "Greenpeace Brazil", "Vodafone Spain": an organization's national arm, which the tagger reads
 * as a place for the country it ends in, or as that country alone. Every word before the country
 * is a body WordNet knows or no English word at all, and none is a place ("Southern Brazil",
 * "Mainland China", "Santander Spain" stay places).
 */
function branchesAsOrgs(d: Doc, items: Item[]): void {
  items.forEach((it, k) => {
    const t = d.sentences[it.sentence]!.tokens;
    if (it.kind !== 'LOC' || !nameOf(t[it.to - 1]!.text).country) return;
    const brand = (i: number) => {
      const w = t[i]!.text;
      return (d.at(it.sentence, i) & UPPER_LOWER) !== 0 && !nameOf(w).listedPlace && (!isEnglishWord(w) || ((gazetteer().phrases.get(lower(w)) ?? 0) & GAZ.WN_GROUP) !== 0);
    };
    if (it.n.words >= 2 && !it.n.knownPlace && everyFrom(it.from, it.to - 1, brand)) it.kind = 'ORG';
    // (the brand the tagger left out: one word, a proper noun, with no name of its own)
    const before = it.from - 1;
    const prev = items[k - 1];
    if (it.to - it.from === 1 && before >= 0 && t[before]!.pos === 'NNP' && brand(before) && !(prev?.sentence === it.sentence && prev.to > before)) {
      it.from = before;
      it.text = nameSurface(d, it.sentence, before, it.to);
      it.n = nameOf(it.text);
      it.kind = 'ORG';
    }
  });
}

/** A known place inside an organization's name ("Hong Kong" in "Hong Kong Rugby Union") still names the place. */
const isPlaceIn = (it: Item) => it.kind === 'LOC' && it.n.knownPlace;

/**
 * "the Indo-Pacific Economic Partnership talks ... at IPEP": an acronym tagged as an organization
 * in a cased sentence makes an organization of the words that spell it, wherever the article
 * writes them and whatever the tagger made of them (nothing, or pieces). Not where the words run
 * on into a longer name, or another name reaches past them, or a rule made them a place, nor of a
 * person or a known place. A two-letter acronym spells too easily: only a name tagged whole.
 */
function expansionsOfAcronyms(d: Doc, items: Item[], caseless: boolean[]): void {
  const acronyms = new Set<string>();
  for (const it of items) {
    if (it.kind === 'ORG' && !caseless[it.sentence] && !(it.n.bits & NO_NAME) && !it.n.country && isAcronym(it.text)) acronyms.add(letters(it.text));
  }
  if (!acronyms.size) return;
  const list = [...acronyms];
  let added = false;
  d.sentences.forEach((s, si) => {
    if (caseless[si]) return;
    const t = s.tokens;
    const word = (i: number) => t[i]?.text;
    const runsOn = (end: number) => end < t.length && (d.at(si, end) & CAPITALIZED) !== 0;
    for (let i = 0; i < t.length; i++) {
      // A function word is capitalized at the start of a sentence for no other reason ("So").
      if (!d.capitalized(si, i) || (d.at(si, i) & STOP && (i === 0 || d.at(si, i - 1) & OPENING))) continue;
      const initial = t[i]!.text.charCodeAt(0);
      for (const acr of list) {
        if (acr.charCodeAt(0) !== initial) continue;
        // A name with its acronym in brackets after it may spell it loosely.
        const bracketed = (e: number) => word(e) === '(' && letters(word(e + 1) ?? '') === acr && word(e + 2) === ')';
        let end = spell(acr, word, i, (e) => !runsOn(e));
        if (end < 0) end = spell(acr, word, i, bracketed, true);
        if (end < 0) continue;
        const over = items.filter((x) => x.sentence === si && x.from < end && i < x.to);
        const exact = over.length === 1 && over[0]!.from === i && over[0]!.to === end ? over[0]! : null;
        if (over.some((x) => x.from < i || x.to > end || x.rule) || exact?.kind === 'PER' || exact?.kind === 'ORG') continue;
        if (acr.length < 3 && !(exact && end - i >= 2)) continue;
        const text = surface(s, i, end);
        const n = nameOf(text);
        if (n.knownPlace || n.demonymOnly) continue;
        for (const x of over) if (x === exact || !isPlaceIn(x)) items.splice(items.indexOf(x), 1);
        items.push({ kind: 'ORG', sentence: si, from: i, to: end, text, n, roles: [], rule: true });
        added = true;
        i = end - 1;
        break;
      }
    }
  });
  if (added) items.sort(byPosition);
}

/**
 * How two names in a sentence are joined: "," and/or "and"/"or" ("plain"), the same before
 * lower-case words that end in a company noun ("and venture firm": "firm"), or not as a list.
 */
function joint(t: Token[], from: number, to: number): 'plain' | 'firm' | null {
  let i = from;
  if (t[i]?.text === ',') i++;
  const and = i < to && /^(?:and|or)$/.test(t[i]!.text);
  if (and) i++;
  if (i === from) return null;
  if (i === to) return 'plain';
  if (!and || to - i > 4 || !t.slice(i, to).every((x) => /^\p{Ll}/u.test(x.text))) return null;
  return FIRM_NOUNS.has(t[to - 1]!.text) ? 'firm' : null;
}

/** Words right after a name that show a person: "said", "who", a pronoun. */
const PERSON_NEXT = new Set(['said', 'says', 'told', 'added', 'who', 'he', 'she', 'his', 'her', 'himself', 'herself']);

/**
 * "Acme Corp., Halvorsen Kittredge and venture firm Northwind LLC": a name tagged as a person
 * in a list with a company (one with a legal suffix, or described as a firm) is a firm named
 * after people, and so is a one-word "person" in a list of organizations and no longer people
 * ("Tarn, Quillmoor and Ferrand" with Quillmoor an organization), when the document never uses
 * it like a person: no role, no "said" or pronoun after it, no surname alone or in a longer
 * person's name, no known given name first.
 */
function firmsInLists(d: Doc, items: Item[]): void {
  const firms = new Set<string>();
  for (let a = 0; a < items.length; a++) {
    // A list: items of one sentence joined one to the next.
    let b = a;
    let company = false;
    // Organizations and one-word "people"; whether a longer person's name or a place is listed.
    let organizations = 0;
    let loners = 0;
    let people = false;
    let places = false;
    for (;;) {
      const it = items[b]!;
      if (it.kind === 'ORG' && it.n.base !== it.text) company = true;
      if (it.kind === 'ORG') organizations++;
      if (it.kind === 'PER') it.to - it.from > 1 ? (people = true) : loners++;
      if (it.kind === 'LOC') places = true;
      const next = items[b + 1];
      const j = next && next.sentence === it.sentence ? joint(d.sentences[it.sentence]!.tokens, it.to, next.from) : null;
      if (!j) break;
      if (j === 'firm' && next!.kind === 'ORG') company = true;
      b++;
    }
    // (a team sheet is a list of surnames with no verb, where the tagger may take one for a club)
    const firmList = company || (organizations >= loners && !people && !places && d.sentences[items[a]!.sentence]!.tokens.some((x) => isFiniteVerb(x.pos)));
    if (b > a && firmList) {
      for (let k = a; k <= b; k++) {
        const it = items[k]!;
        if (it.kind !== 'PER') continue;
        const words = it.to - it.from;
        // (no given name alone nor a person WordNet knows beside one organization, "Avi and Joel",
        // "Bush and Blair"; among more, it is a firm's name: "Dell, HP and Lenovo")
        const firm = company
          ? words >= 2 && !isFirstName(d.sentences[it.sentence]!.tokens[it.from]!.text)
          : words === 1 && (organizations >= 2 || !((gazetteer().phrases.get(it.n.lower) ?? 0) & (GAZ.FIRST_NAME | GAZ.WN_PERSON)));
        if (firm) firms.add(it.n.lower);
      }
    }
    a = b;
  }
  if (!firms.size) return;
  for (const it of items) {
    const t = d.sentences[it.sentence]!.tokens;
    const next = t[it.to]?.text === ',' ? t[it.to + 1] : t[it.to];
    const personal = it.roles.length > 0 || PERSON_NEXT.has(next?.text.toLowerCase() ?? '') || afterHonorific(d.sentences, it);
    for (const f of firms) {
      const words = f.split(' ');
      const held = words.length === 1 && it.kind === 'PER' && it.n.words > 1 && it.n.lower.split(' ').includes(f);
      if (it.n.lower === f ? personal : it.n.lower === words[0] || it.n.lower === words[words.length - 1] || held) firms.delete(f);
    }
  }
  for (const it of items) if (it.kind === 'PER' && firms.has(it.n.lower)) it.kind = 'ORG';
}

/**
 * "Quillmoor, a maker of heat pumps", "Helion Forge, the startup that ...": a name set off by a
 * comma before a phrase whose head is a company noun is a company, whatever the tagger made of it
 * (a person, or a place it does not know), and so is one right after such a noun ("search engine
 * Quillmoor", "record label Tarn") or after those a firm employs ("analysts at Tarn"), unless the
 * document gives it a role or it opens with a known given name ("Ana Ruiz, an investor in ...").
 */
function firmsByApposition(d: Doc, items: Item[]): void {
  const firms = new Set<string>();
  for (const it of items) {
    if (it.kind !== 'PER' && !(it.kind === 'LOC' && !it.n.knownPlace)) continue;
    const t = d.sentences[it.sentence]!.tokens;
    // (a given name opens a person's name, not one that goes on in capitalized English words: "Gun Violence Archive")
    if (isFirstName(t[it.from]!.text) && !(it.to - it.from >= 3 && everyFrom(it.from + 1, it.to, (i) => d.at(it.sentence, i) & UPPER_LOWER && isEnglishWord(t[i]!.text)))) continue;
    const before = it.from > 0 ? t[it.from - 1]!.text : '';
    const employer = before === 'at' && it.from > 1 && EMPLOYED_AT.has(lower(t[it.from - 2]!.text));
    // (a rival may be a person's, but no place is one: "rival Stellantis")
    const rival = it.kind === 'LOC' && RIVAL.test(before);
    if ((t[it.to]?.text === ',' && describesFirm(t, it.to + 1)) || (FIRM_BEFORE.has(before) && !(d.at(it.sentence, it.from - 1) & ROLE_HEAD)) || listedAsFirms(t, it.from) || employer || rival) firms.add(it.n.lower);
  }
  makeFirms(items, firms, false);
}

/**
 * Makes companies of the names in `firms` that the document gives no role, and with `longer` of
 * the longer names of people they begin ("Calderon" → "Calderon Micro").
 */
function makeFirms(items: Item[], firms: Set<string>, longer: boolean): void {
  if (!firms.size) return;
  for (const it of items) if (it.roles.length) firms.delete(it.n.lower);
  const first = (it: Item) => it.n.lower.slice(0, it.n.lower.indexOf(' '));
  for (const it of items) if (it.kind !== 'ORG' && (firms.has(it.n.lower) || (longer && it.kind === 'PER' && it.n.words > 1 && firms.has(first(it))))) it.kind = 'ORG';
}

/**
 * "Calderon's chief executive", "Tarn's shareholders", "Tarn boss Ana Ruiz": a name whose possessive
 * holds what only a company has, or that its leader's title follows, is a company, and so is the
 * longer name it begins ("Calderon Micro"), unless the document gives it a role or a given name
 * opens it.
 */
function firmsByPossessions(d: Doc, items: Item[]): void {
  const firms = new Set<string>();
  for (const it of items) {
    if (it.kind !== 'PER' && !(it.kind === 'LOC' && !it.n.knownPlace)) continue;
    const t = d.sentences[it.sentence]!.tokens;
    // (a team is named for its country or town: "Wales boss Mike Ruddock")
    if (it.to >= t.length || isFirstName(t[it.from]!.text) || it.n.listedPlace) continue;
    // "Tarn boss Ana Ruiz", "Tarn chairman ...": who leads it, right after the name
    const after = lower(t[it.to]!.text);
    if (LEADS_FIRM.has(after) || (after === 'chief' && (/^executive$/i.test(t[it.to + 1]?.text ?? '') || d.at(it.sentence, it.to + 1) & UPPER_LOWER))) firms.add(it.n.lower);
    if (!(d.at(it.sentence, it.to) & POSSESSIVE_WORD)) continue;
    for (let k = it.to + 1; k < t.length && k - it.to <= 3; k++) {
      const w = lower(t[k]!.text);
      if (FIRM_POSSESSIONS.has(w) || (w === 'chief' && /^(?:executive|financial|operating)$/i.test(t[k + 1]?.text ?? ''))) firms.add(it.n.lower);
      if (!/^JJ/.test(t[k]!.pos ?? '')) break;
    }
  }
  makeFirms(items, firms, true);
}
/** Who leads a company, written right after its name ("Renault boss"); no person has a boss or a chairman. */
const LEADS_FIRM = new Set(['boss', 'chairman', 'chairwoman', 'ceo']);
/** What a company has and a person does not. */
const FIRM_POSSESSIONS = new Set(['ceo', 'chairman', 'chairwoman', 'shareholders', 'shares', 'subsidiary', 'subsidiaries', 'headquarters', 'profits', 'revenue', 'revenues', 'takeover', 'founder', 'founders', 'workforce']);

/** People a firm employs, before "at" and the firm's name ("analysts at Berenberg"). */
const EMPLOYED_AT = new Set(['analyst', 'analysts', 'economist', 'economists', 'strategist', 'strategists', 'banker', 'bankers', 'trader', 'traders', 'executives']);

/** Lower-case nouns right before a company's name ("search engine", "record label", "games maker"). */
const FIRM_BEFORE = new Set([...FIRM_NOUNS, 'engine', 'label', 'site', 'chain', 'brand', 'airline', 'supermarket', 'broadcaster', 'carmaker', 'automaker', 'portal', 'retailer', 'publisher', 'developer', 'journal', 'newspaper', 'magazine', 'tabloid', 'daily', 'weekly']);

const RIVAL = /^(?:rival|competitor)s?$/i;

/** Whether the name at `at` is in a list of examples of companies: "retailers including Argos and Tarn", "firms such as Tarn, Ferrand or Quill". */
function listedAsFirms(t: Token[], at: number): boolean {
  let k = at - 1;
  while (k > 0 && (/^(?:,|and|or)$/.test(t[k]!.text) || /^\p{Lu}/u.test(t[k]!.text))) k--;
  const such = t[k]?.text === 'as' && t[k - 1]?.text === 'such';
  if (!such && t[k]?.text !== 'including') return false;
  const noun = t[such ? k - 2 : k - 1]?.text ?? '';
  return FIRM_NOUNS.has(noun) || (noun.endsWith('s') && FIRM_BEFORE.has(noun.slice(0, -1)));
}

/** Modifiers a company noun may have between the article and itself ("a fast-growing Ohio software firm"). */
const FIRM_MODIFIER = /^(?:JJ[RS]?|NNP?|VB[NG]|CD|RBS?|HYPH)$/;

/** Whether tokens from `at` are an article, modifiers, then a company noun as the head of a phrase that is no clause's subject. */
function describesFirm(t: Token[], at: number): boolean {
  if (!/^(?:a|an|the)$/i.test(t[at]?.text ?? '')) return false;
  for (let k = at + 1; k < t.length && k <= at + 6; k++) {
    // (not "Gatwick, the company has written ...", where the phrase begins a clause)
    if (FIRM_NOUNS.has(t[k]!.text)) return !/^(?:NN|VB[DPZ]|MD)/.test(t[k + 1]?.pos ?? '');
    if (!FIRM_MODIFIER.test(t[k]!.pos ?? '')) return false;
  }
  return false;
}

/** A given name or a word no English lexicon knows, then only such unknown words: a person's name after a role word. */
function readsAsName(t: Token[], from: number, to: number): boolean {
  return (isFirstName(t[from]!.text) || !isEnglishWord(t[from]!.text)) && everyFrom(from + 1, to, (i) => !isEnglishWord(t[i]!.text));
}

function isFirstName(w: string): boolean {
  return ((gazetteer().phrases.get(w.toLowerCase()) ?? 0) & GAZ.FIRST_NAME) !== 0;
}

/** "President", "Lieutenant-Colonel", "Finance Minister": a title with no name. */
function isTitleOnly(s: Sentence, from: number, to: number): boolean {
  const first = s.tokens[from]!.text;
  const dash = first.indexOf('-');
  if (!isTitleWord(dash < 0 ? first : first.slice(0, dash))) return false;
  const words = s.tokens.slice(from, to).flatMap((t) => t.text.split('-')).filter((w) => !PUNCT.test(w));
  return words.every(isTitleWord) && words.some((w) => ROLE_HEADS.has(w.toLowerCase()) || HONORIFICS.has(w.toLowerCase()));
}

/** Splits a token range at the tokens where `cut` holds. */
function splitOn(r: [number, number], cut: (i: number) => boolean): [number, number][] {
  const out: [number, number][] = [];
  let start = r[0];
  for (let i = r[0]; i <= r[1]; i++) {
    if (i < r[1] && !cut(i)) continue;
    if (i > start) out.push([start, i]);
    start = i + 1;
  }
  return out;
}

/** A company's name without its legal suffix ("Fabrikam Co." → "Fabrikam"). */
function orgBase(text: string): string {
  const words = splitWords(text);
  let stripped = false;
  while (words.length > 1 && isCompanySuffix(words[words.length - 1]!.replace(/,$/, ''))) {
    words.pop();
    stripped = true;
    if (words.length > 1 && words[words.length - 1] === '&') words.pop();
    if (words.length > 1) words[words.length - 1] = words[words.length - 1]!.replace(/,$/, '');
  }
  if (stripped && words.length > 1 && COMPANY_DESCRIPTORS.has(words[words.length - 1]!.toLowerCase())) words.pop();
  return words.join(' ');
}

const isAcronym = (t: string) => /^[A-Z][A-Z&.]{1,7}$/.test(t) && /^[A-Z.&]+$/.test(t);

/** An acronym's letters: "U.N." → "UN", "AT&T" → "ATT". */
const letters = (acronym: string) => acronym.replace(/[.&]/g, '');

/**
 * Whether words from `from` on spell `acr` by their initials, and where they end (the first end
 * `accept` takes; -1 if none). Each capitalized word gives its first letter, a hyphenated one
 * each capitalized part's ("Indo-Pacific" → I, P); connectors inside ("of", "and", "the", "&")
 * may give theirs or be skipped ("Bank of England" = BOE = BE). No article begins the spelling.
 */
function spell(acr: string, word: (i: number) => string | undefined, from: number, accept: (end: number) => boolean, loose = false): number {
  const joined = (w: string | undefined) => w === 'and' || w === '&';
  const go = (pos: number, i: number): number => {
    const w = word(i);
    if (w === undefined) return -1;
    const b = wordBits(w);
    if ((b & STARTS_LOWER && !(b & BREAKS)) || w === '&') {
      if (pos === 0) return -1;
      const own = pos + 1 < acr.length && w[0]!.toUpperCase() === acr[pos] ? go(pos + 1, i + 1) : -1;
      return own >= 0 ? own : go(pos, i + 1);
    }
    if (!(b & CAPITALIZED) || (pos === 0 && b & LEAD)) return -1;
    // Loosely, a word joined by "and" may give no letter: "Disease Prevention and Control" (ECDC).
    if (loose && pos > 0 && (joined(word(i + 1)) || joined(word(i - 1)))) {
      const skipped = go(pos, i + 1);
      if (skipped >= 0) return skipped;
    }
    let p = pos;
    for (const part of w.split('-')) {
      if (!/^\p{Lu}/u.test(part)) continue;
      if (acr[p] !== part[0]) return -1;
      p++;
    }
    if (p < acr.length) return go(p, i + 1);
    return accept(i + 1) ? i + 1 : -1;
  };
  return go(0, from);
}

/** Whether a name spells an acronym's letters, all its words used ("World Health Organization", "WHO"). */
function spells(name: string, acr: string): boolean {
  const words = name.split(' ');
  return spell(acr, (i) => words[i], 0, (end) => end === words.length) >= 0;
}

/** Prefers a form with lower-case letters ("London" over the dateline's "LONDON"). */
function display(forms: Name[]): string {
  if (forms.length === 1) return forms[0]!.display;
  const counts = new Map<string, { form: Name; n: number }>();
  for (const f of forms) {
    const c = counts.get(f.text);
    if (c) c.n++;
    else counts.set(f.text, { form: f, n: 1 });
  }
  // The first form with lower case of those seen most often (forms without it come last).
  let best = forms[0]!;
  let bestRank = -1;
  for (const { form, n } of counts.values()) {
    const rank = (form.bits & HAS_LOWER ? 1 << 30 : 0) + n;
    if (rank > bestRank) [best, bestRank] = [form, rank];
  }
  return best.display;
}

interface Cluster {
  kind: EntityKind;
  name: string;
  forms: Name[];
  items: Item[];
}

const spaceless = memo((key) => key.replace(/\s/g, ''));

/** Whether a name comes right after "Mr", "Mrs", "Ms" or "Miss" (not the verb: "to miss Ireland"). */
function afterHonorific(sentences: Sentence[], it: Item): boolean {
  return it.from > 0 && (wordBits(sentences[it.sentence]!.tokens[it.from - 1]!.text) & (HONORIFIC | CAPITALIZED)) === (HONORIFIC | CAPITALIZED);
}

/** "hospitals in Leeds", "director for Yorkshire", "MP for Leeds Central": a place by the words before it. */
function placeByContext(t: Token[], it: Item): boolean {
  const before = it.from > 0 ? t[it.from - 1]!.text : '';
  if (before === 'in') return it.n.words === 1 && it.n.knownPlace;
  if (before !== 'for' || it.from < 2 || !(wordBits(t[it.from - 2]!.text) & ROLE_HEAD)) return false;
  // (a constituency: a place and a point of the compass)
  return it.n.words === 1 ? it.n.listedPlace : it.to - it.from === 2 && COMPASS.has(t[it.to - 1]!.text) && nameOf(t[it.from]!.text).listedPlace;
}

/**
 * One type per name across the document, by majority ("Jordan" PER twice and LOC once → PER).
 * The headline, whose capitalization tells the tagger little, follows the body where the body
 * tags a name one way. A tie goes to the kind a rule gave (a world region is a place), else
 * each mention keeps the tagger's (a team and its city, "Milan" in a sports report, are both).
 */
function voteKinds(items: Item[], sentences: Sentence[]): void {
  const votes = new Map<string, Map<EntityKind, number>>();
  // (spaces aside: "TimeWarner" votes with "Time Warner")
  const keys = items.map((it) => spaceless(it.n.voteKey));
  const vote = (k: string, kind: EntityKind, weight: number) => {
    const m = votes.get(k) ?? new Map<EntityKind, number>();
    m.set(kind, (m.get(kind) ?? 0) + weight);
    votes.set(k, m);
  };
  const inTitle = (it: Item) => sentences[it.sentence]!.kind === 'title';
  // The body's kind of each name, null where the body has it more than one way.
  const body = new Map<string, EntityKind | null>();
  items.forEach((it, i) => {
    const was = body.get(keys[i]!);
    if (!inTitle(it)) body.set(keys[i]!, was === undefined || was === it.kind ? it.kind : null);
  });
  items.forEach((it, i) => {
    if (inTitle(it)) it.kind = body.get(keys[i]!) ?? it.kind;
  });
  const ruled = new Map<string, EntityKind>();
  items.forEach((it, i) => {
    // "Mr Mittal" is a person, whatever else the name is part of ("Mittal Steel").
    if (afterHonorific(sentences, it) && it.n.words <= 3) {
      it.kind = 'PER';
      ruled.set(keys[i]!, 'PER');
    }
  });
  items.forEach((it, i) => {
    // A role marks a person, a legal suffix a company (all but certainly): more weight. So does
    // "in" mark a known place ("hospitals in Leeds"), and a role's remit a listed one ("director
    // for Yorkshire"), whatever a club of the name made the tagger say.
    if (it.kind !== 'LOC' && placeByContext(sentences[it.sentence]!.tokens, it)) vote(keys[i]!, 'LOC', 2);
    else {
      // (and a name that ends in what a firm does more likely names the firm: "Buckeye Valley Health")
      const firm = it.kind === 'ORG' && it.n.words > 1 && sectorHead(it.n.voteKey.slice(it.n.voteKey.lastIndexOf(' ') + 1));
      vote(keys[i]!, it.kind, it.roles.length ? 2 : it.kind === 'ORG' && it.n.base !== it.text ? 10 : firm ? 2 : 1);
    }
    if (it.rule && !ruled.has(keys[i]!)) ruled.set(keys[i]!, it.kind);
  });
  // A surname tagged as a person elsewhere votes for the full name ("Scholz" → "Olaf Scholz").
  // Votes of one-word names are read here, and only those of longer names change.
  items.forEach((it, i) => {
    const surname = it.n.surname;
    const per = surname ? votes.get(surname)?.get('PER') : undefined;
    if (per) vote(keys[i]!, 'PER', per);
  });
  // The last two words or more of a longer person's name are that person's, whatever the tagger
  // said of them alone ("Wolden Bache" of "Ida Wolden Bache"), as much as a role would say.
  const tails = new Set<string>();
  for (const it of items) {
    if (it.kind !== 'PER' || it.n.words < 3) continue;
    const words = it.n.voteKey.split(' ');
    for (let k = 1; k <= words.length - 2; k++) tails.add(spaceless(words.slice(k).join(' ')));
  }
  if (tails.size) items.forEach((it, i) => it.kind !== 'PER' && tails.has(keys[i]!) && vote(keys[i]!, 'PER', 2));
  items.forEach((it, i) => {
    const m = votes.get(keys[i]!)!;
    let kind = ruled.get(keys[i]!) ?? it.kind;
    let most = m.get(kind) ?? 0;
    for (const [x, n] of m) if (n > most) [kind, most] = [x, n];
    it.kind = kind;
  });
}


/**
 * A "person" known by one word, with no role or honorific, that the document never uses as one:
 * a planet, every mention modifies the noun after it ("Tory leader", "Oscar nominations"), or the word
 * names something abstract ("at Christmas") and no mention is followed by "said" or a pronoun.
 */
function oneWordNoPerson(d: Doc, c: Cluster): boolean {
  const first = c.items[0]!;
  const known = gazetteer().phrases.get(first.n.lower) ?? 0;
  if (c.items.some((it) => it.to - it.from > 1 || it.roles.length || afterHonorific(d.sentences, it))) return false;
  if (PLANETS.has(first.n.lower)) return true;
  if (known & GAZ.WN_PERSON) return false;
  // (the plural of a demonym: "Thais")
  if (first.n.lower.endsWith('s') && (gazetteer().phrases.get(first.n.lower.slice(0, -1)) ?? 0) & GAZ.DEMONYM) return true;
  const next = (it: Item) => d.sentences[it.sentence]!.tokens[it.to];
  // (a common noun, or an acronym's plural: "Tory MPs"; a role the tagger calls an adjective,
  // "Tory co-chairman"; a noun in quotes, "Tory 'lies'")
  const modifies = (it: Item) => {
    const at = QUOTE_MARK.test(next(it)?.text ?? '') ? it.to + 1 : it.to;
    const word = d.sentences[it.sentence]!.tokens[at];
    if (!word) return false;
    const bits = d.at(it.sentence, at);
    return (/^NNS?$/.test(word.pos ?? '') || (bits & (ROLE_HEAD | STARTS_LOWER)) === (ROLE_HEAD | STARTS_LOWER)) && (bits & STARTS_LOWER || /^\p{Lu}{2,}s?$/u.test(word.text));
  };
  if (c.items.every(modifies)) return true;
  // (a surname in a list of names, as in a team sheet, is a person's: "Hart, Diamond, Byrne")
  const listed = (it: Item) => {
    const t = d.sentences[it.sentence]!.tokens;
    const name = (i: number) => t[i]?.pos === 'NNP' && d.at(it.sentence, i) & UPPER_LOWER;
    return (LIST_COMMA.test(t[it.to]?.text ?? '') && name(it.to + 1)) || (it.from > 1 && LIST_COMMA.test(t[it.from - 1]!.text) && name(it.from - 2));
  };
  return !(known & GAZ.FIRST_NAME) && isAbstract(first.n.lower) && !c.items.some((it) => PERSON_NEXT.has(next(it)?.text.toLowerCase() ?? '') || listed(it));
}
const LIST_COMMA = /^[,;]$/;
const ACRONYM_PLURAL = /^\p{Lu}[\p{Lu}\d]+s$/u;

/**
 * An "organization" that is one abstract noun, only ever the first word of a quote, where a
 * capital says nothing: '"Safety is our absolute priority," she said.' (At the start of a
 * sentence such a word is often a club's name: "Reading v Stockport".)
 */
function openingWordNoOrg(d: Doc, c: Cluster): boolean {
  const first = c.items[0]!;
  if (first.to - first.from > 1 || !(first.n.bits & HAS_LOWER) || (gazetteer().phrases.get(first.n.lower) ?? 0) & GAZ.WN_GROUP || !isAbstract(first.n.lower)) return false;
  return c.items.every((it) => it.to - it.from === 1 && it.from > 0 && QUOTE_MARK.test(d.sentences[it.sentence]!.tokens[it.from - 1]!.text));
}
const QUOTE_MARK = /^["“‘']$/;

function clusterPeople(items: Item[]): Cluster[] {
  const people = items.filter((i) => i.kind === 'PER');
  const full = new Map<string, Cluster>();
  for (const it of people) {
    const k = it.n.lower;
    if (it.to - it.from >= 2 && !isSurname(it.text) && !full.has(k)) full.set(k, { kind: 'PER', name: it.text, forms: [], items: [] });
  }
  // A name that ends a longer one is a short name of it ("Wolden Bache" of "Ida Wolden Bache").
  const fullKeys = [...full.keys()];
  for (const k of fullKeys) if (fullKeys.some((fk) => fk.length > k.length && fk.endsWith(` ${k}`))) full.delete(k);
  const singles = new Map<string, Cluster>();
  const lastSeen = new Map<Cluster, number>();
  const seen = (x: Cluster) => lastSeen.get(x) ?? -1;
  // The full names that start or end with a short name, by the short name.
  const fullNamesOf = new Map<string, Cluster[]>();
  people.forEach((it, order) => {
    const k = it.n.lower;
    let c = full.get(k);
    if (!c && full.size) {
      let cands = fullNamesOf.get(k);
      if (!cands) {
        const [last, first] = [` ${k}`, `${k} `];
        // (or the surname before particles: "Lula" of "Luiz Inácio Lula da Silva")
        const beforeParticle = (fk: string) => fk.split(' ').some((w, i, ws) => w === k && i > 0 && NAME_PARTICLES.has(ws[i + 1] ?? ''));
        cands = [...full.entries()].filter(([fk]) => fk.endsWith(last) || fk.startsWith(first) || beforeParticle(fk)).map(([, x]) => x);
        fullNamesOf.set(k, cands);
      }
      // A short name joins such a full name; when several people share it (a family), the
      // one mentioned most so far, then the most recent one.
      for (const x of cands) if (!c || x.items.length > c.items.length || (x.items.length === c.items.length && seen(x) > seen(c))) c = x;
    }
    if (!c) {
      c = singles.get(k) ?? { kind: 'PER', name: it.text, forms: [], items: [] };
      singles.set(k, c);
    }
    c.forms.push(it.n);
    c.items.push(it);
    lastSeen.set(c, order);
  });
  return [...full.values(), ...singles.values()].filter((c) => c.items.length);
}

/**
 * Hyphens and spaces make no other organization: "High-Speed Packet Access" = "High Speed Packet
 * Access", "TimeWarner" = "Time Warner".
 */
const orgKey = memo((key) => key.replace(/[-\s]/g, ''));

function clusterOrgs(items: Item[], sentences: Sentence[]): Cluster[] {
  const orgs = items.filter((i) => i.kind === 'ORG');
  const byKey = new Map<string, Cluster>();
  for (const it of orgs) {
    const name = it.name ?? it.n.base;
    const k = orgKey(it.name ? lower(it.name) : it.n.voteKey);
    const c = byKey.get(k) ?? { kind: 'ORG' as EntityKind, name, forms: [], items: [] };
    c.forms.push(it.n);
    if (it.name) c.forms.push(nameOf(it.name));
    c.items.push(it);
    byKey.set(k, c);
  }
  // Acronyms: "(NATO)" right after an expansion, or the initials of a name in the document.
  const expansions = new Map<string, Cluster>();
  for (const it of items) {
    if (it.kind !== 'ORG' && it.kind !== 'MISC') continue;
    const s = sentences[it.sentence]!;
    const next = s.tokens[it.to];
    const acr = s.tokens[it.to + 1];
    if (next?.text === '(' && s.tokens[it.to + 2]?.text === ')' && acr && isAcronym(acr.text) && /[\s-]/.test(it.text)) {
      const ck = orgKey(it.n.voteKey);
      let c = byKey.get(ck);
      if (!c) {
        c = { kind: 'ORG', name: it.n.base, forms: [it.n], items: [it] };
        byKey.set(ck, c);
      }
      expansions.set(letters(acr.text), c);
    }
  }
  for (const [k, c] of [...byKey]) {
    if (!isAcronym(c.name)) continue;
    const acr = letters(c.name);
    const exp = expansions.get(acr) ?? [...byKey.values()].find((x) => x !== c && x.forms.some((f) => /[\s-]/.test(f.text) && spells(f.text, acr)));
    if (exp && exp !== c) {
      mergeInto(byKey, k, exp);
    }
  }
  // A company or a club introduced in full and then by its first word: "Kestrel" after "Kestrel
  // Homes Ltd.", "Wycombe" after "Wycombe Wanderers", when the full name ends in what it trades in
  // or a club's head and no other name begins so.
  const byFirst = new Map<string, Cluster[]>();
  for (const c of byKey.values()) {
    const words = c.name.split(' ');
    if (words.length !== 2 || !isFirmHead(words[1]!.toLowerCase())) continue;
    const k = orgKey(words[0]!.toLowerCase());
    byFirst.set(k, [...(byFirst.get(k) ?? []), c]);
  }
  for (const [k, c] of [...byKey]) {
    const into = byFirst.get(k);
    // (a headline often names the company short before the body names it in full)
    if (into?.length !== 1 || c.name.includes(' ') || firstOf(into[0]!, sentences) > firstOf(c, sentences)) continue;
    mergeInto(byKey, k, into[0]!);
  }
  // An institution named again by its head: "the Commission" after "European Commission", when
  // only one such name comes before it.
  for (const [k, c] of [...byKey]) {
    if (c.name.includes(' ') || !(wordBits(c.name) & ORG_HEAD)) continue;
    const at = firstOf(c, sentences);
    const into = [...byKey.values()].filter((x) => x !== c && x.name.endsWith(` ${c.name}`) && firstOf(x, sentences) < at);
    if (into.length !== 1) continue;
    mergeInto(byKey, k, into[0]!);
  }
  // A club named after its town, cut short: "City" for "Manchester City", "Dortmund" or
  // "Borussia" for "Borussia Dortmund", when only one such club of the article is named so
  // ("Newcastle United" beside "Manchester United" stays apart).
  const clubs = new Map<string, Cluster[]>();
  const addClub = (key: string, c: Cluster) => clubs.set(key, [...(clubs.get(key) ?? []), c]);
  for (const c of byKey.values()) {
    const [first, last, more] = c.name.split(' ');
    if (!last || more) continue;
    if (nameOf(first!).knownPlace) addClub(last.toLowerCase(), c);
    // (a town's name after a plain word: not "AOL Europe", "BBC Liverpool", "Queen Mary", "East Stirling")
    else if (isTown(last) && UPPER_LOWER_WORD.test(first!) && !COMPASS.has(first!) && !(wordBits(first!) & TITLE_WORD) && !isFirstName(first!) && !isFirmHead(first!.toLowerCase())) {
      addClub(first!.toLowerCase(), c);
      addClub(last.toLowerCase(), c);
    }
  }
  for (const [k, c] of [...byKey]) {
    const into = clubs.get(k);
    if (into?.length !== 1) continue;
    mergeInto(byKey, k, into[0]!);
  }
  return [...byKey.values()];
}

const CITIES = GAZ.CITY_1M | GAZ.CITY_100K | GAZ.CITY_15K;
const isTown = (w: string) => ((gazetteer().phrases.get(w.toLowerCase()) ?? 0) & CITIES) !== 0 && !nameOf(w).country;

/** Moves the forms and mentions of cluster `key` into `into`, and drops the key. */
function mergeInto(byKey: Map<string, Cluster>, key: string, into: Cluster): void {
  const c = byKey.get(key)!;
  into.forms.push(...c.forms);
  into.items.push(...c.items);
  byKey.delete(key);
}

/** Whether a name's last word, in lower case, says it is a company or a club ("Homes", "Rovers"). */
const isFirmHead = (last: string) => TRADE_NOUNS.has(last) || CLUB_HEADS.has(last);

/** Whether words before a sector's name name a place it may serve: one a list has, but no point of the compass ("West" of "West Bank"). */
const servedPlace = (text: string) => nameOf(text).listedPlace && !COMPASS.has(text);

/** Whether a name's last word says what a company or a public service does ("Airlines", "Health"). */
const sectorHead = (last: string) => TRADE_NOUNS.has(lower(last)) || SERVICE_HEADS.has(lower(last));

/** Where a cluster is first named in the text below the headline, as a sortable number. */
const firstOf = (c: Cluster, sentences: Sentence[]) => Math.min(...c.items.map((it) => (sentences[it.sentence]!.kind === 'title' ? 1e9 : it.sentence * 1e4 + it.from)));

/**
 * A "place" that names a disease: one mention right before "virus", "fever" or "disease"
 * ("Marburg virus", "Lyme disease"), and none after "in", "at", "from" or "near", where a place is
 * where things happen ("cases in Marburg"); not a country ("Tanzania virus cases").
 */
function namesDisease(d: Doc, c: Cluster): boolean {
  if (c.items.some((it) => it.n.country)) return false;
  const word = (it: Item, at: number) => lower(d.sentences[it.sentence]!.tokens[at]?.text ?? '');
  return c.items.some((it) => DISEASE_HEADS.has(word(it, it.to))) && !c.items.some((it) => LOCATIVE.has(word(it, it.from - 1)));
}
const DISEASE_HEADS = new Set(['virus', 'fever', 'disease']);
const LOCATIVE = new Set(['in', 'at', 'from', 'near']);

function clusterPlaces(items: Item[]): Cluster[] {
  const byKey = new Map<string, Cluster>();
  for (const it of items) {
    if (it.kind !== 'LOC') continue;
    if (it.n.demonymOnly) continue;
    const k = it.n.placeKey;
    const c = byKey.get(k) ?? { kind: 'LOC' as EntityKind, name: k.startsWith('country:') ? k.slice(8) : '', forms: [], items: [] };
    c.forms.push(it.n);
    c.items.push(it);
    byKey.set(k, c);
  }
  // "plants in America" beside "the United States": where the article names the country, its
  // short name is the country.
  for (const [k, c] of byKey) {
    const country = countryByShortName(k);
    const into = country && byKey.get(`country:${country.name}`);
    if (!into) continue;
    mergeInto(byKey, k, into);
  }
  return [...byKey.values()];
}

/**
 * Finds untagged repeats of known names (a headline's "RUIZ", a later bare "Ruiz"). In cased
 * sentences the repeat must have the case of a known form.
 */
function rescan(d: Doc, clusters: Cluster[], items: Item[], caseless: boolean[]): void {
  const sentences = d.sentences;
  const names = new Map<string, Cluster>();
  const firsts = new Set<string>();
  let maxLen = 1;
  const add = (c: Cluster, f: Name) => {
    if (f.text.length < 2 || !(f.bits & HAS_UPPER)) return;
    const l = f.lower;
    if (!names.has(l)) names.set(l, c);
    const space = l.indexOf(' ');
    firsts.add(space < 0 ? l : l.slice(0, space));
    if (space >= 0) maxLen = Math.max(maxLen, f.words);
  };
  for (const c of clusters) {
    add(c, nameOf(c.name));
    for (const f of c.forms) add(c, f);
  }
  // Tokens already in an item, by their index in the document.
  const offsets = d.start;
  const covered = new Uint8Array(offsets[sentences.length]!);
  for (const it of items) covered.fill(1, offsets[it.sentence]! + it.from, offsets[it.sentence]! + it.to);
  sentences.forEach((s, si) => {
    const t = s.tokens;
    for (let i = 0; i < t.length; i++) {
      if (!d.capitalized(si, i) || covered[offsets[si]! + i] || !firsts.has(lower(t[i]!.text))) continue;
      for (let len = Math.min(maxLen, t.length - i); len >= 1; len--) {
        const text = surface(s, i, i + len);
        const c = names.get(text.toLowerCase());
        if (!c || (!caseless[si] && c.name !== text && !c.forms.some((f) => f.text === text))) continue;
        if (len === 1 && STOPWORDS.has(text.toLowerCase())) continue;
        c.items.push({ kind: c.kind, sentence: si, from: i, to: i + len, text, n: nameOf(text), roles: [] });
        i += len - 1;
        break;
      }
    }
  });
}

/** Entities of clusters; `used` holds the ids the article's entities of any kind already have. */
function toEntities(clusters: Cluster[], sentences: Sentence[], used: Set<string>): Entity[] {
  const out: { entity: Entity; first: number }[] = [];
  for (const c of clusters) {
    const name = c.kind === 'PER' ? personName(c) : c.name || display(c.forms);
    const n = name ? nameOf(name) : null;
    if (!n || n.bits & ALL_STOP) continue;
    let id = slugOf(name) || 'entity';
    for (let k = 2; used.has(id); k++) id = `${slugOf(name)}-${k}`;
    used.add(id);
    // A cluster has few distinct forms, roles and sentences: lists are cheaper than sets.
    const aliases: string[] = [];
    const seen = [n.lower];
    for (const f of c.forms) {
      if (seen.includes(f.lower)) continue;
      aliases.push(f.text);
      seen.push(f.lower);
    }
    const roles: string[] = [];
    const seenRoles: string[] = [];
    for (const it of c.items) {
      for (const r of it.roles) {
        const l = r.toLowerCase();
        if (seenRoles.includes(l)) continue;
        roles.push(r);
        seenRoles.push(l);
      }
    }
    const order = c.items.length > 1 ? [...c.items].sort(byPosition) : c.items;
    const ids: string[] = [];
    for (const it of order) {
      const sid = sentences[it.sentence]!.id;
      if (!ids.includes(sid)) ids.push(sid);
    }
    // "President" adds nothing next to "French President", nor "Prof" next to "Professor", nor a
    // style ("Dr.") next to any role.
    const fuller = roles.filter((r) => {
      const x = r.toLowerCase().replace(/\.$/, '');
      return !roles.some((o) => o !== r && (STYLE.test(r) || o.toLowerCase().endsWith(` ${x}`) || (!x.includes(' ') && o.toLowerCase().startsWith(x))));
    });
    out.push({ entity: { id, name, aliases, roles: fuller, mentions: c.items.length, sentences: ids }, first: order[0]!.sentence });
  }
  out.sort((a, b) => b.entity.mentions - a.entity.mentions || a.first - b.first);
  return out.map((e) => e.entity);
}

const slugOf = memo(slug);

/** The fullest form of a person's name (most words, then most frequent). */
function personName(c: Cluster): string {
  const counts = c.forms.map((f) => f.words);
  const top = counts.reduce((a, b) => Math.max(a, b), 0);
  return display(c.forms.filter((_, k) => counts[k] === top));
}

/**
 * "Wycombe" in a report on "Wycombe Wanderers", "Coreline" after "Coreline Semiconductor": a club
 * or a company called by its first word, which the tagger takes for a person when it has no role,
 * no person's name holds the word and no "Mr" comes before it.
 */
function firstWordsOfFirms(items: Item[], sentences: Sentence[]): void {
  const firsts = new Set<string>();
  for (const it of items) {
    const [first, head, more] = it.n.lower.split(' ');
    if (it.kind === 'ORG' && head && !more && isFirmHead(head)) firsts.add(first!);
  }
  if (firsts.size === 0) return;
  const personal = new Set(items.filter((x) => x.kind === 'PER' && x.n.words > 1).flatMap((x) => x.n.lower.split(' ')));
  for (const it of items) if (it.kind === 'PER' && it.n.words === 1 && !it.roles.length && firsts.has(it.n.lower) && !personal.has(it.n.lower) && !afterHonorific(sentences, it)) it.kind = 'ORG';
}

/**
 * "Alphabet Inc.'s Google", "Contoso Ltd.'s Fabrikam": a lone word the tagger took for a person
 * right after the possessive of a company named with its legal suffix is what the company owns
 * (a unit, a brand), when the document never gives it a role nor uses it in a longer person's
 * name. (After a short name it may be a person: "Meta's Zuckerberg".)
 */
function ownedByOrganizations(d: Doc, items: Item[]): void {
  const owned = new Set<string>();
  items.forEach((it, k) => {
    const owner = items[k - 1];
    if (it.kind !== 'PER' || it.n.words !== 1 || owner?.kind !== 'ORG' || owner.n.base === owner.text || owner.sentence !== it.sentence || owner.to + 1 !== it.from) return;
    if (d.at(it.sentence, owner.to) & POSSESSIVE_WORD) owned.add(it.n.lower);
  });
  if (owned.size === 0) return;
  const personal = new Set(items.filter((x) => x.kind === 'PER' && (x.n.words > 1 || x.roles.length)).flatMap((x) => x.n.lower.split(' ')));
  for (const it of items) if (it.kind === 'PER' && owned.has(it.n.lower) && !personal.has(it.n.lower)) it.kind = 'ORG';
}

/**
 * "Lyon's Yanis Berrada", "Dunmore's Kalev Ostrander": a name of two or three words the tagger
 * took for an organization right after the possessive of a team or company is one of its people,
 * when it has no legal suffix and no word of it is English (a company's unit or brand has some:
 * "SoftBank's Vision Fund"). After a place's possessive it must open with a given name, as
 * companies follow there too ("Italy's Illva Saronno"). Every mention of the name follows.
 */
function peopleOfPossessors(d: Doc, items: Item[]): void {
  const people = new Set<string>();
  items.forEach((it, k) => {
    const owner = items[k - 1];
    if (it.kind !== 'ORG' || it.n.words < 2 || it.n.words > 3 || it.n.base !== it.text || owner?.kind === 'PER' || owner?.sentence !== it.sentence || owner.to + 1 !== it.from) return;
    if (owner.kind === 'LOC' && !isFirstName(it.n.text.slice(0, it.n.text.indexOf(' ')))) return;
    if (d.at(it.sentence, owner.to) & POSSESSIVE_WORD && it.n.text.split(' ').every((w) => UPPER_LOWER_WORD.test(w) && !isEnglishWord(w))) people.add(it.n.voteKey);
  });
  for (const it of items) if (it.kind === 'ORG' && people.has(it.n.voteKey)) it.kind = 'PER';
}

const SURNAME_HEADS = /^(?:Court|Board|Office|Fund|Hall|Congress)$/;
const POSTED = /^(?:wrote|written|posted|tweeted|shared|published|said|announced|streamed|broadcast)$/i;

export function extractEntities(sentences: Sentence[]): Entities {
  const { items, caseless, doc } = collect(sentences);
  voteKinds(items, sentences);
  firstWordsOfFirms(items, sentences);
  firmsInLists(doc, items);
  firmsByApposition(doc, items);
  firmsByPossessions(doc, items);
  ownedByOrganizations(doc, items);
  peopleOfPossessors(doc, items);
  // "PayPal", "YouTube": one camel-case word with no role is a brand, not a person
  // (surnames like "McCarthy" or "DeSantis" have their own prefixes), and so is the same name
  // written in two words ("Lumen Crest" beside "LumenCrest"). What someone "wrote on" or
  // "posted on" is a platform ("Telegram"), not a place.
  const brands = new Set(items.filter((it) => it.kind !== 'LOC' && it.roles.length === 0 && it.n.bits & CAMEL).map((it) => spaceless(it.n.voteKey)));
  for (const it of items) {
    if (it.kind === 'PER' && brands.has(spaceless(it.n.voteKey)) && it.roles.length === 0) it.kind = 'ORG';
    const t = sentences[it.sentence]!.tokens;
    if (it.kind === 'LOC' && !it.n.knownPlace && it.from > 1 && t[it.from - 1]!.text === 'on' && POSTED.test(t[it.from - 2]!.text)) it.kind = 'ORG';
  }
  const people = clusterPeople(items).filter((c) => !oneWordNoPerson(doc, c));
  const orgs = clusterOrgs(items, sentences).filter((c) => !openingWordNoOrg(doc, c));
  const places = clusterPlaces(items.filter((it) => !(it.kind === 'LOC' && isAbstractWord(it.n)))).filter((c) => !namesDisease(doc, c));
  const all = [...people, ...orgs, ...places];
  rescan(doc, all, items, caseless);
  // Ids are unique across kinds: links and pages find an article's entity by its id.
  const used = new Set<string>();
  return {
    people: toEntities(people, sentences, used),
    organizations: toEntities(orgs, sentences, used),
    places: toEntities(places, sentences, used),
  };
}
