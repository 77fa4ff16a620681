import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import pg from 'pg';
import pino from 'pino';
import { REGISTRY_MODULES } from '../scripts/lib/registries';
import { ensureDatabase, withDatabase } from '../subgraphs/shared/database';
import { openRegistryOrm } from '../subgraphs/shared/orm';
import { SUBGRAPH_NAMES, type SubgraphName } from '../subgraphs/catalog';
import { addOrganizations, addPerson, type OrganizationFixture, type PersonFixture } from './support/fixtures';
import { DEFAULT_LIMITS } from '../gateway/limits';
import { startStack, type GraphQLResponse, type TestStack } from './support/stack';

/**
 * What clients see when things go wrong underneath: a registry down or hanging, a database
 * failing, the access log refusing writes, queries too big to run, and invalid input.
 */

const ORGANIZATION_WITH_REPRESENTATIVE =
  'query OrganizationWithRepresentative($c: String!) { organization(creditCode: $c) { name legalRepresentative { name } } }';
const PERSON_NAME = 'query PersonName($id: ID!) { person(id: $id) { name } }';
const PERSON_ID_NUMBER = 'query PersonIdNumber($id: ID!) { person(id: $id) { name idNumber } }';

/** Extension keys formatError lets through (subgraphs/shared/errors.ts). */
const KNOWN_EXTENSION_KEYS = [
  'code',
  'requestId',
  'argument',
  'rule',
  'registry',
  'limit',
  'cost',
  'budget',
  'retryAfter',
];

type Body = GraphQLResponse<any>['body'];

function expectOnlyKnownExtensionKeys(body: Body): void {
  for (const error of body.errors ?? []) {
    for (const key of Object.keys(error.extensions ?? {})) expect(KNOWN_EXTENSION_KEYS).toContain(key);
    expect(error.extensions).not.toHaveProperty('serviceName');
    expect(error.extensions).not.toHaveProperty('response');
    expect(error.extensions).not.toHaveProperty('exception');
    expect(error.extensions).not.toHaveProperty('stacktrace');
  }
}

