import type { Knex } from '@mikro-orm/postgresql';
import type { Logger } from '../logger';
import { accessLogAppendDuration, accessLogBatchRecords, accessLogBatchRequests } from '../telemetry/metrics';
import { appendAfterHead, appendToChain, type RecordContent, type StoredAccessRecord } from './chain';

/**
 * Group commit for one registry process: requests hand their records to `append`, and the
 * appender writes everything that arrived while the previous batch was being written in one
 * transaction (one chain-head lock, one multi-row insert, one commit). Each request's promise
 * settles once its batch is durable, so a response still leaves only after its records are
 * committed; a failed batch rejects every request in it (fail closed).
 *
 * At most one batch is in flight per process, so a quiet registry writes each request at once and a
 * busy one writes many requests per transaction instead of queueing on the head's row lock.
 * A batch is one statement (appendAfterHead) while the chain head is where this process left it,
 * and the locking transaction (appendToChain: read the head under its lock) otherwise: the first
 * batch, and after another process or a write's own transaction appended. Several processes of the
 * same registry on one database stay correct: either way the batch takes the head's row lock and
 * moves the head only from the position its records continue, which orders batches into one
 * linear chain.
 */

interface Waiting {
  records: RecordContent[];
  resolve(): void;
  reject(error: unknown): void;
}

export interface AppenderStats {
  /** Append transactions committed. */
  batches: number;
  /** Requests whose records were committed. */
  requests: number;
  records: number;
  /** Batches that failed (every request in them was refused its response). */
  failedBatches: number;
  /** The largest number of requests committed in one batch. */
  largestBatch: number;
}

/** Records in one transaction at most; a request's records are never split. */
const MAX_BATCH_RECORDS = 5000;

export class ChainAppender {
  private queue: Waiting[] = [];
  private writing = 0;
  private draining: Promise<void> | null = null;
  /** The chain head after this process's last committed batch; null when not known (start, failure). */
  private head: { seq: number; hash: string } | null = null;
  readonly stats: AppenderStats = { batches: 0, requests: 0, records: 0, failedBatches: 0, largestBatch: 0 };

  constructor(
    private readonly knex: Knex,
    private readonly log: Logger,
    /** Told the last record of each committed batch (the checkpointer counts from it). */
    private readonly onCommitted: (last: { seq: number; hash: string }) => void = () => {},
    /** The registry, for the metrics. */
    private readonly registry = 'unknown',
    /** Told the records of each committed batch (the unusual-reading watch). */
    private readonly onRecords: (records: RecordContent[]) => void = () => {},
  ) {}

  /** Resolves once `records` are committed in the chain; rejects if their batch could not be written. */
  append(records: RecordContent[]): Promise<void> {
    if (records.length === 0) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ records, resolve, reject });
      this.draining ??= this.drain().finally(() => {
        this.draining = null;
      });
    });
  }

  /** Requests waiting for a batch that has not started yet (tests and monitoring). */
  get waiting(): number {
    return this.queue.length;
  }

  /** Requests in the batch being written now. */
  get inFlight(): number {
    return this.writing;
  }

  /** Resolves when everything handed to the appender so far has been written or refused. */
  async idle(): Promise<void> {
    while (this.draining) await this.draining;
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.takeBatch();
      const records = batch.flatMap((w) => w.records);
      let stored;
      this.writing = batch.length;
      const started = performance.now();
      try {
        stored = await this.write(records);
        accessLogAppendDuration.observe(
          { registry: this.registry, outcome: 'committed' },
          (performance.now() - started) / 1000,
        );
        accessLogBatchRecords.observe({ registry: this.registry }, records.length);
        accessLogBatchRequests.observe({ registry: this.registry }, batch.length);
        this.stats.batches += 1;
        this.stats.requests += batch.length;
        this.stats.records += records.length;
        this.stats.largestBatch = Math.max(this.stats.largestBatch, batch.length);
        for (const waiting of batch) waiting.resolve();
      } catch (error) {
        accessLogAppendDuration.observe(
          { registry: this.registry, outcome: 'failed' },
          (performance.now() - started) / 1000,
        );
        this.stats.failedBatches += 1;
        this.log.error(
          { err: error as Error, requests: batch.length, requestIds: [...new Set(records.map((r) => r.requestId))] },
          'access log batch could not be written; the responses of every request in it are withheld',
        );
        this.head = null;
        for (const waiting of batch) waiting.reject(error);
        continue;
      } finally {
        this.writing = 0;
      }
      const last = stored.at(-1)!;
      try {
        this.onRecords(records);
      } catch (error) {
        this.log.error({ err: error as Error }, 'after an access log batch: the unusual-reading watch failed');
      }
      try {
        this.onCommitted({ seq: last.seq, hash: last.hash });
      } catch (error) {
        this.log.error({ err: error as Error }, 'after an access log batch: the checkpoint could not be scheduled');
      }
    }
  }

  /** One batch, committed: after the known head in one statement, else under the head's lock. */
  private async write(records: RecordContent[]): Promise<StoredAccessRecord[]> {
    const stored =
      (this.head && (await appendAfterHead(this.knex, this.head, records))) ??
      (await this.knex.transaction((trx) => appendToChain(trx, records)));
    const last = stored.at(-1)!;
    this.head = { seq: last.seq, hash: last.hash };
    return stored;
  }

  private takeBatch(): Waiting[] {
    let count = 0;
    let taken = 0;
    while (
      taken < this.queue.length &&
      (taken === 0 || count + this.queue[taken].records.length <= MAX_BATCH_RECORDS)
    ) {
      count += this.queue[taken].records.length;
      taken += 1;
    }
    return this.queue.splice(0, taken);
  }
}
