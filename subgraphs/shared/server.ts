import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
} from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { buildSubgraphSchema } from '@apollo/subgraph';
import express, { type Request, type Response } from 'express';
import type { DocumentNode, GraphQLSchema } from 'graphql';
import { applyMiddleware, middleware, type IMiddleware } from 'graphql-middleware';
import { allow, deny, shield, type IRules } from 'graphql-shield';
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
import { graphQLRoute, writeError } from './graphql-route';
import { allowMethods, installJsonErrors, jsonBody, sendError, type HttpErrorCode } from './http-errors';
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

/** The largest GraphQL request body a subgraph reads, bytes (2 MiB, as Express's `'2mb'`). */
const GRAPHQL_BODY_LIMIT = 2 * 1024 * 1024;

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
  // Public fields keep their own resolvers: see withoutPublicFields.
  const lean = middleware((built) => withoutPublicFields(permissions.generate(built) as IMiddleware, rules));
  return applyMiddleware(schema, accessLogMiddleware(rules), lean);
}

/**
 * The shield's middleware without the fields whose rule is `allow` (isPublic). graphql-shield
 * wraps every field of every type, public or not, in an async function that awaits the rule and
 * then the resolver: on a page of 20 organizations that is some 150 extra promises per request
 * (every object of the answer resolved through promiseForObject), for a rule that always grants.
 * Left unwrapped, such a field behaves the same: `allow` resolves to true, after which the shield
 * only calls the resolver, and a resolver's error (which the shield returns under
 * allowExternalErrors) is an error of the field either way. Fields with no rule still get the
 * fallback rule (deny), and every other rule is applied as before.
 */
export function withoutPublicFields(generated: IMiddleware, rules: IRules): IMiddleware {
  const tree = rules as Record<string, unknown>;
  const out: Record<string, Record<string, unknown>> = {};
  for (const [typeName, fields] of Object.entries(generated as Record<string, Record<string, unknown>>)) {
    const typeRules = tree[typeName];
    const ruleOf = (field: string): unknown =>
      typeRules === undefined
        ? deny
        : typeof typeRules === 'object' && typeRules !== null && !('resolve' in typeRules)
          ? ((typeRules as Record<string, unknown>)[field] ?? (typeRules as Record<string, unknown>)['*'] ?? deny)
          : typeRules;
    const kept = Object.fromEntries(Object.entries(fields).filter(([field]) => ruleOf(field) !== allow));
    if (Object.keys(kept).length > 0) out[typeName] = kept;
  }
  return out as IMiddleware;
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
  // POST /graphql with a plain JSON body skips Express (graphql-route.ts); the rest is Express's.
  let graphql: (req: IncomingMessage, res: ServerResponse) => boolean = () => false;
  const httpServer = createServer((req, res) => {
    if (!graphql(req, res)) app(req, res);
  });

  // Assertions already accepted by this process, so that a captured one cannot be sent again.
  const seen = new TokenIdMemory();
  const authenticate = (req: Request, digest: string) =>
    verifyAssertion(publicKey, req.get(ASSERTION_HEADER), { audience: definition.name, digest, seen });
  const assertionOf = (req: IncomingMessage): string | undefined => {
    const value = req.headers[ASSERTION_HEADER];
    return Array.isArray(value) ? value.join(', ') : value;
  };
  /** Every GraphQL request's check: a signed request's body, signed for this subgraph, for exactly this operation, once. */
  const admit = async (
    req: IncomingMessage,
    body: unknown,
  ): Promise<{ caller: Caller; assertion: string } | { status: number; code: HttpErrorCode; message: string }> => {
    const operation = operationFromBody(body);
    if (typeof operation === 'string') {
      return {
        status: 400,
        code: 'BAD_REQUEST',
        message: `${definition.name} refused the request body: ${operation}`,
      };
    }
    const assertion = assertionOf(req);
    try {
      const caller = await verifyAssertion(publicKey, assertion, {
        audience: definition.name,
        digest: operationDigest(operation),
        seen,
      });
      return { caller, assertion: assertion! };
    } catch (error) {
      const refused = unsignedRefusal(error, definition.name);
      countRefusal(definition.name, 'authentication');
      log.warn(
        { reason: refused.reason, path: '/graphql', from: req.socket.remoteAddress },
        'refused a request not signed by the gateway',
      );
      return refused;
    }
  };
  /** The request's scope: every log line and span of it carries the gateway's request id. */
  const inRequestScope = <T>(caller: Caller, work: () => T): T =>
    runInRequestScope(caller.requestId, () => {
      annotateRequestSpan({
        'gov.request_id': caller.requestId,
        'gov.subgraph': definition.name,
        'graphql.operation.name': caller.operationName ?? undefined,
        'enduser.role': caller.identity?.role ?? 'anonymous',
        'gov.via': caller.via ?? undefined,
        'gov.purpose.length': caller.purpose?.length,
      });
      return work();
    });

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
      // No type or field carries @cacheControl, so every answer's policy is max-age 0 and the
      // plugin never sets a Cache-Control header; left on, it wraps every field's resolver to
      // compute that policy (a cache policy object and two lookups per field of every answer).
      ApolloServerPluginCacheControlDisabled(),
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
    ...jsonBody(GRAPHQL_BODY_LIMIT),
    async (req, res, next) => {
      const admitted = await admit(req, req.body);
      if (!('caller' in admitted)) {
        sendError(res, admitted.status, admitted.code, admitted.message);
        return;
      }
      res.locals.caller = admitted.caller;
      res.locals.assertion = admitted.assertion;
      inRequestScope(admitted.caller, next);
    },
    expressMiddleware(server, {
      context: async ({ res }) => definition.createContext(res.locals.caller as Caller, res.locals.assertion as string),
    }),
  );

  installJsonErrors(app, log);

  graphql = graphQLRoute<C>(
    {
      limit: GRAPHQL_BODY_LIMIT,
      log,
      server: () => server,
      admit: async (req, res, body) => {
        const admitted = await admit(req, body);
        if (!('caller' in admitted)) {
          writeError(res, admitted.status, admitted.code, admitted.message);
          return undefined;
        }
        return {
          context: async () => definition.createContext(admitted.caller, admitted.assertion),
          scope: (work) => inRequestScope(admitted.caller, work),
        };
      },
    },
    app,
  );

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
  const refused = unsignedRefusal(error, name);
  countRefusal(name, 'authentication');
  log.warn({ reason: refused.reason, path: req.path, from: req.ip }, 'refused a request not signed by the gateway');
  sendError(res, refused.status, refused.code, refused.message);
}

/** What a refused assertion is answered with. */
function unsignedRefusal(
  error: unknown,
  name: string,
): { status: number; code: HttpErrorCode; message: string; reason: string } {
  const reason = error instanceof AssertionError ? error.message : 'gateway assertion could not be checked';
  const status = error instanceof AssertionError ? error.status : 401;
  return {
    status,
    code: status === 401 ? 'UNAUTHENTICATED' : 'SERVICE_UNAVAILABLE',
    message: `${name} answers only requests signed by the gateway: ${reason}`,
    reason,
  };
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
