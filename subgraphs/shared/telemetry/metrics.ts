import { timingSafeEqual } from 'node:crypto';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { Express, Request } from 'express';
import type { GraphQLError } from 'graphql';
import client from 'prom-client';
import { sendError } from '../http-errors';
import type { Logger } from '../logger';

/**
 * Prometheus metrics (prom-client), one registry per process, served at /metrics. Every label has
 * a bounded set of values: services, subgraphs, registries, departments, reasons and outcomes are
 * fixed lists, and operation names (chosen by clients) are capped (see `operationLabel`).
 */

export const registry = client.register;

/** Process metrics (CPU, memory, event-loop lag, GC) once per process, prefixed `gov_`. */
let processMetrics = false;
export function collectProcessMetrics(): void {
  if (processMetrics) return;
  processMetrics = true;
  client.collectDefaultMetrics({ register: registry, prefix: 'gov_' });
}

const LATENCY_BUCKETS = [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export const graphqlRequests = new client.Counter({
  name: 'gov_graphql_requests_total',
  help: 'GraphQL requests by service, operation name, operation type and outcome (ok, partial: data with errors, error: no data)',
  labelNames: ['service', 'operation', 'type', 'outcome'] as const,
});

export const graphqlDuration = new client.Histogram({
  name: 'gov_graphql_request_duration_seconds',
  help: 'Time from receiving a GraphQL request to sending its response, by service and operation name',
  labelNames: ['service', 'operation'] as const,
  buckets: LATENCY_BUCKETS,
});

/**
 * Refusal reasons: `authentication` (no or bad token, unsigned subgraph request), `permission`
 * (FORBIDDEN), `validation` (malformed query, bad input), `limits` (depth, aliases, tokens,
 * directives, cost), `rate` (429), `trusted_documents` (an operation not in the manifest).
 */
export type RefusalReason = 'authentication' | 'permission' | 'validation' | 'limits' | 'rate' | 'trusted_documents';

export const refusals = new client.Counter({
  name: 'gov_requests_refused_total',
  help: 'Requests refused (whole or in part), by service and reason: authentication, permission, validation, limits, rate, trusted_documents',
  labelNames: ['service', 'reason'] as const,
});

export const subgraphFetchDuration = new client.Histogram({
  name: 'gov_subgraph_fetch_duration_seconds',
  help: 'Gateway fetches from each subgraph, by outcome (ok, error, timeout)',
  labelNames: ['subgraph', 'outcome'] as const,
  buckets: LATENCY_BUCKETS,
});

export const subgraphFetchFailures = new client.Counter({
  name: 'gov_subgraph_fetch_failures_total',
  help: 'Gateway fetches that failed, by subgraph and reason (timeout, connection, http_5xx, http_4xx)',
  labelNames: ['subgraph', 'reason'] as const,
});

export const accessLogAppendDuration = new client.Histogram({
  name: 'gov_access_log_append_duration_seconds',
  help: 'Time to append one group-commit batch to the access log (lock, insert, commit), by registry',
  labelNames: ['registry', 'outcome'] as const,
  buckets: LATENCY_BUCKETS,
});

export const accessLogBatchRecords = new client.Histogram({
  name: 'gov_access_log_batch_records',
  help: 'Records per access-log batch, by registry',
  labelNames: ['registry'] as const,
  buckets: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 5000],
});

export const accessLogBatchRequests = new client.Histogram({
  name: 'gov_access_log_batch_requests',
  help: 'Requests whose records went into one access-log batch, by registry',
  labelNames: ['registry'] as const,
  buckets: [1, 2, 5, 10, 20, 50, 100, 200],
});

export const accessAlertsRaised = new client.Counter({
  name: 'gov_access_alerts_raised_total',
  help: 'Unusual-reading alerts raised, by registry and the officer’s department',
  labelNames: ['registry', 'department'] as const,
});

/** Connection pools to report, by registry (the latest one opened for each registry in this process). */
export interface PoolLike {
  numUsed(): number;
  numFree(): number;
  numPendingAcquires(): number;
  max: number;
}
const pools = new Map<string, () => PoolLike | undefined>();

/** Reports a registry's database pool (knex/tarn) in `gov_db_pool_connections`. */
export function reportPool(registryName: string, pool: () => PoolLike | undefined): void {
  pools.set(registryName, pool);
}

new client.Gauge({
  name: 'gov_db_pool_connections',
  help: 'Database connections by registry and state: used, free, pending (requests waiting for one), max',
  labelNames: ['registry', 'state'] as const,
  collect() {
    this.reset();
    for (const [name, poolOf] of pools) {
      const pool = poolOf();
      if (!pool) continue;
      this.set({ registry: name, state: 'used' }, pool.numUsed());
      this.set({ registry: name, state: 'free' }, pool.numFree());
      this.set({ registry: name, state: 'pending' }, pool.numPendingAcquires());
      this.set({ registry: name, state: 'max' }, pool.max);
    }
  },
});

/** Operation names become labels: valid GraphQL names only, and at most this many distinct ones. */
export const MAX_OPERATION_LABELS = 200;
const operationNames = new Set<string>();

