import type { GraphQLResolveInfo } from 'graphql';
import { HouseholdRepository } from '../subgraphs/natural-person/entities/person.repository';
import { rawQuery } from '../subgraphs/shared/sql';
import { addHousehold, addOrganizations, person } from './support/fixtures';
import { startStack, type GraphQLResponse, type TestStack } from './support/stack';

/**
 * A person read with their household comes in one statement (person, household, members and the
 * members' persons: natural-person's personWithHousehold loaders), primed into the loaders the
 * child resolvers and rules read through. Each case is run twice, the second time with that
 * one-statement path turned off (the separate loaders: person, householdOf, householdMembers),
 * and must give the same answer, errors included, and the same access records.
 */

// Turns the one-statement path off: Query.ts chooses it when the selection reads `household`.
let mockPrefetch = true;
jest.mock('../subgraphs/shared/selection', () => {
  const actual = jest.requireActual('../subgraphs/shared/selection');
  return {
    ...actual,
    selectsSubfield: (info: GraphQLResolveInfo, name: string) =>
      name === 'household' && !mockPrefetch ? false : actual.selectsSubfield(info, name),
  };
});

let stack: TestStack;
let officer: string;
let family: Awaited<ReturnType<typeof addHousehold>>;
let loner: ReturnType<typeof person>;

const LOOKUP = `query Applicant($n: String!) { personByIdNumber(idNumber: $n) {
  id name idNumber registeredAddress maritalStatus
  household { number districtCode address head { name } members { relationship person { id name idNumber deathDate } } }
  legalRepresentativeOf { creditCode name status } } }`;

