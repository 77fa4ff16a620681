import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import cors from 'cors';
import express from 'express';
import type { CryptoKey } from 'jose';
import { SUBGRAPH_NAMES, type SubgraphName } from '../subgraphs/catalog';
import { REPO_ROOT, corsOrigins, isProduction } from '../subgraphs/shared/config';
import { DELEGATION_HEADER } from '../subgraphs/shared/delegation';
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
import { SignedSubgraphDataSource, type GatewayContext } from './data-source';
import { delegatedReadsOnlyPlugin } from './delegation';
import { readPurpose } from './purpose';
import { mountExplorer } from './explorer';
import { timeoutFetcher } from './fetcher';
import { DEFAULT_LIMITS, queryLimitsRule, type QueryLimits } from './limits';
import { mountMaterialRoutes } from './materials';
import {
  DEFAULT_VERIFICATION_LIMITS,
  FailedVerificationLimiter,
  verificationLimitPlugin,
  type VerificationLimits,
} from './verification-limiter';
import { checkReadiness } from './readiness';

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
  subgraphTimeoutMs: number;
  limits?: QueryLimits;
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
}

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
  const httpServer = createServer(app);

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

  const gateway = new ApolloGateway({
    supergraphSdl: readFileSync(SUPERGRAPH_PATH, 'utf8'),
    buildService: ({ name }) => {
      const subgraph = name as SubgraphName;
      if (!SUBGRAPH_NAMES.includes(subgraph)) throw new Error(`supergraph names unknown subgraph ${name}`);
      const fetcher = timeoutFetcher(options.subgraphTimeoutMs, () => options.onSubgraphFetch?.(subgraph));
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
    validationRules: [queryLimitsRule(options.limits ?? DEFAULT_LIMITS)],
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      // Apollo's landing page loads Apollo Sandbox from a CDN; the explorer is served from here instead.
      ApolloServerPluginLandingPageDisabled(),
      operationResolutionPlugin<GatewayContext>(),
      errorReportingPlugin<GatewayContext>(log, (ctx) => ctx.caller?.requestId),
      delegatedReadsOnlyPlugin(),
      verificationLimitPlugin(new FailedVerificationLimiter(options.verificationLimits ?? DEFAULT_VERIFICATION_LIMITS)),
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
    timeoutMs: options.subgraphTimeoutMs,
    log,
  });

  app.use(
    '/graphql',
    allowMethods(['GET', 'POST']),
    ...jsonBody('100kb'),
    expressMiddleware(server, {
      context: async ({ req, res }) => {
        const delegated = await verifyDelegation(req);
        if (delegated) {
          // The original request's id, so the registries' logs of both requests correlate.
          res.setHeader('x-request-id', delegated.requestId);
          return { caller: delegated, client: req.ip };
        }
        const requestId = randomUUID();
        res.setHeader('x-request-id', requestId);
        const identity = await options.verifyToken(req.get('authorization'));
        return {
          caller: { identity, purpose: readPurpose(req.get('x-purpose')), requestId, operationName: null, via: null },
          client: req.ip ?? req.socket.remoteAddress,
        };
      },
    }),
  );

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