/**
 * The label for a client-chosen operation name: `(anonymous)` without a name, `(invalid)` for one
 * that is not a plain GraphQL name of at most 64 characters, and `(other)` once 200 distinct names
 * have been seen (names registered as trusted documents are reserved first, see `reserveOperationNames`).
 */
export function operationLabel(name: string | null | undefined): string {
  if (!name) return '(anonymous)';
  if (operationNames.has(name)) return name;
  if (name.length > 64 || !/^[_A-Za-z][_0-9A-Za-z]*$/.test(name)) return '(invalid)';
  if (operationNames.size >= MAX_OPERATION_LABELS) return '(other)';
  operationNames.add(name);
  return name;
}

/** Reserves labels for names known in advance (the trusted documents' operations). */
export function reserveOperationNames(names: Iterable<string>): void {
  for (const name of names) operationNames.add(name);
}

/** The refusal reason an error stands for, if it is a refusal. */
export function refusalReason(error: Pick<GraphQLError, 'extensions'>): RefusalReason | undefined {
  const code = error.extensions?.code;
  switch (code) {
    case 'UNAUTHENTICATED':
      return 'authentication';
    case 'FORBIDDEN':
      return 'permission';
    case 'BAD_USER_INPUT':
    case 'GRAPHQL_PARSE_FAILED':
    case 'OPERATION_RESOLUTION_FAILURE':
    case 'BAD_REQUEST':
      return error.extensions?.limit ? 'limits' : 'validation';
    case 'GRAPHQL_VALIDATION_FAILED':
      return error.extensions?.limit ? 'limits' : 'validation';
    case 'COST_ESTIMATED_TOO_EXPENSIVE':
      return 'limits';
    case 'RATE_LIMITED':
      return 'rate';
    case 'QUERY_NOT_IN_SAFELIST':
    case 'PERSISTED_QUERY_NOT_IN_LIST':
      return 'trusted_documents';
    default:
      return undefined;
  }
}

/**
 * Counts every GraphQL request of `service` by operation and outcome, times it, and counts its
 * refusals by reason (each reason once per request); at debug level, logs one line per request.
 */
export function metricsPlugin<C extends BaseContext>(
  service: string,
  /** Writes one debug line per request (operation, outcome, time): LOG_LEVEL=debug. */
  log: Logger,
  /** The operation name to count under (subgraphs: the client's, which the gateway signs, not the query plan's). */
  operationNameOf?: (context: C) => string | null | undefined,
): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      const started = performance.now();
      const reasons = new Set<RefusalReason>();
      return {
        async didEncounterErrors({ errors }) {
          for (const error of errors) {
            const reason = refusalReason(error);
            if (reason) reasons.add(reason);
          }
        },
        async willSendResponse({ response, operation, operationName, contextValue }) {
          const operationLabelValue = operationLabel(
            operationNameOf ? operationNameOf(contextValue) : (operationName ?? operation?.name?.value),
          );
          let outcome = 'ok';
          if (response.body.kind === 'single') {
            const { data, errors } = response.body.singleResult;
            if (errors?.length) outcome = data ? 'partial' : 'error';
            for (const error of errors ?? []) {
              const reason = refusalReason(error as GraphQLError);
              if (reason) reasons.add(reason);
            }
          }
          graphqlRequests.inc({
            service,
            operation: operationLabelValue,
            type: operation?.operation ?? 'unknown',
            outcome,
          });
          const seconds = (performance.now() - started) / 1000;
          graphqlDuration.observe({ service, operation: operationLabelValue }, seconds);
          log.debug(
            { operation: operationLabelValue, outcome, ms: Math.round(seconds * 1000) },
            'served a GraphQL request',
          );
          for (const reason of reasons) refusals.inc({ service, reason });
        },
      };
    },
  };
}

/** Counts a refusal made outside GraphQL execution (HTTP level: rate limit, unsigned request, bad token). */
export function countRefusal(service: string, reason: RefusalReason): void {
  refusals.inc({ service, reason });
}

/**
 * Mounts GET /metrics. With `token` (METRICS_TOKEN) it answers only `Authorization: Bearer <token>`
 * (401 otherwise). Without a token: when `openToLoopback`, it answers callers on this machine only
 * (404 for others, as if nothing were there); otherwise it is not served at all (404).
 */
export function mountMetrics(app: Express, options: { token: string | undefined; openToLoopback: boolean }): void {
  collectProcessMetrics();
  const expected = options.token ? Buffer.from(`Bearer ${options.token}`) : null;
  app.get('/metrics', async (req, res) => {
    if (expected) {
      const given = Buffer.from(req.get('authorization') ?? '');
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        res.setHeader('www-authenticate', 'Bearer realm="metrics"');
        sendError(res, 401, 'UNAUTHENTICATED', 'The metrics need `Authorization: Bearer <METRICS_TOKEN>`.');
        return;
      }
    } else if (!options.openToLoopback || !isLoopback(req)) {
      sendError(res, 404, 'NOT_FOUND', 'Nothing is served at GET /metrics.');
      return;
    }
    res.setHeader('content-type', registry.contentType);
    res.send(await registry.metrics());
  });
}

function isLoopback(req: Request): boolean {
  const address = req.socket.remoteAddress ?? '';
  return address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.');
}
