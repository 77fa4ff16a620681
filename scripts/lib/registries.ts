import type { MigrationObject } from '@mikro-orm/core';
import type { EntitySchema } from '@mikro-orm/postgresql';
import type { RegistryName } from '../../subgraphs/catalog';
import { entities as naturalPersonEntities } from '../../subgraphs/natural-person/entities';
import { migrations as naturalPersonMigrations } from '../../subgraphs/natural-person/migrations';
import { entities as legalPersonEntities } from '../../subgraphs/legal-person/entities';
import { migrations as legalPersonMigrations } from '../../subgraphs/legal-person/migrations';

/** Each registry's entities and migrations, for tools that work on every database. */
export const REGISTRY_MODULES: Record<RegistryName, { entities: EntitySchema<any, any>[]; migrations: MigrationObject[] }> = {
  'natural-person': { entities: naturalPersonEntities, migrations: naturalPersonMigrations },
  'legal-person': { entities: legalPersonEntities, migrations: legalPersonMigrations },
};
