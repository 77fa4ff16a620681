/**
 * `npm run audit:verify`: walks every registry's access log and checks its hash chain: no record
 * missing, none altered, each linked to the one before, the head pointing at the last. Exits 1
 * and lists every break if any chain is broken.
 */
import { REGISTRY_NAMES } from '../subgraphs/catalog';
import { verifyChain } from '../subgraphs/shared/access-log/chain';
import { createLogger } from '../subgraphs/shared/logger';
import { openRegistryOrm } from '../subgraphs/shared/orm';
import { openDatabaseServer } from './lib/database-server';
import { REGISTRY_MODULES } from './lib/registries';

async function main(): Promise<number> {
  const database = await openDatabaseServer((message) => console.log(message));
  let broken = 0;
  try {
    for (const name of REGISTRY_NAMES) {
      const { entities, migrations } = REGISTRY_MODULES[name];
      const db = await openRegistryOrm({
        registry: name,
        clientUrl: database.registryUrl(name),
        entities,
        migrations,
        log: createLogger(name),
        poolMax: 1,
      });
      try {
        const started = Date.now();
        const result = await verifyChain(db.orm.em.getKnex(), (checked) => {
          if (checked > 0 && checked % 50_000 === 0) console.log(`  ${name}: ${checked} records checked...`);
        });
        const took = ((Date.now() - started) / 1000).toFixed(1);
        if (result.breaks.length === 0) {
          console.log(`${name}: ${result.checked} access records, chain intact (${took} s)`);
        } else {
          broken += result.breaks.length;
          console.log(`${name}: ${result.checked} access records, ${result.breaks.length} BREAK(S):`);
          for (const b of result.breaks) console.log(`  at record ${b.seq}: ${b.problem}`);
        }
      } finally {
        await db.orm.close();
      }
    }
  } finally {
    await database.close();
  }
  if (broken > 0) {
    console.log('\nThe access log has been tampered with or damaged. Keep a copy of the database for investigation.');
    return 1;
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(`audit:verify could not run: ${error.message}`);
    process.exit(2);
  },
);
