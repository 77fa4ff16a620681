import type { AccessLog } from '../shared/access-log/access-log';
import type { GraphClient } from '../shared/graph';
import type { Logger } from '../shared/logger';
import type { RegistryOrm } from '../shared/orm';
import { registrySubgraph } from '../shared/registry';
import type { LabourMarketRequestExtras } from './context';
import { RepresentedOrganizations } from './graph-queries';
import { createLoaders } from './loaders';
import { permissions } from './permissions';
import { jobPostingsExtract, statisticsExtract } from './statistics-extract';
import { resolvers } from './resolvers';

export { entities } from './entities';
export { migrations } from './migrations';

/** The labour-market subgraph over an open ORM: schema, resolvers, permissions, loaders. */
export function labourMarketSubgraph(db: RegistryOrm, log: Logger, graph: GraphClient, accessLog: AccessLog) {
  return registrySubgraph({
    name: 'labour-market',
    resolvers,
    permissions,
    db,
    log,
    graph,
    accessLog,
    createLoaders,
    statisticsExtract,
    statisticsExtracts: { postings: jobPostingsExtract },
    extendContext: (context): LabourMarketRequestExtras => {
      let represented: Promise<ReadonlySet<string>> | undefined;
      return {
        // Asked at most once per request, and only when needed (a citizen posting or reading applications).
        representedOrganizations: () =>
          (represented ??= context.graph.query(RepresentedOrganizations, {}).then(({ data, errors }) => {
            if (errors.some((e) => e.extensions?.code === 'SUBGRAPH_UNAVAILABLE')) {
              throw new Error('the legal-person registry did not answer; try again later');
            }
            // A refusal or an unreadable answer grants nothing: the set is then empty.
            return new Set((data?.me?.legalRepresentativeOf ?? []).map((o) => o.creditCode));
          })),
      };
    },
  });
}
