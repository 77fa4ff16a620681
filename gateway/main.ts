/** Starts the gateway as its own process (the launcher runs this). */
import { SUBGRAPH_NAMES, type SubgraphName } from '../subgraphs/catalog';
import { gatewayPort, subgraphTimeoutMs, subgraphUrl } from '../subgraphs/shared/config';
import {
  loadGatewayPublicKey,
  loadGatewaySigningKey,
  loadRegistryPublicKeys,
  loadUserTokenVerifier,
  registryJwks,
  userTokenAudience,
  userTokenIssuer,
} from '../subgraphs/shared/keys';
import { createLogger } from '../subgraphs/shared/logger';
import { runUntilStopped } from '../subgraphs/shared/process';
import { createTokenVerifier } from './authenticate';
import { createDelegationVerifier } from './delegation';
import { startGateway } from './server';

const log = createLogger('gateway');

void runUntilStopped(log, async () => {
  const gateway = await startGateway({
    port: gatewayPort(),
    subgraphUrls: Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, subgraphUrl(name)])) as Record<
      SubgraphName,
      string
    >,
    verifyToken: createTokenVerifier(await loadUserTokenVerifier(), {
      issuer: userTokenIssuer(),
      audience: userTokenAudience(),
    }),
    verifyDelegation: createDelegationVerifier({
      gateway: await loadGatewayPublicKey(),
      registries: await loadRegistryPublicKeys(),
    }),
    signingKey: await loadGatewaySigningKey(),
    registryJwks: await registryJwks(await loadRegistryPublicKeys()),
    subgraphTimeoutMs: subgraphTimeoutMs(),
    log,
  });
  return () => gateway.close();
});
