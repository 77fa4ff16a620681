import { intFromEnv } from '../subgraphs/shared/config';
import { DEFAULT_LIMITS, type QueryLimits } from './limits';
import { DEFAULT_RATE_LIMITS, type RateLimits } from './rate-limit';
import { loadTrustedDocuments, type TrustedDocumentsConfig } from './trusted-documents';

/** The gateway's own settings (the README's configuration table lists each variable). */

/** QUERY_COST_BUDGET, QUERY_MAX_DEPTH, QUERY_MAX_ALIASES, QUERY_MAX_DIRECTIVES, QUERY_MAX_TOKENS. */
export function queryLimits(): QueryLimits {
  return {
    maxCost: intFromEnv('QUERY_COST_BUDGET', DEFAULT_LIMITS.maxCost),
    maxDepth: intFromEnv('QUERY_MAX_DEPTH', DEFAULT_LIMITS.maxDepth),
    maxAliases: intFromEnv('QUERY_MAX_ALIASES', DEFAULT_LIMITS.maxAliases),
    maxDirectives: intFromEnv('QUERY_MAX_DIRECTIVES', DEFAULT_LIMITS.maxDirectives),
    maxTokens: intFromEnv('QUERY_MAX_TOKENS', DEFAULT_LIMITS.maxTokens),
  };
}

/** RATE_LIMIT_ANONYMOUS and RATE_LIMIT_SIGNED_IN (requests per RATE_LIMIT_WINDOW_SECONDS; 0 turns one off). */
export function rateLimits(): RateLimits {
  const windowSeconds = intFromEnv('RATE_LIMIT_WINDOW_SECONDS', DEFAULT_RATE_LIMITS.windowSeconds);
  if (windowSeconds === 0) throw new Error('RATE_LIMIT_WINDOW_SECONDS must be at least 1');
  return {
    anonymous: intFromEnv('RATE_LIMIT_ANONYMOUS', DEFAULT_RATE_LIMITS.anonymous),
    signedIn: intFromEnv('RATE_LIMIT_SIGNED_IN', DEFAULT_RATE_LIMITS.signedIn),
    windowSeconds,
  };
}

/** REDIS_URL: where replicas of the gateway keep their shared rate-limit counters. */
export function redisUrl(): string | undefined {
  return process.env.REDIS_URL || undefined;
}

/**
 * TRUSTED_DOCUMENTS: the manifest path that turns trusted-documents mode on;
 * TRUSTED_DOCUMENTS_ANONYMOUS=open (default) or closed.
 */
export function trustedDocuments(): TrustedDocumentsConfig | null {
  const path = process.env.TRUSTED_DOCUMENTS;
  if (!path) return null;
  const anonymous = process.env.TRUSTED_DOCUMENTS_ANONYMOUS ?? 'open';
  if (anonymous !== 'open' && anonymous !== 'closed') {
    throw new Error(`TRUSTED_DOCUMENTS_ANONYMOUS=${anonymous} must be open or closed`);
  }
  return loadTrustedDocuments(path, anonymous);
}

/**
 * TRUST_PROXY: which proxies in front of the gateway may say who the client is (X-Forwarded-For),
 * in Express's terms: a number of hops, `loopback`, or addresses/CIDRs, comma-separated. Unset:
 * none, the client is the connection's address.
 */
export function trustProxy(): boolean | number | string | undefined {
  const value = process.env.TRUST_PROXY;
  if (value === undefined || value === '') return undefined;
  if (value === 'true') return true;
  if (value === 'false') return false;
  if (/^\d+$/.test(value)) return Number(value);
  return value;
}
