import type { CryptoKey } from 'jose';
import { ASSERTION_HEADER, operationDigest, signAssertion } from '../../subgraphs/shared/assertion';
import type { Caller } from '../../subgraphs/shared/identity';

/**
 * How anything other than the product's gateway signs a subgraph request in the bench: the peer
 * gateways' plugin and the direct-to-subgraph contender. Both use the product's own signAssertion
 * and digest, so the subgraphs check them exactly as they check the gateway's.
 */

/** The body of a GraphQL request to a subgraph, as sent. */
export interface SubgraphRequestBody {
  query: string;
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
}

/** What the assertion is bound to: the whole operation, as the product's gateway binds it. */
export function subgraphRequestDigest(body: SubgraphRequestBody): string {
  return operationDigest(body);
}

/** A fresh assertion for one request to `subgraph` (single use: sign one per request). */
export function signSubgraphRequest(
  key: CryptoKey,
  subgraph: string,
  caller: Caller,
  body: SubgraphRequestBody,
): Promise<string> {
  return signAssertion(key, { audience: subgraph, caller, digest: subgraphRequestDigest(body) });
}

export { ASSERTION_HEADER };

/** The gateway's signing key (jose's CryptoKey, from the product's copy of jose). */
export type SigningKey = CryptoKey;
