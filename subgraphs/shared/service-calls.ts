import { randomUUID } from 'node:crypto';
import { SignJWT, decodeJwt, jwtVerify, type CryptoKey } from 'jose';
import { REGISTRY_NAMES, SUBGRAPHS, type RegistryName } from '../catalog';
import { CLOCK_TOLERANCE_SECONDS, operationDigest, rememberOnce, type GraphQLOperation } from './assertion';
import { DelegationError } from './delegation';
import type { Caller, Department, Identity } from './identity';
import { GATEWAY_ASSERTION_ALG } from './keys';
import type { TokenIdMemory } from './replay';

/**
 * Service calls: a registry calling another registry's mutation as itself, not on behalf of a user
 * (an outbox worker delivering an approval's effect hours after the officer's request ended).
 *
 * Only the operations declared here can be called this way, each by exactly one registry, with
 * exactly this text. The calling registry signs a service token with its own Ed25519 key (header
 * `x-registry-service`: typ gov-graph-service+jwt, iss the registry, aud gov-graph-gateway, jti,
 * exp 30 s, `dig` the operation digest, `pur` the case reference it serves). The gateway checks it
 * and runs the operation as identity { sub: <registry>, role: 'service', dept: <its department> }
 * with operationName = the declared name. The receiving registry's rules allow exactly that
 * operation from that registry (rules.ts isServiceOperation) and its access log records it.
 */

export const SERVICE_HEADER = 'x-registry-service';
export const SERVICE_TYPE = 'gov-graph-service+jwt';
export const SERVICE_AUDIENCE = 'gov-graph-gateway';
export const SERVICE_LIFETIME_SECONDS = 30;

export interface ServiceOperation {
  /** The only registry that may call it. */
  caller: RegistryName;
  /** The exact document. */
  query: string;
}

/** Every operation a registry may call as itself. */
export const SERVICE_OPERATIONS = {
  /** The assistance registry's outbox issues an approved household's minimum-allowance certificate (低保证). */
  AssistanceIssueMinimumAllowanceCertificate: {
    caller: 'assistance',
    query:
      'mutation AssistanceIssueMinimumAllowanceCertificate($input: IssueCertificateInput!) { issueCertificate(input: $input) { id number issuedOn validUntil } }',
  },
  /**
   * The assistance registry's outbox records that an application used a material on file (the
   * citizen's materials page lists the applications that used it). Nothing is read back.
   */
  AssistanceRecordMaterialUse: {
    caller: 'assistance',
    query:
      'mutation AssistanceRecordMaterialUse($input: RecordMaterialUseInput!) { recordMaterialUse(input: $input) { __typename } }',
  },
} as const satisfies Record<string, ServiceOperation>;

export type ServiceOperationName = keyof typeof SERVICE_OPERATIONS;

/** The identity the gateway asserts for a registry calling as itself. */
export function serviceIdentity(registry: RegistryName): Identity {
  return { sub: registry, role: 'service', dept: SUBGRAPHS[registry].department as Department | null, scopes: [] };
}

interface ServiceClaims {
  registry: RegistryName;
  digest: string;
  purpose: string;
}

/** A registry's short-lived, single-use token of type `typ` (a service call or a service route). */
function signServiceToken(key: CryptoKey, typ: string, { registry, digest, purpose }: ServiceClaims): Promise<string> {
  return new SignJWT({ dig: digest, pur: purpose })
    .setProtectedHeader({ alg: GATEWAY_ASSERTION_ALG, typ })
    .setIssuer(registry)
    .setAudience(SERVICE_AUDIENCE)
    .setJti(randomUUID())
    .setIssuedAt()
    .setExpirationTime(`${SERVICE_LIFETIME_SECONDS}s`)
    .sign(key);
}

export function signServiceCall(key: CryptoKey, claims: ServiceClaims): Promise<string> {
  return signServiceToken(key, SERVICE_TYPE, claims);
}

/**
 * The gateway's check of a service call whose body is `operation`. Returns the service caller, or
 * throws DelegationError saying why it is refused.
 */
export async function verifyServiceCall(
  registryKeys: Record<RegistryName, CryptoKey>,
  token: string,
  { operation, seen }: { operation: GraphQLOperation; seen: TokenIdMemory },
): Promise<Caller> {
  let named: unknown;
  try {
    named = decodeJwt(token).iss;
  } catch {
    throw new DelegationError('it is not a well-formed JWT');
  }
  if (typeof named !== 'string' || !(REGISTRY_NAMES as readonly string[]).includes(named)) {
    throw new DelegationError(`its issuer ${JSON.stringify(named ?? null)} is not a registry`);
  }
  const registry = named as RegistryName;
  const name = operation.operationName ?? '';
  const declared = (SERVICE_OPERATIONS as Record<string, ServiceOperation>)[name];
  if (!declared || declared.caller !== registry || declared.query !== operation.query) {
    throw new DelegationError(
      `${registry} may call as itself only its declared service operations (${
        Object.entries(SERVICE_OPERATIONS)
          .filter(([, op]) => op.caller === registry)
          .map(([n]) => n)
          .join(', ') || 'none'
      }), with their exact text`,
    );
  }
  let payload: Record<string, unknown>;
  try {
    ({ payload } = await jwtVerify(token, registryKeys[registry], {
      algorithms: [GATEWAY_ASSERTION_ALG],
      typ: SERVICE_TYPE,
      issuer: registry,
      audience: SERVICE_AUDIENCE,
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
      maxTokenAge: SERVICE_LIFETIME_SECONDS + CLOCK_TOLERANCE_SECONDS,
      requiredClaims: ['exp', 'jti'],
    }));
  } catch {
    throw new DelegationError(`it is not a valid ${SERVICE_TYPE} signed with the ${registry} registry's key`);
  }
  if (payload.dig !== operationDigest(operation))
    throw new DelegationError('it was issued for a different request body');
  if (typeof payload.pur !== 'string' || payload.pur.length === 0 || payload.pur.length > 200) {
    throw new DelegationError("it must name the case it serves (claim 'pur', 1 to 200 characters)");
  }
  try {
    rememberOnce(seen, payload.jti as string, payload.exp as number, 'the service token');
  } catch (error) {
    const refusal = error as { message: string; status?: 401 | 503 };
    throw new DelegationError(refusal.message, refusal.status === 503 ? 503 : 401);
  }
  return {
    identity: serviceIdentity(registry),
    purpose: payload.pur,
    requestId: randomUUID(),
    operationName: name,
    via: null,
  };
}

