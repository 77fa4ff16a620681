/** Starts the data-tracker subgraph as its own process (the launcher runs this). */
import { REGISTRY_NAMES, type RegistryName } from '../catalog';
import { subgraphHost, subgraphPort, subgraphTimeoutMs, subgraphUrl } from '../shared/config';
import { loadGatewayPublicKey, loadGatewaySigningKey } from '../shared/keys';
import { createLogger } from '../shared/logger';
import { runUntilStopped } from '../shared/process';
import { serveSubgraph } from '../shared/server';
import { RegistryAccessLogs } from './registry-client';
import { dataTrackerSubgraph } from './subgraph';

const log = createLogger('data-tracker');

void runUntilStopped(log, async () => {
  const registries = Object.fromEntries(REGISTRY_NAMES.map((name) => [name, subgraphUrl(name)])) as Record<
    RegistryName,
    string
  >;
  const accessLogs = new RegistryAccessLogs(registries, await loadGatewaySigningKey(), subgraphTimeoutMs(), log);
  const server = await serveSubgraph(dataTrackerSubgraph(accessLogs), {
    port: subgraphPort('data-tracker'),
    publicKey: await loadGatewayPublicKey(),
    host: subgraphHost(),
    log,
  });
  return () => server.close();
});
