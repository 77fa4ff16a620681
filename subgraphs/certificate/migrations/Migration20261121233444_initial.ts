import { Migration } from '@mikro-orm/migrations';
import { ACCESS_LOG_V2_SQL, DROP_ACCESS_LOG_SQL } from '../../shared/access-log/migration';
import { catalogueStatements } from './catalogue-2026-11';

/** Certificate types, material kinds and the service catalogue (with their data), certificates, materials, and the access log. */
export class Migration20261121233444_initial extends Migration {

  override async up(): Promise<void> {
    for (const sql of ACCESS_LOG_V2_SQL) this.addSql(sql);

    this.addSql(`create table "certificate_type" ("code" text check ("code" in ('RESIDENT_ID_CARD', 'HOUSEHOLD_REGISTER', 'MARRIAGE_CERTIFICATE', 'BUSINESS_LICENCE', 'DISABILITY_CERTIFICATE', 'MINIMUM_ALLOWANCE_CERTIFICATE', 'EMPLOYMENT_CERTIFICATE', 'SENIOR_CITIZEN_CARD', 'DIPLOMA', 'VOCATIONAL_QUALIFICATION')) not null, "position" smallint not null, "name" varchar(50) not null, "issuing_department" varchar(40) not null, "holder_kind" text check ("holder_kind" in ('PERSON', 'ORGANIZATION')) not null, "validity_rule" text check ("validity_rule" in ('LONG_TERM', 'YEARS', 'BY_AGE', 'STATED')) not null, "validity_years" smallint null, "validity_description" varchar(200) not null, "number_format" varchar(200) not null, constraint "certificate_type_pkey" primary key ("code"));`);

    this.addSql(`create table "certificate" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "type_code" text not null, "number" varchar(40) not null, "holder_kind" text check ("holder_kind" in ('PERSON', 'ORGANIZATION')) not null, "holder_person_id" uuid null, "holder_credit_code" char(18) null, "issuing_department" varchar(40) not null, "issuing_authority" varchar(100) not null, "issued_on" date not null, "valid_until" date null, "revoked_on" date null, "revocation_reason" varchar(200) null, "printed_name" varchar(100) not null, "printed_identifier" varchar(18) not null, "attributes" jsonb null, "verification_code" char(16) not null, constraint "certificate_pkey" primary key ("id"), constraint certificate_holder_kind check ((holder_kind = 'PERSON' and holder_person_id is not null and holder_credit_code is null) or (holder_kind = 'ORGANIZATION' and holder_credit_code is not null and holder_person_id is null)), constraint certificate_revocation check ((revoked_on is null) = (revocation_reason is null)));`);
    this.addSql(`create index "certificate_holder_person_idx" on "certificate" ("holder_person_id");`);
    this.addSql(`create index "certificate_holder_credit_code_idx" on "certificate" ("holder_credit_code");`);
    this.addSql(`alter table "certificate" add constraint "certificate_verification_code_unique" unique ("verification_code");`);
    this.addSql(`alter table "certificate" add constraint "certificate_type_number_unique" unique ("type_code", "number");`);

    this.addSql(`create table "material_kind" ("code" varchar(40) not null, "position" smallint not null, "name" varchar(50) not null, "description" varchar(300) not null, constraint "material_kind_pkey" primary key ("code"));`);

    this.addSql(`create table "material" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "owner_id" uuid not null, "kind_code" varchar(40) not null, "size" int not null, "media_type" text check ("media_type" in ('application/pdf', 'image/jpeg', 'image/png', 'application/ofd')) not null, "sha256" char(64) not null, "file_name" varchar(200) null, "uploaded_by_sub" varchar(100) not null, "uploaded_by_role" varchar(20) not null, "uploaded_by_dept" varchar(40) null, constraint "material_pkey" primary key ("id"));`);
    this.addSql(`create index "material_kind_idx" on "material" ("kind_code");`);
    this.addSql(`create index "material_owner_created_idx" on "material" ("owner_id", "created_at" desc, "id" desc);`);
    this.addSql(`alter table "material" add constraint "material_owner_sha256_unique" unique ("owner_id", "sha256");`);

    this.addSql(`create table "material_content" ("material_id" uuid not null, "seq" int not null, "bytes" bytea not null, constraint "material_content_pkey" primary key ("material_id", "seq"));`);

    this.addSql(`create table "service" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "code" varchar(100) not null, "abbreviation" varchar(10) not null, "position" smallint not null, "name" varchar(100) not null, "department" varchar(40) not null, "legal_basis" text[] not null, "conditions" text[] not null, "procedure" text[] not null, "statutory_time_limit_days" smallint not null, "promised_time_limit_days" smallint not null, "fee_basis" varchar(300) not null, "fee_standard" varchar(200) not null, constraint "service_pkey" primary key ("id"));`);
    this.addSql(`alter table "service" add constraint "service_code_unique" unique ("code");`);
    this.addSql(`alter table "service" add constraint "service_abbreviation_unique" unique ("abbreviation");`);
    this.addSql(`create index "service_department_idx" on "service" ("department");`);

    this.addSql(`create table "material_use" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "material_id" uuid not null, "service_id" uuid not null, "reference" varchar(200) not null, "used_by_sub" varchar(100) not null, "used_by_role" varchar(20) not null, "used_by_dept" varchar(40) null, constraint "material_use_pkey" primary key ("id"));`);
    this.addSql(`create index "material_use_material_idx" on "material_use" ("material_id");`);
    this.addSql(`alter table "material_use" add constraint "material_use_unique" unique ("material_id", "service_id", "reference");`);

    this.addSql(`create table "service_requirement" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "service_id" uuid not null, "position" smallint not null, "certificate_type_code" text null, "material_kind_code" varchar(40) null, "description" varchar(300) not null, "provider" text check ("provider" in ('APPLICANT', 'HOUSEHOLD', 'EVERY_HOUSEHOLD_MEMBER', 'ORGANIZATION')) not null, "original_required" boolean not null, "max_age_days" smallint null, constraint "service_requirement_pkey" primary key ("id"), constraint service_requirement_one_of check ((certificate_type_code is null) <> (material_kind_code is null)));`);
    this.addSql(`create index "service_requirement_certificate_type_idx" on "service_requirement" ("certificate_type_code");`);
    this.addSql(`create index "service_requirement_material_kind_idx" on "service_requirement" ("material_kind_code");`);
    this.addSql(`alter table "service_requirement" add constraint "service_requirement_position_unique" unique ("service_id", "position");`);

    this.addSql(`alter table "certificate" add constraint "certificate_type_code_foreign" foreign key ("type_code") references "certificate_type" ("code") on update cascade;`);

    this.addSql(`alter table "material" add constraint "material_kind_code_foreign" foreign key ("kind_code") references "material_kind" ("code") on update cascade;`);

    this.addSql(`alter table "material_content" add constraint "material_content_material_id_foreign" foreign key ("material_id") references "material" ("id") on update cascade on delete cascade deferrable initially deferred;`);

    this.addSql(`alter table "material_use" add constraint "material_use_material_id_foreign" foreign key ("material_id") references "material" ("id") on update cascade;`);
    this.addSql(`alter table "material_use" add constraint "material_use_service_id_foreign" foreign key ("service_id") references "service" ("id") on update cascade;`);

    this.addSql(`alter table "service_requirement" add constraint "service_requirement_service_id_foreign" foreign key ("service_id") references "service" ("id") on update cascade;`);
    this.addSql(`alter table "service_requirement" add constraint "service_requirement_certificate_type_code_foreign" foreign key ("certificate_type_code") references "certificate_type" ("code") on update cascade on delete set null;`);
    this.addSql(`alter table "service_requirement" add constraint "service_requirement_material_kind_code_foreign" foreign key ("material_kind_code") references "material_kind" ("code") on update cascade on delete set null;`);

    for (const sql of catalogueStatements('2026-11-21T00:00:00.000Z')) this.addSql(sql);
  }

  override async down(): Promise<void> {
    for (const table of ['material_content', 'material_use', 'material', 'service_requirement', 'service', 'certificate', 'material_kind', 'certificate_type']) {
      this.addSql(`drop table if exists "${table}" cascade;`);
    }
    for (const sql of DROP_ACCESS_LOG_SQL) this.addSql(sql);
  }

}
