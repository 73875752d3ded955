/**
 * What the search index knows about each page beyond its text: the page type, the filters a reader
 * can narrow by, and the date used for sorting and shown in results. Pages write these as
 * `data-pagefind-*` attributes through `SearchData.astro`; Pagefind reads them from the built HTML.
 */
import type { VFile } from 'vfile';
import type { EntityKind } from '../pipeline/link.ts';
import type { BriefingData } from '../pipeline/schema.ts';
import type { DatePage, EntityPage } from './corpus.ts';
import { calendarRange } from './dates.ts';

export const SEARCH_FILTERS = ['type', 'person', 'organization', 'place', 'issue', 'outlet', 'year'] as const;
export type SearchFilter = (typeof SEARCH_FILTERS)[number];

export const PAGE_TYPES = ['briefing', 'person', 'organization', 'place', 'issue', 'date'] as const;
export type PageType = (typeof PAGE_TYPES)[number];

/** The `search:` section of briefings.config.yaml. */
export interface SearchSettings {
  /** Filters the search page offers; the others are left out of the index (except the page type, which labels results). */
  filters: SearchFilter[];
}

export const DEFAULT_SEARCH: SearchSettings = { filters: [...SEARCH_FILTERS] };

const isFilter = (value: unknown): value is SearchFilter => SEARCH_FILTERS.includes(value as SearchFilter);

/** Reads `search: { filters: [type, person, ...] }`; anything unknown is reported and dropped. */
export function readSearchSettings(value: unknown, file: VFile): SearchSettings {
  const message = (reason: string) => file.message(reason, { ruleId: 'config', source: 'briefing' });
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    message('`search` must be a mapping such as `search: { filters: [type, person] }`; ignored');
    return DEFAULT_SEARCH;
  }
  const settings: SearchSettings = { ...DEFAULT_SEARCH };
  for (const [key, v] of Object.entries(value)) {
    if (key === 'filters' && Array.isArray(v)) {
      for (const name of v.filter((x) => !isFilter(x))) message(`unknown search filter \`${String(name)}\`; the filters are ${SEARCH_FILTERS.join(', ')}`);
      settings.filters = SEARCH_FILTERS.filter((name) => v.includes(name));
    } else {
      message(`unknown or invalid search setting \`${key}\`; ignored`);
    }
  }
  return settings;
}

export const ENTITY_TYPES: Record<EntityKind, PageType & SearchFilter> = {
  people: 'person',
  organizations: 'organization',
  places: 'place',
  issues: 'issue',
};

export interface SearchFacets {
  type: PageType;
  /** ISO day shown in results and sorted on; null when the page has none. */
  date: string | null;
  filters: [SearchFilter, string][];
}

const year = (date: string | null): [SearchFilter, string][] => (date ? [['year', date.slice(0, 4)]] : []);

export function briefingFacets(data: BriefingData): SearchFacets {
  const filters: [SearchFilter, string][] = [['type', 'briefing']];
  for (const kind of ['people', 'organizations', 'places', 'issues'] as const) {
    for (const e of data[kind]) filters.push([ENTITY_TYPES[kind], e.name]);
  }
  if (data.outlet) filters.push(['outlet', data.outlet]);
  filters.push(...year(data.published));
  return { type: 'briefing', date: data.published, filters };
}

/**
 * Entity pages are indexed when they connect two or more briefings. A page of one briefing only
 * repeats what its briefing says, and the name still finds that briefing (at the sentence); on a
 * large corpus most entities are such pages, and every indexed page costs bytes in the metadata
 * each first search downloads (2,225 articles: 19,100 pages indexed without this rule, 8,000 with).
 */
export const searchesEntity = (page: EntityPage): boolean => page.appearances.length >= 2;

/** An entity page carries its own name as a filter value too, so choosing a person lists their page with the briefings. */
export function entityFacets(page: EntityPage): SearchFacets {
  const type = ENTITY_TYPES[page.kind];
  const dates = page.appearances.map((a) => a.published).filter((d): d is string => d !== null).sort();
  const years = [...new Set(dates.map((d) => d.slice(0, 4)))];
  return {
    type,
    date: dates.at(-1) ?? null,
    filters: [['type', type], [type, page.name], ...years.map((y): [SearchFilter, string] => ['year', y])],
  };
}

export function datePageFacets(page: DatePage): SearchFacets {
  const range = calendarRange(page.value);
  const date = range ? new Date(range.start).toISOString().slice(0, 10) : null;
  return { type: 'date', date, filters: [['type', 'date'], ...year(date)] };
}

let settings: Promise<SearchSettings> | null = null;

/** The search settings of the project being built (read once per build, like the content config). */
export function searchSettings(): Promise<SearchSettings> {
  settings ??= import('../config.ts').then(({ loadConfig }) => loadConfig(process.cwd())).then((c) => c.search);
  return settings;
}
