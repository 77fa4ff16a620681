import { defineEntity, p, type InferEntity } from '@mikro-orm/postgresql';

export const OUTBOX_STATES = ['PENDING', 'DELIVERED', 'FAILED'] as const;
export type OutboxState = (typeof OUTBOX_STATES)[number];

/**
 * A transactional outbox row: an instruction to cause an effect in another registry, written in
 * the same transaction as the decision that calls for it (so both commit or neither does), and
 * delivered afterwards by the OutboxWorker until the other registry confirms. A registry that
 * needs one lists this entity among its own (each registry's outbox lives in its own database).
 */
export const OutboxMessageSchema = defineEntity({
  name: 'OutboxMessage',
  tableName: 'outbox_message',
  indexes: [{ name: 'outbox_message_due_idx', properties: ['state', 'nextAttemptAt'] }],
  properties: {
    id: p.bigint('number').primary().autoincrement(),
    /** What to do, e.g. certificate.issue-minimum-allowance: which handler delivers it. */
    kind: p.string().length(60),
    /** Unique per effect: the receiving side deduplicates by it (a repeat answers the first result). */
    idempotencyKey: p.string().length(200).unique('outbox_message_idempotency_key_unique'),
    /** What the handler needs, as written with the decision. */
    payload: p.json<Record<string, unknown>>(),
    state: p.enum([...OUTBOX_STATES]),
    attempts: p.integer(),
    createdAt: p.datetime(),
    nextAttemptAt: p.datetime(),
    /** A worker that claimed it holds it until then (another worker takes it over afterwards). */
    lockedUntil: p.datetime().nullable(),
    lastError: p.string().length(500).nullable(),
    deliveredAt: p.datetime().nullable(),
    /** What the receiving registry answered (e.g. the certificate's id and number). */
    result: p.json<Record<string, unknown>>().nullable(),
  },
});

export type OutboxMessage = InferEntity<typeof OutboxMessageSchema>;
