import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { SUBGRAPHS, envPrefix, REGISTRY_NAMES, type RegistryName } from '../../subgraphs/catalog';
import { dataDir, intFromEnv } from '../../subgraphs/shared/config';
import { ensureKeysDir } from '../../subgraphs/shared/keys';
import { registryDatabaseUrl, withDatabase } from '../../subgraphs/shared/database';
import type { Logger } from '../../subgraphs/shared/logger';
import { startEmbeddedPostgres } from './embedded-postgres';
import { supervise } from './services';

/**
 * The PostgreSQL the tools work against: the servers the environment names (DATABASE_URL or the
 * per-registry *_DATABASE_URL), or else the embedded one under .data/postgres. An embedded server
 * that is already running (from `npm start`) is reused; otherwise it is started, and stopped again
 * by close(). With `keepRunning` (the launcher), an embedded server this started is restarted when
 * it stops on its own, as the launcher restarts its services; the registries' pools reconnect.
 */
export interface DatabaseServer {
  embedded: boolean;
  registryUrl(name: RegistryName): string;
  /** Environment for child processes so they find the same databases. */
  env: Record<string, string>;
  close(): Promise<void>;
}

export function embeddedPort(): number {
  return intFromEnv('EMBEDDED_PG_PORT', 54329);
}

function usesExternalServer(): boolean {
  return (
    Boolean(process.env.DATABASE_URL) ||
    REGISTRY_NAMES.every((name) => Boolean(process.env[`${envPrefix(name)}_DATABASE_URL`]))
  );
}

function embeddedPassword(): string {
  const dir = join(dataDir(), 'keys');
  const file = join(dir, 'postgres.password');
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    ensureKeysDir();
    const password = randomBytes(18).toString('base64url');
    writeFileSync(file, password, { mode: 0o600, flag: 'wx' });
    return password;
  }
}

async function accepts(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

export async function openDatabaseServer(
  onStatus?: (message: string) => void,
  { keepRunning }: { keepRunning?: Logger } = {},
): Promise<DatabaseServer> {
  if (usesExternalServer()) {
    return {
      embedded: false,
      registryUrl: registryDatabaseUrl,
      env: {},
      close: async () => {},
    };
  }
  const port = embeddedPort();
  const password = embeddedPassword();
  const serverUrl = `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
  let stop = async () => {};
  if (await accepts(serverUrl)) {
    onStatus?.(`using the embedded PostgreSQL already running on port ${port}`);
  } else {
    const dir = join(dataDir(), 'postgres');
    const logFile = join(dataDir(), 'postgres.log');
    onStatus?.(`starting the embedded PostgreSQL on port ${port} (data in ${dir})`);
    const start = () =>
      startEmbeddedPostgres({
        dir,
        port,
        password,
        logFile,
        onStatus: (status) =>
          status === 'initialising' && onStatus?.('creating a new PostgreSQL cluster (first start)'),
      });
    stop = keepRunning
      ? (
          await supervise('the embedded PostgreSQL', start, keepRunning, {
            meanwhile: `until it is back /ready answers 503 and what needs a registry's database fails with an internal error (its log: ${logFile})`,
          })
        ).stop
      : (await start()).stop;
  }
  const registryUrl = (name: RegistryName) => withDatabase(serverUrl, SUBGRAPHS[name].database);
  return {
    embedded: true,
    registryUrl,
    env: Object.fromEntries(REGISTRY_NAMES.map((name) => [`${envPrefix(name)}_DATABASE_URL`, registryUrl(name)])),
    close: stop,
  };
}
