import { Migration } from '@mikro-orm/migrations';
import { ACCESS_LOG_GUARDS_SQL } from '../../shared/access-log/migration';

/** Organizations and their penalties, and the access log. */
export class Migration20261121044944_initial extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "access_chain" ("id" smallint not null, "last_seq" bigint not null, "last_hash" varchar(64) not null, constraint "access_chain_pkey" primary key ("id"));`);

    this.addSql(`create table "access_record" ("seq" bigint not null, "id" uuid not null, "at" timestamptz not null, "registry" varchar(40) not null, "action" text check ("action" in ('read', 'write')) not null, "outcome" text check ("outcome" in ('granted', 'denied')) not null, "actor_sub" varchar(100) null, "actor_role" varchar(20) null, "actor_dept" varchar(40) null, "purpose" varchar(200) null, "subject_id" uuid not null, "fields" text[] not null, "operation_name" varchar(200) null, "request_id" varchar(64) not null, "prev_hash" varchar(64) not null, "hash" varchar(64) not null, constraint "access_record_pkey" primary key ("seq"));`);
    this.addSql(`comment on column "access_record"."seq" is 'Position in the hash chain, gapless';`);
    this.addSql(`alter table "access_record" add constraint "access_record_id_unique" unique ("id");`);
    this.addSql(`create index "access_record_subject_seq_idx" on "access_record" ("subject_id", "at" desc, "seq" desc);`);
    this.addSql(`create index "access_record_actor_seq_idx" on "access_record" ("actor_sub", "at" desc, "seq" desc);`);

    this.addSql(`create table "organization" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "credit_code" char(18) not null, "name" varchar(100) not null, "type" text check ("type" in ('LIMITED_LIABILITY_COMPANY', 'JOINT_STOCK_COMPANY', 'SOLE_PROPRIETORSHIP', 'PARTNERSHIP', 'INDIVIDUAL_BUSINESS', 'FARMERS_COOPERATIVE', 'BRANCH')) not null, "status" text check ("status" in ('ACTIVE', 'DEREGISTERED', 'REVOKED')) not null, "legal_representative_id" uuid not null, "registered_capital" numeric(17,2) not null, "established_on" date not null, "industry_code" varchar(5) not null, "district_code" char(6) not null, "address" varchar(200) not null, "business_scope" varchar(1000) not null, "credit_risk_class" text check ("credit_risk_class" in ('A', 'B', 'C', 'D')) not null, constraint "organization_pkey" primary key ("id"));`);
    this.addSql(`alter table "organization" add constraint "organization_credit_code_unique" unique ("credit_code");`);
    this.addSql(`create index "organization_status_idx" on "organization" ("status");`);
    this.addSql(`create index "organization_legal_representative_idx" on "organization" ("legal_representative_id");`);
    this.addSql(`create index "organization_industry_idx" on "organization" ("industry_code");`);
    this.addSql(`create index "organization_district_idx" on "organization" ("district_code");`);

    this.addSql(`create table "penalty" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "organization_id" uuid not null, "decision_number" varchar(64) not null, "decided_on" date not null, "reason" varchar(1000) not null, "amount" numeric(14,2) not null, "authority" varchar(100) not null, constraint "penalty_pkey" primary key ("id"));`);
    this.addSql(`create index "penalty_organization_idx" on "penalty" ("organization_id");`);
    this.addSql(`alter table "penalty" add constraint "penalty_decision_number_unique" unique ("decision_number");`);

    this.addSql(`alter table "penalty" add constraint "penalty_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on update cascade;`);

    for (const sql of ACCESS_LOG_GUARDS_SQL) this.addSql(sql);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "penalty" drop constraint "penalty_organization_id_foreign";`);

    this.addSql(`drop table if exists "access_chain" cascade;`);

    this.addSql(`drop table if exists "access_record" cascade;`);

    this.addSql(`drop table if exists "organization" cascade;`);

    this.addSql(`drop table if exists "penalty" cascade;`);

    this.addSql(`drop function if exists access_log_append_only() cascade;`);
  }

}
