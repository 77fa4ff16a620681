/**
 * What a peer gateway needs to do the same work as gov-graph's own gateway, as one Hive Gateway
 * plugin: check the caller's bearer token (the product's own verifier), read X-Purpose as the
 * product does, apply the product's query limits, and put a fresh gateway assertion (the product's
 * signAssertion and digest) on every subgraph request, so the subgraphs accept it and enforce the
 * same rules and access log as behind the product's gateway.
 */
import { randomUUID } from 'node:crypto';
import type { GatewayPlugin } from '@graphql-hive/gateway';
import { GraphQLError, printSchema, type GraphQLSchema } from 'graphql';
// The product's copy of graphql (the cost estimator's), apart from Hive Gateway's own copy here.
import { buildSchema as buildProductSchema } from '../../node_modules/graphql/index.js';
import { DEFAULT_LIMITS, costCheck, queryShapeRules } from '../../gateway/limits';
import { readPurpose } from '../../gateway/purpose';
import type { Caller, Identity } from '../../subgraphs/shared/identity';
import {
  ASSERTION_HEADER,
  signSubgraphRequest,
  type SigningKey,
  type SubgraphRequestBody,
} from '../lib/subgraph-request';

export interface GovGraphPluginOptions {
  /** Subgraph name (the assertion's audience) by the URL the gateway fetches it at. */
  subgraphUrls: Record<string, string>;
  /** Loaded once at start-up (the plugin factory cannot wait for them). */
  keys: Promise<{
    signingKey: SigningKey;
    verifyToken(authorization: string | undefined): Promise<Identity | null>;
  }>;
}

interface PluginContext {
  govGraphCaller: Caller;
}

export function useGovGraph(options: GovGraphPluginOptions): GatewayPlugin<PluginContext> {
  const subgraphByUrl = new Map(Object.entries(options.subgraphUrls).map(([name, url]) => [url, name]));
  const requestIds = new WeakMap<Request, string>();
  const shapeRules = queryShapeRules(DEFAULT_LIMITS);
  const checkCost = costCheck(DEFAULT_LIMITS);
  // graphql-js refuses a schema made by another copy of itself: the estimator gets the same
  // schema rebuilt by the product's copy, once per schema Hive Gateway executes against.
  const productSchemas = new WeakMap<GraphQLSchema, ReturnType<typeof buildProductSchema>>();
  const productSchemaOf = (schema: GraphQLSchema) => {
    let found = productSchemas.get(schema);
    if (!found) productSchemas.set(schema, (found = buildProductSchema(printSchema(schema))));
    return found;
  };
  return {
    onValidate({ addValidationRule }) {
      for (const rule of shapeRules) addValidationRule(rule as never);
    },

    // The product's cost budget, estimated as its gateway does (once per document when no variable
    // decides a page size).
    onExecute({ args }) {
      try {
        checkCost(
          productSchemaOf(args.schema),
          args.document as never,
          args.operationName ?? null,
          (args.variableValues ?? {}) as Record<string, unknown>,
        );
      } catch (error) {
        throw sameErrorHere(error);
      }
    },

    async onContextBuilding({ context, extendContext }) {
      const request = context.request;
      const requestId = randomUUID();
      requestIds.set(request, requestId);
      const { verifyToken } = await options.keys;
      let identity: Identity | null;
      let purpose: string | null;
      try {
        identity = await verifyToken(request.headers.get('authorization') ?? undefined);
        purpose = readPurpose(request.headers.get('x-purpose'));
      } catch (error) {
        throw sameErrorHere(error);
      }
      extendContext({
        govGraphCaller: {
          identity,
          purpose,
          requestId,
          operationName: context.params?.operationName ?? null,
          via: null,
        },
      });
    },

    onResponse({ request, response }) {
      const requestId = requestIds.get(request);
      if (requestId) response.headers.set('x-request-id', requestId);
    },

    // A caller with an identity never shares a subgraph fetch with another caller: their reads
    // are logged one by one. Hive Gateway merges identical in-flight subgraph requests (same URL,
    // body and request headers), so give each such request its caller's own request id header.
    // Anonymous callers' identical fetches may still be merged, as Hive Gateway does by default.
    onSubgraphExecute({ executionRequest, setExecutionRequest }) {
      const caller = (executionRequest.context as Partial<PluginContext> | undefined)?.govGraphCaller;
      if (!caller?.identity) return;
      const extensions = executionRequest.extensions ?? {};
      setExecutionRequest({
        ...executionRequest,
        extensions: { ...extensions, headers: { ...(extensions.headers ?? {}), 'x-request-id': caller.requestId } },
      });
    },

    // After any merging: one fresh assertion per HTTP request a subgraph receives, bound to its body.
    async onFetch({ url, options: init, setOptions, context }) {
      const subgraph = subgraphByUrl.get(url);
      if (!subgraph) return;
      const caller = (context as Partial<PluginContext>).govGraphCaller;
      if (!caller) throw new Error(`a request to the ${subgraph} subgraph without a caller: nothing to sign`);
      if (typeof init.body !== 'string') throw new Error(`a request to the ${subgraph} subgraph without a JSON body`);
      const body = JSON.parse(init.body) as SubgraphRequestBody;
      const { signingKey } = await options.keys;
      const assertion = await signSubgraphRequest(signingKey, subgraph, caller, body);
      const headers = new Headers(init.headers as HeadersInit);
      headers.set(ASSERTION_HEADER, assertion);
      headers.set('x-request-id', caller.requestId);
      setOptions({ ...init, headers: Object.fromEntries(headers) });
    },
  };
}

/**
 * The product's errors are made with the product's copy of graphql; Hive Gateway recognises only
 * its own, so the same message and extensions are rebuilt here (HTTP status included).
 */
function sameErrorHere(error: unknown): Error {
  const { message, extensions } = error as { message?: string; extensions?: Record<string, unknown> };
  if (!extensions) return error as Error;
  return new GraphQLError(message ?? 'refused', { extensions });
}
