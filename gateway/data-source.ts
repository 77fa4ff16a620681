import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { CryptoKey } from 'jose';
import { ASSERTION_HEADER, operationDigest, signAssertion } from '../subgraphs/shared/assertion';
import { isClientError } from '../subgraphs/shared/errors';
import type { Caller } from '../subgraphs/shared/identity';
import type { Logger } from '../subgraphs/shared/logger';

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
 */
export class SignedSubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    private readonly subgraph: string,
    url: string,
    private readonly signingKey: CryptoKey,
    fetcher: RemoteGraphQLDataSource['fetcher'],
    private readonly log: Logger,
  ) {
    super({ url, fetcher });
  }

  override async willSendRequest({ request, context, ...options }: GraphQLDataSourceProcessOptions<GatewayContext>) {
    const incoming = 'incomingRequestContext' in options ? options.incomingRequestContext : undefined;
    const caller: Caller = {
      ...context.caller,
      operationName: incoming?.operationName ?? context.caller.operationName,
    };
    const assertion = await signAssertion(this.signingKey, {
      audience: this.subgraph,
      caller,
      // RemoteGraphQLDataSource POSTs exactly { query, variables, operationName } (undefined
      // members omitted by JSON.stringify): the subgraph checks this digest against that body.
      digest: operationDigest({
        query: request.query ?? '',
        operationName: request.operationName,
        variables: request.variables,
      }),
    });
    request.http!.headers.set(ASSERTION_HEADER, assertion);
    request.http!.headers.set('x-request-id', caller.requestId);
  }

  override async process(
    options: GraphQLDataSourceProcessOptions<GatewayContext>,
  ): ReturnType<RemoteGraphQLDataSource<GatewayContext>['process']> {
    try {
      return await super.process(options);
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
