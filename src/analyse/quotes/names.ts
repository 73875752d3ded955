/**
 * Finds the names and aliases of an article's entities in free text. Aliases are indexed by
 * their first word, so a scan looks up each word of the text once and stays linear in it.
 */
import type { Entity, Sentence } from '../types.ts';

export type NamedKind = 'person' | 'organization' | 'place';

export interface Named {
  entity: Entity;
  kind: NamedKind;
}

export interface NameHit extends Named {
  start: number;
  end: number;
}

export interface NameFinder {
  /** Every name in `text`, left to right, the longest where several start at one word. */
  find(text: string): NameHit[];
  /** The sentence index of an entity's last mention at or before `index`, or -1. */
  lastMention(entity: Entity, index: number): number;
}

// A word starts where no word character or joiner precedes it. The look-behind comes after the
// first character so the engine looks for a letter first: twice as fast as leading with it.
const WORD = /[\p{L}\p{N}](?<![\p{L}\p{N}.'’&-][\p{L}\p{N}])[\p{L}\p{N}.'’&-]*/gu;
const CAPITALISED = /[\p{Lu}\p{N}](?<![\p{L}\p{N}.'’&-][\p{Lu}\p{N}])[\p{L}\p{N}.'’&-]*/gu;
const SUFFIX = /(?:['’]s|[.'’]+)$/;
const WORD_CHAR = /[\p{L}\p{N}]/u;

/** The first word of a name, as the scan meets it (trailing full stops belong to the word: "Corp."). */
const firstWord = (name: string): string => /^[\p{L}\p{N}][\p{L}\p{N}.'’&-]*/u.exec(name)?.[0] ?? '';

/**
 * `order` maps sentence ids to their index. A person is also found by a surname the article
 * uses on its own ("Smith" for "Jane Smith"); when two entities share an alias, the one
 * mentioned more often keeps it.
 */
export function nameFinder(groups: [NamedKind, Entity[]][], order: Map<string, number>): NameFinder {
  const byAlias = new Map<string, Named>();
  const claim = (alias: string, named: Named): void => {
    const held = byAlias.get(alias);
    if (alias.length > 1 && (!held || held.entity.mentions < named.entity.mentions)) byAlias.set(alias, named);
  };
  for (const [kind, entities] of groups) {
    for (const entity of entities) {
      for (const alias of [entity.name, ...entity.aliases]) claim(alias, { entity, kind });
      const surname = kind === 'person' ? /(\p{Lu}[\p{L}'’-]+)$/u.exec(entity.name)?.[1] : undefined;
      if (surname && surname !== entity.name && !byAlias.has(surname)) claim(surname, { entity, kind });
    }
  }
  // Aliases by first word, longest first; a word may also match a shorter alias inside it ("Corp" of "Corp.").
  const byFirst = new Map<string, string[]>();
  for (const alias of byAlias.keys()) {
    const first = firstWord(alias);
    if (!first) continue;
    const add = (key: string): void => {
      const list = byFirst.get(key);
      if (list) list.push(alias);
      else byFirst.set(key, [alias]);
    };
    add(first);
    if (first.endsWith('.')) add(first.slice(0, -1));
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.length - a.length);
  // Names mostly start with a capital or a digit; then only such words need looking up.
  const words = [...byFirst.keys()].every((w) => /^[\p{Lu}\p{N}]/u.test(w)) ? CAPITALISED : WORD;
  return {
    find(text) {
      const hits: NameHit[] = [];
      let after = 0;
      // `exec` on the one regex: `matchAll` would copy it for every text.
      words.lastIndex = 0;
      for (let m = words.exec(text); m; m = words.exec(text)) {
        if (m.index < after) continue;
        const candidates = byFirst.get(m[0]) ?? (SUFFIX.test(m[0]) ? byFirst.get(m[0].replace(SUFFIX, '')) : undefined);
        const alias = candidates?.find((a) => text.startsWith(a, m.index) && !WORD_CHAR.test(text[m.index + a.length] ?? ''));
        if (!alias) continue;
        hits.push({ ...byAlias.get(alias)!, start: m.index, end: m.index + alias.length });
        after = m.index + alias.length;
      }
      return hits;
    },
    lastMention(entity, index) {
      let last = -1;
      for (const id of entity.sentences) {
        const i = order.get(id) ?? -1;
        if (i <= index && i > last) last = i;
      }
      return last;
    },
  };
}

export interface NameIndex {
  finder: NameFinder;
  /** The names in each sentence, by sentence index. */
  hits: NameHit[][];
}

const indexes = new WeakMap<Sentence[], { entities: object; index: NameIndex }>();

/**
 * The names of an article's entities in every sentence, found once per article and entity set
 * and shared by the extractors that ask (quotes and issues both do).
 */
export function indexNames(sentences: Sentence[], entities: { people: Entity[]; organizations: Entity[]; places?: Entity[] }): NameIndex {
  const cached = indexes.get(sentences);
  if (cached?.entities === entities) return cached.index;
  const order = new Map(sentences.map((s, i) => [s.id, i]));
  const finder = nameFinder([['person', entities.people], ['organization', entities.organizations], ['place', entities.places ?? []]], order);
  const index = { finder, hits: sentences.map((s) => finder.find(s.text)) };
  indexes.set(sentences, { entities, index });
  return index;
}
