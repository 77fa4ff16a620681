import { createHash, randomUUID } from 'node:crypto';
import { SignJWT, jwtVerify, errors as joseErrors, type CryptoKey } from 'jose';
import { GATEWAY_ASSERTION_ALG } from './keys';
import { parseIdentityClaims, type Caller } from './identity';

/**
 * The gateway assertion: a short-lived Ed25519-signed JWT the gateway puts on every subgraph
 * request. It carries the verified caller, is addressed to one subgraph (audience) and is bound
 * to the exact operation text, so it cannot be replayed against another subgraph or another query.
 */

export const ASSERTION_HEADER = 'x-gateway-assertion';
const ISSUER = 'gov-graph-gateway';
const LIFETIME_SECONDS = 60;
const CLOCK_TOLERANCE_SECONDS = 5;

/** Digest that binds an assertion to what the request asks for (GraphQL query text or a URL path+query). */
export function requestDigest(text: string): string {
  return createHash('sha256').update(text).digest('base64url');
}

export async function signAssertion(
  key: CryptoKey,
  { audience, caller, digest }: { audience: string; caller: Caller; digest: string },
): Promise<string> {
  return new SignJWT({
    idn: caller.identity,
    pur: caller.purpose,
    rid: caller.requestId,
    op: caller.operationName,
    via: caller.via,
    dig: digest,
  })
    .setProtectedHeader({ alg: GATEWAY_ASSERTION_ALG })
    .setIssuer(ISSUER)
    .setAudience(audience)
    .setJti(randomUUID())
    .setIssuedAt()
    .setExpirationTime(`${LIFETIME_SECONDS}s`)
    .sign(key);
}

export class AssertionError extends Error {}

/**
 * Verifies an assertion for this subgraph and request. Throws AssertionError saying why it was
 * refused (missing, bad signature, wrong audience, expired, digest mismatch, malformed identity).
 */
export async function verifyAssertion(
  key: CryptoKey,
  token: string | undefined,
  { audience, digest }: { audience: string; digest: string },
): Promise<Caller> {
  if (!token) throw new AssertionError(`missing ${ASSERTION_HEADER} header: only the gateway may call this service`);
  let payload: Record<string, unknown>;
  try {
    ({ payload } = await jwtVerify(token, key, {
      algorithms: [GATEWAY_ASSERTION_ALG],
      issuer: ISSUER,
      audience,
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
      maxTokenAge: LIFETIME_SECONDS + CLOCK_TOLERANCE_SECONDS,
    }));
  } catch (error) {
    if (error instanceof joseErrors.JWTExpired) throw new AssertionError('gateway assertion expired');
    if (error instanceof joseErrors.JWTClaimValidationFailed) {
      throw new AssertionError(`gateway assertion rejected: ${error.claim} ${error.reason}`);
    }
    throw new AssertionError('gateway assertion has an invalid signature or format');
  }
  if (payload.dig !== digest) throw new AssertionError('gateway assertion was issued for a different request');
  if (typeof payload.rid !== 'string') throw new AssertionError('gateway assertion lacks a request id');
  let identity = null;
  if (payload.idn !== null && payload.idn !== undefined) {
    try {
      identity = parseIdentityClaims(payload.idn as Record<string, unknown>);
    } catch (error) {
      throw new AssertionError(`gateway assertion carries a malformed identity: ${(error as Error).message}`);
    }
  }
  return {
    identity,
    purpose: typeof payload.pur === 'string' ? payload.pur : null,
    requestId: payload.rid,
    operationName: typeof payload.op === 'string' ? payload.op : null,
    via: typeof payload.via === 'string' ? payload.via : null,
  };
}
