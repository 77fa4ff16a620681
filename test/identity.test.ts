import { randomBytes, randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import { SUBGRAPH_NAMES, type SubgraphName } from '../subgraphs/catalog';
import {
  ASSERTION_HEADER,
  ASSERTION_TYPE,
  operationDigest,
  routeDigest,
  signAssertion,
} from '../subgraphs/shared/assertion';
import type { Caller, Identity, Scope } from '../subgraphs/shared/identity';
import { GATEWAY_ASSERTION_ALG, generateGatewayKeyPair } from '../subgraphs/shared/keys';
import { createLogger } from '../subgraphs/shared/logger';
import type { RunningServer } from '../subgraphs/shared/server';
import { createTokenVerifier } from '../gateway/authenticate';
import { startGateway } from '../gateway/server';
import { addOrganizations, addPerson, type OrganizationFixture, type PersonFixture } from './support/fixtures';
import { startStack, type GraphQLResponse, type TestStack } from './support/stack';

/**
 * Who is calling: bearer tokens at the gateway (no token = anonymous, a bad token = 401, never
 * anonymous), X-Purpose, and the gateway assertion every subgraph demands on every request.
 */

const ORGANIZATION_NAME = 'query OrganizationName($c: String!) { organization(creditCode: $c) { name } }';
const PERSON_NAME = 'query PersonName($id: ID!) { person(id: $id) { name } }';
const PERSON_ID_NUMBER = 'query PersonIdNumber($id: ID!) { person(id: $id) { name idNumber } }';

/** The issuer of gateway assertions (subgraphs/shared/assertion.ts). */
const ASSERTION_ISSUER = 'gov-graph-gateway';

let stack: TestStack;
let someone: PersonFixture;
let organization: OrganizationFixture;

/** A second gateway over the same subgraphs whose user-token secret this file holds, to mint tokens the stack helper cannot. */
let ownGateway: RunningServer;
const ownSecret = randomBytes(32);

beforeAll(async () => {
  stack = await startStack();
  someone = await addPerson(stack, { name: '身份测试' });
  [organization] = await addOrganizations(stack, [someone.id]);
  ownGateway = await startGateway({
    port: 0,
    host: '127.0.0.1',
    subgraphUrls: Object.fromEntries(SUBGRAPH_NAMES.map((n) => [n, stack.servers[n].url])) as Record<
      SubgraphName,
      string
    >,
    verifyToken: createTokenVerifier(
      { kind: 'secret', secret: ownSecret },
      { issuer: 'gov-graph', audience: 'gov-graph' },
    ),
    signingKey: stack.gatewayKeys.privateKey,
    registryJwks: { keys: [] },
    subgraphTimeoutMs: 5000,
    log: createLogger('test'),
  });
});

afterAll(async () => {
  await ownGateway?.close();
  await stack?.stop();
});

function ownGatewayUrl(): string {
  return `http://127.0.0.1:${ownGateway.port}/graphql`;
}

/** POSTs a GraphQL request to the gateway with exactly these headers. */
async function post(
  url: string,
  query: string,
  variables: Record<string, unknown>,
  headers: Record<string, string>,
): Promise<GraphQLResponse<any>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return {
    status: response.status,
    body: (await response.json()) as GraphQLResponse<any>['body'],
    headers: response.headers,
  };
}

/** A UTF-8 string as the Latin-1 string whose characters are its bytes: how raw UTF-8 goes into an HTTP header. */
function asHeaderBytes(text: string): string {
  return Buffer.from(text, 'utf8').toString('latin1');
}

function base64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

function officer(scopes: Scope[], dept: Identity['dept'] = 'civil-affairs'): Promise<string> {
  return stack.token({ role: 'officer', dept, scopes });
}

describe('gateway: callers without a token', () => {
  it('treats a request without an Authorization header as anonymous and answers a public query', async () => {
    const res = await stack.graphql(ORGANIZATION_NAME, { variables: { c: organization.creditCode } });

    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data).toEqual({ organization: { name: organization.name } });
  });

  it('refuses personal data to an anonymous caller with UNAUTHENTICATED at the field', async () => {
    const res = await stack.graphql(PERSON_NAME, { variables: { id: someone.id } });

    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({ person: null });
    expect(res.body.errors).toEqual([
      expect.objectContaining({ path: ['person'], extensions: expect.objectContaining({ code: 'UNAUTHENTICATED' }) }),
    ]);
  });
});

