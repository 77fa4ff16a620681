import { request as httpRequest } from 'node:http';
import { ASSERTION_HEADER, canonicalJson, operationDigest, routeDigest } from '../subgraphs/shared/assertion';
import { TokenIdMemory } from '../subgraphs/shared/replay';
import { addOrganizations, addPerson, type OrganizationFixture, type PersonFixture } from './support/fixtures';
import { startCaptureProxy, type CaptureProxy, type CapturedRequest } from './support/capture-proxy';
import { startStack, type TestStack } from './support/stack';

/**
 * The gateway's signature covers exactly what a subgraph executes. An attacker on the network
 * between the gateway (or the data tracker) and a registry captures a signed request, withholds it
 * so that it is never used, and resends it straight at the real registry process with changes:
 * another HTTP method, another query in the URL, other variables, another operation name, a
 * persisted-query extension, or simply a second time. Each is refused and nothing is executed.
 */

let stack: TestStack;
let toNaturalPerson: CaptureProxy;
let logProxy: CaptureProxy;
let alice: PersonFixture;
let bob: PersonFixture;
let organization: OrganizationFixture;
let officer: string;
let auditor: string;

const PURPOSE = 'MLA-2026-0193';
const PERSON_NAME = 'query PersonName($id: ID!) { person(id: $id) { name } }';
const REPRESENTATIVE = `query Representative($c: String!) {
  organization(creditCode: $c) { name legalRepresentative { name idNumber phone } }
}`;
const ENTITIES = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { id name idNumber phone } } }';

beforeAll(async () => {
  toNaturalPerson = await startCaptureProxy('/graphql');
  logProxy = await startCaptureProxy('/');
  stack = await startStack({
    gatewayRoutes: { 'natural-person': toNaturalPerson.url },
    dataTrackerRoutes: { 'natural-person': logProxy.url },
  });
  toNaturalPerson.target = stack.servers['natural-person'].url;
  logProxy.target = stack.servers['natural-person'].url;
  alice = await addPerson(stack, { name: '艾丽', phone: '13900000001' });
  bob = await addPerson(stack, { name: '鲍勃', phone: '13900000002' });
  [organization] = await addOrganizations(stack, [alice.id]);
  officer = await stack.token({
    role: 'officer',
    dept: 'civil-affairs',
    scopes: ['person:read:sensitive', 'organization:read'],
  });
  auditor = await stack.token({ role: 'auditor', dept: 'data-bureau' });
});

afterAll(async () => {
  await stack?.stop();
  await toNaturalPerson?.close();
  await logProxy?.close();
});

/** Runs a query through the gateway while the proxy withholds what it forwards; returns what it caught. */
async function captureWithheld(
  proxy: CaptureProxy,
  send: () => Promise<unknown>,
  which: (request: CapturedRequest) => boolean = () => true,
): Promise<CapturedRequest> {
  proxy.withhold = true;
  const before = proxy.captured.length;
  try {
    await send();
  } finally {
    proxy.withhold = false;
  }
  const caught = proxy.captured.slice(before).filter(which);
  expect(caught).toHaveLength(1);
  return caught[0];
}

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/** Any method, with or without a body (fetch cannot send a GET with a body; an attacker can). */
function raw(method: string, url: string, headers: Record<string, string>, body?: string): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const sized = body === undefined ? headers : { ...headers, 'content-length': String(Buffer.byteLength(body)) };
    const req = httpRequest(url, { method, headers: sized }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }),
      );
    });
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

function assertionOf(captured: CapturedRequest): string {
  const value = captured.headers[ASSERTION_HEADER];
  expect(typeof value).toBe('string');
  return value as string;
}

/** POSTs a body straight at the natural-person process with a captured assertion. */
function postToRegistry(assertion: string, body: unknown): Promise<RawResponse> {
  return raw(
    'POST',
    stack.servers['natural-person'].url,
    { 'content-type': 'application/json', [ASSERTION_HEADER]: assertion },
    JSON.stringify(body),
  );
}

async function recordsAbout(personId: string): Promise<number> {
  const [row] = await stack.sql<{ n: string }>(
    'natural-person',
    'select count(*) as n from access_record where subject_id = $1',
    [personId],
  );
  return Number(row.n);
}

function expectNoDataOf(response: RawResponse, person: PersonFixture): void {
  expect(response.text).not.toContain(person.idNumber);
  expect(response.text).not.toContain(person.phone!);
  expect(response.text).not.toContain(person.name);
}

function capturePersonName(): Promise<CapturedRequest> {
  return captureWithheld(toNaturalPerson, () =>
    stack.graphql(PERSON_NAME, { token: officer, purpose: PURPOSE, variables: { id: alice.id } }),
  );
}

function captureRepresentativeEntities(): Promise<CapturedRequest> {
  return captureWithheld(toNaturalPerson, () =>
    stack.graphql(REPRESENTATIVE, { token: officer, purpose: PURPOSE, variables: { c: organization.creditCode } }),
  );
}

