import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261121044944_initial } from './Migration20261121044944_initial';

/** Applied in order at start-up. `npm run migration:create -- legal-person` writes the next one. */
export const migrations: MigrationObject[] = [
  { name: 'Migration20261121044944_initial', class: Migration20261121044944_initial },
];
