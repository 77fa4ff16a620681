import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';
import type { GatewayContext } from './data-source';

/**
 * Repeated wrong verification codes from one client are refused for a while, so that nobody can
 * walk the code space through verifyCertificate. It lives in the gateway because only the gateway
 * knows the client's address (subgraphs see the gateway), and because the gateway sees both the
 * question (how many verifyCertificate fields, aliases included) and the answer (which came back
 * null). Only failures count: a client checking genuine codes is never slowed.
 *
 * Per client address: at most `maxFailures` failed verifications in `windowMs`; the next failure
 * blocks verifyCertificate for that address for `blockMs` (HTTP 429 with Retry-After; other
 * queries still run). One request may ask at most `maxPerRequest` codes. Counts are per gateway
 * process (replicas keep their own; a shared store would make them global).
 */

export interface VerificationLimits {
  maxFailures: number;
  windowMs: number;
  blockMs: number;
  maxPerRequest: number;
  /** Clients remembered at once; the oldest are forgotten first. */
  maxClients: number;
}

export const DEFAULT_VERIFICATION_LIMITS: VerificationLimits = {
  maxFailures: 10,
  windowMs: 10 * 60_000,
  blockMs: 15 * 60_000,
  maxPerRequest: 5,
  maxClients: 100_000,
};

const FIELD = 'verifyCertificate';

interface ClientRecord {
  failures: number[];
  blockedUntil: number;
}

export class FailedVerificationLimiter {
  private readonly clients = new Map<string, ClientRecord>();

  constructor(
    readonly limits: VerificationLimits = DEFAULT_VERIFICATION_LIMITS,
    private readonly now: () => number = Date.now,
  ) {}

  /** Milliseconds the client must still wait, or 0. */
  blockedFor(client: string): number {
    const record = this.clients.get(client);
    return record ? Math.max(0, record.blockedUntil - this.now()) : 0;
  }

  recordFailures(client: string, count: number): void {
    if (count === 0) return;
    const now = this.now();
    const record = this.clients.get(client) ?? { failures: [], blockedUntil: 0 };
    this.clients.delete(client); // re-inserted last: Map order is the age order
    record.failures = record.failures.filter((at) => at > now - this.limits.windowMs);
    for (let i = 0; i < count; i += 1) record.failures.push(now);
    if (record.failures.length > this.limits.maxFailures) {
      record.blockedUntil = now + this.limits.blockMs;
      record.failures = [];
    }
    this.clients.set(client, record);
    while (this.clients.size > this.limits.maxClients) this.clients.delete(this.clients.keys().next().value!);
  }
}

/** Response names (aliases) of the root verifyCertificate fields of an operation, fragments included. */
export function verificationFields(
  selectionSet: SelectionSetNode,
  fragments: Record<string, FragmentDefinitionNode>,
): string[] {
  const names: string[] = [];
  const visit = (set: SelectionSetNode, seen: Set<string>) => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value === FIELD) names.push(selection.alias?.value ?? FIELD);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        visit(selection.selectionSet, seen);
      } else if (!seen.has(selection.name.value) && fragments[selection.name.value]) {
        seen.add(selection.name.value);
        visit(fragments[selection.name.value].selectionSet, seen);
      }
    }
  };
  visit(selectionSet, new Set());
  return names;
}

function tooMany(message: string, retryAfterSeconds?: number): GraphQLError {
  return new GraphQLError(message, {
    extensions: {
      code: 'TOO_MANY_REQUESTS',
      http: {
        status: 429,
        headers: new Map(retryAfterSeconds ? [['retry-after', String(retryAfterSeconds)]] : []),
      },
    },
  });
}

export function verificationLimitPlugin(limiter: FailedVerificationLimiter): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      let fields: string[] = [];
      return {
        async didResolveOperation({ operation, document, contextValue }) {
          if (!operation || operation.operation !== 'query') return;
          const fragments = Object.fromEntries(
            document.definitions
              .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
              .map((d) => [d.name.value, d]),
          );
          const asked = verificationFields(operation.selectionSet, fragments);
          if (asked.length === 0) return;
          // A refused request verifies nothing, so it does not count as failed verifications.
          if (asked.length > limiter.limits.maxPerRequest) {
            throw tooMany(`Ask at most ${limiter.limits.maxPerRequest} verifyCertificate codes per request.`);
          }
          const wait = limiter.blockedFor(contextValue.client ?? 'unknown');
          if (wait > 0) {
            const seconds = Math.ceil(wait / 1000);
            throw tooMany(
              `Too many wrong verification codes from your address: verifyCertificate is refused for ${seconds} s. Check the code printed on the certificate.`,
              seconds,
            );
          }
          fields = asked;
        },
        async willSendResponse({ response, contextValue }) {
          if (fields.length === 0 || response.body.kind !== 'single') return;
          const { data, errors } = response.body.singleResult;
          // A registry that did not answer is not the client's failure.
          if (
            (errors ?? []).some(
              (e) => e.extensions?.code === 'SUBGRAPH_UNAVAILABLE' && e.extensions.registry === 'certificate',
            )
          ) {
            return;
          }
          const failed = fields.filter((name) => (data?.[name] ?? null) === null).length;
          limiter.recordFailures(contextValue.client ?? 'unknown', failed);
        },
      };
    },
  };
}
