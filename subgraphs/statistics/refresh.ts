import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import type { Knex } from '@mikro-orm/postgresql';
import type { CryptoKey } from 'jose';
import type { RegistryName } from '../catalog';
import { routeDigest } from '../shared/assertion';
import type { Logger } from '../shared/logger';
import { SERVICE_HEADER, signServiceRoute } from '../shared/service-calls';
import {
  MONTHLY_EXTRACT_PURPOSE,
  ON_DEMAND_EXTRACT_PURPOSE,
  STATISTICS_EXTRACT_ROUTE,
  type ExtractHeader,
  type ExtractRecord,
} from '../shared/statistics/extract';
import { EXTRACT_SOURCES } from './catalogue';
import { ExtractWriter } from './store';

/**
 * Refreshing the extracts: for each registry in the catalogue, ask the gateway's
 * GET /statistics-extract/<registry> with a service-route token signed by the statistics
 * registry's own key (the gateway checks it and asks the registry with its own assertion, `via`
 * statistics; this process never holds the gateway's key), stream the NDJSON into the statistics database, replacing that registry's previous
 * extract in one transaction, and show progress. An extract that ends without its trailer (the
 * registry failed, e.g. its access log could not be written) is rolled back: the previous one stays.
 * One refresh at a time per process.
 */

export type RefreshTrigger = 'SCHEDULE' | 'ON_DEMAND' | 'COMMAND';

export interface RefreshProgress {
  registry: string;
  records: number;
  done: boolean;
}

export interface RefreshRun {
  id: string;
  status: 'RUNNING' | 'COMPLETE' | 'FAILED';
  trigger: RefreshTrigger;
  startedAt: string;
  finishedAt: string | null;
  asOf: string;
  progress: RefreshProgress[];
  message: string | null;
}

export interface RefresherOptions {
  knex: Knex;
  log: Logger;
  /** The statistics registry's own signing key (what its service-route tokens are signed with). */
  signingKey: () => Promise<CryptoKey>;
  /** The gateway's GraphQL URL; the extract routes are beside it. */
  gatewayUrl(): string;
  timeoutMs?: number;
  /**
   * Told when a refresh has committed (the subgraph reloads its tables); the run shows as running
   * until it resolves, so whoever waits for the run finds the new tables in use.
   */
  onComplete?(): Promise<unknown> | void;
}

const PROGRESS_EVERY = 100_000;

export class Refresher {
  private running: Promise<RefreshRun> | null = null;
  private current: RefreshRun | null = null;

  constructor(private readonly options: RefresherOptions) {}

  /** The refresh running now, if any. */
  get active(): RefreshRun | null {
    return this.running ? this.current : null;
  }

  /** Starts a refresh (or returns the one running) and resolves with its row once started. */
  async start(
    trigger: RefreshTrigger,
    requestedBy: string | null,
  ): Promise<{ run: RefreshRun; done: Promise<RefreshRun> }> {
    if (this.running && this.current) return { run: this.current, done: this.running };
    const { knex } = this.options;
    const asOf = new Date();
    const inserted = await knex.raw<{ rows: { id: string; started_at: Date }[] }>(
      `insert into extract_run (trigger, requested_by, started_at, as_of, status, progress)
       values (?, ?, now(), ?, 'RUNNING', '[]') returning id, started_at`,
      [trigger, requestedBy, asOf.toISOString()],
    );
    const run: RefreshRun = {
      id: String(inserted.rows[0].id),
      status: 'RUNNING',
      trigger,
      startedAt: new Date(inserted.rows[0].started_at).toISOString(),
      finishedAt: null,
      asOf: asOf.toISOString(),
      progress: EXTRACT_SOURCES.map((s) => ({ registry: s.name, records: 0, done: false })),
      message: null,
    };
    this.current = run;
    const done = this.execute(run).finally(() => {
      this.running = null;
    });
    this.running = done;
    return { run, done };
  }

  /** Runs a refresh to the end (the command line and the schedule). */
  async refresh(trigger: RefreshTrigger, requestedBy: string | null = null): Promise<RefreshRun> {
    return (await this.start(trigger, requestedBy)).done;
  }

  private async execute(run: RefreshRun): Promise<RefreshRun> {
    const { knex, log } = this.options;
    const started = Date.now();
    log.info({ run: run.id, trigger: run.trigger, asOf: run.asOf }, 'statistics refresh started');
    let status: RefreshRun['status'] = 'COMPLETE';
    let message: string | null = null;
    try {
      for (const progress of run.progress) {
        await this.extractOne(run, progress);
        progress.done = true;
        await knex.raw('update extract_run set progress = ?::jsonb where id = ?', [
          JSON.stringify(run.progress),
          run.id,
        ]);
      }
    } catch (error) {
      status = 'FAILED';
      message = (error as Error).message.slice(0, 1000);
      log.error({ run: run.id, err: error as Error }, 'statistics refresh failed; the previous extracts stay in use');
    }
    const finishedAt = new Date().toISOString();
    try {
      await knex.raw(
        'update extract_run set status = ?, finished_at = ?, progress = ?::jsonb, message = ? where id = ?',
        [status, finishedAt, JSON.stringify(run.progress), message, run.id],
      );
    } catch (error) {
      log.error({ run: run.id, err: error as Error }, 'statistics refresh: could not record how the run ended');
    }
    if (status === 'COMPLETE') {
      log.info(
        { run: run.id, seconds: Math.round((Date.now() - started) / 100) / 10, records: run.progress },
        'statistics refresh complete',
      );
      try {
        await this.options.onComplete?.();
      } catch (error) {
        log.error({ run: run.id, err: error as Error }, 'statistics refresh: the new tables could not be loaded');
      }
    }
    Object.assign(run, { status, finishedAt, message });
    return run;
  }

