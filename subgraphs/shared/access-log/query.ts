import type { Knex } from '@mikro-orm/postgresql';
import { rawBindings } from '../sql';
import { RECORD_COLUMNS, type StoredAccessRecord } from './chain';

/**
 * Reading a registry's access log, newest first, for the data tracker. Records from all registries
 * are merged in one order: time descending, then registry name, then chain position descending.
 * A cursor names the last record seen in that order.
 */

export interface AccessCursor {
  at: string;
  registry: string;
  seq: number;
}

export interface AccessQuery {
  subjectId?: string;
  actorSub?: string;
  after?: AccessCursor;
  limit: number;
}

export async function readAccessRecords(
  knex: Knex,
  registry: string,
  { subjectId, actorSub, after, limit }: AccessQuery,
): Promise<StoredAccessRecord[]> {
  const conditions: string[] = [];
  const bindings: unknown[] = [];
  if (subjectId) {
    conditions.push('subject_id = ?');
    bindings.push(subjectId);
  }
  if (actorSub) {
    conditions.push('actor_sub = ?');
    bindings.push(actorSub);
  }
  if (after) {
    // Records of this registry that come after the cursor in the merged order.
    if (registry === after.registry) {
      conditions.push('(at < ?::timestamptz or (at = ?::timestamptz and seq < ?))');
      bindings.push(after.at, after.at, after.seq);
    } else if (registry > after.registry) {
      conditions.push('at <= ?::timestamptz');
      bindings.push(after.at);
    } else {
      conditions.push('at < ?::timestamptz');
      bindings.push(after.at);
    }
  }
  const where = conditions.length > 0 ? `where ${conditions.join(' and ')}` : '';
  const result = await knex.raw<{ rows: (Omit<StoredAccessRecord, 'seq'> & { seq: string })[] }>(
    `select ${RECORD_COLUMNS} from access_record ${where} order by at desc, seq desc limit ?`,
    rawBindings([...bindings, limit]),
  );
  return result.rows.map((row) => ({ ...row, seq: Number(row.seq) }));
}
