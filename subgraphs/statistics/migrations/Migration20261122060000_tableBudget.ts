import { Migration } from '@mikro-orm/migrations';

/** The distinct tables each caller asked for per budget period (budget.ts). */
export class Migration20261122060000_tableBudget extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "table_budget_use" ("caller" varchar(120) not null, "period_start" timestamptz not null, "table_key" varchar(64) not null, "asked_at" timestamptz not null, constraint "table_budget_use_pkey" primary key ("caller", "period_start", "table_key"));`,
    );
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists "table_budget_use";');
  }
}
