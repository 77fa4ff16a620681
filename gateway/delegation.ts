import type { ApolloServerPlugin } from '@apollo/server';
import type { Request } from 'express';
import { operationDigest, operationFromBody } from '../subgraphs/shared/assertion';
import {
  DELEGATION_HEADER,
  DelegationError,
  verifyDelegation,
  type DelegationKeys,
} from '../subgraphs/shared/delegation';
import { forbidden, unauthenticated } from '../subgraphs/shared/errors';
import type { Caller } from '../subgraphs/shared/identity';
import { TokenIdMemory } from '../subgraphs/shared/replay';
import { SERVICE_HEADER, verifyServiceCall } from '../subgraphs/shared/service-calls';
import type { GatewayContext } from './data-source';

/**
 * Delegated calls, the gateway side: a request carrying `x-registry-delegation` instead of a
 * bearer token is a registry asking on behalf of the caller it is serving (see
 * subgraphs/shared/delegation.ts for the token and what is checked). Such a request runs as that
 * caller, with the original purpose and request id, and `via` = the registry in every subgraph
 * assertion. Anything wrong is refused with 401 UNAUTHENTICATED naming the reason.
 */
export function createDelegationVerifier(keys: DelegationKeys): (req: Request) => Promise<Caller | null> {
  // Delegations already accepted by this gateway process (replicas keep their own).
  const seen = new TokenIdMemory();
  const verifyService = serviceVerifier(keys, new TokenIdMemory());
  return async (req) => {
    const service = req.get(SERVICE_HEADER);
    if (service !== undefined) return verifyService(req, service);
    const token = req.get(DELEGATION_HEADER);
    if (token === undefined) return null;
    const refuse = (reason: string) => unauthenticated(`The registry delegation was refused: ${reason}`, 401);
    if (req.get('authorization') !== undefined) {
      throw refuse('a request carries either a bearer token or a registry delegation, not both');
    }
    if (req.get('x-purpose') !== undefined) {
      throw refuse('a delegated call runs under the purpose of the request it serves; send no X-Purpose');
    }
    if (req.method !== 'POST') throw refuse(`a delegated call is a POST, not ${req.method}`);
    const operation = operationFromBody(req.body);
    if (typeof operation === 'string') throw refuse(`its body is not one signed operation: ${operation}`);
    try {
      return await verifyDelegation(keys, token, { digest: operationDigest(operation), seen });
    } catch (error) {
      if (!(error instanceof DelegationError)) throw refuse('it could not be checked');
      const refusal = refuse(error.message);
      // Replay memory full: not the registry's fault; it may retry.
      if (error.status === 503) refusal.extensions.http = { status: 503 };
      throw refusal;
    }
  };
}

/**
 * A registry calling a declared service operation as itself (subgraphs/shared/service-calls.ts).
 * Refused like a bad delegation: 401 UNAUTHENTICATED naming the reason.
 */
function serviceVerifier(keys: DelegationKeys, seen: TokenIdMemory) {
  return async (req: Request, token: string): Promise<Caller> => {
    const refuse = (reason: string) => unauthenticated(`The registry service call was refused: ${reason}`, 401);
    if (req.get('authorization') !== undefined || req.get(DELEGATION_HEADER) !== undefined) {
      throw refuse('a service call carries neither a bearer token nor a delegation');
    }
    if (req.get('x-purpose') !== undefined) throw refuse('its purpose is signed in the token; send no X-Purpose');
    if (req.method !== 'POST') throw refuse(`a service call is a POST, not ${req.method}`);
    const operation = operationFromBody(req.body);
    if (typeof operation === 'string') throw refuse(`its body is not one signed operation: ${operation}`);
    try {
      return await verifyServiceCall(keys.registries, token, { operation, seen });
    } catch (error) {
      if (!(error instanceof DelegationError)) throw refuse('it could not be checked');
      const refusal = refuse(error.message);
      if (error.status === 503) refusal.extensions.http = { status: 503 };
      throw refusal;
    }
  };
}

/**
 * Delegated calls only read: a registry checks facts through the graph; effects in another
 * registry go through that registry's own mutations (or an outbox), under the caller's own token.
 */
export function delegatedReadsOnlyPlugin(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, contextValue }) {
          const via = contextValue.caller.via;
          const kind = operation?.operation ?? 'operation';
          if (via !== null && kind !== 'query') {
            const error = forbidden(
              `A call delegated by ${via} may only read; a ${kind} is not run on a caller's behalf`,
            );
            error.extensions.http = { status: 403 };
            throw error;
          }
        },
      };
    },
  };
}
