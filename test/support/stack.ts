import { KeyObject, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { SignJWT, type CryptoKey } from 'jose';
import {
  REGISTRY_NAMES,
  SUBGRAPH_NAMES,
  envPrefix,
  type RegistryName,
  type SubgraphName,
} from '../../subgraphs/catalog';
import { AccessLog } from '../../subgraphs/shared/access-log/access-log';
import type { AlertThresholds } from '../../subgraphs/shared/access-log/alerts';
import { ensureDatabase, withDatabase } from '../../subgraphs/shared/database';
import { ASSERTION_HEADER, operationDigest, signAssertion } from '../../subgraphs/shared/assertion';
import type { Caller, Identity } from '../../subgraphs/shared/identity';
import { GraphClient } from '../../subgraphs/shared/graph';
import { generateGatewayKeyPair, keyId, registryJwks, type UserTokenVerifier } from '../../subgraphs/shared/keys';
import { createLogger } from '../../subgraphs/shared/logger';
import { migrate, openRegistryOrm, type RegistryOrm } from '../../subgraphs/shared/orm';
import { serveSubgraph, type RunningServer } from '../../subgraphs/shared/server';
import { REGISTRY_MODULES } from '../../scripts/lib/registries';
import { demoSignIns } from '../../subgraphs/shared/demo-tokens';
import { demoCitizen } from '../../seeds';
import { RegistryAccessLogs } from '../../subgraphs/data-tracker/registry-client';
import { dataTrackerSubgraph } from '../../subgraphs/data-tracker/subgraph';
import { createTokenVerifier } from '../../gateway/authenticate';
import { createDelegationVerifier } from '../../gateway/delegation';
import { startGateway } from '../../gateway/server';
import type { QueryLimits } from '../../gateway/limits';
import type { RequestRateLimiter } from '../../gateway/rate-limit';
import type { TrustedDocumentsConfig } from '../../gateway/trusted-documents';
import type { VerificationLimits } from '../../gateway/verification-limiter';

/**
 * The whole supergraph for one test file: a database per registry (fresh, on the test run's
 * PostgreSQL), every subgraph on a real HTTP port, and the real gateway in front. Requests go over
 * HTTP exactly as a client's would.
 */
export interface TestStack {
  gatewayUrl: string;
  db: Record<RegistryName, RegistryOrm>;
  /** Each registry's database URL (for tools run against this stack). */
  databaseUrls: Record<RegistryName, string>;
  servers: Record<SubgraphName, RunningServer>;
  /** Subgraph fetches the gateway made since the last resetCounts(). */
  fetches: Record<SubgraphName, number>;
  resetCounts(): void;
  /** A user token as the identity provider would issue it. */
  token(
    identity: Partial<Identity> & { role: Identity['role'] },
    options?: { expiresIn?: string; secret?: Uint8Array },
  ): Promise<string>;
  graphql<T = any>(query: string, options?: RequestOptions): Promise<GraphQLResponse<T>>;
  /** Calls one subgraph directly, signing the assertion as the gateway would. */
  subgraph<T = any>(
    name: SubgraphName,
    query: string,
    variables?: Record<string, unknown>,
    caller?: Partial<Caller>,
  ): Promise<GraphQLResponse<T>>;
  gatewayKeys: KeyPair;
  /** Each registry's own key pair (delegated calls), generated in memory. */
  registryKeys: Record<RegistryName, KeyPair>;
  /** Sends the registries' delegated calls to `url` instead of the gateway (null: back to the gateway). */
  routeDelegatedCalls(url: string | null): void;
  /** Each registry's access log (its appender and checkpointer), as the registry process holds it. */
  accessLogs: Record<RegistryName, AccessLog>;
  /** Where the registries append their signed checkpoints (a temporary folder of this stack). */
  checkpointDir: string;
  /** Environment for a tool run against this stack (npm run audit:verify): databases, public keys, checkpoints. */
  toolEnv(): Record<string, string>;
  /**
   * Starts a registry's subgraph again on its old port after `servers[name].close()` (a registry
   * that was down comes back), with the same database, keys and access log.
   */
  restartRegistry(name: RegistryName): Promise<void>;
  /** Runs SQL on a registry's database (test set-up and inspection). */
  sql<R extends Record<string, unknown> = Record<string, unknown>>(
    registry: RegistryName,
    text: string,
    values?: unknown[],
  ): Promise<R[]>;
  stop(): Promise<void>;
}

export interface KeyPair {
  privateKey: CryptoKey;
  publicKey: CryptoKey;
}

/** A public key as PEM, as tools read it from the environment (`<NAME>_PUBLIC_KEY`). */
export function publicKeyPem(key: CryptoKey): string {
  return KeyObject.from(key).export({ type: 'spki', format: 'pem' }).toString();
}

export interface RequestOptions {
  variables?: Record<string, unknown>;
  token?: string;
  purpose?: string;
  headers?: Record<string, string>;
}

export interface GraphQLResponse<T> {
  status: number;
  body: {
    data?: T | null;
    errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, any> }[];
  };
  headers: Headers;
}

