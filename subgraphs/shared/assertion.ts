import { createHash, KeyObject, randomUUID, sign, verify } from 'node:crypto';
import type { CryptoKey } from 'jose';
import { GATEWAY_ASSERTION_ALG } from './keys';
import { parseIdentityClaims, type Caller } from './identity';
import type { TokenIdMemory } from './replay';

/**
 * The gateway assertion: a short-lived Ed25519-signed JWT the gateway puts on every subgraph
 * request. It carries the verified caller, is addressed to one subgraph (audience), is bound to
 * exactly what the subgraph will execute (the digest of the whole operation, or of the method and
 * URL for a plain HTTP route), and is accepted once (its `jti` is remembered until it expires).
 *
 * Header `{ alg: 'EdDSA', typ: 'gov-graph-assertion+jwt' }`; claims:
 * `iss` 'gov-graph-gateway', `aud` the subgraph, `jti`, `iat`, `exp` (iat + 60 s),
 * `idn` the identity (or null), `pur` purpose, `rid` request id, `op` the client's operation name,
 * `via` the registry that made a delegated call (or null), `dig` the request digest.
 */

export const ASSERTION_HEADER = 'x-gateway-assertion';
export const ASSERTION_ISSUER = 'gov-graph-gateway';
/** The JOSE `typ` of an assertion, so no other token signed with an Ed25519 key passes for one. */
export const ASSERTION_TYPE = 'gov-graph-assertion+jwt';
export const ASSERTION_LIFETIME_SECONDS = 60;
export const CLOCK_TOLERANCE_SECONDS = 5;

/** A GraphQL request as sent over HTTP: what Apollo Server executes from a POST body. */
export interface GraphQLOperation {
  query: string;
  /** Absent and null mean the same: the document's only operation. */
  operationName?: string | null;
  /** Absent, null and `{}` mean the same: no variables. */
  variables?: Record<string, unknown> | null;
}

/**
 * JSON with every object's keys sorted (by UTF-16 code units, recursively); otherwise exactly what
 * JSON.stringify writes (toJSON honoured; undefined, functions and symbols omitted from objects and
 * null in arrays; non-finite numbers null). The same value gives the same text on both sides of
 * an HTTP hop, however its keys were ordered.
 */
export function canonicalJson(value: unknown): string {
  return canonical(value) ?? 'null';
}

function canonical(input: unknown): string | undefined {
  const value =
    input !== null && typeof input === 'object' && typeof (input as { toJSON?: unknown }).toJSON === 'function'
      ? (input as { toJSON(): unknown }).toJSON()
      : input;
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      return Number.isFinite(value) ? JSON.stringify(value) : 'null';
    case 'boolean':
      return value ? 'true' : 'false';
    case 'bigint':
      throw new TypeError('a BigInt has no JSON form');
    case 'object': {
      if (value === null) return 'null';
      if (Array.isArray(value)) return `[${value.map((item) => canonical(item) ?? 'null').join(',')}]`;
      const members: string[] = [];
      for (const key of Object.keys(value).sort()) {
        const member = canonical((value as Record<string, unknown>)[key]);
        if (member !== undefined) members.push(`${JSON.stringify(key)}:${member}`);
      }
      return `{${members.join(',')}}`;
    }
    default:
      return undefined;
  }
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('base64url');
}

/**
 * The digest that binds a token to one GraphQL operation: SHA-256 (base64url) of the canonical
 * JSON of `{ operationName, query, variables }`, with an absent operation name as null and absent
 * variables as `{}`. The gateway signs it, subgraphs check it against the body they execute, and
 * registries sign it into delegated calls.
 */
export function operationDigest({ query, operationName, variables }: GraphQLOperation): string {
  return sha256(canonicalJson({ operationName: operationName ?? null, query, variables: variables ?? {} }));
}

/**
 * The operation a POST body asks for, exactly as Apollo Server will read it, or a message saying
 * why the body is not a signed request's (a single JSON object with a query, an optional operation
 * name and optional variables, and no extensions). Subgraphs and the gateway's delegation check
 * read bodies with this, so what is digested is what executes.
 */
export function operationFromBody(body: unknown): GraphQLOperation | string {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return 'send one JSON object {query, operationName, variables} with content-type application/json';
  }
  const { query, operationName, variables, extensions } = body as Record<string, unknown>;
  if (typeof query !== 'string' || query.length === 0) return 'query must be a non-empty string';
  if (operationName !== undefined && operationName !== null && typeof operationName !== 'string') {
    return 'operationName must be a string or null';
  }
  if (variables !== undefined && variables !== null && (typeof variables !== 'object' || Array.isArray(variables))) {
    return 'variables must be an object or null';
  }
  if (extensions !== undefined && extensions !== null) {
    return 'extensions are not accepted (persisted queries are off; the signed query text is what runs)';
  }
  return {
    query,
    operationName: operationName as string | null | undefined,
    variables: variables as GraphQLOperation['variables'],
  };
}

