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
    // about them, merged. The own branch orders by the column, access_record.at, and so reads its
    // index in the read order: a bare `at` names the output column (the text to_char makes of
    // it), which no index holds, so every record of the person was formatted and sorted for one
    // page. Records are written at millisecond precision (chain.ts), so the column and its text
    // sort alike. The member branch keeps sorting its few rows: ordered by the column, the
    // planner may walk the whole log in time order looking for the person's member rows.
    const others = conditions.slice(1);
    const ownClause = `where ${conditions.join(' and ')}`;
    const memberClause = ['member_id = ?', ...others].join(' and ');
    const memberColumns = RECORD_COLUMNS.replace('subject_id as "subjectId"', 'member_id as "subjectId"');
    return read(
      knex,
      `select * from (
         (select ${RECORD_COLUMNS} from access_record ${ownClause}
           order by access_record.at desc, seq desc limit ?)
         union all
         (select ${memberColumns} from access_record_member join access_record on seq = record_seq
           where ${memberClause} order by at desc, seq desc limit ?)
       ) records order by at desc, seq desc limit ?`,
      [...bindings, query.limit, ...bindings, query.limit, query.limit],
    );
  }
  const clause = conditions.length > 0 ? `where ${conditions.join(' and ')}` : '';
  return read(
    knex,
    `select ${RECORD_COLUMNS} from access_record ${clause} order by access_record.at desc, seq desc limit ?`,
    [...bindings, query.limit],
  );
}

/**
 * Runs one of the reads above as a named prepared statement: the same few texts come on every
 * request (one per combination of filters), so each connection parses and plans each text once
 * instead of on every page (planning the two-branch union cost more than running it).
 */
async function read(knex: Knex, sql: string, bindings: unknown[]): Promise<StoredAccessRecord[]> {
  let name = statementNames.get(sql);
  if (name === undefined) {
    name = `access_records_${statementNames.size + 1}`;
    statementNames.set(sql, name);
  }
  const result = await knex.raw<{ rows: Parameters<typeof storedRecord>[0][] }>(sql, rawBindings(bindings)).options({
    name,
  });
  return result.rows.map(storedRecord);
}

/** Statement name per text, the same in every connection of this process (a bounded set: filters × cursor positions). */
const statementNames = new Map<string, string>();
