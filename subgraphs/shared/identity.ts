/**
 * Who is calling: the verified identity the gateway derives from a bearer token and passes,
 * signed, to every subgraph. One definition serves the gateway, the subgraphs and the token tool.
 */

/** The roles a user token carries. */
export const ROLES = ['citizen', 'officer', 'analyst', 'auditor'] as const;
/**
 * A caller's role: a user's, or `service` for a registry calling another registry's declared
 * operation as itself (service-calls.ts); no user token can carry it.
 */
export type Role = (typeof ROLES)[number] | 'service';

/** Departments that own a registry, then departments that only consume. */
export const DEPARTMENTS = [
  'public-security',
  'market-regulation',
  'data-bureau',
  'hrss',
  'civil-affairs',
  'disabled-persons',
  'health',
  'education',
  'statistics',
] as const;
export type Department = (typeof DEPARTMENTS)[number];

export const SCOPE_REGISTRIES = [
  'person',
  'organization',
  'certificate',
  'labour',
  'assistance',
  'statistics',
] as const;
export const SCOPE_ACTIONS = ['read', 'read:sensitive', 'write'] as const;
export type ScopeRegistry = (typeof SCOPE_REGISTRIES)[number];
export type ScopeAction = (typeof SCOPE_ACTIONS)[number];
export type Scope = `${ScopeRegistry}:${ScopeAction}`;

export interface Identity {
  /** Subject: a citizen's person id, or an officer's staff id. */
  sub: string;
  role: Role;
  /** The officer's (or analyst's, auditor's) department; null for citizens. */
  dept: Department | null;
  scopes: Scope[];
}

/** What a request carries besides the identity: purpose, request id, operation name. */
export interface Caller {
  /** null for an anonymous caller. */
  identity: Identity | null;
  /** The case or application reference from `X-Purpose`, if any. */
  purpose: string | null;
  requestId: string;
  operationName: string | null;
  /**
   * The registry that asked the graph on this caller's behalf (a delegated call, e.g. the
   * certificate registry checking a holder exists), or null when the caller asked the gateway directly.
   */
  via: string | null;
}

export class IdentityClaimError extends Error {}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isScope(value: string): value is Scope {
  const colon = value.indexOf(':');
  const registry = value.slice(0, colon);
  const action = value.slice(colon + 1);
  return (
    colon > 0 &&
    (SCOPE_REGISTRIES as readonly string[]).includes(registry) &&
    (SCOPE_ACTIONS as readonly string[]).includes(action)
  );
}

/**
 * Checks the identity claims of a verified token (or assertion) and returns them typed.
 * Throws IdentityClaimError naming the claim and the rule it breaks.
 */
export function parseIdentityClaims(
  claims: Record<string, unknown>,
  options: { allowService?: boolean } = {},
): Identity {
  const { sub, role, dept, scopes } = claims;
  // Only inside gateway assertions: the gateway asserts `service` after checking a registry's own signature.
  if (role === 'service' && options.allowService) {
    if (typeof sub !== 'string' || !/^[a-z-]{1,40}$/.test(sub)) {
      throw new IdentityClaimError("a service identity's 'sub' must be a registry name");
    }
    if (dept !== null && dept !== undefined && !(DEPARTMENTS as readonly string[]).includes(dept as string)) {
      throw new IdentityClaimError(`claim 'dept' must be one of ${DEPARTMENTS.join(', ')}`);
    }
    return { sub, role: 'service', dept: (dept as Department | null | undefined) ?? null, scopes: [] };
  }
  if (typeof sub !== 'string' || sub.length === 0 || sub.length > 100) {
    throw new IdentityClaimError("claim 'sub' must be a non-empty string of at most 100 characters");
  }
  if (typeof role !== 'string' || !(ROLES as readonly string[]).includes(role)) {
    throw new IdentityClaimError(`claim 'role' must be one of ${ROLES.join(', ')}`);
  }
  if (role === 'citizen' && !UUID.test(sub)) {
    throw new IdentityClaimError("a citizen's 'sub' must be their person id (a UUID)");
  }
  let department: Department | null = null;
  if (dept !== undefined && dept !== null) {
    if (typeof dept !== 'string' || !(DEPARTMENTS as readonly string[]).includes(dept)) {
      throw new IdentityClaimError(`claim 'dept' must be one of ${DEPARTMENTS.join(', ')}`);
    }
    department = dept as Department;
  }
  if (role === 'officer' && department === null) {
    throw new IdentityClaimError("an officer's token must carry claim 'dept'");
  }
  if (role === 'citizen' && department !== null) {
    throw new IdentityClaimError("a citizen's token must not carry claim 'dept'");
  }
  const scopeList: unknown = typeof scopes === 'string' ? scopes.split(/[\s,]+/).filter(Boolean) : (scopes ?? []);
  if (!Array.isArray(scopeList) || !scopeList.every((s) => typeof s === 'string')) {
    throw new IdentityClaimError("claim 'scopes' must be a list of strings");
  }
  const unknown = scopeList.filter((s: string) => !isScope(s));
  if (unknown.length > 0) {
    throw new IdentityClaimError(
      `claim 'scopes' has unknown scope ${unknown.join(', ')}; scopes are <registry>:<action> with registry ` +
        `${SCOPE_REGISTRIES.join('|')} and action ${SCOPE_ACTIONS.join('|')}`,
    );
  }
  if (role !== 'officer' && scopeList.length > 0) {
    throw new IdentityClaimError(`only officers carry scopes; a ${role} token must not`);
  }
  return { sub, role: role as Role, dept: department, scopes: scopeList as Scope[] };
}

/** Validates an `X-Purpose` header value; returns an error message, or null when it is acceptable. */
export function purposeProblem(purpose: string): string | null {
  if (purpose.length === 0 || purpose.length > 200) return 'X-Purpose must be 1 to 200 characters';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(purpose)) return 'X-Purpose must not contain control characters';
  return null;
}
