import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { verifyChain } from '../subgraphs/shared/access-log/chain';
import { addOrganizations, addPerson, type PersonFixture } from './support/fixtures';
import { startStack, type TestStack } from './support/stack';

/**
 * The access log: every read of personal data is recorded in the owning registry before the data
 * leaves, records are append-only and hash-chained, and the data tracker shows them across registries.
 */

const run = promisify(execFile);

let stack: TestStack;
let subject: PersonFixture;
let bystander: PersonFixture;
let officer: string;
let citizen: string;
let auditor: string;

const READ_SENSITIVE = 'query ReadForCase($id: ID!) { person(id: $id) { name idNumber phone } }';
const MY_ACCESS_LOG = `query MyAccessLog($first: Int, $after: String) {
  me { accessRecords(first: $first, after: $after) {
    edges { cursor node { id at registry action outcome actorSub actorRole actorDepartment purpose personId fields operationName requestId } }
    pageInfo { hasNextPage endCursor }
  } }
}`;

beforeAll(async () => {
  stack = await startStack();
  subject = await addPerson(stack, { name: '林芳' });
  bystander = await addPerson(stack, { name: '郑强' });
  await addOrganizations(stack, [subject.id], { namePrefix: '林氏' });
  officer = await stack.token({
    role: 'officer',
    sub: 'ca-officer-17',
    dept: 'civil-affairs',
    scopes: ['person:read', 'person:read:sensitive', 'organization:read'],
  });
  citizen = await stack.token({ role: 'citizen', sub: subject.id });
  auditor = await stack.token({ role: 'auditor', sub: 'auditor-1', dept: 'data-bureau' });
});
afterAll(async () => {
  await stack?.stop();
});

describe('recording', () => {
  it('records who read which sensitive fields of whom, for which case, in the same request', async () => {
    const res = await stack.graphql(READ_SENSITIVE, {
      token: officer,
      purpose: 'DB-2026-0042',
      variables: { id: subject.id },
    });
    expect(res.body.errors).toBeUndefined();
    const requestId = res.headers.get('x-request-id');
    const rows = await stack.sql('natural-person', 'select * from access_record where request_id = $1', [requestId]);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      registry: 'natural-person',
      action: 'read',
      outcome: 'granted',
      actor_sub: 'ca-officer-17',
      actor_role: 'officer',
      actor_dept: 'civil-affairs',
      purpose: 'DB-2026-0042',
      subject_id: subject.id,
      fields: ['Person.idNumber', 'Person.name', 'Person.phone'],
      operation_name: 'ReadForCase',
    });
  });

  it('records a refused attempt as denied, with the fields that were refused', async () => {
    const res = await stack.graphql(READ_SENSITIVE, { token: officer, variables: { id: subject.id } }); // no purpose
    const requestId = res.headers.get('x-request-id');
    const rows = await stack.sql(
      'natural-person',
      'select outcome, fields from access_record where request_id = $1 order by outcome',
      [requestId],
    );
    expect(rows).toEqual([
      { outcome: 'denied', fields: ['Person.idNumber', 'Person.phone'] },
      { outcome: 'granted', fields: ['Person.name'] },
    ]);
  });

  it('records in legal-person a read of which organizations a person represents', async () => {
    const res = await stack.graphql(
      'query Represents($id: ID!) { person(id: $id) { legalRepresentativeOf { name } } }',
      {
        token: officer,
        variables: { id: subject.id },
      },
    );
    expect(res.body.data.person.legalRepresentativeOf).toHaveLength(1);
    const rows = await stack.sql('legal-person', 'select subject_id, fields from access_record where request_id = $1', [
      res.headers.get('x-request-id'),
    ]);
    expect(rows).toEqual([{ subject_id: subject.id, fields: ['Person.legalRepresentativeOf'] }]);
  });
});

