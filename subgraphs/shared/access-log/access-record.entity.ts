import { defineEntity, p, type InferEntity } from '@mikro-orm/postgresql';

/**
 * One access to one person's data in this registry, within one request. Append-only (a trigger
 * refuses UPDATE, DELETE and TRUNCATE) and hash-chained: `hash` covers the record and `prevHash`,
 * the hash of the record before it, so removing or editing any record breaks the chain.
 */
export const AccessRecordSchema = defineEntity({
  name: 'AccessRecord',
  tableName: 'access_record',
  properties: {
    seq: p.bigint('number').primary().autoincrement(false).comment('Position in the hash chain, gapless'),
    id: p.uuid().unique(),
    at: p.datetime(),
    registry: p.string().length(40),
    action: p.enum(['read', 'write']),
    outcome: p.enum(['granted', 'denied']),
    actorSub: p.string().length(100).nullable(),
    actorRole: p.string().length(20).nullable(),
    actorDept: p.string().length(40).nullable(),
    purpose: p.string().length(200).nullable(),
    subjectId: p.uuid(),
    fields: p.array(),
    operationName: p.string().length(200).nullable(),
    requestId: p.string().length(64),
    prevHash: p.string().length(64),
    hash: p.string().length(64),
  },
  // The data tracker asks "newest first, for this person" and "newest first, by this actor".
  indexes: [
    {
      name: 'access_record_subject_seq_idx',
      expression:
        'create index "access_record_subject_seq_idx" on "access_record" ("subject_id", "at" desc, "seq" desc)',
    },
    {
      name: 'access_record_actor_seq_idx',
      expression: 'create index "access_record_actor_seq_idx" on "access_record" ("actor_sub", "at" desc, "seq" desc)',
    },
  ],
});
export type AccessRecord = InferEntity<typeof AccessRecordSchema>;

/** The head of the chain: the last record's position and hash. Appends lock this single row. */
export const AccessChainSchema = defineEntity({
  name: 'AccessChain',
  tableName: 'access_chain',
  checks: [{ name: 'access_chain_single_row', expression: 'id = 1' }],
  properties: {
    id: p.smallint().primary().autoincrement(false),
    lastSeq: p.bigint('number'),
    lastHash: p.string().length(64),
  },
});
export type AccessChain = InferEntity<typeof AccessChainSchema>;
