import { defineEntity, p, type InferEntity } from '@mikro-orm/postgresql';
import { ACCESS_ACTIONS, ACCESS_OUTCOMES, RECORD_LIMITS } from './chain';

/**
 * One access to one person's data in this registry, within one request: a read, a refused read, a
 * write attempt and its outcome. Append-only (a trigger refuses UPDATE, DELETE and TRUNCATE) and
 * hash-chained: `hash` covers the record and `prevHash`, the hash of the record before it, so
 * removing or editing any record breaks the chain (see chain.ts for what the hash covers).
 */
export const AccessRecordSchema = defineEntity({
  name: 'AccessRecord',
  tableName: 'access_record',
  properties: {
    seq: p.bigint('number').primary().autoincrement(false).comment('Position in the hash chain, gapless'),
    format: p.smallint().comment('Record format, which decides what the hash covers (chain.ts)'),
    id: p.uuid().unique(),
    at: p.datetime(),
    registry: p.string().length(RECORD_LIMITS.registry),
    action: p.enum([...ACCESS_ACTIONS]),
    outcome: p.enum([...ACCESS_OUTCOMES]),
    actorSub: p.string().length(RECORD_LIMITS.actorSub).nullable(),
    actorRole: p.string().length(RECORD_LIMITS.actorRole).nullable(),
    actorDept: p.string().length(RECORD_LIMITS.actorDept).nullable(),
    purpose: p.string().length(RECORD_LIMITS.purpose).nullable(),
    /** Null when the identifier the caller used matched no one (auditors still see the attempt). */
    subjectId: p.uuid().nullable(),
    identifier: p
      .string()
      .length(RECORD_LIMITS.identifier)
      .nullable()
      .comment('The identifier the caller named the data by, as argument=value'),
    fields: p.array(),
    operationName: p.string().length(RECORD_LIMITS.operationName).nullable(),
    requestId: p.string().length(RECORD_LIMITS.requestId),
    via: p
      .string()
      .length(RECORD_LIMITS.via)
      .nullable()
      .comment('The registry that made a delegated call on the caller’s behalf'),
    prevHash: p.string().length(64),
    hash: p.string().length(64),
    grantId: p.uuid().nullable().comment('The citizen’s consent grant the access was made under (format 3)'),
  },
  // The data tracker reads newest first: everything, or for one person, actor, department or outcome.
  indexes: [
    {
      name: 'access_record_at_seq_idx',
      expression: 'create index "access_record_at_seq_idx" on "access_record" ("at" desc, "seq" desc)',
    },
    {
      name: 'access_record_subject_seq_idx',
      expression:
        'create index "access_record_subject_seq_idx" on "access_record" ("subject_id", "at" desc, "seq" desc)',
    },
    {
      name: 'access_record_actor_seq_idx',
      expression: 'create index "access_record_actor_seq_idx" on "access_record" ("actor_sub", "at" desc, "seq" desc)',
    },
    {
      name: 'access_record_dept_seq_idx',
      expression: 'create index "access_record_dept_seq_idx" on "access_record" ("actor_dept", "at" desc, "seq" desc)',
    },
    {
      name: 'access_record_outcome_seq_idx',
      expression: 'create index "access_record_outcome_seq_idx" on "access_record" ("outcome", "at" desc, "seq" desc)',
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

/**
 * An unusual-reading alert (alerts.ts): an officer who read more distinct people in an hour than
 * the department's threshold. Append-only like the log. Every registry has it (openRegistryOrm adds
 * it and its migration to each registry's own).
 */
export const AccessAlertSchema = defineEntity({
  name: 'AccessAlert',
  tableName: 'access_alert',
  comment: 'Officers who read unusually many distinct people in an hour (alerts.ts)',
  properties: {
    id: p.uuid().primary(),
    raisedAt: p.datetime(),
    registry: p.string().length(40),
    actorSub: p.string().length(100),
    actorDept: p.string().length(40).nullable(),
    people: p.integer(),
    threshold: p.integer(),
    windowStart: p.datetime(),
    windowEnd: p.datetime(),
  },
  indexes: [
    {
      name: 'access_alert_raised_idx',
      expression: 'create index "access_alert_raised_idx" on "access_alert" ("raised_at" desc, "id" desc)',
    },
    {
      name: 'access_alert_actor_idx',
      expression: 'create index "access_alert_actor_idx" on "access_alert" ("actor_sub", "raised_at" desc)',
    },
  ],
});
export type AccessAlert = InferEntity<typeof AccessAlertSchema>;

/**
 * The people an access record covers when it covers many (a statistics extract batch, members.ts):
 * its count and digest are in the record's identifier. Append-only like the log. Every registry has
 * it (openRegistryOrm adds it and its migration to each registry's own).
 */
export const AccessRecordMemberSchema = defineEntity({
  name: 'AccessRecordMember',
  tableName: 'access_record_member',
  comment:
    'The people an access record covers (a statistics extract batch); its identifier holds their count and digest (members.ts)',
  properties: {
    recordSeq: p.bigint('number').primary(),
    memberId: p.uuid().primary(),
  },
  indexes: [{ name: 'access_record_member_member_idx', properties: ['memberId', 'recordSeq'] }],
});
export type AccessRecordMember = InferEntity<typeof AccessRecordMemberSchema>;
