import { Migration } from '@mikro-orm/migrations';
import { ACCESS_LOG_V2_SQL, DROP_ACCESS_LOG_SQL } from '../../shared/access-log/migration';
import { PROGRAMMES } from '../programmes';

/** A SQL literal of a fixed value written here (no user input). */
function literal(value: string | number | null): string {
  if (value === null) return 'null';
  return typeof value === 'number' ? String(value) : `'${value.replace(/'/g, "''")}'`;
}

/** Programmes, applications and their case record, eligibility facts, objections, supervision cards, the outbox, and the access log. */
export class Migration20261122020000_initial extends Migration {

  override async up(): Promise<void> {
    for (const sql of ACCESS_LOG_V2_SQL) this.addSql(sql);

    this.addSql(`create table "outbox_message" ("id" bigserial primary key, "kind" varchar(60) not null, "idempotency_key" varchar(200) not null, "payload" jsonb not null, "state" text check ("state" in ('PENDING', 'DELIVERED', 'FAILED')) not null, "attempts" int not null, "created_at" timestamptz not null, "next_attempt_at" timestamptz not null, "locked_until" timestamptz null, "last_error" varchar(500) null, "delivered_at" timestamptz null, "result" jsonb null);`);
    this.addSql(`alter table "outbox_message" add constraint "outbox_message_idempotency_key_unique" unique ("idempotency_key");`);
    this.addSql(`create index "outbox_message_due_idx" on "outbox_message" ("state", "next_attempt_at");`);

    this.addSql(`create table "programme" ("code" text check ("code" in ('MINIMUM_LIVING_ALLOWANCE', 'EXTREME_POVERTY_SUPPORT', 'DISASTER_VICTIM_RELIEF', 'MEDICAL_ASSISTANCE', 'EDUCATION_ASSISTANCE', 'HOUSING_ASSISTANCE', 'EMPLOYMENT_ASSISTANCE', 'TEMPORARY_ASSISTANCE')) not null, "position" smallint not null, "name" varchar(50) not null, "service_code" varchar(100) not null, "abbreviation" varchar(10) not null, "notice_days" smallint not null, "issues_certificate" varchar(40) null, constraint "programme_pkey" primary key ("code"));`);
    this.addSql(`alter table "programme" add constraint "programme_service_code_unique" unique ("service_code");`);

    this.addSql(`create table "application" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "reference" varchar(30) not null, "programme_code" text not null, "applicant_id" uuid not null, "member_ids" uuid[] not null, "district_code" char(6) not null, "household_size" smallint not null, "declared_monthly_income" numeric(9,2) not null, "cited_certificate_ids" uuid[] not null, "cited_material_ids" uuid[] not null, "masked_name" varchar(20) not null, "status" text check ("status" in ('SUBMITTED', 'ACCEPTED', 'UNDER_REVIEW', 'PUBLIC_NOTICE', 'APPROVED', 'REJECTED', 'RETURNED_FOR_MATERIALS', 'WITHDRAWN')) not null, "version" int not null, "submitted_at" timestamptz not null, "filed_by_sub" varchar(100) not null, "filed_by_role" varchar(20) not null, "filed_by_dept" varchar(40) null, "promised_days" smallint not null, "deadline" date not null, "proposed_amount" numeric(9,2) null, "notice_starts_on" date null, "notice_ends_on" date null, "notice_id" uuid null, "approved_amount" numeric(9,2) null, "period_start" date null, "period_end" date null, "decision_reason" varchar(500) null, "decided_at" timestamptz null, "decided_on_time" boolean null, "certificate_number" varchar(40) null, constraint "application_pkey" primary key ("id"));`);
    this.addSql(`alter table "application" add constraint "application_reference_unique" unique ("reference");`);
    this.addSql(`create index "application_applicant_idx" on "application" ("applicant_id");`);
    this.addSql(`alter table "application" add constraint "application_notice_id_unique" unique ("notice_id");`);
    this.addSql(`create index "application_status_deadline_idx" on "application" ("status", "deadline");`);
    this.addSql(`create index "application_notice_idx" on "application" ("notice_ends_on");`);

    this.addSql(`create table "objection" ("id" uuid not null, "application_id" uuid not null, "text" varchar(500) not null, "lodged_at" timestamptz not null, "lodged_by_sub" varchar(100) null, "lodged_by_role" varchar(20) null, "lodged_by_dept" varchar(40) null, constraint "objection_pkey" primary key ("id"));`);
    this.addSql(`create index "objection_application_idx" on "objection" ("application_id");`);

    this.addSql(`create table "eligibility_fact" ("id" bigserial primary key, "application_id" uuid not null, "kind" text check ("kind" in ('HOUSEHOLD_MEMBERS', 'CERTIFICATES', 'LEGAL_REPRESENTATIVE', 'EMPLOYMENT')) not null, "source" varchar(40) not null, "as_of" timestamptz not null, "status" text check ("status" in ('READ', 'NOT_PERMITTED', 'UNAVAILABLE')) not null, "items" jsonb null, "note" varchar(500) null, "gathered_by_sub" varchar(100) not null, "purpose" varchar(200) null);`);
    this.addSql(`alter table "eligibility_fact" add constraint "eligibility_fact_kind_unique" unique ("application_id", "kind");`);

    this.addSql(`create table "case_step" ("id" bigserial primary key, "application_id" uuid not null, "at" timestamptz not null, "from_status" text check ("from_status" in ('SUBMITTED', 'ACCEPTED', 'UNDER_REVIEW', 'PUBLIC_NOTICE', 'APPROVED', 'REJECTED', 'RETURNED_FOR_MATERIALS', 'WITHDRAWN')) null, "to_status" text check ("to_status" in ('SUBMITTED', 'ACCEPTED', 'UNDER_REVIEW', 'PUBLIC_NOTICE', 'APPROVED', 'REJECTED', 'RETURNED_FOR_MATERIALS', 'WITHDRAWN')) not null, "actor_sub" varchar(100) not null, "actor_role" varchar(20) not null, "actor_dept" varchar(40) null, "purpose" varchar(200) null, "note" varchar(500) null);`);
    this.addSql(`create index "case_step_application_idx" on "case_step" ("application_id");`);

    this.addSql(`create table "supervision_card" ("id" bigserial primary key, "application_id" uuid not null, "colour" text check ("colour" in ('YELLOW', 'RED')) not null, "raised_on" date not null, "deadline" date not null, "department" varchar(40) not null, "created_at" timestamptz not null);`);
    this.addSql(`alter table "supervision_card" add constraint "supervision_card_colour_unique" unique ("application_id", "colour");`);

    this.addSql(`alter table "application" add constraint "application_programme_code_foreign" foreign key ("programme_code") references "programme" ("code") on update cascade;`);

    this.addSql(`alter table "objection" add constraint "objection_application_id_foreign" foreign key ("application_id") references "application" ("id") on update cascade;`);

    this.addSql(`alter table "eligibility_fact" add constraint "eligibility_fact_application_id_foreign" foreign key ("application_id") references "application" ("id") on update cascade;`);

    this.addSql(`alter table "case_step" add constraint "case_step_application_id_foreign" foreign key ("application_id") references "application" ("id") on update cascade;`);

    this.addSql(`alter table "supervision_card" add constraint "supervision_card_application_id_foreign" foreign key ("application_id") references "application" ("id") on update cascade;`);

    for (const p of PROGRAMMES) {
      this.addSql(
        `insert into "programme" ("code", "position", "name", "service_code", "abbreviation", "notice_days", "issues_certificate") values (${[p.code, p.position, p.name, p.serviceCode, p.abbreviation, p.noticeDays, p.issuesCertificate].map(literal).join(', ')});`,
      );
    }
  }

  override async down(): Promise<void> {
    for (const table of ['supervision_card', 'case_step', 'eligibility_fact', 'objection', 'application', 'programme', 'outbox_message']) {
      this.addSql(`drop table if exists "${table}" cascade;`);
    }
    for (const sql of DROP_ACCESS_LOG_SQL) this.addSql(sql);
  }

}
