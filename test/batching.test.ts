import { SUBGRAPH_NAMES, type RegistryName } from '../subgraphs/catalog';
import { addOrganizations, addPeople } from './support/fixtures';
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
  const five = await measure(5);
  const hundred = await measure(100);

  expect(five.response.body.errors).toBeUndefined();
  expect(hundred.response.body.errors).toBeUndefined();
  const edges = hundred.response.body.data.organizations.edges;
  expect(edges).toHaveLength(100);
  expect(edges.every((e: any) => typeof e.node.legalRepresentative.name === 'string')).toBe(true);

  expect(hundred.statements).toEqual(five.statements);
  // legal-person: one page query, plus the access-log transaction for the representatives it names.
  // natural-person: one `= ANY($1)` batch for all representatives, plus its access-log transaction.
  expect(hundred.statements['legal-person']).toBeLessThanOrEqual(6);
  expect(hundred.statements['natural-person']).toBeLessThanOrEqual(6);
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
  expect(personSelects).toEqual(['select * from person where id = any($1::uuid[])']);
});
