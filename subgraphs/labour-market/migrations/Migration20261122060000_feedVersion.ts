import { Migration } from '@mikro-orm/migrations';

/**
 * The feed's version: one row, bumped in the same transaction by every statement that writes job
 * postings (to the clock in microseconds, and at least by one), so cached feed counts are used only
 * while no posting has changed since they were counted (a bump is visible with the write's commit,
 * never before).
 */
export class Migration20261122060000_feedVersion extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "job_feed_version" ("id" int not null, "version" bigint not null, constraint "job_feed_version_pkey" primary key ("id"));`);
    // Microseconds of the clock, and at least one more than before: never the same number twice,
    // not even after the database is dropped and created again under a running subgraph.
    this.addSql(`insert into "job_feed_version" ("id", "version") values (1, (extract(epoch from clock_timestamp()) * 1000000)::bigint);`);
    this.addSql(`create function job_feed_version_bump() returns trigger language plpgsql as $$
begin
  update job_feed_version
     set version = greatest(version + 1, (extract(epoch from clock_timestamp()) * 1000000)::bigint) where id = 1;
  return null;
end $$;`);
    this.addSql(`create trigger job_feed_version_bump after insert or update or delete or truncate on job_posting
  for each statement execute function job_feed_version_bump();`);
    // Statistics of the lowered title (ANALYZE samples it): without them the planner guesses that
    // a title LIKE matches 0.5% of postings and, with a district or salary filter, reads every
    // match through a bitmap instead of walking the feed index newest first and stopping at a page.
    this.addSql(`create statistics if not exists "job_posting_title_stats" on (lower("title")) from "job_posting";`);
  }

  override async down(): Promise<void> {
    this.addSql('drop statistics if exists "job_posting_title_stats";');
    this.addSql('drop trigger if exists job_feed_version_bump on job_posting;');
    this.addSql('drop function if exists job_feed_version_bump();');
    this.addSql('drop table if exists "job_feed_version";');
  }

}