describe('a subgraph answers POST only', () => {
  it("refuses a GET whose JSON body is the signed request but whose URL asks for someone else's _entities: 405, nothing executed", async () => {
    const captured = await capturePersonName();
    const bobRecords = await recordsAbout(bob.id);
    const url = new URL(stack.servers['natural-person'].url);
    url.searchParams.set('query', ENTITIES);
    url.searchParams.set('variables', JSON.stringify({ r: [{ __typename: 'Person', id: bob.id }] }));

    const res = await raw(
      'GET',
      url.toString(),
      { 'content-type': 'application/json', [ASSERTION_HEADER]: assertionOf(captured) },
      captured.body,
    );

    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('POST');
    const body = JSON.parse(res.text);
    expect(body.data ?? null).toBeNull();
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0].message).toMatch(/POST/);
    expectNoDataOf(res, bob);
    expect(await recordsAbout(bob.id)).toBe(bobRecords);
  });

  it.each(['GET', 'PUT', 'PATCH', 'DELETE'])(
    'answers %s /graphql with 405 and a GraphQL-shaped JSON error',
    async (method) => {
      const captured = await capturePersonName();
      const res = await raw(
        method,
        stack.servers['natural-person'].url,
        { 'content-type': 'application/json', [ASSERTION_HEADER]: assertionOf(captured) },
        method === 'GET' ? undefined : captured.body,
      );

      expect(res.status).toBe(405);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      const body = JSON.parse(res.text);
      expect(body.errors[0].message).toContain(method);
      expect(body.errors[0].extensions.code).toBe('METHOD_NOT_ALLOWED');
      expectNoDataOf(res, alice);
    },
  );
});