let stackCounter = 0;

export interface StackOptions {
  subgraphTimeoutMs?: number;
  /** Point the gateway at another address for some subgraphs (e.g. one that never answers). */
  gatewayRoutes?: Partial<Record<SubgraphName, string>>;
  /** Point the data tracker at another address for some registries (e.g. a capturing proxy). */
  dataTrackerRoutes?: Partial<Record<RegistryName, string>>;
  /** How the gateway checks user tokens (default: HS256 with the stack's own secret). */
  tokenVerifier?: UserTokenVerifier;
  /** How long registries wait for a delegated call (default 4000 ms). */
  delegatedCallTimeoutMs?: number;
  /** Query limits of the gateway (default: DEFAULT_LIMITS). */
  limits?: QueryLimits;
  /** Rate limits of the gateway (default: none). */
  rateLimiter?: RequestRateLimiter;
  /** Trusted-documents mode of the gateway (default: off). */
  trustedDocuments?: TrustedDocumentsConfig;
  /** METRICS_TOKEN of the gateway (default: none, /metrics not served). */
  metricsToken?: string;
  /** Unusual-reading thresholds of the registries (default: from the environment). */
  alertThresholds?: AlertThresholds;
  /** Limits on wrong verification codes (default: the gateway's). */
  verificationLimits?: VerificationLimits;
  /** When the registries sign their chain head (default: as in production, 1000 records or 30 s). */
  checkpoints?: { everyRecords?: number; everySeconds?: number };
  /** Where the gateway serves the web pages from (default web/dist). */
  webDist?: string;
  /** Serve the development sign-in's demo people (GET /demo-tokens), signed with the stack's secret. */
  demoTokens?: boolean;
}

