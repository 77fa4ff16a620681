import { join } from 'node:path';
import { SUBGRAPH_NAMES, envPrefix, type SubgraphName } from '../../subgraphs/catalog';
import { REPO_ROOT } from '../../subgraphs/shared/config';

/** Where the bench keeps its things: its own data folder (never the user's .data), results, peers. */
export const BENCH_DIR = join(REPO_ROOT, 'bench');
export const BENCH_DATA_DIR = join(BENCH_DIR, '.data');
export const BENCH_LOG_DIR = join(BENCH_DATA_DIR, 'logs');
export const RESULTS_DIR = join(BENCH_DIR, 'results');
export const PEERS_DIR = join(BENCH_DIR, 'peers');

/** Default base port: everything the bench starts listens on base + offset, away from `npm start`'s 4000s. */
export const DEFAULT_PORT_BASE = 4100;

/** The ports of one bench run, all derived from one base so a second copy can run beside `npm start`. */
export interface BenchPorts {
  gateway: number;
  subgraphs: Record<SubgraphName, number>;
  floor: number;
  hive: number;
  hiveRust: number;
  postgres: number;
}

const SUBGRAPH_OFFSETS: Record<SubgraphName, number> = {
  'natural-person': 1,
  'legal-person': 2,
  certificate: 3,
  'labour-market': 4,
  assistance: 5,
  'data-tracker': 6,
  statistics: 7,
};

export function benchPorts(base: number): BenchPorts {
  for (const name of SUBGRAPH_NAMES) {
    if (SUBGRAPH_OFFSETS[name] === undefined) throw new Error(`bench/lib/config.ts has no port offset for ${name}`);
  }
  return {
    gateway: base,
    subgraphs: Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, base + SUBGRAPH_OFFSETS[name]])) as Record<
      SubgraphName,
      number
    >,
    floor: base + 10,
    hive: base + 20,
    hiveRust: base + 21,
    postgres: base + 29,
  };
}

/**
 * Variables that configure gov-graph (README, Configuration). The bench drops the caller's values
 * so that every run measures the documented defaults on its own database and keys; only NODE_ENV
 * and LOG_LEVEL pass through (the same to every contender) and are printed with the results.
 */
function isProductVariable(name: string): boolean {
  if (/^(PORT|DATABASE_URL|DATA_DIR|EMBEDDED_PG_PORT|SUBGRAPH_HOST|SUBGRAPH_TIMEOUT_MS|LOG_FORMAT|LOG_SQL)$/.test(name))
    return true;
  if (/^(JWT_|GATEWAY_|RATE_LIMIT_|QUERY_|TRUSTED_DOCUMENTS|OTEL_|REDIS_URL$|METRICS_TOKEN$)/.test(name)) return true;
  return SUBGRAPH_NAMES.some((sub) =>
    ['PORT', 'URL', 'DATABASE_URL', 'SIGNING_KEY', 'PUBLIC_KEY'].some(
      (suffix) => name === `${envPrefix(sub)}_${suffix}`,
    ),
  );
}

/** What the bench dropped from the environment, to say so. */
export function productVariablesIn(env: NodeJS.ProcessEnv): string[] {
  return Object.keys(env).filter(isProductVariable);
}

/** The environment of every process the bench starts (and of the bench itself, for the shared code it calls). */
export function benchEnvironment(base: NodeJS.ProcessEnv, ports: BenchPorts): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(base)) {
    if (value !== undefined && !isProductVariable(name)) env[name] = value;
  }
  env.DATA_DIR = BENCH_DATA_DIR;
  env.EMBEDDED_PG_PORT = String(ports.postgres);
  env.PORT = String(ports.gateway);
  for (const name of SUBGRAPH_NAMES) env[`${envPrefix(name)}_PORT`] = String(ports.subgraphs[name]);
  // Logs go to files: JSON lines, as a service writes them in production.
  env.LOG_FORMAT = 'json';
  // The load generator is one client at one address: per-client rate limits would measure 429s.
  // Hive Gateway, the peer, has none either. Tracing stays off (no OTLP endpoint), as by default.
  env.RATE_LIMIT_ANONYMOUS = '0';
  env.RATE_LIMIT_SIGNED_IN = '0';
  // No scheduled statistics refresh: its extract, logged in every person's access records a few
  // seconds after start, would change the citizen's page between the contenders' answers in the
  // check (and add load that is not any contender's).
  env.STATISTICS_REFRESH_INTERVAL_MINUTES = '0';
  return env;
}

/** URL of a subgraph as the gateway reaches it by default (`http://localhost:<port>/graphql`). */
export function subgraphUrlAt(ports: BenchPorts, name: SubgraphName): string {
  return `http://localhost:${ports.subgraphs[name]}/graphql`;
}
