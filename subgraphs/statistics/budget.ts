import type { Knex } from '@mikro-orm/postgresql';
import { GraphQLError } from 'graphql';
import { intFromEnv } from '../shared/config';
import type { Caller } from '../shared/identity';

/**
 * The query budget: each caller (analyst or officer, by role and subject) may ask for at most
 * `tables` distinct tables per period of `periodHours` (fixed periods from the Unix epoch, in
 * UTC). Asking a table already asked in the period is free: the cell key gives it the same values.
 * The complement to cell-key perturbation: the noise on one table cannot be averaged away by
 * asking many differently defined tables that hold the same people, because each such definition
 * is a new table and the budget runs out first. Kept in the statistics database, so it holds across
 * restarts and replicas. A refused table is an error with code STATISTICS_BUDGET_EXCEEDED.
 */
export interface TableBudget {
  /** Distinct tables per caller per period; 0: no budget. */
  tables: number;
  periodHours: number;
}

export const DEFAULT_TABLE_BUDGET: TableBudget = { tables: 200, periodHours: 24 };

/** STATISTICS_TABLE_BUDGET (default 200; 0 = no limit) and STATISTICS_BUDGET_PERIOD_HOURS (default 24). */
export function tableBudgetFromEnv(): TableBudget {
  const tables = intFromEnv('STATISTICS_TABLE_BUDGET', DEFAULT_TABLE_BUDGET.tables);
  const periodHours = intFromEnv('STATISTICS_BUDGET_PERIOD_HOURS', DEFAULT_TABLE_BUDGET.periodHours);
  if (tables < 0) throw new Error('STATISTICS_TABLE_BUDGET must be 0 (no limit) or more');
  if (periodHours < 1 || periodHours > 24 * 366) throw new Error('STATISTICS_BUDGET_PERIOD_HOURS must be 1 to 8784');
  return { tables, periodHours };
}

/** The error a caller gets when a new table would exceed their budget. */
export function budgetExceeded(budget: TableBudget, resetsAt: Date): GraphQLError {
  const retryAfter = Math.max(1, Math.ceil((resetsAt.getTime() - Date.now()) / 1000));
  return new GraphQLError(
    `You have asked for ${budget.tables} distinct statistics tables in this ${budget.periodHours}-hour period, ` +
      `your budget (STATISTICS_TABLE_BUDGET); tables already asked in it are still answered. ` +
      `New tables again from ${resetsAt.toISOString()}.`,
    { extensions: { code: 'STATISTICS_BUDGET_EXCEEDED', limit: budget.tables, retryAfter } },
  );
}

/**
 * Charges `tableKey` to the caller's budget: nothing when they asked it before in this period,
 * one table otherwise, or throws budgetExceeded when none is left. A caller's charges are taken
 * one at a time (a transaction-scoped advisory lock on the caller), so concurrent new tables at the
 * edge of the budget cannot both pass.
 */
export async function chargeTable(knex: Knex, budget: TableBudget, caller: Caller, tableKey: string): Promise<void> {
  if (budget.tables === 0) return;
  const identity = caller.identity;
  const who = `${identity?.role ?? 'anonymous'}:${identity?.sub ?? ''}`.slice(0, 120);
  const periodMs = budget.periodHours * 3_600_000;
  const periodStart = new Date(Math.floor(Date.now() / periodMs) * periodMs);
  const result = await knex.transaction(async (trx) => {
    await trx.raw(`select pg_advisory_xact_lock(hashtext('statistics-budget:' || ?))`, [who]);
    return trx.raw<{ rows: { used: string; seen: boolean; inserted: string }[] }>(
      `with used as (
       select count(*) as n, coalesce(bool_or(table_key = :key), false) as seen
         from table_budget_use where caller = :who and period_start = :period
     ), added as (
       insert into table_budget_use (caller, period_start, table_key, asked_at)
       select :who, :period, :key, now() from used where not used.seen and used.n < :limit
       on conflict do nothing
       returning 1
     )
     select (select n from used) as used, (select seen from used) as seen, (select count(*) from added) as inserted`,
      { who, period: periodStart.toISOString(), key: tableKey, limit: budget.tables },
    );
  });
  const row = result.rows[0];
  if (row.seen || Number(row.inserted) > 0) return;
  throw budgetExceeded(budget, new Date(periodStart.getTime() + periodMs));
}
