import { WorkingCalendar } from '../shared/calendar';
import { intFromEnv } from '../shared/config';
import type { AccessLog } from '../shared/access-log/access-log';
import type { GraphClient } from '../shared/graph';
import type { RegistrySigner } from '../shared/keys';
import type { Logger } from '../shared/logger';
import type { RegistryOrm } from '../shared/orm';
import { OutboxWorker } from '../shared/outbox/outbox';
import { registrySubgraph } from '../shared/registry';
import { ServiceCaller } from '../shared/service-calls';
import type { AssistanceRequestExtras } from './context';
import { issueMinimumAllowanceHandler, recordMaterialUseHandler } from './issuance';
import { createLoaders } from './loaders';
import { permissions } from './permissions';
import { statisticsExtract } from './statistics-extract';
import { ISSUE_MINIMUM_ALLOWANCE, RECORD_MATERIAL_USE } from './programmes';
import { resolvers } from './resolvers';
import { CardSweeper, raiseCards } from './supervision';

export { entities } from './entities';
export { migrations } from './migrations';

/**
 * The assistance subgraph over an open ORM: schema, resolvers, permissions, loaders, and its
 * background work: the outbox worker that delivers approvals' effects (the minimum-allowance
 * certificate, issued by the certificate registry at the registry's own request, signed with
 * `signer`), and the supervision sweep that raises cards when cases turn yellow or red.
 */
export function assistanceSubgraph(
  db: RegistryOrm,
  log: Logger,
  graph: GraphClient,
  accessLog: AccessLog,
  signer: RegistrySigner,
) {
  const knex = db.orm.em.getKnex();
  const calendar = WorkingCalendar.fromEnv();
  const yellowDays = intFromEnv('SUPERVISION_YELLOW_DAYS', 2);
  const caller = new ServiceCaller({
    registry: 'assistance',
    signingKey: signer.key,
    gatewayUrl: () => graph.gatewayUrl(),
    timeoutMs: graph.timeoutMs,
  });
  const worker = new OutboxWorker({
    knex,
    log,
    handlers: {
      [ISSUE_MINIMUM_ALLOWANCE]: issueMinimumAllowanceHandler(caller),
      [RECORD_MATERIAL_USE]: recordMaterialUseHandler(caller),
    },
    pollMs: intFromEnv('OUTBOX_POLL_MS', 1000),
    baseBackoffMs: intFromEnv('OUTBOX_BACKOFF_MS', 500),
    maxBackoffMs: intFromEnv('OUTBOX_MAX_BACKOFF_MS', 60_000),
  });
  const sweeper = new CardSweeper(
    () => raiseCards(knex, calendar, yellowDays),
    intFromEnv('SUPERVISION_SWEEP_MS', 60_000),
    (error) => log.error({ err: error }, 'supervision sweep failed; it runs again shortly'),
  );
  const definition = registrySubgraph({
    name: 'assistance',
    resolvers,
    permissions,
    db,
    log,
    graph,
    accessLog,
    createLoaders,
    statisticsExtract,
    extendContext: (): AssistanceRequestExtras => ({ calendar, yellowDays, nudgeOutbox: () => worker.nudge() }),
  });
  return {
    ...definition,
    outbox: worker,
    background: {
      start: () => {
        worker.start();
        sweeper.start();
      },
      stop: async () => {
        sweeper.stop();
        await worker.stop();
      },
    },
  };
}
