import { Migration } from '@mikro-orm/migrations';
import { ACCESS_LOG_V2_SQL, DROP_ACCESS_LOG_SQL } from '../../shared/access-log/migration';
import { DROP_STATISTICS_TABLES_SQL, STATISTICS_TABLES_SQL } from '../store';

/** The extracts (pseudonym, record key, attributes per registry), the refresh runs, and the access log. */
export class Migration20261122020000_initial extends Migration {
  override async up(): Promise<void> {
    for (const sql of ACCESS_LOG_V2_SQL) this.addSql(sql);
    for (const sql of STATISTICS_TABLES_SQL) this.addSql(sql);
  }

  override async down(): Promise<void> {
    for (const sql of DROP_STATISTICS_TABLES_SQL) this.addSql(sql);
    for (const sql of DROP_ACCESS_LOG_SQL) this.addSql(sql);
  }
}
