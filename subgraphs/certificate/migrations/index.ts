import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261121233444_initial } from './Migration20261121233444_initial';

/** Applied in order at start-up. `npm run migration:create -- certificate` writes the next one. */
export const migrations: MigrationObject[] = [
  { name: 'Migration20261121233444_initial', class: Migration20261121233444_initial },
];
