import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261122020000_initial } from './Migration20261122020000_initial';

/** Applied in order at start-up. `npm run migration:create -- statistics` writes the next one. */
export const migrations: MigrationObject[] = [
  { name: 'Migration20261122020000_initial', class: Migration20261122020000_initial },
];
