import { SUBGRAPH_NAMES, type RegistryName } from '../subgraphs/catalog';
import { addHousehold, addOrganizations, addPeople } from './support/fixtures';
import { startStack, type TestStack } from './support/stack';

/**
 * N+1 guards: cross-entity lookups are batched with DataLoader, so the number of SQL statements
 * per subgraph and the number of subgraph fetches do not grow with the page size.
 */

let stack: TestStack;
let officer: string;

beforeAll(async () => {
  stack = await startStack();
  const representatives = await addPeople(stack, 100);
  await addOrganizations(
    stack,
    representatives.map((p) => p.id),
    { namePrefix: '批量' },
  );
  officer = await stack.token({ role: 'officer', dept: 'civil-affairs', scopes: ['organization:read', 'person:read'] });
});
afterAll(async () => {
  await stack?.stop();
});

const LIST_WITH_REPRESENTATIVES = `
  query ListWithRepresentatives($first: Int!) {
    organizations(filter: { nameContains: "批量" }, first: $first) {
      edges { node { creditCode name legalRepresentative { id name } } }
    }
  }`;

async function measure(first: number) {
  const before = { np: stack.db['natural-person'].statements.count, lp: stack.db['legal-person'].statements.count };
  stack.resetCounts();
  const response = await stack.graphql(LIST_WITH_REPRESENTATIVES, { token: officer, variables: { first } });
  const statements: Partial<Record<RegistryName, number>> = {
    'natural-person': stack.db['natural-person'].statements.count - before.np,
    'legal-person': stack.db['legal-person'].statements.count - before.lp,
  };
  return { response, statements, fetches: { ...stack.fetches } };
}

it('lists 100 organizations with their legal representatives in as many SQL statements per subgraph as 5', async () => {
  // The first logged read of a process appends under the chain head's lock (it does not know the
  // head yet); later ones append in one statement. Measure the steady state.
  await measure(1);
  const five = await measure(5);
  const hundred = await measure(100);

  expect(five.response.body.errors).toBeUndefined();
  expect(hundred.response.body.errors).toBeUndefined();
  const edges = hundred.response.body.data.organizations.edges;
  expect(edges).toHaveLength(100);
  expect(edges.every((e: any) => typeof e.node.legalRepresentative.name === 'string')).toBe(true);

  expect(hundred.statements).toEqual(five.statements);
  // legal-person: one page query, plus the access-log append for the representatives it names.
  // natural-person: one `= ANY($1)` batch for all representatives, plus its access-log append.
  expect(hundred.statements['legal-person']).toBeLessThanOrEqual(2);
  expect(hundred.statements['natural-person']).toBeLessThanOrEqual(2);
});

it('asks each subgraph once for the whole list, however long', async () => {
  const hundred = await measure(100);
  // One fetch from each of the two registries the list spans, none from any other subgraph.
  const none = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, 0]));
  expect(hundred.fetches).toEqual({ ...none, 'legal-person': 1, 'natural-person': 1 });
});

it('resolves every representative with a single = ANY query in natural-person', async () => {
  const { result, statements } = await stack.db['natural-person'].statements.measure(() =>
    stack.graphql(LIST_WITH_REPRESENTATIVES, { token: officer, variables: { first: 100 } }),
  );
  expect(result.body.errors).toBeUndefined();
  const personSelects = statements.filter((sql) => /from person\b/i.test(sql));
  expect(personSelects).toEqual([expect.stringMatching(/^select id, .* from person where id = any\(\$1::uuid\[\]\)$/)]);
});

it("reads an officer's person lookup with household in one statement, and its access records in one", async () => {
  const household = await addHousehold(stack, [{}, { relationship: 'SPOUSE' }, {}, {}]);
  const sensitive = await stack.token({
    role: 'officer',
    dept: 'civil-affairs',
    scopes: ['person:read:sensitive'],
  });
  const lookup = (n: string) =>
    stack.graphql(
      `query Applicant($n: String!) { personByIdNumber(idNumber: $n) {
         id name idNumber registeredAddress maritalStatus household { number members { relationship person { name } } } } }`,
      { token: sensitive, purpose: 'BATCH-1', variables: { n } },
    );
  // The process learns its chain head on its first append.
  await lookup(household.members[3].idNumber);
  const { result, statements } = await stack.db['natural-person'].statements.measure(() =>
    lookup(household.members[1].idNumber),
  );
  expect(result.body.errors).toBeUndefined();
  const members = result.body.data.personByIdNumber.household.members;
  expect(members.map((m: any) => m.person.name)).toEqual(household.members.map((m) => m.name));
  // The person, their household, its members and their persons in one join (personsWithHouseholds),
  // primed into the loaders the household's resolvers and rules read through.
  const reads = statements.filter((sql) => !/access_record|access_chain/.test(sql));
  expect(reads).toHaveLength(1);
  expect(reads[0]).toMatch(/from person p\s+left join household_member pm[\s\S]*left join person mp/);
  // Every record of the request (the lookup, the person's fields, each member's) in one statement.
  expect(statements.filter((sql) => /access_record|access_chain/.test(sql))).toEqual([
    expect.stringMatching(/update access_chain set[\s\S]*insert into access_record/),
  ]);
});