describe('gateway: a token that is present but not acceptable is refused with 401, never treated as anonymous', () => {
  const cases: { what: string; authorization: () => Promise<string>; reason: RegExp }[] = [
    { what: 'a garbage bearer token', authorization: async () => 'Bearer not-a-jwt', reason: /not a well-formed JWT/ },
    { what: 'the Basic scheme', authorization: async () => 'Basic x', reason: /Bearer <token>/ },
    { what: 'the Bearer scheme with no token', authorization: async () => 'Bearer', reason: /Bearer <token>/ },
    {
      what: 'a JWT signed with another secret',
      authorization: async () =>
        `Bearer ${await stack.token({ role: 'officer', dept: 'health', scopes: ['person:read'] }, { secret: randomBytes(32) })}`,
      reason: /signature/,
    },
    {
      what: 'an expired JWT',
      authorization: async () =>
        `Bearer ${await stack.token({ role: 'officer', dept: 'health', scopes: ['person:read'] }, { expiresIn: '-10m' })}`,
      reason: /expired/,
    },
    {
      what: 'an unsigned JWT (alg none)',
      authorization: async () => {
        const now = Math.floor(Date.now() / 1000);
        const header = base64url({ alg: 'none', typ: 'JWT' });
        const claims = base64url({
          sub: 'staff-0001',
          role: 'auditor',
          dept: 'data-bureau',
          iss: 'gov-graph',
          aud: 'gov-graph',
          iat: now,
          exp: now + 600,
        });
        return `Bearer ${header}.${claims}.`;
      },
      reason: /algorithm/,
    },
    {
      what: 'a JWT with an unknown role',
      authorization: async () =>
        `Bearer ${await stack.token({ role: 'superuser' as Identity['role'], dept: 'health' })}`,
      reason: /role/,
    },
    {
      what: 'an officer JWT without a department',
      authorization: async () => `Bearer ${await stack.token({ role: 'officer', scopes: ['person:read'] })}`,
      reason: /dept/,
    },
    {
      what: 'a citizen JWT whose subject is not a person id (UUID)',
      authorization: async () => `Bearer ${await stack.token({ role: 'citizen', sub: 'zhang-wei' })}`,
      reason: /UUID/,
    },
    {
      what: 'an officer JWT with an unknown scope',
      authorization: async () =>
        `Bearer ${await stack.token({ role: 'officer', dept: 'health', scopes: ['person:read', 'person:delete' as Scope] })}`,
      reason: /unknown scope person:delete/,
    },
  ];

  it.each(cases)(
    'refuses $what with 401 UNAUTHENTICATED saying why, even for a public query',
    async ({ authorization, reason }) => {
      const headers = { authorization: await authorization() };
      const res = await post(stack.gatewayUrl, ORGANIZATION_NAME, { c: organization.creditCode }, headers);

      expect(res.status).toBe(401);
      expect(res.body.data ?? null).toBeNull();
      expect(res.body.errors).toHaveLength(1);
      expect(res.body.errors![0].extensions?.code).toBe('UNAUTHENTICATED');
      expect(res.body.errors![0].message).toMatch(reason);
      expect(JSON.stringify(res.body)).not.toContain(organization.name);
    },
  );

  it('refuses a JWT without an expiry (exp) with 401 UNAUTHENTICATED naming exp, even for a public query', async () => {
    const withoutExp = await new SignJWT({ role: 'auditor', dept: 'data-bureau' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('staff-0002')
      .setIssuer('gov-graph')
      .setAudience('gov-graph')
      .setIssuedAt()
      .sign(ownSecret);
    const withExp = await new SignJWT({ role: 'auditor', dept: 'data-bureau' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('staff-0002')
      .setIssuer('gov-graph')
      .setAudience('gov-graph')
      .setIssuedAt()
      .setExpirationTime('10m')
      .sign(ownSecret);

    // The same claims with an expiry are accepted by this gateway: the refusal is about exp alone.
    const accepted = await post(
      ownGatewayUrl(),
      ORGANIZATION_NAME,
      { c: organization.creditCode },
      {
        authorization: `Bearer ${withExp}`,
      },
    );
    expect(accepted.status).toBe(200);
    expect(accepted.body.data).toEqual({ organization: { name: organization.name } });

    const res = await post(
      ownGatewayUrl(),
      ORGANIZATION_NAME,
      { c: organization.creditCode },
      {
        authorization: `Bearer ${withoutExp}`,
      },
    );
    expect(res.status).toBe(401);
    expect(res.body.data ?? null).toBeNull();
    expect(res.body.errors).toHaveLength(1);
    expect(res.body.errors![0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(res.body.errors![0].message).toMatch(/exp/);
  });

  function auditorTokenIssuedAt(iat: number): Promise<string> {
    return new SignJWT({ role: 'auditor', dept: 'data-bureau' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('staff-0003')
      .setIssuer('gov-graph')
      .setAudience('gov-graph')
      .setIssuedAt(iat)
      .setExpirationTime(iat + 600)
      .sign(ownSecret);
  }

  it('refuses a JWT issued in the future (iat beyond the clock tolerance) with 401 naming iat, like nbf', async () => {
    const now = Math.floor(Date.now() / 1000);
    const res = await post(
      ownGatewayUrl(),
      ORGANIZATION_NAME,
      { c: organization.creditCode },
      { authorization: `Bearer ${await auditorTokenIssuedAt(now + 3600)}` },
    );

    expect(res.status).toBe(401);
    expect(res.body.data ?? null).toBeNull();
    expect(res.body.errors).toHaveLength(1);
    expect(res.body.errors![0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(res.body.errors![0].message).toMatch(/iat/);
    expect(JSON.stringify(res.body)).not.toContain(organization.name);
  });

  it('accepts a JWT whose iat is ahead by less than the clock tolerance (clock skew)', async () => {
    const now = Math.floor(Date.now() / 1000);
    const res = await post(
      ownGatewayUrl(),
      ORGANIZATION_NAME,
      { c: organization.creditCode },
      { authorization: `Bearer ${await auditorTokenIssuedAt(now + 2)}` },
    );

    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({ organization: { name: organization.name } });
  });
});

describe('gateway: valid tokens for each role', () => {
  it('lets a citizen read their own record through `me`', async () => {
    const token = await stack.token({ role: 'citizen', sub: someone.id });
    const res = await stack.graphql('query Me { me { id name idNumber } }', { token });

    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data).toEqual({ me: { id: someone.id, name: someone.name, idNumber: someone.idNumber } });
  });

  it("lets an officer with person:read read a person's name", async () => {
    const res = await stack.graphql(PERSON_NAME, {
      token: await officer(['person:read']),
      variables: { id: someone.id },
    });

    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data).toEqual({ person: { name: someone.name } });
  });

  it('recognises an officer without the scope: the field is FORBIDDEN, not UNAUTHENTICATED', async () => {
    const res = await stack.graphql(PERSON_NAME, {
      token: await officer(['organization:read']),
      variables: { id: someone.id },
    });

    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({ person: null });
    expect(res.body.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
  });

  it('lets an analyst read public data and refuses them personal data as FORBIDDEN', async () => {
    const token = await stack.token({ role: 'analyst', dept: 'statistics' });
    const open = await stack.graphql(ORGANIZATION_NAME, { token, variables: { c: organization.creditCode } });
    expect(open.status).toBe(200);
    expect(open.body.errors).toBeUndefined();
    expect(open.body.data).toEqual({ organization: { name: organization.name } });

    const personal = await stack.graphql(PERSON_NAME, { token, variables: { id: someone.id } });
    expect(personal.status).toBe(200);
    expect(personal.body.data).toEqual({ person: null });
    expect(personal.body.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
  });

  it('lets an auditor read access records about a person', async () => {
    const token = await stack.token({ role: 'auditor', dept: 'data-bureau' });
    const res = await stack.graphql(
      'query Audit($p: ID!) { accessRecords(filter: { personId: $p }, first: 5) { edges { node { personId } } } }',
      { token, variables: { p: someone.id } },
    );

    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data?.accessRecords?.edges).toEqual(expect.any(Array));
  });
});

describe('gateway: X-Purpose', () => {
  const sensitiveOfficer = () => officer(['person:read', 'person:read:sensitive'], 'civil-affairs');

  const invalidPurposes = [
    { what: 'longer than 200 characters', purpose: 'A'.repeat(201) },
    { what: 'containing a control character (tab)', purpose: 'CASE-1\tDROP' },
  ];

  it.each(invalidPurposes)('refuses a purpose $what with BAD_USER_INPUT naming X-Purpose', async ({ purpose }) => {
    const token = await sensitiveOfficer();
    const res = await stack.graphql(PERSON_ID_NUMBER, { token, purpose, variables: { id: someone.id } });

    expect(res.body.data ?? null).toBeNull();
    expect(res.body.errors).toHaveLength(1);
    expect(res.body.errors![0].extensions).toEqual(
      expect.objectContaining({ code: 'BAD_USER_INPUT', argument: 'X-Purpose' }),
    );
    expect(res.body.errors![0].message).toMatch(/X-Purpose/);
    expect(JSON.stringify(res.body)).not.toContain(someone.idNumber);
  });

  it.each(invalidPurposes)(
    'answers a purpose $what with HTTP 400, not 500: the client erred, the server did not fail',
    async ({ purpose }) => {
      const token = await sensitiveOfficer();
      const res = await stack.graphql(PERSON_ID_NUMBER, { token, purpose, variables: { id: someone.id } });

      expect(res.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(res.status).toBe(400);
    },
  );

  it('accepts a purpose of exactly 200 characters', async () => {
    const res = await stack.graphql(PERSON_ID_NUMBER, {
      token: await sensitiveOfficer(),
      purpose: 'A'.repeat(200),
      variables: { id: someone.id },
    });

    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data).toEqual({ person: { name: someone.name, idNumber: someone.idNumber } });
  });

  it('refuses a sensitive field without a purpose (FORBIDDEN at the field, the rest answers)', async () => {
    const res = await stack.graphql(PERSON_ID_NUMBER, {
      token: await sensitiveOfficer(),
      variables: { id: someone.id },
    });

    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({ person: { name: someone.name, idNumber: null } });
    expect(res.body.errors).toEqual([
      expect.objectContaining({
        path: ['person', 'idNumber'],
        extensions: expect.objectContaining({ code: 'FORBIDDEN' }),
      }),
    ]);
  });

  it('records a Chinese purpose sent as raw UTF-8 bytes intact in the access log', async () => {
    const purpose = '低保复核（成民〔2026〕第17号）张三申请';
    const res = await stack.graphql(PERSON_ID_NUMBER, {
      token: await sensitiveOfficer(),
      purpose: asHeaderBytes(purpose),
      variables: { id: someone.id },
    });

    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data).toEqual({ person: { name: someone.name, idNumber: someone.idNumber } });
    const requestId = res.headers.get('x-request-id');
    expect(requestId).toBeTruthy();
    const records = await stack.sql<{ purpose: string | null; fields: string[] }>(
      'natural-person',
      'select purpose, fields from access_record where request_id = $1 and subject_id = $2',
      [requestId, someone.id],
    );
    expect(records).toHaveLength(1);
    expect(records[0].purpose).toBe(purpose);
    expect(records[0].fields).toContain('Person.idNumber');
  });
});

describe('subgraphs: only requests the gateway signed are answered', () => {
  type RequestKind = 'a normal query' | '_entities' | '_service { sdl }';
  interface SubgraphRequest {
    query: string;
    variables: Record<string, unknown>;
  }

  // A subgraph without entities (statistics) has no `_entities` to ask.
  const requests: Record<SubgraphName, Partial<Record<RequestKind, () => SubgraphRequest>>> = {
    'natural-person': {
      'a normal query': () => ({ query: PERSON_NAME, variables: { id: someone.id } }),
      _entities: () => ({
        query: 'query E($r: [_Any!]!) { _entities(representations: $r) { ... on Person { id name } } }',
        variables: { r: [{ __typename: 'Person', id: someone.id }] },
      }),
      '_service { sdl }': () => ({ query: '{ _service { sdl } }', variables: {} }),
    },
    'legal-person': {
      'a normal query': () => ({ query: ORGANIZATION_NAME, variables: { c: organization.creditCode } }),
      _entities: () => ({
        query: 'query E($r: [_Any!]!) { _entities(representations: $r) { ... on Organization { creditCode name } } }',
        variables: { r: [{ __typename: 'Organization', creditCode: organization.creditCode }] },
      }),
      '_service { sdl }': () => ({ query: '{ _service { sdl } }', variables: {} }),
    },
    certificate: {
      'a normal query': () => ({ query: 'query T { certificateTypes { code } }', variables: {} }),
      _entities: () => ({
        query:
          'query E($r: [_Any!]!) { _entities(representations: $r) { ... on Person { id certificates { number } } } }',
        variables: { r: [{ __typename: 'Person', id: someone.id }] },
      }),
      '_service { sdl }': () => ({ query: '{ _service { sdl } }', variables: {} }),
    },
    'labour-market': {
      'a normal query': () => ({ query: 'query J { occupations { code } }', variables: {} }),
      _entities: () => ({
        query:
          'query E($r: [_Any!]!) { _entities(representations: $r) { ... on Organization { creditCode jobs { totalCount } } } }',
        variables: { r: [{ __typename: 'Organization', creditCode: organization.creditCode }] },
      }),
      '_service { sdl }': () => ({ query: '{ _service { sdl } }', variables: {} }),
    },
    assistance: {
      'a normal query': () => ({ query: 'query P { programmes { code } }', variables: {} }),
      _entities: () => ({
        query: 'query E($r: [_Any!]!) { _entities(representations: $r) { ... on Application { id status } } }',
        variables: { r: [{ __typename: 'Application', id: randomUUID() }] },
      }),
      '_service { sdl }': () => ({ query: '{ _service { sdl } }', variables: {} }),
    },
    'data-tracker': {
      'a normal query': () => ({
        query: 'query A($p: ID!) { accessRecords(filter: { personId: $p }) { edges { node { id } } } }',
        variables: { p: someone.id },
      }),
      _entities: () => ({
        query:
          'query E($r: [_Any!]!) { _entities(representations: $r) { ... on Person { id accessRecords { edges { node { id } } } } } }',
        variables: { r: [{ __typename: 'Person', id: someone.id }] },
      }),
      '_service { sdl }': () => ({ query: '{ _service { sdl } }', variables: {} }),
    },
    statistics: {
      'a normal query': () => ({
        query: 'query S($m: String!) { statistics(measure: $m) { total { count } } }',
        variables: { m: 'residents' },
      }),
      '_service { sdl }': () => ({ query: '{ _service { sdl } }', variables: {} }),
    },
  };

  /** A caller each subgraph would serve, so that the assertion is the only thing wrong. */
  const entitled: Record<SubgraphName, Identity> = {
    'natural-person': { sub: 'staff-0101', role: 'officer', dept: 'public-security', scopes: ['person:read'] },
    'legal-person': { sub: 'staff-0102', role: 'officer', dept: 'market-regulation', scopes: ['organization:read'] },
    certificate: { sub: 'staff-0104', role: 'officer', dept: 'civil-affairs', scopes: ['certificate:read:sensitive'] },
    'labour-market': { sub: 'staff-0105', role: 'officer', dept: 'hrss', scopes: ['labour:read'] },
    assistance: { sub: 'staff-0106', role: 'officer', dept: 'civil-affairs', scopes: ['assistance:read:sensitive'] },
    'data-tracker': { sub: 'staff-0103', role: 'auditor', dept: 'data-bureau', scopes: [] },
    statistics: { sub: 'analyst-0001', role: 'analyst', dept: 'statistics', scopes: [] },
  };

  function callerFor(name: SubgraphName): Caller {
    return {
      identity: entitled[name],
      purpose: 'ASSERTION-TEST',
      requestId: randomUUID(),
      operationName: null,
      via: null,
    };
  }

  async function postToSubgraph(name: SubgraphName, request: SubgraphRequest, assertion: string | undefined) {
    const response = await fetch(stack.servers[name].url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(assertion ? { [ASSERTION_HEADER]: assertion } : {}) },
      body: JSON.stringify(request),
    });
    return { status: response.status, body: (await response.json()) as GraphQLResponse<any>['body'] };
  }

  interface Forgery {
    what: string;
    reason: RegExp;
    assertion(name: SubgraphName, request: SubgraphRequest): Promise<string | undefined>;
  }

  const forgeries: Forgery[] = [
    { what: 'no assertion', reason: /missing x-gateway-assertion/, assertion: async () => undefined },
    {
      what: 'an assertion signed with another key',
      reason: /invalid signature/,
      assertion: async (name, request) =>
        signAssertion((await generateGatewayKeyPair()).privateKey, {
          audience: name,
          caller: callerFor(name),
          digest: operationDigest(request),
        }),
    },
    {
      what: 'an assertion addressed to another subgraph',
      reason: /aud/,
      assertion: async (name, request) =>
        signAssertion(stack.gatewayKeys.privateKey, {
          audience: SUBGRAPH_NAMES.find((other) => other !== name)!,
          caller: callerFor(name),
          digest: operationDigest(request),
        }),
    },
    {
      what: 'an expired assertion',
      reason: /expired/,
      assertion: async (name, request) => {
        const now = Math.floor(Date.now() / 1000);
        const caller = callerFor(name);
        const claims = {
          idn: caller.identity,
          pur: caller.purpose,
          rid: caller.requestId,
          op: null,
          dig: operationDigest(request),
        };
        return new SignJWT(claims)
          .setProtectedHeader({ alg: GATEWAY_ASSERTION_ALG, typ: ASSERTION_TYPE })
          .setIssuer(ASSERTION_ISSUER)
          .setAudience(name)
          .setJti(randomUUID())
          .setIssuedAt(now - 600)
          .setExpirationTime(now - 540)
          .sign(stack.gatewayKeys.privateKey);
      },
    },
    {
      what: 'an assertion bound to another query text',
      reason: /different request/,
      assertion: async (name) =>
        signAssertion(stack.gatewayKeys.privateKey, {
          audience: name,
          caller: callerFor(name),
          digest: operationDigest({ query: '{ __typename }' }),
        }),
    },
  ];

  const kinds: RequestKind[] = ['a normal query', '_entities', '_service { sdl }'];

  describe.each(SUBGRAPH_NAMES)('%s', (name) => {
    const kindsOf = kinds.filter((kind) => requests[name][kind] !== undefined);
    it.each(kindsOf)('answers %s when the gateway signed it (control)', async (kind) => {
      const request = requests[name][kind]!();
      const assertion = await signAssertion(stack.gatewayKeys.privateKey, {
        audience: name,
        caller: callerFor(name),
        digest: operationDigest(request),
      });
      const res = await postToSubgraph(name, request, assertion);

      expect(res.status).toBe(200);
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data).toEqual(expect.any(Object));
      expect(Object.values(res.body.data as object)[0]).not.toBeNull();
    });

    const cases = kindsOf.flatMap((kind) => forgeries.map((forgery) => ({ kind, ...forgery })));
    it.each(cases)('answers $kind with $what by 401 UNAUTHENTICATED', async ({ kind, assertion, reason }) => {
      const request = requests[name][kind]!();
      const res = await postToSubgraph(name, request, await assertion(name, request));

      expect(res.status).toBe(401);
      expect(res.body.data ?? null).toBeNull();
      expect(res.body.errors).toHaveLength(1);
      expect(res.body.errors![0].extensions?.code).toBe('UNAUTHENTICATED');
      expect(res.body.errors![0].message).toMatch(reason);
    });

    it('answers GET /health with 200 without any assertion', async () => {
      const response = await fetch(new URL('/health', stack.servers[name].url));

      expect(response.status).toBe(200);
      expect(await response.json()).toEqual(expect.objectContaining({ status: 'ok' }));
    });
  });

  describe.each(['natural-person', 'legal-person'] as const)('%s access log endpoint', (name) => {
    const auditor: Identity = { sub: 'staff-0104', role: 'auditor', dept: 'data-bureau', scopes: [] };

    function accessRecordsUrl(subject: string): URL {
      const url = new URL('/access-records', stack.servers[name].url);
      url.searchParams.set('subject', subject);
      url.searchParams.set('limit', '5');
      return url;
    }

    async function signedFor(url: URL): Promise<string> {
      return signAssertion(stack.gatewayKeys.privateKey, {
        audience: name,
        caller: { identity: auditor, purpose: null, requestId: randomUUID(), operationName: null, via: null },
        digest: routeDigest('GET', url.pathname + url.search),
      });
    }

    it("answers an auditor's GET /access-records signed by the gateway (control)", async () => {
      const url = accessRecordsUrl(someone.id);
      const response = await fetch(url, { headers: { [ASSERTION_HEADER]: await signedFor(url) } });

      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ records: expect.any(Array) });
    });

    it('answers GET /access-records without an assertion with 401 UNAUTHENTICATED', async () => {
      const response = await fetch(accessRecordsUrl(someone.id));
      const body = (await response.json()) as GraphQLResponse<unknown>['body'];

      expect(response.status).toBe(401);
      expect(body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      expect(JSON.stringify(body)).not.toContain('records');
    });

    it('answers GET /access-records with an assertion signed for another URL by 401 UNAUTHENTICATED', async () => {
      const signedUrl = accessRecordsUrl(randomUUID());
      const response = await fetch(accessRecordsUrl(someone.id), {
        headers: { [ASSERTION_HEADER]: await signedFor(signedUrl) },
      });
      const body = (await response.json()) as GraphQLResponse<unknown>['body'];

      expect(response.status).toBe(401);
      expect(body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      expect(body.errors?.[0].message).toMatch(/different request/);
    });
  });

  it('the gateway answers GET /health with 200 without a token', async () => {
    const response = await fetch(new URL('/health', stack.gatewayUrl));

    expect(response.status).toBe(200);
  });
});