export async function startStack(options: StackOptions = {}): Promise<TestStack> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl)
    throw new Error('TEST_DATABASE_URL is not set: run tests through jest (test/support/global-setup.ts)');
  const prefix = `t${process.pid}_${++stackCounter}_${randomBytes(3).toString('hex')}`;
  const log = createLogger('test');
  const gatewayKeys = await generateGatewayKeyPair();
  const registryKeys = Object.fromEntries(
    await Promise.all(REGISTRY_NAMES.map(async (name) => [name, await generateGatewayKeyPair()] as const)),
  ) as Record<RegistryName, KeyPair>;
  // Registries start before the gateway: their delegated calls read its URL when they are made.
  let gatewayUrl = '';
  let delegationRoute: string | null = null;
  const userSecret = randomBytes(32);

  const databaseUrls = Object.fromEntries(
    REGISTRY_NAMES.map((name) => [name, withDatabase(serverUrl, `${prefix}_${name.replace(/-/g, '_')}`)]),
  ) as Record<RegistryName, string>;

  const db = {} as Record<RegistryName, RegistryOrm>;
  const servers = {} as Record<SubgraphName, RunningServer>;
  const registryAccessLogs = {} as Record<RegistryName, AccessLog>;
  const checkpointDir = mkdtempSync(join(tmpdir(), 'gov-graph-checkpoints-'));
  const rebuild = {} as Record<RegistryName, (port: number) => Promise<RunningServer>>;
  for (const name of REGISTRY_NAMES) {
    await ensureDatabase(databaseUrls[name]);
    const { entities, migrations, build } = REGISTRY_MODULES[name];
    db[name] = await openRegistryOrm({
      registry: name,
      clientUrl: databaseUrls[name],
      entities,
      migrations,
      log,
      poolMax: 5,
    });
    await migrate(db[name].orm, log);
    const graph = new GraphClient({
      registry: name,
      signingKey: registryKeys[name].privateKey,
      gatewayUrl: () => delegationRoute ?? gatewayUrl,
      timeoutMs: options.delegatedCallTimeoutMs ?? 4000,
      log,
    });
    const signer = { key: registryKeys[name].privateKey, kid: await keyId(registryKeys[name].publicKey) };
    registryAccessLogs[name] = await AccessLog.open({
      registry: name,
      knex: db[name].orm.em.getKnex(),
      log,
      checkpoints: {
        dir: checkpointDir,
        signingKey: registryKeys[name].privateKey,
        everyRecords: options.checkpoints?.everyRecords ?? 1000,
        everySeconds: options.checkpoints?.everySeconds ?? 30,
      },
      alertThresholds: options.alertThresholds,
    });
    // Statistics reads the other registries' extract routes at their current addresses.
    const services = {
      gatewayUrl: () => gatewayUrl,
      statisticsRefreshMinutes: 0,
    };
    rebuild[name] = (port) =>
      serveSubgraph(build(db[name], log, graph, registryAccessLogs[name], signer, services), {
        port,
        publicKey: gatewayKeys.publicKey,
        log,
      });
    servers[name] = await rebuild[name](0);
  }
  const timeoutMs = options.subgraphTimeoutMs ?? 5000;
  const accessLogs = new RegistryAccessLogs(
    Object.fromEntries(
      REGISTRY_NAMES.map((name) => [name, options.dataTrackerRoutes?.[name] ?? servers[name].url]),
    ) as Record<RegistryName, string>,
    gatewayKeys.privateKey,
    timeoutMs,
    log,
  );
  servers['data-tracker'] = await serveSubgraph(dataTrackerSubgraph(accessLogs), {
    port: 0,
    publicKey: gatewayKeys.publicKey,
    log,
  });

  const fetches = Object.fromEntries(SUBGRAPH_NAMES.map((n) => [n, 0])) as Record<SubgraphName, number>;
  const gateway = await startGateway({
    port: 0,
    host: '127.0.0.1',
    subgraphUrls: Object.fromEntries(
      SUBGRAPH_NAMES.map((n) => [n, options.gatewayRoutes?.[n] ?? servers[n].url]),
    ) as Record<SubgraphName, string>,
    verifyToken: createTokenVerifier(options.tokenVerifier ?? { kind: 'secret', secret: userSecret }, {
      issuer: 'gov-graph',
      audience: 'gov-graph',
    }),
    verifyDelegation: createDelegationVerifier({
      gateway: gatewayKeys.publicKey,
      registries: Object.fromEntries(REGISTRY_NAMES.map((name) => [name, registryKeys[name].publicKey])) as Record<
        RegistryName,
        CryptoKey
      >,
    }),
    signingKey: gatewayKeys.privateKey,
    statisticsKey: registryKeys.statistics.publicKey,
    registryJwks: await registryJwks(
      Object.fromEntries(REGISTRY_NAMES.map((name) => [name, registryKeys[name].publicKey])) as Record<
        RegistryName,
        CryptoKey
      >,
    ),
    verificationLimits: options.verificationLimits,
    subgraphTimeoutMs: timeoutMs,
    limits: options.limits,
    rateLimiter: options.rateLimiter,
    trustedDocuments: options.trustedDocuments,
    metricsToken: options.metricsToken,
    webDist: options.webDist,
    demoTokens: options.demoTokens
      ? () => demoSignIns(demoCitizen(), { secret: userSecret, issuer: 'gov-graph', audience: 'gov-graph' }, '10m')
      : undefined,
    log,
    onSubgraphFetch: (name) => {
      fetches[name] += 1;
    },
  });
  gatewayUrl = `http://127.0.0.1:${gateway.port}/graphql`;

  const pools = Object.fromEntries(
    REGISTRY_NAMES.map((name) => [name, new pg.Pool({ connectionString: databaseUrls[name], max: 2 })]),
  ) as Record<RegistryName, pg.Pool>;

  return {
    gatewayUrl,
    db,
    databaseUrls,
    servers,
    accessLogs: registryAccessLogs,
    checkpointDir,
    toolEnv: () => ({
      ACCESS_LOG_CHECKPOINT_DIR: checkpointDir,
      ...Object.fromEntries(
        REGISTRY_NAMES.flatMap((name) => [
          [`${envPrefix(name)}_DATABASE_URL`, databaseUrls[name]],
          [`${envPrefix(name)}_PUBLIC_KEY`, publicKeyPem(registryKeys[name].publicKey)],
        ]),
      ),
    }),
    fetches,
    gatewayKeys,
    registryKeys,
    routeDelegatedCalls: (url) => {
      delegationRoute = url;
    },
    resetCounts: () => {
      for (const name of SUBGRAPH_NAMES) fetches[name] = 0;
    },
    token: async (identity, tokenOptions = {}) => {
      const claims: Record<string, unknown> = { role: identity.role };
      if (identity.dept) claims.dept = identity.dept;
      if (identity.scopes) claims.scopes = identity.scopes;
      return new SignJWT(claims)
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(identity.sub ?? 'staff-0001')
        .setIssuer('gov-graph')
        .setAudience('gov-graph')
        .setIssuedAt()
        .setExpirationTime(tokenOptions.expiresIn ?? '10m')
        .sign(tokenOptions.secret ?? userSecret);
    },
    graphql: async (query, requestOptions = {}) => {
      const headers: Record<string, string> = { 'content-type': 'application/json', ...requestOptions.headers };
      if (requestOptions.token) headers.authorization = `Bearer ${requestOptions.token}`;
      if (requestOptions.purpose) headers['x-purpose'] = requestOptions.purpose;
      const response = await fetch(gatewayUrl, {
        method: 'POST',
        headers,
        body: JSON.stringify({ query, variables: requestOptions.variables }),
      });
      return {
        status: response.status,
        body: (await response.json()) as GraphQLResponse<any>['body'],
        headers: response.headers,
      };
    },
    subgraph: async (name, query, variables, caller = {}) => {
      const fullCaller: Caller = {
        identity: null,
        purpose: null,
        requestId: 'test-request',
        operationName: null,
        via: null,
        ...caller,
      };
      const assertion = await signAssertion(gatewayKeys.privateKey, {
        audience: name,
        caller: fullCaller,
        digest: operationDigest({ query, variables }),
      });
      const response = await fetch(servers[name].url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [ASSERTION_HEADER]: assertion },
        body: JSON.stringify({ query, variables }),
      });
      return {
        status: response.status,
        body: (await response.json()) as GraphQLResponse<any>['body'],
        headers: response.headers,
      };
    },
    restartRegistry: async (name) => {
      servers[name] = await rebuild[name](servers[name].port);
    },
    sql: async (registry, text, values = []) => (await pools[registry].query(text, values)).rows,
    stop: async () => {
      await gateway.close();
      for (const name of SUBGRAPH_NAMES) await servers[name].close();
      for (const name of REGISTRY_NAMES) {
        await registryAccessLogs[name].close();
        await pools[name].end();
        await db[name].orm.close();
      }
      rmSync(checkpointDir, { recursive: true, force: true });
      const admin = new pg.Client({ connectionString: serverUrl });
      await admin.connect();
      for (const name of REGISTRY_NAMES) {
        await admin.query(`drop database if exists "${new URL(databaseUrls[name]).pathname.slice(1)}" with (force)`);
      }
      await admin.end();
    },
  };
}
