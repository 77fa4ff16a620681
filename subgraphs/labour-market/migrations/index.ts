import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261122021500_initial } from './Migration20261122021500_initial';

/** Applied in order at start-up. `npm run migration:create -- labour-market` writes the next one. */
export const migrations: MigrationObject[] = [
  { name: 'Migration20261122021500_initial', class: Migration20261122021500_initial },
];
