import { useSyncExternalStore } from 'react';

/**
 * Who is signed in: the bearer token, kept in this tab only (sessionStorage), and what its payload
 * says (read for display; the gateway checks the signature). Development sign-in only: in
 * production the city's identity provider signs people in.
 */

const KEY = 'gov-graph.token';

export interface Session {
  token: string;
  sub: string;
  role: 'citizen' | 'officer' | 'analyst' | 'auditor';
  dept: string | null;
  scopes: string[];
  /** Seconds since the epoch. */
  exp: number | null;
}

const listeners = new Set<() => void>();
let current: Session | null = read();

function decode(token: string): Session | null {
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  try {
    const json = atob(parts[1].replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = Uint8Array.from(json, (c) => c.charCodeAt(0));
    const claims = JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
    const role = claims.role;
    if (role !== 'citizen' && role !== 'officer' && role !== 'analyst' && role !== 'auditor') return null;
    if (typeof claims.sub !== 'string') return null;
    const scopes = Array.isArray(claims.scopes)
      ? claims.scopes.map(String)
      : typeof claims.scopes === 'string'
        ? claims.scopes.split(' ').filter(Boolean)
        : [];
    return {
      token,
      sub: claims.sub,
      role,
      dept: typeof claims.dept === 'string' ? claims.dept : null,
      scopes,
      exp: typeof claims.exp === 'number' ? claims.exp : null,
    };
  } catch {
    return null;
  }
}

function read(): Session | null {
  const token = sessionStorage.getItem(KEY);
  return token ? decode(token) : null;
}

/** Signs in with a token; returns null (and keeps the old session) when it is not a user token. */
export function signIn(token: string): Session | null {
  const session = decode(token.trim());
  if (!session) return null;
  sessionStorage.setItem(KEY, session.token);
  current = session;
  listeners.forEach((listener) => listener());
  return session;
}

export function signOut(): void {
  sessionStorage.removeItem(KEY);
  current = null;
  listeners.forEach((listener) => listener());
}

export function currentSession(): Session | null {
  if (current?.exp && current.exp * 1000 < Date.now()) return null;
  return current;
}

export function useSession(): Session | null {
  return useSyncExternalStore((listener) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  }, currentSession);
}

/** Authorization (and X-Purpose when given) for a request to the gateway. */
export function authHeaders(purpose?: string): Record<string, string> {
  const headers: Record<string, string> = {};
  const session = currentSession();
  if (session) headers.authorization = `Bearer ${session.token}`;
  if (purpose) headers['x-purpose'] = purpose;
  return headers;
}

/** Whether the session carries a scope, `read:sensitive` counting as `read` (as the gateway counts it). */
export function hasScope(session: Session | null, scope: string): boolean {
  if (!session) return false;
  return session.scopes.some(
    (s) => s === scope || (s.endsWith(':read:sensitive') && `${s.slice(0, -':sensitive'.length)}` === scope),
  );
}
