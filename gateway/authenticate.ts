import { createRemoteJWKSet, errors as joseErrors, jwtVerify, type JWTVerifyGetKey, type CryptoKey } from 'jose';
import { unauthenticated } from '../subgraphs/shared/errors';
import { IdentityClaimError, parseIdentityClaims, type Identity } from '../subgraphs/shared/identity';
import type { UserTokenVerifier } from '../subgraphs/shared/keys';

/**
 * Checks the `Authorization: Bearer` token of a request. No header means anonymous; a header with
 * a malformed, badly signed, expired or otherwise unacceptable token is refused (UNAUTHENTICATED),
 * never treated as anonymous.
 *
 * A department app sends the same token with every request, so an accepted token is remembered
 * (at most `cacheSize` of them, least recently used dropped first) with the identity it carries,
 * until its `exp` or for at most `cacheSeconds` (so that a key withdrawn from a JWKS stops being
 * honoured soon), never past `exp`: the cache only spares repeating a check that passed. Refused
 * tokens are never remembered. `cacheSize` 0 turns it off.
 */
export function createTokenVerifier(
  verifier: UserTokenVerifier,
  {
    issuer,
    audience,
    cacheSize = TOKEN_CACHE_SIZE,
    cacheSeconds = TOKEN_CACHE_SECONDS,
    now = Date.now,
  }: { issuer: string; audience: string; cacheSize?: number; cacheSeconds?: number; now?: () => number },
): TokenVerifier {
  const accepted = new AcceptedTokens(cacheSize, now);
  const key: Uint8Array | CryptoKey | JWTVerifyGetKey =
    verifier.kind === 'jwks'
      ? createRemoteJWKSet(verifier.url)
      : verifier.kind === 'secret'
        ? verifier.secret
        : verifier.key;
  const algorithms = verifier.kind === 'secret' ? ['HS256'] : ['RS256'];

  const verify = async (authorization: string | undefined): Promise<Identity | null> => {
    if (authorization === undefined || authorization === '') return null;
    const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
    if (!match) throw unauthenticated('The Authorization header must be "Bearer <token>"', 401);
    const remembered = accepted.get(match[1]);
    if (remembered) return remembered;
    stats.checks += 1;
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
      const identity = parseIdentityClaims(payload);
      // jose requires `exp`; remembered until then at the latest.
      accepted.set(match[1], identity, Math.min((payload.exp as number) * 1000, now() + cacheSeconds * 1000));
      return identity;
    } catch (error) {
      throw unauthenticated(`The bearer token was refused: ${reason(error)}`, 401);
    }
  };
  const stats = { checks: 0 };
  return Object.assign(verify, { stats });
}

/** Checks an Authorization header: the identity, null for none, or throws UNAUTHENTICATED. */
export type TokenVerifier = ((authorization: string | undefined) => Promise<Identity | null>) & {
  /** Tokens checked (signature and claims) so far, as opposed to answered from the cache. */
  readonly stats: { readonly checks: number };
};

/** Seconds of clock difference allowed between the identity provider and the gateway. */
const CLOCK_TOLERANCE_SECONDS = 5;

/** Accepted tokens remembered at most (about 1 KB each). */
export const TOKEN_CACHE_SIZE = 10_000;
/** How long an accepted token is remembered at most, however long it is valid. */
export const TOKEN_CACHE_SECONDS = 300;

/** Accepted tokens with their identity and until when they may be trusted without a check (LRU). */
class AcceptedTokens {
  private readonly entries = new Map<string, { identity: Identity; until: number }>();

  constructor(
    private readonly capacity: number,
    private readonly now: () => number,
  ) {}

  get(token: string): Identity | null {
    const entry = this.entries.get(token);
    if (!entry) return null;
    this.entries.delete(token);
    if (this.now() >= entry.until) return null;
    // Most recently used last: Map keeps insertion order.
    this.entries.set(token, entry);
    return entry.identity;
  }

  set(token: string, identity: Identity, until: number): void {
    if (this.capacity <= 0 || until <= this.now()) return;
    this.entries.delete(token);
    if (this.entries.size >= this.capacity) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(token, {
      identity: Object.freeze({ ...identity, scopes: Object.freeze([...identity.scopes]) }) as Identity,
      until,
    });
  }
}

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
