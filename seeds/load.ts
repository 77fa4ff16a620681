import pg from 'pg';
import { describeUrl } from '../subgraphs/shared/config';
import type { CertificateRow, MaterialContentRow, MaterialRow } from './certificates';
import type { OrganizationRow, OrganizationRows, PenaltyRow } from './organizations';
import type { HouseholdMemberRow, HouseholdRow, HouseholdRows, PersonRow } from './people';

/**
 * Bulk loading of generated rows with plain node-postgres rather than the ORM: each chunk of rows
 * is one `insert ... select * from unnest($1::uuid[], $2::text[], ...)`, so a chunk costs one round
 * trip and one statement however many rows it has, and the parameter count stays at one per column
 * (PostgreSQL allows at most 65,535 bind parameters per statement, which row-wise VALUES would hit).
 */

/** Reports progress of a streamed load: `done` of `total` rows of `table` (person, organization) are in. */
export type LoadProgress = (table: string, done: number, total: number) => void;

/** A table's columns in insert order, with the PostgreSQL array type each column is sent as. */
export interface TableSpec<Row> {
  table: string;
  columns: readonly (readonly [column: keyof Row & string, type: string])[];
}

const BASE = [
  ['id', 'uuid'],
  ['created_at', 'timestamptz'],
  ['updated_at', 'timestamptz'],
] as const;

// char(n), varchar(n) and the enum-like text columns all accept text; the check constraints still apply.
export const PERSON_TABLE: TableSpec<PersonRow> = {
  table: 'person',
  columns: [
    ...BASE,
    ['id_number', 'text'],
    ['name', 'text'],
    ['gender', 'text'],
    ['birth_date', 'date'],
    ['ethnicity', 'text'],
    ['district_code', 'text'],
    ['registered_address', 'text'],
    ['phone', 'text'],
    ['marital_status', 'text'],
    ['death_date', 'date'],
    ['remarks', 'text'],
  ],
};

export const HOUSEHOLD_TABLE: TableSpec<HouseholdRow> = {
  table: 'household',
  columns: [...BASE, ['number', 'text'], ['district_code', 'text'], ['address', 'text'], ['head_id', 'uuid']],
};

export const HOUSEHOLD_MEMBER_TABLE: TableSpec<HouseholdMemberRow> = {
  table: 'household_member',
  columns: [...BASE, ['household_id', 'uuid'], ['person_id', 'uuid'], ['relationship', 'text']],
};

export const ORGANIZATION_TABLE: TableSpec<OrganizationRow> = {
  table: 'organization',
  columns: [
    ...BASE,
    ['credit_code', 'text'],
    ['name', 'text'],
    ['type', 'text'],
    ['status', 'text'],
    ['legal_representative_id', 'uuid'],
    ['registered_capital', 'numeric'],
    ['established_on', 'date'],
    ['industry_code', 'text'],
    ['district_code', 'text'],
    ['address', 'text'],
    ['business_scope', 'text'],
    ['credit_risk_class', 'text'],
  ],
};

export const PENALTY_TABLE: TableSpec<PenaltyRow> = {
  table: 'penalty',
  columns: [
    ...BASE,
    ['organization_id', 'uuid'],
    ['decision_number', 'text'],
    ['decided_on', 'date'],
    ['reason', 'text'],
    ['amount', 'numeric'],
    ['authority', 'text'],
  ],
};

export const CERTIFICATE_TABLE: TableSpec<CertificateRow> = {
  table: 'certificate',
  columns: [
    ...BASE,
    ['type_code', 'text'],
    ['number', 'text'],
    ['holder_kind', 'text'],
    ['holder_person_id', 'uuid'],
    ['holder_credit_code', 'text'],
    ['issuing_department', 'text'],
    ['issuing_authority', 'text'],
    ['issued_on', 'date'],
    ['valid_until', 'date'],
    ['revoked_on', 'date'],
    ['revocation_reason', 'text'],
    ['printed_name', 'text'],
    ['printed_identifier', 'text'],
    ['attributes', 'jsonb'],
    ['verification_code', 'text'],
  ],
};

export const MATERIAL_TABLE: TableSpec<MaterialRow> = {
  table: 'material',
  columns: [
    ...BASE,
    ['owner_id', 'uuid'],
    ['kind_code', 'text'],
    ['size', 'int'],
    ['media_type', 'text'],
    ['sha256', 'text'],
    ['file_name', 'text'],
    ['uploaded_by_sub', 'text'],
    ['uploaded_by_role', 'text'],
    ['uploaded_by_dept', 'text'],
  ],
};

