import { GraphQLError } from 'graphql';
import type { CryptoKey } from 'jose';
import type { RegistryName } from '../catalog';
import { routeDigest, signAssertion, ASSERTION_HEADER } from '../shared/assertion';
import type { StoredAccessRecord } from '../shared/access-log/chain';
import type { AccessCursor, AccessFilter } from '../shared/access-log/query';
import type { AlertQuery, StoredAccessAlert } from '../shared/access-log/alerts';
import type { Caller } from '../shared/identity';
import type { Logger } from '../shared/logger';
import { keepAliveAgents, sendRequest, type BufferedResponse } from '../shared/http-client';

export interface AccessRecordsQuery extends AccessFilter {
  /** Only this registry's log (default: every registry's). */
  registry?: RegistryName;
  after?: AccessCursor;
  limit: number;
}

/** Query parameter of the registries' /access-records endpoint for each filter. */
const PARAMETERS: Record<keyof AccessFilter, string> = {
  subjectId: 'subject',
  actorSub: 'actor',
  actorDept: 'dept',
  outcome: 'outcome',
  action: 'action',
  from: 'from',
  to: 'to',
};

/**
 * Reads each registry's access log over HTTP, on behalf of the caller: the request carries an
 * assertion of the same caller (signed with the gateway key this component shares), so each
 * registry applies its own check as well. A citizen's page asks every registry at once, so the
 * requests go over kept-alive node:http connections (shared/http-client.ts), not fetch.
 */
export class RegistryAccessLogs {
  private readonly agents = keepAliveAgents();

  constructor(
    private readonly registries: Record<RegistryName, string>,
    private readonly signingKey: CryptoKey,
    private readonly timeoutMs: number,
    private readonly log: Logger,
  ) {}

  /** Records from every registry matching the query, newest first, at most `limit` in all. */
  async read(caller: Caller, query: AccessRecordsQuery): Promise<StoredAccessRecord[]> {
    const registries = (Object.keys(this.registries) as RegistryName[]).filter(
      (registry) => query.registry === undefined || registry === query.registry,
    );
    const pages = await Promise.all(registries.map((registry) => this.readOne(registry, caller, query)));
    return pages.flat().sort(newestFirst).slice(0, query.limit);
  }

  /** Unusual-reading alerts from every registry (or one), newest first, at most `limit` in all. */
  async readAlerts(caller: Caller, query: AlertQuery & { registry?: RegistryName }): Promise<StoredAccessAlert[]> {
    const registries = (Object.keys(this.registries) as RegistryName[]).filter(
      (registry) => query.registry === undefined || registry === query.registry,
    );
    const pages = await Promise.all(
      registries.map(async (registry) => {
        const url = new URL('/access-alerts', this.registries[registry]);
        const parameters: Record<string, string | undefined> = {
          actor: query.actorSub,
          dept: query.actorDept,
          from: query.from,
          to: query.to,
          limit: String(query.limit),
          afterAt: query.after?.raisedAt,
          afterRegistry: query.after?.registry,
          afterId: query.after?.id,
        };
        for (const [key, value] of Object.entries(parameters))
          if (value !== undefined) url.searchParams.set(key, value);
        return ((await this.get(registry, url, caller)) as { alerts: StoredAccessAlert[] }).alerts;
      }),
    );
    return pages
      .flat()
      .sort((a, b) =>
        a.raisedAt !== b.raisedAt
          ? a.raisedAt < b.raisedAt
            ? 1
            : -1
          : a.registry !== b.registry
            ? a.registry < b.registry
              ? -1
              : 1
            : a.id < b.id
              ? 1
              : -1,
      )
      .slice(0, query.limit);
  }

  private async readOne(
    registry: RegistryName,
    caller: Caller,
    query: AccessRecordsQuery,
  ): Promise<StoredAccessRecord[]> {
    const url = new URL('/access-records', this.registries[registry]);
    for (const [key, parameter] of Object.entries(PARAMETERS) as [keyof AccessFilter, string][]) {
      const value = query[key];
      if (value !== undefined) url.searchParams.set(parameter, value);
    }
    url.searchParams.set('limit', String(query.limit));
    if (query.after) {
      url.searchParams.set('afterAt', query.after.at);
      url.searchParams.set('afterRegistry', query.after.registry);
      url.searchParams.set('afterSeq', String(query.after.seq));
    }
    return ((await this.get(registry, url, caller)) as { records: StoredAccessRecord[] }).records;
  }

  /** GET a registry's access-log route on behalf of `caller`. */
  private async get(registry: RegistryName, url: URL, caller: Caller): Promise<unknown> {
    const path = url.pathname + url.search;
    const assertion = await signAssertion(this.signingKey, {
      audience: registry,
      caller,
      digest: routeDigest('GET', path),
    });
    let response: BufferedResponse;
    try {
      response = await sendRequest(
        url.origin,
        { path, headers: { [ASSERTION_HEADER]: assertion, 'x-request-id': caller.requestId } },
        this.timeoutMs,
        this.agents,
      );
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
    return response.json();
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
