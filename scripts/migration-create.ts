/**
 * `npm run migration:create -- <registry> [name]`: writes the next migration of a registry, the
 * difference between its entities and its committed migrations. Needs a PostgreSQL server
 * (DATABASE_URL, default postgresql://postgres@127.0.0.1:5432/postgres) on which it creates and
 * drops a scratch database. Add the new file to the registry's migrations/index.ts.
 */
import pg from 'pg';
import { REGISTRY_NAMES, type RegistryName } from '../subgraphs/catalog';
import { createLogger } from '../subgraphs/shared/logger';
import { openRegistryOrm, migrate } from '../subgraphs/shared/orm';
import { REGISTRY_MODULES } from './lib/registries';

async function main(): Promise<void> {
  const [registry, name] = process.argv.slice(2);
  if (!REGISTRY_NAMES.includes(registry as RegistryName)) {
    throw new Error(`usage: npm run migration:create -- <${REGISTRY_NAMES.join('|')}> [name]`);
  }
  const server = new URL(process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres');
  const scratch = `gov_migration_scratch_${registry.replace(/-/g, '_')}`;
  const admin = new pg.Client({ connectionString: server.toString() });
  await admin.connect();
  await admin.query(`drop database if exists ${scratch}`);
  await admin.query(`create database ${scratch}`);
  const url = new URL(server);
  url.pathname = `/${scratch}`;
  const log = createLogger('migration');
  const module = REGISTRY_MODULES[registry as RegistryName];
  const db = await openRegistryOrm({
    registry: registry as RegistryName,
    clientUrl: url.toString(),
    entities: module.entities,
    migrations: module.migrations,
    log,
  });
  try {
    await migrate(db.orm, log);
    const result = await db.orm.getMigrator().createMigration(undefined, false, false, name);
    console.log(
      result.fileName
        ? `Wrote ${result.fileName}; add it to subgraphs/${registry}/migrations/index.ts.`
        : 'Entities and migrations agree; nothing to write.',
    );
  } finally {
    await db.orm.close();
    await admin.query(`drop database if exists ${scratch}`);
    await admin.end();
  }
}

main().catch((error) => {
  console.error((error as Error).message);
  process.exit(1);
});
