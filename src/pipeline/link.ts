/**
 * Link stage: all analysed articles → briefings with corpus-wide ids. The same person, organization,
 * place or issue gets one id across briefings ("Trump" in one, "Donald Trump" in another), and each
 * sentence's mentions of it become links. Pure; runs once per build over the whole corpus.
 */
import type { Entity } from '../analyse/types.ts';
import type { BriefingData, EntityData } from './schema.ts';
import { SlugRegistry } from './slug.ts';
import type { AnalysedArticle } from './types.ts';
import { compareText } from '../collate.ts';
import { TIME_OF_DAY } from '../analyse/dates/index.ts';
import { normalize as issueKey } from '../analyse/issues/index.ts';

export type EntityKind = 'people' | 'organizations' | 'places' | 'issues';
export const ENTITY_KINDS: readonly EntityKind[] = ['people', 'organizations', 'places', 'issues'];

export type Inline = { type: 'text'; value: string } | { type: 'mention'; to: string; value: string };
export interface BodySentence { type: 'sentence'; id: string; children: Inline[] }
export interface BodyBlock { kind: 'heading' | 'paragraph'; children: (BodySentence | { type: 'text'; value: string })[] }

export interface Briefing {
  slug: string;
  data: BriefingData;
  body: BodyBlock[];
}

interface Named { id: string; name: string; aliases: string[]; mentions?: number }

