import { MikroORM, type EntitySchema, type Options } from '@mikro-orm/postgresql';
import type { MigrationObject } from '@mikro-orm/core';
import { Migrator } from '@mikro-orm/migrations';
import type { RegistryName } from '../catalog';
import { describeUrl } from './config';
import type { Logger } from './logger';
import { SHARED_MIGRATIONS } from './access-log/alerts';
import { AccessAlertSchema, AccessRecordMemberSchema } from './access-log/access-record.entity';
import { FieldWriteSchema, Migration20261122050000_fieldWrite } from './provenance';
import { reportPool, type PoolLike } from './telemetry/metrics';
import { scrubSql } from './telemetry/privacy';
import { inBackground } from './telemetry/request-scope';

/**
 * One MikroORM instance per registry process, with committed migrations and a statement counter.
 * Requests work on their own EntityManager fork (see server.ts).
 */

export interface RegistryOrm {
  orm: MikroORM;
  /** Counts every SQL statement this process sends; tests use it to catch N+1 regressions. */
  statements: StatementCounter;
}

export class StatementCounter {
  private total = 0;
  readonly recent: string[] = [];

  /** Called for each statement sent to PostgreSQL. */
  observe(sql: string): void {
    // The process's own background work (the unusual-reading watch) is no request's statement.
    if (inBackground()) return;
    this.total += 1;
    this.recent.push(sql);
    if (this.recent.length > 200) this.recent.shift();
  }

  get count(): number {
    return this.total;
  }

  /** Runs `work` and returns how many statements it sent, with their text. */
  async measure<T>(work: () => Promise<T>): Promise<{ result: T; count: number; statements: string[] }> {
    const before = this.total;
    const result = await work();
    const count = this.total - before;
    return { result, count, statements: this.recent.slice(-count || this.recent.length) };
  }
}

export interface OpenOrmOptions {
  registry: RegistryName;
  clientUrl: string;
  entities: EntitySchema<any, any>[];
  migrations: MigrationObject[];
  log: Logger;
  poolMax?: number;
}

export async function openRegistryOrm(options: OpenOrmOptions): Promise<RegistryOrm> {
  const config: Options = {
    clientUrl: options.clientUrl,
    // The registry's own entities, then those every registry shares (the access alerts).
    entities: [...options.entities, AccessAlertSchema, AccessRecordMemberSchema, FieldWriteSchema],
    extensions: [Migrator],
    migrations: {
      // The registry's own migrations, then those every registry shares (the access alerts).
      migrationsList: [
        ...options.migrations,
        ...SHARED_MIGRATIONS,
        // Provenance's write records (provenance.ts): every registry has them.
        { name: 'Migration20261122050000_fieldWrite', class: Migration20261122050000_fieldWrite },
      ],
      tableName: 'schema_migrations',
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      emit: 'ts',
      path: `subgraphs/${options.registry}/migrations`,
    },
    pool: { min: 0, max: options.poolMax ?? 10 },
    forceUtcTimezone: true,
    colors: false,
    allowGlobalContext: false,
    debug: process.env.LOG_SQL === '1' ? ['query', 'query-params'] : false,
    // LOG_SQL=1 (development): MikroORM writes its statements' values into the text; take them out.
    logger: (message) => options.log.info(scrubSql(message)),
    discovery: { warnWhenNoEntities: false },
    // knex's own messages (a pooled connection the server closed: "Connection Error: ...") as the
    // registry's log lines; left alone, knex writes them to stdout as plain text among the JSON.
    driverOptions: {
      log: {
        warn: (message: unknown) => options.log.warn({ source: 'knex' }, String(message)),
        error: (message: unknown) => options.log.error({ source: 'knex' }, String(message)),
        deprecate: (method: unknown, alternative: unknown) =>
          options.log.warn({ source: 'knex' }, `${String(method)} is deprecated; use ${String(alternative)}`),
        debug: (message: unknown) => options.log.debug({ source: 'knex' }, String(message)),
      },
    },
  };
  let orm: MikroORM;
  try {
    orm = await MikroORM.init(config);
    await orm.em.getConnection().execute('select 1');
  } catch (error) {
    throw new Error(
      `Cannot reach the ${options.registry} database at ${describeUrl(options.clientUrl)}: ${(error as Error).message}. ` +
        'Check that PostgreSQL is running and the URL is right (DATABASE_URL or the per-registry *_DATABASE_URL).',
    );
  }
  const knex = orm.em.getKnex();
  reportPool(options.registry, () => (knex.client as { pool?: PoolLike }).pool);
  const statements = new StatementCounter();
  orm.em.getKnex().on('query', (query: { sql: string }) => statements.observe(query.sql));
  return { orm, statements };
}

/**
 * Applies pending migrations. A PostgreSQL advisory lock makes concurrent starts (replicas, or the
 * launcher and a subgraph) take turns instead of racing.
 */
export async function migrate(orm: MikroORM, log: Logger): Promise<void> {
  const knex = orm.em.getKnex();
  const lockKey = 727_311_001;
  await knex.transaction(async (trx) => {
    await trx.raw('select pg_advisory_xact_lock(?)', [lockKey]);
    const pending = await orm.getMigrator().getPendingMigrations();
    if (pending.length === 0) return;
    log.info({ migrations: pending.map((m) => m.name).join(',') }, `applying ${pending.length} migration(s)`);
    await orm.getMigrator().up();
  });
}
