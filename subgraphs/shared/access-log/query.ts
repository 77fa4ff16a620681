import type { Knex } from '@mikro-orm/postgresql';
import { rawBindings } from '../sql';
import { RECORD_COLUMNS, storedRecord, type AccessAction, type AccessOutcome, type StoredAccessRecord } from './chain';

/**
 * Reading a registry's access log, newest first, for the data tracker. Records from all registries
 * are merged in one order: time descending, then registry name, then chain position descending.
 * A cursor names the last record seen in that order. Every filter has an index whose order is the
 * read order (access-record.entity.ts), so a page costs the same on a large log as on a small one.
 */

export interface AccessCursor {
  at: string;
  registry: string;
  seq: number;
}

export interface AccessFilter {
  /** Whose data. */
  subjectId?: string;
  /** Who asked (token subject). */
  actorSub?: string;
  /** The asker's department. */
  actorDept?: string;
  outcome?: AccessOutcome;
  action?: AccessAction;
  /** At or after this instant (ISO 8601). */
  from?: string;
  /** Before this instant. */
  to?: string;
}

export interface AccessQuery extends AccessFilter {
  after?: AccessCursor;
  limit: number;
}

export async function readAccessRecords(
  knex: Knex,
  registry: string,
  query: AccessQuery,
): Promise<StoredAccessRecord[]> {
  const conditions: string[] = [];
  const bindings: unknown[] = [];
  const where = (condition: string, ...values: unknown[]) => {
    conditions.push(condition);
    bindings.push(...values);
  };
  if (query.subjectId) where('subject_id = ?', query.subjectId);
  if (query.actorSub) where('actor_sub = ?', query.actorSub);
  if (query.actorDept) where('actor_dept = ?', query.actorDept);
  if (query.outcome) where('outcome = ?', query.outcome);
  if (query.action) where('action = ?', query.action);
  if (query.from) where('at >= ?::timestamptz', query.from);
  if (query.to) where('at < ?::timestamptz', query.to);
  const { after } = query;
  if (after) {
    // Records of this registry that come after the cursor in the merged order. Written as row
    // comparisons so that the (…, at desc, seq desc) indexes serve them as a range.
    if (registry === after.registry) where('(at, seq) < (?::timestamptz, ?)', after.at, after.seq);
    else if (registry > after.registry) where('at <= ?::timestamptz', after.at);
    else where('at < ?::timestamptz', after.at);
  }
  if (query.subjectId) {
    // The person's own records, and the records that cover them among many (members.ts), shown as
    // about them: each branch reads its index in the read order, then the two are merged.
    const others = conditions.slice(1);
    const ownClause = `where ${conditions.join(' and ')}`;
    const memberClause = ['member_id = ?', ...others].join(' and ');
    const memberColumns = RECORD_COLUMNS.replace('subject_id as "subjectId"', 'member_id as "subjectId"');
    const result = await knex.raw<{ rows: Parameters<typeof storedRecord>[0][] }>(
      `select * from (
         (select ${RECORD_COLUMNS} from access_record ${ownClause} order by at desc, seq desc limit ?)
         union all
         (select ${memberColumns} from access_record_member join access_record on seq = record_seq
           where ${memberClause} order by at desc, seq desc limit ?)
       ) records order by at desc, seq desc limit ?`,
      rawBindings([...bindings, query.limit, ...bindings, query.limit, query.limit]),
    );
    return result.rows.map(storedRecord);
  }
  const clause = conditions.length > 0 ? `where ${conditions.join(' and ')}` : '';
  const result = await knex.raw<{ rows: Parameters<typeof storedRecord>[0][] }>(
    `select ${RECORD_COLUMNS} from access_record ${clause} order by at desc, seq desc limit ?`,
    rawBindings([...bindings, query.limit]),
  );
  return result.rows.map(storedRecord);
}
