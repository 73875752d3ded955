import { slug } from 'github-slugger';
import { countryKey, GAZ, gazetteer, type Country } from '../ner/gazetteer.ts';
import { usedInLowerCase } from '../ner/features.ts';
import { recognizeDocument } from '../ner/index.ts';
import type { Entity, EntityKind, Mention, Sentence, Token } from '../types.ts';
import {
  COMPANY_DESCRIPTORS,
  CALENDAR,
  COMPANY_SUFFIXES,
  EVENT_HEADS,
  GEO_HEADS,
  HONORIFICS,
  INSTITUTION_MODIFIERS,
  INSTITUTIONS,
  ORG_HEADS,
  PERSON_TITLES,
  PLACE_ORG_HEADS,
  ROLE_HEADS,
  STOPWORDS,
} from './lexicon.ts';
import { isTitleWord, roleAfter, roleBefore, stripTitle, titleCase } from './roles.ts';
import { memo, memoBits } from './words.ts';

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
  /** Name it goes by, when it differs from the surface (an institution's canonical form). */
  name?: string;
  roles: string[];
  /** Found by a rule rather than the tagger (may overlap tagged spans). */
  rule?: boolean;
}

const POSSESSIVE = /^['’]s?$/;
const LETTER = /\p{L}/u;
const PUNCT = /^[^\p{L}\p{N}]+$/u;

/** Hyphenated name particles: "al-Abidine", "bin-Salman", "d'Estaing". */
const PARTICLE = /^(?:al|el|ad|as|ash|at|az|bin|ibn|abu|abd|abdul|ben|bar|da|de|di|du|van|von|le|la|d|l|o)['’-]\p{L}/u;
/** Lower-case words allowed inside names: "Bank of America", "Ludwig van Beethoven". */
const CONNECTORS = new Set(['wa', 'of', 'and', 'the', 'for', 'on', 'in', 'at', 'de', 'du', 'des', 'del', 'della', 'da', 'di', 'do', 'dos', 'das', 'la', 'le', 'van', 'von', 'der', 'den', 'ter', 'bin', 'bint', 'ibn', 'al', 'el', 'y', 'e', 'st', 'upon', '&']);

/** What the rules ask of a single word, as bits (see `wordBits`). */
const STOP = 1;
/** Trimmed off the start of a name: punctuation, "the", "of", "and"... (particles like "de" stay). */
const LEAD = 2;
/** Trimmed off the end of a name: punctuation, possessives, articles, connectors. */
const TAIL = 4;
/** Capitalized, perhaps after a lower-case prefix ("eBay"), with a letter. */
const NAMEISH = 8;
const POSSESSIVE_WORD = 16;
/** Ends a name: punctuation other than "." and "&", a lower-case word that is no connector or particle. */
const BREAKS = 32;
const CAPITALIZED = 64;
const COMPANY_SUFFIX = 128;

const wordBits = memoBits((w) => {
  const punct = PUNCT.test(w);
  let b = 0;
  // Function words and punctuation; an all-caps word is an acronym ("WHO"), not a stopword.
  if ((STOPWORDS.has(w.toLowerCase()) && !/^\p{Lu}{2,}$/u.test(w)) || !LETTER.test(w)) b |= STOP;
  if (punct || /^(the|a|an|of|and|for|on|in|at)$/i.test(w)) b |= LEAD;
  if (punct || POSSESSIVE.test(w) || /^(the|a|an)$/i.test(w) || CONNECTORS.has(w)) b |= TAIL;
  if (/^(?:\p{Ll}+)?[\p{Lu}\p{N}]/u.test(w) && LETTER.test(w)) b |= NAMEISH;
  if (POSSESSIVE.test(w)) b |= POSSESSIVE_WORD;
  if ((punct && !/^[.&]$/.test(w)) || (/^\p{Ll}/u.test(w) && !CONNECTORS.has(w) && !PARTICLE.test(w))) b |= BREAKS;
  if (/^\p{Lu}/u.test(w)) b |= CAPITALIZED;
  if (COMPANY_SUFFIXES.has(w.toLowerCase())) b |= COMPANY_SUFFIX;
  return b;
});

const isStop = (w: string) => (wordBits(w) & STOP) !== 0;
const isCompanySuffix = (w: string) => (wordBits(w) & COMPANY_SUFFIX) !== 0;
const isCapitalized = (w: string) => (wordBits(w) & CAPITALIZED) !== 0;

function surface(s: Sentence, from: number, to: number): string {
  return s.text.slice(s.tokens[from]!.start, s.tokens[to - 1]!.end);
}

/** Trims articles, connectors, possessives and punctuation; null when no capitalized word remains. */
function trim(s: Sentence, from: number, to: number): [number, number] | null {
  const t = s.tokens;
  while (from < to && wordBits(t[from]!.text) & LEAD) from++;
  while (to > from && wordBits(t[to - 1]!.text) & TAIL) to--;
  if (to <= from) return null;
  // At least one capitalized word ("eBay" counts).
  for (let i = from; i < to; i++) if (wordBits(t[i]!.text) & NAMEISH) return [from, to];
  return null;
}

/**
 * Splits a tagged span where a name cannot go on: punctuation (other than "." "&" and
 * hyphens), possessives (the owner is kept: "Trump's interest" → "Trump"), and lower-case
 * words that are not name connectors ("War between Russia" → "War", "Russia").
 */
function pieces(s: Sentence, from: number, to: number): [number, number][] {
  const t = s.tokens;
  const out: [number, number][] = [];
  let start = from;
  for (let i = from; i <= to; i++) {
    const b = i < to ? wordBits(t[i]!.text) : 0;
    const possessive = b & POSSESSIVE_WORD && i > from;
    if (i < to && !possessive && !(b & BREAKS)) continue;
    if (i > start) out.push([start, i]);
    if (possessive) return out;
    start = i + 1;
  }
  return out;
}

/** Token range covering the character span [start, end) of a sentence. */
function tokenRange(tokens: Token[], start: number, end: number): [number, number] {
  let from = tokens.findIndex((t) => t.end > start);
  let to = from;
  while (to < tokens.length && tokens[to]!.start < end) to++;
  if (from < 0) from = to = tokens.length;
  return [from, to];
}

/** The country a name denotes ("U.S.", "USA", "United States"), not a demonym. */
const countryOf = memo((text): Country | null => {
  const key = countryKey(text);
  const found = gazetteer().countryByName.get(key);
  return found && found.names.some((n) => countryKey(n) === key) ? found : null;
});

/**
 * "US-China", "US-EU": the names a hyphenated word joins, when every part is a country or a
 * name the document uses on its own; null otherwise ("Asia-Pacific", "Trump-Xi" stay whole).
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

const demonymOnly = memo((text) => gazetteer().countryByName.has(countryKey(text)) && !countryOf(text));

/** Cleans NER mentions and adds the ones rules find (country pairs, institutions). */
function collect(sentences: Sentence[]): { items: Item[]; caseless: boolean[] } {
  const items: Item[] = [];
  const { mentions, caseless: uncased } = recognizeDocument(sentences);
  const caseless = sentences.map((s, si) => s.kind === 'title' || s.kind === 'heading' || uncased[si]!);
  // Tokens inside a non-person name, per sentence ("Surrey" in "Surrey captain Chris Lewis").
  const otherNames = new Map<number, Mention[]>();
  for (const m of mentions) {
    if (m.kind === 'PER') continue;
    const list = otherNames.get(m.sentence);
    if (list) list.push(m);
    else otherNames.set(m.sentence, [m]);
  }
  const inOther = (si: number, i: number) => {
    const tok = sentences[si]!.tokens[i]!;
    return (otherNames.get(si) ?? []).some((x) => x.start <= tok.start && x.end >= tok.end);
  };
  for (const m of mentions) {
    const s = sentences[m.sentence]!;
    const t = s.tokens;
    let kind = m.kind;
    let [from, to] = tokenRange(t, m.start, m.end);
    const isSuffix = (i: number) => i >= 0 && i < t.length && isCompanySuffix(t[i]!.text);
    // A company suffix makes a company, whatever the tagger said; take the suffix it left out
    // ("Silver Lake Management" + "LLC") and the name before a suffix tagged on its own
    // ("Boeing" + "Co.", "General" + "Electric Co.").
    if (kind === 'ORG') while (to < t.length && isSuffix(to)) to++;
    if (isSuffix(to - 1)) {
      kind = 'ORG';
      while (from > 0 && isCapitalized(t[from - 1]!.text) && !isSuffix(from - 1) && !isStop(t[from - 1]!.text)) from--;
    }
    // "Global" + "South": a capitalized word inside the sentence right before a place or an
    // organization, that no other name took, begins it.
    const w0 = t[from - 1]?.text ?? '';
    if ((kind === 'LOC' || kind === 'ORG') && from > 1 && /^\p{Lu}\p{Ll}+$/u.test(w0) && !isStop(w0) && !isTitleWord(w0) && !CALENDAR.test(w0) && !/^["“‘'(]$/.test(t[from - 2]!.text)) {
      if (!mentions.some((x) => x.sentence === m.sentence && x.end > t[from - 1]!.start && x.start < t[from - 1]!.end)) from--;
    }
    // "South China" + "Sea": a geographic head word right after a place belongs to it.
    if (kind === 'LOC') while (to < t.length && GEO_HEADS.has(t[to]!.text)) to++;
    // "Chancellor Olaf Scholz" tagged as an organization: a name right after a person's title.
    const title = t[from - 1]?.text.toLowerCase() ?? '';
    if (kind !== 'PER' && to - from >= 2 && to - from <= 3 && PERSON_TITLES.has(title) && t.slice(from, to).every((x) => /^\p{Lu}\p{Ll}/u.test(x.text))) kind = 'PER';
    if (kind !== 'PER') {
      // "US Trade Representative Jamieson Greer" tagged as one organization: a person with a
      // title. The name may run past the span ("... Representative Jamieson" + "Greer").
      for (let h = to - 2; h >= from; h--) {
        if (!isCapitalized(t[h]!.text) || !PERSON_TITLES.has(t[h]!.text.toLowerCase())) continue;
        let end = to;
        while (end < t.length && end - h <= 3 && /^\p{Lu}\p{Ll}/u.test(t[end]!.text)) end++;
        const rest = t.slice(h + 1, end);
        if (rest.length <= 4 && rest.every((x) => /^\p{Lu}\p{Ll}/u.test(x.text)) && (rest.length >= 2 || isFirstName(rest[0]!.text))) {
          push('PER', m.sentence, h + 1, end);
          to = from;
        }
        break;
      }
      if (to <= from) continue;
      // "Asia-Pacific Economic Cooperation", "Supreme Court": organizations by their head noun.
      const head = t[to - 1]!.text.toLowerCase();
      if (to - from > 1 && (ORG_HEADS.has(head) || (kind === 'LOC' && PLACE_ORG_HEADS.has(head)))) kind = 'ORG';
      // "PGA Tour", "Korean War", "Treaty of Rome": events and laws, not organizations or places.
      if (to - from > 1 && (EVENT_HEADS.has(head) || (EVENT_HEADS.has(t[from]!.text.toLowerCase()) && t[from + 1]!.text === 'of'))) kind = 'MISC';
    }
    for (const [pFrom, pTo] of pieces(s, from, to)) {
      const r = trim(s, pFrom, pTo);
      if (!r) continue;
      // In headlines capitalization says little: a word the article uses in lower case
      // ("Says", "Deal") is not part of a name there, unless the whole is a known place
      // ("NEW YORK").
      if (caseless[m.sentence] && !gazetteer().phrases.has(surface(s, r[0], r[1]).toLowerCase())) {
        for (const [a, b] of splitOn(r, (i) => usedInLowerCase(t[i]!.text.toLowerCase()))) push(kind, m.sentence, a, b);
      } else push(kind, m.sentence, r[0], r[1]);
    }
  }

  function push(kind: EntityKind, si: number, from: number, to: number): void {
    const s = sentences[si]!;
    const r0 = trim(s, from, to);
    if (!r0) return;
    let r: [number, number] | null = r0;
    const roles: string[] = [];
    if (kind === 'PER') {
      const stripped = stripTitle(s, r[0], r[1]);
      if (stripped.role) roles.push(stripped.role);
      r = trim(s, stripped.from, r[1]);
      if (!r || isTitleOnly(s, r[0], r[1])) return;
      // "Treasury" + "Secretary Scott Bessent": the first word of a title, not a person.
      const next = s.tokens[r[1]]?.text ?? '';
      if (r[1] - r[0] === 1 && isTitleWord(s.tokens[r[0]]!.text) && /^\p{Lu}/u.test(next) && ROLE_HEADS.has(next.toLowerCase())) return;
      // "Vice Premier He Lifeng": a capitalized word between a title and the name is the name's.
      const before = s.tokens[r[0] - 1];
      if (before && r[0] >= 2 && /^\p{Lu}\p{Ll}+$/u.test(before.text) && !isTitleWord(before.text) && ROLE_HEADS.has(s.tokens[r[0] - 2]!.text.toLowerCase())) r = [r[0] - 1, r[1]];
      const role = roleBefore(s, r[0], (i) => inOther(si, i));
      if (role && !stripped.role) roles.push(role);
      const after = roleAfter(s, r[1]);
      if (after) roles.push(after);
    }
    if (isTitleOnly(s, r[0], r[1])) return;
    const text = surface(s, r[0], r[1]);
    if (countryOf(text)) kind = 'LOC';
    else if (kind === 'LOC' && demonymOnly(text)) kind = 'MISC';
    items.push({ kind, sentence: si, from: r[0], to: r[1], text, roles });
  }

  const g = gazetteer();
  // Names the tagger found standing alone, with their type.
  const known = new Map<string, EntityKind>();
  for (const it of items) if (!it.text.includes('-') && !known.has(it.text)) known.set(it.text, it.kind);
  sentences.forEach((s, si) => {
    s.tokens.forEach((tok, i) => {
      // "Boeing Co.", "Acme Widgets Inc.": a legal suffix after capitalized words names a
      // company even where the tagger saw nothing (it competes with tagged spans below).
      const c = tok.text.charCodeAt(0);
      if (i > 0 && c >= 65 && c <= 90 && isCompanySuffix(tok.text)) {
        let from = i;
        while (from > 0 && isCapitalized(s.tokens[from - 1]!.text) && !isStop(s.tokens[from - 1]!.text) && !isCompanySuffix(s.tokens[from - 1]!.text)) from--;
        if (from < i && !caseless[si]) items.push({ kind: 'ORG', sentence: si, from, to: i + 1, text: surface(s, from, i + 1), roles: [] });
      }
      // "US-China talks": both countries are places, whatever the tagger made of the word.
      const parts = tok.text.includes('-') ? hyphenParts(tok.text, known) : null;
      if (parts) {
        for (let k = items.length - 1; k >= 0; k--) {
          const it = items[k]!;
          if (it.sentence === si && it.from <= i && it.to > i) items.splice(k, 1);
        }
        for (const [text, kind] of parts) items.push({ kind, sentence: si, from: i, to: i + 1, text, roles: [], rule: true });
      }
      // "China's foreign ministry", "Beijing's commerce ministry": an organization.
      if ((c === 39 || c === 8217) && /^['’]s$/.test(tok.text) && i > 0) {
        let j = i + 1;
        while (j < s.tokens.length && INSTITUTION_MODIFIERS.has(s.tokens[j]!.text.toLowerCase())) j++;
        const head = s.tokens[j]?.text.toLowerCase();
        if (!head || !INSTITUTIONS.has(head) || j === i + 1) return;
        const owner = s.tokens[i - 1]!.text;
        const country = countryOf(owner) ?? g.countryByCapital.get(owner.toLowerCase());
        if (!country && !/^\p{Lu}/u.test(owner)) return;
        const rest = titleCase(s.text.slice(s.tokens[i + 1]!.start, s.tokens[j]!.end));
        const name = `${country?.demonyms[0] ?? owner} ${rest}`;
        items.push({ kind: 'ORG', sentence: si, from: i - 1, to: j + 1, text: `${owner}'s ${rest}`, name, roles: [], rule: true });
      }
    });
  });
  // Of overlapping tagged spans the longer wins ("Boeing Co." over "Boeing").
  const tagged = items.filter((it) => !it.rule).sort((a, b) => b.to - b.from - (a.to - a.from));
  const kept: Item[] = [];
  const keptIn = new Map<number, Item[]>();
  for (const it of tagged) {
    const same = keptIn.get(it.sentence) ?? [];
    if (same.some((k) => k.from < it.to && it.from < k.to)) continue;
    same.push(it);
    keptIn.set(it.sentence, same);
    kept.push(it);
  }
  const all = kept.concat(items.filter((it) => it.rule)).sort((a, b) => a.sentence - b.sentence || a.from - b.from);
  // "US Supreme Court", "French Foreign Ministry", "Asia-Pacific" + "Economic Cooperation":
  // a place or demonym right before an institution is part of its name (not before a brand:
  // "US TikTok" is TikTok's US business).
  const endingAt = new Map(all.filter((p) => p.kind !== 'PER').map((p) => [`${p.sentence}:${p.to}`, p]));
  for (const it of all) {
    const head = it.text.split(' ').pop()!.toLowerCase();
    if (it.kind !== 'ORG' || it.name || !(ORG_HEADS.has(head) || PLACE_ORG_HEADS.has(head))) continue;
    const prev = endingAt.get(`${it.sentence}:${it.from}`);
    if (prev) it.name = `${prev.text} ${orgBase(it.text)}`;
  }
  // Headlines: only names the article confirms in its cased sentences, and known places.
  const confirmed = all.filter((it) => !caseless[it.sentence]).map((it) => ` ${it.text.toLowerCase()} `);
  const isConfirmed = (it: Item) => {
    const k = ` ${it.text.toLowerCase()} `;
    const bits = g.phrases.get(it.text.toLowerCase()) ?? 0;
    return confirmed.some((c) => c.includes(k)) || countryOf(it.text) || bits & (GAZ.COUNTRY | GAZ.CITY_1M | GAZ.CITY_100K | GAZ.CAPITAL | GAZ.REGION);
  };
  // A lone word the article also uses in lower case ("Trade", "Court") is no name, unless a
  // longer name in the document contains it (a surname).
  const inLonger = new Set(all.filter((it) => it.text.includes(' ')).flatMap((it) => it.text.toLowerCase().split(' ')));
  const good = all.filter((it) => {
    const words = it.text.split(/\s+/);
    // Names have two letters at least, and are more than a legal suffix or a numeral ("B",
    // "Co.", "II").
    if (words.every(isStop) || it.text.replace(/[^\p{L}]/gu, '').length < 2) return false;
    if (words.every((w) => isCompanySuffix(w) || /^[IVX]+$/.test(w))) return false;
    if (caseless[it.sentence] && !isConfirmed(it)) return false;
    if (words.length > 1 || !(usedInLowerCase(it.text.toLowerCase()) || isStop(it.text)) || countryOf(it.text)) return true;
    return inLonger.has(it.text.toLowerCase());
  });
  return { items: good, caseless };
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

/** Case-insensitive key of a place, with country names folded together. */
function placeKey(text: string): string {
  const c = countryOf(text);
  return c ? `country:${c.name}` : text.toLowerCase();
}

/** A company's name without its legal suffix ("Boeing Co." → "Boeing"). */
const orgBase = memo((text) => {
  const words = text.split(/\s+/);
  let stripped = false;
  while (words.length > 1 && COMPANY_SUFFIXES.has(words[words.length - 1]!.toLowerCase().replace(/,$/, ''))) {
    words.pop();
    stripped = true;
    if (words.length > 1 && words[words.length - 1] === '&') words.pop();
    if (words.length > 1) words[words.length - 1] = words[words.length - 1]!.replace(/,$/, '');
  }
  if (stripped && words.length > 1 && COMPANY_DESCRIPTORS.has(words[words.length - 1]!.toLowerCase())) words.pop();
  return words.join(' ');
});

/** Initials of a multi-word name: "Asia-Pacific Economic Cooperation" → "APEC". */
function initials(name: string): string {
  return name
    .split(/[\s-]+/)
    .filter((w) => /^\p{Lu}/u.test(w))
    .map((w) => w[0])
    .join('');
}

const isAcronym = (t: string) => /^[A-Z][A-Z&.]{1,7}$/.test(t) && /^[A-Z.&]+$/.test(t);

/** Prefers a form with lower-case letters ("London" over the dateline's "LONDON"). */
function display(forms: string[]): string {
  const counts = new Map<string, number>();
  for (const f of forms) counts.set(f, (counts.get(f) ?? 0) + 1);
  const ranked = [...counts].sort((a, b) => {
    const ca = /\p{Ll}/u.test(a[0]) ? 1 : 0;
    const cb = /\p{Ll}/u.test(b[0]) ? 1 : 0;
    return cb - ca || b[1] - a[1];
  });
  const best = ranked[0]![0];
  // Only seen in capitals: title-case it when it is a known place or a plain word ("LONDON").
  if (!/\p{Ll}/u.test(best) && best.length > 4 && gazetteer().phrases.has(best.toLowerCase())) return titleCase(best.toLowerCase());
  return best;
}

interface Cluster {
  kind: EntityKind;
  name: string;
  forms: string[];
  items: Item[];
}

/**
 * One type per surface form across the document, by majority ("Jordan" PER twice and LOC
 * once → PER). Ties keep the tagger's choice; rule-made items keep theirs.
 */
function voteKinds(items: Item[]): void {
  const votes = new Map<string, Map<EntityKind, number>>();
  const key = (it: Item) => voteKey(it.text);
  const vote = (k: string, kind: EntityKind, weight: number) => {
    const m = votes.get(k) ?? new Map<EntityKind, number>();
    m.set(kind, (m.get(kind) ?? 0) + weight);
    votes.set(k, m);
  };
  for (const it of items) {
    // A role marks a person, a legal suffix a company (all but certainly): more weight.
    vote(key(it), it.kind, it.roles.length ? 2 : it.kind === 'ORG' && orgBase(it.text) !== it.text ? 10 : 1);
  }
  // A surname tagged as a person elsewhere votes for the full name ("Scholz" → "Olaf Scholz").
  const single = new Map([...votes].filter(([k]) => !k.includes(' ')));
  for (const it of items) {
    const words = key(it).split(' ');
    const per = words.length > 1 && words.length < 4 ? single.get(words[words.length - 1]!)?.get('PER') : undefined;
    if (per) vote(key(it), 'PER', per);
  }
  for (const it of items) {
    if (it.rule) continue;
    const m = votes.get(key(it))!;
    for (const [k, n] of m) if (n > m.get(it.kind)!) it.kind = k;
  }
}

/** Names vote by their base, in lower case. */
const voteKey = memo((text) => orgBase(text).toLowerCase());

function clusterPeople(items: Item[]): Cluster[] {
  const people = items.filter((i) => i.kind === 'PER');
  const full = new Map<string, Cluster>();
  for (const it of people) {
    const k = it.text.toLowerCase();
    if (it.to - it.from >= 2 && !full.has(k)) full.set(k, { kind: 'PER', name: it.text, forms: [], items: [] });
  }
  const singles = new Map<string, Cluster>();
  const lastSeen = new Map<Cluster, number>();
  people.forEach((it, order) => {
    const k = it.text.toLowerCase();
    let c = full.get(k);
    if (!c) {
      // A short name joins the full name that starts or ends with it; when several people
      // share it (a family), the one mentioned most so far, then the most recent one.
      const cands = [...full.entries()].filter(([fk]) => fk.endsWith(` ${k}`) || fk.startsWith(`${k} `));
      cands.sort((a, b) => b[1].items.length - a[1].items.length || (lastSeen.get(b[1]) ?? -1) - (lastSeen.get(a[1]) ?? -1));
      c = cands[0]?.[1];
    }
    if (!c) {
      c = singles.get(k) ?? { kind: 'PER', name: it.text, forms: [], items: [] };
      singles.set(k, c);
    }
    c.forms.push(it.text);
    c.items.push(it);
    lastSeen.set(c, order);
  });
  return [...full.values(), ...singles.values()].filter((c) => c.items.length);
}

function clusterOrgs(items: Item[], sentences: Sentence[]): Cluster[] {
  const orgs = items.filter((i) => i.kind === 'ORG');
  const byKey = new Map<string, Cluster>();
  for (const it of orgs) {
    const name = it.name ?? orgBase(it.text);
    const k = name.toLowerCase();
    const c = byKey.get(k) ?? { kind: 'ORG' as EntityKind, name, forms: [], items: [] };
    c.forms.push(it.text);
    if (it.name) c.forms.push(it.name);
    c.items.push(it);
    byKey.set(k, c);
  }
  // Acronyms: "(APEC)" right after an expansion, or initials that match a name in the document.
  const expansions = new Map<string, Cluster>();
  for (const c of byKey.values()) if (c.name.split(/[\s-]+/).length > 1) expansions.set(initials(c.name), c);
  for (const it of items) {
    if (it.kind !== 'ORG' && it.kind !== 'MISC') continue;
    const s = sentences[it.sentence]!;
    const next = s.tokens[it.to];
    const acr = s.tokens[it.to + 1];
    if (next?.text === '(' && s.tokens[it.to + 2]?.text === ')' && acr && isAcronym(acr.text) && initials(it.text).length > 1) {
      const ck = orgBase(it.text).toLowerCase();
      let c = byKey.get(ck);
      if (!c) {
        c = { kind: 'ORG', name: orgBase(it.text), forms: [it.text], items: [it] };
        byKey.set(ck, c);
      }
      expansions.set(acr.text.replace(/\./g, ''), c);
    }
  }
  for (const [k, c] of [...byKey]) {
    const exp = isAcronym(c.name) ? expansions.get(c.name.replace(/\./g, '')) : undefined;
    if (exp && exp !== c) {
      exp.forms.push(...c.forms);
      exp.items.push(...c.items);
      byKey.delete(k);
    }
  }
  // An expansion tagged MISC ("... Cooperation summit") joins its acronym tagged ORG.
  for (const it of items) {
    if (it.kind !== 'MISC' || it.to - it.from < 2) continue;
    const c = byKey.get(initials(it.text).toLowerCase());
    if (c && isAcronym(c.name) && initials(it.text) === c.name) {
      c.forms.push(it.text);
      c.name = it.text;
    }
  }
  return [...byKey.values()];
}

function clusterPlaces(items: Item[]): Cluster[] {
  const byKey = new Map<string, Cluster>();
  for (const it of items) {
    if (it.kind !== 'LOC') continue;
    if (demonymOnly(it.text)) continue;
    const k = placeKey(it.text);
    const c = byKey.get(k) ?? { kind: 'LOC' as EntityKind, name: k.startsWith('country:') ? k.slice(8) : '', forms: [], items: [] };
    c.forms.push(it.text);
    c.items.push(it);
    byKey.set(k, c);
  }
  return [...byKey.values()];
}

/**
 * Finds untagged repeats of known names (a headline's "TRUMP", a later bare "Xi"). In cased
 * sentences the repeat must have the case of a known form.
 */
function rescan(sentences: Sentence[], clusters: Cluster[], items: Item[], caseless: boolean[]): void {
  const names = new Map<string, Cluster>();
  const firsts = new Set<string>();
  let maxLen = 1;
  for (const c of clusters) {
    for (const f of new Set([c.name, ...c.forms])) {
      if (f.length < 2 || !/\p{Lu}/u.test(f)) continue;
      const words = f.toLowerCase().split(' ');
      if (!names.has(words.join(' '))) names.set(words.join(' '), c);
      firsts.add(words[0]!);
      maxLen = Math.max(maxLen, words.length);
    }
  }
  // Tokens already in an item, by sentence offset + token.
  const offsets: number[] = [];
  let total = 0;
  for (const s of sentences) {
    offsets.push(total);
    total += s.tokens.length;
  }
  const covered = new Uint8Array(total);
  for (const it of items) covered.fill(1, offsets[it.sentence]! + it.from, offsets[it.sentence]! + it.to);
  sentences.forEach((s, si) => {
    const t = s.tokens;
    for (let i = 0; i < t.length; i++) {
      const w = t[i]!.text;
      const c = w.charCodeAt(0);
      if (!((c >= 65 && c <= 90) || c > 127) || covered[offsets[si]! + i] || !firsts.has(w.toLowerCase()) || !/^\p{Lu}/u.test(w)) continue;
      for (let len = Math.min(maxLen, t.length - i); len >= 1; len--) {
        const text = surface(s, i, i + len);
        const c = names.get(text.toLowerCase());
        if (!c || (!caseless[si] && c.name !== text && !c.forms.includes(text))) continue;
        if (len === 1 && STOPWORDS.has(text.toLowerCase())) continue;
        c.items.push({ kind: c.kind, sentence: si, from: i, to: i + len, text, roles: [] });
        i += len - 1;
        break;
      }
    }
  });
}

function toEntities(clusters: Cluster[], sentences: Sentence[]): Entity[] {
  const used = new Set<string>();
  const out: (Entity & { first: number })[] = [];
  for (const c of clusters) {
    const name = c.kind === 'PER' ? personName(c) : c.name || display(c.forms);
    if (!name || name.split(/\s+/).every(isStop)) continue;
    let id = slug(name) || 'entity';
    for (let n = 2; used.has(id); n++) id = `${slug(name)}-${n}`;
    used.add(id);
    const aliases: string[] = [];
    const seen = new Set([name.toLowerCase()]);
    for (const f of new Set(c.forms)) {
      const l = f.toLowerCase();
      if (!seen.has(l)) aliases.push(f);
      seen.add(l);
    }
    const roles: string[] = [];
    const seenRoles = new Set<string>();
    for (const it of c.items) {
      for (const r of it.roles) {
        if (!seenRoles.has(r.toLowerCase())) roles.push(r);
        seenRoles.add(r.toLowerCase());
      }
    }
    const order = [...c.items].sort((a, b) => a.sentence - b.sentence || a.from - b.from);
    const ids = [...new Set(order.map((it) => sentences[it.sentence]!.id))];
    // "President" adds nothing next to "Chinese President", nor "Prof" next to "Professor".
    const fuller = roles.filter((r) => {
      const x = r.toLowerCase().replace(/\.$/, '');
      return !roles.some((o) => o !== r && (o.toLowerCase().endsWith(` ${x}`) || (!x.includes(' ') && o.toLowerCase().startsWith(x))));
    });
    out.push({ id, name, aliases, roles: fuller, mentions: c.items.length, sentences: ids, first: order[0]!.sentence });
  }
  out.sort((a, b) => b.mentions - a.mentions || a.first - b.first);
  return out.map(({ first: _first, ...e }) => e);
}

/** The fullest form of a person's name (most words, then most frequent). */
function personName(c: Cluster): string {
  const counts = c.forms.map((f) => f.split(' ').length);
  const top = counts.reduce((a, b) => Math.max(a, b), 0);
  return display(c.forms.filter((_, k) => counts[k] === top));
}

export function extractEntities(sentences: Sentence[]): Entities {
  const { items, caseless } = collect(sentences);
  voteKinds(items);
  // "TikTok", "ByteDance": one camel-case word with no role is a brand, not a person
  // (surnames like "McCarthy" or "DeSantis" have their own prefixes).
  for (const it of items) {
    if (it.kind === 'PER' && it.roles.length === 0 && /^\p{Lu}\p{Ll}+\p{Lu}\p{L}*$/u.test(it.text) && !/^(Mc|Mac|Fitz|De|Di|Da|Du|La|Le|Van|Von|St)\p{Lu}/u.test(it.text)) it.kind = 'ORG';
  }
  const people = clusterPeople(items);
  const orgs = clusterOrgs(items, sentences);
  const places = clusterPlaces(items);
  const all = [...people, ...orgs, ...places];
  rescan(sentences, all, items, caseless);
  return {
    people: toEntities(people, sentences),
    organizations: toEntities(orgs, sentences),
    places: toEntities(places, sentences),
  };
}