export const MATERIAL_CONTENT_TABLE: TableSpec<MaterialContentRow> = {
  table: 'material_content',
  columns: [
    ['material_id', 'uuid'],
    ['seq', 'int'],
    ['bytes', 'bytea'],
  ],
};

/** Rows per statement: enough to amortise the round trip, few enough to report progress and bound memory. */
export const CHUNK_ROWS = 5_000;

/** One registry database, loaded in a single transaction that commit() ends. */
export class BulkLoader {
  private finished = false;
  /** Foreign keys dropped for the load, to add back before commit. */
  private readonly suspended: { table: string; name: string; definition: string }[] = [];
  /** Triggers switched off for the load, to switch on before commit. */
  private readonly suspendedTriggers: [table: string, trigger: string][] = [];

  private constructor(
    private readonly client: pg.Client,
    readonly where: string,
  ) {}

  /** Connects to the database and begins the transaction. */
  static async begin(databaseUrl: string): Promise<BulkLoader> {
    const where = describeUrl(databaseUrl);
    const client = new pg.Client({ connectionString: databaseUrl });
    try {
      await client.connect();
    } catch (error) {
      throw new Error(`Cannot connect to ${where} to load the seed data: ${(error as Error).message}`);
    }
    try {
      await client.query('begin');
    } catch (error) {
      await client.end().catch(() => {});
      throw error;
    }
    return new BulkLoader(client, where);
  }

  /**
   * Inserts rows, CHUNK_ROWS per statement. A table with jsonb columns is sent as one JSON document
   * per chunk (jsonb_to_recordset): far cheaper than PostgreSQL array literals of JSON text, whose
   * every quote must be escaped and unescaped.
   */
  async insert<Row>(spec: TableSpec<Row>, rows: readonly Row[]): Promise<void> {
    const columns = spec.columns.map(([column]) => `"${column}"`).join(', ');
    const asJson = spec.columns.some(([, type]) => type === 'jsonb');
    const arrays = spec.columns.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ');
    const record = spec.columns.map(([column, type]) => `"${column}" ${type}`).join(', ');
    const sql = asJson
      ? `insert into "${spec.table}" (${columns}) select ${columns} from jsonb_to_recordset($1::jsonb) as t(${record})`
      : `insert into "${spec.table}" (${columns}) select * from unnest(${arrays})`;
    for (let start = 0; start < rows.length; start += CHUNK_ROWS) {
      const chunk = rows.slice(start, start + CHUNK_ROWS);
      const params: unknown[] = asJson
        ? [JSON.stringify(chunk)]
        : spec.columns.map(([column]) => chunk.map((row) => row[column]));
      try {
        await this.client.query(sql, params);
      } catch (error) {
        throw new Error(
          `Inserting rows ${start + 1}-${start + chunk.length} into ${spec.table} at ${this.where} failed: ` +
            (error as Error).message,
        );
      }
    }
  }

  /**
   * Drops the foreign keys of `tables` until restoreForeignKeys(): PostgreSQL then checks each key
   * once with a join instead of with a locking lookup per inserted row, which halves the time to
   * load household_member (the way the PostgreSQL manual's "Populating a Database" advises). It is
   * all inside the transaction, so a failure brings the keys back with everything else.
   */
  async suspendForeignKeys(tables: readonly string[]): Promise<void> {
    const result = await this.client.query<{ table: string; name: string; definition: string }>(
      `select conrelid::regclass::text as table, conname as name, pg_get_constraintdef(oid) as definition
         from pg_constraint where contype = 'f' and conrelid = any($1::regclass[]) order by conrelid, conname`,
      [tables],
    );
    for (const key of result.rows) {
      await this.client.query(`alter table ${key.table} drop constraint ${quoteIdentifier(key.name)}`);
      this.suspended.push(key);
    }
  }

