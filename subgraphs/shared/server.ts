import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { buildSubgraphSchema } from '@apollo/subgraph';
import express, { type Request, type Response } from 'express';
import type { DocumentNode, GraphQLSchema } from 'graphql';
import { applyMiddleware } from 'graphql-middleware';
import { deny, shield, type IRules } from 'graphql-shield';
import type { CryptoKey } from 'jose';
import type { SubgraphName } from '../catalog';
import {
  ASSERTION_HEADER,
  AssertionError,
  operationDigest,
  operationFromBody,
  routeDigest,
  verifyAssertion,
} from './assertion';
import { accessLogMiddleware } from './access-log/middleware';
import type { AccessRecorder } from './access-log/recorder';
import type { SubgraphContext } from './context';
import { isProduction, metricsToken } from './config';
import {
  errorReportingPlugin,
  formatClientError,
  formatClientErrorWithoutSuggestions,
  internalError,
  operationResolutionPlugin,
} from './errors';
import { allowMethods, installJsonErrors, jsonBody, sendError } from './http-errors';
import type { Caller } from './identity';
import type { Logger } from './logger';
import { TokenIdMemory } from './replay';
import { federationRules, refusal } from './rules';
import { countRefusal, metricsPlugin, mountMetrics } from './telemetry/metrics';
import { annotateRequestSpan, runInRequestScope } from './telemetry/request-scope';

/**
 * What every subgraph process does the same way: build the federated schema, wrap it in the
 * access log and the permission shield, refuse any request the gateway did not sign, serve
 * GraphQL over HTTP with a health endpoint, and shut down cleanly.
 */

export interface SubgraphDefinition<C extends SubgraphContext> {
  name: SubgraphName;
  typeDefs: DocumentNode;
  /** Resolvers, typed per subgraph by the generated `Resolvers` type. */
  resolvers: object;
  /** The shield rule tree, mirroring the SDL type by type. */
  permissions: IRules;
  /**
   * Builds one request's context for a verified caller. `assertion` is the gateway assertion the
   * request carried (already verified), for a registry that asks the graph on this caller's behalf.
   */
  createContext(caller: Caller, assertion: string): C;
  /** The request's access recorder, for registries that keep an access log. */
  accessRecorderOf?(context: C): AccessRecorder;
  /** Extra routes behind the same gateway-signature check (a registry's access-log endpoint). */
  routes?(app: express.Express, authenticate: (req: Request) => Promise<Caller>): void;
  /** Throws when the subgraph cannot serve (e.g. its database is unreachable). */
  checkHealth?(): Promise<void>;
  /** Work the process does beside requests (an outbox worker): started once listening, stopped first on close. */
  background?: { start(): void; stop(): Promise<void> };
}

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** The subgraph schema with permissions applied: access log outermost, then shield, then resolvers. */
export function buildProtectedSchema<C extends SubgraphContext>(definition: SubgraphDefinition<C>): GraphQLSchema {
  const schema = buildSubgraphSchema({ typeDefs: definition.typeDefs, resolvers: definition.resolvers as never });
  const rules = withFederationRules(definition.permissions, schema);
  const permissions = shield(rules, {
    fallbackRule: deny,
    // A rule that answers plain `false` (nothing more specific to say).
    fallbackError: (_error, _parent, _args, ctx, info) =>
      refusal(ctx as unknown as SubgraphContext, info, 'is not readable by this caller'),
    // Resolver errors pass through to formatError, which masks anything internal. Without this,
    // shield would report a database outage as "Not Authorised!".
    allowExternalErrors: true,
  });
  return applyMiddleware(schema, accessLogMiddleware(rules), permissions);
}

function withFederationRules(permissions: IRules, schema: GraphQLSchema): IRules {
  const tree = permissions as Record<string, Record<string, unknown>>;
  // A subgraph without entities (statistics) has no `_entities` field to allow.
  const queryFields = schema.getQueryType()?.getFields() ?? {};
  const federation = Object.fromEntries(
    Object.entries(federationRules.Query).filter(([field]) => field in queryFields),
  );
  return {
    ...tree,
    Query: { ...federation, ...(tree.Query ?? {}) },
    _Service: federationRules._Service,
  } as IRules;
}

