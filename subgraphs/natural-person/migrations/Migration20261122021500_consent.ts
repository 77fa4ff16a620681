import { Migration } from '@mikro-orm/migrations';

/** Consent requests and grants (shared/consent): a department asks, the person approves some fields or declines. */
export class Migration20261122021500_consent extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "consent_request" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "person_id" uuid not null, "department" varchar(40) not null, "requested_by" varchar(100) not null, "purpose" varchar(200) not null, "fields" text[] not null, "valid_until" timestamptz not null, "status" text check ("status" in ('PENDING', 'APPROVED', 'DECLINED')) not null, "answered_at" timestamptz null, constraint "consent_request_pkey" primary key ("id"));`);
    this.addSql(`comment on table "consent_request" is 'A department asking a person to consent to named fields being read for one purpose';`);
    this.addSql(`create index "consent_request_person_idx" on "consent_request" ("person_id", "created_at" desc);`);
    this.addSql(`create unique index "consent_request_pending_unique" on "consent_request" ("person_id", "department", "purpose") where "status" = 'PENDING';`);

    this.addSql(`create table "consent_grant" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "request_id" uuid not null, "person_id" uuid not null, "department" varchar(40) not null, "purpose" varchar(200) not null, "fields" text[] not null, "valid_until" timestamptz not null, "revoked_at" timestamptz null, constraint "consent_grant_pkey" primary key ("id"));`);
    this.addSql(`comment on table "consent_grant" is 'A person’s consent to a department reading named fields for one purpose, until expiry or revocation';`);
    this.addSql(`alter table "consent_grant" add constraint "consent_grant_request_unique" unique ("request_id");`);
    this.addSql(`create index "consent_grant_person_idx" on "consent_grant" ("person_id", "department", "purpose");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "consent_grant" cascade;`);
    this.addSql(`drop table if exists "consent_request" cascade;`);
  }
}
