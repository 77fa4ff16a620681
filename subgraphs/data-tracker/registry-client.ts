import { GraphQLError } from 'graphql';
import type { CryptoKey } from 'jose';
import type { RegistryName } from '../catalog';
import { routeDigest, signAssertion, ASSERTION_HEADER } from '../shared/assertion';
import type { StoredAccessRecord } from '../shared/access-log/chain';
import type { AccessCursor } from '../shared/access-log/query';
import type { Caller } from '../shared/identity';
import type { Logger } from '../shared/logger';

export interface AccessRecordsQuery {
  subjectId?: string;
  actorSub?: string;
  after?: AccessCursor;
  limit: number;
}

/**
 * Reads each registry's access log over HTTP, on behalf of the caller: the request carries an
 * assertion of the same caller (signed with the gateway key this component shares), so each
 * registry applies its own check as well.
 */
export class RegistryAccessLogs {
  constructor(
    private readonly registries: Record<RegistryName, string>,
    private readonly signingKey: CryptoKey,
    private readonly timeoutMs: number,
    private readonly log: Logger,
  ) {}

  /** Records from every registry matching the query, newest first, at most `limit` in all. */
  async read(caller: Caller, query: AccessRecordsQuery): Promise<StoredAccessRecord[]> {
    const pages = await Promise.all(
      (Object.keys(this.registries) as RegistryName[]).map((registry) => this.readOne(registry, caller, query)),
    );
    return pages.flat().sort(newestFirst).slice(0, query.limit);
  }

  private async readOne(
    registry: RegistryName,
    caller: Caller,
    query: AccessRecordsQuery,
  ): Promise<StoredAccessRecord[]> {
    const url = new URL('/access-records', this.registries[registry]);
    if (query.subjectId) url.searchParams.set('subject', query.subjectId);
    if (query.actorSub) url.searchParams.set('actor', query.actorSub);
    url.searchParams.set('limit', String(query.limit));
    if (query.after) {
      url.searchParams.set('afterAt', query.after.at);
      url.searchParams.set('afterRegistry', query.after.registry);
      url.searchParams.set('afterSeq', String(query.after.seq));
    }
    const assertion = await signAssertion(this.signingKey, {
      audience: registry,
      caller,
      digest: routeDigest('GET', url.pathname + url.search),
    });
    let response: Response;
    try {
      response = await fetch(url, {
        headers: { [ASSERTION_HEADER]: assertion, 'x-request-id': caller.requestId },
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      this.log.error(
        {
          requestId: caller.requestId,
          err: (error as Error).message,
        },
        `could not read the ${registry} access log`,
      );
      throw unavailable(registry);
    }
    if (!response.ok) {
      this.log.error(
        {
          requestId: caller.requestId,
          body: (await response.text()).slice(0, 300),
        },
        `the ${registry} access log answered HTTP ${response.status}`,
      );
      throw unavailable(registry);
    }
    return ((await response.json()) as { records: StoredAccessRecord[] }).records;
  }
}

/** The order of the merged log: newest first, then registry name, then position in the registry's chain. */
export function newestFirst(a: StoredAccessRecord, b: StoredAccessRecord): number {
  if (a.at !== b.at) return a.at < b.at ? 1 : -1;
  if (a.registry !== b.registry) return a.registry < b.registry ? -1 : 1;
  return b.seq - a.seq;
}

function unavailable(registry: RegistryName): GraphQLError {
  return new GraphQLError(
    `The ${registry} registry's access log could not be read, so the list would be incomplete. Try again later.`,
    { extensions: { code: 'SUBGRAPH_UNAVAILABLE', registry } },
  );
}
