import { slug } from 'github-slugger';
import { countryKey, gazetteer, type Country } from '../ner/gazetteer.ts';
import { recognize } from '../ner/index.ts';
import type { Entity, EntityKind, Sentence, Token } from '../types.ts';
import {
  COMPANY_DESCRIPTORS,
  COMPANY_SUFFIXES,
  INSTITUTION_MODIFIERS,
  INSTITUTIONS,
  STOPWORDS,
} from './lexicon.ts';
import { roleAfter, roleBefore, stripTitle, titleCase } from './roles.ts';

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
}

const POSSESSIVE = /^['’]s?$/;
const LETTER = /\p{L}/u;

const isStop = (t: string) => STOPWORDS.has(t.toLowerCase()) || !LETTER.test(t);

function surface(s: Sentence, from: number, to: number): string {
  return s.text.slice(s.tokens[from]!.start, s.tokens[to - 1]!.end);
}

/** Trims "the", possessives and punctuation; returns null when nothing name-like remains. */
function trim(s: Sentence, from: number, to: number): [number, number] | null {
  const t = s.tokens;
  while (from < to && (/^(the|a|an)$/i.test(t[from]!.text) || !/[\p{L}\p{N}]/u.test(t[from]!.text))) from++;
  while (to > from && (POSSESSIVE.test(t[to - 1]!.text) || !/[\p{L}\p{N}.]/u.test(t[to - 1]!.text))) to--;
  if (to <= from) return null;
  for (let i = from; i < to; i++) if (!isStop(t[i]!.text)) return [from, to];
  return null;
}

/** Token range covering the character span [start, end) of a sentence. */
function tokenRange(tokens: Token[], start: number, end: number): [number, number] {
  let from = tokens.findIndex((t) => t.end > start);
  let to = from;
  while (to < tokens.length && tokens[to]!.start < end) to++;
  if (from < 0) from = to = tokens.length;
  return [from, to];
}

/** "US-China" → the countries it names, when every part is one. */
function hyphenCountries(word: string): Country[] | null {
  if (!word.includes('-')) return null;
  const g = gazetteer();
  const parts = word.split('-');
  const out: Country[] = [];
  for (const p of parts) {
    const c = g.countryByName.get(countryKey(p));
    if (!c || !c.names.includes(p)) return null;
    out.push(c);
  }
  return out;
}

function demonymOnly(text: string): boolean {
  const c = gazetteer().countryByName.get(countryKey(text));
  return !!c && !c.names.some((n) => countryKey(n) === countryKey(text));
}

/** Cleans NER mentions and adds the ones rules find (country pairs, institutions). */
function collect(sentences: Sentence[]): Item[] {
  const items: Item[] = [];
  const mentions = recognize(sentences);
  for (const m of mentions) {
    const s = sentences[m.sentence]!;
    const range = tokenRange(s.tokens, m.start, m.end);
    let r = trim(s, range[0], range[1]);
    if (!r) continue;
    const roles: string[] = [];
    if (m.kind === 'PER') {
      const stripped = stripTitle(s, r[0], r[1]);
      if (stripped.role) roles.push(stripped.role);
      r = trim(s, stripped.from, r[1]);
      if (!r) continue;
      const before = roleBefore(s, r[0], (i) => mentions.some((x) => x.sentence === m.sentence && x.kind !== 'PER' && x.start <= s.tokens[i]!.start && x.end >= s.tokens[i]!.end));
      if (before && !stripped.role) roles.push(before);
      const after = roleAfter(s, r[1]);
      if (after) roles.push(after);
    }
    items.push({ kind: m.kind, sentence: m.sentence, from: r[0], to: r[1], text: surface(s, r[0], r[1]), roles });
  }
  const g = gazetteer();
  sentences.forEach((s, si) => {
    s.tokens.forEach((tok, i) => {
      // "US-China talks": both countries are places, whatever the tagger made of the word.
      const countries = hyphenCountries(tok.text);
      if (countries) {
        for (let k = items.length - 1; k >= 0; k--) {
          const it = items[k]!;
          if (it.sentence === si && it.from <= i && it.to > i) items.splice(k, 1);
        }
        let at = tok.start;
        for (const part of tok.text.split('-')) {
          items.push({ kind: 'LOC', sentence: si, from: i, to: i + 1, text: s.text.slice(at, at + part.length), roles: [] });
          at += part.length + 1;
        }
      }
      // "China's foreign ministry", "Beijing's commerce ministry": an organization.
      if (POSSESSIVE.test(tok.text) && i > 0 && /^['’]s$/.test(tok.text)) {
        let j = i + 1;
        while (j < s.tokens.length && INSTITUTION_MODIFIERS.has(s.tokens[j]!.text.toLowerCase())) j++;
        const head = s.tokens[j]?.text.toLowerCase();
        if (!head || !INSTITUTIONS.has(head) || j === i + 1) return;
        const owner = s.tokens[i - 1]!.text;
        const country = g.countryByName.get(countryKey(owner)) ?? g.countryByCapital.get(owner.toLowerCase());
        if (!country && !/^\p{Lu}/u.test(owner)) return;
        const rest = titleCase(s.text.slice(s.tokens[i + 1]!.start, s.tokens[j]!.end));
        const name = `${country?.demonyms[0] ?? owner} ${rest}`;
        items.push({ kind: 'ORG', sentence: si, from: i - 1, to: j + 1, text: `${owner}'s ${rest}`, name, roles: [] });
      }
    });
  });
  return items;
}

/** Case-insensitive key of a surface form, with country names folded together. */
function placeKey(text: string): string {
  const c = gazetteer().countryByName.get(countryKey(text));
  return c && c.names.some((n) => countryKey(n) === countryKey(text)) ? `country:${c.name}` : text.toLowerCase();
}

function orgBase(text: string): string {
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
}

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

/** Majority type of each surface form across the document ("Jordan" PER twice, LOC once → PER). */
function voteKinds(items: Item[]): void {
  const votes = new Map<string, Map<EntityKind, number>>();
  const key = (it: Item) => (it.kind === 'LOC' ? placeKey(it.text) : it.text.toLowerCase());
  for (const it of items) {
    const k = it.text.toLowerCase();
    const m = votes.get(k) ?? new Map<EntityKind, number>();
    m.set(it.kind, (m.get(it.kind) ?? 0) + 1 + (it.roles.length ? 1 : 0));
    votes.set(k, m);
  }
  for (const it of items) {
    const m = votes.get(it.text.toLowerCase())!;
    let best = it.kind;
    for (const [k, n] of m) if (n > (m.get(best) ?? 0)) best = k;
    it.kind = best;
    void key;
  }
}

function clusterPeople(items: Item[]): Cluster[] {
  const people = items.filter((i) => i.kind === 'PER');
  const full = new Map<string, Cluster>();
  const fullCount = new Map<string, number>();
  for (const it of people) {
    if (it.to - it.from < 2) continue;
    const k = it.text.toLowerCase();
    fullCount.set(k, (fullCount.get(k) ?? 0) + 1);
    if (!full.has(k)) full.set(k, { kind: 'PER', name: it.text, forms: [], items: [] });
  }
  const singles = new Map<string, Cluster>();
  const lastSeen = new Map<Cluster, number>();
  people.forEach((it, order) => {
    const k = it.text.toLowerCase();
    let c = full.get(k);
    if (!c) {
      // A short name joins the full name that contains it as first or last word; if several
      // people share it (a family), the most mentioned one, then the most recent one.
      const cands = [...full.entries()].filter(([fk]) => {
        const ws = fk.split(' ');
        const parts = k.split(' ');
        return parts.length < ws.length && (ws.slice(-parts.length).join(' ') === k || ws.slice(0, parts.length).join(' ') === k);
      });
      cands.sort((a, b) => (fullCount.get(b[0]) ?? 0) - (fullCount.get(a[0]) ?? 0) || (lastSeen.get(b[1]) ?? -1) - (lastSeen.get(a[1]) ?? -1));
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

/** Finds untagged repeats of known names (a headline's "TRUMP", a later bare "Xi"). */
function rescan(sentences: Sentence[], clusters: Cluster[], items: Item[]): void {
  const names = new Map<string, Cluster>();
  for (const c of clusters) {
    for (const f of [c.name, ...c.forms]) {
      if (f.length < 2 || !/\p{Lu}/u.test(f)) continue;
      const k = f.toLowerCase();
      if (!names.has(k)) names.set(k, c);
    }
  }
  const taken = new Set(items.map((it) => `${it.sentence}:${it.from}`));
  const covered = (si: number, i: number) => items.some((it) => it.sentence === si && it.from <= i && it.to > i);
  sentences.forEach((s, si) => {
    const t = s.tokens;
    for (let i = 0; i < t.length; i++) {
      if (!/^\p{Lu}/u.test(t[i]!.text) || taken.has(`${si}:${i}`) || covered(si, i)) continue;
      for (let len = Math.min(6, t.length - i); len >= 1; len--) {
        const text = surface(s, i, i + len);
        const c = names.get(text.toLowerCase());
        if (!c || /\p{Ll}/u.test(text) !== /\p{Ll}/u.test(c.forms[0]!) && !/^\p{Lu}[^\p{Ll}]*$/u.test(text)) continue;
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
    for (const f of c.forms) {
      if (!seen.has(f.toLowerCase())) aliases.push(f);
      seen.add(f.toLowerCase());
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
    out.push({ id, name, aliases, roles, mentions: c.items.length, sentences: ids, first: order[0]!.sentence });
  }
  out.sort((a, b) => b.mentions - a.mentions || a.first - b.first);
  return out.map(({ first: _first, ...e }) => e);
}

/** The fullest form of a person's name (most words, then most frequent). */
function personName(c: Cluster): string {
  const forms = [...c.forms].sort((a, b) => b.split(' ').length - a.split(' ').length);
  const top = forms[0]!.split(' ').length;
  return display(forms.filter((f) => f.split(' ').length === top));
}

export function extractEntities(sentences: Sentence[]): Entities {
  const items = collect(sentences);
  voteKinds(items);
  const people = clusterPeople(items);
  const orgs = clusterOrgs(items, sentences);
  const places = clusterPlaces(items);
  const all = [...people, ...orgs, ...places];
  rescan(sentences, all, items.concat(all.flatMap((c) => c.items)));
  return {
    people: toEntities(people, sentences),
    organizations: toEntities(orgs, sentences),
    places: toEntities(places, sentences),
  };
}
