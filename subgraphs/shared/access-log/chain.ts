import { createHash, randomUUID } from 'node:crypto';
import type { Knex } from '@mikro-orm/postgresql';
import { rawBindings } from '../sql';
import type { Caller } from '../identity';

/**
 * The hash chain behind every registry's access log. Appends take a row lock on the chain head, so
 * concurrent requests are serialised and the chain stays linear; verification walks it in order.
 */

export const GENESIS_HASH = '0'.repeat(64);

export type AccessAction = 'read' | 'write';
export type AccessOutcome = 'granted' | 'denied';

/** What one access record says, before it is placed in the chain. */
export interface AccessEntry {
  action: AccessAction;
  outcome: AccessOutcome;
  subjectId: string;
  fields: string[];
}

/** A stored access record as read back from the database. */
export interface StoredAccessRecord {
  seq: number;
  id: string;
  at: string;
  registry: string;
  action: AccessAction;
  outcome: AccessOutcome;
  actorSub: string | null;
  actorRole: string | null;
  actorDept: string | null;
  purpose: string | null;
  subjectId: string;
  fields: string[];
  operationName: string | null;
  requestId: string;
  prevHash: string;
  hash: string;
}

/** The hash of a record: SHA-256 over its fields in a fixed order, including the previous hash. */
export function recordHash(record: Omit<StoredAccessRecord, 'hash'>): string {
  const canonical = JSON.stringify([
    record.seq,
    record.id,
    record.at,
    record.registry,
    record.action,
    record.outcome,
    record.actorSub,
    record.actorRole,
    record.actorDept,
    record.purpose,
    record.subjectId,
    record.fields,
    record.operationName,
    record.requestId,
    record.prevHash,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

/**
 * Appends entries to the chain inside `trx` (which the caller commits). Five statements however
 * many entries: lock the head, insert all rows with one unnest, move the head.
 */
export async function appendToChain(
  trx: Knex.Transaction,
  registry: string,
  caller: Caller,
  entries: AccessEntry[],
): Promise<StoredAccessRecord[]> {
  if (entries.length === 0) return [];
  const head = await trx.raw<{ rows: { last_seq: string; last_hash: string }[] }>(
    'select last_seq, last_hash from access_chain where id = 1 for update',
  );
  if (head.rows.length === 0) throw new Error('access_chain has no head row; the access log migration did not run');
  let seq = Number(head.rows[0].last_seq);
  let prevHash = head.rows[0].last_hash;
  const at = new Date().toISOString();
  const records: StoredAccessRecord[] = entries.map((entry) => {
    seq += 1;
    const unsigned = {
      seq,
      id: randomUUID(),
      at,
      registry,
      action: entry.action,
      outcome: entry.outcome,
      actorSub: caller.identity?.sub ?? null,
      actorRole: caller.identity?.role ?? null,
      actorDept: caller.identity?.dept ?? null,
      purpose: caller.purpose,
      subjectId: entry.subjectId,
      fields: [...entry.fields].sort(),
      operationName: caller.operationName,
      requestId: caller.requestId,
      prevHash,
    };
    const record = { ...unsigned, hash: recordHash(unsigned) };
    prevHash = record.hash;
    return record;
  });
  const column = <K extends keyof StoredAccessRecord>(key: K) => records.map((r) => r[key]);
  await trx.raw(
    `insert into access_record (seq, id, at, registry, action, outcome, actor_sub, actor_role, actor_dept, purpose,
       subject_id, fields, operation_name, request_id, prev_hash, hash)
     select seq, id, at, registry, action, outcome, actor_sub, actor_role, actor_dept, purpose,
       subject_id, string_to_array(fields, ','), operation_name, request_id, prev_hash, hash
     from unnest(?::bigint[], ?::uuid[], ?::timestamptz[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
       ?::text[], ?::text[], ?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
       as t(seq, id, at, registry, action, outcome, actor_sub, actor_role, actor_dept, purpose,
       subject_id, fields, operation_name, request_id, prev_hash, hash)`,
    rawBindings([
      column('seq'),
      column('id'),
      column('at'),
      column('registry'),
      column('action'),
      column('outcome'),
      column('actorSub'),
      column('actorRole'),
      column('actorDept'),
      column('purpose'),
      column('subjectId'),
      records.map((r) => r.fields.join(',')),
      column('operationName'),
      column('requestId'),
      column('prevHash'),
      column('hash'),
    ]),
  );
  await trx.raw('update access_chain set last_seq = ?, last_hash = ? where id = 1', [seq, prevHash]);
  return records;
}

export const RECORD_COLUMNS = `seq, id, to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as at, registry,
  action, outcome, actor_sub as "actorSub", actor_role as "actorRole", actor_dept as "actorDept", purpose,
  subject_id as "subjectId", fields, operation_name as "operationName", request_id as "requestId",
  prev_hash as "prevHash", hash`;

/** A break found while verifying a chain. */
export interface ChainBreak {
  seq: number;
  problem: string;
}

/**
 * Walks the whole chain in order (in pages, so memory stays flat) and reports every break:
 * a missing position, a record whose hash does not match its content, a wrong link, or a head
 * that does not point at the last record.
 */
export async function verifyChain(
  knex: Knex,
  onProgress?: (checked: number) => void,
): Promise<{ checked: number; breaks: ChainBreak[] }> {
  const breaks: ChainBreak[] = [];
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let checked = 0;
  const pageSize = 5000;
  for (;;) {
    const page = await knex.raw<{ rows: (Omit<StoredAccessRecord, 'seq'> & { seq: string })[] }>(
      `select ${RECORD_COLUMNS} from access_record where seq >= ? order by seq limit ?`,
      [expectedSeq, pageSize],
    );
    for (const row of page.rows) {
      const record: StoredAccessRecord = { ...row, seq: Number(row.seq) };
      if (record.seq !== expectedSeq) {
        // The link after a gap cannot match; the gap is the finding.
        breaks.push({ seq: expectedSeq, problem: `records ${expectedSeq} to ${record.seq - 1} are missing` });
      } else if (record.prevHash !== prevHash) {
        breaks.push({ seq: record.seq, problem: 'prev_hash does not match the hash of the record before it' });
      }
      const { hash, ...unsigned } = record;
      if (recordHash(unsigned) !== hash) {
        breaks.push({ seq: record.seq, problem: 'content does not match its hash (the record was altered)' });
      }
      prevHash = hash;
      expectedSeq = record.seq + 1;
      checked += 1;
    }
    onProgress?.(checked);
    if (page.rows.length < pageSize) break;
  }
  const head = await knex.raw<{ rows: { last_seq: string; last_hash: string }[] }>(
    'select last_seq, last_hash from access_chain where id = 1',
  );
  const last = head.rows[0];
  if (!last) {
    breaks.push({ seq: expectedSeq, problem: 'the chain head row is missing' });
  } else if (Number(last.last_seq) !== expectedSeq - 1 || last.last_hash !== prevHash) {
    breaks.push({
      seq: Number(last.last_seq),
      problem: `the chain head says the last record is ${last.last_seq} but the log ends at ${expectedSeq - 1}`,
    });
  }
  return { checked, breaks };
}
