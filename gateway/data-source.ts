import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { CryptoKey } from 'jose';
import { ASSERTION_HEADER, operationDigest, signAssertion } from '../subgraphs/shared/assertion';
import { isClientError } from '../subgraphs/shared/errors';
import type { Caller } from '../subgraphs/shared/identity';
import type { Logger } from '../subgraphs/shared/logger';
import { BufferedResponse } from './fetcher';

export interface GatewayContext {
  caller: Caller;
  /** The client's address (for limits that are per client); absent for calls made inside the gateway. */
  client?: string;
}

/**
 * How the gateway calls one subgraph: every request carries a fresh assertion of the verified
 * caller, addressed to that subgraph and bound to the whole operation (query, operation name and
 * variables). A subgraph that fails to answer becomes one SUBGRAPH_UNAVAILABLE error; the other
 * subgraphs' data still returns.
 *
 * Identical fetches of anonymous callers are made once while one is in flight: a query with the
 * same text, operation name, variables, client operation name and purpose, with no identity and
 * not delegated, joins the fetch already under way and gets its own copy of the answer (so that
 * no request's result tree is another's). The subgraph sees one request (with the first caller's
 * request id) where there were several, as it would from a cache. A caller with an identity never
 * shares a fetch: each of their reads is checked and logged on its own.
 */
export class SignedSubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    private readonly subgraph: string,
    url: string,
    private readonly signingKey: CryptoKey,
    fetcher: RemoteGraphQLDataSource['fetcher'],
    private readonly log: Logger,
  ) {
    // Apollo would otherwise read every answer's Cache-Control to narrow the response's cache
    // policy. Subgraphs send none (their cache-control plugin is off), so the gateway's answers
    // are `no-store` either way; not asking spares building the answer's headers on every fetch.
    super({ url, fetcher, honorSubgraphCacheControlHeader: false });
  }

  /**
   * The subgraph request, as Apollo's RemoteGraphQLDataSource.process sends it (a POST of
   * `{ query, ...the rest of the request }` as JSON, the request's own headers and
   * `content-type: application/json`; a non-2xx answer thrown as errorFromResponse makes it; the
   * body parsed by parseBody and handed back with the answer as `http`), plus this gateway's
   * assertion and request id. Without Apollo's detours: it built a node-fetch Headers and a
   * node-fetch Request on every fetch that nothing here reads (about 4% of the gateway's CPU on
   * the officer's lookup). No automatic persisted queries and no cache policy from the answer
   * (both off for this data source).
   */
  private async send({
    request,
    context,
    ...options
  }: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<SubgraphResponse> {
    const { http, query, ...rest } = request;
    if (!query) throw new Error('Missing query');
    const headers: Record<string, string> = {};
    if (http?.headers) for (const [name, value] of http.headers) headers[name.toLowerCase()] = value;
    headers['content-type'] = 'application/json';
    const incoming = 'incomingRequestContext' in options ? options.incomingRequestContext : undefined;
    const caller: Caller = {
      ...context.caller,
      operationName: incoming?.operationName ?? context.caller.operationName,
    };
    headers[ASSERTION_HEADER] = await signAssertion(this.signingKey, {
      audience: this.subgraph,
      caller,
      // The body below is exactly { query, variables, operationName } (undefined members omitted
      // by JSON.stringify): the subgraph checks this digest against that body.
      digest: operationDigest({ query, operationName: request.operationName, variables: request.variables }),
    });
    headers['x-request-id'] = caller.requestId;
    const response = await this.fetcher(this.url, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query, ...rest }),
    });
    if (!response.ok) throw await this.errorFromResponse(response);
    const body = await this.parseBody(response);
    if (typeof body !== 'object' || body === null) {
      throw new Error(`Expected JSON response body, but received: ${String(body)}`);
    }
    return { ...body, http: response } as SubgraphResponse;
  }

  override async process(
    options: GraphQLDataSourceProcessOptions<GatewayContext>,
  ): ReturnType<RemoteGraphQLDataSource<GatewayContext>['process']> {
    try {
      return await this.processShared(options);
    } catch (error) {
      // A subgraph answers HTTP 400 when the caller sent a bad variable (e.g. a malformed Money):
      // that is the caller's mistake, passed on as such, not an outage.
      if (error instanceof SubgraphHttpError && error.status === 400 && error.clientErrors) {
        return { errors: error.clientErrors };
      }
      const requestId = options.context.caller?.requestId;
      this.log.error(
        {
          requestId,
          url: this.url,
          reason: (error as Error).message,
        },
        `subgraph ${this.subgraph} did not answer`,
      );
      throw new GraphQLError(
        `The ${this.subgraph} registry did not answer; the fields it provides are missing from this response. Try again later.`,
        { extensions: { code: 'SUBGRAPH_UNAVAILABLE', registry: this.subgraph } },
      );
    }
  }

  /** Fetches that joined an identical anonymous fetch in flight instead of being made (tests, monitoring). */
  sharedFetches = 0;

  private readonly inFlight = new Map<string, InFlightFetch>();

  private processShared(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<SubgraphResponse> {
    const key = shareableFetchKey(options);
    if (key === null) return this.send(options);
    const joined = this.inFlight.get(key);
    if (joined) {
      joined.followers += 1;
      this.sharedFetches += 1;
      return joined.answer.then((pristine) => ({ ...structuredClone(pristine!.body), http: pristine!.http }));
    }
    const first = this.send(options);
    const fetch: InFlightFetch = {
      followers: 0,
      // Runs before the first caller sees its answer (and may change it): a copy is taken then,
      // only if anyone joined, and no one joins once it has arrived.
      answer: first.then(
        (response) => {
          this.inFlight.delete(key);
          if (fetch.followers === 0) return null;
          const { http, ...body } = response;
          return { body: structuredClone(body), http };
        },
        (error: unknown) => {
          this.inFlight.delete(key);
          throw error;
        },
      ),
    };
    // Only followers await it; the first caller gets the failure from `first`.
    fetch.answer.catch(() => {});
    this.inFlight.set(key, fetch);
    return first;
  }

  /** As Apollo's parseBody (JSON by content type, else text), without building the answer's Headers. */
  override parseBody(
    ...args: Parameters<RemoteGraphQLDataSource<GatewayContext>['parseBody']>
  ): Promise<object | string> {
    const [response] = args;
    if (!(response instanceof BufferedResponse)) return super.parseBody(...args);
    const type = response.contentType;
    const json = type?.startsWith('application/json') || type?.startsWith('application/graphql-response+json');
    return json ? (response.json() as Promise<object>) : response.text();
  }

  override async errorFromResponse(response: Parameters<RemoteGraphQLDataSource['errorFromResponse']>[0]) {
    let body: unknown = null;
    try {
      body = JSON.parse(await response.text());
    } catch {
      // not JSON: nothing to pass on
    }
    const errors = (body as { errors?: unknown } | null)?.errors;
    const clientErrors =
      Array.isArray(errors) && errors.length > 0 && errors.every((e) => isClientError(e))
        ? (errors as GraphQLFormattedError[])
        : null;
    const hint =
      response.status === 401
        ? ' (the subgraph refused the gateway assertion: do GATEWAY_SIGNING_KEY and GATEWAY_PUBLIC_KEY match?)'
        : '';
    return new SubgraphHttpError(`HTTP ${response.status} from ${this.subgraph}${hint}`, response.status, clientErrors);
  }
}

