import type { GraphClient } from '../shared/graph';
import type { AccessLog } from '../shared/access-log/access-log';
import type { Logger } from '../shared/logger';
import type { RegistryOrm } from '../shared/orm';
import { registrySubgraph } from '../shared/registry';
import { createLoaders } from './loaders';
import { permissions } from './permissions';
import { statisticsExtract } from './statistics-extract';
import { resolvers } from './resolvers';

export { entities } from './entities';
export { migrations } from './migrations';

/** The legal-person subgraph over an open ORM, graph client and access log: schema, resolvers, permissions and loaders. */
export function legalPersonSubgraph(db: RegistryOrm, log: Logger, graph: GraphClient, accessLog: AccessLog) {
  return registrySubgraph({
    name: 'legal-person',
    resolvers,
    permissions,
    db,
    log,
    graph,
    accessLog,
    createLoaders,
    statisticsExtract,
  });
}
