import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { GraphQLError } from 'graphql';
import pino from 'pino';
import { REGISTRY_NAMES, type RegistryName } from '../subgraphs/catalog';
import { RegistryAccessLogs } from '../subgraphs/data-tracker/registry-client';
import type { StoredAccessRecord } from '../subgraphs/shared/access-log/chain';
import { ASSERTION_HEADER, readAssertion, routeDigest } from '../subgraphs/shared/assertion';
import type { Caller } from '../subgraphs/shared/identity';
import { generateGatewayKeyPair } from '../subgraphs/shared/keys';

/**
 * The data tracker's reads of every registry's access log, against stand-in registries: each GET
 * carries an assertion addressed to that registry and bound to the request target as sent, the
 * pages are merged in the log's order, connections are kept open between reads, and a registry
 * that is down, fails or does not answer in time makes the whole read fail with
 * SUBGRAPH_UNAVAILABLE naming it (never a partial list).
 */

type Behaviour = 'answer' | 'fail' | 'hang';

let keys: Awaited<ReturnType<typeof generateGatewayKeyPair>>;
const servers = new Map<RegistryName, Server>();
const urls = {} as Record<RegistryName, string>;
const behaviour = new Map<RegistryName, Behaviour>();
const received: { registry: RegistryName; target: string; assertion: string; socket: Socket }[] = [];
const hanging: ServerResponse[] = [];
const subject = randomUUID();

/** Two records of each registry, at times that interleave across registries. */
function recordsOf(registry: RegistryName): StoredAccessRecord[] {
  const i = REGISTRY_NAMES.indexOf(registry);
  return [2, 1].map((n) => ({
    seq: n,
    format: 3,
    id: randomUUID(),
    at: `2026-11-0${n}T10:00:0${i}.000Z`,
    registry,
    action: 'read',
    outcome: 'granted',
    actorSub: 'officer-1',
    actorRole: 'officer',
    actorDept: 'civil-affairs',
    purpose: 'CASE-1',
    subjectId: subject,
    identifier: null,
    fields: ['Person.name'],
    operationName: 'Q',
    requestId: randomUUID(),
    via: null,
    prevHash: '0'.repeat(64),
    hash: '1'.repeat(64),
    grantId: null,
  })) as unknown as StoredAccessRecord[];
}

beforeAll(async () => {
  keys = await generateGatewayKeyPair();
  for (const registry of REGISTRY_NAMES) {
    const server = createServer((req: IncomingMessage, res: ServerResponse) => {
      received.push({
        registry,
        target: req.url!,
        assertion: String(req.headers[ASSERTION_HEADER]),
        socket: req.socket,
      });
      const now = behaviour.get(registry) ?? 'answer';
      if (now === 'hang') {
        hanging.push(res);
        return;
      }
      if (now === 'fail') {
        res.writeHead(500, { 'content-type': 'application/json' }).end('{"error":"boom"}');
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ records: recordsOf(registry) }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    servers.set(registry, server);
    urls[registry] = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  }
});

afterAll(async () => {
  for (const res of hanging) res.destroy();
  for (const server of servers.values()) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

beforeEach(() => {
  received.length = 0;
  behaviour.clear();
});

const log = pino({ level: 'silent' });
const caller = (): Caller => ({
  identity: { sub: subject, role: 'citizen', dept: null, scopes: [] },
  purpose: null,
  requestId: randomUUID(),
  operationName: 'Me',
  via: null,
});

it("asks every registry with an assertion addressed to it and bound to the URL it sends, and merges the pages in the log's order", async () => {
  const logs = new RegistryAccessLogs(urls, keys.privateKey, 2000, log);
  const records = await logs.read(caller(), { subjectId: subject, limit: 5 });

  expect(received.map((r) => r.registry).sort()).toEqual([...REGISTRY_NAMES].sort());
  for (const { registry, target, assertion } of received) {
    expect(target).toBe(`/access-records?subject=${subject}&limit=5`);
    const content = await readAssertion(keys.publicKey, assertion, { audience: registry });
    expect(content.digest).toBe(routeDigest('GET', target));
    expect(content.caller.identity?.sub).toBe(subject);
  }
  // Newest first, then by registry name: the day-2 records of the first five registries by name.
  const expected = REGISTRY_NAMES.flatMap(recordsOf)
    .sort((a, b) => (a.at !== b.at ? (a.at < b.at ? 1 : -1) : a.registry < b.registry ? -1 : 1))
    .slice(0, 5)
    .map((r) => `${r.registry}:${r.seq}`);
  expect(records.map((r) => `${r.registry}:${r.seq}`)).toEqual(expected);
});

it('sends the cursor and the filters, and only to the registry asked for', async () => {
  const logs = new RegistryAccessLogs(urls, keys.privateKey, 2000, log);
  await logs.read(caller(), {
    registry: 'legal-person',
    subjectId: subject,
    outcome: 'denied',
    after: { at: '2026-11-02T10:00:00.000Z', registry: 'certificate', seq: 7 },
    limit: 21,
  });
  expect(received.map((r) => [r.registry, r.target])).toEqual([
    [
      'legal-person',
      `/access-records?subject=${subject}&outcome=denied&limit=21` +
        '&afterAt=2026-11-02T10%3A00%3A00.000Z&afterRegistry=certificate&afterSeq=7',
    ],
  ]);
});

it('keeps one connection per registry open between reads made one after another', async () => {
  const logs = new RegistryAccessLogs(urls, keys.privateKey, 2000, log);
  for (let i = 0; i < 3; i++) await logs.read(caller(), { subjectId: subject, limit: 3 });
  for (const registry of REGISTRY_NAMES) {
    const sockets = new Set(received.filter((r) => r.registry === registry).map((r) => r.socket));
    expect(sockets.size).toBe(1);
  }
});

describe('fails closed, naming the registry', () => {
  async function refusal(read: Promise<unknown>): Promise<GraphQLError> {
    const error = await read.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(GraphQLError);
    return error as GraphQLError;
  }

  it('when a registry answers with an error', async () => {
    behaviour.set('certificate', 'fail');
    const logs = new RegistryAccessLogs(urls, keys.privateKey, 2000, log);
    const error = await refusal(logs.read(caller(), { subjectId: subject, limit: 20 }));
    expect(error.message).toBe(
      "The certificate registry's access log could not be read, so the list would be incomplete. Try again later.",
    );
    expect(error.extensions).toEqual({ code: 'SUBGRAPH_UNAVAILABLE', registry: 'certificate' });
  });

  it('when a registry is down', async () => {
    const down = { ...urls, assistance: 'http://127.0.0.1:1/graphql' };
    const logs = new RegistryAccessLogs(down, keys.privateKey, 2000, log);
    const error = await refusal(logs.read(caller(), { subjectId: subject, limit: 20 }));
    expect(error.extensions).toEqual({ code: 'SUBGRAPH_UNAVAILABLE', registry: 'assistance' });
  });

  it('when a registry does not answer within the timeout', async () => {
    behaviour.set('labour-market', 'hang');
    const logs = new RegistryAccessLogs(urls, keys.privateKey, 300, log);
    const started = Date.now();
    const error = await refusal(logs.read(caller(), { subjectId: subject, limit: 20 }));
    expect(Date.now() - started).toBeLessThan(2000);
    expect(error.extensions).toEqual({ code: 'SUBGRAPH_UNAVAILABLE', registry: 'labour-market' });
  });
});