describe('the data tracker', () => {
  it('shows a citizen every access to their data across registries, newest first, in one query', async () => {
    const res = await stack.graphql(MY_ACCESS_LOG, { token: citizen, variables: { first: 50 } });
    expect(res.body.errors).toBeUndefined();
    const nodes = res.body.data.me.accessRecords.edges.map((e: any) => e.node);
    expect(new Set(nodes.map((n: any) => n.registry))).toEqual(new Set(['natural-person', 'legal-person']));
    expect(nodes.every((n: any) => n.personId === subject.id)).toBe(true);
    const times = nodes.map((n: any) => n.at);
    expect(times).toEqual([...times].sort().reverse());
    expect(nodes).toContainEqual(
      expect.objectContaining({
        registry: 'natural-person',
        action: 'READ',
        outcome: 'GRANTED',
        actorSub: 'ca-officer-17',
        actorRole: 'officer',
        actorDepartment: 'civil-affairs',
        purpose: 'DB-2026-0042',
        fields: ['Person.idNumber', 'Person.name', 'Person.phone'],
        operationName: 'ReadForCase',
      }),
    );
  });

  it('pages through the merged log one record at a time in the same order, without repeats or gaps', async () => {
    const all = (
      await stack.graphql(MY_ACCESS_LOG, { token: citizen, variables: { first: 100 } })
    ).body.data.me.accessRecords.edges.map((e: any) => e.node.id);
    const paged: string[] = [];
    let after: string | null = null;
    // Reading the log (and `me { id }`) is not itself a read of personal data, so paging adds no records.
    for (let i = 0; i < 100; i += 1) {
      const res: any = await stack.graphql(MY_ACCESS_LOG, { token: citizen, variables: { first: 1, after } });
      const connection = res.body.data.me.accessRecords;
      paged.push(...connection.edges.map((e: any) => e.node.id));
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    expect(paged).toEqual(all);
  });

  it('lets an auditor list accesses to a person and accesses by an officer', async () => {
    const byPerson = await stack.graphql(
      'query($p: ID!) { accessRecords(filter: { personId: $p }, first: 100) { edges { node { registry personId } } } }',
      { token: auditor, variables: { p: subject.id } },
    );
    const people = byPerson.body.data.accessRecords.edges.map((e: any) => e.node.personId);
    expect(people.length).toBeGreaterThan(0);
    expect(new Set(people)).toEqual(new Set([subject.id]));

    const byOfficer = await stack.graphql(
      'query { accessRecords(filter: { actorSub: "ca-officer-17" }, first: 100) { edges { node { registry actorSub } } } }',
      { token: auditor },
    );
    const nodes = byOfficer.body.data.accessRecords.edges.map((e: any) => e.node);
    expect(new Set(nodes.map((n: any) => n.actorSub))).toEqual(new Set(['ca-officer-17']));
    expect(new Set(nodes.map((n: any) => n.registry))).toEqual(new Set(['natural-person', 'legal-person']));
  });

  it.each([
    ['a citizen asking about someone else', () => stack.token({ role: 'citizen', sub: bystander.id }), 'FORBIDDEN'],
    ['an officer', () => Promise.resolve(officer), 'FORBIDDEN'],
    ['an analyst', () => stack.token({ role: 'analyst', dept: 'statistics' }), 'FORBIDDEN'],
    ['an anonymous caller', () => Promise.resolve(undefined), 'UNAUTHENTICATED'],
  ])('refuses %s', async (_case, tokenFor, code) => {
    const res = await stack.graphql(
      'query($p: ID!) { accessRecords(filter: { personId: $p }) { edges { node { id } } } }',
      {
        token: await tokenFor(),
        variables: { p: subject.id },
      },
    );
    expect(res.body.data).toEqual({ accessRecords: null });
    expect(res.body.errors?.[0]).toMatchObject({ path: ['accessRecords'], extensions: { code } });
  });

  it('needs a filter', async () => {
    const res = await stack.graphql('query { accessRecords(filter: {}) { edges { node { id } } } }', {
      token: auditor,
    });
    expect(res.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'filter' });
  });
});

describe('integrity', () => {
  it.each([
    ['update', `update access_record set purpose = 'x'`],
    ['delete', 'delete from access_record'],
    ['truncate', 'truncate access_record'],
    ['delete the chain head', 'delete from access_chain'],
  ])('refuses to %s records, even with the application’s credentials', async (_case, sql) => {
    await expect(stack.sql('natural-person', sql)).rejects.toThrow(/append-only/);
  });

  it('keeps one unbroken chain under concurrent requests', async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        stack.graphql(READ_SENSITIVE, {
          token: officer,
          purpose: `CASE-${i}`,
          variables: { id: i % 2 ? subject.id : bystander.id },
        }),
      ),
    );
    const result = await verifyChain(stack.db['natural-person'].orm.em.getKnex());
    expect(result.breaks).toEqual([]);
    const [count] = await stack.sql<{ n: string; max: string }>(
      'natural-person',
      'select count(*) as n, max(seq) as max from access_record',
    );
    expect(result.checked).toBe(Number(count.n));
    expect(count.max).toBe(count.n);
  });

  it('reports an altered record and a removed one; npm run audit:verify exits 1 naming them', async () => {
    for (let i = 0; i < 5; i += 1) {
      await stack.graphql(READ_SENSITIVE, { token: officer, purpose: `AUDIT-${i}`, variables: { id: subject.id } });
    }
    const env = {
      ...process.env,
      LOG_LEVEL: 'silent',
      NATURAL_PERSON_DATABASE_URL: stack.databaseUrls['natural-person'],
      LEGAL_PERSON_DATABASE_URL: stack.databaseUrls['legal-person'],
    };
    const clean = await run(process.execPath, ['--import', 'tsx', 'scripts/audit-verify.ts'], { env });
    expect(clean.stdout).toMatch(/natural-person: \d+ access records, chain intact/);
    expect(clean.stdout).toMatch(/legal-person: \d+ access records, chain intact/);

    // Someone with superuser rights bypasses the guard and edits one record, deletes another.
    await stack.sql('natural-person', 'alter table access_record disable trigger access_record_append_only');
    await stack.sql('natural-person', `update access_record set purpose = 'innocent' where seq = 2`);
    await stack.sql('natural-person', 'delete from access_record where seq = 4');
    await stack.sql('natural-person', 'alter table access_record enable trigger access_record_append_only');

    const result = await verifyChain(stack.db['natural-person'].orm.em.getKnex());
    expect(result.breaks).toEqual([
      { seq: 2, problem: 'content does not match its hash (the record was altered)' },
      { seq: 4, problem: 'records 4 to 4 are missing' },
    ]);
    const broken = await run(process.execPath, ['--import', 'tsx', 'scripts/audit-verify.ts'], { env }).catch((e) => e);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain('at record 2: content does not match its hash');
    expect(broken.stdout).toContain('at record 4: records 4 to 4 are missing');
  });
});