export async function serveSubgraph<C extends SubgraphContext>(
  definition: SubgraphDefinition<C>,
  options: {
    port: number;
    publicKey: CryptoKey;
    log: Logger;
    host?: string;
    production?: boolean;
    /** Bearer token for /metrics from other machines (default: METRICS_TOKEN). */
    metricsToken?: string;
  },
): Promise<RunningServer> {
  const { log, publicKey } = options;
  const production = options.production ?? isProduction();
  const app = express();
  app.disable('x-powered-by');
  const httpServer = createServer(app);

  // Assertions already accepted by this process, so that a captured one cannot be sent again.
  const seen = new TokenIdMemory();
  const authenticate = (req: Request, digest: string) =>
    verifyAssertion(publicKey, req.get(ASSERTION_HEADER), { audience: definition.name, digest, seen });

  const server = new ApolloServer<C>({
    schema: buildProtectedSchema(definition),
    formatError: production ? formatClientErrorWithoutSuggestions : formatClientError,
    includeStacktraceInErrorResponses: false,
    // The assertion is checked against the query text in the body; a persisted-query hash would
    // let the server execute a query the gateway never signed.
    persistedQueries: false,
    introspection: !production,
    hideSchemaDetailsFromClientErrors: production,
    plugins: [
      metricsPlugin<C>(definition.name, log, (ctx) => ctx.caller?.operationName),
      ApolloServerPluginDrainHttpServer({ httpServer }),
      // Federated traces are for Apollo Studio, which this deployment does not use.
      ApolloServerPluginInlineTraceDisabled(),
      operationResolutionPlugin<C>(),
      errorReportingPlugin<C>(log, (ctx) => ctx.caller?.requestId),
      accessLogFlushPlugin(definition, log),
    ],
  });
  await server.start();

  app.get('/health', async (_req, res) => {
    try {
      await definition.checkHealth?.();
      res.json({ status: 'ok', subgraph: definition.name });
    } catch (error) {
      log.warn({ err: error as Error }, 'health check failed');
      res.status(503).json({ status: 'unavailable', subgraph: definition.name });
    }
  });

  /**
   * Prometheus metrics. Subgraphs listen on loopback by default, so a Prometheus on the same machine
   * scrapes them as is; from elsewhere (SUBGRAPH_HOST exposes them) only with METRICS_TOKEN.
   */
  mountMetrics(app, { token: options.metricsToken ?? metricsToken(), openToLoopback: true });

  // A route's assertion is bound to the method and the request target as sent: what it executes.
  definition.routes?.(app, (req) => authenticate(req, routeDigest(req.method, req.originalUrl)));

  app.use(
    '/graphql',
    // Apollo Server would execute a GET's query from the URL, which the assertion does not cover.
    allowMethods(['POST']),
    ...jsonBody('2mb'),
    async (req, res, next) => {
      const operation = operationFromBody(req.body);
      if (typeof operation === 'string') {
        sendError(res, 400, 'BAD_REQUEST', `${definition.name} refused the request body: ${operation}`);
        return;
      }
      let caller: Caller;
      try {
        caller = await authenticate(req, operationDigest(operation));
      } catch (error) {
        refuseUnsigned(res, error, log, definition.name, req);
        return;
      }
      res.locals.caller = caller;
      res.locals.assertion = req.get(ASSERTION_HEADER);
      // Every log line and span of this request carries the gateway's request id from here on.
      runInRequestScope(caller.requestId, () => {
        annotateRequestSpan({
          'gov.request_id': caller.requestId,
          'gov.subgraph': definition.name,
          'graphql.operation.name': caller.operationName ?? undefined,
          'enduser.role': caller.identity?.role ?? 'anonymous',
          'gov.via': caller.via ?? undefined,
          'gov.purpose.length': caller.purpose?.length,
        });
        next();
      });
    },
    expressMiddleware(server, {
      context: async ({ res }) => definition.createContext(res.locals.caller as Caller, res.locals.assertion as string),
    }),
  );

  installJsonErrors(app, log);

  const host = options.host ?? '127.0.0.1';
  await listen(httpServer, options.port, host);
  const port = (httpServer.address() as AddressInfo).port;
  log.info({ url: `http://${host}:${port}/graphql` }, `${definition.name} subgraph listening`);
  definition.background?.start();
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    port,
    close: async () => {
      await definition.background?.stop();
      await server.stop();
      await closeHttpServer(httpServer);
    },
  };
}

/** 401 with a GraphQL-shaped body, for any request the gateway did not sign (503 when the replay memory is full). */
export function refuseUnsigned(res: Response, error: unknown, log: Logger, name: string, req: Request): void {
  const reason = error instanceof AssertionError ? error.message : 'gateway assertion could not be checked';
  const status = error instanceof AssertionError ? error.status : 401;
  countRefusal(name, 'authentication');
  log.warn({ reason, path: req.path, from: req.ip }, 'refused a request not signed by the gateway');
  sendError(
    res,
    status,
    status === 401 ? 'UNAUTHENTICATED' : 'SERVICE_UNAVAILABLE',
    `${name} answers only requests signed by the gateway: ${reason}`,
  );
}

/**
 * Writes the request's access records before the response leaves. If they cannot be written,
 * the whole response is replaced by an internal error: no personal data without its record.
 */
function accessLogFlushPlugin<C extends SubgraphContext>(
  definition: SubgraphDefinition<C>,
  log: Logger,
): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response }) {
          const recorder = definition.accessRecorderOf?.(contextValue);
          if (!recorder?.hasPending) return;
          try {
            await recorder.flush();
          } catch (error) {
            log.error(
              {
                requestId: contextValue.caller.requestId,
                err: error as Error,
              },
              'access log write failed; response withheld',
            );
            if (response.body.kind === 'single') {
              const withheld = internalError(contextValue.caller.requestId);
              response.body.singleResult = {
                data: null,
                errors: [{ message: withheld.message, extensions: withheld.extensions }],
              };
            }
          }
        },
      };
    },
  };
}

/** Starts listening; a port in use becomes an error that says what to do. */
export async function listen(server: Server, port: number, host: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new Error(
              `port ${port} is already in use (is another instance running?); choose another port in the environment`,
            )
          : error,
      ),
    );
    server.listen(port, host, resolve);
  });
}

export function closeHttpServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
