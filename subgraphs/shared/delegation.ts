import { randomUUID } from 'node:crypto';
import { SignJWT, decodeJwt, errors as joseErrors, jwtVerify, type CryptoKey } from 'jose';
import { REGISTRY_NAMES, type RegistryName } from '../catalog';
import {
  AssertionError,
  CLOCK_TOLERANCE_SECONDS,
  readAssertion,
  rememberOnce,
  type AssertionContent,
} from './assertion';
import type { Caller } from './identity';
import { GATEWAY_ASSERTION_ALG } from './keys';
import type { TokenIdMemory } from './replay';

/**
 * The delegation token: how a registry serving a request asks the graph, through the gateway, on
 * behalf of that request's caller. Signed with the registry's own Ed25519 key, it carries the
 * gateway assertion of the request the registry is serving and the digest of the operation it
 * sends now, so the gateway can check that the identity comes from a live request to that same
 * registry and that the body is the one the registry signed.
 *
 * Sent as header `x-registry-delegation` on a POST to the gateway's /graphql.
 * Header `{ alg: 'EdDSA', typ: 'gov-graph-delegation+jwt' }`; claims: `iss` the registry's name,
 * `aud` 'gov-graph-gateway', `jti`, `iat`, `exp` (iat + 30 s), `asr` the gateway assertion the
 * registry received, `dig` operationDigest() of the delegated request body.
 */

export const DELEGATION_HEADER = 'x-registry-delegation';
export const DELEGATION_TYPE = 'gov-graph-delegation+jwt';
export const DELEGATION_AUDIENCE = 'gov-graph-gateway';
export const DELEGATION_LIFETIME_SECONDS = 30;

export async function signDelegation(
  key: CryptoKey,
  { registry, assertion, digest }: { registry: RegistryName; assertion: string; digest: string },
): Promise<string> {
  return new SignJWT({ asr: assertion, dig: digest })
    .setProtectedHeader({ alg: GATEWAY_ASSERTION_ALG, typ: DELEGATION_TYPE })
    .setIssuer(registry)
    .setAudience(DELEGATION_AUDIENCE)
    .setJti(randomUUID())
    .setIssuedAt()
    .setExpirationTime(`${DELEGATION_LIFETIME_SECONDS}s`)
    .sign(key);
}

/** A refused delegation; the message says why. 503 when the gateway cannot take more now. */
export class DelegationError extends Error {
  constructor(
    message: string,
    readonly status: 401 | 503 = 401,
  ) {
    super(message);
  }
}

/** The public keys a delegation is checked with. */
export interface DelegationKeys {
  /** The gateway's: the embedded assertion must be the gateway's own. */
  gateway: CryptoKey;
  /** Each registry's: the delegation must be signed by the registry it names. */
  registries: Record<RegistryName, CryptoKey>;
}

/**
 * The gateway's check of a delegation, for a request whose body has operation digest `digest`.
 * Accepts it only when it is signed by the registry it names (typ, audience, lifetime), the
 * embedded assertion is a valid gateway assertion addressed to that registry and not expired, it
 * is not itself from a delegated request (no chains), the digest matches, and its jti is unused.
 * Returns the original caller (identity, purpose, request id) with `via` = the registry.
 */
export async function verifyDelegation(
  keys: DelegationKeys,
  token: string,
  { digest, seen }: { digest: string; seen: TokenIdMemory },
): Promise<Caller> {
  let named: unknown;
  try {
    named = decodeJwt(token).iss;
  } catch {
    throw new DelegationError('it is not a well-formed JWT');
  }
  if (typeof named !== 'string' || !(REGISTRY_NAMES as readonly string[]).includes(named)) {
    throw new DelegationError(
      `its issuer ${JSON.stringify(named ?? null)} is not a registry; registries are ${REGISTRY_NAMES.join(', ')}`,
    );
  }
  const registry = named as RegistryName;
  let payload: Record<string, unknown>;
  try {
    ({ payload } = await jwtVerify(token, keys.registries[registry], {
      algorithms: [GATEWAY_ASSERTION_ALG],
      typ: DELEGATION_TYPE,
      issuer: registry,
      audience: DELEGATION_AUDIENCE,
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
      maxTokenAge: DELEGATION_LIFETIME_SECONDS + CLOCK_TOLERANCE_SECONDS,
      requiredClaims: ['exp', 'jti'],
    }));
  } catch (error) {
    if (error instanceof joseErrors.JWSSignatureVerificationFailed) {
      throw new DelegationError(`it is not signed with the ${registry} registry's key`);
    }
    if (error instanceof joseErrors.JWTExpired) throw new DelegationError('it has expired');
    if (error instanceof joseErrors.JWTClaimValidationFailed) {
      throw new DelegationError(`claim '${error.claim}' ${error.reason}`);
    }
    throw new DelegationError(`it is not a valid ${DELEGATION_TYPE} signed by the ${registry} registry`);
  }
  if (typeof payload.asr !== 'string') throw new DelegationError("it carries no gateway assertion (claim 'asr')");
  if (typeof payload.dig !== 'string') throw new DelegationError("it carries no operation digest (claim 'dig')");

  let embedded: AssertionContent;
  try {
    embedded = await readAssertion(keys.gateway, payload.asr, {
      audience: registry,
      what: 'its embedded gateway assertion',
    });
  } catch (error) {
    throw new DelegationError(
      error instanceof AssertionError
        ? `${error.message} (it must be the assertion of a request ${registry} is serving now)`
        : 'its embedded gateway assertion could not be checked',
    );
  }
  if (embedded.caller.via !== null) {
    throw new DelegationError(
      `its embedded assertion is itself from a call delegated by ${embedded.caller.via}: delegated calls do not chain`,
    );
  }
  if (payload.dig !== digest) throw new DelegationError('it was issued for a different request body');
  try {
    rememberOnce(seen, payload.jti as string, payload.exp as number, 'the delegation');
  } catch (error) {
    const refusal = error as AssertionError;
    throw new DelegationError(refusal.message, refusal.status);
  }
  return { ...embedded.caller, via: registry };
}
