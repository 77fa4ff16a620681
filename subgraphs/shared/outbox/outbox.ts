import type { Knex } from '@mikro-orm/postgresql';
import type { Logger } from '../logger';
import { runInBackground } from '../telemetry/request-scope';
import type { OutboxState } from './outbox.entity';

/**
 * The transactional outbox: `enqueue` writes an instruction inside the transaction of the decision
 * that calls for it; an OutboxWorker delivers due instructions with the handler for their kind,
 * retrying with exponential backoff until the receiver confirms. Delivery is at least once, so each
 * instruction carries an idempotency key the receiving registry deduplicates by (a repeated
 * delivery gets the first answer, never a second effect).
 */

export interface OutboxEntry {
  kind: string;
  idempotencyKey: string;
  payload: Record<string, unknown>;
}

/** A stored instruction, as a handler and readers see it. */
export interface OutboxRow {
  id: number;
  kind: string;
  idempotencyKey: string;
  payload: Record<string, unknown>;
  state: OutboxState;
  attempts: number;
  createdAt: Date;
  nextAttemptAt: Date;
  lastError: string | null;
  deliveredAt: Date | null;
  result: Record<string, unknown> | null;
}

const COLUMNS = `id::int as id, kind, idempotency_key as "idempotencyKey", payload, state, attempts, created_at as "createdAt",
  next_attempt_at as "nextAttemptAt", last_error as "lastError", delivered_at as "deliveredAt", result`;

/**
 * Writes an instruction in `trx`, the transaction of the decision. The same idempotency key again
 * (a decision repeated) adds nothing.
 */
export async function enqueue(trx: Knex.Transaction, entry: OutboxEntry): Promise<void> {
  await trx.raw(
    `insert into outbox_message (kind, idempotency_key, payload, state, attempts, created_at, next_attempt_at)
     values (?, ?, ?::jsonb, 'PENDING', 0, now(), now()) on conflict (idempotency_key) do nothing`,
    [entry.kind, entry.idempotencyKey, JSON.stringify(entry.payload)],
  );
}

/** Instructions by idempotency key (what became of them). */
export async function outboxByKeys(knex: Knex, keys: readonly string[]): Promise<OutboxRow[]> {
  if (keys.length === 0) return [];
  const { rows } = await knex.raw<{ rows: OutboxRow[] }>(
    `select ${COLUMNS} from outbox_message where idempotency_key = any(?::text[])`,
    [keys as unknown as Knex.RawBinding],
  );
  return rows;
}

/** A delivery that failed for good (the receiver refused the instruction as invalid): not retried. */
export class PermanentDeliveryError extends Error {}

export type OutboxHandler = (row: OutboxRow) => Promise<Record<string, unknown>>;

export interface OutboxWorkerOptions {
  knex: Knex;
  log: Logger;
  handlers: Record<string, OutboxHandler>;
  /** How often to look for due instructions when nothing nudges the worker (default 1000 ms). */
  pollMs?: number;
  /** First retry delay; doubled per attempt up to maxBackoffMs (defaults 500 ms and 60 s). */
  baseBackoffMs?: number;
  maxBackoffMs?: number;
  /** How long a claimed instruction stays claimed (default 30 s). */
  leaseMs?: number;
  /** Instructions claimed per round (default 20). */
  batchSize?: number;
}

/**
 * Delivers a registry's outbox: claims due rows (`for update skip locked`, so several replicas
 * share the work without taking the same row), runs the handler outside any transaction, then
 * records the outcome. A failure is retried after an exponential backoff with jitter; a
 * PermanentDeliveryError marks the row FAILED for an operator to look at.
 */
export class OutboxWorker {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;
  private stopped = true;

  constructor(private readonly options: OutboxWorkerOptions) {}

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running?.catch(() => undefined);
  }

  /** Looks for due work now (after a decision committed an instruction). */
  nudge(): void {
    if (!this.stopped && !this.running) this.schedule(0);
  }

  /** Runs rounds until no instruction is due now; returns how many were delivered. For tests and tools. */
  async drain(): Promise<number> {
    let delivered = 0;
    for (;;) {
      await this.running?.catch(() => undefined);
      const round = await this.round();
      delivered += round.delivered;
      if (round.claimed === 0) return delivered;
    }
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    // Delivery is the registry's own work, even when a request's decision nudged it: it runs
    // outside that request's scope (its logs, its statement count).
    this.timer = runInBackground(() =>
      setTimeout(() => {
        this.timer = null;
        this.running = this.round()
          .then((r) => r.claimed)
          .catch((error: unknown) => {
            this.options.log.error({ err: error }, 'outbox round failed; trying again shortly');
            return 0;
          })
          .finally(() => {
            this.running = null;
          });
        void this.running.then((claimed) => this.schedule(claimed > 0 ? 0 : (this.options.pollMs ?? 1000)));
      }, ms),
    );
    this.timer.unref?.();
  }

  private async round(): Promise<{ claimed: number; delivered: number }> {
    const { knex, log, handlers } = this.options;
    const { rows } = await knex.raw<{ rows: OutboxRow[] }>(
      `update outbox_message set locked_until = now() + (? * interval '1 millisecond')
        where id in (select id from outbox_message
                      where state = 'PENDING' and next_attempt_at <= now() and (locked_until is null or locked_until < now())
                      order by id limit ? for update skip locked)
        returning ${COLUMNS}`,
      [this.options.leaseMs ?? 30_000, this.options.batchSize ?? 20],
    );
    let delivered = 0;
    for (const row of rows) {
      const handler = handlers[row.kind];
      try {
        if (!handler) throw new PermanentDeliveryError(`no handler for outbox kind ${row.kind}`);
        const result = await handler(row);
        await knex.raw(
          `update outbox_message set state = 'DELIVERED', attempts = attempts + 1, delivered_at = now(), result = ?::jsonb,
             locked_until = null, last_error = null where id = ?`,
          [JSON.stringify(result), row.id],
        );
        delivered += 1;
        log.info(
          { kind: row.kind, key: row.idempotencyKey, attempts: row.attempts + 1 },
          'outbox instruction delivered',
        );
      } catch (error) {
        const message = (error instanceof Error ? error.message : String(error)).slice(0, 500);
        if (error instanceof PermanentDeliveryError) {
          await knex.raw(
            `update outbox_message set state = 'FAILED', attempts = attempts + 1, last_error = ?, locked_until = null where id = ?`,
            [message, row.id],
          );
          log.error(
            { kind: row.kind, key: row.idempotencyKey, reason: message },
            'outbox instruction refused for good; an operator must look at it',
          );
          continue;
        }
        const delay = this.backoff(row.attempts + 1);
        await knex.raw(
          `update outbox_message set attempts = attempts + 1, last_error = ?, locked_until = null,
             next_attempt_at = now() + (? * interval '1 millisecond') where id = ?`,
          [message, delay, row.id],
        );
        log.warn(
          { kind: row.kind, key: row.idempotencyKey, attempts: row.attempts + 1, retryInMs: delay, reason: message },
          'outbox instruction not delivered; it will be retried',
        );
      }
    }
    return { claimed: rows.length, delivered };
  }

  private backoff(attempts: number): number {
    const base = this.options.baseBackoffMs ?? 500;
    const max = this.options.maxBackoffMs ?? 60_000;
    const exponential = Math.min(max, base * 2 ** Math.min(attempts - 1, 20));
    return Math.round(exponential / 2 + Math.random() * (exponential / 2));
  }
}
