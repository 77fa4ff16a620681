import { createHash, randomUUID } from 'node:crypto';
import type { Knex } from '@mikro-orm/postgresql';
import { rawBindings } from '../sql';
import type { Caller } from '../identity';

/**
 * The hash chain behind every registry's access log: the record format, its hash, appending in
 * one transaction under the chain head's row lock (so the chain stays linear across processes),
 * and verification in order.
 */

export const GENESIS_HASH = '0'.repeat(64);

/**
 * The format records are written in. Format 1 (before `identifier` and `via` existed) and format 2
 * (before `grant_id`) are still verified with their own hash; everything new is format 3.
 */
export const RECORD_FORMAT = 3;

export type AccessAction = 'read' | 'write';

/**
 * - granted: the data was read, or the write was made;
 * - denied: the permission rules refused the caller;
 * - rejected: the caller was allowed to try, but the input was refused (BAD_USER_INPUT), e.g. an
 *   ID number already registered to another name; nothing was written;
 * - unchanged: a write that repeated one already made (an idempotent repeat); nothing was written.
 */
export const ACCESS_OUTCOMES = ['granted', 'denied', 'rejected', 'unchanged'] as const;
export type AccessOutcome = (typeof ACCESS_OUTCOMES)[number];
export const ACCESS_ACTIONS = ['read', 'write'] as const;

/** Column widths of access_record, which every record is clamped to before it is hashed. */
export const RECORD_LIMITS = {
  registry: 40,
  actorSub: 100,
  actorRole: 20,
  actorDept: 40,
  purpose: 200,
  identifier: 200,
  operationName: 200,
  requestId: 64,
  via: 40,
} as const;

/** What one access record says about the access, before it is placed in the chain. */
export interface AccessEntry {
  action: AccessAction;
  outcome: AccessOutcome;
  /** Whose data; null when the identifier the caller used matches no one. */
  subjectId: string | null;
  fields: string[];
  /** The identifier the caller used to reach the data, as `argument=value` (e.g. `idNumber=5101...`). */
  identifier?: string | null;
  /** The citizen's consent grant the read was made under (an officer without the scope); null otherwise. */
  grantId?: string | null;
}

/** A record's content: the access and who asked, everything but its place in the chain. */
export interface RecordContent {
  id: string;
  registry: string;
  action: AccessAction;
  outcome: AccessOutcome;
  actorSub: string | null;
  actorRole: string | null;
  actorDept: string | null;
  purpose: string | null;
  subjectId: string | null;
  identifier: string | null;
  fields: string[];
  operationName: string | null;
  requestId: string;
  via: string | null;
  /** The consent grant the access was made under (format 3), or null. */
  grantId: string | null;
}

/** A stored access record as read back from the database. */
export interface StoredAccessRecord extends RecordContent {
  seq: number;
  format: number;
  at: string;
  prevHash: string;
  hash: string;
}

/** The record content of an entry made for a caller, clamped to the column widths. */
export function recordContent(registry: string, caller: Caller, entry: AccessEntry): RecordContent {
  return {
    id: randomUUID(),
    registry: clamp(registry, RECORD_LIMITS.registry)!,
    action: entry.action,
    outcome: entry.outcome,
    actorSub: clamp(caller.identity?.sub ?? null, RECORD_LIMITS.actorSub),
    actorRole: clamp(caller.identity?.role ?? null, RECORD_LIMITS.actorRole),
    actorDept: clamp(caller.identity?.dept ?? null, RECORD_LIMITS.actorDept),
    purpose: clamp(caller.purpose, RECORD_LIMITS.purpose),
    subjectId: entry.subjectId,
    identifier: clamp(entry.identifier ?? null, RECORD_LIMITS.identifier),
    fields: [...new Set(entry.fields)].sort(),
    operationName: clamp(caller.operationName, RECORD_LIMITS.operationName),
    requestId: clamp(caller.requestId, RECORD_LIMITS.requestId)!,
    via: clamp(caller.via, RECORD_LIMITS.via),
    grantId: entry.grantId ?? null,
  };
}

/**
 * Text as PostgreSQL can store it in a column of `max` characters: control characters (NUL
 * included, which PostgreSQL refuses) become U+FFFD and an over-long value is cut with an ellipsis.
 * One caller's odd value must never make a batch of other callers' records fail.
 */
export function clamp(value: string | null, max: number): string | null {
  if (value === null) return null;
  // eslint-disable-next-line no-control-regex
  const clean = value.replace(/[\u0000-\u001f\u007f]/g, '\uFFFD');
  const characters = [...clean];
  return characters.length <= max ? clean : `${characters.slice(0, max - 1).join('')}…`;
}

/** The hash of a record: SHA-256 over its fields in a fixed order (per format), including the previous hash. */
export function recordHash(record: Omit<StoredAccessRecord, 'hash'>): string {
  const canonical =
    record.format === 1
      ? [
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
        ]
      : [
          record.format,
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
          record.identifier,
          record.fields,
          record.operationName,
          record.requestId,
          record.via,
          ...(record.format >= 3 ? [record.grantId] : []),
          record.prevHash,
        ];
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}

