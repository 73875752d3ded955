/**
 * schema.org JSON-LD for search engines and link previews: NewsArticle for a briefing, Person,
 * Organization, Place or Thing for an entity page.
 */
import type { EntityKind } from '../pipeline/link.ts';
import type { EntityPage, Entry } from './corpus.ts';
import { briefingHref, href } from './urls.ts';

type JsonLd = Record<string, unknown>;

/**
 * JSON for a `<script type="application/ld+json">`. The HTML parser ends a script at the first
 * `</script`, whatever the JSON says, so `<` (and `>`, `&`, for old parsers) are written as
 * \u escapes: article text can never close the element. U+2028/9 are escaped for JavaScript readers.
 */
export function jsonLdScript(data: JsonLd): string {
  return JSON.stringify(data).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const CONTEXT = 'https://schema.org';
/** Google shows at most 110 characters of a headline. */
const HEADLINE = 110;
/** The entities a briefing's JSON-LD names: the most mentioned, not every passing name. */
const MAX_MENTIONS = 20;
const MAX_SUBJECT_OF = 20;

const SCHEMA_TYPES: Record<EntityKind, string> = { people: 'Person', organizations: 'Organization', places: 'Place', issues: 'Thing' };

const absolute = (path: string, site: URL): string => new URL(path, site).href;
const headline = (title: string): string => (title.length > HEADLINE ? `${title.slice(0, HEADLINE - 1).trimEnd()}…` : title);

export function briefingJsonLd({ id, data }: Entry, site: URL): JsonLd {
  const url = absolute(briefingHref(id), site);
  const mentioned = (['people', 'organizations'] as const)
    .flatMap((kind) => data[kind].map((e) => ({ kind, e })))
    .sort((a, b) => b.e.mentions - a.e.mentions)
    .slice(0, MAX_MENTIONS);
  return {
    '@context': CONTEXT,
    '@type': 'NewsArticle',
    headline: headline(data.title),
    ...(data.summary.length > 0 && { description: data.summary.join(' ') }),
    url,
    mainEntityOfPage: url,
    ...(data.published && { datePublished: data.published }),
    ...(data.issues.length > 0 && { keywords: data.issues.map((i) => i.name).join(', ') }),
    ...(data.source && {
      isBasedOn: { '@type': 'NewsArticle', url: data.source, ...(data.outlet && { publisher: { '@type': 'Organization', name: data.outlet } }) },
    }),
    ...(mentioned.length > 0 && {
      mentions: mentioned.map(({ kind, e }) => ({ '@type': SCHEMA_TYPES[kind], name: e.name, url: absolute(href(`${kind}/${e.id}`), site) })),
    }),
  };
}

export function entityJsonLd(page: EntityPage, site: URL): JsonLd {
  const role = page.roles[0]?.role;
  return {
    '@context': CONTEXT,
    '@type': SCHEMA_TYPES[page.kind],
    name: page.name,
    url: absolute(href(`${page.kind}/${page.id}`), site),
    ...(page.aliases.length > 0 && { alternateName: page.aliases }),
    ...(page.kind === 'people' && role && { jobTitle: role }),
    subjectOf: page.appearances.slice(0, MAX_SUBJECT_OF).map((a) => ({
      '@type': 'NewsArticle',
      headline: headline(a.title),
      url: absolute(briefingHref(a.slug), site),
      ...(a.published && { datePublished: a.published }),
    })),
  };
}
