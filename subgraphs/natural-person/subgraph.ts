import type { GraphClient } from '../shared/graph';
import type { AccessLog } from '../shared/access-log/access-log';
import type { Logger } from '../shared/logger';
import type { RegistryOrm } from '../shared/orm';
import { registrySubgraph } from '../shared/registry';
import { ConsentRepository } from './entities/consent.repository';
import { createLoaders } from './loaders';
import { permissions } from './permissions';
import { statisticsExtract } from './statistics-extract';
import { resolvers } from './resolvers';

export { entities } from './entities';
export { migrations } from './migrations';

/** The natural-person subgraph over an open ORM, graph client and access log: schema, resolvers, permissions and loaders. */
export function naturalPersonSubgraph(db: RegistryOrm, log: Logger, graph: GraphClient, accessLog: AccessLog) {
  return registrySubgraph({
    name: 'natural-person',
    resolvers,
    permissions,
    db,
    log,
    graph,
    accessLog,
    createLoaders,
    // This registry owns the consent grants: its rules read them from its own database.
    heldGrants: (em, caller) => (personIds) =>
      new ConsentRepository(em).heldGrants(personIds, caller.identity!.dept!, caller.purpose!),
    statisticsExtract,
  });
}
