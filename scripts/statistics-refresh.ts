/**
 * `npm run statistics:refresh`: refreshes the statistics extracts now, from every registry of the
 * running instance (start it with `npm start` first), showing progress, and exits when every
 * extract is stored. The running statistics subgraph picks the new extracts up on its next query.
 */
import { ensureDatabase, registryDatabaseUrl } from '../subgraphs/shared/database';
import { gatewayUrl } from '../subgraphs/shared/config';
import { loadRegistrySigningKey } from '../subgraphs/shared/keys';
import { createLogger } from '../subgraphs/shared/logger';
import { migrate, openRegistryOrm } from '../subgraphs/shared/orm';
import { Refresher } from '../subgraphs/statistics/refresh';
import { entities, migrations } from '../subgraphs/statistics/subgraph';

async function main(): Promise<void> {
  const log = createLogger('statistics-refresh');
  const url = registryDatabaseUrl('statistics');
  await ensureDatabase(url);
  const db = await openRegistryOrm({ registry: 'statistics', clientUrl: url, entities, migrations, log });
  try {
    await migrate(db.orm, log);
    const refresher = new Refresher({
      knex: db.orm.em.getKnex(),
      log,
      // Its own key, as the statistics subgraph signs: the gateway forwards to each registry.
      signingKey: () => loadRegistrySigningKey('statistics'),
      gatewayUrl,
    });
    const run = await refresher.refresh('COMMAND', process.env.USER ?? null);
    for (const source of run.progress) console.log(`${source.registry}: ${source.records} records`);
    if (run.status !== 'COMPLETE') {
      console.error(`The refresh failed: ${run.message}. The previous extracts stay in use; is \`npm start\` running?`);
      process.exitCode = 1;
    } else {
      console.log(`Statistics extracts as of ${run.asOf} are in use.`);
    }
  } finally {
    await db.orm.close();
  }
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
