/** Starts the gateway as its own process (the launcher runs this). */
import { SUBGRAPH_NAMES, type SubgraphName } from '../subgraphs/catalog';
import { gatewayPort, isProduction, metricsToken, subgraphTimeoutMs, subgraphUrl } from '../subgraphs/shared/config';
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
import { demoSignIns } from '../subgraphs/shared/demo-tokens';
import { demoCitizen } from '../seeds';
import { runUntilStopped } from '../subgraphs/shared/process';
import { createTokenVerifier } from './authenticate';
import { queryLimits, rateLimits, redisUrl, trustedDocuments, trustProxy } from './config';
import { RequestRateLimiter } from './rate-limit';
import { createDelegationVerifier } from './delegation';
import { startGateway } from './server';

const log = createLogger('gateway');

void runUntilStopped(log, async () => {
  const limits = rateLimits();
  const rateLimiter = await RequestRateLimiter.fromEnvironment(limits, redisUrl(), log);
  const trusted = trustedDocuments();
  const userTokens = await loadUserTokenVerifier();
  // The pages' development sign-in: only outside production, and only where tokens are checked
  // with the development secret (never beside an identity provider).
  const demoTokenSecret = userTokens.kind === 'secret' && !isProduction() ? userTokens.secret : null;
  const citizen = demoTokenSecret ? demoCitizen() : null;
  const gateway = await startGateway({
    port: gatewayPort(),
    subgraphUrls: Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, subgraphUrl(name)])) as Record<
      SubgraphName,
      string
    >,
    verifyToken: createTokenVerifier(userTokens, {
      issuer: userTokenIssuer(),
      audience: userTokenAudience(),
    }),
    verifyDelegation: createDelegationVerifier({
      gateway: await loadGatewayPublicKey(),
      registries: await loadRegistryPublicKeys(),
    }),
    signingKey: await loadGatewaySigningKey(),
    statisticsKey: (await loadRegistryPublicKeys()).statistics,
    registryJwks: await registryJwks(await loadRegistryPublicKeys()),
    subgraphTimeoutMs: subgraphTimeoutMs(),
    limits: queryLimits(),
    rateLimiter,
    trustedDocuments: trusted,
    metricsToken: metricsToken(),
    trustProxy: trustProxy(),
    demoTokens:
      demoTokenSecret && citizen
        ? () =>
            demoSignIns(citizen, { secret: demoTokenSecret, issuer: userTokenIssuer(), audience: userTokenAudience() })
        : undefined,
    log,
  });
  log.info(
    {
      rateLimits: limits,
      rateLimitStore: rateLimiter.shared ? 'redis' : 'memory',
      trustedDocuments: trusted ? `${trusted.documents.size} documents, anonymous ${trusted.anonymous}` : 'off',
      metrics: metricsToken() ? 'GET /metrics with METRICS_TOKEN' : 'off (set METRICS_TOKEN)',
    },
    'gateway operations settings',
  );
  return async () => {
    await gateway.close();
    await rateLimiter.close();
  };
});
