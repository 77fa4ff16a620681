import type { AccessLog } from '../shared/access-log/access-log';
import type { GraphClient } from '../shared/graph';
import type { RegistrySigner } from '../shared/keys';
import type { Logger } from '../shared/logger';
import type { RegistryOrm } from '../shared/orm';
import { registrySubgraph } from '../shared/registry';
import type { CertificateRequestExtras } from './context';
import { RepresentedOrganizations } from './graph-queries';
import { createLoaders } from './loaders';
import { mountMaterialRoutes } from './materials';
import { permissions } from './permissions';
import { statisticsExtract } from './statistics-extract';
import { resolvers } from './resolvers';

export { entities } from './entities';
export { migrations } from './migrations';

/**
 * The certificate subgraph over an open ORM: schema, resolvers, permissions, loaders, and the
 * material upload and download routes. `signer` is the registry's own key (signed forms).
 */
export function certificateSubgraph(
  db: RegistryOrm,
  log: Logger,
  graph: GraphClient,
  accessLog: AccessLog,
  signer: RegistrySigner,
) {
  return registrySubgraph({
    name: 'certificate',
    resolvers,
    permissions,
    db,
    log,
    graph,
    accessLog,
    createLoaders,
    statisticsExtract,
    extendContext: (context): CertificateRequestExtras => {
      let represented: Promise<ReadonlySet<string>> | undefined;
      return {
        signer,
        // Asked at most once per request, and only when a rule needs it (a citizen reading an organization's certificates).
        representedOrganizations: () =>
          (represented ??= context.graph.query(RepresentedOrganizations, {}).then(({ data }) => {
            // A refusal or an unreadable answer grants nothing: the set is then empty.
            return new Set((data?.me?.legalRepresentativeOf ?? []).map((o) => o.creditCode));
          })),
      };
    },
    routes: (app, authenticate, tools) => mountMaterialRoutes(app, authenticate, tools),
  });
}
