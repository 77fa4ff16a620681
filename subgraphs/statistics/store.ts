import type { Knex } from '@mikro-orm/postgresql';
import type { ExtractRecord, ExtractValue } from '../shared/statistics/extract';
import { DIMENSIONS, EXTRACT_SOURCES, MEASURES, type Population } from './catalogue';
import type { PopulationColumns, SourceInfo, StatisticsData } from './tables';

/**
 * The statistics database: every registry's latest extract (pseudonym, record key, attributes),
 * replaced whole by each refresh in one transaction per registry, and the refresh runs. Nothing in
 * it names a person: there are no ids, only pseudonyms the statistics side cannot reverse.
 */

/** The tables as the entities (entities/extract.entity.ts) describe them; the initial migration creates them. */
export const STATISTICS_TABLES_SQL = [
  `create table "extract_run" ("id" bigserial primary key, "trigger" varchar(20) not null, "requested_by" varchar(100) null, "started_at" timestamptz not null, "finished_at" timestamptz null, "as_of" timestamptz not null, "status" text check ("status" in ('RUNNING', 'COMPLETE', 'FAILED')) not null, "progress" jsonb not null default '[]', "message" text null);`,
  `create table "extract_source" ("registry" varchar(40) not null, "run_id" bigint not null, "as_of" timestamptz not null, "records" int not null, constraint "extract_source_pkey" primary key ("registry"));`,
  `alter table "extract_source" add constraint "extract_source_run_id_foreign" foreign key ("run_id") references "extract_run" ("id") on update cascade;`,
  `create table "extract_record" ("registry" varchar(40) not null, "pseudonym" varchar(43) not null, "record_key" bigint not null, "attributes" jsonb not null, constraint "extract_record_pkey" primary key ("registry", "pseudonym"));`,
];

export const DROP_STATISTICS_TABLES_SQL = [
  'drop table if exists "extract_record";',
  'drop table if exists "extract_source";',
  'drop table if exists "extract_run";',
];

const INSERT_ROWS = 2000;

/** Replaces a registry's extract inside `trx`: call `add` for each record, then `finish`. */
export class ExtractWriter {
  private pending: ExtractRecord[] = [];
  private written = 0;
  private constructor(
    private readonly trx: Knex.Transaction,
    private readonly registry: string,
  ) {}

  static async begin(trx: Knex.Transaction, registry: string): Promise<ExtractWriter> {
    await trx.raw('delete from extract_record where registry = ?', [registry]);
    return new ExtractWriter(trx, registry);
  }

  async add(record: ExtractRecord): Promise<void> {
    this.pending.push(record);
    if (this.pending.length >= INSERT_ROWS) await this.flush();
  }

  get count(): number {
    return this.written + this.pending.length;
  }

  async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    const registries: string[] = [];
    const pseudonyms: string[] = [];
    const keys: number[] = [];
    const attributes: string[] = [];
    for (const { p, k, ...rest } of batch) {
      registries.push(this.registry);
      pseudonyms.push(p);
      keys.push(k);
      attributes.push(JSON.stringify(rest));
    }
    // One statement per batch, four array parameters: no parameter limit, one round trip.
    await this.trx.raw(
      `insert into extract_record (registry, pseudonym, record_key, attributes)
       select * from unnest(?::text[], ?::text[], ?::bigint[], ?::jsonb[])
       on conflict (registry, pseudonym) do update set attributes = excluded.attributes`,
      [registries, pseudonyms, keys, attributes],
    );
    this.written += batch.length;
  }
}

/**
 * The latest complete refresh's id (0 when there is none). Not the newest extract stored: a
 * refresh stores one registry after another, and the tables reload once it has stored them all.
 */
export async function latestRunId(knex: Knex): Promise<number> {
  const result = await knex.raw<{ rows: { id: string | null }[] }>(
    `select max(id) as id from extract_run where status = 'COMPLETE'`,
  );
  return Number(result.rows[0]?.id ?? 0);
}

export async function readSources(knex: Knex): Promise<SourceInfo[]> {
  const result = await knex.raw<{ rows: { registry: string; as_of: Date; records: number }[] }>(
    'select registry, as_of, records from extract_source order by registry',
  );
  return result.rows.map((r) => ({ registry: r.registry, asOf: new Date(r.as_of).toISOString(), records: r.records }));
}

