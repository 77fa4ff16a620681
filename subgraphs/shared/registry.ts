import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import type express from 'express';
import type { Request } from 'express';
import type { IRules } from 'graphql-shield';
import type { RegistryName } from '../catalog';
import { mountAccessAlertsRoute } from './access-log/alerts';
import { mountAccessRecordsRoute } from './access-log/http';
import { appendMembersRecord } from './access-log/members';
import type { AccessLog } from './access-log/access-log';
import type { AccessRecorder } from './access-log/recorder';
import type { RegistryContext } from './context';
import type { GraphClient, RequestGraph } from './graph';
import { ConsentCheck, heldGrantsThroughGraph, type FetchHeldGrants } from './consent/grants';
import type { Caller } from './identity';
import type { Logger } from './logger';
import type { RegistryOrm } from './orm';
import { subgraphTypeDefs } from './sdl';
import type { SubgraphDefinition } from './server';
import { mountStatisticsExtractRoute, type StatisticsExtract } from './statistics/extract';

/** A registry request's context: caller, EntityManager fork, access recorder and DataLoaders. */
export interface RegistryRequestContext<Loaders> extends RegistryContext {
  loaders: Loaders;
}

/**
 * What a registry process offers its subgraph beyond its own database, for the one registry that
 * reads other registries' routes (statistics, which asks the gateway for their extracts as itself,
 * with its own key). Other registries ignore it.
 */
export interface RegistryServices {
  /** The gateway's GraphQL URL (statistics asks for extracts at its /statistics-extract/<registry>). */
  gatewayUrl(): string;
  /** Minutes between scheduled statistics refreshes (0: none; STATISTICS_REFRESH_INTERVAL_MINUTES). */
  statisticsRefreshMinutes: number;
}

/** What a registry's own HTTP routes (beside GraphQL) work with. */
export interface RegistryRouteTools {
  knex: Knex;
  log: Logger;
  /** A fresh access recorder for one request's caller. */
  accessRecorder(caller: Caller): AccessRecorder;
  /** The graph as one request's caller (delegated calls), from the gateway assertion it carried. */
  graphFor(caller: Caller, assertion: string): RequestGraph;
  /**
   * Records `caller` reading `fields` of every person in `memberIds` as one access record with its
   * members (access-log/members.ts), committed when it resolves; rejects when it cannot be written.
   */
  recordMembersRead(caller: Caller, fields: readonly string[], memberIds: readonly string[]): Promise<void>;
}

/**
 * Turns a registry's parts (resolvers, permissions, loaders; the SDL is schema/<name>.graphql) into a subgraph definition
 * with what every registry has: a fresh EntityManager and loaders per request, an access log,
 * its read endpoint for the data tracker, a database health check, and `ctx.graph` for delegated
 * calls on the caller's behalf.
 */
export function registrySubgraph<Loaders, Extra extends object = object>(parts: {
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
  /**
   * The registry that owns consent grants (natural-person) reads them from its own database; every
   * other registry leaves this out and asks natural-person through the graph.
   */
  heldGrants?(em: EntityManager, caller: Caller): FetchHeldGrants;
  /** Anything else a request of this registry carries (e.g. the key it signs documents with). */
  extendContext?(context: RegistryRequestContext<Loaders>): Extra;
  /**
   * Plain HTTP routes of the registry beside GraphQL (e.g. file uploads), behind the same gateway
   * signature, bound to the method and the request target. `authenticate` resolves to the caller.
   */
  routes?(app: express.Express, authenticate: (req: Request) => Promise<Caller>, tools: RegistryRouteTools): void;
  /** The attributes this registry sends to statistics (its statistics-extract.ts), served at GET /statistics-extract. */
  statisticsExtract?: StatisticsExtract;
  /** Further extracts of other populations (e.g. labour-market's job postings), by name (`&extract=<name>`). */
  statisticsExtracts?: Record<string, StatisticsExtract>;
}): SubgraphDefinition<RegistryRequestContext<Loaders> & Extra> {
  const { name, db, log } = parts;
  const knex = db.orm.em.getKnex();
  return {
    name,
    typeDefs: subgraphTypeDefs(name),
    resolvers: parts.resolvers,
    permissions: parts.permissions,
    createContext: (caller, assertion) => {
      const em = db.orm.em.fork();
      const graph = parts.graph.forRequest(caller, assertion);
      const consent = parts.heldGrants
        ? new ConsentCheck(caller, parts.heldGrants(em, caller), { local: true })
        : new ConsentCheck(caller, heldGrantsThroughGraph(graph), { local: false });
      const context: RegistryRequestContext<Loaders> = {
        caller,
        em,
        access: parts.accessLog.recorder(caller),
        graph,
        consent,
        loaders: parts.createLoaders(em),
      };
      return { ...context, ...(parts.extendContext?.(context) ?? ({} as Extra)) };
    },
    accessRecorderOf: (ctx) => ctx.access,
    routes: (app, authenticate) => {
      mountAccessRecordsRoute(app, authenticate, { knex, registry: name, log });
      mountAccessAlertsRoute(app, authenticate, { knex, registry: name, log });
      const tools: RegistryRouteTools = {
        knex,
        log,
        accessRecorder: (caller) => parts.accessLog.recorder(caller),
        graphFor: (caller, assertion) => parts.graph.forRequest(caller, assertion),
        recordMembersRead: async (caller, fields, memberIds) => {
          const record = await appendMembersRecord(knex, name, caller, fields, memberIds);
          parts.accessLog.checkpointer?.committed(record);
        },
      };
      if (parts.statisticsExtract) {
        mountStatisticsExtractRoute(app, authenticate, tools, name, {
          ...parts.statisticsExtracts,
          '': parts.statisticsExtract,
        });
      }
      parts.routes?.(app, authenticate, tools);
    },
    checkHealth: async () => {
      await knex.raw('select 1');
    },
  };
}
