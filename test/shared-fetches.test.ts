import { addOrganizations, addPeople } from './support/fixtures';
import { startCaptureProxy, type CaptureProxy } from './support/capture-proxy';
import { startStack, type TestStack } from './support/stack';

/**
 * Identical in-flight subgraph fetches of anonymous callers are made once and shared (as Hive
 * Gateway and Apollo's router do); a caller with an identity never shares one, so that each of
 * their reads is checked and logged on its own. The legal-person subgraph is reached through a
 * proxy that holds every request for a moment, so that concurrent requests are surely in flight
 * together; the proxy and the gateway's own count both say how many fetches were made.
 */

let stack: TestStack;
let toLegalPerson: CaptureProxy;
let officer: string;
let codes: string[];

const CALLERS = 12;
const PAGE = `query Feed($first: Int, $f: OrganizationFilter) {
  organizations(first: $first, filter: $f) { totalCount edges { node { creditCode name } } }
}`;
const WITH_REPRESENTATIVE = `query Representative($c: String!) {
  organization(creditCode: $c) { name legalRepresentative { name } }
}`;

beforeAll(async () => {
  toLegalPerson = await startCaptureProxy('/graphql');
  stack = await startStack({ gatewayRoutes: { 'legal-person': toLegalPerson.url } });
  toLegalPerson.target = stack.servers['legal-person'].url;
  const people = await addPeople(stack, 3);
  codes = (
    await addOrganizations(
      stack,
      people.map((p) => p.id),
      { namePrefix: '共享' },
    )
  ).map((o) => o.creditCode);
  officer = await stack.token({ role: 'officer', dept: 'civil-affairs', scopes: ['organization:read', 'person:read'] });
});
afterAll(async () => {
  await stack?.stop();
  await toLegalPerson?.close();
});

beforeEach(() => {
  toLegalPerson.delayMs = 1000;
  toLegalPerson.captured.length = 0;
  stack.resetCounts();
});

function atOnce<T>(count: number, request: (i: number) => Promise<T>): Promise<T[]> {
  return Promise.all(Array.from({ length: count }, (_, i) => request(i)));
}

it('makes one fetch for identical anonymous requests in flight together, each getting the whole answer', async () => {
  const variables = { first: 2, f: { nameContains: '共享' } };
  const answers = await atOnce(CALLERS, () => stack.graphql(PAGE, { variables }));
  for (const answer of answers) {
    expect(answer.status).toBe(200);
    expect(answer.body.errors).toBeUndefined();
    expect(answer.body.data.organizations.totalCount).toBe(3);
    expect(answer.body.data.organizations.edges).toHaveLength(2);
  }
  expect(answers.map((a) => a.body)).toEqual(Array(CALLERS).fill(answers[0].body));
  expect(stack.fetches['legal-person']).toBe(1);
  expect(toLegalPerson.captured).toHaveLength(1);
});

it('shares nothing between anonymous requests that differ in their variables', async () => {
  const answers = await atOnce(3, (i) =>
    stack.graphql(PAGE, { variables: { first: i + 1, f: { nameContains: '共享' } } }),
  );
  expect(answers.map((a) => a.body.data.organizations.edges.length)).toEqual([1, 2, 3]);
  expect(stack.fetches['legal-person']).toBe(3);
});

it('never shares a fetch between callers with an identity, and logs each of their reads', async () => {
  const before = await stack.sql<{ n: string }>('natural-person', 'select count(*) as n from access_record');
  const answers = await atOnce(CALLERS, () =>
    stack.graphql(WITH_REPRESENTATIVE, { token: officer, variables: { c: codes[0] } }),
  );
  for (const answer of answers) {
    expect(answer.body.errors).toBeUndefined();
    expect(typeof answer.body.data.organization.legalRepresentative.name).toBe('string');
  }
  expect(stack.fetches['legal-person']).toBe(CALLERS);
  expect(toLegalPerson.captured).toHaveLength(CALLERS);
  expect(stack.fetches['natural-person']).toBe(CALLERS);
  const after = await stack.sql<{ n: string }>('natural-person', 'select count(*) as n from access_record');
  expect(Number(after[0].n) - Number(before[0].n)).toBe(CALLERS);
});

it('fetches again once the shared fetch has been answered', async () => {
  toLegalPerson.delayMs = 0;
  const variables = { first: 1, f: { nameContains: '共享' } };
  await stack.graphql(PAGE, { variables });
  await stack.graphql(PAGE, { variables });
  expect(stack.fetches['legal-person']).toBe(2);
});
