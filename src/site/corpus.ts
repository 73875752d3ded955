/**
 * The corpus index: every page's data, computed once per build from the briefings' front matter.
 * Entity and date pages read from these maps; nothing walks the corpus per page.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { datePage, ENTITY_KINDS, type EntityKind } from '../pipeline/link.ts';
import { calendarKey } from './dates.ts';
import { compareText } from '../collate.ts';

export type Entry = CollectionEntry<'briefings'>;

export interface SentenceRef {
  id: string;
  text: string;
}

export interface Appearance {
  slug: string;
  title: string;
  published: string | null;
  outlet: string | null;
  sentences: SentenceRef[];
}

export interface EntityPage {
  kind: EntityKind;
  id: string;
  name: string;
  aliases: string[];
  /** Roles with the number of briefings that give them, most common first. */
  roles: { role: string; count: number }[];
  appearances: Appearance[];
  /** Entities that share briefings with this one, by number of shared briefings. */
  related: { kind: EntityKind; id: string; name: string; count: number }[];
  mentions: number;
  /** Calendar dates in the sentences that mention this entity, in briefing order. */
  dated: DatedFact[];
}

export interface DatedFact {
  value: string;
  mod: string | null;
  text: string;
  slug: string;
  title: string;
  published: string | null;
  sentence: SentenceRef;
}

export interface DatePage {
  value: string;
  key: number;
  facts: DatedFact[];
}

export interface Corpus {
  /** Newest first; undated last. */
  briefings: Entry[];
  entities: Record<EntityKind, Map<string, EntityPage>>;
  /** Calendar values, oldest first. */
  dates: DatePage[];
}

let cached: Promise<Corpus> | null = null;

/** The corpus index, built on first use and shared by every page of the build. */
export function getCorpus(): Promise<Corpus> {
  cached ??= getCollection('briefings').then(buildCorpusIndex);
  return cached;
}

const byDateDesc = (a: Entry, b: Entry): number =>
  compareText(b.data.published ?? '', a.data.published ?? '') || compareText(a.data.title, b.data.title);

export function buildCorpusIndex(entries: Entry[]): Corpus {
  const briefings = [...entries].sort(byDateDesc);
  const entities = Object.fromEntries(ENTITY_KINDS.map((k) => [k, new Map<string, EntityPage>()])) as Corpus['entities'];
  const roleCounts = new Map<EntityPage, Map<string, number>>();
  const relatedCounts = new Map<EntityPage, Map<string, number>>();
  const dates = new Map<string, DatePage>();

  for (const entry of briefings) {
    const { data } = entry;
    const text = new Map(data.sentences.map((s) => [s.id, s.text]));
    const refs = (ids: string[]): SentenceRef[] => ids.map((id) => ({ id, text: text.get(id) ?? '' }));
    const base = { slug: entry.id, title: data.title, published: data.published, outlet: data.outlet };
    const facts = new Map<string, DatedFact[]>();
    for (const d of data.dates) {
      const value = datePage(d.value);
      if (!value) continue;
      const fact = { value: d.value, mod: d.mod, text: d.text, ...base, sentence: { id: d.sentence, text: text.get(d.sentence) ?? '' } };
      facts.set(d.sentence, [...(facts.get(d.sentence) ?? []), fact]);
      let page = dates.get(value);
      if (!page) {
        page = { value, key: calendarKey(value), facts: [] };
        dates.set(value, page);
      }
      page.facts.push(fact);
    }
    const here: EntityPage[] = [];
    for (const kind of ENTITY_KINDS) {
      for (const e of data[kind]) {
        const map = entities[kind];
        let page = map.get(e.id);
        if (!page) {
          page = { kind, id: e.id, name: e.name, aliases: [], roles: [], appearances: [], related: [], mentions: 0, dated: [] };
          map.set(e.id, page);
        }
        for (const alias of e.aliases) if (!page.aliases.includes(alias) && alias !== page.name) page.aliases.push(alias);
        page.appearances.push({ ...base, sentences: refs(e.sentences) });
        page.dated.push(...e.sentences.flatMap((id) => facts.get(id) ?? []));
        page.mentions += 'mentions' in e ? e.mentions : e.sentences.length;
        const roles = roleCounts.get(page) ?? new Map<string, number>();
        for (const role of 'roles' in e ? e.roles : []) roles.set(role, (roles.get(role) ?? 0) + 1);
        roleCounts.set(page, roles);
        here.push(page);
      }
    }
    for (const a of here) {
      const counts = relatedCounts.get(a) ?? new Map<string, number>();
      for (const b of here) if (a !== b) counts.set(`${b.kind}/${b.id}`, (counts.get(`${b.kind}/${b.id}`) ?? 0) + 1);
      relatedCounts.set(a, counts);
    }
  }

  for (const kind of ENTITY_KINDS) {
    for (const page of entities[kind].values()) {
      page.roles = [...(roleCounts.get(page) ?? [])].map(([role, count]) => ({ role, count })).sort((a, b) => b.count - a.count || compareText(a.role, b.role));
      page.related = [...(relatedCounts.get(page) ?? [])].map(([ref, count]) => {
        const [k, id] = ref.split('/') as [EntityKind, string];
        return { kind: k, id, name: entities[k].get(id)?.name ?? id, count };
      }).sort((a, b) => b.count - a.count || compareText(a.name, b.name));
    }
  }
  return { briefings, entities, dates: [...dates.values()].sort((a, b) => a.key - b.key || compareText(a.value, b.value)) };
}

/** Every entity page, of every kind. */
export const entityPages = ({ entities }: Corpus): EntityPage[] => ENTITY_KINDS.flatMap((kind) => [...entities[kind].values()]);

/** `getStaticPaths` of every page made per briefing (the briefing, its brief). */
export async function briefingPaths(): Promise<{ params: { slug: string }; props: { entry: Entry } }[]> {
  const { briefings } = await getCorpus();
  return briefings.map((entry) => ({ params: { slug: entry.id }, props: { entry } }));
}

/** Entity pages (of one kind, or all), most covered first. */
export const ranked = (pages: Map<string, EntityPage> | EntityPage[]): EntityPage[] =>
  [...pages.values()].sort((a, b) => b.appearances.length - a.appearances.length || b.mentions - a.mentions || compareText(a.name, b.name));
