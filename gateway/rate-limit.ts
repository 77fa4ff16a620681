import { GraphQLError } from 'graphql';
import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Identity } from '../subgraphs/shared/identity';
import type { Logger } from '../subgraphs/shared/logger';

/**
 * Requests per client per window, with rate-limiter-flexible: anonymous callers by address,
 * signed-in callers by subject (the token's `sub`, whichever address they come from). Counted in
 * this process's memory, or in Redis when a Redis client is given (REDIS_URL), so that every
 * replica of the gateway draws on one budget per client; if Redis stops answering, each replica
 * falls back to its own memory (rate-limiter-flexible's insurance limiter) rather than refuse
 * everyone or no one. A refused request gets HTTP 429, `Retry-After` (seconds) and RATE_LIMITED.
 */
export interface RateLimits {
  /** Requests per window per address for anonymous callers (0: no limit). */
  anonymous: number;
  /** Requests per window per subject for signed-in callers (0: no limit). */
  signedIn: number;
  windowSeconds: number;
}

export const DEFAULT_RATE_LIMITS: RateLimits = { anonymous: 600, signedIn: 1200, windowSeconds: 60 };

export class RequestRateLimiter {
  private readonly anonymous: RateLimiterAbstract | null;
  private readonly signedIn: RateLimiterAbstract | null;

  constructor(
    readonly limits: RateLimits,
    private readonly redis: Redis | null = null,
    /** Keys are prefixed with this, so that several deployments can share one Redis. */
    prefix = 'gov-graph:rate',
  ) {
    const limiter = (points: number, kind: string): RateLimiterAbstract | null => {
      if (points === 0) return null;
      const options = { points, duration: limits.windowSeconds, keyPrefix: `${prefix}:${kind}` };
      if (!redis) return new RateLimiterMemory(options);
      return new RateLimiterRedis({
        ...options,
        storeClient: redis,
        insuranceLimiter: new RateLimiterMemory(options),
      });
    };
    this.anonymous = limiter(limits.anonymous, 'anonymous');
    this.signedIn = limiter(limits.signedIn, 'subject');
  }

  /** Whether requests are counted in Redis (shared by replicas) rather than in this process. */
  get shared(): boolean {
    return this.redis !== null;
  }

  /**
   * Counts one request of `identity` (or of `address` when anonymous). Returns the seconds to wait
   * when the client is over its budget, or null when the request may go on.
   */
  async consume(identity: Identity | null, address: string): Promise<number | null> {
    const limiter = identity ? this.signedIn : this.anonymous;
    if (!limiter) return null;
    const key = identity ? identity.sub : address;
    try {
      await limiter.consume(key);
      return null;
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) return Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      throw rejection;
    }
  }

  async close(): Promise<void> {
    if (this.redis) await this.redis.quit().catch(() => undefined);
  }

  /** The limiter the environment asks for: RATE_LIMIT_* numbers, Redis when REDIS_URL is set. */
  static async fromEnvironment(
    limits: RateLimits,
    redisUrl: string | undefined,
    log: Logger,
  ): Promise<RequestRateLimiter> {
    if (!redisUrl) return new RequestRateLimiter(limits);
    // Loaded only when used.
    const { Redis } = await import('ioredis');
    // No offline queue: while Redis is unreachable a request fails over to memory at once instead of waiting.
    const redis = new Redis(redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: false });
    let reported = false;
    redis.on('error', (error: Error) => {
      if (reported) return;
      reported = true;
      log.warn(
        { reason: error.message },
        'Redis for rate limits is not answering; each gateway counts in its own memory until it is back',
      );
    });
    redis.on('ready', () => {
      if (reported) log.info('Redis for rate limits is back; replicas share one budget again');
      reported = false;
    });
    return new RequestRateLimiter(limits, redis);
  }
}

/** The error a client over its budget receives (HTTP 429 with Retry-After). */
export function rateLimited(retryAfterSeconds: number, signedIn: boolean, limits: RateLimits): GraphQLError {
  const budget = signedIn ? limits.signedIn : limits.anonymous;
  return new GraphQLError(
    `Too many requests: at most ${budget} per ${limits.windowSeconds} s ${signedIn ? 'for each signed-in user' : 'from one address without a token'}. ` +
      `Try again in ${retryAfterSeconds} s.`,
    {
      extensions: {
        code: 'RATE_LIMITED',
        retryAfter: retryAfterSeconds,
        http: { status: 429 },
      },
    },
  );
}
