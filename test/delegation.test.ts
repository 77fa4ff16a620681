import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, decodeJwt, type CryptoKey } from 'jose';
import type { RegistryName } from '../subgraphs/catalog';
import {
  ASSERTION_ISSUER,
  ASSERTION_TYPE,
  operationDigest,
  signAssertion,
  type GraphQLOperation,
} from '../subgraphs/shared/assertion';
import {
  DELEGATION_AUDIENCE,
  DELEGATION_HEADER,
  DELEGATION_TYPE,
  signDelegation,
} from '../subgraphs/shared/delegation';
import { makeCreditCode } from '../subgraphs/shared/domain/credit-code';
import { DelegatedCallError, GraphClient, graphQuery } from '../subgraphs/shared/graph';
import type { Caller, Identity } from '../subgraphs/shared/identity';
import { GATEWAY_ASSERTION_ALG, generateGatewayKeyPair } from '../subgraphs/shared/keys';
import { createLogger } from '../subgraphs/shared/logger';
import { addPerson, type PersonFixture } from './support/fixtures';
import { startCaptureProxy, type CaptureProxy } from './support/capture-proxy';
import { startStack, type GraphQLResponse, type TestStack } from './support/stack';

/**
 * Delegated calls: a registry serving a request asks the graph through the gateway on behalf of
 * that request's caller. Sent as the registry would, and as an attacker would straight at the
 * gateway with every part of the delegation wrong in turn; and through registerOrganization, the
 * first write that checks another registry's entity (its legal representative).
 */

let stack: TestStack;
/** Between the gateway and the natural-person registry: shows what that registry was sent. */
let toNaturalPerson: CaptureProxy;
let alice: PersonFixture;
let deceased: PersonFixture;

const OFFICER: Identity = {
  sub: 'ca-officer-7',
  role: 'officer',
  dept: 'civil-affairs',
  scopes: ['person:read:sensitive'],
};
const REGISTRAR: Identity = {
  sub: 'mr-registrar-3',
  role: 'officer',
  dept: 'market-regulation',
  scopes: ['organization:write', 'organization:read', 'person:read'],
};

const READ: GraphQLOperation = {
  query: 'query DelegatedRead($id: ID!) { person(id: $id) { name idNumber } }',
  operationName: 'DelegatedRead',
};

const REGISTER = `mutation Register($input: RegisterOrganizationInput!) {
  registerOrganization(input: $input) { creditCode name legalRepresentative { id } }
}`;

beforeAll(async () => {
  toNaturalPerson = await startCaptureProxy('/graphql');
  stack = await startStack({
    gatewayRoutes: { 'natural-person': toNaturalPerson.url },
    delegatedCallTimeoutMs: 10_000,
  });
  toNaturalPerson.target = stack.servers['natural-person'].url;
  alice = await addPerson(stack, { name: '代理甲' });
  deceased = await addPerson(stack, { name: '代理乙' });
  await stack.sql('natural-person', `update person set death_date = '2024-02-02' where id = $1`, [deceased.id]);
});

afterAll(async () => {
  await stack?.stop();
  await toNaturalPerson?.close();
});

function callerOf(identity: Identity | null, overrides: Partial<Caller> = {}): Caller {
  return {
    identity,
    purpose: 'CASE-DELEGATE-1',
    requestId: randomUUID(),
    operationName: 'Outer',
    via: null,
    ...overrides,
  };
}

/** A gateway assertion as the gateway sends a registry (default: to legal-person). */
function assertionFor(
  caller: Caller,
  audience: string = 'legal-person',
  key: CryptoKey = stack.gatewayKeys.privateKey,
) {
  return signAssertion(key, { audience, caller, digest: operationDigest({ query: '{ __typename }' }) });
}

