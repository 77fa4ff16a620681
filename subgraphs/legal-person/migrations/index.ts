import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261121044944_initial } from './Migration20261121044944_initial';
import { Migration20261121231712_accessLogV2 } from './Migration20261121231712_accessLogV2';

/** Applied in order at start-up. `npm run migration:create -- legal-person` writes the next one. */
export const migrations: MigrationObject[] = [
  { name: 'Migration20261121044944_initial', class: Migration20261121044944_initial },
  { name: 'Migration20261121231712_accessLogV2', class: Migration20261121231712_accessLogV2 },
];