/** The records `contents` become when appended after `head`: positions and hashes, in order. */
function chained(contents: RecordContent[], head: { seq: number; hash: string }): StoredAccessRecord[] {
  let seq = head.seq;
  let prevHash = head.hash;
  const at = new Date().toISOString();
  return contents.map((content) => {
    seq += 1;
    const unsigned = { ...content, seq, format: RECORD_FORMAT, at, prevHash };
    const record = { ...unsigned, hash: recordHash(unsigned) };
    prevHash = record.hash;
    return record;
  });
}

/** The rows of `records`, as one `select ... from unnest(...)` and its bindings. */
const RECORD_ROWS = `select seq, format, id, at, registry, action, outcome, actor_sub, actor_role, actor_dept,
       purpose, subject_id, identifier, array(select jsonb_array_elements_text(fields)), operation_name, request_id,
       via, prev_hash, hash, grant_id
     from unnest(?::bigint[], ?::smallint[], ?::uuid[], ?::timestamptz[], ?::text[], ?::text[], ?::text[], ?::text[],
       ?::text[], ?::text[], ?::text[], ?::uuid[], ?::text[], ?::jsonb[], ?::text[], ?::text[], ?::text[], ?::text[],
       ?::text[], ?::uuid[])
       as t(seq, format, id, at, registry, action, outcome, actor_sub, actor_role, actor_dept,
       purpose, subject_id, identifier, fields, operation_name, request_id, via, prev_hash, hash, grant_id)`;

const INSERT_RECORDS = `insert into access_record (seq, format, id, at, registry, action, outcome, actor_sub, actor_role,
       actor_dept, purpose, subject_id, identifier, fields, operation_name, request_id, via, prev_hash, hash, grant_id)`;

function recordBindings(records: StoredAccessRecord[]): unknown[] {
  const column = <K extends keyof StoredAccessRecord>(key: K) => records.map((r) => r[key]);
  return [
    column('seq'),
    column('format'),
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
    column('identifier'),
    records.map((r) => JSON.stringify(r.fields)),
    column('operationName'),
    column('requestId'),
    column('via'),
    column('prevHash'),
    column('hash'),
    column('grantId'),
  ];
}

/**
 * Appends records to the chain inside `trx` (which the caller commits): lock the head, insert all
 * rows with one multi-row insert, move the head. Three statements however many records.
 */
export async function appendToChain(trx: Knex.Transaction, contents: RecordContent[]): Promise<StoredAccessRecord[]> {
  if (contents.length === 0) return [];
  const head = await trx.raw<{ rows: { last_seq: string; last_hash: string }[] }>(
    'select last_seq, last_hash from access_chain where id = 1 for update',
  );
  if (head.rows.length === 0) throw new Error('access_chain has no head row; the access log migration did not run');
  const records = chained(contents, { seq: Number(head.rows[0].last_seq), hash: head.rows[0].last_hash });
  await trx.raw(`${INSERT_RECORDS} ${RECORD_ROWS}`, rawBindings(recordBindings(records)));
  const last = records.at(-1)!;
  await trx.raw('update access_chain set last_seq = ?, last_hash = ? where id = 1', [last.seq, last.hash]);
  return records;
}

/**
 * Appends records after `head`, the chain head as this process last left it, in ONE statement
 * (its own transaction): it moves the head only if the head is still exactly `head` (taking the
 * head's row lock, as appendToChain does, so appends stay in one linear order), and inserts the
 * rows only if it moved it. Returns the records when they are committed, or null when the head
 * had moved (another process, or a write recorded in its own transaction, appended since): nothing
 * was written then, and the caller appends with appendToChain, which reads the head under its lock.
 * One round trip instead of five (begin, lock, insert, move, commit) for a busy registry's batches.
 */
export async function appendAfterHead(
  knex: Knex,
  head: { seq: number; hash: string },
  contents: RecordContent[],
): Promise<StoredAccessRecord[] | null> {
  if (contents.length === 0) return [];
  const records = chained(contents, head);
  const last = records.at(-1)!;
  const result = await knex.raw<{ rowCount: number }>(
    `with moved as (
       update access_chain set last_seq = ?, last_hash = ? where id = 1 and last_seq = ? and last_hash = ? returning id
     )
     ${INSERT_RECORDS} ${RECORD_ROWS} where exists (select 1 from moved)`,
    rawBindings([last.seq, last.hash, head.seq, head.hash, ...recordBindings(records)]),
  );
  if (result.rowCount === records.length) return records;
  if (result.rowCount === 0) return null;
  // Cannot happen (one statement inserts every row or none); refuse rather than guess.
  throw new Error(`access log append inserted ${result.rowCount} of ${records.length} records`);
}

