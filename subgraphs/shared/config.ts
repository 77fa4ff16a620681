import { join, resolve } from 'node:path';
import { SUBGRAPHS, envPrefix, type SubgraphName } from '../catalog';

/**
 * Configuration read from the environment. Everything has a default that works on a fresh machine
 * with `npm start`; the README lists every variable.
 */

export const REPO_ROOT = resolve(__dirname, '..', '..');

/** Where the embedded PostgreSQL cluster, the generated keys and logs live. */
export function dataDir(): string {
  return resolve(process.env.DATA_DIR ?? join(REPO_ROOT, '.data'));
}

export function gatewayPort(): number {
  return intFromEnv('PORT', 4000);
}

export function subgraphPort(name: SubgraphName): number {
  return intFromEnv(`${envPrefix(name)}_PORT`, SUBGRAPHS[name].port);
}

/**
 * The interface subgraphs listen on: loopback by default, since only the gateway (and the data
 * tracker) may call them; set SUBGRAPH_HOST=0.0.0.0 when they run on other machines.
 */
export function subgraphHost(): string {
  return process.env.SUBGRAPH_HOST ?? '127.0.0.1';
}

/** The URL the gateway (and the data tracker) use to reach a subgraph. */
export function subgraphUrl(name: SubgraphName): string {
  return process.env[`${envPrefix(name)}_URL`] ?? `http://localhost:${subgraphPort(name)}/graphql`;
}

/**
 * Where registries send delegated calls: the gateway's /graphql (the normal endpoint; a registry
 * proves itself with its own key). Behind a load balancer, give the balancer's address.
 */
export function gatewayUrl(): string {
  return process.env.GATEWAY_URL ?? `http://localhost:${gatewayPort()}/graphql`;
}

/**
 * How long a registry waits for a delegated call. Below the gateway's subgraph timeout, so the
 * registry answers (failing the write closed) before the gateway gives up on the registry.
 */
export function delegatedCallTimeoutMs(): number {
  return intFromEnv('DELEGATED_CALL_TIMEOUT_MS', 4000);
}

/** How long the gateway waits for one subgraph fetch before answering without it. */
export function subgraphTimeoutMs(): number {
  return intFromEnv('SUBGRAPH_TIMEOUT_MS', 5000);
}

/**
 * Where registries append their signed access-log checkpoints: outside every registry database, so
 * that whoever administers a database cannot rewrite them too. One file per registry.
 */
export function checkpointDir(): string {
  return resolve(process.env.ACCESS_LOG_CHECKPOINT_DIR ?? join(dataDir(), 'checkpoints'));
}

/** Sign the chain head once this many records have been appended since the last checkpoint (0: not by count). */
export function checkpointEveryRecords(): number {
  return intFromEnv('ACCESS_LOG_CHECKPOINT_RECORDS', 1000);
}

/** Sign the chain head this often while there are new records (0: not by time). */
export function checkpointEverySeconds(): number {
  return intFromEnv('ACCESS_LOG_CHECKPOINT_SECONDS', 30);
}

export function intFromEnv(variable: string, fallback: number): number {
  const raw = process.env[variable];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    throw new Error(`${variable}=${raw} is not a whole number; unset it or give e.g. ${variable}=${fallback}`);
  }
  return value;
}

/** host:port/database of a connection URL, never the password: for messages and logs. */
export function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || 5432}${u.pathname}`;
  } catch {
    return '(unparseable URL)';
  }
}

/** NODE_ENV=production: no introspection, no field suggestions, no explorer. */
export function isProduction(): boolean {
  return process.env.NODE_ENV === 'production';
}

/**
 * CORS_ORIGINS: the browser origins (scheme, host and port, comma-separated) whose web apps may
 * call the gateway with credentials, e.g. `https://hrss.example.gov.cn,http://localhost:5173`.
 */
export function corsOrigins(): string[] {
  return parseOrigins(process.env.CORS_ORIGINS ?? '');
}

export function parseOrigins(list: string): string[] {
  const origins = list
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
  for (const origin of origins) {
    if (origin === '*' || origin === 'null') {
      throw new Error(
        `CORS_ORIGINS may not contain ${origin}: list each web app's origin, e.g. https://hrss.example.gov.cn`,
      );
    }
    let parsed: URL;
    try {
      parsed = new URL(origin);
    } catch {
      throw new Error(
        `CORS_ORIGINS entry ${JSON.stringify(origin)} is not an origin such as https://app.example.gov.cn`,
      );
    }
    if (!['http:', 'https:'].includes(parsed.protocol) || parsed.origin !== origin) {
      throw new Error(
        `CORS_ORIGINS entry ${JSON.stringify(origin)} must be just scheme, host and port, written as ${parsed.origin} ` +
          '(no path, no trailing slash)',
      );
    }
  }
  return origins;
}

/**
 * METRICS_TOKEN: the bearer token Prometheus sends to read /metrics. The gateway serves /metrics
 * only with it; subgraphs serve it to callers on their own machine without it, and to others only with it.
 */
export function metricsToken(): string | undefined {
  const token = process.env.METRICS_TOKEN;
  if (token === undefined || token === '') return undefined;
  if (token.length < 16)
    throw new Error('METRICS_TOKEN must be at least 16 characters; generate one, e.g. `openssl rand -hex 24`');
  return token;
}
