import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, Kind, OperationTypeNode, type GraphQLFormattedError } from 'graphql';
import type { Logger } from './logger';

/**
 * Error codes clients may see, with their messages, because we wrote those messages for them.
 * Anything else is an internal failure and reaches clients only as a generic message with a request id.
 */
export const CLIENT_ERROR_CODES = new Set([
  'BAD_USER_INPUT',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'SUBGRAPH_UNAVAILABLE',
  'COST_ESTIMATED_TOO_EXPENSIVE',
  'RATE_LIMITED',
  'QUERY_NOT_IN_SAFELIST',
  'PERSISTED_QUERY_NOT_IN_LIST',
  'TOO_MANY_REQUESTS',
  'STATISTICS_BUDGET_EXCEEDED',
]);

/** Extension keys that carry meaning for clients; everything else is dropped. */
const CLIENT_EXTENSION_KEYS = [
  'code',
  'argument',
  'rule',
  'registry',
  'requestId',
  'limit',
  'cost',
  'budget',
  'retryAfter',
];

/**
 * Invalid input: names the argument and the rule it breaks. Nothing has been written.
 * `httpStatus` only for request-level refusals (Apollo Server applies it to the whole response).
 */
export function badUserInput(argument: string, rule: string, message: string, httpStatus?: 400): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: 'BAD_USER_INPUT', argument, rule, ...(httpStatus ? { http: { status: httpStatus } } : {}) },
  });
}

/** The caller is known but may not read or do this. */
export function forbidden(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'FORBIDDEN' } });
}

/**
 * A token is needed (or the one given is not acceptable). `httpStatus` only for request-level
 * refusals: Apollo Server applies it to the whole response, so a field-level refusal must not.
 */
export function unauthenticated(message: string, httpStatus?: 401): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: 'UNAUTHENTICATED', ...(httpStatus ? { http: { status: httpStatus } } : {}) },
  });
}

export function internalErrorMessage(requestId: string | undefined): string {
  return `Internal error. Nothing about it is shown here; quote request id ${requestId ?? 'unknown'} when reporting it.`;
}

/** A generic internal error for a failure whose details belong only in the server log. */
export function internalError(requestId: string): GraphQLError {
  return new GraphQLError(internalErrorMessage(requestId), {
    extensions: { code: 'INTERNAL_SERVER_ERROR', requestId },
  });
}

export function isClientError(error: { extensions?: Record<string, unknown> }): boolean {
  const code = error.extensions?.code;
  return typeof code === 'string' && CLIENT_ERROR_CODES.has(code);
}

/** The most characters of a quoted value that an error message shows (a cut one: this many with its `…`). */
export const QUOTED_VALUE_MAX = 60;

/** A JSON string literal inside a message (graphql-js and this project quote values that way). */
const QUOTED_VALUE = /"(?:[^"\\]|\\.)*"/g;

/**
 * Shortens every quoted value longer than QUOTED_VALUE_MAX characters in an error message to its
 * beginning and its length, e.g. `filter.districtCode "99999…" (100000 characters) is not one of ...`;
 * a message shortened once comes out unchanged. Messages quote what the caller sent so that they
 * can see what was wrong with it; repeating a 100 KB value in full (our checks and graphql-js's
 * variable coercion both would) helps nobody and doubles the answer. One place for every client
 * error, the gateway's and each subgraph's, GraphQL or plain HTTP.
 */
export function shortenQuotedValues(message: string): string {
  if (message.length <= QUOTED_VALUE_MAX + 2) return message;
  return message.replace(QUOTED_VALUE, (literal) => {
    if (literal.length <= QUOTED_VALUE_MAX + 2) return literal;
    let value: unknown;
    try {
      value = JSON.parse(literal);
    } catch {
      return literal;
    }
    const characters = [...(value as string)];
    if (characters.length <= QUOTED_VALUE_MAX) return literal;
    // QUOTED_VALUE_MAX characters with the `…`, so that a message shortened by a subgraph comes
    // through the gateway's formatError, which shortens again, unchanged.
    const kept = characters.slice(0, QUOTED_VALUE_MAX - 1).join('');
    return `${JSON.stringify(`${kept}…`)} (${characters.length} characters)`;
  });
}

