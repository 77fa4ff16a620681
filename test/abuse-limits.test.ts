import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RequestRateLimiter } from '../gateway/rate-limit';
import { loadTrustedDocuments, sha256Hex } from '../gateway/trusted-documents';
import { buildManifest, expandPatterns } from '../scripts/lib/trusted-documents';
import { makeCreditCode } from '../subgraphs/shared/domain/credit-code';
import { addPerson, type PersonFixture } from './support/fixtures';
import { startStack, type TestStack } from './support/stack';

/**
 * Abuse limits through the real gateway: rate limits per client (anonymous by address, signed-in
 * by subject) with 429 and Retry-After, in memory and, when REDIS_URL names a Redis server, shared
 * through Redis; trusted-documents mode; and who may read the gateway's metrics.
 */

const REGISTER = `mutation RegisterOrganization($i: RegisterOrganizationInput!) {
  registerOrganization(input: $i) { creditCode legalRepresentative { id } }
}`;
const FEED = 'query Feed { organizations(first: 1) { totalCount } }';

let sequence = 0;
function organizationInput(representative: PersonFixture) {
  sequence += 1;
  return {
    creditCode: makeCreditCode('1', '510104', `MA7R${randomBytes(2).toString('hex').toUpperCase()}`),
    name: `成都限流检查${sequence}${randomBytes(2).toString('hex')}有限公司`,
    type: 'LIMITED_LIABILITY_COMPANY',
    legalRepresentativeId: representative.id,
    registeredCapital: '1000000',
    establishedOn: '2025-01-10',
    industryCode: 'I6513',
    districtCode: '510104',
    address: '成都市锦江区红星路2号',
    businessScope: '软件开发',
  };
}

describe('the public job feed under flooding', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startStack({
      rateLimiter: new RequestRateLimiter({ anonymous: 5, signedIn: 5, windowSeconds: 60 }),
    });
  });
  afterAll(() => stack?.stop());

  const JOBS = 'query Jobs($f: JobFilter) { jobs(filter: $f, first: 20) { totalCount edges { node { id } } } }';

  it('slows an anonymous client that floods the feed with 429 RATE_LIMITED, while others are still served', async () => {
    for (let i = 0; i < 5; i += 1) {
      const answer = await stack.graphql(JOBS, { variables: { f: { keyword: '会计' } } });
      expect(answer.status).toBe(200);
      expect(answer.body.errors).toBeUndefined();
    }
    stack.resetCounts();
    const refused = await stack.graphql(JOBS, { variables: { f: { keyword: '会计' } } });
    expect(refused.status).toBe(429);
    expect(refused.body.errors![0].extensions).toMatchObject({ code: 'RATE_LIMITED' });
    expect(refused.body.errors![0].message).toMatch(/^Too many requests: at most 5 per 60 s from one address/);
    // The registry was never asked.
    expect(stack.fetches['labour-market']).toBe(0);
    // A signed-in job-seeker keeps their own budget.
    const token = await stack.token({ role: 'citizen', sub: '6f1c2a4e-9d3b-4c1a-8e2f-0a1b2c3d4e5f' });
    const served = await stack.graphql(JOBS, { token, variables: { f: { keyword: '会计' } } });
    expect(served.status).toBe(200);
    expect(served.body.errors).toBeUndefined();
  });
});