  private async extractOne(run: RefreshRun, progress: RefreshProgress): Promise<void> {
    const { knex, log } = this.options;
    // The source's name is what is stored (extract_source.registry); its registry is who is asked.
    const source = EXTRACT_SOURCES.find((s) => s.name === progress.registry)!;
    const name = source.name;
    const registry: RegistryName = source.registry;
    const target = `${STATISTICS_EXTRACT_ROUTE.prefix}${registry}?asOf=${encodeURIComponent(run.asOf)}${
      source.extract ? `&extract=${source.extract}` : ''
    }`;
    const token = await signServiceRoute(await this.options.signingKey(), {
      registry: STATISTICS_EXTRACT_ROUTE.caller,
      digest: routeDigest('GET', target),
      purpose: run.trigger === 'ON_DEMAND' ? ON_DEMAND_EXTRACT_PURPOSE : MONTHLY_EXTRACT_PURPOSE,
    });
    const url = new URL(target, this.options.gatewayUrl());
    const controller = new AbortController();
    const idle = this.options.timeoutMs ?? 60_000;
    let timer = setTimeout(() => controller.abort(), idle);
    let response: Response;
    try {
      response = await fetch(url, {
        headers: { [SERVICE_HEADER]: token },
        signal: controller.signal,
      });
    } catch (error) {
      clearTimeout(timer);
      throw new Error(`the ${registry} registry did not answer at ${url.origin} (${(error as Error).message})`);
    }
    if (response.status !== 200 || !response.body) {
      clearTimeout(timer);
      const text = (await response.text()).slice(0, 300);
      throw new Error(`the ${registry} registry refused the extract: HTTP ${response.status} ${text}`);
    }
    const body = response.body;
    const started = Date.now();
    await knex.transaction(async (trx) => {
      const writer = await ExtractWriter.begin(trx, name);
      // Created only now: readline drops lines that arrive before its iterator is read.
      const lines = createInterface({ input: Readable.fromWeb(body as never), crlfDelay: Infinity });
      let header: ExtractHeader | null = null;
      let trailer: { end: true; rows: number } | null = null;
      for await (const line of lines) {
        clearTimeout(timer);
        timer = setTimeout(() => controller.abort(), idle);
        if (line.length === 0) continue;
        const parsed = JSON.parse(line) as ExtractHeader | ExtractRecord | { end: true; rows: number };
        if (!header) {
          header = parsed as ExtractHeader;
          if (header.extract !== registry)
            throw new Error(`the ${registry} registry sent the extract of ${String(header.extract).slice(0, 40)}`);
          continue;
        }
        if ('end' in parsed) {
          trailer = parsed as { end: true; rows: number };
          break;
        }
        await writer.add(parsed as ExtractRecord);
        progress.records += 1;
        if (progress.records % PROGRESS_EVERY === 0) {
          log.info(
            {
              run: run.id,
              source: name,
              records: progress.records,
              seconds: Math.round((Date.now() - started) / 1000),
            },
            `statistics refresh: ${name} ${progress.records} records`,
          );
        }
      }
      clearTimeout(timer);
      await writer.flush();
      if (!trailer || trailer.rows !== writer.count) {
        throw new Error(`the ${name} extract ended early (${writer.count} records, no trailer); kept the previous one`);
      }
      await trx.raw(
        `insert into extract_source (registry, run_id, as_of, records) values (?, ?, ?, ?)
         on conflict (registry) do update set run_id = excluded.run_id, as_of = excluded.as_of, records = excluded.records`,
        [name, run.id, run.asOf, writer.count],
      );
    });
    log.info(
      { run: run.id, source: name, records: progress.records, seconds: Math.round((Date.now() - started) / 100) / 10 },
      `statistics refresh: ${name} extract stored`,
    );
  }
}

/** A refresh row as stored. */
export async function lastRun(knex: Knex): Promise<RefreshRun | null> {
  const result = await knex.raw<{
    rows: {
      id: string;
      status: RefreshRun['status'];
      trigger: RefreshTrigger;
      started_at: Date;
      finished_at: Date | null;
      as_of: Date;
      progress: RefreshProgress[];
      message: string | null;
    }[];
  }>('select * from extract_run order by id desc limit 1');
  const row = result.rows[0];
  if (!row) return null;
  return {
    id: String(row.id),
    status: row.status,
    trigger: row.trigger,
    startedAt: new Date(row.started_at).toISOString(),
    finishedAt: row.finished_at ? new Date(row.finished_at).toISOString() : null,
    asOf: new Date(row.as_of).toISOString(),
    progress: row.progress,
    message: row.message,
  };
}
