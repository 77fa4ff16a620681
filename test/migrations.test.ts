import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { MikroORM } from '@mikro-orm/postgresql';
import { REGISTRY_NAMES } from '../subgraphs/catalog';
import { AccessChainSchema, AccessRecordSchema } from '../subgraphs/shared/access-log/access-record.entity';
import {
  GENESIS_HASH,
  appendToChain,
  recordContent,
  recordHash,
  verifyChain,
} from '../subgraphs/shared/access-log/chain';
import { ACCESS_LOG_GRANT_SQL, ACCESS_LOG_V2_SQL } from '../subgraphs/shared/access-log/migration';
import { ensureDatabase, withDatabase } from '../subgraphs/shared/database';
import { createLogger } from '../subgraphs/shared/logger';
import { openRegistryOrm } from '../subgraphs/shared/orm';
import { REGISTRY_MODULES } from '../scripts/lib/registries';
import { startStack, type TestStack } from './support/stack';

/** The committed migrations build exactly the schema the entities describe. */

let stack: TestStack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
});

it.each(REGISTRY_NAMES)(
  '%s: entities and committed migrations agree (npm run migration:create finds nothing)',
  async (name) => {
    expect(await stack.db[name].orm.getMigrator().checkMigrationNeeded()).toBe(false);
  },
);

it.each(REGISTRY_NAMES)('%s: migrations are recorded as applied and a second run applies nothing', async (name) => {
  const migrator = stack.db[name].orm.getMigrator();
  expect(await migrator.getPendingMigrations()).toEqual([]);
  expect((await migrator.getExecutedMigrations()).length).toBeGreaterThan(0);
});

describe('the access log DDL', () => {
  const admin = () => new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  const scratch = `t${process.pid}_access_log_${randomBytes(3).toString('hex')}`;
  const url = () => withDatabase(process.env.TEST_DATABASE_URL!, scratch);

  afterEach(async () => {
    const client = admin();
    await client.connect();
    await client.query(`drop database if exists "${scratch}" with (force)`);
    await client.end();
  });

  it('is one shared list a new registry’s initial migration runs, giving exactly the entities’ schema', async () => {
    await ensureDatabase(url());
    const client = new pg.Client({ connectionString: url() });
    await client.connect();
    try {
      // A new registry's initial migration, then the shared upgrade every registry runs after its own.
      for (const sql of [...ACCESS_LOG_V2_SQL, ...ACCESS_LOG_GRANT_SQL]) await client.query(sql);
    } finally {
      await client.end();
    }
    const orm = await MikroORM.init({ clientUrl: url(), entities: [AccessRecordSchema, AccessChainSchema] });
    try {
      expect(await orm.schema.getUpdateSchemaSQL({ wrap: false })).toBe('');
      await expect(orm.em.getKnex().raw('truncate access_record')).rejects.toThrow(/append-only/);
      await expect(orm.em.getKnex().raw('delete from access_chain')).rejects.toThrow(/append-only/);
      expect((await verifyChain(orm.em.getKnex())).breaks).toEqual([]);
    } finally {
      await orm.close();
    }
  });

  it('upgrades a format 1 log in place: old records still verify, new ones are format 3, a forged via or grant is found', async () => {
    await ensureDatabase(url());
    const log = createLogger('test');
    const { entities, migrations } = REGISTRY_MODULES['natural-person'];
    const db = await openRegistryOrm({ registry: 'natural-person', clientUrl: url(), entities, migrations, log });
    try {
      const migrator = db.orm.getMigrator();
      await migrator.up({ to: 'Migration20261121044822_initial' });
      const knex = db.orm.em.getKnex();
      // Three records as the format 1 code wrote them (its hash has no identifier, via or format).
      let prevHash = GENESIS_HASH;
      for (let seq = 1; seq <= 3; seq += 1) {
        const record = {
          seq,
          format: 1,
          id: randomUUID(),
          at: `2026-11-20T10:00:0${seq}.000Z`,
          registry: 'natural-person',
          action: 'read' as const,
          outcome: 'granted' as const,
          actorSub: 'staff-1',
          actorRole: 'officer',
          actorDept: 'civil-affairs',
          purpose: 'CASE-1',
          subjectId: randomUUID(),
          identifier: null,
          fields: ['Person.name'],
          operationName: null,
          requestId: `r${seq}`,
          via: null,
          grantId: null,
          prevHash,
        };
        const hash = recordHash(record);
        await knex.raw(
          `insert into access_record (seq, id, at, registry, action, outcome, actor_sub, actor_role, actor_dept, purpose,
             subject_id, fields, operation_name, request_id, prev_hash, hash)
           values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          [
            seq,
            record.id,
            record.at,
            record.registry,
            record.action,
            record.outcome,
            record.actorSub,
            record.actorRole,
            record.actorDept,
            record.purpose,
            record.subjectId,
            record.fields as never,
            null,
            record.requestId,
            prevHash,
            hash,
          ],
        );
        prevHash = hash;
      }
      await knex.raw('update access_chain set last_seq = 3, last_hash = ? where id = 1', [prevHash]);

      await migrator.up();
      expect(await migrator.checkMigrationNeeded()).toBe(false);
      await knex.transaction((trx) =>
        appendToChain(trx, [
          recordContent(
            'natural-person',
            { identity: null, purpose: null, requestId: 'r4', operationName: null, via: 'legal-person' },
            { action: 'read', outcome: 'denied', subjectId: null, fields: ['Query.person'], identifier: 'id=x' },
          ),
        ]),
      );
      const rows = await knex.raw<{ rows: { format: number }[] }>('select format from access_record order by seq');
      expect(rows.rows.map((r) => r.format)).toEqual([1, 1, 1, 3]);
      expect((await verifyChain(knex)).breaks).toEqual([]);

      // Format 1's hash does not cover via: a value slipped into an old record must still show.
      await knex.raw('alter table access_record disable trigger access_record_append_only');
      await knex.raw(`update access_record set via = 'legal-person' where seq = 2`);
      expect((await verifyChain(knex)).breaks).toEqual([
        { seq: 2, problem: 'a format 1 record carries what format 1 never wrote (altered)' },
      ]);
      // Nor does it cover the consent grant a read was made under.
      await knex.raw(`update access_record set grant_id = ? where seq = 3`, [randomUUID()]);
      expect((await verifyChain(knex)).breaks).toEqual([
        { seq: 2, problem: 'a format 1 record carries what format 1 never wrote (altered)' },
        { seq: 3, problem: 'a format 1 record carries what format 1 never wrote (altered)' },
      ]);
    } finally {
      await db.orm.close();
    }
  });
});