describe('rate limits, in memory', () => {
  let stack: TestStack;
  let representative: PersonFixture;
  beforeAll(async () => {
    stack = await startStack({
      rateLimiter: new RequestRateLimiter({ anonymous: 3, signedIn: 4, windowSeconds: 60 }),
    });
    representative = await addPerson(stack);
  });
  afterAll(() => stack?.stop());

  it('answers an anonymous address over its budget with 429, Retry-After and a GraphQL-style RATE_LIMITED error', async () => {
    for (let i = 0; i < 3; i += 1) expect((await stack.graphql(FEED)).status).toBe(200);
    stack.resetCounts();
    const refused = await stack.graphql(FEED);
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(refused.headers.get('content-type')).toMatch(/application\/json/);
    expect(refused.body.data ?? null).toBeNull();
    expect(refused.body.errors).toHaveLength(1);
    expect(refused.body.errors![0].extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfter });
    expect(refused.body.errors![0].message).toMatch(
      new RegExp(
        `^Too many requests: at most 3 per 60 s from one address without a token\\. Try again in ${retryAfter} s\\.$`,
      ),
    );
    // Refused before any registry is asked.
    expect(Object.values(stack.fetches).reduce((a, b) => a + b, 0)).toBe(0);
  });

  it('counts signed-in callers by subject: another subject from the same address keeps its own budget', async () => {
    const first = await stack.token({
      role: 'officer',
      sub: `officer-rate-${randomBytes(3).toString('hex')}`,
      dept: 'hrss',
    });
    const second = await stack.token({
      role: 'officer',
      sub: `officer-rate-${randomBytes(3).toString('hex')}`,
      dept: 'hrss',
    });
    // The anonymous budget of this address is spent (previous test); signed-in callers are not affected.
    for (let i = 0; i < 4; i += 1) expect((await stack.graphql(FEED, { token: first })).status).toBe(200);
    const refused = await stack.graphql(FEED, { token: first });
    expect(refused.status).toBe(429);
    expect(refused.body.errors![0].message).toMatch(/at most 4 per 60 s for each signed-in user/);
    expect((await stack.graphql(FEED, { token: second })).status).toBe(200);
  });

  it('does not count a registry’s delegated call against its caller again: the last request of a budget may still write', async () => {
    const officer = await stack.token({
      role: 'officer',
      sub: `officer-mr-${randomBytes(3).toString('hex')}`,
      dept: 'market-regulation',
      scopes: ['organization:write', 'organization:read', 'person:read'],
    });
    for (let i = 0; i < 3; i += 1) expect((await stack.graphql(FEED, { token: officer })).status).toBe(200);
    // The 4th request of 4: registerOrganization asks natural-person, through the gateway, on this officer's behalf.
    const input = organizationInput(representative);
    const written = await stack.graphql(REGISTER, { token: officer, variables: { i: input } });
    expect(written.status).toBe(200);
    expect(written.body.errors).toBeUndefined();
    expect(written.body.data.registerOrganization).toEqual({
      creditCode: input.creditCode,
      legalRepresentative: { id: representative.id },
    });
    const delegated = await stack.sql(
      'natural-person',
      `select via from access_record where request_id = $1 and via = 'legal-person'`,
      [written.headers.get('x-request-id')],
    );
    expect(delegated.length).toBeGreaterThan(0);
    // And the 5th is over the budget.
    expect((await stack.graphql(FEED, { token: officer })).status).toBe(429);
  });
});

// The Redis path runs where REDIS_URL names a Redis server (.ci/run sets it when one answers on
// localhost:6379); a machine without Redis runs the memory tests above only.
const redisUrl = process.env.REDIS_URL;
const describeWithRedis = redisUrl ? describe : () => undefined;
describeWithRedis('rate limits, in Redis (REDIS_URL)', () => {
  let stack: TestStack;
  let limiter: RequestRateLimiter;
  let replica: RequestRateLimiter;
  let prefix: string;
  beforeAll(async () => {
    prefix = `gov-graph-test:${randomBytes(6).toString('hex')}`;
    const limits = { anonymous: 5, signedIn: 5, windowSeconds: 60 };
    const { Redis } = await import('ioredis');
    limiter = new RequestRateLimiter(limits, new Redis(redisUrl!), prefix);
    stack = await startStack({ rateLimiter: limiter });
    // Another gateway replica on the same Redis.
    replica = new RequestRateLimiter(limits, new Redis(redisUrl!), prefix);
  });
  afterAll(async () => {
    await stack?.stop();
    await limiter?.close();
    await replica?.close();
  });

  it('shares one budget between replicas: requests counted by another gateway count here too', async () => {
    const sub = `officer-redis-${randomBytes(3).toString('hex')}`;
    const token = await stack.token({ role: 'officer', sub, dept: 'hrss' });
    // Three requests of this officer served by the other replica...
    for (let i = 0; i < 3; i += 1) {
      expect(await replica.consume({ sub, role: 'officer', dept: 'hrss', scopes: [] } as never, '10.0.0.1')).toBeNull();
    }
    // ...leave two here.
    expect((await stack.graphql(FEED, { token })).status).toBe(200);
    expect((await stack.graphql(FEED, { token })).status).toBe(200);
    const refused = await stack.graphql(FEED, { token });
    expect(refused.status).toBe(429);
    expect(refused.body.errors![0].extensions?.code).toBe('RATE_LIMITED');
    // The other replica sees the budget spent as well.
    expect(
      await replica.consume({ sub, role: 'officer', dept: 'hrss', scopes: [] } as never, '10.0.0.1'),
    ).toBeGreaterThan(0);
  });
});

