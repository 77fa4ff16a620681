import { createRemoteJWKSet, errors as joseErrors, jwtVerify, type JWTVerifyGetKey, type CryptoKey } from 'jose';
import { unauthenticated } from '../subgraphs/shared/errors';
import { IdentityClaimError, parseIdentityClaims, type Identity } from '../subgraphs/shared/identity';
import type { UserTokenVerifier } from '../subgraphs/shared/keys';

/**
 * Checks the `Authorization: Bearer` token of a request. No header means anonymous; a header with
 * a malformed, badly signed, expired or otherwise unacceptable token is refused (UNAUTHENTICATED),
 * never treated as anonymous.
 */
export function createTokenVerifier(
  verifier: UserTokenVerifier,
  { issuer, audience }: { issuer: string; audience: string },
): (authorization: string | undefined) => Promise<Identity | null> {
  const key: Uint8Array | CryptoKey | JWTVerifyGetKey =
    verifier.kind === 'jwks'
      ? createRemoteJWKSet(verifier.url)
      : verifier.kind === 'secret'
        ? verifier.secret
        : verifier.key;
  const algorithms = verifier.kind === 'secret' ? ['HS256'] : ['RS256'];

  return async (authorization) => {
    if (authorization === undefined || authorization === '') return null;
    const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
    if (!match) throw unauthenticated('The Authorization header must be "Bearer <token>"', 401);
    try {
      const { payload } = await jwtVerify(match[1], key as Uint8Array, {
        algorithms,
        issuer,
        audience,
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        requiredClaims: ['exp', 'sub'],
      });
      // jose checks `nbf`, but `iat` only when maxTokenAge is set (which would make iat required):
      // a token issued in the future comes from a wrong clock or a forger, and is refused alike.
      if (payload.iat !== undefined && payload.iat > Date.now() / 1000 + CLOCK_TOLERANCE_SECONDS) {
        throw new IssuedInFuture();
      }
      return parseIdentityClaims(payload);
    } catch (error) {
      throw unauthenticated(`The bearer token was refused: ${reason(error)}`, 401);
    }
  };
}

/** Seconds of clock difference allowed between the identity provider and the gateway. */
const CLOCK_TOLERANCE_SECONDS = 5;

class IssuedInFuture extends Error {}

function reason(error: unknown): string {
  if (error instanceof IdentityClaimError) return error.message;
  if (error instanceof IssuedInFuture) {
    return `claim 'iat' says it was issued in the future (more than ${CLOCK_TOLERANCE_SECONDS} s ahead); check the issuer's clock`;
  }
  if (error instanceof joseErrors.JWTExpired) return 'it has expired; get a new one';
  if (error instanceof joseErrors.JWTClaimValidationFailed) return `claim '${error.claim}' ${error.reason}`;
  if (error instanceof joseErrors.JWSSignatureVerificationFailed) return 'its signature does not match this instance';
  if (error instanceof joseErrors.JOSEAlgNotAllowed)
    return 'it is signed with an algorithm this instance does not accept';
  if (error instanceof joseErrors.JWKSNoMatchingKey) return 'no key of the identity provider matches it';
  return 'it is not a well-formed JWT';
}