export const RECORD_COLUMNS = `seq, format, id, to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as at,
  registry, action, outcome, actor_sub as "actorSub", actor_role as "actorRole", actor_dept as "actorDept", purpose,
  subject_id as "subjectId", identifier, fields, operation_name as "operationName", request_id as "requestId", via,
  prev_hash as "prevHash", hash, grant_id as "grantId"`;

type RecordRow = Omit<StoredAccessRecord, 'seq'> & { seq: string };

/** A row as the database returns it, typed. */
export function storedRecord(row: RecordRow): StoredAccessRecord {
  return { ...row, seq: Number(row.seq) };
}

/** The chain head: the last record's position and hash. */
export async function readChainHead(knex: Knex): Promise<{ seq: number; hash: string } | null> {
  const head = await knex.raw<{ rows: { last_seq: string; last_hash: string }[] }>(
    'select last_seq, last_hash from access_chain where id = 1',
  );
  const row = head.rows[0];
  return row ? { seq: Number(row.last_seq), hash: row.last_hash } : null;
}

/** A break found while verifying a chain. */
export interface ChainBreak {
  seq: number;
  problem: string;
}

/**
 * Walks records `from`..`to` (inclusive; `to` omitted for the end) in pages, so memory stays
 * flat, checking each against its hash and the one before. `before` is the hash of record
 * `from - 1` (the genesis hash for record 1). Calls `visit` with every record.
 */
export async function walkChain(
  knex: Knex,
  range: { from: number; before: string; to?: number },
  visit: (record: StoredAccessRecord) => void,
): Promise<{ checked: number; breaks: ChainBreak[]; last: { seq: number; hash: string } }> {
  const breaks: ChainBreak[] = [];
  let expectedSeq = range.from;
  let prevHash = range.before;
  let checked = 0;
  let format = 1;
  const pageSize = 5000;
  for (;;) {
    const bound = range.to === undefined ? '' : 'and seq <= ?';
    const page = await knex.raw<{ rows: RecordRow[] }>(
      `select ${RECORD_COLUMNS} from access_record where seq >= ? ${bound} order by seq limit ?`,
      rawBindings(range.to === undefined ? [expectedSeq, pageSize] : [expectedSeq, range.to, pageSize]),
    );
    for (const row of page.rows) {
      const record = storedRecord(row);
      if (record.seq !== expectedSeq) {
        // The link after a gap cannot match; the gap is the finding.
        breaks.push({ seq: expectedSeq, problem: `records ${expectedSeq} to ${record.seq - 1} are missing` });
      } else if (record.prevHash !== prevHash) {
        breaks.push({ seq: record.seq, problem: 'prev_hash does not match the hash of the record before it' });
      }
      const { hash, ...unsigned } = record;
      if (recordHash(unsigned) !== hash) {
        breaks.push({ seq: record.seq, problem: 'content does not match its hash (the record was altered)' });
      } else if (
        record.format === 1 &&
        (record.identifier !== null || record.via !== null || record.grantId !== null || format > 1)
      ) {
        // Format 1's hash does not cover these, so they must be as format 1 left them.
        breaks.push({ seq: record.seq, problem: 'a format 1 record carries what format 1 never wrote (altered)' });
      } else if (record.format < 3 && (record.grantId !== null || format > 2)) {
        // Nor does format 2's cover the grant.
        breaks.push({
          seq: record.seq,
          problem: `a format ${record.format} record carries what format ${record.format} never wrote (altered)`,
        });
      }
      format = record.format;
      visit(record);
      prevHash = hash;
      expectedSeq = record.seq + 1;
      checked += 1;
    }
    if (page.rows.length < pageSize) break;
  }
  if (range.to !== undefined && expectedSeq <= range.to) {
    breaks.push({ seq: expectedSeq, problem: `records ${expectedSeq} to ${range.to} are missing` });
  }
  return { checked, breaks, last: { seq: expectedSeq - 1, hash: prevHash } };
}

/**
 * Walks the whole chain in order and reports every break: a missing position, a record whose
 * hash does not match its content, a wrong link, or a head that does not point at the last record.
 * `visit` sees every record (audit:verify compares them with the signed checkpoints).
 */
export async function verifyChain(
  knex: Knex,
  options: { onProgress?: (checked: number) => void; visit?: (record: StoredAccessRecord) => void } = {},
): Promise<{ checked: number; breaks: ChainBreak[]; last: { seq: number; hash: string } }> {
  let checked = 0;
  const result = await walkChain(knex, { from: 1, before: GENESIS_HASH }, (record) => {
    options.visit?.(record);
    checked += 1;
    if (checked % 5000 === 0) options.onProgress?.(checked);
  });
  const head = await readChainHead(knex);
  if (!head) {
    result.breaks.push({ seq: result.last.seq + 1, problem: 'the chain head row is missing' });
  } else if (head.seq !== result.last.seq || head.hash !== result.last.hash) {
    result.breaks.push({
      seq: head.seq,
      problem: `the chain head says the last record is ${head.seq} but the log ends at ${result.last.seq}`,
    });
  }
  return result;
}