/** Nothing about where services run or how they failed: no URL, host, port, connection error or stack trace. */
function expectNoInternals(body: Body, stack: TestStack, extra: string[] = []): void {
  const text = JSON.stringify(body);
  const database = new URL(process.env.TEST_DATABASE_URL!);
  const ports = [
    ...SUBGRAPH_NAMES.map((name) => stack.servers[name].port),
    Number(new URL(stack.gatewayUrl).port),
    Number(database.port),
  ];
  const hosts = ['http://', 'https://', '127.0.0.1', 'localhost', '::1', database.hostname];
  const forbidden = [...hosts, 'ECONNREFUSED', 'ETIMEDOUT', ...extra];
  for (const fragment of forbidden) expect(text.toLowerCase()).not.toContain(fragment.toLowerCase());
  for (const port of ports) expect(text).not.toContain(`:${port}`);
  // Stack traces: "at fn (file:line:col)", file paths with line numbers, node_modules.
  expect(text).not.toMatch(/\bat [\w$.<>]+ \(/);
  expect(text).not.toMatch(/\.(ts|js|mjs|cjs):\d+/);
  expect(text).not.toContain('node_modules');
  expect(text.toLowerCase()).not.toContain('stacktrace');
}

async function officerToken(stack: TestStack, scopes: Parameters<TestStack['token']>[0]['scopes']): Promise<string> {
  return stack.token({ role: 'officer', dept: 'civil-affairs', scopes });
}

describe('when the natural-person registry is down', () => {
  let stack: TestStack;
  let representative: PersonFixture;
  let organization: OrganizationFixture;

  beforeAll(async () => {
    stack = await startStack();
    representative = await addPerson(stack, { name: '宕机测试' });
    [organization] = await addOrganizations(stack, [representative.id]);
    await stack.servers['natural-person'].close();
  });

  afterAll(async () => {
    await stack?.stop();
  });

  async function queryOrganization() {
    return stack.graphql(ORGANIZATION_WITH_REPRESENTATIVE, {
      token: await officerToken(stack, ['organization:read', 'person:read']),
      variables: { c: organization.creditCode },
    });
  }

  it('still answers with HTTP 200 and the organization from the registry that is up', async () => {
    const res = await queryOrganization();

    expect(res.status).toBe(200);
    expect(res.body.data?.organization?.name).toBe(organization.name);
    expect(res.body.data?.organization?.legalRepresentative?.name ?? null).toBeNull();
    expect(JSON.stringify(res.body)).not.toContain(representative.name);
  });

  it('reports the missing registry as SUBGRAPH_UNAVAILABLE naming it', async () => {
    const res = await queryOrganization();

    const unavailable = res.body.errors?.filter((e) => e.extensions?.code === 'SUBGRAPH_UNAVAILABLE') ?? [];
    expect(unavailable).toHaveLength(1);
    expect(unavailable[0].extensions?.registry).toBe('natural-person');
    expect(unavailable[0].message).toContain('natural-person');
    expect(res.body.errors?.every((e) => e.extensions?.code === 'SUBGRAPH_UNAVAILABLE')).toBe(true);
  });

  it('says nothing about where the registry runs or how the connection failed', async () => {
    const res = await queryOrganization();

    expect(res.body.errors?.length).toBeGreaterThan(0);
    expectNoInternals(res.body, stack);
    expectOnlyKnownExtensionKeys(res.body);
  });
});

describe('when the natural-person registry accepts requests but never answers', () => {
  const TIMEOUT_MS = 300;
  let stack: TestStack;
  let hanging: Server;
  let received = 0;
  let organization: OrganizationFixture;

  beforeAll(async () => {
    // Reads the request and never answers it.
    hanging = createServer((req) => {
      received += 1;
      req.resume();
    });
    await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', resolve));
    const port = (hanging.address() as AddressInfo).port;
    stack = await startStack({
      subgraphTimeoutMs: TIMEOUT_MS,
      gatewayRoutes: { 'natural-person': `http://127.0.0.1:${port}/graphql` },
    });
    const representative = await addPerson(stack);
    [organization] = await addOrganizations(stack, [representative.id]);
  });

  afterAll(async () => {
    await stack?.stop();
    hanging?.closeAllConnections();
    await new Promise<void>((resolve) => (hanging ? hanging.close(() => resolve()) : resolve()));
  });

  it('gives up after the subgraph timeout and answers the rest with HTTP 200 well within 3 s', async () => {
    const token = await officerToken(stack, ['organization:read', 'person:read']);
    const receivedBefore = received;
    const started = Date.now();
    const res = await stack.graphql(ORGANIZATION_WITH_REPRESENTATIVE, {
      token,
      variables: { c: organization.creditCode },
    });
    const elapsed = Date.now() - started;

    expect(received).toBeGreaterThan(receivedBefore);
    expect(elapsed).toBeLessThan(3000);
    expect(res.status).toBe(200);
    expect(res.body.data?.organization?.name).toBe(organization.name);
    expect(res.body.errors?.map((e) => e.extensions)).toEqual([
      expect.objectContaining({ code: 'SUBGRAPH_UNAVAILABLE', registry: 'natural-person' }),
    ]);
    expectNoInternals(res.body, stack, [`${TIMEOUT_MS} ms`, 'TimeoutError', 'aborted']);
    expectOnlyKnownExtensionKeys(res.body);
  });
});

describe('with every registry up', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startStack();
  });

  afterAll(async () => {
    await stack?.stop();
  });

  describe('internal failures', () => {
    it('masks a broken registry database as INTERNAL_SERVER_ERROR with the request id, and nothing about the database', async () => {
      const someone = await addPerson(stack);
      const token = await officerToken(stack, ['person:read']);
      const [{ name: databaseName }] = await stack.sql<{ name: string }>(
        'natural-person',
        'select current_database() as name',
      );

      await stack.sql('natural-person', 'alter table person rename to person_gone');
      let res: GraphQLResponse<any>;
      try {
        res = await stack.graphql(PERSON_NAME, { token, variables: { id: someone.id } });
      } finally {
        await stack.sql('natural-person', 'alter table person_gone rename to person');
      }

      const requestId = res.headers.get('x-request-id');
      expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
      expect(res.body.data?.person ?? null).toBeNull();
      expect(res.body.errors?.length).toBeGreaterThan(0);
      for (const error of res.body.errors!) {
        expect(error.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
        expect(error.extensions?.requestId).toBe(requestId);
        expect(error.message).toContain(requestId);
      }
      expectNoInternals(res.body, stack, [
        'person_gone',
        'relation',
        'does not exist',
        'select ',
        'postgres',
        'mikro',
        databaseName,
        'natural_person',
        someone.name,
      ]);
      expectOnlyKnownExtensionKeys(res.body);

      // Once the table is back, the same read works: the failure above was the broken table.
      const again = await stack.graphql(PERSON_NAME, { token, variables: { id: someone.id } });
      expect(again.body.errors).toBeUndefined();
      expect(again.body.data).toEqual({ person: { name: someone.name } });
    });
  });

  describe('the access log fails closed', () => {
    const REFUSAL = 'access log storage refused the write (test trigger)';

    async function refuseAccessRecordInserts(): Promise<void> {
      await stack.sql(
        'natural-person',
        `create function test_refuse_access_record() returns trigger language plpgsql as $$
           begin raise exception '${REFUSAL}'; end
         $$`,
      );
      await stack.sql(
        'natural-person',
        `create trigger test_refuse_access_record before insert on access_record
           for each row execute function test_refuse_access_record()`,
      );
    }

    async function allowAccessRecordInserts(): Promise<void> {
      await stack.sql('natural-person', 'drop trigger if exists test_refuse_access_record on access_record');
      await stack.sql('natural-person', 'drop function if exists test_refuse_access_record()');
    }

    async function recordsOf(requestId: string | null) {
      return stack.sql<{ purpose: string | null; fields: string[] }>(
        'natural-person',
        'select purpose, fields from access_record where request_id = $1',
        [requestId],
      );
    }

    function expectWithheld(res: GraphQLResponse<any>, idNumber: string): void {
      const requestId = res.headers.get('x-request-id');
      expect(requestId).toBeTruthy();
      expect(JSON.stringify(res.body)).not.toContain(idNumber);
      expect(JSON.stringify(res.body)).not.toContain(REFUSAL);
      const internal = res.body.errors?.filter((e) => e.extensions?.code === 'INTERNAL_SERVER_ERROR') ?? [];
      expect(internal.length).toBeGreaterThan(0);
      for (const error of internal) {
        expect(error.extensions?.requestId).toBe(requestId);
        expect(error.message).toContain(requestId);
      }
      expectOnlyKnownExtensionKeys(res.body);
    }

    it('withholds an ID number it cannot log, and serves and logs it once the log accepts writes again', async () => {
      const someone = await addPerson(stack);
      const token = await officerToken(stack, ['person:read', 'person:read:sensitive']);
      const purpose = 'CASE-LOG-FAILS-1';

      await refuseAccessRecordInserts();
      let refused: GraphQLResponse<any>;
      try {
        refused = await stack.graphql(PERSON_ID_NUMBER, { token, purpose, variables: { id: someone.id } });
      } finally {
        await allowAccessRecordInserts();
      }
      expectWithheld(refused, someone.idNumber);
      expect(await recordsOf(refused.headers.get('x-request-id'))).toEqual([]);

      const served = await stack.graphql(PERSON_ID_NUMBER, { token, purpose, variables: { id: someone.id } });
      expect(served.status).toBe(200);
      expect(served.body.errors).toBeUndefined();
      expect(served.body.data).toEqual({ person: { name: someone.name, idNumber: someone.idNumber } });
      const records = await recordsOf(served.headers.get('x-request-id'));
      expect(records).toHaveLength(1);
      expect(records[0].purpose).toBe(purpose);
      expect(records[0].fields).toContain('Person.idNumber');
    });

    it('withholds an ID number it cannot log when it is reached through an organization (_entities)', async () => {
      const someone = await addPerson(stack);
      const [organization] = await addOrganizations(stack, [someone.id]);
      const token = await officerToken(stack, ['organization:read', 'person:read', 'person:read:sensitive']);

      await refuseAccessRecordInserts();
      let refused: GraphQLResponse<any>;
      try {
        refused = await stack.graphql(
          'query Representative($c: String!) { organization(creditCode: $c) { name legalRepresentative { idNumber } } }',
          { token, purpose: 'CASE-LOG-FAILS-2', variables: { c: organization.creditCode } },
        );
      } finally {
        await allowAccessRecordInserts();
      }
      expectWithheld(refused, someone.idNumber);
      expect(await recordsOf(refused.headers.get('x-request-id'))).toEqual([]);
    });
  });

  describe('query limits', () => {
    /** A query `depth` fields deep: person > household > members > person > ... > a scalar leaf. */
    function nestedQuery(depth: number): string {
      const composites = ['person', 'household', 'members'];
      const leaves: Record<string, string> = { person: 'name', household: 'number', members: 'relationship' };
      const path = Array.from({ length: depth - 1 }, (_, i) => composites[i % 3]);
      const leaf = leaves[path.at(-1)!];
      const open = path.map((field, i) => (i === 0 ? 'person(id: $id) {' : `${field} {`)).join(' ');
      return `query Deep($id: ID!) { ${open} ${leaf} ${'}'.repeat(path.length)} }`;
    }

    /** `count` aliases of one organization's name. */
    function aliasedQuery(count: number): string {
      const names = Array.from({ length: count }, (_, i) => `n${i}: name`).join(' ');
      return `query Wide($c: String!) { organization(creditCode: $c) { ${names} } }`;
    }

    /** `count` aliases of a page of the public feed of `$n` rows (the heavy query of issue 10 has 249 of 100). */
    function pagesQuery(count: number): string {
      const pages = Array.from(
        { length: count },
        (_, i) => `p${i}: organizations(first: $n) { edges { node { name } } }`,
      );
      return `query Pages($n: Int!) { ${pages.join(' ')} }`;
    }

    function expectNoFetches(): void {
      expect(Object.values(stack.fetches).reduce((a, b) => a + b, 0)).toBe(0);
    }

    it('refuses a query nested 13 levels deep before execution, naming the limit of 12, and fetches nothing', async () => {
      const token = await officerToken(stack, ['person:read']);
      stack.resetCounts();
      const res = await stack.graphql(nestedQuery(13), { token, variables: { id: randomUUID() } });

      expect(res.status).toBe(400);
      expect(res.body.data ?? null).toBeNull();
      expect(res.body.errors).toHaveLength(1);
      expect(res.body.errors![0].message).toBe('Query depth limit of 12 exceeded, found 13.');
      expect(res.body.errors![0].extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'depth' });
      expectNoFetches();
      expectOnlyKnownExtensionKeys(res.body);
    });

    it('runs a query nested exactly 12 levels deep (the limit is inclusive)', async () => {
      const token = await officerToken(stack, ['person:read']);
      stack.resetCounts();
      const res = await stack.graphql(nestedQuery(12), { token, variables: { id: randomUUID() } });

      expect(res.status).toBe(200);
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data).toEqual({ person: null });
      expect(stack.fetches['natural-person']).toBeGreaterThan(0);
    });

    it('refuses 31 aliases before execution, naming the limit of 30, and runs 30', async () => {
      const someone = await addPerson(stack);
      const [organization] = await addOrganizations(stack, [someone.id]);
      stack.resetCounts();
      const refused = await stack.graphql(aliasedQuery(31), { variables: { c: organization.creditCode } });
      expect(refused.status).toBe(400);
      expect(refused.body.errors).toHaveLength(1);
      expect(refused.body.errors![0].message).toBe('Aliases limit of 30 exceeded, found 31.');
      expect(refused.body.errors![0].extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'aliases' });
      expectNoFetches();
      expectOnlyKnownExtensionKeys(refused.body);

      const accepted = await stack.graphql(aliasedQuery(30), { variables: { c: organization.creditCode } });
      expect(accepted.status).toBe(200);
      expect(accepted.body.errors).toBeUndefined();
      expect(accepted.body.data?.organization?.n29).toBe(organization.name);
    });

    it('refuses the heavy query (249 aliases of a 100-row page) before execution, and fetches nothing', async () => {
      stack.resetCounts();
      const res = await stack.graphql(pagesQuery(249), { variables: { n: 100 } });

      expect(res.status).toBe(400);
      expect(res.body.data ?? null).toBeNull();
      // Its shape alone is refused first: about 4,000 tokens, where 2,000 are read.
      expect(res.body.errors!.map((e) => e.extensions?.code)).toEqual(['GRAPHQL_PARSE_FAILED']);
      expectNoFetches();
    });

    it('refuses the heavy query by its cost alone, 249 × (1 + 100 × 3) = 74,949, when its shape is allowed', async () => {
      const lax = await startStack({ limits: { ...DEFAULT_LIMITS, maxTokens: 100_000, maxAliases: 1000 } });
      try {
        const res = await lax.graphql(pagesQuery(249), { variables: { n: 100 } });
        expect(res.status).toBe(400);
        expect(res.body.errors).toHaveLength(1);
        expect(res.body.errors![0].extensions).toMatchObject({
          code: 'COST_ESTIMATED_TOO_EXPENSIVE',
          cost: 74_949,
          budget: 5000,
        });
        expect(res.body.errors![0].message).toMatch(/^Operation Pages would cost 74,949; the budget is 5,000\. /);
        expect(Object.values(lax.fetches).reduce((a, b) => a + b, 0)).toBe(0);
      } finally {
        await lax.stop();
      }
    });

    it('refuses pages whose sizes add up over the budget, and fetches nothing', async () => {
      stack.resetCounts();
      // Within the alias limit, the page size decides: 20 pages of 100 rows cost 20 × 301 = 6,020.
      const costly = await stack.graphql(pagesQuery(20), { variables: { n: 100 } });
      expect(costly.status).toBe(400);
      expect(costly.body.errors).toHaveLength(1);
      expect(costly.body.errors![0].extensions).toMatchObject({
        code: 'COST_ESTIMATED_TOO_EXPENSIVE',
        limit: 'cost',
        cost: 6020,
        budget: 5000,
      });
      expect(costly.body.errors![0].message).toMatch(/^Operation Pages would cost 6,020; the budget is 5,000\. /);
      expect(costly.body.errors![0].message).toMatch(/page size \(first/);
      expectNoFetches();
      expectOnlyKnownExtensionKeys(costly.body);
    });

    it('weighs pages by the page size this request asks for (a variable), not by the query text', async () => {
      const someone = await addPerson(stack);
      await addOrganizations(stack, [someone.id]);
      stack.resetCounts();
      // The same document: 16 pages of 100 rows cost 4,816 (under 5,000); 17 of 100 would not.
      const small = await stack.graphql(pagesQuery(20), { variables: { n: 10 } });
      expect(small.status).toBe(200);
      expect(small.body.errors).toBeUndefined();
      expect(small.body.data?.p19.edges.length).toBeGreaterThan(0);
      const large = await stack.graphql(pagesQuery(20), { variables: { n: 100 } });
      expect(large.body.errors![0].extensions?.code).toBe('COST_ESTIMATED_TOO_EXPENSIVE');

      const atBudget = await stack.graphql(pagesQuery(16), { variables: { n: 100 } });
      expect(atBudget.status).toBe(200);
      expect(atBudget.body.errors).toBeUndefined();
      const overBudget = await stack.graphql(pagesQuery(17), { variables: { n: 100 } });
      expect(overBudget.body.errors![0].extensions).toMatchObject({ cost: 5117, budget: 5000 });
    });

    it('refuses a document of more than 2,000 tokens before validating it', async () => {
      stack.resetCounts();
      const fields = Array.from({ length: 2001 }, () => '__typename').join(' ');
      const res = await stack.graphql(`{ ${fields} }`);
      expect(res.status).toBe(400);
      expect(res.body.errors![0].extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
      expect(res.body.errors![0].message).toMatch(/more that 2000 tokens/);
      expectNoFetches();
    });
  });

  describe('invalid input', () => {
    it('keeps BAD_USER_INPUT with its message, argument and rule through the gateway', async () => {
      const fetchesBefore: Record<SubgraphName, number> = { ...stack.fetches };
      const res = await stack.graphql('query Organization($c: String!) { organization(creditCode: $c) { name } }', {
        variables: { c: '91350100M000100Y44' },
      });

      expect(res.status).toBe(200);
      expect(res.body.data).toEqual({ organization: null });
      expect(res.body.errors).toHaveLength(1);
      const [error] = res.body.errors!;
      expect(error.path).toEqual(['organization']);
      expect(error.extensions).toEqual(
        expect.objectContaining({ code: 'BAD_USER_INPUT', argument: 'creditCode', rule: 'check-character' }),
      );
      expect(error.message).toContain('91350100M000100Y44');
      expect(error.message).toMatch(/expected 3/);
      expect(stack.fetches['legal-person']).toBeGreaterThan(fetchesBefore['legal-person']);
      expectOnlyKnownExtensionKeys(res.body);
    });
  });
});

