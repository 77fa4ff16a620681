import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261122020000_initial } from './Migration20261122020000_initial';
import { Migration20261122060000_tableBudget } from './Migration20261122060000_tableBudget';

/** Applied in order at start-up. `npm run migration:create -- statistics` writes the next one. */
export const migrations: MigrationObject[] = [
  { name: 'Migration20261122020000_initial', class: Migration20261122020000_initial },
  { name: 'Migration20261122060000_tableBudget', class: Migration20261122060000_tableBudget },
];