/**
 * Apollo Server `formatError`: keeps client errors (message and the extension keys clients use)
 * and replaces everything else with a generic internal error. No database text, host name,
 * URL or stack trace gets through.
 */
export function formatClientError(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const extensions = formatted.extensions ?? {};
  if (isClientError(formatted)) {
    const kept = Object.fromEntries(
      CLIENT_EXTENSION_KEYS.filter((k) => extensions[k] !== undefined).map((k) => [k, extensions[k]]),
    );
    return {
      message: shortenQuotedValues(formatted.message),
      locations: formatted.locations,
      path: formatted.path,
      extensions: kept,
    };
  }
  const requestId = typeof extensions.requestId === 'string' ? extensions.requestId : undefined;
  return {
    message: internalErrorMessage(requestId),
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR', ...(requestId ? { requestId } : {}) },
  };
}

/**
 * formatError for production: also drops "Did you mean ...?" from every message. Apollo Server's
 * hideSchemaDetailsFromClientErrors covers validation only, but variables are coerced later, and
 * their messages suggest input field and enum value names just the same.
 */
export function formatClientErrorWithoutSuggestions(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const kept = formatClientError(formatted);
  return { ...kept, message: kept.message.replace(/ ?Did you mean .+\?$/, '') };
}

/**
 * Logs every internal error with the request id (so an operator can find it from what the client
 * quotes), and stamps the request id on every error the client receives.
 */
export function errorReportingPlugin<C extends BaseContext>(
  log: Logger,
  requestIdOf: (context: C) => string | undefined,
): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue, operationName }) {
          for (const error of errors) {
            if (isClientError(error)) continue;
            const subgraph = error.extensions?.serviceName;
            if (typeof subgraph === 'string') {
              // The subgraph logged the cause under the same request id; one line here is enough.
              log.error(
                {
                  requestId: requestIdOf(contextValue),
                  path: error.path?.join('.'),
                },
                `${subgraph} reported an internal error; its log has the cause`,
              );
              continue;
            }
            const original = unwrapResolverError(error);
            log.error(
              {
                requestId: requestIdOf(contextValue),
                operation: operationName ?? undefined,
                path: error.path?.join('.'),
                err: original instanceof Error ? original : JSON.stringify(original),
              },
              'request failed',
            );
          }
        },
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== 'single' || !response.body.singleResult.errors) return;
          const requestId = requestIdOf(contextValue);
          if (!requestId) return;
          response.body.singleResult.errors = response.body.singleResult.errors.map((e) =>
            e.extensions?.code === 'INTERNAL_SERVER_ERROR'
              ? { ...e, message: internalErrorMessage(requestId), extensions: { ...e.extensions, requestId } }
              : { ...e, extensions: { ...e.extensions, requestId } },
          );
        },
      };
    },
  };
}

/**
 * Refuses, with HTTP 400, an operation that cannot be run as sent: an `operationName` the
 * document does not define, several operations without an `operationName`, or a subscription
 * (no subgraph offers any). Apollo Server would otherwise answer these with HTTP 500, as if the
 * server had failed.
 */
export function operationResolutionPlugin<C extends BaseContext>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, request, document }) {
          if (!operation) {
            const names = document.definitions.flatMap((d) =>
              d.kind === Kind.OPERATION_DEFINITION ? [d.name?.value ?? '(anonymous)'] : [],
            );
            const message =
              request.operationName != null
                ? `operationName ${JSON.stringify(request.operationName)} names no operation in the query; it holds ${names.join(', ') || 'none'}`
                : `The query holds ${names.length} operations (${names.join(', ')}); say which to run with operationName`;
            throw new GraphQLError(message, {
              extensions: { code: 'OPERATION_RESOLUTION_FAILURE', http: { status: 400 } },
            });
          }
          if (operation.operation === OperationTypeNode.SUBSCRIPTION) {
            throw new GraphQLError('This graph has no subscriptions; send a query or a mutation', {
              extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}
