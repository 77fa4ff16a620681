import { randomBytes, randomUUID } from 'node:crypto';
import { knex } from '@mikro-orm/postgresql';
import { parseAlertThresholds, UnusualReadingWatch } from '../subgraphs/shared/access-log/alerts';
import type { RecordContent } from '../subgraphs/shared/access-log/chain';
import { createLogger } from '../subgraphs/shared/logger';
import { addPeople } from './support/fixtures';
import { startStack, type TestStack } from './support/stack';

/**
 * Unusual reading: an officer who reads the personal data of more distinct people in an hour than
 * the department's threshold raises one alert record, which auditors read through the data tracker.
 */

const PERSON_NAME = 'query PersonName($id: ID!) { person(id: $id) { name } }';
const ALERTS = `query UnusualReading($f: AccessAlertFilter) {
  accessAlerts(filter: $f, first: 20) {
    edges { node { id raisedAt registry actorSub actorDepartment people threshold windowStart windowEnd } }
    pageInfo { hasNextPage endCursor }
  }
}`;

let stack: TestStack;
let people: { id: string }[];

beforeAll(async () => {
  stack = await startStack({ alertThresholds: parseAlertThresholds('3,public-security=100') });
  people = await addPeople(stack, 6);
});
afterAll(() => stack?.stop());

async function readPeople(token: string, count: number, repeat = 1): Promise<void> {
  for (let r = 0; r < repeat; r += 1) {
    for (const person of people.slice(0, count)) {
      const res = await stack.graphql(PERSON_NAME, { token, variables: { id: person.id } });
      expect(res.body.errors).toBeUndefined();
    }
  }
  await stack.accessLogs['natural-person'].appender.idle();
  await stack.accessLogs['natural-person'].watch.settled();
}

async function alertsOf(actorSub: string) {
  const auditor = await stack.token({ role: 'auditor', dept: 'data-bureau' });
  const res = await stack.graphql(ALERTS, { token: auditor, variables: { f: { actorSub } } });
  expect(res.body.errors).toBeUndefined();
  return res.body.data.accessAlerts.edges.map((edge: any) => edge.node);
}

it('raises one alert when an officer reads more distinct people in an hour than the department’s threshold', async () => {
  const sub = `officer-ca-${randomBytes(3).toString('hex')}`;
  const token = await stack.token({ role: 'officer', sub, dept: 'civil-affairs', scopes: ['person:read'] });
  // Three distinct people, each read twice: at the threshold, not over it.
  await readPeople(token, 3, 2);
  expect(await alertsOf(sub)).toEqual([]);

  await readPeople(token, 4);
  const [alert, ...more] = await alertsOf(sub);
  expect(more).toEqual([]);
  expect(alert).toMatchObject({
    registry: 'natural-person',
    actorSub: sub,
    actorDepartment: 'civil-affairs',
    people: 4,
    threshold: 3,
  });
  expect(Date.parse(alert.windowStart)).toBeLessThanOrEqual(Date.parse(alert.windowEnd));
  expect(Date.parse(alert.raisedAt)).toBeGreaterThanOrEqual(Date.parse(alert.windowEnd));

  // Reading on within the hour raises no second alert, and the registry stops counting the officer.
  const watch = stack.accessLogs['natural-person'].watch;
  const counted = watch.stats.officersCounted;
  const skipped = watch.stats.officersSkipped;
  await readPeople(token, 6);
  expect(await alertsOf(sub)).toHaveLength(1);
  expect(watch.stats.officersCounted).toBe(counted);
  expect(watch.stats.officersSkipped).toBeGreaterThanOrEqual(skipped + 6);
  const stored = await stack.sql('natural-person', 'select people from access_alert where actor_sub = $1', [sub]);
  expect(stored).toEqual([{ people: 4 }]);
});

it('raises nothing over an alert a replica of the registry raised this hour, and stops counting that officer', async () => {
  const sub = `officer-ca-${randomBytes(3).toString('hex')}`;
  const token = await stack.token({ role: 'officer', sub, dept: 'civil-affairs', scopes: ['person:read'] });
  // The other process's alert, raised ten minutes ago.
  await stack.sql(
    'natural-person',
    `insert into access_alert (id, raised_at, registry, actor_sub, actor_dept, people, threshold, window_start, window_end)
     values (gen_random_uuid(), now() - interval '10 minutes', 'natural-person', $1, 'civil-affairs', 9, 3,
             now() - interval '20 minutes', now() - interval '10 minutes')`,
    [sub],
  );
  const watch = stack.accessLogs['natural-person'].watch;
  await readPeople(token, 5);
  expect(await alertsOf(sub)).toEqual([expect.objectContaining({ actorSub: sub, people: 9 })]);
  const counted = watch.stats.officersCounted;
  await readPeople(token, 5);
  expect(watch.stats.officersCounted).toBe(counted);
  expect(await alertsOf(sub)).toHaveLength(1);
});

it('applies each department’s own threshold', async () => {
  const sub = `officer-ps-${randomBytes(3).toString('hex')}`;
  const token = await stack.token({ role: 'officer', sub, dept: 'public-security', scopes: ['person:read'] });
  await readPeople(token, 6);
  expect(await alertsOf(sub)).toEqual([]);
});

it('shows alerts to auditors only, and keeps them append-only', async () => {
  const officer = await stack.token({ role: 'officer', dept: 'civil-affairs', scopes: ['person:read'] });
  const refused = await stack.graphql(ALERTS, { token: officer });
  expect(refused.body.data.accessAlerts).toBeNull();
  expect(refused.body.errors![0].extensions?.code).toBe('FORBIDDEN');
  await expect(stack.sql('natural-person', 'delete from access_alert')).rejects.toThrow(/append-only/);
});

it('stops on close when the database does not answer, keeping the officers it could not count', async () => {
  // A registry whose database is gone: every count fails.
  const db = knex({ client: 'pg', connection: 'postgresql://nobody@127.0.0.1:1/none', pool: { min: 0, max: 1 } });
  const watch = new UnusualReadingWatch(db, 'natural-person', parseAlertThresholds('3'), createLogger('test'));
  try {
    const read = {
      id: randomUUID(),
      action: 'read',
      outcome: 'granted',
      actorSub: 'officer-gone',
      actorRole: 'officer',
      actorDept: 'civil-affairs',
      subjectId: randomUUID(),
    } as unknown as RecordContent;
    watch.observe([read]);
    await watch.close();
    expect(watch.stats).toMatchObject({ officersCounted: 1, failedChecks: 1 });
    // Closed: later reads schedule nothing.
    watch.observe([read]);
    await watch.settled();
    expect(watch.stats.officersCounted).toBe(1);
  } finally {
    await db.destroy();
  }
});