beforeAll(async () => {
  stack = await startStack();
  // A household whose third member has died (the registry keeps them as members; nothing filters them).
  family = await addHousehold(stack, [{}, { relationship: 'SPOUSE' }, {}, {}]);
  await stack.sql('natural-person', `update person set death_date = '2024-05-01' where id = $1`, [
    family.members[2].id,
  ]);
  await addOrganizations(stack, [family.members[1].id]);
  // A person registered in no household.
  loner = person();
  await stack.sql(
    'natural-person',
    `insert into person (id, created_at, updated_at, id_number, name, gender, birth_date, ethnicity, district_code,
       registered_address, phone, marital_status) values ($1, now(), now(), $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [
      loner.id,
      loner.idNumber,
      loner.name,
      loner.gender,
      loner.birthDate,
      loner.ethnicity,
      loner.districtCode,
      loner.registeredAddress,
      loner.phone,
      loner.maritalStatus,
    ],
  );
  officer = await stack.token({
    role: 'officer',
    sub: 'ca-officer-9',
    dept: 'civil-affairs',
    scopes: ['person:read', 'person:read:sensitive', 'organization:read'],
  });
  // The process learns its access chain's head on its first append: measure the steady state.
  await stack.graphql(LOOKUP, { token: officer, purpose: 'PREFETCH-0', variables: { n: family.members[0].idNumber } });
});
afterAll(async () => {
  mockPrefetch = true;
  await stack?.stop();
});

/** What a request wrote to natural-person's access log, in chain order, without what differs per request. */
async function recordsOf(res: GraphQLResponse<unknown>) {
  return stack.sql(
    'natural-person',
    `select action, outcome, subject_id, identifier, fields, actor_sub, actor_role, actor_dept, purpose, operation_name,
       via, grant_id from access_record where request_id = $1 order by seq`,
    [res.headers.get('x-request-id')],
  );
}

/** The request run with the one-statement path on or off: its answer, natural-person's statements (access log aside) and its records. */
async function run(prefetch: boolean, query: string, options: Parameters<TestStack['graphql']>[1]) {
  mockPrefetch = prefetch;
  try {
    const { result, statements } = await stack.db['natural-person'].statements.measure(() =>
      stack.graphql(query, options),
    );
    // Each request has its own id, in its errors too.
    const errors = result.body.errors?.map(({ extensions, ...error }) => {
      const { requestId: _requestId, ...rest } = extensions ?? {};
      return { ...error, extensions: rest };
    });
    return {
      body: { ...result.body, errors },
      reads: statements.filter((sql) => !/access_record|access_chain/.test(sql)),
      records: await recordsOf(result),
    };
  } finally {
    mockPrefetch = true;
  }
}

async function both(query: string, options: Parameters<TestStack['graphql']>[1]) {
  const separate = await run(false, query, options);
  const joined = await run(true, query, options);
  expect(joined.body).toEqual(separate.body);
  expect(joined.records).toEqual(separate.records);
  expect(joined.records.length).toBeGreaterThan(0);
  return { separate, joined };
}

it("reads an officer's lookup with household, dead member included, in one statement with the same answer and records", async () => {
  const { separate, joined } = await both(LOOKUP, {
    token: officer,
    purpose: 'PREFETCH-1',
    variables: { n: family.members[1].idNumber },
  });
  expect(joined.body.errors).toBeUndefined();
  const found = (joined.body.data as any).personByIdNumber;
  expect(found.household.members.map((m: any) => m.person.id)).toEqual(family.members.map((m) => m.id));
  expect(found.household.members[2].person.deathDate).toBe('2024-05-01');
  expect(found.legalRepresentativeOf).toHaveLength(1);
  // The person; their household; its members with their persons (and the head's person, asked
  // for before the members' persons are in).
  expect(separate.reads.length).toBeGreaterThanOrEqual(3);
  expect(joined.reads).toHaveLength(1);
  expect(joined.reads[0]).toMatch(/from person p\s+left join household_member pm/);
  // The lookup, the person's fields, the household's, and each member's.
  expect(joined.records.map((r: any) => r.subject_id)).toEqual(
    expect.arrayContaining([family.members[1].id, ...family.members.map((m) => m.id)]),
  );
});

it('reads a person in no household in one statement, household null, with the same records', async () => {
  const { separate, joined } = await both(LOOKUP, {
    token: officer,
    purpose: 'PREFETCH-2',
    variables: { n: loner.idNumber },
  });
  expect(joined.body.errors).toBeUndefined();
  expect((joined.body.data as any).personByIdNumber).toMatchObject({ id: loner.id, household: null });
  expect(separate.reads).toHaveLength(2);
  expect(joined.reads).toHaveLength(1);
});

it('answers an unknown ID number alike, recording the attempt once', async () => {
  const unknown = person().idNumber;
  const { joined } = await both(LOOKUP, { token: officer, purpose: 'PREFETCH-3', variables: { n: unknown } });
  expect((joined.body.data as any).personByIdNumber).toBeNull();
  expect(joined.reads).toHaveLength(1);
  expect(joined.records).toEqual([
    expect.objectContaining({ subject_id: null, identifier: `idNumber=${unknown}`, outcome: 'granted' }),
  ]);
});

it("gives a citizen's own record with household the same refusals of other members' names and the same records", async () => {
  const citizen = await stack.token({ role: 'citizen', sub: family.members[3].id });
  const { joined } = await both(
    `query Me { me { id name household { number members { relationship person { id name } } } } }`,
    { token: citizen },
  );
  expect((joined.body.data as any).me.household.members).toHaveLength(4);
  // Other members' names are basic personal data of theirs: refused, and recorded as refused.
  expect(joined.body.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN']);
  expect(joined.records.some((r: any) => r.outcome === 'denied')).toBe(true);
  expect(joined.reads).toHaveLength(1);
});

it('reads person(id:) with household for an officer in one statement with the same answer and records', async () => {
  const { separate, joined } = await both(
    `query P($id: ID!) { person(id: $id) { name household { number members { relationship person { name } } } } }`,
    { token: officer, purpose: 'PREFETCH-4', variables: { id: family.members[0].id } },
  );
  expect(joined.body.errors).toBeUndefined();
  expect(separate.reads.length).toBeGreaterThanOrEqual(3);
  expect(joined.reads).toHaveLength(1);
});

it('sends a one-key lookup as = $1, whose generic plan PostgreSQL keeps for the named statement', async () => {
  const { orm } = stack.db['natural-person'];
  await orm.em.fork().transactional(async (tx) => {
    // One connection (the transaction's): its named statements and how each was planned.
    const households = new HouseholdRepository(tx, { readOnly: true });
    for (let i = 0; i < 8; i++) {
      const [found] = await households.personsWithHouseholds('idNumber', [family.members[i % 4].idNumber]);
      expect(found.members).toHaveLength(4);
    }
    // A batch comes back in person id order, whatever the order of the keys.
    const batch = await households.personsWithHouseholds('idNumber', [family.members[0].idNumber, loner.idNumber]);
    expect(batch).toHaveLength(2);
    expect(batch.find((p) => p.person.idNumber === family.members[0].idNumber)?.members).toHaveLength(4);
    expect(batch.find((p) => p.person.idNumber === loner.idNumber)?.members).toEqual([]);
    const plans = await rawQuery<{ statement: string; generic_plans: string; custom_plans: string }>(
      tx,
      `select statement, generic_plans, custom_plans from pg_prepared_statements where statement like '%join person mp%'`,
    );
    const one = plans.find((p) => /where p\.id_number = \$1::bpchar/.test(p.statement));
    const many = plans.find((p) => /where p\.id_number = any\(\$1::bpchar\[\]\)/.test(p.statement));
    expect(Number(one?.generic_plans)).toBeGreaterThan(0);
    expect(many).toBeDefined();
  });
});
