/**
 * Hive Gateway as the bench runs it (`hive-gateway supergraph ../../schema/supergraph.graphql`,
 * with `--hive-router-runtime` for the Rust query planner): the product's committed supergraph,
 * the subgraphs at the bench's ports, and the plugin that does the product gateway's work
 * (token check, purpose, query limits, a signed assertion on every subgraph request).
 * Everything else is Hive Gateway's default.
 */
import { defineConfig } from '@graphql-hive/gateway';
import { SUBGRAPH_NAMES, envPrefix } from '../../subgraphs/catalog';
import { subgraphTimeoutMs, subgraphUrl } from '../../subgraphs/shared/config';
import {
  loadGatewaySigningKey,
  loadUserTokenVerifier,
  userTokenAudience,
  userTokenIssuer,
} from '../../subgraphs/shared/keys';
import { createTokenVerifier } from '../../gateway/authenticate';
import { useGovGraph } from './gov-graph-plugin';

// The bench stops this process by closing its IPC channel, which also closes if the bench dies:
// then stop as on SIGTERM (and with the channel closed, the process can exit once stopped).
process.once('disconnect', () => process.kill(process.pid, 'SIGTERM'));

// The same URLs the product's gateway reaches the subgraphs at (NATURAL_PERSON_URL or the port).
const subgraphUrls = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, subgraphUrl(name)]));
for (const name of SUBGRAPH_NAMES) {
  if (!process.env[`${envPrefix(name)}_PORT`] && !process.env[`${envPrefix(name)}_URL`]) {
    throw new Error(`${envPrefix(name)}_PORT is not set: start this through \`npm run bench\``);
  }
}

const keys = Promise.all([loadGatewaySigningKey(), loadUserTokenVerifier()]).then(([signingKey, verifier]) => ({
  signingKey,
  verifyToken: createTokenVerifier(verifier, { issuer: userTokenIssuer(), audience: userTokenAudience() }),
}));

export const gatewayConfig = defineConfig({
  transportEntries: Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, { location: subgraphUrls[name] }])),
  // The product's gateway gives up on a subgraph after SUBGRAPH_TIMEOUT_MS (default 5 s).
  upstreamTimeout: subgraphTimeoutMs(),
  plugins: () => [useGovGraph({ subgraphUrls, keys })],
});
