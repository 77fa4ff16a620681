import { randomUUID } from 'node:crypto';
import type { CryptoKey } from 'jose';
import type { SubgraphName } from '../../subgraphs/catalog';
import type { Caller, Identity } from '../../subgraphs/shared/identity';
import type { Operation, Sample } from '../operations';
import type { BenchPorts } from './config';
import { ASSERTION_HEADER, signSubgraphRequest } from './subgraph-request';

/**
 * Who serves the operations: the floor, each subgraph directly, the product's gateway, and the
 * two peers. Each turns one drawn request into the HTTP request it takes.
 */

export const CONTENDER_IDS = ['floor', 'direct', 'gateway', 'hive', 'hive-rust'] as const;
export type ContenderId = (typeof CONTENDER_IDS)[number];

export const CONTENDER_TITLES: Record<ContenderId, string> = {
  floor: 'floor (node:http + pg)',
  direct: 'subgraph direct',
  gateway: 'gov-graph gateway',
  hive: 'Hive Gateway',
  'hive-rust': 'Hive Gateway + Rust planner',
};

/** A drawn request with the caller it comes from. */
export interface CallerSample {
  sample: Sample;
  /** The bearer token sent to a gateway (null: anonymous). */
  token: string | null;
  /** The same caller's identity, which the direct contender signs into its assertion. */
  identity: Identity | null;
}

export interface HttpRequest {
  headers: Record<string, string>;
  body: string;
}

export interface Contender {
  id: ContenderId;
  /** e.g. "subgraph direct (legal-person)". */
  title(op: Operation): string;
  applies(op: Operation): boolean;
  url(op: Operation): string;
  /** Which process serves this operation for this contender (for its resident memory). */
  pid(op: Operation): number | undefined;
  request(op: Operation, caller: CallerSample): Promise<HttpRequest>;
  /** Whether each request must be prepared anew (a single-use assertion) rather than cycled. */
  freshPerRequest: boolean;
}

/** The GraphQL-over-HTTP request a client sends to a gateway. */
export function clientRequest(op: Operation, caller: CallerSample): HttpRequest {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (caller.token) headers.authorization = `Bearer ${caller.token}`;
  if (op.purpose) headers['x-purpose'] = op.purpose;
  return {
    headers,
    body: JSON.stringify({ query: op.query, operationName: op.operationName, variables: caller.sample.variables }),
  };
}

/** The same request straight to the subgraph, with the assertion the gateway would have signed. */
async function directRequest(op: Operation, caller: CallerSample, key: CryptoKey): Promise<HttpRequest> {
  const subgraph = op.servedBy as SubgraphName;
  const body = { query: op.query, operationName: op.operationName, variables: caller.sample.variables };
  const asserted: Caller = {
    identity: caller.identity,
    purpose: op.purpose ?? null,
    requestId: randomUUID(),
    operationName: op.operationName,
    via: null,
  };
  return {
    headers: {
      'content-type': 'application/json',
      [ASSERTION_HEADER]: await signSubgraphRequest(key, subgraph, asserted, body),
      'x-request-id': asserted.requestId,
    },
    body: JSON.stringify(body),
  };
}

export interface ContenderProcesses {
  floor?: number;
  subgraphs: Partial<Record<SubgraphName, number>>;
  gateway?: number;
  hive?: number;
  hiveRust?: number;
}

export function contenders(ports: BenchPorts, pids: ContenderProcesses, signingKey: CryptoKey): Contender[] {
  const gatewayLike = (id: ContenderId, port: number, pid: () => number | undefined): Contender => ({
    id,
    title: () => CONTENDER_TITLES[id],
    applies: () => true,
    url: () => `http://127.0.0.1:${port}/graphql`,
    pid,
    request: async (op, caller) => clientRequest(op, caller),
    freshPerRequest: false,
  });
  return [
    {
      id: 'floor',
      title: () => CONTENDER_TITLES.floor,
      applies: (op) => op.floor === true,
      url: () => `http://127.0.0.1:${ports.floor}/graphql`,
      pid: () => pids.floor,
      request: async (op, caller) => clientRequest(op, caller),
      freshPerRequest: false,
    },
    {
      id: 'direct',
      title: (op) => `${CONTENDER_TITLES.direct} (${op.servedBy})`,
      applies: (op) => op.servedBy !== undefined,
      url: (op) => `http://127.0.0.1:${ports.subgraphs[op.servedBy as SubgraphName]}/graphql`,
      pid: (op) => pids.subgraphs[op.servedBy as SubgraphName],
      request: (op, caller) => directRequest(op, caller, signingKey),
      freshPerRequest: true,
    },
    gatewayLike('gateway', ports.gateway, () => pids.gateway),
    gatewayLike('hive', ports.hive, () => pids.hive),
    gatewayLike('hive-rust', ports.hiveRust, () => pids.hiveRust),
  ];
}
