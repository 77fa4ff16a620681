import { Migration } from '@mikro-orm/migrations';
import { ACCESS_LOG_DOWNGRADE_FROM_V2_SQL, ACCESS_LOG_UPGRADE_TO_V2_SQL } from '../../shared/access-log/migration';

/** The access log at format 2: identifier, via, records with no subject, outcomes rejected and unchanged, filter indexes. */
export class Migration20261121231712_accessLogV2 extends Migration {
  override async up(): Promise<void> {
    for (const sql of ACCESS_LOG_UPGRADE_TO_V2_SQL) this.addSql(sql);
  }

  override async down(): Promise<void> {
    for (const sql of ACCESS_LOG_DOWNGRADE_FROM_V2_SQL) this.addSql(sql);
  }
}