const key = (name: string): string => name.toLowerCase().normalize('NFKC').replace(/^the\s+/, '').replace(/[’']s$/, '').replace(/[.,]/g, '').replace(/\s+/g, ' ').trim();
const words = (name: string): string[] => name.split(/\s+/).filter(Boolean);

class UnionFind {
  private readonly parent: number[] = [];
  add(): number {
    this.parent.push(this.parent.length);
    return this.parent.length - 1;
  }
  find(i: number): number {
    while (this.parent[i] !== i) {
      const up = this.parent[this.parent[i]!]!;
      this.parent[i] = up;
      i = up;
    }
    return i;
  }
  union(a: number, b: number): void {
    this.parent[this.find(a)] = this.find(b);
  }
}

/** Local id of (article, entity) → global id, and the global entities' canonical names. */
export interface Resolution {
  idOf: (article: number, localId: string) => string;
  nameOf: (globalId: string) => string;
}

/**
 * Groups one kind of entity across articles. Names and aliases that agree join; for people a bare
 * surname ("Trump") joins the one full name that ends with it across the corpus, never when two
 * different full names share it.
 */
export function resolve(perArticle: Named[][], kind: EntityKind): Resolution {
  const uf = new UnionFind();
  const nodes: { article: number; entity: Named; node: number }[] = [];
  const byKey = new Map<string, number>();
  const bySurname = new Map<string, Set<number>>();
  perArticle.forEach((entities, article) => {
    for (const entity of entities) {
      const node = uf.add();
      nodes.push({ article, entity, node });
      for (const name of joinNames(entity, kind)) {
        const k = kind === 'issues' ? issueKey(name) : key(name);
        const other = byKey.get(k);
        if (other === undefined) byKey.set(k, node);
        else uf.union(node, other);
      }
    }
  });
  if (kind === 'people') {
    // Full-name clusters by surname, after exact-name joins, then bare surnames join a unique owner.
    for (const { entity, node } of nodes) {
      const parts = words(entity.name);
      if (parts.length < 2) continue;
      const surname = key(parts.at(-1)!);
      const set = bySurname.get(surname) ?? new Set<number>();
      set.add(uf.find(node));
      bySurname.set(surname, set);
    }
    for (const { entity, node } of nodes) {
      if (words(entity.name).length > 1) continue;
      const owners = [...(bySurname.get(key(entity.name)) ?? [])].map((n) => uf.find(n));
      const unique = new Set(owners);
      if (unique.size === 1) uf.union(node, owners[0]!);
    }
  }
  // Canonical name per cluster: the most mentioned name, preferring full names.
  const votes = new Map<number, Map<string, number>>();
  for (const { entity, node } of nodes) {
    const root = uf.find(node);
    const tally = votes.get(root) ?? new Map<string, number>();
    const weight = (entity.mentions ?? 1) + (words(entity.name).length > 1 ? 1000 : 0);
    tally.set(entity.name, (tally.get(entity.name) ?? 0) + weight);
    votes.set(root, tally);
  }
  const slugs = new SlugRegistry(kind.slice(0, -1));
  const rootId = new Map<number, string>();
  const names = new Map<string, string>();
  // Deterministic id assignment: most-voted clusters first, then by name (in one fixed locale,
  // not the machine's: Swedish sorts "å" after "z").
  const roots = [...votes.entries()].map(([root, tally]) => {
    const [name, weight] = [...tally.entries()].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length || compareText(a[0], b[0]))[0]!;
    return { root, name, weight };
  }).sort((a, b) => b.weight - a.weight || compareText(a.name, b.name));
  for (const { root, name } of roots) {
    const id = slugs.claim(name);
    rootId.set(root, id);
    names.set(id, name);
  }
  const local = new Map<string, string>();
  for (const { article, entity, node } of nodes) local.set(`${article}\u0000${entity.id}`, rootId.get(uf.find(node))!);
  return {
    idOf: (article, localId) => local.get(`${article}\u0000${localId}`) ?? localId,
    nameOf: (id) => names.get(id) ?? id,
  };
}

/**
 * The names an entity joins others by across articles. People: their full names. Issues: their
 * name alone, singular or plural ("Tariffs", "tariff"), since their aliases are one article's kin and
 * parts ("growth" under "Sales growth") and would chain the unrelated issues of a large corpus into one.
 */
function joinNames(entity: Named, kind: EntityKind): string[] {
  if (kind === 'issues') return [entity.name];
  if (kind !== 'people') return [entity.name, ...entity.aliases];
  const full = [entity.name, ...entity.aliases].filter((n) => words(n).length > 1);
  return full.length ? full : [entity.name];
}

const CALENDAR = /^\d{4}(-(\d{2}(-\d{2})?|W\d{2}|Q[1-4]|H[12]|SP|SU|FA|WI))?$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The date page of a TIMEX3 value: the value itself when it names a place on the calendar, its
 * day for a time of that day ("2025-10-03T10:00" → "2025-10-03"), null otherwise ("PAST_REF", "XXXX-12-16").
 */
export function datePage(value: string): string | null {
  const time = TIME_OF_DAY.exec(value);
  const day = time ? value.slice(0, time.index) : value;
  return (time ? DAY : CALENDAR).test(day) ? day : null;
}

interface Span { start: number; end: number; to: string }

const WORD_CHAR = /[\p{L}\p{N}]/u;
const isWordChar = (c: string | undefined): boolean => c !== undefined && WORD_CHAR.test(c);

/** Splits a sentence into text and mention links; longest names first, no overlaps. */
export function linkSentence(text: string, names: { surface: string; to: string }[], fixed: Span[]): Inline[] {
  const spans: Span[] = [...fixed];
  const free = (s: number, e: number): boolean => spans.every((x) => e <= x.start || s >= x.end);
  const sorted = [...names].sort((a, b) => b.surface.length - a.surface.length);
  for (const { surface, to } of sorted) {
    if (surface.length < 2) continue;
    for (let start = text.indexOf(surface); start >= 0; start = text.indexOf(surface, start + 1)) {
      const end = start + surface.length;
      // Whole words only: "Adams" is not linked inside "Adamson".
      if (!isWordChar(text[start - 1]) && !isWordChar(text[end]) && free(start, end)) spans.push({ start, end, to });
    }
  }
  spans.sort((a, b) => a.start - b.start);
  const out: Inline[] = [];
  let at = 0;
  for (const span of spans) {
    if (span.start < at) continue;
    if (span.start > at) out.push({ type: 'text', value: text.slice(at, span.start) });
    out.push({ type: 'mention', to: span.to, value: text.slice(span.start, span.end) });
    at = span.end;
  }
  if (at < text.length) out.push({ type: 'text', value: text.slice(at) });
  return out;
}

function globalEntity(e: Entity, id: string, name: string): EntityData {
  const aliases = [...new Set([e.name, ...e.aliases])].filter((a) => a !== name);
  return { id, name, aliases, roles: e.roles, mentions: e.mentions, sentences: e.sentences };
}

export function linkCorpus(articles: AnalysedArticle[]): Briefing[] {
  const order = articles.map((_, i) => i).sort((a, b) => compareText(articles[a]!.clean.path, articles[b]!.clean.path));
  const slugs = new SlugRegistry('article');
  const slugOf = new Map<number, string>();
  for (const i of order) slugOf.set(i, slugs.claim(articles[i]!.clean.meta.title));

  const resolutions = Object.fromEntries(ENTITY_KINDS.map((kind) => [kind, resolve(articles.map((a) => a.facts[kind]), kind)])) as Record<EntityKind, Resolution>;

  return order.map((i) => {
    const { clean, sentences, facts } = articles[i]!;
    const ids = (kind: EntityKind) => (local: string) => resolutions[kind].idOf(i, local);
    const entities = (kind: 'people' | 'organizations' | 'places'): EntityData[] => {
      const merged = new Map<string, EntityData>();
      for (const e of facts[kind]) {
        const id = ids(kind)(e.id);
        const g = globalEntity(e, id, resolutions[kind].nameOf(id));
        const prev = merged.get(id);
        // Two local entities that the corpus says are one (e.g. "Trump" and "Donald Trump") merge here.
        merged.set(id, prev ? {
          ...prev,
          aliases: [...new Set([...prev.aliases, ...g.aliases])],
          roles: [...new Set([...prev.roles, ...g.roles])],
          mentions: prev.mentions + g.mentions,
          sentences: [...new Set([...prev.sentences, ...g.sentences])],
        } : g);
      }
      return [...merged.values()];
    };
    const people = entities('people');
    const organizations = entities('organizations');
    const places = entities('places');
    const issues = new Map<string, BriefingData['issues'][number]>();
    for (const issue of facts.issues) {
      const id = ids('issues')(issue.id);
      const name = resolutions.issues.nameOf(id);
      const prev = issues.get(id);
      const aliases = [...new Set([...prev?.aliases ?? [], issue.name, ...issue.aliases])].filter((a) => a !== name);
      // Issues come heaviest first; a lighter one the corpus names the same ("Film", "Films") joins it.
      issues.set(id, prev
        ? { ...prev, aliases, sentences: [...new Set([...prev.sentences, ...issue.sentences])] }
        : { id, name, aliases, sentences: issue.sentences, weight: issue.weight });
    }

    const data: BriefingData = {
      title: clean.meta.title,
      file: clean.path,
      source: clean.meta.source,
      outlet: clean.meta.outlet,
      published: clean.meta.published,
      truncated: clean.truncated?.fragment ?? null,
      summary: facts.summary,
      summarySource: facts.summarySource,
      outletSummary: clean.outletSummary,
      keyFacts: facts.keyFacts,
      people,
      organizations,
      places,
      issues: [...issues.values()],
      dates: facts.dates.map(({ text, value, mod, sentence }) => ({ text, value, mod, sentence })),
      figures: facts.figures.map(({ text, kind, sentence }) => ({ text, kind, sentence })),
      quotes: facts.quotes.map((q) => ({ ...q, speakerId: q.speakerId && q.speakerKind ? ids(q.speakerKind === 'person' ? 'people' : 'organizations')(q.speakerId) : null })),
      sentences: sentences.map(({ id, text }) => ({ id, text })),
    };

    // Names to link in each sentence: every entity that the extractors say the sentence mentions.
    const namesBySentence = new Map<string, { surface: string; to: string }[]>();
    const addNames = (kind: string, list: EntityData[]): void => {
      for (const e of list) {
        for (const sid of e.sentences) {
          const arr = namesBySentence.get(sid) ?? [];
          for (const surface of [e.name, ...e.aliases]) arr.push({ surface, to: `${kind}/${e.id}` });
          namesBySentence.set(sid, arr);
        }
      }
    };
    addNames('people', people);
    addNames('organizations', organizations);
    addNames('places', places);
    const dateSpans = new Map<string, Span[]>();
    for (const d of facts.dates) {
      const page = datePage(d.value);
      if (!page) continue;
      const arr = dateSpans.get(d.sentence) ?? [];
      if (arr.every((x) => d.end <= x.start || d.start >= x.end)) arr.push({ start: d.start, end: d.end, to: `dates/${page}` });
      dateSpans.set(d.sentence, arr);
    }

    const byBlock = Map.groupBy(sentences, (s) => s.block);
    const body: BodyBlock[] = [];
    clean.blocks.forEach((block, index) => {
      if (block.kind === 'title') return;
      const own = byBlock.get(index) ?? [];
      const children: BodyBlock['children'] = [];
      let cursor = 0;
      for (const s of own) {
        const at = block.text.indexOf(s.text, cursor);
        if (at > cursor) children.push({ type: 'text', value: block.text.slice(cursor, at) });
        children.push({ type: 'sentence', id: s.id, children: linkSentence(s.text, namesBySentence.get(s.id) ?? [], dateSpans.get(s.id) ?? []) });
        cursor = at < 0 ? cursor : at + s.text.length;
      }
      if (cursor < block.text.length) children.push({ type: 'text', value: block.text.slice(cursor) });
      body.push({ kind: block.kind === 'heading' ? 'heading' : 'paragraph', children });
    });
    return { slug: slugOf.get(i)!, data, body };
  });
}