describe('the assertion is bound to the whole operation', () => {
  it("refuses a captured _entities request resent with another person's representation, then serves the untouched one once", async () => {
    const captured = await captureRepresentativeEntities();
    const signed = JSON.parse(captured.body) as { query: string; variables: { representations: unknown[] } };
    expect(signed.query).toContain('_entities');
    expect(signed.variables.representations).toEqual([{ __typename: 'Person', id: alice.id }]);
    const assertion = assertionOf(captured);
    const bobRecords = await recordsAbout(bob.id);

    const tampered = await postToRegistry(assertion, {
      ...signed,
      variables: { representations: [{ __typename: 'Person', id: bob.id }] },
    });
    expect(tampered.status).toBe(401);
    expect(JSON.parse(tampered.text).errors[0].message).toMatch(/different request/);
    expectNoDataOf(tampered, bob);
    expect(await recordsAbout(bob.id)).toBe(bobRecords);

    // The untouched request was validly signed: it is served, once.
    const untouched = await postToRegistry(assertion, signed);
    expect(untouched.status).toBe(200);
    expect(untouched.text).toContain(alice.idNumber);

    const replayed = await postToRegistry(assertion, signed);
    expect(replayed.status).toBe(401);
    expect(JSON.parse(replayed.text).errors[0].message).toMatch(/already been used/);
    expectNoDataOf(replayed, alice);
  });

  it('refuses a captured request resent with extra variables', async () => {
    const captured = await captureRepresentativeEntities();
    const signed = JSON.parse(captured.body);

    const res = await postToRegistry(assertionOf(captured), {
      ...signed,
      variables: { ...signed.variables, extra: 1 },
    });

    expect(res.status).toBe(401);
    expect(JSON.parse(res.text).errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a captured request resent under another operation name', async () => {
    const captured = await captureRepresentativeEntities();
    const signed = JSON.parse(captured.body);

    const res = await postToRegistry(assertionOf(captured), { ...signed, operationName: 'Other' });

    expect(res.status).toBe(401);
    expect(JSON.parse(res.text).errors[0].message).toMatch(/different request/);
  });

  it('refuses a persisted-query extension (automatic persisted queries are off on subgraphs): 400, nothing executed', async () => {
    const captured = await capturePersonName();
    const signed = JSON.parse(captured.body);
    const aliceRecords = await recordsAbout(alice.id);

    const res = await postToRegistry(assertionOf(captured), {
      ...signed,
      extensions: { persistedQuery: { version: 1, sha256Hash: '0'.repeat(64) } },
    });

    expect(res.status).toBe(400);
    expect(JSON.parse(res.text).errors[0].message).toMatch(/extensions/);
    expectNoDataOf(res, alice);
    expect(await recordsAbout(alice.id)).toBe(aliceRecords);
  });

  it('refuses a body that is not one JSON operation (a batch) with 400', async () => {
    const captured = await capturePersonName();
    const signed = JSON.parse(captured.body);

    const res = await postToRegistry(assertionOf(captured), [signed, signed]);

    expect(res.status).toBe(400);
    expectNoDataOf(res, alice);
  });
});

describe("the registries' GET /access-records is bound to its method and URL", () => {
  async function captureAccessRead(): Promise<CapturedRequest> {
    return captureWithheld(
      logProxy,
      () =>
        stack.graphql(
          'query Audit($p: ID!) { accessRecords(filter: { personId: $p }, first: 5) { edges { node { id } } } }',
          { token: auditor, variables: { p: alice.id } },
        ),
      (request) => request.url.startsWith('/access-records'),
    );
  }

  function registryUrl(pathAndQuery: string): string {
    return new URL(pathAndQuery, stack.servers['natural-person'].url).toString();
  }

  it('refuses the captured assertion for another subject, for HEAD, and a second time; serves it once as signed', async () => {
    // There is something to read about Alice.
    await stack.graphql(PERSON_NAME, { token: officer, purpose: PURPOSE, variables: { id: alice.id } });
    const captured = await captureAccessRead();
    expect(captured.method).toBe('GET');
    const headers = { [ASSERTION_HEADER]: assertionOf(captured) };

    const otherSubject = await raw('GET', registryUrl(captured.url.replace(alice.id, bob.id)), headers);
    expect(otherSubject.status).toBe(401);
    expect(otherSubject.text).toMatch(/different request/);

    const head = await raw('HEAD', registryUrl(captured.url), headers);
    expect(head.status).toBe(401);

    const asSigned = await raw('GET', registryUrl(captured.url), headers);
    expect(asSigned.status).toBe(200);
    expect(JSON.parse(asSigned.text).records.length).toBeGreaterThan(0);

    const again = await raw('GET', registryUrl(captured.url), headers);
    expect(again.status).toBe(401);
    expect(again.text).toMatch(/already been used/);
  });
});

describe('operationDigest: one canonical form for the gateway, the subgraphs and delegated calls', () => {
  const query = 'query Q($a: ID!) { person(id: $a) { id } }';

  it('is the same whatever the key order, at every depth', () => {
    expect(
      operationDigest({ query, operationName: 'Q', variables: { a: '1', b: { y: [1, { q: 1, p: 2 }], x: 2 } } }),
    ).toBe(operationDigest({ variables: { b: { x: 2, y: [1, { p: 2, q: 1 }] }, a: '1' }, operationName: 'Q', query }));
  });

  it('treats an absent and a null operation name alike, and absent, null and empty variables alike', () => {
    const bare = operationDigest({ query });
    expect(operationDigest({ query, operationName: null, variables: null })).toBe(bare);
    expect(operationDigest({ query, operationName: undefined, variables: {} })).toBe(bare);
    // What JSON.stringify drops on the way (an undefined member) is dropped here too.
    expect(operationDigest({ query, variables: { a: undefined } })).toBe(bare);
  });

  it('changes with the query, the operation name, any variable value, and array order', () => {
    const base = operationDigest({ query, operationName: 'Q', variables: { a: ['1', '2'] } });
    expect(operationDigest({ query: `${query} `, operationName: 'Q', variables: { a: ['1', '2'] } })).not.toBe(base);
    expect(operationDigest({ query, operationName: 'R', variables: { a: ['1', '2'] } })).not.toBe(base);
    expect(operationDigest({ query, operationName: 'Q', variables: { a: ['2', '1'] } })).not.toBe(base);
    expect(operationDigest({ query, operationName: 'Q', variables: { a: ['1', '2'], b: null } })).not.toBe(base);
    expect(operationDigest({ query, operationName: 'Q', variables: { a: [1, 2] } })).not.toBe(base);
  });

  it('agrees with what arrives after a JSON round trip (the HTTP hop)', () => {
    const sent = {
      query,
      operationName: 'Q',
      variables: { r: [{ __typename: 'Person', id: 'x', n: 1.5, s: '\ud800 张' }] },
    };
    expect(operationDigest(JSON.parse(JSON.stringify(sent)))).toBe(operationDigest(sent));
  });

  it('cannot collide with a route digest (different text shapes)', () => {
    expect(canonicalJson({ b: 1, a: [true, null] })).toBe('{"a":[true,null],"b":1}');
    expect(routeDigest('get', '/access-records?limit=1')).toBe(routeDigest('GET', '/access-records?limit=1'));
    expect(routeDigest('HEAD', '/access-records?limit=1')).not.toBe(routeDigest('GET', '/access-records?limit=1'));
  });
});

describe('TokenIdMemory: replay memory with bounded size', () => {
  it('accepts an id once until it expires, then forgets it', () => {
    const memory = new TokenIdMemory(10);
    expect(memory.use('a', 2_000, 1_000)).toBe('first');
    expect(memory.use('a', 2_000, 1_500)).toBe('used');
    expect(memory.use('a', 3_000, 2_500)).toBe('first');
  });

  it('drops expired ids as new ones arrive, and refuses (fails closed) when full of live ones', () => {
    const memory = new TokenIdMemory(3);
    for (const id of ['a', 'b', 'c']) expect(memory.use(id, 2_000, 1_000)).toBe('first');
    expect(memory.use('d', 2_000, 1_500)).toBe('full');
    expect(memory.use('a', 2_000, 1_500)).toBe('used');
    expect(memory.use('d', 4_000, 2_000)).toBe('first');
    expect(memory.size).toBe(1);
  });
});
