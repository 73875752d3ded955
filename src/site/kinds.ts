import type { EntityKind } from '../pipeline/link.ts';

/** How each kind of entity is named on the site. */
export const KIND_LABELS: Record<EntityKind, { plural: string; singular: string }> = {
  people: { plural: 'People', singular: 'Person' },
  organizations: { plural: 'Organizations', singular: 'Organization' },
  places: { plural: 'Places', singular: 'Place' },
  issues: { plural: 'Issues', singular: 'Issue' },
};