type SubgraphResponse = Awaited<ReturnType<RemoteGraphQLDataSource<GatewayContext>['process']>>;

interface InFlightFetch {
  followers: number;
  /** A copy of the answer no caller holds, or null when nobody joined. */
  answer: Promise<{ body: Omit<SubgraphResponse, 'http'>; http: SubgraphResponse['http'] } | null>;
}

/**
 * What makes two subgraph fetches the same one, or null when a fetch must be made on its own: a
 * caller with an identity or a delegated call, or anything but a query.
 */
function shareableFetchKey({
  request,
  context,
  ...options
}: GraphQLDataSourceProcessOptions<GatewayContext>): string | null {
  const caller = context.caller;
  if (!caller || caller.identity !== null || caller.via !== null) return null;
  const query = request.query ?? '';
  if (!/^\s*(query\b|\{)/.test(query)) return null;
  const incoming = 'incomingRequestContext' in options ? options.incomingRequestContext : undefined;
  return JSON.stringify([
    caller.purpose,
    incoming?.operationName ?? caller.operationName,
    query,
    request.operationName ?? null,
    request.variables ?? null,
  ]);
}

/** A non-2xx subgraph answer, with its GraphQL errors when they are ones clients may see. */
class SubgraphHttpError extends GraphQLError {
  constructor(
    message: string,
    readonly status: number,
    readonly clientErrors: GraphQLFormattedError[] | null,
  ) {
    super(message);
  }
}
