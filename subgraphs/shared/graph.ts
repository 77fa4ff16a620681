import { GraphQLError, Kind, parse, type GraphQLFormattedError, type OperationDefinitionNode } from 'graphql';
import type { CryptoKey } from 'jose';
import type { RegistryName, SubgraphName } from '../catalog';
import { operationDigest } from './assertion';
import { DELEGATION_HEADER, signDelegation } from './delegation';
import { forbidden } from './errors';
import type { Caller } from './identity';
import type { Logger } from './logger';

/**
 * Delegated calls, the registry side: a registry serving a request asks the graph through the
 * gateway on behalf of that request's caller (a write that names another registry's entity checks
 * it exists). Declare the query once, typed, next to the registry's resolvers:
 *
 *   export const PersonCheck = graphQuery<{ person: { id: string } | null }, { id: string }>(
 *     'query LegalPersonPersonCheck($id: ID!) { person(id: $id) { id } }',
 *   );
 *
 * and use it from a resolver, where `ctx.graph` is bound to the request being served:
 *
 *   const { person } = checkedData(await ctx.graph.query(PersonCheck, { id }), {
 *     argument: 'input.legalRepresentativeId', registry: 'natural-person', needs: 'scope person:read',
 *   });
 *
 * The gateway runs it as the original caller (identity, purpose, request id), so the owning
 * registry's rules and access log apply, with `via` naming this registry.
 */

/** A named query a registry may send on its caller's behalf; `TData` and `TVariables` type its use. */
export interface GraphOperation<TData, TVariables> {
  readonly query: string;
  readonly operationName: string;
  /** Types only: never set. */
  readonly types?: { data: TData; variables: TVariables };
}

/**
 * Declares a delegated query. Throws at start-up unless the text is exactly one named query
 * (delegated calls only read; the name shows in the owning registry's access log).
 */
export function graphQuery<TData, TVariables extends Record<string, unknown> = Record<string, never>>(
  query: string,
): GraphOperation<TData, TVariables> {
  const operations = parse(query).definitions.filter(
    (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
  );
  const [operation] = operations;
  if (operations.length !== 1 || operation.operation !== 'query' || !operation.name) {
    throw new Error(`a delegated call must be exactly one named query, not: ${query}`);
  }
  return { query, operationName: operation.name.value };
}

/** What the graph answered: data (null when nothing resolved) and the errors, empty when there were none. */
export interface GraphResult<TData> {
  data: TData | null;
  errors: readonly GraphQLFormattedError[];
}

/** The graph, as seen from one request a registry is serving. */
export interface RequestGraph {
  /**
   * Sends `operation` to the gateway on behalf of the request's caller. Resolves with the GraphQL
   * answer (errors included); rejects with DelegatedCallError when there is no GraphQL answer
   * (gateway unreachable or too slow, delegation refused, anything that is not a GraphQL response).
   */
  query<TData, TVariables extends Record<string, unknown>>(
    operation: GraphOperation<TData, TVariables>,
    variables: TVariables,
  ): Promise<GraphResult<TData>>;
}

/**
 * A delegated call that got no usable GraphQL answer. The message is for the server log (it may
 * name the gateway's address); clients see an internal error with the request id, and nothing is
 * written.
 */
export class DelegatedCallError extends Error {}

export interface GraphClientOptions {
  registry: RegistryName;
  /** The registry's own Ed25519 private key (loadRegistrySigningKey). */
  signingKey: CryptoKey;
  /** The gateway's /graphql URL, or a function giving it (for a gateway that starts later). */
  gatewayUrl: string | (() => string);
  timeoutMs: number;
  log: Logger;
}

/** One per registry process: makes delegated calls for the requests it serves. */
export class GraphClient {
  constructor(private readonly options: GraphClientOptions) {}

  /** The gateway's /graphql URL now. */
  gatewayUrl(): string {
    return typeof this.options.gatewayUrl === 'string' ? this.options.gatewayUrl : this.options.gatewayUrl();
  }

  /** How long a call through the gateway may take. */
  get timeoutMs(): number {
    return this.options.timeoutMs;
  }

  /** The graph for one request, bound to its verified caller and the gateway assertion it carried. */
  forRequest(caller: Caller, assertion: string): RequestGraph {
    return { query: (operation, variables) => this.send(caller, assertion, operation, variables) };
  }

  private async send<TData>(
    caller: Caller,
    assertion: string,
    operation: GraphOperation<TData, Record<string, unknown>>,
    variables: Record<string, unknown>,
  ): Promise<GraphResult<TData>> {
    const { registry, signingKey, timeoutMs, log } = this.options;
    const url = typeof this.options.gatewayUrl === 'string' ? this.options.gatewayUrl : this.options.gatewayUrl();
    const what = `delegated call ${operation.operationName} from ${registry}`;
    if (caller.via !== null) {
      throw new DelegatedCallError(
        `${what}: this request was itself delegated by ${caller.via}, and delegated calls do not chain`,
      );
    }
    const body = { query: operation.query, operationName: operation.operationName, variables };
    const delegation = await signDelegation(signingKey, { registry, assertion, digest: operationDigest(body) });
    const started = Date.now();
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', [DELEGATION_HEADER]: delegation },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      const e = error as { name?: string; message?: string; cause?: { code?: string } };
      throw new DelegatedCallError(
        e.name === 'TimeoutError' || e.name === 'AbortError'
          ? `${what}: the gateway at ${url} did not answer within ${timeoutMs} ms (DELEGATED_CALL_TIMEOUT_MS)`
          : `${what}: could not reach the gateway at ${url} (${e.cause?.code ?? e.message}); check GATEWAY_URL`,
      );
    }
    const text = await response.text();
    let answer: { data?: unknown; errors?: unknown } | null = null;
    try {
      const parsed: unknown = JSON.parse(text);
      if (typeof parsed === 'object' && parsed !== null && ('data' in parsed || 'errors' in parsed)) answer = parsed;
    } catch {
      // not JSON: reported below
    }
    if (response.status !== 200 || answer === null) {
      const said = Array.isArray(answer?.errors)
        ? (answer.errors as GraphQLFormattedError[]).map((e) => e.message).join('; ')
        : 'no GraphQL response';
      throw new DelegatedCallError(`${what}: the gateway answered HTTP ${response.status}: ${said.slice(0, 500)}`);
    }
    log.debug({ requestId: caller.requestId, ms: Date.now() - started }, `${what} answered`);
    return {
      data: (answer.data ?? null) as TData | null,
      errors: Array.isArray(answer.errors) ? (answer.errors as GraphQLFormattedError[]) : [],
    };
  }
}

