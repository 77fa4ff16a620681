import { Migration } from '@mikro-orm/migrations';
import { ACCESS_LOG_GUARDS_SQL } from '../../shared/access-log/migration';

/** Persons, households and their members, and the access log. */
export class Migration20261121044822_initial extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "access_chain" ("id" smallint not null, "last_seq" bigint not null, "last_hash" varchar(64) not null, constraint "access_chain_pkey" primary key ("id"));`);

    this.addSql(`create table "access_record" ("seq" bigint not null, "id" uuid not null, "at" timestamptz not null, "registry" varchar(40) not null, "action" text check ("action" in ('read', 'write')) not null, "outcome" text check ("outcome" in ('granted', 'denied')) not null, "actor_sub" varchar(100) null, "actor_role" varchar(20) null, "actor_dept" varchar(40) null, "purpose" varchar(200) null, "subject_id" uuid not null, "fields" text[] not null, "operation_name" varchar(200) null, "request_id" varchar(64) not null, "prev_hash" varchar(64) not null, "hash" varchar(64) not null, constraint "access_record_pkey" primary key ("seq"));`);
    this.addSql(`comment on column "access_record"."seq" is 'Position in the hash chain, gapless';`);
    this.addSql(`alter table "access_record" add constraint "access_record_id_unique" unique ("id");`);
    this.addSql(`create index "access_record_subject_seq_idx" on "access_record" ("subject_id", "at" desc, "seq" desc);`);
    this.addSql(`create index "access_record_actor_seq_idx" on "access_record" ("actor_sub", "at" desc, "seq" desc);`);

    this.addSql(`create table "person" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "id_number" char(18) not null, "name" varchar(50) not null, "gender" text check ("gender" in ('MALE', 'FEMALE')) not null, "birth_date" date not null, "ethnicity" varchar(10) not null, "district_code" char(6) not null, "registered_address" varchar(200) not null, "phone" varchar(11) null, "marital_status" text check ("marital_status" in ('UNMARRIED', 'MARRIED', 'DIVORCED', 'WIDOWED')) not null, "death_date" date null, "remarks" text null, constraint "person_pkey" primary key ("id"));`);
    this.addSql(`alter table "person" add constraint "person_id_number_unique" unique ("id_number");`);

    this.addSql(`create table "household" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "number" char(9) not null, "district_code" char(6) not null, "address" varchar(200) not null, "head_id" uuid not null, constraint "household_pkey" primary key ("id"));`);
    this.addSql(`alter table "household" add constraint "household_number_unique" unique ("number");`);
    this.addSql(`create index "household_head_idx" on "household" ("head_id");`);

    this.addSql(`create table "household_member" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "household_id" uuid not null, "person_id" uuid not null, "relationship" text check ("relationship" in ('HEAD', 'SPOUSE', 'CHILD', 'PARENT', 'GRANDCHILD', 'GRANDPARENT', 'SIBLING', 'OTHER')) not null, constraint "household_member_pkey" primary key ("id"));`);
    this.addSql(`create index "household_member_household_idx" on "household_member" ("household_id");`);
    this.addSql(`alter table "household_member" add constraint "household_member_person_unique" unique ("person_id");`);

    this.addSql(`alter table "household" add constraint "household_head_id_foreign" foreign key ("head_id") references "person" ("id") on update cascade;`);

    this.addSql(`alter table "household_member" add constraint "household_member_household_id_foreign" foreign key ("household_id") references "household" ("id") on update cascade;`);
    this.addSql(`alter table "household_member" add constraint "household_member_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade;`);

    // Household numbers for new households; the seeder moves it past the numbers it loads.
    this.addSql(`create sequence "household_number_seq" start with 100000001 maxvalue 999999999`);
    for (const sql of ACCESS_LOG_GUARDS_SQL) this.addSql(sql);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "household" drop constraint "household_head_id_foreign";`);

    this.addSql(`alter table "household_member" drop constraint "household_member_person_id_foreign";`);

    this.addSql(`alter table "household_member" drop constraint "household_member_household_id_foreign";`);

    this.addSql(`drop table if exists "access_chain" cascade;`);

    this.addSql(`drop table if exists "access_record" cascade;`);

    this.addSql(`drop table if exists "person" cascade;`);

    this.addSql(`drop table if exists "household" cascade;`);

    this.addSql(`drop table if exists "household_member" cascade;`);

    this.addSql(`drop sequence if exists "household_number_seq";`);
    this.addSql(`drop function if exists access_log_append_only() cascade;`);
  }

}
