// Actors and agreements together, for the sub-pages both have (all their quotes, all their mentions).
import type { Actor, Agreement, SiteData } from './data.ts';
import type { EntityCollection } from './pagination.ts';

export interface Entity {
  collection: EntityCollection;
  entry: Actor | Agreement;
}

export const entities = (site: SiteData): Entity[] => [
  ...site.actors.map((entry) => ({ collection: 'actors' as const, entry })),
  ...site.agreements.map((entry) => ({ collection: 'agreements' as const, entry })),
];