/** How a write's check reads another registry: for messages that say what to do. */
export interface CheckDescription {
  /** The argument being checked, e.g. 'input.legalRepresentativeId'. */
  argument: string;
  /** The registry that owns what is checked. */
  registry: SubgraphName;
  /** What the caller needs for the check, e.g. 'scope person:read'. */
  needs: string;
}

/**
 * The data of a delegated read made to check a write, or an error that fails the write closed:
 * SUBGRAPH_UNAVAILABLE naming the registry that did not answer, FORBIDDEN saying what the check
 * needs when the caller may not read it, and an internal error for anything else.
 */
export function checkedData<TData>(result: GraphResult<TData>, check: CheckDescription): TData {
  const unavailable = result.errors.find((e) => e.extensions?.code === 'SUBGRAPH_UNAVAILABLE');
  if (unavailable) {
    const registry =
      typeof unavailable.extensions?.registry === 'string' ? unavailable.extensions.registry : check.registry;
    throw new GraphQLError(
      `${check.argument} could not be checked: the ${registry} registry did not answer. Nothing was written; try again later.`,
      { extensions: { code: 'SUBGRAPH_UNAVAILABLE', registry } },
    );
  }
  const refused = result.errors.find(
    (e) => e.extensions?.code === 'FORBIDDEN' || e.extensions?.code === 'UNAUTHENTICATED',
  );
  if (refused) {
    throw forbidden(
      `${check.argument} is checked in the ${check.registry} registry on your behalf, which needs ${check.needs}; ` +
        `it refused: ${refused.message}. Nothing was written.`,
    );
  }
  if (result.errors.length > 0 || result.data === null) {
    throw new DelegatedCallError(
      `checking ${check.argument} in ${check.registry} failed: ${
        result.errors.map((e) => `${e.extensions?.code ?? 'error'}: ${e.message}`).join('; ') || 'no data'
      }`,
    );
  }
  return result.data;
}
