import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { execute, parse } from 'graphql';
import { allow } from 'graphql-shield';
import type { RegistryName } from '../subgraphs/catalog';
import { auditAccessLog } from '../subgraphs/shared/access-log/audit';
import {
  appendToChain,
  RECORD_COLUMNS,
  recordHash,
  storedRecord,
  verifyChain,
  type StoredAccessRecord,
} from '../subgraphs/shared/access-log/chain';
import { checkpointFile, signCheckpoint } from '../subgraphs/shared/access-log/checkpoints';
import { ASSERTION_HEADER, operationDigest, signAssertion } from '../subgraphs/shared/assertion';
import { makeCreditCode } from '../subgraphs/shared/domain/credit-code';
import { GraphClient } from '../subgraphs/shared/graph';
import { makeIdNumber } from '../subgraphs/shared/domain/id-number';
import type { Caller } from '../subgraphs/shared/identity';
import { generateGatewayKeyPair } from '../subgraphs/shared/keys';
import { createLogger } from '../subgraphs/shared/logger';
import { migrate, openRegistryOrm, type RegistryOrm } from '../subgraphs/shared/orm';
import { buildProtectedSchema, serveSubgraph, type RunningServer } from '../subgraphs/shared/server';
import type { RegistryContext } from '../subgraphs/shared/context';
import { byArgument, recordedAgainst } from '../subgraphs/shared/rules';
import { AccessLog } from '../subgraphs/shared/access-log/access-log';
import { REGISTRY_MODULES } from '../scripts/lib/registries';
import {
  addHousehold,
  addOrganizations,
  addPerson,
  type HouseholdFixture,
  type PersonFixture,
} from './support/fixtures';
import { startStack, type GraphQLResponse, type TestStack } from './support/stack';

/**
 * The access log: every read of personal data, every refused attempt at it (whole root fields
 * included) and every write attempt is recorded in the owning registry before the response
 * leaves; records are append-only, hash-chained and checkpointed with the registry's own key;
 * the data tracker shows them across registries; concurrent requests share append transactions.
 */

const run = promisify(execFile);

let stack: TestStack;
let subject: PersonFixture;
let bystander: PersonFixture;
let family: HouseholdFixture;
let officer: string;
let citizen: string;
let auditor: string;

const READ_SENSITIVE = 'query ReadForCase($id: ID!) { person(id: $id) { name idNumber phone } }';
const BY_ID_NUMBER = 'query Lookup($n: String!) { personByIdNumber(idNumber: $n) { id name } }';
const HOUSEHOLD = 'query Household($n: String!) { household(number: $n) { number } }';
const MY_ACCESS_LOG = `query MyAccessLog($first: Int, $after: String) {
  me { accessRecords(first: $first, after: $after) {
    edges { cursor node { id at registry action outcome actorSub actorRole actorDepartment purpose personId identifier fields operationName requestId via } }
    pageInfo { hasNextPage endCursor }
  } }
}`;
const AUDIT = `query Audit($f: AccessRecordFilter, $first: Int, $after: String) {
  accessRecords(filter: $f, first: $first, after: $after) {
    edges { cursor node { id at registry action outcome actorSub actorDepartment personId identifier fields purpose via } }
    pageInfo { hasNextPage endCursor }
  }
}`;
const REGISTER = 'mutation Register($input: RegisterPersonInput!) { registerPerson(input: $input) { id name } }';
const UPDATE_CONTACT = 'mutation Phone($input: UpdateMyContactInput!) { updateMyContact(input: $input) { phone } }';
const REGISTER_ORGANIZATION =
  'mutation RegisterOrg($input: RegisterOrganizationInput!) { registerOrganization(input: $input) { creditCode } }';

interface Row {
  action: string;
  outcome: string;
  subject_id: string | null;
  identifier: string | null;
  fields: string[];
  actor_sub: string | null;
  actor_role: string | null;
  via: string | null;
}

/** The records a response's request wrote in a registry (only its write attempts with `writes`), in chain order. */
async function recordsOf(
  res: GraphQLResponse<unknown>,
  registry: RegistryName = 'natural-person',
  only?: 'writes',
): Promise<Row[]> {
  return stack.sql<Row & Record<string, unknown>>(
    registry,
    `select action, outcome, subject_id, identifier, fields, actor_sub, actor_role, via
     from access_record where request_id = $1 ${only === 'writes' ? "and action = 'write'" : ''} order by seq`,
    [res.headers.get('x-request-id')],
  );
}

/** Every page of the merged log for a filter, following the cursors. */
async function allPages(token: string, filter: Record<string, unknown> | null, first: number): Promise<any[]> {
  const nodes: any[] = [];
  let after: string | null = null;
  for (let page = 0; page < 500; page += 1) {
    const res: GraphQLResponse<any> = await stack.graphql(AUDIT, { token, variables: { f: filter, first, after } });
    expect(res.body.errors).toBeUndefined();
    const connection = res.body.data.accessRecords;
    nodes.push(...connection.edges.map((e: any) => e.node));
    if (!connection.pageInfo.hasNextPage) return nodes;
    after = connection.pageInfo.endCursor;
  }
  throw new Error('more than 500 pages');
}

