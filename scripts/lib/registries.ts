import type { MigrationObject } from '@mikro-orm/core';
import type { EntitySchema } from '@mikro-orm/postgresql';
import type { RegistryName } from '../../subgraphs/catalog';
import type { GraphClient } from '../../subgraphs/shared/graph';
import type { AccessLog } from '../../subgraphs/shared/access-log/access-log';
import type { RegistrySigner } from '../../subgraphs/shared/keys';
import type { Logger } from '../../subgraphs/shared/logger';
import type { RegistryOrm } from '../../subgraphs/shared/orm';
import type { SubgraphDefinition } from '../../subgraphs/shared/server';
import type { RegistryServices } from '../../subgraphs/shared/registry';
import * as assistance from '../../subgraphs/assistance/subgraph';
import * as certificate from '../../subgraphs/certificate/subgraph';
import * as labourMarket from '../../subgraphs/labour-market/subgraph';
import * as legalPerson from '../../subgraphs/legal-person/subgraph';
import * as naturalPerson from '../../subgraphs/natural-person/subgraph';
import * as statistics from '../../subgraphs/statistics/subgraph';

export interface RegistryModule {
  entities: EntitySchema<any, any>[];
  migrations: MigrationObject[];
  /** `signer` is the registry's own key, for what it signs (a certificate's signed form). */
  build(
    db: RegistryOrm,
    log: Logger,
    graph: GraphClient,
    accessLog: AccessLog,
    signer: RegistrySigner,
    services: RegistryServices,
  ): SubgraphDefinition<any>;
}

/** Each registry's entities, migrations and subgraph, for tools and tests that work on every registry. */
export const REGISTRY_MODULES: Record<RegistryName, RegistryModule> = {
  'natural-person': {
    entities: naturalPerson.entities,
    migrations: naturalPerson.migrations,
    build: naturalPerson.naturalPersonSubgraph,
  },
  'legal-person': {
    entities: legalPerson.entities,
    migrations: legalPerson.migrations,
    build: legalPerson.legalPersonSubgraph,
  },
  certificate: {
    entities: certificate.entities,
    migrations: certificate.migrations,
    build: certificate.certificateSubgraph,
  },
  'labour-market': {
    entities: labourMarket.entities,
    migrations: labourMarket.migrations,
    build: labourMarket.labourMarketSubgraph,
  },
  assistance: {
    entities: assistance.entities,
    migrations: assistance.migrations,
    build: assistance.assistanceSubgraph,
  },
  statistics: {
    entities: statistics.entities,
    migrations: statistics.migrations,
    build: statistics.statisticsSubgraph,
  },
};
