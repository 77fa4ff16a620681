import { subgraphTypeDefs } from '../shared/sdl';
import type { SubgraphDefinition } from '../shared/server';
import type { DataTrackerContext } from './context';
import { permissions } from './permissions';
import type { RegistryAccessLogs } from './registry-client';
import { resolvers } from './resolvers';

/** The data-tracker subgraph: no database, only the registries' access logs read on the caller's behalf. */
export function dataTrackerSubgraph(accessLogs: RegistryAccessLogs): SubgraphDefinition<DataTrackerContext> {
  return {
    name: 'data-tracker',
    typeDefs: subgraphTypeDefs('data-tracker'),
    resolvers,
    permissions,
    createContext: (caller) => ({ caller, accessLogs }),
  };
}
