import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261122020000_initial } from './Migration20261122020000_initial';
import { Migration20261122060000_clockAndCards } from './Migration20261122060000_clockAndCards';

/** Applied in order at start-up. `npm run migration:create -- assistance` writes the next one. */
export const migrations: MigrationObject[] = [
  { name: 'Migration20261122020000_initial', class: Migration20261122020000_initial },
  { name: 'Migration20261122060000_clockAndCards', class: Migration20261122060000_clockAndCards },
];