/** A delegation as a registry signs it (default: legal-person with its own key, bound to `body`). */
async function delegationFor(
  body: GraphQLOperation,
  options: { registry?: RegistryName; key?: CryptoKey; assertion?: string; caller?: Caller } = {},
): Promise<string> {
  const registry = options.registry ?? 'legal-person';
  return signDelegation(options.key ?? stack.registryKeys[registry].privateKey, {
    registry,
    assertion: options.assertion ?? (await assertionFor(options.caller ?? callerOf(OFFICER), registry)),
    digest: operationDigest(body),
  });
}

/** A POST to the gateway with a delegation, as a registry (or an attacker) sends it. */
async function delegated(
  token: string | undefined,
  body: unknown,
  headers: Record<string, string> = {},
  method = 'POST',
): Promise<GraphQLResponse<any>> {
  const response = await fetch(stack.gatewayUrl, {
    method,
    headers: {
      'content-type': 'application/json',
      ...(token === undefined ? {} : { [DELEGATION_HEADER]: token }),
      ...headers,
    },
    body: method === 'GET' ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as any, headers: response.headers };
}

/** A local port that was free a moment ago: connecting to it is refused. */
async function portNobodyListensOn(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function readAlice(): GraphQLOperation {
  return { ...READ, variables: { id: alice.id } };
}

/** The assertions the natural-person registry received since `from`, decoded. */
function assertionsSeenSince(from: number) {
  return toNaturalPerson.captured
    .slice(from)
    .map((request) => decodeJwt(request.headers['x-gateway-assertion'] as string));
}

describe('a valid delegated call', () => {
  it('runs as the original caller: identity, purpose and request id, with via = the registry', async () => {
    const caller = callerOf(OFFICER);
    const body = readAlice();
    const seenBefore = toNaturalPerson.captured.length;

    const res = await delegated(await delegationFor(body, { caller }), body);

    expect(res.status).toBe(200);
    expect(res.body).toEqual({ data: { person: { name: alice.name, idNumber: alice.idNumber } } });
    expect(res.headers.get('x-request-id')).toBe(caller.requestId);
    const [seen] = assertionsSeenSince(seenBefore);
    expect(seen).toMatchObject({
      aud: 'natural-person',
      via: 'legal-person',
      rid: caller.requestId,
      pur: caller.purpose,
      op: 'DelegatedRead',
      idn: expect.objectContaining({ sub: OFFICER.sub, role: 'officer' }),
    });
    const records = await stack.sql(
      'natural-person',
      'select actor_sub, purpose, operation_name, fields from access_record where request_id = $1 and subject_id = $2',
      [caller.requestId, alice.id],
    );
    expect(records).toEqual([
      {
        actor_sub: OFFICER.sub,
        purpose: caller.purpose,
        operation_name: 'DelegatedRead',
        fields: ['Person.idNumber', 'Person.name', 'Query.person'],
      },
    ]);
  });

  it("grants only what the caller may: the registry's own standing adds nothing", async () => {
    const caller = callerOf({
      sub: 'ca-officer-8',
      role: 'officer',
      dept: 'civil-affairs',
      scopes: ['organization:read'],
    });
    const body = readAlice();

    const res = await delegated(await delegationFor(body, { caller }), body);

    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({ person: null });
    expect(res.body.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    expect(JSON.stringify(res.body)).not.toContain(alice.name);
  });

  it('accepts several delegations from one request being served (each with its own jti)', async () => {
    const caller = callerOf(OFFICER);
    const assertion = await assertionFor(caller);
    const body = readAlice();
    for (let i = 0; i < 3; i += 1) {
      const res = await delegated(await delegationFor(body, { assertion }), body);
      expect(res.status).toBe(200);
      expect(res.body.data?.person?.name).toBe(alice.name);
    }
  });
});

describe('refused delegations: 401 UNAUTHENTICATED naming the reason, nothing executed', () => {
  const body = () => readAlice();

  /** Signs a JWT with full control over every header and claim (what an attacker can do with a key). */
  async function handMade(
    key: CryptoKey,
    claims: Record<string, unknown>,
    { typ, iat, exp }: { typ: string; iat: number; exp: number },
  ): Promise<string> {
    return new SignJWT(claims)
      .setProtectedHeader({ alg: GATEWAY_ASSERTION_ALG, typ })
      .setJti(randomUUID())
      .setIssuedAt(iat)
      .setExpirationTime(exp)
      .sign(key);
  }

  const now = () => Math.floor(Date.now() / 1000);

  interface Attack {
    what: string;
    reason: RegExp;
    request(): Promise<{ token?: string; body: unknown; headers?: Record<string, string>; method?: string }>;
  }

  const attacks: Attack[] = [
    {
      what: "a delegation signed with another registry's key",
      reason: /not signed with the legal-person registry's key/,
      request: async () => ({
        token: await delegationFor(body(), { key: stack.registryKeys['natural-person'].privateKey }),
        body: body(),
      }),
    },
    {
      what: 'a delegation signed with a key no registry holds',
      reason: /not signed with the legal-person registry's key/,
      request: async () => ({
        token: await delegationFor(body(), { key: (await generateGatewayKeyPair()).privateKey }),
        body: body(),
      }),
    },
    {
      what: 'a delegation naming another registry than the one the assertion was addressed to',
      reason: /embedded gateway assertion rejected: aud.*natural-person is serving/,
      request: async () => ({
        token: await delegationFor(body(), {
          registry: 'natural-person',
          assertion: await assertionFor(callerOf(OFFICER), 'legal-person'),
        }),
        body: body(),
      }),
    },
    {
      what: 'a delegation naming something that is not a registry',
      reason: /not a registry/,
      request: async () => ({
        token: await handMade(
          stack.registryKeys['legal-person'].privateKey,
          {
            iss: 'data-tracker',
            aud: DELEGATION_AUDIENCE,
            asr: await assertionFor(callerOf(OFFICER)),
            dig: operationDigest(body()),
          },
          { typ: DELEGATION_TYPE, iat: now(), exp: now() + 30 },
        ),
        body: body(),
      }),
    },
    {
      what: 'an embedded assertion addressed to another subgraph',
      reason: /embedded gateway assertion rejected: aud/,
      request: async () => ({
        token: await delegationFor(body(), { assertion: await assertionFor(callerOf(OFFICER), 'natural-person') }),
        body: body(),
      }),
    },
    {
      what: 'an expired embedded assertion (older than its lifetime)',
      reason: /embedded gateway assertion expired/,
      request: async () => {
        const caller = callerOf(OFFICER);
        const stale = await handMade(
          stack.gatewayKeys.privateKey,
          {
            iss: ASSERTION_ISSUER,
            aud: 'legal-person',
            idn: caller.identity,
            pur: caller.purpose,
            rid: caller.requestId,
            op: null,
            via: null,
            dig: 'x',
          },
          { typ: ASSERTION_TYPE, iat: now() - 120, exp: now() - 60 },
        );
        return { token: await delegationFor(body(), { assertion: stale }), body: body() };
      },
    },
    {
      what: 'a forged embedded assertion (not signed by the gateway)',
      reason: /embedded gateway assertion has an invalid signature/,
      request: async () => ({
        token: await delegationFor(body(), {
          assertion: await assertionFor(
            callerOf({ sub: 'auditor-x', role: 'auditor', dept: 'data-bureau', scopes: [] }),
            'legal-person',
            stack.registryKeys['legal-person'].privateKey,
          ),
        }),
        body: body(),
      }),
    },
    {
      what: 'an embedded assertion that is itself from a delegated request (a chain)',
      reason: /delegated by natural-person: delegated calls do not chain/,
      request: async () => ({
        token: await delegationFor(body(), { caller: callerOf(OFFICER, { via: 'natural-person' }) }),
        body: body(),
      }),
    },
    {
      what: 'a digest for a different body (another person asked for)',
      reason: /different request body/,
      request: async () => ({
        token: await delegationFor(body()),
        body: { ...READ, variables: { id: deceased.id } },
      }),
    },
    {
      what: 'a digest for a different operation name',
      reason: /different request body/,
      request: async () => ({ token: await delegationFor(body()), body: { ...body(), operationName: null } }),
    },
    {
      what: 'an expired delegation',
      reason: /has expired/,
      request: async () => ({
        token: await handMade(
          stack.registryKeys['legal-person'].privateKey,
          {
            iss: 'legal-person',
            aud: DELEGATION_AUDIENCE,
            asr: await assertionFor(callerOf(OFFICER)),
            dig: operationDigest(body()),
          },
          { typ: DELEGATION_TYPE, iat: now() - 100, exp: now() - 60 },
        ),
        body: body(),
      }),
    },
    {
      what: 'a token of another type signed with the registry key (not a delegation)',
      reason: /typ/,
      request: async () => ({
        token: await handMade(
          stack.registryKeys['legal-person'].privateKey,
          {
            iss: 'legal-person',
            aud: DELEGATION_AUDIENCE,
            asr: await assertionFor(callerOf(OFFICER)),
            dig: operationDigest(body()),
          },
          { typ: 'JWT', iat: now(), exp: now() + 30 },
        ),
        body: body(),
      }),
    },
    {
      what: 'a delegation addressed to someone other than the gateway',
      reason: /aud/,
      request: async () => ({
        token: await handMade(
          stack.registryKeys['legal-person'].privateKey,
          {
            iss: 'legal-person',
            aud: 'natural-person',
            asr: await assertionFor(callerOf(OFFICER)),
            dig: operationDigest(body()),
          },
          { typ: DELEGATION_TYPE, iat: now(), exp: now() + 30 },
        ),
        body: body(),
      }),
    },
    {
      what: 'garbage in the delegation header',
      reason: /not a well-formed JWT/,
      request: async () => ({ token: 'x.y.z', body: body() }),
    },
    {
      what: 'a bearer token and a delegation together',
      reason: /either a bearer token or a registry delegation, not both/,
      request: async () => ({
        token: await delegationFor(body()),
        body: body(),
        headers: { authorization: `Bearer ${await stack.token({ role: 'auditor', dept: 'data-bureau' })}` },
      }),
    },
    {
      what: 'an X-Purpose header beside the delegation (the purpose is the original one)',
      reason: /send no X-Purpose/,
      request: async () => ({
        token: await delegationFor(body()),
        body: body(),
        headers: { 'x-purpose': 'OTHER-CASE' },
      }),
    },
    {
      what: 'a GET (the URL is not what the delegation covers)',
      reason: /is a POST, not GET/,
      request: async () => ({ token: await delegationFor(body()), body: undefined, method: 'GET' }),
    },
    {
      what: 'a body with a persisted-query extension',
      reason: /extensions are not accepted/,
      request: async () => ({
        token: await delegationFor(body()),
        body: { ...body(), extensions: { persistedQuery: { version: 1, sha256Hash: '0'.repeat(64) } } },
      }),
    },
  ];

  it.each(attacks)('refuses $what', async ({ request, reason }) => {
    const { token, body: sent, headers, method } = await request();
    const seenBefore = toNaturalPerson.captured.length;

    const res = await delegated(token, sent, headers, method);

    expect(res.status).toBe(401);
    expect(res.body.data ?? null).toBeNull();
    expect(res.body.errors).toHaveLength(1);
    expect(res.body.errors![0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(res.body.errors![0].message).toMatch(/^The registry delegation was refused: /);
    expect(res.body.errors![0].message).toMatch(reason);
    expect(JSON.stringify(res.body)).not.toContain(alice.idNumber);
    expect(toNaturalPerson.captured.length).toBe(seenBefore);
  });

  it('refuses a replayed delegation (same jti) after its first use', async () => {
    const sent = body();
    const token = await delegationFor(sent);

    const first = await delegated(token, sent);
    expect(first.status).toBe(200);
    expect(first.body.data?.person?.idNumber).toBe(alice.idNumber);

    const seenBefore = toNaturalPerson.captured.length;
    const replay = await delegated(token, sent);
    expect(replay.status).toBe(401);
    expect(replay.body.errors?.[0].message).toMatch(/already been used/);
    expect(toNaturalPerson.captured.length).toBe(seenBefore);
  });

  it('refuses a delegated mutation: delegated calls only read (403 FORBIDDEN)', async () => {
    const mutation: GraphQLOperation = {
      query: 'mutation M($i: UpdateMyContactInput!) { updateMyContact(input: $i) { phone } }',
      variables: { i: { phone: '13800000000' } },
    };
    const caller = callerOf(null, { identity: { sub: alice.id, role: 'citizen', dept: null, scopes: [] } });
    const seenBefore = toNaturalPerson.captured.length;

    const res = await delegated(await delegationFor(mutation, { caller }), mutation);

    expect(res.status).toBe(403);
    expect(res.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(res.body.errors?.[0].message).toMatch(/may only read/);
    expect(toNaturalPerson.captured.length).toBe(seenBefore);
    const [row] = await stack.sql<{ phone: string }>('natural-person', 'select phone from person where id = $1', [
      alice.id,
    ]);
    expect(row.phone).toBe(alice.phone);
  });
});

describe('the registry-side client (subgraphs/shared/graph.ts)', () => {
  const Probe = graphQuery<{ person: { id: string } | null }, { id: string }>(
    'query Probe($id: ID!) { person(id: $id) { id } }',
  );

  function clientTo(url: string, timeoutMs = 1000) {
    return new GraphClient({
      registry: 'legal-person',
      signingKey: stack.registryKeys['legal-person'].privateKey,
      gatewayUrl: url,
      timeoutMs,
      log: createLogger('test'),
    });
  }

  it('answers typed data through the real gateway', async () => {
    const caller = callerOf(OFFICER);
    const graph = clientTo(stack.gatewayUrl).forRequest(caller, await assertionFor(caller));

    const result = await graph.query(Probe, { id: alice.id });

    expect(result).toEqual({ data: { person: { id: alice.id } }, errors: [] });
  });

  it('refuses to declare anything but one named query', () => {
    expect(() => graphQuery('{ person(id: "x") { id } }')).toThrow(/one named query/);
    expect(() => graphQuery('mutation M { updateMyContact(input: {}) { phone } }')).toThrow(/one named query/);
    expect(() => graphQuery('query A { a } query B { b }')).toThrow(/one named query/);
  });

  it('does not chain: a request that was itself delegated cannot delegate again', async () => {
    const caller = callerOf(OFFICER, { via: 'natural-person' });
    const graph = clientTo(stack.gatewayUrl).forRequest(caller, 'unused');

    await expect(graph.query(Probe, { id: alice.id })).rejects.toThrow(/do not chain/);
  });

  describe('without a GraphQL answer it rejects with DelegatedCallError saying what happened', () => {
    let html: Server;
    let silent: Server;
    let closedPort: number;

    beforeAll(async () => {
      html = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<html>login</html>'));
      silent = createServer((req) => req.resume());
      await Promise.all([html, silent].map((s) => new Promise<void>((r) => s.listen(0, '127.0.0.1', r))));
      closedPort = await portNobodyListensOn();
    });

    afterAll(async () => {
      for (const server of [html, silent]) {
        server.closeAllConnections();
        await new Promise<void>((r) => server.close(() => r()));
      }
    });

    const urlOf = (server: Server) => `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;

    it.each([
      [
        'an unreachable gateway',
        () => `http://127.0.0.1:${closedPort}/graphql`,
        /could not reach the gateway.*GATEWAY_URL/,
      ],
      ['an answer that is not GraphQL', () => urlOf(html), /HTTP 200: no GraphQL response/],
      ['no answer within the timeout', () => urlOf(silent), /did not answer within 300 ms/],
    ])('%s', async (_case, url, reason) => {
      const caller = callerOf(OFFICER);
      const graph = clientTo(url(), 300).forRequest(caller, await assertionFor(caller));

      const attempt = graph.query(Probe, { id: alice.id });

      await expect(attempt).rejects.toBeInstanceOf(DelegatedCallError);
      await expect(attempt).rejects.toThrow(reason);
    });
  });
});

describe('registerOrganization checks the legal representative in the natural-person registry', () => {
  let sequence = 0;
  function organizationInput(overrides: Record<string, unknown> = {}) {
    sequence += 1;
    return {
      creditCode: makeCreditCode('1', '510104', `MA7DL${String(sequence).padStart(3, '0')}`),
      name: `成都代理检查${sequence}有限公司`,
      type: 'LIMITED_LIABILITY_COMPANY',
      legalRepresentativeId: alice.id,
      registeredCapital: '1000000',
      establishedOn: '2025-01-10',
      industryCode: 'I6513',
      districtCode: '510104',
      address: '成都市锦江区红星路2号',
      businessScope: '软件开发',
      ...overrides,
    };
  }

  let closedPort: number;
  beforeAll(async () => {
    closedPort = await portNobodyListensOn();
  });

  async function counts() {
    const [organizations] = await stack.sql<{ n: string }>('legal-person', 'select count(*) as n from organization');
    // Writes made: a refused or rejected attempt is recorded too, but writes nothing.
    const [writes] = await stack.sql<{ n: string }>(
      'legal-person',
      `select count(*) as n from access_record where action = 'write' and outcome = 'granted'`,
    );
    return { organizations: Number(organizations.n), writes: Number(writes.n) };
  }

  /** The write attempt a response's request recorded in legal-person. */
  async function attemptOf(res: { headers: Headers }) {
    return stack.sql('legal-person', `select outcome, subject_id from access_record where request_id = $1`, [
      res.headers.get('x-request-id'),
    ]);
  }

  async function register(input: Record<string, unknown>, identity: Identity = REGISTRAR) {
    return stack.graphql(REGISTER, { token: await stack.token(identity), variables: { input } });
  }

  it('registers when the person exists; the natural-person registry logs the check as the officer, via legal-person', async () => {
    const input = organizationInput();
    const seenBefore = toNaturalPerson.captured.length;

    const res = await register(input);

    expect(res.body).toEqual({
      data: {
        registerOrganization: { creditCode: input.creditCode, name: input.name, legalRepresentative: { id: alice.id } },
      },
    });
    const requestId = res.headers.get('x-request-id');
    const checks = assertionsSeenSince(seenBefore).filter((a) => a.op === 'LegalRepresentativeCheck');
    expect(checks).toEqual([
      expect.objectContaining({
        via: 'legal-person',
        rid: requestId,
        idn: expect.objectContaining({ sub: REGISTRAR.sub }),
      }),
    ]);
    const read = await stack.sql(
      'natural-person',
      'select action, outcome, actor_sub, actor_dept, operation_name, fields from access_record where request_id = $1',
      [requestId],
    );
    expect(read).toEqual([
      {
        action: 'read',
        outcome: 'granted',
        actor_sub: REGISTRAR.sub,
        actor_dept: 'market-regulation',
        operation_name: 'LegalRepresentativeCheck',
        fields: ['Person.deathDate', 'Query.person'],
      },
    ]);
    const written = await stack.sql(
      'legal-person',
      `select action, actor_sub from access_record where request_id = $1 and action = 'write'`,
      [requestId],
    );
    expect(written).toEqual([{ action: 'write', actor_sub: REGISTRAR.sub }]);
  });

  it('stays idempotent: a repeat answers the same organization from this registry alone, concurrent ones make one row', async () => {
    const input = organizationInput();
    const first = await register(input);
    expect(first.body.errors).toBeUndefined();
    const seenBefore = toNaturalPerson.captured.length;

    const repeat = await register(input);
    expect(repeat.body).toEqual(first.body);
    expect(toNaturalPerson.captured.length).toBe(seenBefore);

    const concurrent = organizationInput();
    const responses = await Promise.all(Array.from({ length: 5 }, () => register(concurrent)));
    expect(responses.map((r) => r.body.errors)).toEqual(responses.map(() => undefined));
    const rows = await stack.sql('legal-person', 'select id from organization where credit_code = $1', [
      concurrent.creditCode,
    ]);
    expect(rows).toHaveLength(1);
  });

  it('refuses a person who does not exist: BAD_USER_INPUT on input.legalRepresentativeId, rule exists, nothing written', async () => {
    const before = await counts();
    const nobody = randomUUID();

    const res = await register(organizationInput({ legalRepresentativeId: nobody }));

    expect(res.body.data?.registerOrganization ?? null).toBeNull();
    expect(res.body.errors).toEqual([
      expect.objectContaining({
        path: ['registerOrganization'],
        message: expect.stringContaining(nobody),
        extensions: expect.objectContaining({
          code: 'BAD_USER_INPUT',
          argument: 'input.legalRepresentativeId',
          rule: 'exists',
        }),
      }),
    ]);
    expect(await counts()).toEqual(before);
    expect(await attemptOf(res)).toEqual([{ outcome: 'rejected', subject_id: nobody }]);
  });

  it('refuses a person recorded as deceased: rule living, nothing written', async () => {
    const before = await counts();

    const res = await register(organizationInput({ legalRepresentativeId: deceased.id }));

    expect(res.body.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'input.legalRepresentativeId',
      rule: 'living',
    });
    expect(await counts()).toEqual(before);
    expect(await attemptOf(res)).toEqual([{ outcome: 'rejected', subject_id: deceased.id }]);
  });

  it('refuses an officer who may not read the person: FORBIDDEN naming person:read, nothing written', async () => {
    const before = await counts();

    const res = await register(organizationInput(), {
      ...REGISTRAR,
      sub: 'mr-registrar-4',
      scopes: ['organization:write'],
    });

    expect(res.body.data?.registerOrganization ?? null).toBeNull();
    expect(res.body.errors).toEqual([
      expect.objectContaining({
        path: ['registerOrganization'],
        extensions: expect.objectContaining({ code: 'FORBIDDEN' }),
      }),
    ]);
    expect(res.body.errors![0].message).toMatch(
      /natural-person registry.*needs scope person:read.*Nothing was written/,
    );
    expect(await counts()).toEqual(before);
    expect(await attemptOf(res)).toEqual([{ outcome: 'denied', subject_id: expect.any(String) }]);
  });

  it.each([
    ['an unreachable gateway', () => `http://127.0.0.1:${closedPort}/graphql`],
    [
      'a gateway address that answers something other than GraphQL',
      () => new URL('/health', stack.gatewayUrl).toString(),
    ],
  ])('fails closed with an internal error and the request id when the check meets %s', async (_case, url) => {
    const before = await counts();
    stack.routeDelegatedCalls(url());
    let res: GraphQLResponse<any>;
    try {
      res = await register(organizationInput());
    } finally {
      stack.routeDelegatedCalls(null);
    }

    const requestId = res.headers.get('x-request-id');
    expect(res.body.data?.registerOrganization ?? null).toBeNull();
    expect(res.body.errors).toEqual([
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'INTERNAL_SERVER_ERROR', requestId }) }),
    ]);
    expect(JSON.stringify(res.body)).not.toMatch(/127\.0\.0\.1|health|GATEWAY_URL/);
    expect(await counts()).toEqual(before);
  });

  // Last: stops the natural-person registry for the rest of this file.
  it('fails closed with SUBGRAPH_UNAVAILABLE naming natural-person when that registry is down', async () => {
    const before = await counts();
    await stack.servers['natural-person'].close();

    const res = await register(organizationInput());

    expect(res.body.data?.registerOrganization ?? null).toBeNull();
    expect(res.body.errors).toEqual([
      expect.objectContaining({
        path: ['registerOrganization'],
        extensions: expect.objectContaining({ code: 'SUBGRAPH_UNAVAILABLE', registry: 'natural-person' }),
      }),
    ]);
    expect(res.body.errors![0].message).toMatch(/natural-person registry did not answer. Nothing was written/);
    expect(await counts()).toEqual(before);
  });
});