beforeAll(async () => {
  stack = await startStack();
  subject = await addPerson(stack, { name: '林芳' });
  bystander = await addPerson(stack, { name: '郑强' });
  family = await addHousehold(stack, [{ name: '王建国' }, { name: '李秀英', relationship: 'SPOUSE' }]);
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

describe('recording reads', () => {
  it('records who read which sensitive fields of whom, by which identifier, for which case, in the same request', async () => {
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
      format: 3,
      grant_id: null,
      registry: 'natural-person',
      action: 'read',
      outcome: 'granted',
      actor_sub: 'ca-officer-17',
      actor_role: 'officer',
      actor_dept: 'civil-affairs',
      purpose: 'DB-2026-0042',
      subject_id: subject.id,
      identifier: `id=${subject.id}`,
      fields: ['Person.idNumber', 'Person.name', 'Person.phone', 'Query.person'],
      operation_name: 'ReadForCase',
      via: null,
    });
  });

  it('records a refused field as denied, with the fields that were refused', async () => {
    const res = await stack.graphql(READ_SENSITIVE, { token: officer, variables: { id: subject.id } }); // no purpose
    const rows = await recordsOf(res);
    expect(rows.map((r) => [r.outcome, r.fields])).toEqual([
      ['granted', ['Person.name', 'Query.person']],
      ['denied', ['Person.idNumber', 'Person.phone']],
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
    const rows = await recordsOf(res, 'legal-person');
    expect(rows.map((r) => [r.subject_id, r.fields])).toEqual([[subject.id, ['Person.legalRepresentativeOf']]]);
  });

  it('records a lookup by ID number that selects nothing personal: the lookup itself links the number to the person', async () => {
    const res = await stack.graphql('query Which($n: String!) { personByIdNumber(idNumber: $n) { id } }', {
      token: officer,
      purpose: 'DB-2026-0043',
      variables: { n: subject.idNumber },
    });
    expect(res.body.data).toEqual({ personByIdNumber: { id: subject.id } });
    expect(await recordsOf(res)).toEqual([
      expect.objectContaining({
        outcome: 'granted',
        subject_id: subject.id,
        identifier: `idNumber=${subject.idNumber}`,
        fields: ['Query.personByIdNumber'],
      }),
    ]);
  });
});

describe('recording refusals of whole root fields, against the person asked for', () => {
  it.each([
    [
      'an officer without scope',
      () => stack.token({ role: 'officer', sub: 'ca-none', dept: 'civil-affairs' }),
      'officer',
    ],
    ['another citizen', () => stack.token({ role: 'citizen', sub: bystander.id }), 'citizen'],
    ['an analyst', () => stack.token({ role: 'analyst', sub: 'an-1', dept: 'statistics' }), 'analyst'],
    ['an anonymous caller', () => Promise.resolve(undefined), null],
  ])('person(id:) refused to %s is recorded as denied, with the id used', async (_who, tokenFor, role) => {
    const res = await stack.graphql(READ_SENSITIVE, { token: await tokenFor(), variables: { id: subject.id } });
    expect(res.body.data).toEqual({ person: null });
    const subs: Record<string, string> = { officer: 'ca-none', citizen: bystander.id, analyst: 'an-1' };
    expect(await recordsOf(res)).toEqual([
      {
        action: 'read',
        outcome: 'denied',
        subject_id: subject.id,
        identifier: `id=${subject.id}`,
        fields: ['Query.person'],
        actor_sub: role ? subs[role] : null,
        actor_role: role,
        via: null,
      },
    ]);
  });

  it.each([
    ['without scope', { role: 'officer', sub: 'ca-none', dept: 'civil-affairs', scopes: ['person:read'] }, 'CASE-1'],
    [
      'without X-Purpose',
      { role: 'officer', sub: 'ca-nopurpose', dept: 'civil-affairs', scopes: ['person:read:sensitive'] },
      undefined,
    ],
  ] as const)(
    'personByIdNumber refused %s is recorded against the person, with the ID number',
    async (_case, who, purpose) => {
      const res = await stack.graphql(BY_ID_NUMBER, {
        token: await stack.token({ ...who, scopes: [...who.scopes] }),
        purpose,
        variables: { n: subject.idNumber },
      });
      expect(res.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(await recordsOf(res)).toEqual([
        expect.objectContaining({
          action: 'read',
          outcome: 'denied',
          subject_id: subject.id,
          identifier: `idNumber=${subject.idNumber}`,
          fields: ['Query.personByIdNumber'],
        }),
      ]);
    },
  );

  it('records a refused lookup of an ID number that matches no one without a subject: auditors see it, no citizen does', async () => {
    const unknown = makeIdNumber('510104', '1971-01-01', 455);
    const fisher = await stack.token({ role: 'officer', sub: 'ca-fisher', dept: 'civil-affairs', scopes: [] });
    const res = await stack.graphql(BY_ID_NUMBER, { token: fisher, variables: { n: unknown } });
    expect(res.body.data).toEqual({ personByIdNumber: null });
    expect(await recordsOf(res)).toEqual([
      expect.objectContaining({ outcome: 'denied', subject_id: null, identifier: `idNumber=${unknown}` }),
    ]);

    const seen = await allPages(auditor, { actorSub: 'ca-fisher' }, 20);
    expect(seen).toEqual([
      expect.objectContaining({ personId: null, identifier: `idNumber=${unknown}`, outcome: 'DENIED', action: 'READ' }),
    ]);
    const own = await stack.graphql(MY_ACCESS_LOG, { token: citizen, variables: { first: 100 } });
    expect(own.body.data.me.accessRecords.edges.every((e: any) => e.node.personId === subject.id)).toBe(true);
  });

  it('records a malformed identifier tried by an officer without scope (the fishing attempt, truncated and cleaned)', async () => {
    const fisher = await stack.token({ role: 'officer', sub: 'ca-fisher-2', dept: 'civil-affairs', scopes: [] });
    const res = await stack.graphql(BY_ID_NUMBER, { token: fisher, variables: { n: `51\u0000${'9'.repeat(400)}` } });
    expect(res.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const [row] = await recordsOf(res);
    expect(row).toMatchObject({ outcome: 'denied', subject_id: null });
    expect(row.identifier).toHaveLength(200);
    expect(row.identifier!.startsWith('idNumber=51\uFFFD999')).toBe(true);
  });

  it('household(number:) refused is recorded against every member, with the number', async () => {
    const withoutPurpose = await stack.token({
      role: 'officer',
      sub: 'ca-hh',
      dept: 'civil-affairs',
      scopes: ['person:read:sensitive'],
    });
    const res = await stack.graphql(HOUSEHOLD, { token: withoutPurpose, variables: { n: family.number } });
    expect(res.body.data).toEqual({ household: null });
    const rows = await recordsOf(res);
    expect(rows.map((r) => r.subject_id).sort()).toEqual(family.members.map((m) => m.id).sort());
    for (const row of rows) {
      expect(row).toMatchObject({
        outcome: 'denied',
        identifier: `number=${family.number}`,
        fields: ['Query.household'],
      });
    }
  });

  it('shows the person a refused attempt at their data, with the identifier used', async () => {
    const res = await stack.graphql(MY_ACCESS_LOG, { token: citizen, variables: { first: 100 } });
    expect(res.body.data.me.accessRecords.edges.map((e: any) => e.node)).toContainEqual(
      expect.objectContaining({
        outcome: 'DENIED',
        actorRole: 'analyst',
        identifier: `id=${subject.id}`,
        fields: ['Query.person'],
        personId: subject.id,
      }),
    );
  });
});

describe('recording write attempts', () => {
  let registrar: string;
  beforeAll(async () => {
    registrar = await stack.token({
      role: 'officer',
      sub: 'ps-registrar-1',
      dept: 'public-security',
      scopes: ['person:write', 'person:read:sensitive'],
    });
  });

  const input = (overrides: Record<string, unknown> = {}) => ({
    idNumber: makeIdNumber('510104', '1988-08-08', 271),
    name: '赵敏',
    ethnicity: '汉族',
    districtCode: '510104',
    registeredAddress: '成都市锦江区春熙路1号',
    maritalStatus: 'UNMARRIED',
    ...overrides,
  });

  it('registerPerson: a new registration is granted, an identical repeat unchanged, a conflicting repeat rejected', async () => {
    const first = await stack.graphql(REGISTER, { token: registrar, purpose: 'REG-9', variables: { input: input() } });
    const id = first.body.data.registerPerson.id;
    const identifier = `input.idNumber=${input().idNumber}`;
    expect(await recordsOf(first, 'natural-person', 'writes')).toEqual([
      expect.objectContaining({
        action: 'write',
        outcome: 'granted',
        subject_id: id,
        identifier,
        fields: ['HouseholdMember.*', 'Person.*'],
      }),
    ]);

    const repeat = await stack.graphql(REGISTER, { token: registrar, purpose: 'REG-9', variables: { input: input() } });
    expect(repeat.body.data.registerPerson.id).toBe(id);
    expect(await recordsOf(repeat, 'natural-person', 'writes')).toEqual([
      expect.objectContaining({ action: 'write', outcome: 'unchanged', subject_id: id, identifier }),
    ]);

    // Today's leak: whether an ID number belongs to a given name was answered unlogged.
    const conflict = await stack.graphql(REGISTER, {
      token: registrar,
      purpose: 'REG-9',
      variables: { input: input({ name: '赵敏敏' }) },
    });
    expect(conflict.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'unique' });
    expect(await recordsOf(conflict)).toEqual([
      expect.objectContaining({
        action: 'write',
        outcome: 'rejected',
        subject_id: id,
        identifier,
        fields: ['Mutation.registerPerson'],
      }),
    ]);
  });

  it('registerPerson refused for lack of scope is recorded against the person the ID number belongs to', async () => {
    const noWrite = await stack.token({
      role: 'officer',
      sub: 'ps-reader',
      dept: 'public-security',
      scopes: ['person:read'],
    });
    const res = await stack.graphql(REGISTER, {
      token: noWrite,
      variables: { input: input({ idNumber: subject.idNumber, name: subject.name }) },
    });
    expect(res.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await recordsOf(res)).toEqual([
      expect.objectContaining({
        action: 'write',
        outcome: 'denied',
        subject_id: subject.id,
        identifier: `input.idNumber=${subject.idNumber}`,
        actor_sub: 'ps-reader',
      }),
    ]);
  });

  it('updateMyContact: bad input about oneself is rejected, a change granted, the same value unchanged', async () => {
    const me = await stack.token({ role: 'citizen', sub: bystander.id });
    const bad = await stack.graphql(UPDATE_CONTACT, { token: me, variables: { input: { phone: '12345' } } });
    expect(bad.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.phone' });
    expect(await recordsOf(bad)).toEqual([
      expect.objectContaining({ outcome: 'rejected', subject_id: bystander.id, fields: ['Mutation.updateMyContact'] }),
    ]);
    const changed = await stack.graphql(UPDATE_CONTACT, { token: me, variables: { input: { phone: '13700001111' } } });
    expect(await recordsOf(changed, 'natural-person', 'writes')).toEqual([
      expect.objectContaining({ outcome: 'granted', subject_id: bystander.id, fields: ['Person.phone'] }),
    ]);
    const same = await stack.graphql(UPDATE_CONTACT, { token: me, variables: { input: { phone: '13700001111' } } });
    expect(await recordsOf(same, 'natural-person', 'writes')).toEqual([
      expect.objectContaining({ outcome: 'unchanged', subject_id: bystander.id, fields: ['Person.phone'] }),
    ]);
  });

  it('registerOrganization: every attempt is recorded against the legal representative named', async () => {
    // person:read: the registry checks the representative in natural-person on the officer's behalf.
    const mr = await stack.token({
      role: 'officer',
      sub: 'mr-officer-3',
      dept: 'market-regulation',
      scopes: ['organization:write', 'person:read'],
    });
    const organization = {
      creditCode: makeCreditCode('1', '510104', 'MA6CX9Q7'),
      name: '成都林芳茶业有限公司',
      type: 'LIMITED_LIABILITY_COMPANY',
      legalRepresentativeId: subject.id,
      registeredCapital: '100000',
      establishedOn: '2024-01-10',
      industryCode: 'I6513',
      districtCode: '510104',
      address: '成都市锦江区东大街1号',
      businessScope: '茶叶销售',
    };
    const attempt = async (token: string, variables: Record<string, unknown>) =>
      recordsOf(await stack.graphql(REGISTER_ORGANIZATION, { token, variables: { input: variables } }), 'legal-person');
    const identifier = `input.legalRepresentativeId=${subject.id}`;
    const against = (outcome: string, fields: string[]) =>
      expect.objectContaining({ action: 'write', outcome, subject_id: subject.id, identifier, fields });

    const registered = await stack.graphql(REGISTER_ORGANIZATION, { token: mr, variables: { input: organization } });
    expect(await recordsOf(registered, 'legal-person')).toEqual([
      against('granted', ['Organization.legalRepresentative']),
    ]);
    // The check of the representative, made by legal-person on the officer's behalf, is recorded in
    // natural-person with the officer as actor and legal-person as via.
    expect(await recordsOf(registered, 'natural-person')).toEqual([
      expect.objectContaining({
        action: 'read',
        outcome: 'granted',
        subject_id: subject.id,
        identifier: `id=${subject.id}`,
        actor_sub: 'mr-officer-3',
        via: 'legal-person',
      }),
    ]);
    expect(await attempt(mr, organization)).toEqual([against('unchanged', ['Organization.legalRepresentative'])]);
    expect(await attempt(mr, { ...organization, name: '成都另一家公司' })).toEqual([
      against('rejected', ['Mutation.registerOrganization']),
    ]);
    const noScope = await stack.token({ role: 'officer', sub: 'mr-0', dept: 'market-regulation', scopes: [] });
    expect(await attempt(noScope, organization)).toEqual([against('denied', ['Mutation.registerOrganization'])]);
  });

  it('refuses to confirm a write whose resolver recorded nothing (a registry that forgot), and accepts one that did', async () => {
    // The same middleware every registry gets, on a two-field schema: one resolver forgets.
    const schema = buildProtectedSchema({
      name: 'natural-person',
      typeDefs: parse(`extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
        type Query { ok: Boolean } type Thing @key(fields: "id") { id: ID! }
        type Mutation { forget(id: ID!): Boolean remember(id: ID!): Boolean }`),
      resolvers: {
        Query: { ok: () => true },
        Mutation: {
          forget: () => true,
          remember: (_p: unknown, args: { id: string }, ctx: RegistryContext) => {
            ctx.access.unchanged({ subjectId: args.id, fields: ['Thing.*'] });
            return true;
          },
        },
      },
      permissions: {
        Query: { ok: allow },
        Thing: { id: allow },
        Mutation: {
          forget: recordedAgainst(
            byArgument('id', (id) => [id]),
            allow,
          ),
          remember: recordedAgainst(
            byArgument('id', (id) => [id]),
            allow,
          ),
        },
      },
      createContext: () => {
        throw new Error('not used');
      },
    });
    const caller: Caller = { identity: null, purpose: null, requestId: randomUUID(), operationName: null, via: null };
    const access = stack.accessLogs['natural-person'].recorder(caller);
    const thing = randomUUID();
    const result = await execute({
      schema,
      document: parse(`mutation { forget(id: "${thing}") remember(id: "${thing}") }`),
      contextValue: { caller, access } as never,
    });
    expect(result.data).toEqual({ forget: null, remember: true });
    expect(result.errors?.map((e) => [e.path, e.message])).toEqual([
      [
        ['forget'],
        'Mutation.forget succeeded without recording its write: call ctx.access.writeWithin (in the transaction) or ctx.access.unchanged',
      ],
    ]);
    await access.flush();
    const rows = await stack.sql('natural-person', 'select outcome, fields from access_record where request_id = $1', [
      caller.requestId,
    ]);
    expect(rows).toEqual([{ outcome: 'unchanged', fields: ['Thing.*'] }]);
  });

  it('shows the person every kind of write attempt about them in the data tracker', async () => {
    const nodes = await allPages(auditor, { personId: subject.id, action: 'WRITE' }, 50);
    expect(new Set(nodes.map((n) => `${n.registry} ${n.outcome}`))).toEqual(
      new Set([
        'natural-person DENIED',
        'legal-person GRANTED',
        'legal-person UNCHANGED',
        'legal-person REJECTED',
        'legal-person DENIED',
      ]),
    );
    const mine = await stack.graphql(MY_ACCESS_LOG, { token: citizen, variables: { first: 100 } });
    expect(mine.body.data.me.accessRecords.edges.map((e: any) => e.node.outcome)).toEqual(
      expect.arrayContaining(['REJECTED', 'UNCHANGED', 'DENIED', 'GRANTED']),
    );
  });
});

describe('via: a registry asking on the caller’s behalf', () => {
  it('stores and shows the registry that made a delegated call', async () => {
    const requestId = randomUUID();
    const caller: Partial<Caller> = {
      identity: { sub: 'ca-officer-17', role: 'officer', dept: 'civil-affairs', scopes: ['person:read:sensitive'] },
      purpose: 'CERT-2026-7',
      requestId,
      operationName: 'HolderCheck',
      via: 'legal-person',
    };
    const res = await stack.subgraph('natural-person', READ_SENSITIVE, { id: subject.id }, caller);
    expect(res.body.errors).toBeUndefined();
    const [row] = await stack.sql(
      'natural-person',
      'select via, hash, format from access_record where request_id = $1',
      [requestId],
    );
    expect(row).toMatchObject({ via: 'legal-person', format: 3 });
    const nodes = await allPages(auditor, { personId: subject.id, registry: 'natural-person' }, 100);
    expect(nodes.find((n) => n.purpose === 'CERT-2026-7')).toMatchObject({ via: 'legal-person' });
    expect(nodes.filter((n) => n.via === null).length).toBeGreaterThan(0);
  });
});

describe('the data tracker', () => {
  it('shows a citizen every access to their data across registries, newest first, in one query', async () => {
    const res = await stack.graphql(MY_ACCESS_LOG, { token: citizen, variables: { first: 100 } });
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
        identifier: `id=${subject.id}`,
        fields: ['Person.idNumber', 'Person.name', 'Person.phone', 'Query.person'],
        operationName: 'ReadForCase',
        via: null,
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

  it('lists every record to an auditor without a filter, across registries, in the merged order, page by page', async () => {
    const [natural, legal] = await Promise.all(
      (['natural-person', 'legal-person'] as const).map(async (registry) =>
        stack.sql<{ id: string }>(registry, 'select id from access_record'),
      ),
    );
    const paged = await allPages(auditor, null, 7);
    expect(paged.map((n) => n.id).sort()).toEqual([...natural, ...legal].map((r) => r.id).sort());
    expect(new Set(paged.map((n) => n.id)).size).toBe(paged.length);
    const order = paged.map((n) => [n.at, n.registry]);
    const sorted = [...order].sort((a, b) => (a[0] === b[0] ? (a[1] < b[1] ? -1 : 1) : a[0] < b[0] ? 1 : -1));
    expect(order).toEqual(sorted);
    const onePage = await stack.graphql(AUDIT, { token: auditor, variables: { first: 100 } });
    expect(onePage.body.data.accessRecords.edges.map((e: any) => e.node.id)).toEqual(
      paged.slice(0, 100).map((n) => n.id),
    );
  });

  it.each([
    ['registry', { registry: 'legal-person' }, (n: any) => n.registry === 'legal-person', `registry = 'legal-person'`],
    [
      'department',
      { actorDepartment: 'market-regulation' },
      (n: any) => n.actorDepartment === 'market-regulation',
      `actor_dept = 'market-regulation'`,
    ],
    ['outcome', { outcome: 'DENIED' }, (n: any) => n.outcome === 'DENIED', `outcome = 'denied'`],
    ['action', { action: 'WRITE' }, (n: any) => n.action === 'WRITE', `action = 'write'`],
    [
      'officer',
      { actorSub: 'ca-officer-17' },
      (n: any) => n.actorSub === 'ca-officer-17',
      `actor_sub = 'ca-officer-17'`,
    ],
    [
      'outcome and department',
      { outcome: 'DENIED', actorDepartment: 'civil-affairs' },
      (n: any) => n.outcome === 'DENIED' && n.actorDepartment === 'civil-affairs',
      `outcome = 'denied' and actor_dept = 'civil-affairs'`,
    ],
  ])('filters by %s for an auditor, across pages', async (_name, filter, holds, where) => {
    const nodes = await allPages(auditor, filter, 3);
    expect(nodes.length).toBeGreaterThan(0);
    expect(nodes.every(holds)).toBe(true);
    let expected = 0;
    for (const registry of ['natural-person', 'legal-person'] as const) {
      const [row] = await stack.sql<{ n: string }>(registry, `select count(*) as n from access_record where ${where}`);
      expected += Number(row.n);
    }
    expect(nodes).toHaveLength(expected);
  });

  it('filters by person and by time range (from inclusive, to exclusive)', async () => {
    const everything = await allPages(auditor, { personId: subject.id }, 100);
    expect(everything.every((n) => n.personId === subject.id)).toBe(true);
    const times = [...new Set(everything.map((n) => n.at))].sort();
    expect(times.length).toBeGreaterThan(3);
    const from = times[1];
    const to = times[times.length - 2];
    const inRange = await allPages(auditor, { personId: subject.id, from, to }, 2);
    expect(inRange.map((n) => n.id)).toEqual(everything.filter((n) => n.at >= from && n.at < to).map((n) => n.id));
  });

  it.each([
    ['filter.registry', { registry: 'tax-bureau' }],
    ['filter.actorDepartment', { actorDepartment: 'ministry-of-magic' }],
    ['filter.personId', { personId: 'not-a-uuid' }],
    ['filter.to', { from: '2026-01-02T00:00:00Z', to: '2026-01-01T00:00:00Z' }],
    ['filter.actorSub', { actorSub: 'x'.repeat(101) }],
  ])('refuses a bad %s with BAD_USER_INPUT naming it', async (argument, filter) => {
    const res = await stack.graphql(AUDIT, { token: auditor, variables: { f: filter } });
    expect(res.body.data).toEqual({ accessRecords: null });
    expect(res.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
  });

  it('refuses a forged cursor as BAD_USER_INPUT on after', async () => {
    const forged = Buffer.from(JSON.stringify(['2026-01-01T00:00:00.000Z', "x' or 1=1", 1])).toString('base64url');
    const res = await stack.graphql(AUDIT, { token: auditor, variables: { after: forged } });
    expect(res.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'after' });
  });

  it.each([
    [
      'a citizen asking about someone else',
      () => stack.token({ role: 'citizen', sub: bystander.id }),
      'subject',
      'FORBIDDEN',
    ],
    ['a citizen without a filter', () => Promise.resolve(citizen), 'none', 'FORBIDDEN'],
    ['a citizen filtering on something else', () => Promise.resolve(citizen), 'officer', 'FORBIDDEN'],
    ['an officer', () => Promise.resolve(officer), 'subject', 'FORBIDDEN'],
    ['an analyst', () => stack.token({ role: 'analyst', dept: 'statistics' }), 'none', 'FORBIDDEN'],
    ['an anonymous caller', () => Promise.resolve(undefined), 'subject', 'UNAUTHENTICATED'],
  ] as const)('refuses %s', async (_case, tokenFor, filterOn, code) => {
    const filter = { none: null, subject: { personId: subject.id }, officer: { actorSub: 'ca-officer-17' } }[filterOn];
    const res = await stack.graphql(AUDIT, { token: await tokenFor(), variables: { f: filter } });
    expect(res.body.data).toEqual({ accessRecords: null });
    expect(res.body.errors?.[0]).toMatchObject({ path: ['accessRecords'], extensions: { code } });
  });

  it('lets a citizen combine other filters with their own person id', async () => {
    const nodes = await allPages(citizen, { personId: subject.id, outcome: 'DENIED' }, 5);
    expect(nodes.length).toBeGreaterThan(0);
    expect(nodes.every((n) => n.personId === subject.id && n.outcome === 'DENIED')).toBe(true);
  });

  it.each([
    ['nothing', '', 'access_record_at_seq_idx'],
    ['a person', `subject_id = '${randomUUID()}'`, 'access_record_subject_seq_idx'],
    ['an officer', `actor_sub = 'ca-officer-17'`, 'access_record_actor_seq_idx'],
    ['a department', `actor_dept = 'health'`, 'access_record_dept_seq_idx'],
    ['an outcome', `outcome = 'rejected'`, 'access_record_outcome_seq_idx'],
  ])('reads a page filtered by %s from an index in read order, without sorting', async (_case, where, index) => {
    const client = new pg.Client({ connectionString: stack.databaseUrls['natural-person'] });
    await client.connect();
    try {
      // A small table is cheaper to scan; what matters is that the index exists and serves the order.
      await client.query('set enable_seqscan = off');
      await client.query('set enable_bitmapscan = off');
      await client.query('set enable_sort = off');
      const plan = await client.query(
        `explain select * from access_record ${where ? `where ${where}` : ''}
         ${where ? 'and' : 'where'} (at, seq) < ('2999-01-01T00:00:00Z'::timestamptz, 1) order by at desc, seq desc limit 21`,
      );
      const text = plan.rows.map((r) => r['QUERY PLAN']).join('\n');
      expect(text).toContain(`Index Scan using ${index}`);
      expect(text).not.toMatch(/Sort/);
    } finally {
      await client.end();
    }
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
    const env = { ...process.env, LOG_LEVEL: 'silent', ...stack.toolEnv() };
    const clean = await run(process.execPath, ['--import', 'tsx', 'scripts/audit-verify.ts'], { env });
    expect(clean.stdout).toMatch(/natural-person: \d+ access records, \d+ signed checkpoints, chain intact/);
    expect(clean.stdout).toMatch(/legal-person: \d+ access records, \d+ signed checkpoints, chain intact/);

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

describe('signed checkpoints against a database administrator who rewrites the log', () => {
  let own: TestStack;
  let ownOfficer: string;
  let person: PersonFixture;
  const read = (purpose: string) =>
    own.graphql(READ_SENSITIVE, { token: ownOfficer, purpose, variables: { id: person.id } });
  const checkpointer = () => own.accessLogs['natural-person'].checkpointer!;

  beforeAll(async () => {
    // Checkpoints only when the test asks, so their positions are known.
    own = await startStack({ checkpoints: { everyRecords: 0, everySeconds: 0 } });
    person = await addPerson(own);
    ownOfficer = await own.token({
      role: 'officer',
      sub: 'ca-officer-9',
      dept: 'civil-affairs',
      scopes: ['person:read:sensitive'],
    });
  });
  afterAll(async () => {
    await own?.stop();
  });

  /** As an administrator would with a script: rewrite record `seq`, recompute every later hash and the head. */
  async function rewrite(seq: number, purpose: string): Promise<void> {
    await own.sql('natural-person', 'alter table access_record disable trigger access_record_append_only');
    const rows = await own.sql<Record<string, unknown>>(
      'natural-person',
      `select ${RECORD_COLUMNS} from access_record where seq >= $1 order by seq`,
      [seq - 1],
    );
    const records = rows.map((row) => storedRecord(row as never));
    let prevHash = records[0].hash;
    for (const record of records.slice(1)) {
      const changed: Omit<StoredAccessRecord, 'hash'> = {
        ...record,
        purpose: record.seq === seq ? purpose : record.purpose,
        prevHash,
      };
      const hash = recordHash(changed);
      await own.sql(
        'natural-person',
        'update access_record set purpose = $1, prev_hash = $2, hash = $3 where seq = $4',
        [changed.purpose, prevHash, hash, record.seq],
      );
      prevHash = hash;
    }
    await own.sql('natural-person', 'update access_chain set last_seq = $1, last_hash = $2 where id = 1', [
      records.at(-1)!.seq,
      prevHash,
    ]);
    await own.sql('natural-person', 'alter table access_record enable trigger access_record_append_only');
  }

  it('signs the chain head with the registry’s key into its own file outside the database', async () => {
    for (let i = 1; i <= 5; i += 1) await read(`CP-${i}`);
    expect(await checkpointer().checkpoint()).toMatchObject({ registry: 'natural-person', seq: 5 });
    for (let i = 6; i <= 10; i += 1) await read(`CP-${i}`);
    expect(await checkpointer().checkpoint()).toMatchObject({ seq: 10 });
    for (let i = 11; i <= 13; i += 1) await read(`CP-${i}`);
    expect(await checkpointer().checkpoint()).toMatchObject({ seq: 13 });
    expect(await checkpointer().checkpoint()).toBeNull(); // nothing new to sign
    for (let i = 14; i <= 15; i += 1) await read(`CP-${i}`);

    const lines = readFileSync(checkpointFile(own.checkpointDir, 'natural-person'), 'utf8').trim().split('\n');
    expect(lines.map((l) => JSON.parse(l).seq)).toEqual([5, 10, 13]);
    const tables = await own.sql<{ table_name: string }>(
      'natural-person',
      `select table_name from information_schema.columns
       where table_schema = 'public' and (column_name = 'jws' or table_name like '%checkpoint%')`,
    );
    expect(tables).toEqual([]);
  });

  it('finds a rewrite that recomputed every later hash and the head, back to the last checkpoint that matches', async () => {
    await rewrite(8, 'innocent');
    const knex = own.db['natural-person'].orm.em.getKnex();
    // The hash chain alone cannot tell: the administrator made it consistent again.
    expect((await verifyChain(knex)).breaks).toEqual([]);

    const publicKey = own.registryKeys['natural-person'].publicKey;
    const audit = await auditAccessLog({
      registry: 'natural-person',
      knex,
      checkpoints: { file: checkpointFile(own.checkpointDir, 'natural-person'), publicKey },
    });
    expect(audit.checkpoints).toBe(3);
    expect(audit.breaks).toEqual([
      {
        seq: 6,
        problem: expect.stringMatching(
          /^records 6 to 10 were rewritten: record 10 no longer has the hash signed in the checkpoint of .* \(checkpoint file line 2\); the last checkpoint that still matches is record 5; 1 later checkpoint\(s\) do not match either$/,
        ),
      },
    ]);
    expect(audit.notes).toEqual([expect.stringMatching(/^records 14 to 15 are after the last signed checkpoint/)]);

    const env = { ...process.env, LOG_LEVEL: 'silent', ...own.toolEnv() };
    const result = await run(process.execPath, ['--import', 'tsx', 'scripts/audit-verify.ts'], { env }).catch((e) => e);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('natural-person: 15 access records, 3 signed checkpoints, 1 BREAK(S):');
    expect(result.stdout).toContain('at record 6: records 6 to 10 were rewritten');
    expect(result.stdout).toMatch(/legal-person: 0 access records, 0 signed checkpoints, chain intact/);
  });

  it('refuses to sign a head that does not continue from its last checkpoint', async () => {
    await read('CP-16');
    expect(await checkpointer().checkpoint()).toBeNull();
    expect(checkpointer().lastProblem).toBe(
      'since the checkpoint of record 13, at record 14: prev_hash does not match the hash of the record before it',
    );
    const lines = readFileSync(checkpointFile(own.checkpointDir, 'natural-person'), 'utf8').trim().split('\n');
    expect(lines).toHaveLength(3);
  });

  it('reports an edited or forged checkpoint line, and a log cut short of a checkpoint', async () => {
    const file = checkpointFile(own.checkpointDir, 'natural-person');
    const copy = join(own.checkpointDir, 'edited.jsonl');
    copyFileSync(file, copy);
    const lines = readFileSync(copy, 'utf8').trim().split('\n');
    const edited = { ...JSON.parse(lines[0]), seq: 4 };
    const forger = await generateGatewayKeyPair();
    const forged = await signCheckpoint(forger.privateKey, {
      registry: 'natural-person',
      seq: 3,
      hash: 'f'.repeat(64),
      at: new Date().toISOString(),
    });
    const own100 = await signCheckpoint(own.registryKeys['natural-person'].privateKey, {
      registry: 'natural-person',
      seq: 100,
      hash: 'a'.repeat(64),
      at: '2026-11-21T00:00:00.000Z',
    });
    writeFileSync(copy, `${JSON.stringify(edited)}\n${lines.slice(1).join('\n')}\n${forged}${own100}`);
    const audit = await auditAccessLog({
      registry: 'natural-person',
      knex: own.db['natural-person'].orm.em.getKnex(),
      checkpoints: {
        file: copy,
        publicKey: own.registryKeys['natural-person'].publicKey,
      },
    });
    const problems = audit.breaks.map((b) => b.problem);
    expect(problems).toContain(
      'checkpoint file line 1 says something other than what was signed (the clear text was edited)',
    );
    expect(problems).toContain(
      "checkpoint file line 4 has a signature that the registry's public key does not verify (forged or edited)",
    );
    expect(problems).toContainEqual(
      expect.stringMatching(
        /^records 17 to 100 were removed: the checkpoint of 2026-11-21T00:00:00.000Z signed record 100/,
      ),
    );
  });
});

describe('group commit: concurrent logged reads share append transactions', () => {
  let own: TestStack;
  let ownOfficer: string;
  let people: PersonFixture[];

  beforeAll(async () => {
    // A long subgraph timeout: the tests hold the chain head's lock while requests queue behind it.
    own = await startStack({ subgraphTimeoutMs: 30_000 });
    people = await Promise.all(Array.from({ length: 5 }, () => addPerson(own)));
    ownOfficer = await own.token({
      role: 'officer',
      sub: 'ca-officer-gc',
      dept: 'civil-affairs',
      scopes: ['person:read:sensitive'],
    });
  });
  afterAll(async () => {
    await own?.stop();
  });

  /** Holds the chain head's row lock, as a long append by another process would. */
  async function holdHead(): Promise<{ release(): Promise<void> }> {
    const client = new pg.Client({ connectionString: own.databaseUrls['natural-person'] });
    await client.connect();
    await client.query('begin');
    await client.query('select * from access_chain where id = 1 for update');
    return {
      release: async () => {
        await client.query('commit');
        await client.end();
      },
    };
  }

  async function until(condition: () => boolean, what: string): Promise<void> {
    const deadline = Date.now() + 20_000;
    while (!condition()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  it('answers 60 concurrent logged reads with at most 2 append transactions, each once its batch is committed', async () => {
    const appender = own.accessLogs['natural-person'].appender;
    const before = { ...appender.stats };
    const db = own.db['natural-person'];
    // Counted on the wire as well: every statement this registry process sends.
    const sent: string[] = [];
    const listener = (query: { sql: string }) => sent.push(query.sql);
    db.orm.em.getKnex().on('query', listener);
    const head = await holdHead();
    let settledEarly = 0;
    let released = false;
    const requests = Array.from({ length: 60 }, (_, i) =>
      own
        .graphql(READ_SENSITIVE, { token: ownOfficer, purpose: `GC-${i}`, variables: { id: people[i % 5].id } })
        .then((res) => {
          if (!released) settledEarly += 1;
          return res;
        }),
    );
    await until(() => appender.waiting + appender.inFlight === 60, 'all 60 requests wait for the log');
    released = true;
    await head.release();
    const responses = await Promise.all(requests);
    db.orm.em.getKnex().off('query', listener);

    expect(settledEarly).toBe(0);
    for (const res of responses) {
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data.person.idNumber).toMatch(/^\d{17}[\dX]$/);
    }
    const batches = appender.stats.batches - before.batches;
    expect(batches).toBeGreaterThanOrEqual(1);
    expect(batches).toBeLessThanOrEqual(2);
    expect(appender.stats.requests - before.requests).toBe(60);
    // One move of the chain head (under its row lock) and one multi-row insert per append, against 60 requests.
    expect(sent.filter((sql) => /update access_chain set/.test(sql))).toHaveLength(batches);
    expect(sent.filter((sql) => /insert into access_record/.test(sql))).toHaveLength(batches);

    const rows = await own.sql<{ request_id: string; n: string }>(
      'natural-person',
      'select request_id, count(*) as n from access_record where request_id = any($1) group by request_id',
      [responses.map((r) => r.headers.get('x-request-id'))],
    );
    expect(rows).toHaveLength(60);
    const chain = await verifyChain(db.orm.em.getKnex());
    expect(chain.breaks).toEqual([]);
  });

  it('appends a batch in one statement while the head is where it left it, and under the lock once another appended', async () => {
    const db = own.db['natural-person'];
    const knex = db.orm.em.getKnex();
    const read = (purpose: string) =>
      own.graphql(READ_SENSITIVE, { token: ownOfficer, purpose, variables: { id: people[0].id } });
    const logStatements = async (work: () => Promise<void>) => {
      const sent: string[] = [];
      const listener = (query: { sql: string }) => {
        if (/access_chain|access_record/.test(query.sql)) sent.push(query.sql);
      };
      knex.on('query', listener);
      try {
        await work();
      } finally {
        knex.off('query', listener);
      }
      return sent;
    };
    await read('ONE-0');
    // The head is where this process left it: the batch is one statement, moving the head and inserting.
    const quiet = await logStatements(async () => {
      expect((await read('ONE-1')).body.errors).toBeUndefined();
    });
    expect(quiet).toHaveLength(1);
    expect(quiet[0]).toMatch(/update access_chain set[\s\S]*insert into access_record/);

    // Another process appends: the one-statement append finds the head moved, writes nothing, and
    // the batch is appended under the head's lock after that process's record.
    const other = await knex.transaction((trx) =>
      appendToChain(trx, [
        {
          id: randomUUID(),
          registry: 'natural-person',
          action: 'read',
          outcome: 'granted',
          actorSub: 'other-process',
          actorRole: 'officer',
          actorDept: 'civil-affairs',
          purpose: 'ONE-OTHER',
          subjectId: people[1].id,
          identifier: null,
          fields: ['Person.name'],
          operationName: null,
          requestId: randomUUID(),
          via: null,
          grantId: null,
        },
      ]),
    );
    let answer: GraphQLResponse<any> | undefined;
    const moved = await logStatements(async () => {
      answer = await read('ONE-2');
    });
    expect(answer!.body.errors).toBeUndefined();
    expect(moved.filter((sql) => /for update/.test(sql))).toHaveLength(1);
    const [record] = await own.sql<{ seq: string; prev_hash: string }>(
      'natural-person',
      'select seq, prev_hash from access_record where request_id = $1',
      [answer!.headers.get('x-request-id')],
    );
    expect(Number(record.seq)).toBe(other[0].seq + 1);
    expect(record.prev_hash).toBe(other[0].hash);
    expect((await verifyChain(knex)).breaks).toEqual([]);

    // From there on, one statement again.
    const again = await logStatements(async () => {
      expect((await read('ONE-3')).body.errors).toBeUndefined();
    });
    expect(again).toHaveLength(1);
  });

  it('withholds every response of a batch that fails, and serves the batch before it', async () => {
    const appender = own.accessLogs['natural-person'].appender;
    const failedBefore = appender.stats.failedBatches;
    // Storage that refuses one record (created first: a batch waiting for the head already holds
    // its lock on access_record, which creating a trigger would wait for).
    await own.sql(
      'natural-person',
      `create function test_poison() returns trigger language plpgsql as $$
         begin raise exception 'storage refused the record'; end $$`,
    );
    await own.sql(
      'natural-person',
      `create trigger test_poison before insert on access_record for each row
         when (new.purpose = 'GC-POISON') execute function test_poison()`,
    );
    let batch: GraphQLResponse<any>[];
    let released = false;
    const head = await holdHead();
    const blocker = own.graphql(READ_SENSITIVE, {
      token: ownOfficer,
      purpose: 'GC-FIRST',
      variables: { id: people[0].id },
    });
    try {
      await until(() => appender.inFlight === 1, 'the first request is being written');
      const mates = ['GC-POISON', 'GC-MATE-1', 'GC-MATE-2', 'GC-MATE-3', 'GC-MATE-4'].map((purpose, i) =>
        own.graphql(READ_SENSITIVE, { token: ownOfficer, purpose, variables: { id: people[i].id } }),
      );
      await until(() => appender.waiting === 5, 'five requests wait behind the first');
      released = true;
      await head.release();
      batch = await Promise.all(mates);
      const first = await blocker;
      expect(first.body.errors).toBeUndefined();
      expect(first.body.data.person.idNumber).toBe(people[0].idNumber);
    } finally {
      if (!released) await head.release();
      await own.sql('natural-person', 'drop trigger if exists test_poison on access_record');
      await own.sql('natural-person', 'drop function if exists test_poison()');
    }
    expect(appender.stats.failedBatches - failedBefore).toBe(1);
    batch.forEach((res, i) => {
      expect(res.body.data?.person ?? null).toBeNull();
      expect(res.body.errors?.length).toBeGreaterThan(0);
      expect(new Set(res.body.errors?.map((e) => e.extensions?.code))).toEqual(new Set(['INTERNAL_SERVER_ERROR']));
      expect(JSON.stringify(res.body)).not.toContain(people[i].idNumber);
      expect(JSON.stringify(res.body)).not.toContain('storage refused');
    });
    const written = await own.sql('natural-person', 'select 1 from access_record where request_id = any($1)', [
      batch.map((r) => r.headers.get('x-request-id')),
    ]);
    expect(written).toEqual([]);
    expect((await verifyChain(own.db['natural-person'].orm.em.getKnex())).breaks).toEqual([]);
    const after = await own.graphql(READ_SENSITIVE, {
      token: ownOfficer,
      purpose: 'GC-AFTER',
      variables: { id: people[1].id },
    });
    expect(after.body.data.person.idNumber).toBe(people[1].idNumber);
  });

  it('keeps one linear chain when two processes of the registry append to one database', async () => {
    // A second natural-person process: its own pool, access log (appender) and HTTP server.
    const log = createLogger('test');
    const second: RegistryOrm = await openRegistryOrm({
      registry: 'natural-person',
      clientUrl: own.databaseUrls['natural-person'],
      entities: REGISTRY_MODULES['natural-person'].entities,
      migrations: REGISTRY_MODULES['natural-person'].migrations,
      log,
      poolMax: 5,
    });
    await migrate(second.orm, log);
    const secondLog = await AccessLog.open({
      registry: 'natural-person',
      knex: second.orm.em.getKnex(),
      log,
      checkpoints: null,
    });
    const keys = own.gatewayKeys;
    const server: RunningServer = await serveSubgraph(
      REGISTRY_MODULES['natural-person'].build(
        second,
        log,
        new GraphClient({
          registry: 'natural-person',
          signingKey: own.registryKeys['natural-person'].privateKey,
          gatewayUrl: own.gatewayUrl,
          timeoutMs: 4000,
          log,
        }),
        secondLog,
        { key: own.registryKeys['natural-person'].privateKey, kid: 'unused' },
        {
          gatewayUrl: () => own.gatewayUrl,
          statisticsRefreshMinutes: 0,
        },
      ),
      { port: 0, publicKey: keys.publicKey, log },
    );
    const direct = async (url: string, i: number) => {
      const variables = { id: people[i % 5].id };
      const caller: Caller = {
        identity: { sub: 'ca-replica', role: 'officer', dept: 'civil-affairs', scopes: ['person:read:sensitive'] },
        purpose: `REPLICA-${i}`,
        requestId: `replica-${i}-${randomUUID()}`,
        operationName: 'ReadForCase',
        via: null,
      };
      const assertion = await signAssertion(keys.privateKey, {
        audience: 'natural-person',
        caller,
        digest: operationDigest({ query: READ_SENSITIVE, variables }),
      });
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [ASSERTION_HEADER]: assertion },
        body: JSON.stringify({ query: READ_SENSITIVE, variables }),
      });
      return { requestId: caller.requestId, body: (await res.json()) as any };
    };
    try {
      const head = await holdHead();
      const results = Promise.all(
        Array.from({ length: 40 }, (_, i) => direct(i % 2 ? server.url : own.servers['natural-person'].url, i)),
      );
      await until(
        () =>
          secondLog.appender.waiting + secondLog.appender.inFlight === 20 &&
          own.accessLogs['natural-person'].appender.waiting + own.accessLogs['natural-person'].appender.inFlight === 20,
        'both processes hold 20 requests',
      );
      await head.release();
      const answered = await results;
      for (const { body } of answered) expect(body.errors).toBeUndefined();
      const rows = await own.sql<{ n: string }>(
        'natural-person',
        'select count(*) as n from access_record where request_id = any($1)',
        [answered.map((a) => a.requestId)],
      );
      expect(Number(rows[0].n)).toBe(40);
      expect(secondLog.appender.stats.batches).toBeLessThanOrEqual(2);
      const chain = await verifyChain(own.db['natural-person'].orm.em.getKnex());
      expect(chain.breaks).toEqual([]);
    } finally {
      await server.close();
      await secondLog.close();
      await second.orm.close();
    }
  });
});
