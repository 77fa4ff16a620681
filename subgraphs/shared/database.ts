import pg from 'pg';
import { SUBGRAPHS, envPrefix, type RegistryName } from '../catalog';
import { describeUrl } from './config';

/**
 * Where each registry's database lives: `<NAME>_DATABASE_URL` (e.g. NATURAL_PERSON_DATABASE_URL)
 * if set, otherwise its own database (gov_natural_person, ...) on the server DATABASE_URL names.
 */
export function registryDatabaseUrl(name: RegistryName): string {
  const own = process.env[`${envPrefix(name)}_DATABASE_URL`];
  if (own) return own;
  const server = process.env.DATABASE_URL;
  if (!server) {
    throw new Error(
      `No database configured for the ${name} registry. Set DATABASE_URL to a PostgreSQL server ` +
        `(each registry gets its own database on it) or ${envPrefix(name)}_DATABASE_URL; \`npm start\` ` +
        'sets these itself when it runs the embedded PostgreSQL.',
    );
  }
  return withDatabase(server, SUBGRAPHS[name].database);
}

/** The same server URL pointing at another database. */
export function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Creates the database a URL names if it does not exist yet (needs CREATEDB on that server). */
export async function ensureDatabase(databaseUrl: string): Promise<void> {
  const name = decodeURIComponent(new URL(databaseUrl).pathname.slice(1));
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(name)) {
    throw new Error(
      `Database name ${JSON.stringify(name)} in ${describeUrl(databaseUrl)} must be letters, digits and _`,
    );
  }
  const admin = new pg.Client({ connectionString: withDatabase(databaseUrl, 'postgres') });
  try {
    await admin.connect();
  } catch (error) {
    throw new Error(
      `Cannot connect to PostgreSQL at ${describeUrl(databaseUrl)} (${(error as Error).message}). ` +
        'Is the server running, and is the URL right?',
    );
  }
  try {
    const exists = await admin.query('select 1 from pg_database where datname = $1', [name]);
    if (exists.rowCount === 0) {
      try {
        await admin.query(`create database "${name}"`);
      } catch (error) {
        // Another process created it between the check and now.
        if ((error as { code?: string }).code !== '42P04') throw error;
      }
    }
  } finally {
    await admin.end();
  }
}