const LOAD_ROWS = 50_000;

async function* readExtract(
  knex: Knex,
  registry: string,
): AsyncGenerator<{ pseudonym: string; recordKey: number; attributes: Record<string, ExtractValue> }> {
  let after = '';
  for (;;) {
    const result = await knex.raw<{
      rows: { pseudonym: string; record_key: string; attributes: Record<string, ExtractValue> }[];
    }>(
      `select pseudonym, record_key, attributes from extract_record
        where registry = ? and pseudonym > ? order by pseudonym limit ?`,
      [registry, after, LOAD_ROWS],
    );
    for (const row of result.rows) {
      yield { pseudonym: row.pseudonym, recordKey: Number(row.record_key), attributes: row.attributes };
    }
    if (result.rows.length < LOAD_ROWS) return;
    after = result.rows[result.rows.length - 1].pseudonym;
  }
}

function emptyColumns(population: Population, size: number): PopulationColumns {
  const columns: PopulationColumns = {
    size,
    recordKeys: new Uint32Array(size),
    dimensions: new Map(),
    magnitudes: new Map(),
  };
  for (const dimension of DIMENSIONS.filter((d) => d.population === population)) {
    const missing = dimension.categories.findIndex((c) => c.code === dimension.categorize(null));
    columns.dimensions.set(dimension.name, new Uint8Array(size).fill(missing));
  }
  for (const measure of MEASURES.filter((m) => m.population === population && m.magnitude)) {
    const missing = measure.magnitude!.value(null);
    columns.magnitudes.set(measure.name, new Float64Array(size).fill(missing ?? Number.NaN));
  }
  return columns;
}

/** Builds the in-memory columns from the stored extracts. */
export async function loadStatisticsData(knex: Knex): Promise<StatisticsData> {
  const runId = await latestRunId(knex);
  const sources = await readSources(knex);
  const populations = {} as Record<Population, PopulationColumns>;
  for (const population of ['PERSON', 'ORGANIZATION', 'POSTING'] as const) {
    const [base, ...joined] = EXTRACT_SOURCES.filter((s) => s.population === population).map((s) => s.name);
    const baseRecords = sources.find((s) => s.registry === base)?.records ?? 0;
    // Records arrive in pseudonym order; the index of each pseudonym is where its columns are.
    const index = new Map<string, number>();
    let columns = emptyColumns(population, baseRecords);
    const apply = (registry: string, i: number, attributes: Record<string, ExtractValue>) => {
      for (const dimension of DIMENSIONS) {
        if (dimension.population !== population || dimension.source !== registry) continue;
        const code = dimension.categorize(attributes);
        columns.dimensions.get(dimension.name)![i] = dimension.categories.findIndex((c) => c.code === code);
      }
      for (const measure of MEASURES) {
        if (measure.population !== population || measure.magnitude?.source !== registry) continue;
        columns.magnitudes.get(measure.name)![i] = measure.magnitude.value(attributes) ?? Number.NaN;
      }
    };
    let i = 0;
    for await (const record of readExtract(knex, base)) {
      if (i >= columns.size) break;
      index.set(record.pseudonym, i);
      columns.recordKeys[i] = record.recordKey;
      apply(base, i, record.attributes);
      i += 1;
    }
    if (i < columns.size) {
      const size = i;
      columns = {
        size,
        recordKeys: columns.recordKeys.subarray(0, size),
        dimensions: new Map([...columns.dimensions].map(([name, column]) => [name, column.subarray(0, size)])),
        magnitudes: new Map([...columns.magnitudes].map(([name, column]) => [name, column.subarray(0, size)])),
      };
    }
    for (const registry of joined) {
      for await (const record of readExtract(knex, registry)) {
        const at = index.get(record.pseudonym);
        // A record of someone not in the base (e.g. a certificate of a person who has died) is not counted.
        if (at !== undefined) apply(registry, at, record.attributes);
      }
    }
    populations[population] = columns;
  }
  return { populations, sources, runId };
}
