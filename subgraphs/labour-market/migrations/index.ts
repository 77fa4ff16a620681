import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261122021500_initial } from './Migration20261122021500_initial';
import { Migration20261122060000_feedVersion } from './Migration20261122060000_feedVersion';
import { Migration20261122081500_integerSearchGrams } from './Migration20261122081500_integerSearchGrams';

/** Applied in order at start-up. `npm run migration:create -- labour-market` writes the next one. */
export const migrations: MigrationObject[] = [
  { name: 'Migration20261122021500_initial', class: Migration20261122021500_initial },
  { name: 'Migration20261122060000_feedVersion', class: Migration20261122060000_feedVersion },
  { name: 'Migration20261122081500_integerSearchGrams', class: Migration20261122081500_integerSearchGrams },
];