describe('when PostgreSQL closes a pooled connection of a registry', () => {
  const scratch = `t${process.pid}_closed_${randomBytes(3).toString('hex')}`;
  const url = () => withDatabase(process.env.TEST_DATABASE_URL!, scratch);
  const admin = async <T>(work: (client: pg.Client) => Promise<T>): Promise<T> => {
    const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  };
  afterAll(() => admin((client) => client.query(`drop database if exists "${scratch}" with (force)`)));

  it('says so in the registry log as JSON (not plain text on stdout) and answers the next query on a new connection', async () => {
    const lines: Record<string, unknown>[] = [];
    const log = pino(
      { level: 'info' },
      new Writable({
        write(chunk: Buffer, _encoding, done) {
          for (const line of chunk.toString('utf8').split('\n')) if (line) lines.push(JSON.parse(line));
          done();
        },
      }),
    );
    const plain = jest.spyOn(console, 'log');
    await ensureDatabase(url());
    const { entities, migrations } = REGISTRY_MODULES['legal-person'];
    const db = await openRegistryOrm({
      registry: 'legal-person',
      clientUrl: url(),
      entities,
      migrations,
      log,
      poolMax: 1,
    });
    try {
      const knex = db.orm.em.getKnex();
      const pid = (await knex.raw<{ rows: { pid: number }[] }>('select pg_backend_pid() as pid')).rows[0].pid;
      await admin(async (client) => {
        await client.query('select pg_terminate_backend($1)', [pid]);
        // Until the backend is gone: its last words are then on the pooled connection's socket.
        while ((await client.query('select 1 from pg_stat_activity where pid = $1', [pid])).rowCount) {
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      });
      await new Promise((resolve) => setTimeout(resolve, 100));
      // The pool hands out its one connection again, finds it closed, says so and opens another.
      const next = (await knex.raw<{ rows: { pid: number }[] }>('select pg_backend_pid() as pid')).rows[0].pid;
      expect(next).not.toBe(pid);
      const said = lines.find((line) => String(line.msg).startsWith('Connection Error:'));
      expect(said).toMatchObject({ level: 40, source: 'knex' });
      expect(plain.mock.calls.flat().join('\n')).not.toContain('Connection Error');
    } finally {
      plain.mockRestore();
      await db.orm.close();
    }
  });
});