/** What a service call answered. */
export interface ServiceCallResult<TData> {
  data: TData | null;
  errors: readonly { message: string; extensions?: Record<string, unknown> }[];
}

/** A service call that got no GraphQL answer (gateway down or too slow, refused). Retry later. */
export class ServiceCallError extends Error {}

/** The calling side: sends a declared operation to the gateway as the registry itself. */
export class ServiceCaller {
  constructor(
    private readonly options: {
      registry: RegistryName;
      signingKey: CryptoKey;
      gatewayUrl: string | (() => string);
      timeoutMs: number;
    },
  ) {}

  async call<TData>(
    name: ServiceOperationName,
    variables: Record<string, unknown>,
    purpose: string,
  ): Promise<ServiceCallResult<TData>> {
    const { registry, signingKey, timeoutMs } = this.options;
    const declared = SERVICE_OPERATIONS[name];
    if (declared.caller !== registry) throw new Error(`${name} is not a service operation of ${registry}`);
    const body = { query: declared.query, operationName: name, variables };
    const token = await signServiceCall(signingKey, { registry, digest: operationDigest(body), purpose });
    const url = typeof this.options.gatewayUrl === 'string' ? this.options.gatewayUrl : this.options.gatewayUrl();
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', [SERVICE_HEADER]: token },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      throw new ServiceCallError(
        `service call ${name}: could not reach the gateway at ${url} (${(error as Error).message})`,
      );
    }
    const text = await response.text();
    let parsed: unknown = null;
    try {
      parsed = JSON.parse(text);
    } catch {
      // reported below
    }
    if (typeof parsed !== 'object' || parsed === null || (!('data' in parsed) && !('errors' in parsed))) {
      throw new ServiceCallError(
        `service call ${name}: the gateway answered HTTP ${response.status} without a GraphQL response`,
      );
    }
    const answer = parsed as { data?: TData | null; errors?: ServiceCallResult<TData>['errors'] };
    return { data: answer.data ?? null, errors: answer.errors ?? [] };
  }
}

/**
 * Service routes: a registry reading a plain HTTP route of another registry as itself, through the
 * gateway (the statistics subgraph pulling a registry's extract). The caller signs a token like a
 * service call's (typ gov-graph-service-route+jwt, its own Ed25519 key, 30 s, once only) whose `dig`
 * is routeDigest(GET, the gateway target) and whose `pur` is one of the route's declared purposes;
 * the gateway checks it and forwards the request with its own assertion, so the caller never holds
 * the gateway's signing key and each registry still answers only what the gateway signed.
 */
export const SERVICE_ROUTE_TYPE = 'gov-graph-service-route+jwt';

export interface ServiceRoute {
  /** The only registry that may call it. */
  caller: RegistryName;
  /** The gateway path prefix; the registry named after it is the one asked. */
  prefix: string;
  /** The purposes a token may carry (what the access records show). */
  purposes: readonly string[];
}

export function signServiceRoute(key: CryptoKey, claims: ServiceClaims): Promise<string> {
  return signServiceToken(key, SERVICE_ROUTE_TYPE, claims);
}

/**
 * The gateway's check of a service-route token for `route`, sent with `digest` (routeDigest of the
 * request it came with). Returns the purpose it carries, or throws DelegationError saying why not.
 */
export async function verifyServiceRoute(
  callerKey: CryptoKey,
  token: string,
  { route, digest, seen }: { route: ServiceRoute; digest: string; seen: TokenIdMemory },
): Promise<string> {
  let payload: Record<string, unknown>;
  try {
    ({ payload } = await jwtVerify(token, callerKey, {
      algorithms: [GATEWAY_ASSERTION_ALG],
      typ: SERVICE_ROUTE_TYPE,
      issuer: route.caller,
      audience: SERVICE_AUDIENCE,
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
      maxTokenAge: SERVICE_LIFETIME_SECONDS + CLOCK_TOLERANCE_SECONDS,
      requiredClaims: ['exp', 'jti'],
    }));
  } catch {
    throw new DelegationError(`it is not a valid ${SERVICE_ROUTE_TYPE} signed with the ${route.caller} registry's key`);
  }
  if (payload.dig !== digest) throw new DelegationError('it was issued for a different request');
  if (typeof payload.pur !== 'string' || !route.purposes.includes(payload.pur)) {
    throw new DelegationError(`its purpose must be one of: ${route.purposes.join('; ')}`);
  }
  try {
    rememberOnce(seen, payload.jti as string, payload.exp as number, 'the service token');
  } catch (error) {
    const refusal = error as { message: string; status?: 401 | 503 };
    throw new DelegationError(refusal.message, refusal.status === 503 ? 503 : 401);
  }
  return payload.pur;
}
