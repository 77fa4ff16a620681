import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'graphql';
import { REPO_ROOT } from '../shared/config';
import type { Logger } from '../shared/logger';
import type { RegistryOrm } from '../shared/orm';
import { registrySubgraph } from '../shared/registry';
import { createLoaders } from './loaders';
import { permissions } from './permissions';
import { resolvers } from './resolvers';

export { entities } from './entities';
export { migrations } from './migrations';

/** The legal-person subgraph over an open ORM: schema, resolvers, permissions and loaders. */
export function legalPersonSubgraph(db: RegistryOrm, log: Logger) {
  return registrySubgraph({
    name: 'legal-person',
    typeDefs: parse(readFileSync(join(REPO_ROOT, 'schema', 'legal-person.graphql'), 'utf8')),
    resolvers,
    permissions,
    db,
    log,
    createLoaders,
  });
}
