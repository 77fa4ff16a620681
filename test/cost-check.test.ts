import { buildSchema, parse } from 'graphql';
import { costCheck, DEFAULT_LIMITS } from '../gateway/limits';

/**
 * The cost budget is estimated once per document, operation name and values of the variables that
 * decide the cost (page sizes, @skip/@include conditions): a feed paged with cursors and filters
 * costs one estimate per page size, and nothing is remembered that could change an answer.
 * (test/resilience.test.ts checks the budget itself end to end through the gateway.)
 */

const schema = buildSchema(`
  type Query { organizations(first: Int, after: String, district: String): OrganizationConnection }
  type OrganizationConnection { totalCount: Int edges: [OrganizationEdge] }
  type OrganizationEdge { cursor: String node: Organization }
  type Organization { creditCode: String name: String address: String }
`);

const FEED = parse(`query Feed($first: Int, $after: String, $district: String, $withAddress: Boolean = false) {
  organizations(first: $first, after: $after, district: $district) {
    totalCount edges { cursor node { creditCode name address @include(if: $withAddress) } }
  }
}`);

const budget = { ...DEFAULT_LIMITS, maxCost: 200 };

it('estimates a paged feed once per page size, whatever its cursor and filter', () => {
  const check = costCheck(budget);
  for (let i = 0; i < 20; i += 1) {
    check(schema, FEED, 'Feed', { first: 20, after: `cursor-${i}`, district: `5101${i}` });
  }
  expect(check.stats.estimates).toBe(1);
  check(schema, FEED, 'Feed', { first: 10, after: 'cursor-0' });
  check(schema, FEED, 'Feed', { first: 10, after: 'cursor-1' });
  expect(check.stats.estimates).toBe(2);
});

it('estimates again when a condition variable changes, and when it is absent rather than given', () => {
  const check = costCheck(budget);
  check(schema, FEED, 'Feed', { first: 20 });
  check(schema, FEED, 'Feed', { first: 20, withAddress: false });
  check(schema, FEED, 'Feed', { first: 20, withAddress: true });
  check(schema, FEED, 'Feed', { first: 20, withAddress: true, after: 'x' });
  expect(check.stats.estimates).toBe(3);
});

it('refuses a page over the budget every time, estimating it afresh each time', () => {
  const check = costCheck(budget);
  for (let i = 0; i < 3; i += 1) {
    expect(() => check(schema, FEED, 'Feed', { first: 100, after: `c${i}` })).toThrow(/would cost .*the budget is 200/);
  }
  expect(check.stats.estimates).toBe(3);
  // A page within the budget is still accepted, and remembered.
  check(schema, FEED, 'Feed', { first: 5 });
  check(schema, FEED, 'Feed', { first: 5 });
  expect(check.stats.estimates).toBe(4);
});

it('remembers the cost of a document whose page sizes are written in it, even over the budget', () => {
  const check = costCheck(budget);
  const fixed = parse('{ organizations(first: 100) { edges { node { name address } } } }');
  for (let i = 0; i < 3; i += 1) expect(() => check(schema, fixed, null, {})).toThrow(/would cost/);
  expect(check.stats.estimates).toBe(1);
});

it('lets variables that do not fit their types through to execution, and remembers nothing for them', () => {
  const check = costCheck(budget);
  expect(() => check(schema, FEED, 'Feed', { first: 'twenty' })).not.toThrow();
  expect(() => check(schema, FEED, 'Feed', { first: 'twenty' })).not.toThrow();
  expect(check.stats.estimates).toBe(2);
});
