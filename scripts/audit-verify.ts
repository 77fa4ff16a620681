/**
 * `npm run audit:verify`: checks every registry's access log. The hash chain: no record missing,
 * none altered, each linked to the one before, the head pointing at the last. And the chain
 * against the registry's signed checkpoints (ACCESS_LOG_CHECKPOINT_DIR, default .data/checkpoints,
 * verified with each registry's public key), which finds a rewrite even when every later hash and
 * the head were recomputed. Exits 1 and lists every break if any log is broken; 2 if it could not run.
 */
import { REGISTRY_NAMES } from '../subgraphs/catalog';
import { auditAccessLog } from '../subgraphs/shared/access-log/audit';
import { checkpointFile } from '../subgraphs/shared/access-log/checkpoints';
import { checkpointDir } from '../subgraphs/shared/config';
import { loadRegistryPublicKeys } from '../subgraphs/shared/keys';
import { createLogger } from '../subgraphs/shared/logger';
import { openRegistryOrm } from '../subgraphs/shared/orm';
import { openDatabaseServer } from './lib/database-server';
import { REGISTRY_MODULES } from './lib/registries';

async function main(): Promise<number> {
  const publicKeys = await loadRegistryPublicKeys();
  const dir = checkpointDir();
  console.log(`signed checkpoints from ${dir}`);
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
        const audit = await auditAccessLog({
          registry: name,
          knex: db.orm.em.getKnex(),
          checkpoints: { file: checkpointFile(dir, name), publicKey: publicKeys[name] },
          onProgress: (checked) => {
            if (checked % 50_000 === 0) console.log(`  ${name}: ${checked} records checked...`);
          },
        });
        const took = ((Date.now() - started) / 1000).toFixed(1);
        const summary = `${name}: ${audit.checked} access records, ${audit.checkpoints} signed checkpoints`;
        if (audit.breaks.length === 0) {
          console.log(`${summary}, chain intact (${took} s)`);
        } else {
          broken += audit.breaks.length;
          console.log(`${summary}, ${audit.breaks.length} BREAK(S):`);
          for (const b of audit.breaks)
            console.log(b.seq > 0 ? `  at record ${b.seq}: ${b.problem}` : `  ${b.problem}`);
        }
        for (const note of audit.notes) console.log(`  note: ${note}`);
      } finally {
        await db.orm.close();
      }
    }
  } finally {
    await database.close();
  }
  if (broken > 0) {
    console.log(
      '\nThe access log has been tampered with or damaged. Keep a copy of the database and of the checkpoint ' +
        'files for investigation.',
    );
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
