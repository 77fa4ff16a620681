import { Migration } from '@mikro-orm/migrations';

/**
 * Valid-time history of marital status, registered address and household membership, kept by
 * triggers on person and household_member; existing persons start their history at their creation.
 */
export class Migration20261122030000_personHistory extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "person_history" ("id" uuid not null, "person_id" uuid not null, "valid_from" timestamptz not null, "valid_to" timestamptz null, "marital_status" varchar(20) not null, "registered_address" varchar(200) not null, "household_id" uuid null, "relationship" text check ("relationship" in ('HEAD', 'SPOUSE', 'CHILD', 'PARENT', 'GRANDCHILD', 'GRANDPARENT', 'SIBLING', 'OTHER')) null, constraint "person_history_pkey" primary key ("id"));`);
    this.addSql(`comment on table "person_history" is 'What a person’s marital status, address and household were, and from when to when';`);
    this.addSql(`create index "person_history_person_idx" on "person_history" ("person_id", "valid_from");`);
    this.addSql(`create index "person_history_household_idx" on "person_history" ("household_id", "valid_from");`);

    // One function records a person's current state when it differs from the open history row;
    // a second change in the same transaction replaces the row the transaction opened.
    this.addSql(`create function person_history_record(pid uuid) returns void language plpgsql as $$
      declare
        cur record;
        open_row record;
      begin
        select p.marital_status, p.registered_address, m.household_id, m.relationship into cur
          from person p left join household_member m on m.person_id = p.id where p.id = pid;
        select * into open_row from person_history where person_id = pid and valid_to is null;
        if not found and cur is null then return; end if;
        if found and cur.marital_status is not distinct from open_row.marital_status
           and cur.registered_address is not distinct from open_row.registered_address
           and cur.household_id is not distinct from open_row.household_id
           and cur.relationship is not distinct from open_row.relationship then
          return;
        end if;
        if found and open_row.valid_from = now() then
          delete from person_history where id = open_row.id;
        elsif found then
          update person_history set valid_to = now() where id = open_row.id;
        end if;
        if cur.marital_status is not null then
          insert into person_history (id, person_id, valid_from, marital_status, registered_address, household_id, relationship)
          values (gen_random_uuid(), pid, now(), cur.marital_status, cur.registered_address, cur.household_id, cur.relationship);
        end if;
      end $$`);
    this.addSql(`create function person_history_from_person() returns trigger language plpgsql as $$
      begin perform person_history_record(new.id); return null; end $$`);
    this.addSql(`create function person_history_from_member() returns trigger language plpgsql as $$
      begin
        if tg_op <> 'INSERT' then perform person_history_record(old.person_id); end if;
        if tg_op <> 'DELETE' and (tg_op = 'INSERT' or new.person_id <> old.person_id) then
          perform person_history_record(new.person_id);
        end if;
        return null;
      end $$`);
    this.addSql(`create trigger person_history_person after insert or update of marital_status, registered_address
      on "person" for each row execute function person_history_from_person()`);
    this.addSql(`create trigger person_history_member after insert or update or delete
      on "household_member" for each row execute function person_history_from_member()`);
    this.addSql(`insert into person_history (id, person_id, valid_from, marital_status, registered_address, household_id, relationship)
      select gen_random_uuid(), p.id, p.created_at, p.marital_status, p.registered_address, m.household_id, m.relationship
      from person p left join household_member m on m.person_id = p.id`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists person_history_member on "household_member"`);
    this.addSql(`drop trigger if exists person_history_person on "person"`);
    this.addSql(`drop function if exists person_history_from_member()`);
    this.addSql(`drop function if exists person_history_from_person()`);
    this.addSql(`drop function if exists person_history_record(uuid)`);
    this.addSql(`drop table if exists "person_history" cascade;`);
  }
}