  /**
   * Switches off `triggers` (as `table.trigger`) until restoreTriggers(), inside the transaction:
   * for a row-by-row trigger whose effect the load writes itself, set-based. Until commit the
   * table's writes wait (a SHARE ROW EXCLUSIVE lock) and its reads go on; other sessions' writes
   * would find the trigger on, since the change is not committed.
   */
  async suspendTriggers(triggers: readonly (readonly [table: string, trigger: string])[]): Promise<void> {
    for (const [table, trigger] of triggers) {
      await this.client.query(`alter table ${quoteIdentifier(table)} disable trigger ${quoteIdentifier(trigger)}`);
      this.suspendedTriggers.push([table, trigger]);
    }
  }

  /** Switches back on the triggers suspendTriggers() switched off. */
  async restoreTriggers(): Promise<void> {
    for (const [table, trigger] of this.suspendedTriggers.splice(0)) {
      await this.client.query(`alter table ${quoteIdentifier(table)} enable trigger ${quoteIdentifier(trigger)}`);
    }
  }

  /** Adds back the foreign keys suspendForeignKeys() dropped, checking every loaded row against them. */
  async restoreForeignKeys(): Promise<void> {
    for (const key of this.suspended.splice(0)) {
      try {
        const name = quoteIdentifier(key.name);
        await this.client.query(`alter table ${key.table} add constraint ${name} ${key.definition}`);
      } catch (error) {
        throw new Error(`The loaded rows break foreign key ${key.name} at ${this.where}: ${(error as Error).message}`);
      }
    }
  }

  /** Runs one statement inside the transaction. */
  async query(sql: string, params: unknown[] = []): Promise<void> {
    await this.client.query(sql, params);
  }

  /** Runs one query inside the transaction and returns its rows. */
  async rows<Row extends Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<Row[]> {
    return (await this.client.query<Row>(sql, params)).rows;
  }

  /** Reads a query's rows `chunk` at a time through a server-side cursor, so memory stays flat. */
  async *stream<Row extends Record<string, unknown>>(sql: string, chunk = 50_000): AsyncGenerator<Row[]> {
    await this.client.query(`declare seed_reader no scroll cursor for ${sql}`);
    try {
      for (;;) {
        const { rows } = await this.client.query<Row>(`fetch ${chunk} from seed_reader`);
        if (rows.length === 0) return;
        yield rows;
      }
    } finally {
      await this.client.query('close seed_reader');
    }
  }

  /** Adds back any suspended foreign keys, commits and disconnects. */
  async commit(): Promise<void> {
    if (this.finished) return;
    await this.restoreTriggers();
    await this.restoreForeignKeys();
    this.finished = true;
    try {
      await this.client.query('commit');
    } finally {
      await this.client.end();
    }
  }

  /** Rolls back and disconnects; does nothing after commit(). */
  async rollback(): Promise<void> {
    if (this.finished) return;
    this.finished = true;
    try {
      await this.client.query('rollback');
    } catch {
      // The connection may be what failed; ending it discards the transaction anyway.
    } finally {
      await this.client.end().catch(() => {});
    }
  }
}

function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** Groups items into batches of at least `size` rows (the last may be smaller), counting rows with `rowsOf`. */
function* batches<Item>(items: Iterable<Item>, size: number, rowsOf: (item: Item) => number): Generator<Item[]> {
  let batch: Item[] = [];
  let rows = 0;
  for (const item of items) {
    batch.push(item);
    rows += rowsOf(item);
    if (rows >= size) {
      yield batch;
      batch = [];
      rows = 0;
    }
  }
  if (batch.length > 0) yield batch;
}

/**
 * Loads each batch while the next one is being generated: the database works on one chunk while
 * JavaScript builds the next, and at most two batches are in memory whatever the total.
 */
async function pipelined<Batch>(source: Iterable<Batch>, load: (batch: Batch) => Promise<void>): Promise<void> {
  let previous: Promise<void> = Promise.resolve();
  for (const batch of source) {
    await previous;
    previous = load(batch);
    // Awaited on the next round; until then, keep Node from reporting the rejection as unhandled.
    previous.catch(() => {});
  }
  await previous;
}

/**
 * The natural-person registry's history triggers (one plpgsql call per inserted person and another
 * per membership, each reading and rewriting person_history: four fifths of the time to load a
 * person). The load switches them off and writes what they would have written, set-based, per
 * batch: one open row per new person, from now() (the transaction's start, as the triggers use),
 * with the person's marital status, address, household and relationship.
 */
const HISTORY_TRIGGERS = [
  ['person', 'person_history_person'],
  ['household_member', 'person_history_member'],
] as const;

