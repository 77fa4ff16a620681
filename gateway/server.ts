import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import {
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import cors from 'cors';
import express from 'express';
import type { CryptoKey } from 'jose';
import { SUBGRAPH_NAMES, type SubgraphName } from '../subgraphs/catalog';
import { REPO_ROOT, corsOrigins, isProduction } from '../subgraphs/shared/config';
import { DELEGATION_HEADER } from '../subgraphs/shared/delegation';
import { SERVICE_HEADER } from '../subgraphs/shared/service-calls';
import { graphQLRoute, writeError } from '../subgraphs/shared/graphql-route';
import {
  errorReportingPlugin,
  formatClientError,
  formatClientErrorWithoutSuggestions,
  operationResolutionPlugin,
  unauthenticated,
} from '../subgraphs/shared/errors';
import { allowMethods, installJsonErrors, jsonBody } from '../subgraphs/shared/http-errors';
import type { Caller, Identity } from '../subgraphs/shared/identity';
import type { JsonWebKeySet } from '../subgraphs/shared/keys';
import type { Logger } from '../subgraphs/shared/logger';
import { closeHttpServer, listen, type RunningServer } from '../subgraphs/shared/server';
import {
  countRefusal,
  metricsPlugin,
  mountMetrics,
  operationLabel,
  reserveOperationNames,
} from '../subgraphs/shared/telemetry/metrics';
import {
  annotateRequestSpan,
  currentRequestScope,
  runInRequestScope,
} from '../subgraphs/shared/telemetry/request-scope';
import { SignedSubgraphDataSource, type GatewayContext } from './data-source';
import { delegatedReadsOnlyPlugin } from './delegation';
import { readPurpose } from './purpose';
import { mountExplorer } from './explorer';
import { timeoutFetcher } from './fetcher';
import { DEFAULT_LIMITS, costLimitPlugin, queryShapeRules, type QueryLimits } from './limits';
import { mountMaterialRoutes } from './materials';
import { mountStatisticsCsvRoute } from './statistics-csv';
import { mountStatisticsExtractRoute } from './statistics-extract';
import { rateLimited, type RequestRateLimiter } from './rate-limit';
import {
  DEFAULT_VERIFICATION_LIMITS,
  FailedVerificationLimiter,
  verificationLimitPlugin,
  type VerificationLimits,
} from './verification-limiter';
import { checkReadiness } from './readiness';
import { mountDemoTokens, mountWebApp } from './web';
import type { DemoSignIn } from '../subgraphs/shared/demo-tokens';
import {
  operationNames,
  resolveDocumentId,
  resolveDocumentIds,
  trustedDocumentsPlugin,
  type TrustedDocumentsConfig,
} from './trusted-documents';

export const SUPERGRAPH_PATH = join(REPO_ROOT, 'schema', 'supergraph.graphql');

export interface GatewayOptions {
  port: number;
  host?: string;
  /** Where each subgraph answers. */
  subgraphUrls: Record<SubgraphName, string>;
  /** Checks the bearer token of a request (see authenticate.ts). */
  verifyToken(authorization: string | undefined): Promise<Identity | null>;
  /**
   * Checks a registry's delegated call (see delegation.ts): the original caller with `via` set,
   * or null when the request carries no delegation. Without it, delegations are refused.
   */
  verifyDelegation?(req: express.Request): Promise<Caller | null>;
  /** Signs the assertion on every subgraph request. */
  signingKey: CryptoKey;
  /**
   * The statistics registry's public key: with it the gateway serves GET /statistics-extract/<registry>
   * to the statistics refresh (statistics-extract.ts). Without it, that route is not served.
   */
  statisticsKey?: CryptoKey;
  subgraphTimeoutMs: number;
  limits?: QueryLimits;
  /** Requests per client (none: no rate limits). */
  rateLimiter?: RequestRateLimiter | null;
  /** Trusted-documents mode: only these operations run (none: any operation). */
  trustedDocuments?: TrustedDocumentsConfig | null;
  /** Bearer token for GET /metrics (none: /metrics is not served). */
  metricsToken?: string;
  /** Express `trust proxy`: which proxies' X-Forwarded-For gives the client address (rate limits). */
  trustProxy?: boolean | number | string;
  log: Logger;
  /** Called for every subgraph fetch (tests count them). */
  onSubgraphFetch?(subgraph: SubgraphName): void;
  /** Production: no introspection, no field suggestions, no explorer (default: NODE_ENV=production). */
  production?: boolean;
  /** Browser origins allowed to call with credentials (default: CORS_ORIGINS). */
  corsOrigins?: string[];
  /** How long /ready waits for each subgraph's /health. */
  readinessTimeoutMs?: number;
  /** Every registry's public key, served at /.well-known/jwks.json (see registryJwks in keys.ts); main.ts always gives it. */
  registryJwks?: JsonWebKeySet;
  /** How wrong verifyCertificate codes are limited per client (default DEFAULT_VERIFICATION_LIMITS). */
  verificationLimits?: VerificationLimits;
  /** Where the built web pages are (default web/dist); false: no pages at `/`. */
  webDist?: string | false;
  /** Demo sign-ins for the pages' development sign-in (GET /demo-tokens); never served in production. */
  demoTokens?: () => Promise<DemoSignIn[]>;
}

/** The largest GraphQL request body the gateway reads, bytes (Express's `'100kb'`). */
const GRAPHQL_BODY_LIMIT = 100 * 1024;

/** Request headers a browser app may send cross-origin (Apollo's CSRF check accepts the last two). */
const CORS_REQUEST_HEADERS = [
  'authorization',
  'content-type',
  'x-purpose',
  'apollo-require-preflight',
  'x-apollo-operation-name',
];

/**
 * The gateway: Apollo Gateway over the committed static supergraph (no start-up composition, so a
 * subgraph that is down cannot stop it starting), with token verification, query limits, signed
 * subgraph requests with a timeout, and errors reduced to what clients may see.
 */
export async function startGateway(options: GatewayOptions): Promise<RunningServer> {
  const { log } = options;
  const production = options.production ?? isProduction();
  const allowedOrigins = new Set(options.corsOrigins ?? corsOrigins());
  const app = express();
  app.disable('x-powered-by');
  if (options.trustProxy !== undefined) app.set('trust proxy', options.trustProxy);
  // POST /graphql in its plain form skips Express (see plainGraphQLRoute below); all else is Express's.
  let graphql: (req: IncomingMessage, res: ServerResponse) => boolean = () => false;
  const httpServer = createServer((req, res) => {
    if (!graphql(req, res)) app(req, res);
  });
  // Idle client connections stay open longer than clients and proxies keep them (Node's default of
  // 5 s is shorter than most): otherwise a client reusing a connection just as the gateway closes
  // it gets "socket hang up" for a request that never arrived. Headers must time out later still.
  httpServer.keepAliveTimeout = 65_000;
  httpServer.headersTimeout = 66_000;
  const limits = options.limits ?? DEFAULT_LIMITS;
  const trusted = options.trustedDocuments ?? null;
  if (trusted) reserveOperationNames(operationNames(trusted));

  if (allowedOrigins.size > 0) {
    // Listed origins get CORS headers (credentials included) and answered preflights; any other
    // origin gets none, so its browser keeps the response from its script, and Apollo's CSRF
    // check still refuses its simple requests.
    app.use(
      cors({
        origin: (origin, callback) => callback(null, origin !== undefined && allowedOrigins.has(origin)),
        credentials: true,
        methods: ['GET', 'POST'],
        allowedHeaders: CORS_REQUEST_HEADERS,
        exposedHeaders: ['x-request-id'],
        maxAge: 600,
      }),
    );
  }

  // Apollo Gateway otherwise sends usage metrics to Apollo's servers every hour: a city's gateway
  // sends nothing anywhere it was not configured to (APOLLO_TELEMETRY_DISABLED=false opts in).
  process.env.APOLLO_TELEMETRY_DISABLED ??= 'true';
  const gateway = new ApolloGateway({
    supergraphSdl: readFileSync(SUPERGRAPH_PATH, 'utf8'),
    buildService: ({ name }) => {
      const subgraph = name as SubgraphName;
      if (!SUBGRAPH_NAMES.includes(subgraph)) throw new Error(`supergraph names unknown subgraph ${name}`);
      const fetcher = timeoutFetcher(options.subgraphTimeoutMs, () => options.onSubgraphFetch?.(subgraph), subgraph);
      return new SignedSubgraphDataSource(subgraph, options.subgraphUrls[subgraph], options.signingKey, fetcher, log);
    },
  });

  const server = new ApolloServer<GatewayContext>({
    gateway,
    formatError: production ? formatClientErrorWithoutSuggestions : formatClientError,
    includeStacktraceInErrorResponses: false,
    // Suggestions ("Did you mean ...?") would name fields that introspection hides.
    introspection: !production,
    hideSchemaDetailsFromClientErrors: production,
    validationRules: queryShapeRules(limits),
    parseOptions: { maxTokens: limits.maxTokens },
    // Trusted documents name their operations by hash themselves; no client-registered queries then.
    persistedQueries: trusted ? false : undefined,
    plugins: [
      metricsPlugin<GatewayContext>('gateway', log),
      ApolloServerPluginDrainHttpServer({ httpServer }),
      // Apollo's landing page loads Apollo Sandbox from a CDN; the explorer is served from here instead.
      ApolloServerPluginLandingPageDisabled(),
      // Apollo adds federated tracing for subgraphs; it turns itself off on the gateway, but would
      // still be asked on every request.
      ApolloServerPluginInlineTraceDisabled(),
      operationResolutionPlugin<GatewayContext>(),
      errorReportingPlugin<GatewayContext>(log, (ctx) => ctx.caller?.requestId),
      delegatedReadsOnlyPlugin(),
      verificationLimitPlugin(new FailedVerificationLimiter(options.verificationLimits ?? DEFAULT_VERIFICATION_LIMITS)),
      ...(trusted ? [trustedDocumentsPlugin(trusted, !production)] : []),
      costLimitPlugin<GatewayContext>(limits),
      operationAnnotationPlugin(),
    ],
  });
  await server.start();

  const verifyDelegation =
    options.verifyDelegation ??
    (async (req: express.Request) => {
      if (req.get(DELEGATION_HEADER) === undefined) return null;
      throw unauthenticated('The registry delegation was refused: this gateway accepts no delegated calls', 401);
    });

  /** Liveness: this process serves HTTP. */
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok', service: 'gateway' });
  });

  /** Readiness: every subgraph answers its health check (503 with each one's state otherwise). */
  const readinessTimeoutMs = options.readinessTimeoutMs ?? Math.min(1000, options.subgraphTimeoutMs);
  app.get('/ready', async (_req, res) => {
    const readiness = await checkReadiness(options.subgraphUrls, readinessTimeoutMs);
    res.status(readiness.status === 'ready' ? 200 : 503).json(readiness);
  });

  /** Prometheus metrics, for whoever holds METRICS_TOKEN (not served without one). */
  mountMetrics(app, { token: options.metricsToken, openToLoopback: false });

  if (!production) mountExplorer(app, '/graphql');

  // Every registry's public keys: anyone verifies what a registry signed (a certificate's signed form) offline.
  const jwks = options.registryJwks;
  if (jwks) {
    app.get('/.well-known/jwks.json', (_req, res) => {
      res.setHeader('cache-control', 'public, max-age=300');
      res.json(jwks);
    });
  }

  // The certificate registry's material files, streamed through (the only routes besides GraphQL).
  mountMaterialRoutes(app, {
    certificateUrl: options.subgraphUrls.certificate,
    signingKey: options.signingKey,
    verifyToken: options.verifyToken,
    readPurpose,
    // A transfer's idle limit, not a query's: the registry may spend seconds committing a 10 MiB
    // file on a busy database, and it gives its own clients 30 s of silence (UPLOAD_IDLE_MS).
    timeoutMs: Math.max(options.subgraphTimeoutMs, 30_000),
    log,
  });

  // Statistics tables as CSV, with the same permission as the statistics query.
  mountStatisticsCsvRoute(app, {
    statisticsUrl: options.subgraphUrls.statistics,
    signingKey: options.signingKey,
    verifyToken: options.verifyToken,
    timeoutMs: options.subgraphTimeoutMs,
    log,
  });

  // Registries' statistics extracts, for the statistics refresh only (its own service token).
  if (options.statisticsKey) {
    mountStatisticsExtractRoute(app, {
      subgraphUrls: options.subgraphUrls,
      signingKey: options.signingKey,
      statisticsKey: options.statisticsKey,
      timeoutMs: Math.max(options.subgraphTimeoutMs, 60_000),
      log,
    });
  }

  const rateLimiter = options.rateLimiter ?? null;
  app.use(
    '/graphql',
    allowMethods(['GET', 'POST']),
    ...jsonBody(GRAPHQL_BODY_LIMIT),
    // Every log line and span of this request carries its id from here on.
    (_req, res, next) => {
      const requestId = randomUUID();
      res.locals.requestId = requestId;
      res.setHeader('x-request-id', requestId);
      runInRequestScope(requestId, next);
    },
    ...(trusted ? [resolveDocumentIds(trusted)] : []),
    expressMiddleware(server, {
      context: async ({ req, res }) => {
        const delegated = await verifyDelegation(req).catch((error: unknown) => {
          countRefusal('gateway', 'authentication');
          throw error;
        });
        if (delegated) {
          // The original request's id, so the registries' logs of both requests correlate. A
          // delegated call is part of a request already admitted (and counted against its
          // caller's rate limit): it is not counted again.
          res.setHeader('x-request-id', delegated.requestId);
          const scope = currentRequestScope();
          if (scope) scope.requestId = delegated.requestId;
          annotateRequestSpan({ 'gov.request_id': delegated.requestId, 'gov.via': delegated.via ?? undefined });
          return { caller: delegated, client: req.ip };
        }
        return callerContext({
          header: (name) => req.get(name),
          client: req.ip ?? req.socket.remoteAddress,
          requestId: res.locals.requestId as string,
          setHeader: (name, value) => res.setHeader(name, value),
        });
      },
    }),
  );

  /**
   * The context of a request that is not delegated: the verified token (UNAUTHENTICATED if bad),
   * the rate limit of that identity or address, the X-Purpose.
   */
  const callerContext = async (request: {
    header(name: string): string | undefined;
    client: string | undefined;
    requestId: string;
    setHeader(name: string, value: string): void;
  }): Promise<GatewayContext> => {
    const { requestId } = request;
    const identity = await options.verifyToken(request.header('authorization')).catch((error: unknown) => {
      countRefusal('gateway', 'authentication');
      throw error;
    });
    if (rateLimiter) {
      const retryAfter = await rateLimiter.consume(identity, request.client ?? 'unknown');
      if (retryAfter !== null) {
        countRefusal('gateway', 'rate');
        request.setHeader('retry-after', String(retryAfter));
        log.info({ role: identity?.role ?? 'anonymous', retryAfter }, 'refused a request over its rate limit');
        throw rateLimited(retryAfter, identity !== null, rateLimiter.limits);
      }
    }
    const purpose = readPurpose(request.header('x-purpose'));
    annotateRequestSpan({
      'gov.request_id': requestId,
      'enduser.role': identity?.role ?? 'anonymous',
      'gov.department': identity?.dept ?? undefined,
      'gov.purpose.length': purpose?.length,
    });
    return {
      caller: { identity, purpose, requestId, operationName: null, via: null },
      client: request.client,
    };
  };

  /**
   * POST /graphql without Express, for the requests department apps and pages send most: a plain
   * JSON POST (graphQLRoute's conditions) that is neither a registry's delegated or service call
   * nor, where CORS origins are configured, a cross-origin one, and only while no `trust proxy`
   * decides the client's address. Express's router, body-parser and integration were about a
   * tenth of the gateway's CPU per request. The same checks run in the same order (request id,
   * trusted-document ids, then token, rate limit and purpose in the context, then Apollo Server);
   * anything else, and any body that is not a JSON object, goes to the Express app as before.
   * The one difference: a GraphQL answer from here carries no ETag.
   */
  const plainGraphQLRoute = graphQLRoute<GatewayContext>(
    {
      limit: GRAPHQL_BODY_LIMIT,
      log,
      server: () => server,
      admit: async (req, res, body) => {
        const requestId = randomUUID();
        res.setHeader('x-request-id', requestId);
        if (trusted) {
          const refusal = resolveDocumentId(trusted, body);
          if (refusal) {
            writeError(res, 400, refusal.code, refusal.message);
            return undefined;
          }
        }
        const header = (name: string) => {
          const value = req.headers[name];
          return Array.isArray(value) ? value.join(', ') : value;
        };
        return {
          context: () =>
            callerContext({
              header,
              client: req.socket.remoteAddress,
              requestId,
              setHeader: (name, value) => res.setHeader(name, value),
            }),
          scope: (work) => runInRequestScope(requestId, work),
        };
      },
    },
    app,
  );
  const needsExpress = (req: IncomingMessage) =>
    req.headers[DELEGATION_HEADER] !== undefined ||
    req.headers[SERVICE_HEADER] !== undefined ||
    (allowedOrigins.size > 0 && req.headers.origin !== undefined);
  if (options.trustProxy === undefined) graphql = (req, res) => !needsExpress(req) && plainGraphQLRoute(req, res);

  if (options.demoTokens && !production) mountDemoTokens(app, options.demoTokens);
  // Last: the pages take only what no route above answered (and never a reserved path).
  if (options.webDist !== false) mountWebApp(app, options.webDist);

  installJsonErrors(app, log);

  await listen(httpServer, options.port, options.host ?? '0.0.0.0');
  const port = (httpServer.address() as AddressInfo).port;
  log.info({ url: `http://localhost:${port}/graphql` }, 'gateway listening');
  return {
    url: `http://localhost:${port}/graphql`,
    port,
    close: async () => {
      await server.stop();
      await closeHttpServer(httpServer);
    },
  };
}

/** Puts the operation's name and type on the request's span (nothing when tracing is off). */
function operationAnnotationPlugin(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, operationName }) {
          annotateRequestSpan({
            'graphql.operation.name': operationLabel(operationName),
            'graphql.operation.type': operation?.operation,
          });
        },
      };
    },
  };
}
