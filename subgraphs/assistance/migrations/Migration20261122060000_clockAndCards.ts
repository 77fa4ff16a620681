import { Migration } from '@mikro-orm/migrations';

/**
 * The deadline clock stops while a case is returned for materials (`clock_paused_on`), so a card
 * is one per colour and deadline (a case whose deadline moved can turn yellow again), and a card
 * can be acknowledged by an officer of its department (who, when, under which purpose, a note).
 */
export class Migration20261122060000_clockAndCards extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "application" add column "clock_paused_on" date null;`);
    this.addSql(`alter table "supervision_card" drop constraint "supervision_card_colour_unique";`);
    this.addSql(`alter table "supervision_card" add constraint "supervision_card_episode_unique" unique ("application_id", "colour", "deadline");`);
    this.addSql(`alter table "supervision_card" add column "acknowledged_at" timestamptz null, add column "acknowledged_by_sub" varchar(100) null, add column "acknowledged_by_role" varchar(20) null, add column "acknowledged_by_dept" varchar(40) null, add column "acknowledged_purpose" varchar(200) null, add column "acknowledgement_note" varchar(500) null;`);
    this.addSql(`create index "supervision_card_open_idx" on "supervision_card" ("department", "raised_on") where "acknowledged_at" is null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "supervision_card_open_idx";`);
    this.addSql(`alter table "supervision_card" drop column "acknowledged_at", drop column "acknowledged_by_sub", drop column "acknowledged_by_role", drop column "acknowledged_by_dept", drop column "acknowledged_purpose", drop column "acknowledgement_note";`);
    this.addSql(`alter table "supervision_card" drop constraint "supervision_card_episode_unique";`);
    this.addSql(`delete from "supervision_card" a using "supervision_card" b where a.application_id = b.application_id and a.colour = b.colour and a.id > b.id;`);
    this.addSql(`alter table "supervision_card" add constraint "supervision_card_colour_unique" unique ("application_id", "colour");`);
    this.addSql(`alter table "application" drop column "clock_paused_on";`);
  }
}