/**
 * The digest that binds a token to a plain HTTP request (a registry's GET /access-records): the
 * method and the request target exactly as sent (path and query string). It cannot equal an
 * operation digest: that one hashes text starting with `{`.
 */
export function routeDigest(method: string, pathAndQuery: string): string {
  return sha256(`${method.toUpperCase()} ${pathAndQuery}`);
}

/**
 * The JWS header of every assertion, encoded once. Assertions are signed with node:crypto's
 * one-shot Ed25519 on a KeyObject made once per key, which takes less than half the time of
 * jose's SignJWT over WebCrypto (a signature on every subgraph request). The tokens are ordinary
 * compact JWS, checked with jose (readAssertion) like any other.
 */
const ASSERTION_HEADER_B64 = Buffer.from(JSON.stringify({ alg: GATEWAY_ASSERTION_ALG, typ: ASSERTION_TYPE })).toString(
  'base64url',
);

const keyObjects = new WeakMap<CryptoKey, KeyObject>();

/** The node:crypto form of a (WebCrypto) key, made once per key. */
function keyObjectOf(key: CryptoKey): KeyObject {
  let found = keyObjects.get(key);
  if (!found) {
    found = KeyObject.from(key);
    if (found.asymmetricKeyType !== 'ed25519') throw new TypeError('gateway assertions need an Ed25519 key');
    keyObjects.set(key, found);
  }
  return found;
}

export async function signAssertion(
  key: CryptoKey,
  { audience, caller, digest }: { audience: string; caller: Caller; digest: string },
): Promise<string> {
  const iat = Math.floor(Date.now() / 1000);
  const payload = {
    idn: caller.identity,
    pur: caller.purpose,
    rid: caller.requestId,
    op: caller.operationName,
    via: caller.via,
    dig: digest,
    iss: ASSERTION_ISSUER,
    aud: audience,
    jti: randomUUID(),
    iat,
    exp: iat + ASSERTION_LIFETIME_SECONDS,
  };
  const signingInput = `${ASSERTION_HEADER_B64}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}`;
  const signature = sign(null, Buffer.from(signingInput), keyObjectOf(key));
  return `${signingInput}.${signature.toString('base64url')}`;
}

/** A refused assertion; the message says why. 503 when this process cannot take more requests now. */
export class AssertionError extends Error {
  constructor(
    message: string,
    readonly status: 401 | 503 = 401,
  ) {
    super(message);
  }
}

/** What a valid assertion says, before it is checked against a request. */
export interface AssertionContent {
  caller: Caller;
  /** The digest of the request it was issued for. */
  digest: string;
  jti: string;
  /** When it expires (seconds since epoch). */
  exp: number;
}

/**
 * Checks signature, type, issuer, audience and lifetime of an assertion and reads the caller it
 * carries. Does not look at any request: see verifyAssertion for a subgraph's whole check.
 * `what` names the token in messages (e.g. 'gateway assertion', 'embedded gateway assertion').
 */
export async function readAssertion(
  key: CryptoKey,
  token: string,
  { audience, what = 'gateway assertion' }: { audience: string; what?: string },
): Promise<AssertionContent> {
  return readAssertionNow(key, token, { audience, what });
}

const BASE64URL = /^[A-Za-z0-9_-]*$/;
const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });

