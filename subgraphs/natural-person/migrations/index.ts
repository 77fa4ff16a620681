import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261121044822_initial } from './Migration20261121044822_initial';
import { Migration20261121231712_accessLogV2 } from './Migration20261121231712_accessLogV2';
import { Migration20261122021500_consent } from './Migration20261122021500_consent';
import { Migration20261122030000_personHistory } from './Migration20261122030000_personHistory';

/** Applied in order at start-up. `npm run migration:create -- natural-person` writes the next one. */
export const migrations: MigrationObject[] = [
  { name: 'Migration20261121044822_initial', class: Migration20261121044822_initial },
  { name: 'Migration20261121231712_accessLogV2', class: Migration20261121231712_accessLogV2 },
  { name: 'Migration20261122021500_consent', class: Migration20261122021500_consent },
  { name: 'Migration20261122030000_personHistory', class: Migration20261122030000_personHistory },
];
