/**
 * Finds the names and aliases of an article's entities in free text with one regular expression,
 * so resolving a speaker or checking how an entity is used stays linear in the text.
 */
import type { Entity } from '../types.ts';

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
  /** Every name in `text`, left to right, longest first where they overlap. */
  find(text: string): NameHit[];
  /** The sentence index of an entity's last mention at or before `index`, or -1. */
  lastMention(entity: Entity, index: number): number;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

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
  const aliases = [...byAlias.keys()].sort((a, b) => b.length - a.length).map(escape);
  const pattern = aliases.length ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${aliases.join('|')})(?![\\p{L}\\p{N}])`, 'gu') : null;
  const mentions = new Map<Entity, number[]>();
  for (const [, entities] of groups) {
    for (const entity of entities) {
      mentions.set(entity, entity.sentences.map((id) => order.get(id) ?? -1).filter((i) => i >= 0));
    }
  }
  return {
    find(text) {
      if (!pattern) return [];
      return [...text.matchAll(pattern)].map((m) => ({ ...byAlias.get(m[0])!, start: m.index, end: m.index + m[0].length }));
    },
    lastMention(entity, index) {
      let last = -1;
      for (const i of mentions.get(entity) ?? []) if (i <= index && i > last) last = i;
      return last;
    },
  };
}