/** A JSON object (not an array, not null) from base64url text, or null. */
function jsonObjectOf(part: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(STRICT_UTF8.decode(Buffer.from(part, 'base64url')));
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

/**
 * The compact JWS is checked here with node:crypto's one-shot Ed25519 verify on a KeyObject made
 * once per key, synchronously: jose's jwtVerify goes through WebCrypto, whose job plumbing was
 * about 7% of a subgraph's CPU under load (one verification per request). The checks are jose's
 * jwtVerify with the options this file used to pass it (algorithms [EdDSA], typ, issuer, audience,
 * clockTolerance, maxTokenAge, requiredClaims [exp, jti]), in jose's order and with its claim names
 * and reasons in the messages, and stricter where jose would accept more: only base64url text,
 * no `crit` and no `b64` header parameter. test/assertion-binding.test.ts and
 * test/identity.test.ts hold tokens jose itself signed to it.
 */
function readAssertionNow(
  key: CryptoKey,
  token: string,
  { audience, what }: { audience: string; what: string },
): AssertionContent {
  const invalid = () => new AssertionError(`${what} has an invalid signature or format`);
  const rejected = (claim: string, reason: 'missing' | 'check_failed' | 'invalid') =>
    new AssertionError(`${what} rejected: ${claim} ${reason}`);
  if (typeof token !== 'string') throw invalid();
  const parts = token.split('.');
  if (parts.length !== 3 || !parts.every((part) => BASE64URL.test(part))) throw invalid();
  const [headerPart, payloadPart, signaturePart] = parts;
  const header = jsonObjectOf(headerPart);
  if (!header || header.alg !== GATEWAY_ASSERTION_ALG || 'crit' in header || 'b64' in header) throw invalid();
  let valid: boolean;
  try {
    valid = verify(
      null,
      Buffer.from(`${headerPart}.${payloadPart}`),
      keyObjectOf(key),
      Buffer.from(signaturePart, 'base64url'),
    );
  } catch {
    valid = false;
  }
  if (!valid) throw invalid();
  const payload = jsonObjectOf(payloadPart);
  if (!payload) throw invalid();
  if (typeof header.typ !== 'string' || normalizeTyp(header.typ) !== normalizeTyp(ASSERTION_TYPE)) {
    throw rejected('typ', 'check_failed');
  }
  for (const claim of ['iss', 'aud', 'iat', 'jti', 'exp']) {
    if (!Object.hasOwn(payload, claim)) throw rejected(claim, 'missing');
  }
  if (payload.iss !== ASSERTION_ISSUER) throw rejected('iss', 'check_failed');
  const aud = payload.aud;
  if (!(typeof aud === 'string' ? aud === audience : Array.isArray(aud) && aud.includes(audience))) {
    throw rejected('aud', 'check_failed');
  }
  const now = Math.floor(Date.now() / 1000);
  const tolerance = CLOCK_TOLERANCE_SECONDS;
  if (typeof payload.iat !== 'number') throw rejected('iat', 'invalid');
  if (payload.nbf !== undefined) {
    if (typeof payload.nbf !== 'number') throw rejected('nbf', 'invalid');
    if (payload.nbf > now + tolerance) throw rejected('nbf', 'check_failed');
  }
  if (typeof payload.exp !== 'number') throw rejected('exp', 'invalid');
  if (payload.exp <= now - tolerance) throw new AssertionError(`${what} expired`);
  const age = now - payload.iat;
  if (age - tolerance > ASSERTION_LIFETIME_SECONDS + CLOCK_TOLERANCE_SECONDS) {
    throw new AssertionError(`${what} expired`);
  }
  if (age < -tolerance) throw rejected('iat', 'check_failed');
  return contentOf(payload, what);
}

/** jose's reading of `typ`: case-insensitive, `application/` implied. */
function normalizeTyp(value: string): string {
  const normalized = value.toLowerCase();
  return value.includes('/') ? normalized : `application/${normalized}`;
}

function contentOf(payload: Record<string, unknown>, what: string): AssertionContent {
  if (typeof payload.dig !== 'string') throw new AssertionError(`${what} lacks a request digest`);
  if (typeof payload.rid !== 'string') throw new AssertionError(`${what} lacks a request id`);
  if (typeof payload.jti !== 'string') throw new AssertionError(`${what} lacks a token id (jti)`);
  let identity = null;
  if (payload.idn !== null && payload.idn !== undefined) {
    try {
      identity = parseIdentityClaims(payload.idn as Record<string, unknown>, { allowService: true });
    } catch (error) {
      throw new AssertionError(`${what} carries a malformed identity: ${(error as Error).message}`);
    }
  }
  return {
    caller: {
      identity,
      purpose: typeof payload.pur === 'string' ? payload.pur : null,
      requestId: payload.rid,
      operationName: typeof payload.op === 'string' ? payload.op : null,
      via: typeof payload.via === 'string' ? payload.via : null,
    },
    digest: payload.dig,
    jti: payload.jti,
    exp: payload.exp as number,
  };
}

/**
 * A subgraph's check of the assertion on one request: valid for this subgraph, issued for exactly
 * this request (`digest`), and not used before (remembered in `seen` until it expires). Throws
 * AssertionError saying why it was refused.
 */
export async function verifyAssertion(
  key: CryptoKey,
  token: string | undefined,
  { audience, digest, seen }: { audience: string; digest: string; seen: TokenIdMemory },
): Promise<Caller> {
  if (!token) throw new AssertionError(`missing ${ASSERTION_HEADER} header: only the gateway may call this service`);
  const assertion = readAssertionNow(key, token, { audience, what: 'gateway assertion' });
  if (assertion.digest !== digest) throw new AssertionError('gateway assertion was issued for a different request');
  rememberOnce(seen, assertion.jti, assertion.exp, 'gateway assertion');
  return assertion.caller;
}

/**
 * Records the first use of a token id until the token can no longer be accepted; throws
 * AssertionError when it was used before, or (503) when the memory is full.
 */
export function rememberOnce(seen: TokenIdMemory, jti: string, exp: number, what: string): void {
  const outcome = seen.use(jti, (exp + CLOCK_TOLERANCE_SECONDS) * 1000);
  if (outcome === 'used') throw new AssertionError(`${what} has already been used (jti ${jti}); each is accepted once`);
  if (outcome === 'full') {
    throw new AssertionError(
      'this service is remembering too many recent requests to tell a replay from a new one; try again shortly',
      503,
    );
  }
}