const HISTORY_OF_NEW_PERSONS_SQL = `
insert into person_history (id, person_id, valid_from, marital_status, registered_address, household_id, relationship)
select gen_random_uuid(), p.id, now(), p.marital_status, p.registered_address, m.household_id, m.relationship
  from person p left join household_member m on m.person_id = p.id
 where p.id = any($1::uuid[])`;

/**
 * Inserts households as they are generated (persons, then households, then members, the order of
 * the foreign keys) with the persons' history, then moves household_number_seq past the loaded
 * numbers. Returns rows per table.
 */
export async function loadPeople(
  loader: BulkLoader,
  households: Iterable<HouseholdRows>,
  total: number,
  onProgress?: LoadProgress,
  /** Loads what another registry derives from each batch (their certificates), in step. */
  afterBatch?: (batch: HouseholdRows[]) => Promise<void>,
): Promise<Record<string, number>> {
  const counts = { person: 0, household: 0, household_member: 0 };
  let highest = 0;
  await loader.suspendForeignKeys(['household', 'household_member']);
  await loader.suspendTriggers(HISTORY_TRIGGERS);
  onProgress?.('person', 0, total);
  await pipelined(
    batches(households, CHUNK_ROWS, (rows) => rows.persons.length),
    async (batch) => {
      const persons = batch.flatMap((rows) => rows.persons);
      await loader.insert(PERSON_TABLE, persons);
      await loader.insert(
        HOUSEHOLD_TABLE,
        batch.map((rows) => rows.household),
      );
      await loader.insert(
        HOUSEHOLD_MEMBER_TABLE,
        batch.flatMap((rows) => rows.members),
      );
      await loader.query(HISTORY_OF_NEW_PERSONS_SQL, [persons.map((person) => person.id)]);
      counts.person += persons.length;
      counts.household += batch.length;
      counts.household_member += persons.length;
      highest = Math.max(highest, Number(batch[batch.length - 1].household.number));
      await afterBatch?.(batch);
      onProgress?.('person', counts.person, total);
    },
  );
  // New households created through the API then continue after the seeded ones.
  if (highest > 0) await loader.query('select setval($1, $2)', ['household_number_seq', highest]);
  await loader.restoreTriggers();
  return counts;
}

/** Inserts organizations as they are generated, each chunk followed by its penalties. Returns rows per table. */
export async function loadOrganizations(
  loader: BulkLoader,
  organizations: Iterable<OrganizationRows>,
  total: number,
  onProgress?: LoadProgress,
  /** Loads what another registry derives from each batch (business licences), in step. */
  afterBatch?: (batch: OrganizationRows[]) => Promise<void>,
): Promise<Record<string, number>> {
  const counts = { organization: 0, penalty: 0 };
  await loader.suspendForeignKeys(['penalty']);
  onProgress?.('organization', 0, total);
  await pipelined(
    batches(organizations, CHUNK_ROWS, () => 1),
    async (batch) => {
      const penalties = batch.flatMap((rows) => rows.penalties);
      await loader.insert(
        ORGANIZATION_TABLE,
        batch.map((rows) => rows.organization),
      );
      await loader.insert(PENALTY_TABLE, penalties);
      counts.organization += batch.length;
      counts.penalty += penalties.length;
      await afterBatch?.(batch);
      onProgress?.('organization', counts.organization, total);
    },
  );
  return counts;
}

/** Counts the rows of each table; fails with a clear message when a table does not exist (not migrated). */
export async function countRows(databaseUrl: string, tables: readonly string[]): Promise<Record<string, number>> {
  const where = describeUrl(databaseUrl);
  const client = new pg.Client({ connectionString: databaseUrl });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(`Cannot connect to ${where}: ${(error as Error).message}`);
  }
  try {
    const counts: Record<string, number> = {};
    for (const table of tables) {
      const exists = await client.query<{ found: boolean }>('select to_regclass($1) is not null as found', [table]);
      if (!exists.rows[0].found) {
        throw new Error(
          `Table ${table} does not exist in ${where}; apply the migrations first (npm start and npm run seed do).`,
        );
      }
      const result = await client.query<{ count: string }>(`select count(*) as count from "${table}"`);
      counts[table] = Number(result.rows[0].count);
    }
    return counts;
  } finally {
    await client.end();
  }
}
