import { Migration } from '@mikro-orm/migrations';
import { GENESIS_HASH } from './chain';

/**
 * The access log's DDL, in one place, for every registry's migrations.
 *
 * A new registry's initial migration creates the whole log in one line:
 *
 *   for (const sql of ACCESS_LOG_V2_SQL) this.addSql(sql);
 *
 * Every list here is frozen once a committed migration runs it (a fresh database replays them).
 * A later change to the log adds ACCESS_LOG_UPGRADE_TO_V3_SQL for the registries that exist,
 * and ACCESS_LOG_V3_SQL (the whole log at that version) for registries created after it.
 */

/** The append-only guards and the chain head. Frozen: the initial migrations of 2026-11-21 (format 1) run it. */
export const ACCESS_LOG_GUARDS_SQL = [
  `alter table "access_chain" add constraint "access_chain_single_row" check ("id" = 1)`,
  `insert into "access_chain" ("id", "last_seq", "last_hash") values (1, 0, '${GENESIS_HASH}')`,
  `create function access_log_append_only() returns trigger language plpgsql as $$
     begin
       raise exception 'the access log is append-only: % on % refused', tg_op, tg_table_name;
     end
   $$`,
  `create trigger access_record_append_only before update or delete on "access_record"
     for each row execute function access_log_append_only()`,
  `create trigger access_record_no_truncate before truncate on "access_record"
     for each statement execute function access_log_append_only()`,
  `create trigger access_chain_no_truncate before truncate or delete on "access_chain"
     for each statement execute function access_log_append_only()`,
];

/** Indexes for the data tracker's reads: newest first, overall or for one person, actor, department or outcome. */
const V2_INDEXES_SQL = [
  `create index "access_record_at_seq_idx" on "access_record" ("at" desc, "seq" desc)`,
  `create index "access_record_dept_seq_idx" on "access_record" ("actor_dept", "at" desc, "seq" desc)`,
  `create index "access_record_outcome_seq_idx" on "access_record" ("outcome", "at" desc, "seq" desc)`,
];

const V2_COMMENTS_SQL = [
  `comment on column "access_record"."format" is 'Record format, which decides what the hash covers (chain.ts)'`,
  `comment on column "access_record"."identifier" is 'The identifier the caller named the data by, as argument=value'`,
  `comment on column "access_record"."via" is 'The registry that made a delegated call on the caller’s behalf'`,
];

const V2_OUTCOMES = `check ("outcome" in ('granted', 'denied', 'rejected', 'unchanged'))`;

/**
 * Format 1 to format 2, for registries whose initial migration created the format 1 log: the
 * record format, the identifier a caller used, `via`, records with no subject (an identifier
 * that matches no one), the outcomes rejected and unchanged, and indexes for auditors' filters.
 * Existing records keep format 1 and are verified as such.
 */
export const ACCESS_LOG_UPGRADE_TO_V2_SQL = [
  `alter table "access_record" add column "format" smallint not null default 1,
     add column "identifier" varchar(200) null, add column "via" varchar(40) null`,
  `alter table "access_record" alter column "format" drop default`,
  `alter table "access_record" alter column "subject_id" drop not null`,
  `alter table "access_record" drop constraint if exists "access_record_outcome_check"`,
  `alter table "access_record" add constraint "access_record_outcome_check" ${V2_OUTCOMES}`,
  ...V2_COMMENTS_SQL,
  ...V2_INDEXES_SQL,
];

/** Back to format 1: only while no format 2 record exists (they cannot be expressed in format 1). */
export const ACCESS_LOG_DOWNGRADE_FROM_V2_SQL = [
  `do $$ begin
     if exists (select 1 from "access_record" where "format" > 1) then
       raise exception 'the access log holds format 2 records, which format 1 cannot hold; restore a backup instead';
     end if;
   end $$`,
  `drop index "access_record_at_seq_idx"`,
  `drop index "access_record_dept_seq_idx"`,
  `drop index "access_record_outcome_seq_idx"`,
  `alter table "access_record" drop constraint if exists "access_record_outcome_check"`,
  `alter table "access_record" add constraint "access_record_outcome_check" check ("outcome" in ('granted', 'denied'))`,
  `alter table "access_record" alter column "subject_id" set not null`,
  `alter table "access_record" drop column "format", drop column "identifier", drop column "via"`,
];

/** The whole access log at format 2 (tables, indexes, chain head, append-only guards), for a new registry. */
export const ACCESS_LOG_V2_SQL = [
  `create table "access_chain" ("id" smallint not null, "last_seq" bigint not null, "last_hash" varchar(64) not null,
     constraint "access_chain_pkey" primary key ("id"))`,
  `create table "access_record" ("seq" bigint not null, "format" smallint not null, "id" uuid not null,
     "at" timestamptz not null, "registry" varchar(40) not null,
     "action" text check ("action" in ('read', 'write')) not null,
     "outcome" text not null, "actor_sub" varchar(100) null, "actor_role" varchar(20) null,
     "actor_dept" varchar(40) null, "purpose" varchar(200) null, "subject_id" uuid null,
     "identifier" varchar(200) null, "fields" text[] not null, "operation_name" varchar(200) null,
     "request_id" varchar(64) not null, "via" varchar(40) null, "prev_hash" varchar(64) not null,
     "hash" varchar(64) not null, constraint "access_record_pkey" primary key ("seq"))`,
  `alter table "access_record" add constraint "access_record_outcome_check" ${V2_OUTCOMES}`,
  `comment on column "access_record"."seq" is 'Position in the hash chain, gapless'`,
  ...V2_COMMENTS_SQL,
  `alter table "access_record" add constraint "access_record_id_unique" unique ("id")`,
  `create index "access_record_subject_seq_idx" on "access_record" ("subject_id", "at" desc, "seq" desc)`,
  `create index "access_record_actor_seq_idx" on "access_record" ("actor_sub", "at" desc, "seq" desc)`,
  ...V2_INDEXES_SQL,
  ...ACCESS_LOG_GUARDS_SQL,
];

/** Drops the whole access log (a registry's initial migration's down). */
export const DROP_ACCESS_LOG_SQL = [
  `drop table if exists "access_chain" cascade`,
  `drop table if exists "access_record" cascade`,
  `drop function if exists access_log_append_only() cascade`,
];

/**
 * Format 2 to format 3: the consent grant a read was made under (consent.ts). Every registry runs it
 * as a shared migration after its own (openRegistryOrm), so a registry created later has it too.
 * Frozen once committed.
 */
export const ACCESS_LOG_GRANT_SQL = [
  `alter table "access_record" add column "grant_id" uuid null`,
  `comment on column "access_record"."grant_id" is 'The citizen’s consent grant the access was made under (format 3)'`,
];

/** Back to format 2: only while no format 3 record exists. */
export const ACCESS_LOG_DROP_GRANT_SQL = [
  `do $$ begin
     if exists (select 1 from "access_record" where "format" > 2) then
       raise exception 'the access log holds format 3 records, which format 2 cannot hold; restore a backup instead';
     end if;
   end $$`,
  `alter table "access_record" drop column "grant_id"`,
];

export class Migration20261122020000_accessLogGrant extends Migration {
  override async up(): Promise<void> {
    for (const sql of ACCESS_LOG_GRANT_SQL) this.addSql(sql);
  }

  override async down(): Promise<void> {
    for (const sql of ACCESS_LOG_DROP_GRANT_SQL) this.addSql(sql);
  }
}