describe('trusted documents', () => {
  const examples = expandPatterns(['trusted-documents/examples/*.graphql'], process.cwd());
  const { manifest } = buildManifest(examples);
  const byName = Object.fromEntries(
    Object.entries(manifest).map(([hash, text]) => [/^\w+ (\w+)/.exec(text)![1], { hash, text }]),
  );
  let dir: string;
  let stack: TestStack;
  let closed: TestStack;
  let citizen: PersonFixture;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gov-graph-trusted-'));
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
    stack = await startStack({ trustedDocuments: loadTrustedDocuments(join(dir, 'manifest.json'), 'open') });
    closed = await startStack({ trustedDocuments: loadTrustedDocuments(join(dir, 'manifest.json'), 'closed') });
    citizen = await addPerson(stack);
  });
  afterAll(async () => {
    await stack?.stop();
    await closed?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('has its example manifest committed as `npm run trusted-documents` makes it from the examples', () => {
    expect(JSON.parse(readFileSync('trusted-documents/manifest.example.json', 'utf8'))).toEqual(manifest);
    for (const [hash, text] of Object.entries(manifest)) expect(sha256Hex(text)).toBe(hash);
  });

  it('runs a registered operation sent as its text, by documentId, or as an Apollo persisted query', async () => {
    const token = await stack.token({ role: 'citizen', sub: citizen.id });
    const asText = await stack.graphql(byName.MyId.text, { token });
    expect(asText.body).toEqual({ data: { me: { id: citizen.id } } });
    for (const body of [
      { documentId: byName.MyId.hash },
      { documentId: `sha256:${byName.MyId.hash}` },
      { extensions: { persistedQuery: { version: 1, sha256Hash: byName.MyId.hash } } },
    ]) {
      const response = await fetch(stack.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(body),
      });
      expect({ status: response.status, body: await response.json() }).toEqual({
        status: 200,
        body: { data: { me: { id: citizen.id } } },
      });
    }
  });

  it('refuses any other operation of a signed-in caller with a clear error, and an unknown id', async () => {
    const token = await stack.token({ role: 'citizen', sub: citizen.id });
    stack.resetCounts();
    const refused = await stack.graphql('query Mine { me { id name } }', { token });
    expect(refused.status).toBe(403);
    expect(refused.body.errors).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(
          /^This gateway runs only trusted documents: operations registered ahead of time/,
        ),
        extensions: expect.objectContaining({ code: 'QUERY_NOT_IN_SAFELIST' }),
      }),
    ]);
    expect(Object.values(stack.fetches).reduce((a, b) => a + b, 0)).toBe(0);
    // The registered text with one character changed is another document.
    expect((await stack.graphql(`${byName.MyId.text} `, { token })).status).toBe(403);

    const unknown = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ documentId: sha256Hex('query X { me { id } }') }),
    });
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as any).errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_IN_LIST');
  });

  it('leaves anonymous public operations open, or not, as configured', async () => {
    const open = await stack.graphql(FEED);
    expect(open.status).toBe(200);
    expect(open.body.errors).toBeUndefined();
    const refused = await closed.graphql(FEED);
    expect(refused.status).toBe(403);
    expect(refused.body.errors![0].extensions?.code).toBe('QUERY_NOT_IN_SAFELIST');
    const registered = await closed.graphql(byName.Feed.text, { variables: { f: { districtCode: '510107' } } });
    expect(registered.status).toBe(200);
    expect(registered.body.errors).toBeUndefined();
  });

  it('lets a registry’s delegated call through (its own key vouches for it): a registered write that checks another registry works', async () => {
    const representative = await addPerson(closed);
    const token = await closed.token({
      role: 'officer',
      dept: 'market-regulation',
      scopes: ['organization:write', 'organization:read', 'person:read'],
    });
    const input = organizationInput(representative);
    const written = await closed.graphql(byName.RegisterOrganization.text, { token, variables: { i: input } });
    expect(written.body.errors).toBeUndefined();
    expect(written.body.data.registerOrganization.creditCode).toBe(input.creditCode);
  });
});

