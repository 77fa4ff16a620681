import type { Knex } from '@mikro-orm/postgresql';
import { intFromEnv } from '../shared/config';
import { DEFAULT_DISCLOSURE, type DisclosureSettings } from '../shared/statistics/disclosure';
import type { Caller } from '../shared/identity';
import type { Logger } from '../shared/logger';
import { chargeTable, type TableBudget } from './budget';
import type { Refresher } from './refresh';
import { latestRunId, loadStatisticsData } from './store';
import { checkQuery, computeTable, tableKey, type FilterInput, type StatisticsData, type Table } from './tables';

/**
 * The statistics process's state: the disclosure settings, the tables in memory (reloaded when a
 * newer refresh has committed, whoever ran it: this process, another replica, or
 * `npm run statistics:refresh`), and the refresher.
 */
export class StatisticsService {
  private data: StatisticsData | null = null;
  private loading: Promise<StatisticsData> | null = null;
  private checkedAt = 0;

  constructor(
    readonly knex: Knex,
    readonly settings: DisclosureSettings,
    readonly refresher: Refresher,
    private readonly log: Logger,
    /** Distinct tables per caller per period (budget.ts). */
    readonly budget: TableBudget,
    /** How often (ms) a query looks for a newer refresh in the database. */
    private readonly recheckMs = 2000,
  ) {}

  /**
   * A protected table for `caller`; BAD_USER_INPUT for anything not in the catalogue,
   * STATISTICS_BUDGET_EXCEEDED for a new table beyond the caller's budget.
   */
  async table(
    caller: Caller,
    measure: string,
    dimensions: readonly string[],
    filter: readonly FilterInput[],
  ): Promise<Table> {
    const query = checkQuery(measure, dimensions, filter);
    await chargeTable(this.knex, this.budget, caller, tableKey(query));
    return computeTable(await this.current(), query, this.settings);
  }

  /**
   * The loaded data. When a newer refresh has completed, the tables in memory keep answering while
   * the newer extracts load (some 20 s for a million residents; every table names its sources'
   * as-of time); only a process with nothing loaded yet waits for the load.
   */
  async current(): Promise<StatisticsData> {
    if (this.data && (this.loading || Date.now() - this.checkedAt < this.recheckMs)) return this.data;
    const latest = await latestRunId(this.knex);
    this.checkedAt = Date.now();
    if (this.data && this.data.runId === latest) return this.data;
    if (this.data) {
      this.reload().catch((error: Error) => this.log.error({ err: error }, 'statistics reload failed'));
      return this.data;
    }
    return this.reload();
  }

  /** Loads the latest extracts into memory (one load at a time). */
  reload(): Promise<StatisticsData> {
    this.loading ??= (async () => {
      const started = Date.now();
      try {
        const data = await loadStatisticsData(this.knex);
        this.data = data;
        this.checkedAt = Date.now();
        this.log.info(
          {
            run: data.runId,
            residents: data.populations.PERSON.size,
            enterprises: data.populations.ORGANIZATION.size,
            ms: Date.now() - started,
          },
          'statistics tables loaded',
        );
        return data;
      } finally {
        this.loading = null;
      }
    })();
    return this.loading;
  }
}

/** Disclosure settings from the environment: STATISTICS_THRESHOLD (default 10), STATISTICS_DOMINANCE_PERCENT (default 85). */
export function disclosureFromEnv(): DisclosureSettings {
  const threshold = intFromEnv('STATISTICS_THRESHOLD', DEFAULT_DISCLOSURE.threshold);
  const dominance = intFromEnv('STATISTICS_DOMINANCE_PERCENT', DEFAULT_DISCLOSURE.dominance * 100) / 100;
  if (threshold < 1) throw new Error('STATISTICS_THRESHOLD must be at least 1');
  if (dominance <= 0 || dominance > 1) throw new Error('STATISTICS_DOMINANCE_PERCENT must be 1 to 100');
  return { threshold, dominance };
}
