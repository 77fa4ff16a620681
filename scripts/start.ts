/**
 * `npm start`: everything up on one machine. Creates the development keys, starts the embedded
 * PostgreSQL unless DATABASE_URL names a server, applies migrations, seeds the demo data into
 * empty registries, then starts every subgraph and the gateway as separate processes and keeps
 * them running: one that crashes is restarted with backoff while the others keep serving, and so is
 * the embedded PostgreSQL.
 * Ctrl-C (or SIGTERM) stops them in order: gateway, subgraphs, then PostgreSQL.
 */
import { REGISTRY_NAMES, SUBGRAPH_NAMES } from '../subgraphs/catalog';
import { seedAssistanceIfEmpty } from '../seeds/assistance';
import { gatewayPort, isProduction, subgraphPort } from '../subgraphs/shared/config';
import { ensureDatabase } from '../subgraphs/shared/database';
import { ensureDevelopmentKeys } from '../subgraphs/shared/keys';
import { createLogger } from '../subgraphs/shared/logger';
import { migrate, openRegistryOrm } from '../subgraphs/shared/orm';
import { seedDemoIfEmpty } from '../seeds';
import { openDatabaseServer, type DatabaseServer } from './lib/database-server';
import { REGISTRY_MODULES } from './lib/registries';
import { superviseService, type SupervisedService } from './lib/services';
import { ensureWebBuilt } from './lib/web-build';

const log = createLogger('start');
const services: SupervisedService[] = [];
let database: DatabaseServer | undefined;
let stopping = false;

async function main(): Promise<void> {
  const started = Date.now();
  ensureDevelopmentKeys();
  database = await openDatabaseServer((message) => log.info(message), { keepRunning: log });

  for (const name of REGISTRY_NAMES) {
    const url = database.registryUrl(name);
    await ensureDatabase(url);
    const { entities, migrations } = REGISTRY_MODULES[name];
    const db = await openRegistryOrm({
      registry: name,
      clientUrl: url,
      entities,
      migrations,
      log: createLogger(name),
      poolMax: 2,
    });
    try {
      await migrate(db.orm, log);
    } finally {
      await db.orm.close();
    }
  }
  await seedDemoIfEmpty(
    {
      naturalPersonUrl: database.registryUrl('natural-person'),
      legalPersonUrl: database.registryUrl('legal-person'),
      certificateUrl: database.registryUrl('certificate'),
      labourMarketUrl: database.registryUrl('labour-market'),
    },
    (message) => log.info(message),
  );
  await seedAssistanceIfEmpty(
    {
      naturalPersonUrl: database.registryUrl('natural-person'),
      certificateUrl: database.registryUrl('certificate'),
      assistanceUrl: database.registryUrl('assistance'),
    },
    { onProgress: (message) => log.info(message) },
  );

  await ensureWebBuilt((message) => log.info(message));

  const env = { ...database.env };
  // The subgraphs start side by side (each spends its start-up loading code, which both cores can
  // share); one that cannot start stops the launcher, and shutdown() then stops those that did.
  const starting = await Promise.allSettled(
    SUBGRAPH_NAMES.map((name) => superviseService(name, `subgraphs/${name}/main.ts`, env, log)),
  );
  for (const result of starting) if (result.status === 'fulfilled') services.push(result.value);
  const failed = starting.find((result) => result.status === 'rejected');
  if (failed) throw failed.reason;
  services.push(await superviseService('gateway', 'gateway/main.ts', env, log));

  const base = `http://localhost:${gatewayPort()}`;
  const url = `${base}/graphql`;
  log.info(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  process.stdout.write(
    [
      '',
      `  Pages:    ${base}/  (sign in at ${base}/sign-in${isProduction() ? '' : ' with a demo person'})`,
      `  Gateway:  ${url}`,
      ...(isProduction() ? [] : [`  Explorer: ${base}/explorer`]),
      `  Health:   ${base}/health (this process), ${base}/ready (every registry)`,
      `  Tokens:   npm run token -- --role citizen            (a demo citizen)`,
      `            npm run token -- --role officer --dept civil-affairs --scopes person:read,person:read:sensitive`,
      `  Subgraphs: ${SUBGRAPH_NAMES.map((n) => `${n} on port ${subgraphPort(n)}`).join(', ')}`,
      '  Stop with Ctrl-C.',
      '',
    ].join('\n') + '\n',
  );
}

async function shutdown(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  log.info('stopping: gateway, then subgraphs, then the database');
  for (const service of [...services].reverse()) await service.stop();
  await database?.close();
  log.info('stopped');
  process.exit(code);
}

process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

main().catch(async (error: Error) => {
  log.error(`could not start: ${error.message}`);
  await shutdown(1);
});
