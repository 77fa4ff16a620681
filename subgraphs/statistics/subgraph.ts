import type { AccessLog } from '../shared/access-log/access-log';
import type { GraphClient } from '../shared/graph';
import type { RegistrySigner } from '../shared/keys';
import type { Logger } from '../shared/logger';
import type { RegistryOrm } from '../shared/orm';
import { registrySubgraph, type RegistryServices } from '../shared/registry';
import type { StatisticsContext } from './context';
import { mountStatisticsCsvRoute } from './csv';
import { permissions } from './permissions';
import { tableBudgetFromEnv } from './budget';
import { Refresher } from './refresh';
import { resolvers } from './resolvers';
import { disclosureFromEnv, StatisticsService } from './service';
import { latestRunId } from './store';

export { entities } from './entities';
export { migrations } from './migrations';

/** How long after start the first scheduled refresh runs when there is no extract yet (the registries start alongside). */
const FIRST_REFRESH_DELAY_MS = 15_000;

/**
 * The statistics subgraph over an open ORM: the tables, the CSV route, and the refresher that
 * pulls every registry's extract on a schedule (STATISTICS_REFRESH_INTERVAL_MINUTES) and on demand.
 */
export function statisticsSubgraph(
  db: RegistryOrm,
  log: Logger,
  graph: GraphClient,
  accessLog: AccessLog,
  signer: RegistrySigner,
  services: RegistryServices,
) {
  const knex = db.orm.em.getKnex();
  let service: StatisticsService | null = null;
  const refresher = new Refresher({
    knex,
    log,
    signingKey: async () => signer.key,
    gatewayUrl: services.gatewayUrl,
    onComplete: () => service?.reload(),
  });
  service = new StatisticsService(knex, disclosureFromEnv(), refresher, log, tableBudgetFromEnv());
  const statistics = service;
  schedule(services.statisticsRefreshMinutes, refresher, knex, log);
  return registrySubgraph<Record<string, never>, Pick<StatisticsContext, 'statistics'>>({
    name: 'statistics',
    resolvers,
    permissions,
    db,
    log,
    graph,
    accessLog,
    createLoaders: () => ({}),
    extendContext: () => ({ statistics }),
    routes: (app, authenticate) => mountStatisticsCsvRoute(app, authenticate, statistics, log),
  });
}

function schedule(
  minutes: number,
  refresher: Refresher,
  knex: ReturnType<RegistryOrm['orm']['em']['getKnex']>,
  log: Logger,
) {
  if (minutes <= 0) {
    log.info('statistics: no scheduled refresh (STATISTICS_REFRESH_INTERVAL_MINUTES=0); refresh on demand');
    return;
  }
  const run = () =>
    void refresher
      .refresh('SCHEDULE')
      .catch((error: Error) => log.error({ err: error }, 'scheduled statistics refresh failed'));
  setInterval(run, minutes * 60_000).unref();
  const first = setTimeout(() => {
    void latestRunId(knex)
      .then((latest) => {
        if (latest === 0) run();
      })
      .catch((error: Error) => log.error({ err: error }, 'statistics: could not read the extracts'));
  }, FIRST_REFRESH_DELAY_MS);
  first.unref();
  log.info({ everyMinutes: minutes }, 'statistics: extracts refresh on a schedule');
}
