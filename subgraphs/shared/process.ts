import type { MigrationObject } from '@mikro-orm/core';
import type { EntitySchema } from '@mikro-orm/postgresql';
import type { RegistryName } from '../catalog';
import { delegatedCallTimeoutMs, gatewayUrl, intFromEnv, subgraphHost, subgraphPort } from './config';
import { ensureDatabase, registryDatabaseUrl } from './database';
import { GraphClient } from './graph';
import { loadGatewayPublicKey, loadRegistrySigner, loadRegistrySigningKey, type RegistrySigner } from './keys';
import type { RegistryServices } from './registry';
import { createLogger, type Logger } from './logger';
import { migrate, openRegistryOrm, type RegistryOrm } from './orm';
import { AccessLog } from './access-log/access-log';
import { serveSubgraph, type SubgraphDefinition } from './server';
import { finishTelemetry } from './telemetry/lifecycle';

/**
 * Running one subgraph as its own process (what each subgraphs/<name>/main.ts does): read the
 * configuration, open and migrate the database, open the access log (with the registry's own
 * signing key for checkpoints), serve, and stop cleanly on Ctrl-C or SIGTERM,
 * or when the launcher that started it goes away.
 */

export async function runRegistryProcess(
  name: RegistryName,
  parts: {
    entities: EntitySchema<any, any>[];
    migrations: MigrationObject[];
    build(
      db: RegistryOrm,
      log: Logger,
      graph: GraphClient,
      accessLog: AccessLog,
      signer: RegistrySigner,
      services: RegistryServices,
    ): SubgraphDefinition<any>;
  },
): Promise<void> {
  const log = createLogger(name);
  await runUntilStopped(log, async () => {
    const url = registryDatabaseUrl(name);
    await ensureDatabase(url);
    const db = await openRegistryOrm({
      registry: name,
      clientUrl: url,
      entities: parts.entities,
      migrations: parts.migrations,
      log,
    });
    await migrate(db.orm, log);
    const graph = new GraphClient({
      registry: name,
      signingKey: await loadRegistrySigningKey(name),
      gatewayUrl: gatewayUrl(),
      timeoutMs: delegatedCallTimeoutMs(),
      log,
    });
    const accessLog = await AccessLog.fromEnvironment(name, db.orm.em.getKnex(), log);
    const services: RegistryServices = {
      gatewayUrl,
      statisticsRefreshMinutes: intFromEnv('STATISTICS_REFRESH_INTERVAL_MINUTES', 1440),
    };
    const definition = parts.build(db, log, graph, accessLog, await loadRegistrySigner(name), services);
    const server = await serveSubgraph(definition, {
      port: subgraphPort(name),
      publicKey: await loadGatewayPublicKey(),
      host: subgraphHost(),
      log,
    });
    return async () => {
      await server.close();
      await accessLog.close();
      await db.orm.close();
    };
  });
}

/** Runs a service until SIGINT/SIGTERM (or the parent process disconnects), then stops it. */
export async function runUntilStopped(log: Logger, start: () => Promise<() => Promise<void>>): Promise<void> {
  let stop: (() => Promise<void>) | undefined;
  let stopping = false;
  const shutdown = async (why: string) => {
    if (stopping) return;
    stopping = true;
    log.info(`stopping (${why})`);
    try {
      await stop?.();
      await finishTelemetry();
      process.exit(0);
    } catch (error) {
      log.error({ err: error as Error }, 'error while stopping');
      process.exit(1);
    }
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('disconnect', () => void shutdown('launcher went away'));
  try {
    stop = await start();
    process.send?.({ ready: true });
  } catch (error) {
    log.error(`could not start: ${(error as Error).message}`);
    process.exit(1);
  }
}
