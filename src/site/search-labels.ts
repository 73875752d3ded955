/** How search names each type of page; used by the search page and its script. */
import type { PageType } from './search.ts';

export const TYPE_LABELS: Record<PageType, { singular: string; plural: string }> = {
  briefing: { singular: 'Briefing', plural: 'Briefings' },
  person: { singular: 'Person', plural: 'People' },
  organization: { singular: 'Organization', plural: 'Organizations' },
  place: { singular: 'Place', plural: 'Places' },
  issue: { singular: 'Issue', plural: 'Issues' },
  date: { singular: 'Date', plural: 'Dates' },
};
