import { randomUUID } from 'node:crypto';
import { seedRegistries } from '../seeds';
import { seedAssistanceIfEmpty } from '../seeds/assistance';
import { todayInChina } from '../subgraphs/shared/calendar';
import type { Identity } from '../subgraphs/shared/identity';
import { COUNT_NOISE } from '../subgraphs/shared/statistics/disclosure';
import { loadPseudonymKeys, pseudonymOf } from '../subgraphs/shared/statistics/pseudonym';
import { startStack, type TestStack } from './support/stack';

/**
 * The assistance extract over seeded applications (every state, several programmes), joined with
 * the certificate extract: recipients with and without a disability certificate, through the
 * gateway, checked against the truth computed from the registries' own databases.
 */

let stack: TestStack;
const ANALYST: Identity = { sub: 'analyst-assist', role: 'analyst', dept: 'statistics', scopes: [] };

interface Latest {
  applicant_id: string;
  programme_code: string;
  status: string;
  approved_amount: string | null;
  declared_monthly_income: string;
  decided_on_time: boolean | null;
}
let latest: Latest[];
let disabled: Set<string>;
let living: Set<string>;

async function refresh(): Promise<void> {
  const token = await stack.token(ANALYST);
  await stack.graphql('mutation R { refreshStatistics { id } }', { token });
  for (let i = 0; i < 300; i += 1) {
    const res = await stack.graphql('query E { statisticsExtracts { lastRefresh { status message } } }', { token });
    const last = res.body.data.statisticsExtracts.lastRefresh;
    if (last.status !== 'RUNNING') {
      expect(last).toEqual({ status: 'COMPLETE', message: null });
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the statistics refresh did not finish in 30 s');
}

beforeAll(async () => {
  stack = await startStack();
  const urls = {
    naturalPersonUrl: stack.databaseUrls['natural-person'],
    legalPersonUrl: stack.databaseUrls['legal-person'],
    certificateUrl: stack.databaseUrls.certificate,
    assistanceUrl: stack.databaseUrls.assistance,
  };
  await seedRegistries({ ...urls, people: 600, organizations: 20, seed: 'gov-graph-demo' });
  expect(await seedAssistanceIfEmpty(urls, { households: 150 })).toBeGreaterThan(100);
  latest = await stack.sql<Latest & Record<string, unknown>>(
    'assistance',
    `select distinct on (applicant_id) applicant_id, programme_code, status, approved_amount, declared_monthly_income,
            decided_on_time
       from application order by applicant_id, submitted_at desc`,
  );
  // A disability certificate (残疾人证) for twelve recipients, so that both cells are published.
  const recipients = latest.filter((a) => a.status === 'APPROVED').map((a) => a.applicant_id);
  expect(recipients.length).toBeGreaterThanOrEqual(24);
  const holders = await stack.sql<{ id: string; id_number: string; name: string }>(
    'natural-person',
    'select id, id_number, name from person where id = any($1::uuid[]) order by id limit 12',
    [recipients],
  );
  for (const holder of holders) {
    await stack.sql(
      'certificate',
      `insert into certificate (id, created_at, updated_at, type_code, number, holder_kind, holder_person_id,
         issuing_department, issuing_authority, issued_on, valid_until, printed_name, printed_identifier, verification_code)
       values ($1, now(), now(), 'DISABILITY_CERTIFICATE', $2, 'PERSON', $3, 'disabled-persons', '测试发证机关',
         '2020-01-01', '2040-01-01', $4, $5, $6)
       on conflict do nothing`,
      [randomUUID(), `${holder.id_number}42`, holder.id, holder.name, holder.id_number, randomUUID().slice(0, 8)],
    );
  }
  const today = todayInChina();
  disabled = new Set(
    (
      await stack.sql<{ holder_person_id: string }>(
        'certificate',
        `select distinct holder_person_id from certificate
          where type_code = 'DISABILITY_CERTIFICATE' and holder_kind = 'PERSON' and issued_on <= $1::date
            and (revoked_on is null or revoked_on > $1::date) and (valid_until is null or valid_until >= $1::date)`,
        [today],
      )
    ).map((r) => r.holder_person_id),
  );
  living = new Set(
    (await stack.sql<{ id: string }>('natural-person', 'select id from person where death_date is null')).map(
      (r) => r.id,
    ),
  );
  await refresh();
}, 180_000);

afterAll(async () => {
  await stack?.stop();
});

it('sends one record per applicant: the latest application’s programme, decision, amount, income and timeliness', async () => {
  const [source] = await stack.sql<{ records: number }>(
    'statistics',
    `select records from extract_source where registry = 'assistance'`,
  );
  expect(source.records).toBe(latest.length);
  const keys = loadPseudonymKeys();
  const stored = await stack.sql<{ pseudonym: string; attributes: Record<string, unknown> }>(
    'statistics',
    `select pseudonym, attributes from extract_record where registry = 'assistance'`,
  );
  const byPseudonym = new Map(stored.map((r) => [r.pseudonym, r.attributes]));
  const decisions = new Set<string>();
  for (const application of latest) {
    const decision = ['APPROVED', 'REJECTED', 'WITHDRAWN'].includes(application.status)
      ? application.status
      : 'PENDING';
    decisions.add(decision);
    expect(byPseudonym.get(pseudonymOf(keys, application.applicant_id))).toEqual({
      programme: application.programme_code,
      decision,
      benefitAmount:
        application.status === 'APPROVED' && application.approved_amount !== null
          ? Number(application.approved_amount)
          : null,
      declaredIncome: Number(application.declared_monthly_income),
      decidedOnTime: application.decided_on_time,
    });
  }
  expect([...decisions].sort()).toEqual(['APPROVED', 'PENDING', 'REJECTED', 'WITHDRAWN']);
  // Every applicant's extract is in the assistance registry's access log, as statistics.
  const logged = await stack.sql<{ n: number }>(
    'assistance',
    `select count(distinct member_id)::int as n from access_record_member join access_record on seq = record_seq
      where via = 'statistics' and fields @> array['StatisticsExtract.programme', 'StatisticsExtract.benefitAmount']::text[]`,
  );
  expect(logged[0].n).toBe(latest.length);
});

it('answers recipients with and without a disability certificate through the gateway, within the published bounds', async () => {
  const recipients = latest.filter((a) => a.status === 'APPROVED' && living.has(a.applicant_id));
  const truth = { YES: { count: 0, sum: 0, largest: 0 }, NO: { count: 0, sum: 0, largest: 0 } };
  for (const r of recipients) {
    const cell = truth[disabled.has(r.applicant_id) ? 'YES' : 'NO'];
    cell.count += 1;
    cell.sum += Number(r.approved_amount);
    cell.largest = Math.max(cell.largest, Number(r.approved_amount));
  }
  expect(truth.YES.count).toBeGreaterThanOrEqual(12);
  expect(truth.NO.count).toBeGreaterThanOrEqual(10);
  const res = await stack.graphql(
    `query T { statistics(measure: "assistanceRecipients", dimensions: ["disabilityCertificate"]) {
       cells { categories status count sum mean } total { status count sum } sources { registry } notes } }`,
    { token: await stack.token(ANALYST) },
  );
  expect(res.body.errors).toBeUndefined();
  const table = res.body.data.statistics;
  expect(table.sources.map((s: { registry: string }) => s.registry)).toEqual([
    'assistance',
    'certificate',
    'natural-person',
  ]);
  for (const code of ['YES', 'NO'] as const) {
    const cell = table.cells.find((c: { categories: string[] }) => c.categories[0] === code);
    const expected = truth[code];
    expect({ code, status: cell.status }).toEqual({ code, status: 'PUBLISHED' });
    expect(Math.abs(cell.count - expected.count)).toBeLessThanOrEqual(COUNT_NOISE.maxDeviation);
    // A sum moves by at most 10% of the cell's largest contribution.
    expect(Math.abs(cell.sum - expected.sum)).toBeLessThanOrEqual(0.1 * expected.largest + 0.01);
    expect(cell.mean).toBeCloseTo(cell.sum / cell.count, 1);
  }
  expect(Math.abs(table.total.count - recipients.length)).toBeLessThanOrEqual(COUNT_NOISE.maxDeviation);
  // The same figures as residents filtered on the decision, and as CSV.
  const asFilter = await stack.graphql(
    `query F($f: [StatisticsFilter!]) { statistics(measure: "residents", dimensions: ["disabilityCertificate"], filter: $f) {
       cells { categories count } } }`,
    {
      token: await stack.token(ANALYST),
      variables: { f: [{ dimension: 'assistanceDecision', values: ['APPROVED'] }] },
    },
  );
  expect(asFilter.body.data.statistics.cells.map((c: { count: number }) => c.count)).toEqual(
    table.cells.map((c: { count: number }) => c.count),
  );
  const csv = await fetch(
    new URL('/statistics.csv?measure=assistanceRecipients&dimensions=disabilityCertificate', stack.gatewayUrl),
    { headers: { authorization: `Bearer ${await stack.token(ANALYST)}` } },
  );
  expect(csv.status).toBe(200);
  const yes = table.cells.find((c: { categories: string[] }) => c.categories[0] === 'YES');
  expect(await csv.text()).toContain(`YES,yes,PUBLISHED,${yes.count},${yes.sum},`);
});
