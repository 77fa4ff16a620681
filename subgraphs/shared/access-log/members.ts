import { createHash } from 'node:crypto';
import { Migration } from '@mikro-orm/migrations';
import type { Knex } from '@mikro-orm/postgresql';
import type { Caller } from '../identity';
import { rawBindings } from '../sql';
import { appendToChain, recordContent, type ChainBreak, type StoredAccessRecord } from './chain';

/**
 * Access records that cover many people at once: a batch of a statistics extract. Writing one
 * chained record per person (a million appends, a million rows in the log's six indexes) was most
 * of the time a refresh took, so a batch gets **one** record in the chain, with no subject, and its
 * people go to `access_record_member` (record position, person), written in the same transaction,
 * before the batch leaves (fail closed, as every read). The record's `identifier` says how many
 * people it covers and the SHA-256 of their ids (sorted, one per line), so the hash chain covers
 * the membership too: audit:verify recomputes every digest and reports members added, removed or
 * moved. The data tracker shows the record to each member as a record about them (personId = the
 * member), so a citizen's tracker still lists "statistics, monthly extract".
 *
 * The membership table is append-only like the log (the same triggers refuse UPDATE, DELETE and
 * TRUNCATE). This sits beside the request path's group commit (appender.ts), not in it: one batch
 * is one transaction of its own under the chain head's row lock, like a write's record.
 */

/** The table and its guards, as a migration every registry runs after its own (SHARED_MIGRATIONS). Frozen once committed. */
export const ACCESS_RECORD_MEMBER_SQL = [
  `create table "access_record_member" ("record_seq" bigint not null, "member_id" uuid not null,
     constraint "access_record_member_pkey" primary key ("record_seq", "member_id"))`,
  `comment on table "access_record_member" is 'The people an access record covers (a statistics extract batch); its identifier holds their count and digest (members.ts)'`,
  `create index "access_record_member_member_idx" on "access_record_member" ("member_id", "record_seq")`,
  `create trigger access_record_member_append_only before update or delete on "access_record_member"
     for each row execute function access_log_append_only()`,
  `create trigger access_record_member_no_truncate before truncate on "access_record_member"
     for each statement execute function access_log_append_only()`,
];

export class Migration20261122090000_accessRecordMembers extends Migration {
  override async up(): Promise<void> {
    for (const sql of ACCESS_RECORD_MEMBER_SQL) this.addSql(sql);
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists "access_record_member" cascade');
  }
}

const MEMBERS_IDENTIFIER = /^members=(\d+) sha256=([0-9a-f]{64})$/;

/** The digest of a set of person ids: SHA-256 over the lower-case ids in ascending order, each followed by a newline. */
export function membersDigest(memberIds: readonly string[]): string {
  const hash = createHash('sha256');
  for (const id of [...memberIds].map((m) => m.toLowerCase()).sort()) hash.update(`${id}\n`);
  return hash.digest('hex');
}

/** What a record covering `memberIds` states in its identifier. */
export function membersIdentifier(memberIds: readonly string[]): string {
  return `members=${memberIds.length} sha256=${membersDigest(memberIds)}`;
}

/** The member count and digest a record claims, or null for a record about one person (or none). */
export function membersClaim(record: Pick<StoredAccessRecord, 'identifier' | 'subjectId'>): {
  count: number;
  digest: string;
} | null {
  if (record.subjectId !== null || record.identifier === null) return null;
  const match = MEMBERS_IDENTIFIER.exec(record.identifier);
  return match ? { count: Number(match[1]), digest: match[2] } : null;
}

/**
 * Appends one record of `caller` reading `fields` of every person in `memberIds` (distinct) and
 * their membership, in one transaction; resolves with the record once committed.
 */
export async function appendMembersRecord(
  knex: Knex,
  registry: string,
  caller: Caller,
  fields: readonly string[],
  memberIds: readonly string[],
): Promise<StoredAccessRecord> {
  const content = recordContent(registry, caller, {
    action: 'read',
    outcome: 'granted',
    subjectId: null,
    fields: [...fields],
    identifier: membersIdentifier(memberIds),
  });
  return knex.transaction(async (trx) => {
    const [record] = await appendToChain(trx, [content]);
    await trx.raw(
      'insert into access_record_member (record_seq, member_id) select ?, unnest(?::uuid[])',
      rawBindings([record.seq, memberIds]),
    );
    return record;
  });
}

/**
 * Checks every membership against the digest its record claims (`claims`, by record position, as
 * the chain walk found them): a record whose members were added, removed or changed, and members
 * filed under a record that claims none. Reads the table once in key order.
 */
export async function verifyMembers(
  knex: Knex,
  claims: ReadonlyMap<number, { count: number; digest: string }>,
): Promise<ChainBreak[]> {
  const breaks: ChainBreak[] = [];
  // A log from before the table existed (its registry not yet started since) has no members to check.
  const table = await knex.raw<{ rows: { found: boolean }[] }>(
    "select to_regclass('access_record_member') is not null as found",
  );
  if (!table.rows[0].found) {
    return [...claims].map(([seq, claim]) => ({
      seq,
      problem: `the ${claim.count} member(s) of record ${seq} are missing (no access_record_member table)`,
    }));
  }
  const seen = new Set<number>();
  type Group = { seq: number; hash: ReturnType<typeof createHash>; count: number };
  // Assigned inside finish() too, which narrowing does not see.
  let current = null as Group | null;
  const finish = () => {
    if (!current) return;
    const claim = claims.get(current.seq);
    seen.add(current.seq);
    if (!claim) {
      breaks.push({
        seq: current.seq,
        problem: `${current.count} member(s) are filed under record ${current.seq}, which covers no members (added)`,
      });
    } else if (claim.count !== current.count || claim.digest !== current.hash.digest('hex')) {
      breaks.push({
        seq: current.seq,
        problem: `the members of record ${current.seq} do not match its digest (${current.count} found, ${claim.count} recorded): added, removed or changed`,
      });
    }
    current = null;
  };
  const pageSize = 50_000;
  let after: [number, string] = [0, '00000000-0000-0000-0000-000000000000'];
  for (;;) {
    const page = await knex.raw<{ rows: { seq: string; member: string }[] }>(
      `select record_seq as seq, member_id::text as member from access_record_member
        where (record_seq, member_id) > (?, ?::uuid) order by record_seq, member_id limit ?`,
      rawBindings([after[0], after[1], pageSize]),
    );
    for (const row of page.rows) {
      const seq = Number(row.seq);
      if (current?.seq !== seq) {
        finish();
        current = { seq, hash: createHash('sha256'), count: 0 };
      }
      current!.hash.update(`${row.member}\n`);
      current!.count += 1;
    }
    if (page.rows.length < pageSize) break;
    const last = page.rows[page.rows.length - 1];
    after = [Number(last.seq), last.member];
  }
  finish();
  for (const [seq, claim] of claims) {
    if (!seen.has(seq) && claim.count > 0) {
      breaks.push({ seq, problem: `the ${claim.count} member(s) of record ${seq} are missing (removed)` });
    }
  }
  return breaks;
}
