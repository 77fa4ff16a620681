import { GENESIS_HASH } from './chain';

/**
 * SQL that every registry's access-log migration runs after creating the tables: the chain head,
 * and triggers that make the log append-only even for someone with the application's credentials.
 */
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
