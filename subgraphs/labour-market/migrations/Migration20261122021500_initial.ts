import { Migration } from '@mikro-orm/migrations';
import { ACCESS_LOG_V2_SQL, DROP_ACCESS_LOG_SQL } from '../../shared/access-log/migration';
import { SEARCH_GRAMS_SQL } from '../search-grams';

/** Job postings (with their search grams), job-seeker profiles, applications, employment records, and the access log. */
export class Migration20261122021500_initial extends Migration {

  override async up(): Promise<void> {
    for (const sql of ACCESS_LOG_V2_SQL) this.addSql(sql);

    this.addSql(`create table "employment_record" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "person_id" uuid not null, "kind" text check ("kind" in ('EMPLOYED', 'UNEMPLOYED')) not null, "organization_credit_code" char(18) null, "from_date" date not null, "to_date" date null, "recorded_by_sub" varchar(100) not null, "recorded_by_dept" varchar(40) null, constraint "employment_record_pkey" primary key ("id"), constraint employment_record_kind check ((kind = 'EMPLOYED' and organization_credit_code is not null) or (kind = 'UNEMPLOYED' and organization_credit_code is null)), constraint employment_record_period check (to_date is null or to_date >= from_date));`);
    this.addSql(`create index "employment_record_person_idx" on "employment_record" ("person_id");`);
    this.addSql(`create unique index "employment_record_once" on "employment_record" ("person_id", "kind", coalesce("organization_credit_code", ''), "from_date");`);

    this.addSql(`create table "job_posting" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "employer_credit_code" char(18) not null, "reference" varchar(64) not null, "employer_name" varchar(100) not null, "employer_industry" varchar(5) not null, "title" varchar(50) not null, "description" varchar(2000) not null, "occupation_code" varchar(40) not null, "district_code" char(6) not null, "work_address" varchar(200) not null, "salary_min" int not null, "salary_max" int not null, "education" text check ("education" in ('JUNIOR_SECONDARY', 'SENIOR_SECONDARY', 'JUNIOR_COLLEGE', 'BACHELOR', 'MASTER', 'DOCTORATE')) not null, "experience_years" smallint not null, "headcount" smallint not null, "contact_name" varchar(20) not null, "contact_phone" varchar(20) not null, "posted_on" date not null, "expires_on" date not null, "status" text check ("status" in ('OPEN', 'CLOSED', 'FILLED')) not null, "closed_on" date null, "posted_by_sub" varchar(100) not null, "posted_by_role" varchar(20) not null, "search_grams" text[] not null default '{}', constraint "job_posting_pkey" primary key ("id"), constraint job_posting_salary_range check (salary_min > 0 and salary_min <= salary_max), constraint job_posting_closed check ((status = 'OPEN') = (closed_on is null)));`);
    this.addSql(`create index "job_posting_employer_idx" on "job_posting" ("employer_credit_code");`);
    this.addSql(`create index "job_posting_search_idx" on "job_posting" using gin ("search_grams");`);
    this.addSql(`create index "job_posting_feed_idx" on "job_posting" ("posted_on" desc, "id" desc) where status = 'OPEN';`);
    this.addSql(`create index "job_posting_district_feed_idx" on "job_posting" ("district_code", "posted_on" desc, "id" desc) where status = 'OPEN';`);
    this.addSql(`alter table "job_posting" add constraint "job_posting_employer_reference_unique" unique ("employer_credit_code", "reference");`);
    for (const sql of SEARCH_GRAMS_SQL) this.addSql(sql);

    this.addSql(`create table "job_application" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "job_id" uuid not null, "applicant_id" uuid not null, "status" text check ("status" in ('SUBMITTED', 'VIEWED', 'INTERVIEW', 'OFFER', 'REJECTED', 'WITHDRAWN')) not null, "status_changed_at" timestamptz not null, constraint "job_application_pkey" primary key ("id"));`);
    this.addSql(`create index "job_application_applicant_idx" on "job_application" ("applicant_id");`);
    this.addSql(`alter table "job_application" add constraint "job_application_once" unique ("job_id", "applicant_id");`);

    this.addSql(`create table "job_seeker_profile" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "person_id" uuid not null, "display_name" varchar(20) not null, "contact_phone" varchar(20) null, "desired_occupations" text[] not null, "desired_districts" text[] not null, "desired_salary" int null, "education" text check ("education" in ('JUNIOR_SECONDARY', 'SENIOR_SECONDARY', 'JUNIOR_COLLEGE', 'BACHELOR', 'MASTER', 'DOCTORATE')) null, "experience_years" smallint not null, "skills" varchar(500) not null, "availability" varchar(50) not null, "visible_to_employers" boolean not null, constraint "job_seeker_profile_pkey" primary key ("id"));`);
    this.addSql(`alter table "job_seeker_profile" add constraint "job_seeker_profile_person_unique" unique ("person_id");`);

    this.addSql(`alter table "job_application" add constraint "job_application_job_id_foreign" foreign key ("job_id") references "job_posting" ("id") on update cascade;`);
  }

  override async down(): Promise<void> {
    for (const table of ['job_application', 'job_seeker_profile', 'job_posting', 'employment_record']) {
      this.addSql(`drop table if exists "${table}" cascade;`);
    }
    this.addSql('drop function if exists job_posting_grams() cascade;');
    this.addSql('drop function if exists job_search_grams(text) cascade;');
    for (const sql of DROP_ACCESS_LOG_SQL) this.addSql(sql);
  }

}
