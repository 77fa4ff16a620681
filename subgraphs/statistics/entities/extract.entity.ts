import { defineEntity, p, type InferEntity } from '@mikro-orm/postgresql';

/**
 * The statistics database's tables. They are read and written as whole tables with plain SQL
 * (store.ts, refresh.ts), never as objects; the schemas are here so that the committed migrations
 * are checked against them like every registry's.
 */

export const REFRESH_STATUSES = ['RUNNING', 'COMPLETE', 'FAILED'] as const;

/** One refresh of the extracts: when, why, how far it got. */
export const ExtractRunSchema = defineEntity({
  name: 'ExtractRun',
  tableName: 'extract_run',
  properties: {
    id: p.bigint('number').primary().autoincrement(),
    trigger: p.string().length(20),
    requestedBy: p.string().length(100).nullable(),
    startedAt: p.datetime(),
    finishedAt: p.datetime().nullable(),
    asOf: p.datetime(),
    status: p.enum([...REFRESH_STATUSES]),
    progress: p.json().default('[]'),
    message: p.text().nullable(),
  },
});
export type ExtractRun = InferEntity<typeof ExtractRunSchema>;

/** The extract in use from each registry: which refresh brought it, as of when, how many records. */
export const ExtractSourceSchema = defineEntity({
  name: 'ExtractSource',
  tableName: 'extract_source',
  properties: {
    registry: p.string().length(40).primary(),
    run: () => p.manyToOne(ExtractRunSchema).mapToPk(),
    asOf: p.datetime(),
    records: p.integer(),
  },
});
export type ExtractSource = InferEntity<typeof ExtractSourceSchema>;

/** One record of a registry's extract: pseudonym, record key, and only the attributes statistics needs. */
export const ExtractRecordSchema = defineEntity({
  name: 'ExtractRecord',
  tableName: 'extract_record',
  properties: {
    registry: p.string().length(40).primary(),
    pseudonym: p.string().length(43).primary(),
    recordKey: p.bigint('number'),
    attributes: p.json(),
  },
});
export type ExtractRecord = InferEntity<typeof ExtractRecordSchema>;

/** One distinct table a caller asked for in a budget period (budget.ts): who, which period, which table. */
export const TableBudgetUseSchema = defineEntity({
  name: 'TableBudgetUse',
  tableName: 'table_budget_use',
  properties: {
    caller: p.string().length(120).primary(),
    periodStart: p.datetime().primary(),
    tableKey: p.string().length(64).primary(),
    askedAt: p.datetime(),
  },
});
export type TableBudgetUse = InferEntity<typeof TableBudgetUseSchema>;
