import type { EntityManager } from '@mikro-orm/postgresql';
import type { IRules } from 'graphql-shield';
import type { RegistryName } from '../catalog';
import { mountAccessAlertsRoute } from './access-log/alerts';
import { mountAccessRecordsRoute } from './access-log/http';
import type { AccessLog } from './access-log/access-log';
import type { RegistryContext } from './context';
import type { GraphClient } from './graph';
import type { Logger } from './logger';
import type { RegistryOrm } from './orm';
import { subgraphTypeDefs } from './sdl';
import type { SubgraphDefinition } from './server';

/** A registry request's context: caller, EntityManager fork, access recorder and DataLoaders. */
export interface RegistryRequestContext<Loaders> extends RegistryContext {
  loaders: Loaders;
}

/**
 * Turns a registry's parts (resolvers, permissions, loaders; the SDL is schema/<name>.graphql) into a subgraph definition
 * with what every registry has: a fresh EntityManager and loaders per request, an access log,
 * its read endpoint for the data tracker, a database health check, and `ctx.graph` for delegated
 * calls on the caller's behalf.
 */
export function registrySubgraph<Loaders>(parts: {
  name: RegistryName;
  resolvers: object;
  permissions: IRules;
  db: RegistryOrm;
  log: Logger;
  /** This registry's client for delegated calls (signs with the registry's own key). */
  graph: GraphClient;
  /** The process's access log (group commit and signed checkpoints), opened by whoever runs the registry. */
  accessLog: AccessLog;
  createLoaders(em: EntityManager): Loaders;
}): SubgraphDefinition<RegistryRequestContext<Loaders>> {
  const { name, db, log } = parts;
  const knex = db.orm.em.getKnex();
  return {
    name,
    typeDefs: subgraphTypeDefs(name),
    resolvers: parts.resolvers,
    permissions: parts.permissions,
    createContext: (caller, assertion) => {
      const em = db.orm.em.fork();
      return {
        caller,
        em,
        access: parts.accessLog.recorder(caller),
        graph: parts.graph.forRequest(caller, assertion),
        loaders: parts.createLoaders(em),
      };
    },
    accessRecorderOf: (ctx) => ctx.access,
    routes: (app, authenticate) => {
      mountAccessRecordsRoute(app, authenticate, { knex, registry: name, log });
      mountAccessAlertsRoute(app, authenticate, { knex, registry: name, log });
    },
    checkHealth: async () => {
      await knex.raw('select 1');
    },
  };
}