describe('the trusted-documents script', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'gov-graph-documents-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('takes globs, joins each operation with the fragments it uses, and refuses unnamed or twice-named operations', () => {
    writeFileSync(join(dir, 'a.graphql'), 'query A { me { ...Who } }\nfragment Who on Person { id name }');
    writeFileSync(join(dir, 'b.graphql'), 'query B { me { id } }');
    const { manifest, operations } = buildManifest(expandPatterns([`${dir}/**/*.graphql`], '/'));
    expect(operations).toEqual(['A', 'B']);
    const a = Object.values(manifest).find((text) => text.startsWith('query A'))!;
    expect(a).toContain('fragment Who on Person');
    writeFileSync(join(dir, 'c.graphql'), '{ me { id } }');
    expect(() => buildManifest([join(dir, 'c.graphql')])).toThrow(/every operation needs a name/);
    writeFileSync(join(dir, 'c.graphql'), 'query B { me { name } }');
    expect(() => buildManifest(expandPatterns([`${dir}/*.graphql`], '/'))).toThrow(/operation B is defined twice/);
    expect(() => expandPatterns([`${dir}/*.gql`], '/')).toThrow(/matches no file/);
  });
});

describe('the gateway’s metrics', () => {
  let stack: TestStack;
  let unset: TestStack;
  const token = randomBytes(24).toString('hex');
  beforeAll(async () => {
    stack = await startStack({ metricsToken: token });
    unset = await startStack();
  });
  afterAll(async () => {
    await stack?.stop();
    await unset?.stop();
  });

  it('answers /metrics only with the METRICS_TOKEN bearer (401 otherwise), and not at all without one (404)', async () => {
    const base = stack.gatewayUrl.replace(/\/graphql$/, '');
    const without = await fetch(`${base}/metrics`);
    expect(without.status).toBe(401);
    expect(without.headers.get('www-authenticate')).toBe('Bearer realm="metrics"');
    expect((await without.json()) as any).toEqual({
      errors: [
        {
          message: 'The metrics need `Authorization: Bearer <METRICS_TOKEN>`.',
          extensions: { code: 'UNAUTHENTICATED' },
        },
      ],
    });
    expect((await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${token}x` } })).status).toBe(401);
    const ok = await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${token}` } });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await ok.text()).toMatch(/^# HELP gov_graphql_requests_total /m);

    const none = await fetch(`${unset.gatewayUrl.replace(/\/graphql$/, '')}/metrics`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(none.status).toBe(404);
  });

  it('serves a subgraph’s metrics to callers on its own machine without a token', async () => {
    const subgraph = unset.servers['legal-person'].url.replace(/\/graphql$/, '/metrics');
    const response = await fetch(subgraph);
    expect(response.status).toBe(200);
    expect(await response.text()).toMatch(/^# TYPE gov_db_pool_connections gauge/m);
  });
});
