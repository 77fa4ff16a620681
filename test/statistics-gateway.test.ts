import { knex } from '@mikro-orm/postgresql';
import type { CryptoKey } from 'jose';
import { chargeTable } from '../subgraphs/statistics/budget';
import { routeDigest } from '../subgraphs/shared/assertion';
import type { Caller, Identity } from '../subgraphs/shared/identity';
import { SERVICE_HEADER, signServiceCall, signServiceRoute } from '../subgraphs/shared/service-calls';
import { COUNT_NOISE } from '../subgraphs/shared/statistics/disclosure';
import { MONTHLY_EXTRACT_PURPOSE, STATISTICS_EXTRACT_ROUTE } from '../subgraphs/shared/statistics/extract';
import { CHENGDU_DISTRICTS } from '../subgraphs/shared/domain/divisions';
import { addJobPostings, addPeople, type PersonFixture } from './support/fixtures';
import { startStack, type TestStack } from './support/stack';

/**
 * Statistics through the real gateway, as an attacker would use it: the planned differencing
 * attack on seeded people, month after month, with an analyst's token; the query budget that stops
 * the noise being averaged away; and the gateway route by which the statistics subgraph, with its
 * own key only, asks for extracts.
 */

let stack: TestStack;
const BUDGET = 100;
const ATTACKER: Identity = { sub: 'analyst-attacker', role: 'analyst', dept: 'health', scopes: [] };
const BUSY: Identity = { sub: 'analyst-busy', role: 'analyst', dept: 'health', scopes: [] };
const REFRESHER: Identity = { sub: 'analyst-stat', role: 'analyst', dept: 'statistics', scopes: [] };

const DISTRICTS = Object.keys(CHENGDU_DISTRICTS);
const GENDERS = ['MALE', 'FEMALE'] as const;
/** One group per district and gender: 12 people aged 35-44 at first, and the target, aged 65+. */
interface Group {
  district: string;
  gender: (typeof GENDERS)[number];
  target: PersonFixture;
  others: number;
}
let groups: Group[];

const TOTAL = `query Total($f: [StatisticsFilter!]) {
  statistics(measure: "residents", dimensions: [], filter: $f) { total { status count } }
}`;

async function total(identity: Identity, filter: { dimension: string; values: string[] }[]) {
  return stack.graphql(TOTAL, { token: await stack.token(identity), variables: { f: filter } });
}

async function refresh(): Promise<void> {
  const token = await stack.token(REFRESHER);
  const started = await stack.graphql('mutation R { refreshStatistics { id } }', { token });
  expect(started.body.errors).toBeUndefined();
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
  process.env.STATISTICS_TABLE_BUDGET = String(BUDGET);
  stack = await startStack();
  delete process.env.STATISTICS_TABLE_BUDGET;
  groups = [];
  for (const district of DISTRICTS) {
    for (const gender of GENDERS) {
      await addPeople(stack, 12, { districtCode: district, gender, birthDate: '1985-06-15' });
      const [target] = await addPeople(stack, 1, { districtCode: district, gender, birthDate: '1950-02-01' });
      groups.push({ district, gender, target, others: 12 });
    }
  }
  // Job postings (their own population): 14 open in Wuhou, 3 in Jinjiang, 2 closed in Wuhou; and
  // 12 Wuhou residents who keep a job-seeker profile.
  const posting = (districtCode: string, status: 'OPEN' | 'CLOSED') => ({
    employerCreditCode: '91510100MA61234567',
    employerName: '测试公司',
    title: '软件工程师',
    occupationCode: 'SOFTWARE_ENGINEER',
    districtCode,
    postedOn: '2026-01-05',
    expiresOn: '2030-01-05',
    status,
  });
  await addJobPostings(stack, [
    ...Array.from({ length: 14 }, () => posting('510107', 'OPEN')),
    ...Array.from({ length: 3 }, () => posting('510104', 'OPEN')),
    ...Array.from({ length: 2 }, () => posting('510107', 'CLOSED')),
  ]);
  const seekers = await stack.sql<{ id: string }>(
    'natural-person',
    `select id from person where district_code = '510107' and birth_date = '1985-06-15' order by id limit 12`,
  );
  await stack.sql(
    'labour-market',
    `insert into job_seeker_profile (id, created_at, updated_at, person_id, display_name, desired_occupations,
       desired_districts, experience_years, skills, availability, visible_to_employers)
     select gen_random_uuid(), now(), now(), person_id, '求职者', array['SOFTWARE_ENGINEER'], array['510107'], 3, '', '随时到岗', true
       from unnest($1::uuid[]) as t(person_id)`,
    [seekers.map((p) => p.id)],
  );
}, 120_000);

afterAll(async () => {
  await stack?.stop();
});

describe('the planned differencing attack through the gateway', () => {
  it('does not reveal whether the seeded person is in the group, over many trials month after month', async () => {
    // Each month: every group gains a newcomer, and each target is present (alive, registered) or
    // not, at random; the attacker asks "the group" and "the group without anyone aged 65+".
    const trials: { present: boolean; difference: number }[] = [];
    let within = true;
    for (let month = 0; month < 3; month += 1) {
      const present = groups.map(() => Math.random() < 0.5);
      await stack.sql(
        'natural-person',
        `update person set death_date = case when t.present then null else date '2026-01-01' end
           from unnest($1::uuid[], $2::boolean[]) as t(id, present) where person.id = t.id`,
        [groups.map((g) => g.target.id), present],
      );
      if (month > 0) {
        for (const group of groups) {
          // Born on another day each month: ID numbers (district, birth date, sequence) stay distinct.
          await addPeople(stack, 1, {
            districtCode: group.district,
            gender: group.gender,
            birthDate: `1985-07-${String(10 + month).padStart(2, '0')}`,
          });
          group.others += 1;
        }
      }
      await refresh();
      for (const [i, group] of groups.entries()) {
        const base = [
          { dimension: 'district', values: [group.district] },
          { dimension: 'gender', values: [group.gender] },
        ];
        const all = await total(ATTACKER, base);
        const without = await total(ATTACKER, [
          ...base,
          { dimension: 'ageBand', values: ['0-14', '15-24', '25-34', '35-44', '45-54', '55-64'] },
        ]);
        expect(all.body.errors).toBeUndefined();
        expect(without.body.errors).toBeUndefined();
        const a = all.body.data.statistics.total;
        const b = without.body.data.statistics.total;
        expect([a.status, b.status]).toEqual(['PUBLISHED', 'PUBLISHED']);
        const truth = group.others + (present[i] ? 1 : 0);
        if (Math.abs(a.count - truth) > COUNT_NOISE.maxDeviation) within = false;
        if (Math.abs(b.count - group.others) > COUNT_NOISE.maxDeviation) within = false;
        trials.push({ present: present[i], difference: a.count - b.count });
      }
    }
    expect(within).toBe(true);
    expect(trials).toHaveLength(3 * groups.length);
    // Unprotected, "a difference of 1 means present" is right every time. Here it is a coin toss
    // with a slight edge (about 0.6 expected for noise of at most ±2, variance 1 per cell).
    const right = trials.filter((t) => t.difference >= 1 === t.present).length;
    expect(right / trials.length).toBeLessThan(0.8);
    // The differences seen in either world overlap: both worlds show a difference of 0 and of 1.
    for (const difference of [0, 1]) {
      expect(trials.some((t) => t.present && t.difference === difference)).toBe(true);
      expect(trials.some((t) => !t.present && t.difference === difference)).toBe(true);
    }
    // Asked again, each table answers the same: no fresh noise to average.
    const group = groups[0];
    const again = await total(ATTACKER, [
      { dimension: 'district', values: [group.district] },
      { dimension: 'gender', values: [group.gender] },
    ]);
    const first = await total(ATTACKER, [
      { dimension: 'gender', values: [group.gender] },
      { dimension: 'district', values: [group.district] },
    ]);
    expect(again.body.data).toEqual(first.body.data);
  }, 240_000);
});

describe('job postings against job-seekers per district', () => {
  it('counts open postings as their own population, by workplace district, beside job-seekers by district', async () => {
    const token = await stack.token(REFRESHER);
    const catalogue = await stack.graphql(
      'query C { statisticsCatalogue { measures { name population sources dimensions magnitude } dimensions { name population categories { code } } } }',
      { token },
    );
    const { measures, dimensions } = catalogue.body.data.statisticsCatalogue;
    expect(measures.find((m: { name: string }) => m.name === 'jobPostings')).toEqual({
      name: 'jobPostings',
      population: 'POSTING',
      sources: ['job-postings'],
      dimensions: ['postingDistrict', 'postingOccupationGroup', 'postingOpen'],
      magnitude: 'vacancies (headcount sought)',
    });
    expect(measures.find((m: { name: string }) => m.name === 'jobSeekers')).toMatchObject({
      population: 'PERSON',
      sources: ['natural-person', 'labour-market'],
    });
    const categories = (name: string) =>
      dimensions.find((d: { name: string }) => d.name === name).categories.map((c: { code: string }) => c.code);
    expect(categories('postingDistrict')).toEqual(categories('district'));

    const TABLE = `query T($m: String!, $d: [String!]!) { statistics(measure: $m, dimensions: $d) {
      cells { categories status count sum } sources { registry records } } }`;
    const postings = await stack.graphql(TABLE, { token, variables: { m: 'jobPostings', d: ['postingDistrict'] } });
    const seekers = await stack.graphql(TABLE, { token, variables: { m: 'jobSeekers', d: ['district'] } });
    expect(postings.body.errors).toBeUndefined();
    expect(seekers.body.errors).toBeUndefined();
    const p = postings.body.data.statistics;
    const s = seekers.body.data.statistics;
    expect(p.sources).toEqual([{ registry: 'job-postings', records: 19 }]);
    // Side by side: the same districts in the same order.
    expect(p.cells.map((c: { categories: string[] }) => c.categories[0])).toEqual(
      s.cells.map((c: { categories: string[] }) => c.categories[0]),
    );
    const cell = (table: typeof p, district: string) =>
      table.cells.find((c: { categories: string[] }) => c.categories[0] === district);
    const wuhouPostings = cell(p, '510107');
    expect(wuhouPostings.status).toBe('PUBLISHED');
    expect(Math.abs(wuhouPostings.count - 14)).toBeLessThanOrEqual(COUNT_NOISE.maxDeviation);
    // 14 vacancies (one each): the sum moves by at most 10% of the largest (1).
    expect(Math.abs(wuhouPostings.sum - 14)).toBeLessThanOrEqual(0.1 + 1e-9);
    expect(cell(p, '510104')).toMatchObject({ status: 'SUPPRESSED_SMALL', count: null });
    const wuhouSeekers = cell(s, '510107');
    expect(wuhouSeekers.status).toBe('PUBLISHED');
    expect(Math.abs(wuhouSeekers.count - 12)).toBeLessThanOrEqual(COUNT_NOISE.maxDeviation);
    // A posting dimension on a resident measure is refused, naming the argument.
    const mixed = await stack.graphql(TABLE, { token, variables: { m: 'jobSeekers', d: ['postingDistrict'] } });
    expect(mixed.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'dimensions[0]',
      rule: 'population',
    });
  });
});

describe('the query budget', () => {
  /** A distinct table per i: residents in one district, with one of several age-band filters. */
  const distinct = (i: number) => [
    { dimension: 'district', values: [DISTRICTS[i % DISTRICTS.length]] },
    {
      dimension: 'ageBand',
      values: [['0-14'], ['15-24'], ['25-34'], ['35-44'], ['45-54'], ['55-64'], ['65+']][
        Math.floor(i / DISTRICTS.length)
      ],
    },
  ];

  it(`answers ${BUDGET} distinct tables per analyst per period, then refuses new ones with a clear error; repeats stay free`, async () => {
    for (let i = 0; i < BUDGET; i += 1) {
      const res = await total(BUSY, distinct(i));
      expect({ i, errors: res.body.errors }).toEqual({ i, errors: undefined });
    }
    // The same tables again (dimensions reordered, a filter keeping every category) cost nothing.
    const repeat = await total(BUSY, [...distinct(0).reverse(), { dimension: 'gender', values: ['MALE', 'FEMALE'] }]);
    expect(repeat.body.errors).toBeUndefined();
    const over = await total(BUSY, distinct(BUDGET));
    expect(over.body.data.statistics).toBeNull();
    expect(over.body.errors).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(new RegExp(`asked for ${BUDGET} distinct statistics tables`)),
        path: ['statistics'],
        extensions: expect.objectContaining({ code: 'STATISTICS_BUDGET_EXCEEDED', limit: BUDGET }),
      }),
    ]);
    expect(over.body.errors![0].extensions!.retryAfter).toBeGreaterThan(0);
    // The CSV of a new table is refused too (429 with Retry-After), of an old one answered.
    const csv = (query: string) =>
      fetch(new URL(`/statistics.csv?${query}`, stack.gatewayUrl), {
        headers: { authorization: `Bearer ${token}` },
      });
    const token = await stack.token(BUSY);
    const refused = await csv('measure=residents&dimensions=district,gender');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await refused.json()).toMatchObject({ errors: [{ extensions: { code: 'STATISTICS_BUDGET_EXCEEDED' } }] });
    expect((await csv(`measure=residents&filter=district:${DISTRICTS[0]}&filter=ageBand:0-14`)).status).toBe(200);
    // Another analyst has their own budget.
    const other = await total({ ...BUSY, sub: 'analyst-other' }, distinct(BUDGET));
    expect(other.body.errors).toBeUndefined();
  }, 120_000);

  it('refuses a new table at the edge of the budget while another charge of the same caller is in flight', async () => {
    const db = knex({ client: 'pg', connection: stack.databaseUrls.statistics, pool: { min: 0, max: 4 } });
    try {
      const caller = { identity: { ...BUSY, sub: 'analyst-racer' } } as Caller;
      const budget = { tables: 5, periodHours: 24 };
      for (let i = 0; i < 4; i += 1) await chargeTable(db, budget, caller, `race-table-${i}`);
      // The fifth table's charge, inside a transaction that has not committed yet (another replica
      // in the middle of its charge); a sixth asked meanwhile must wait for it and then be refused,
      // not count the four committed tables and pass too.
      const inFlight = await db.transaction();
      await chargeTable(inFlight, budget, caller, 'race-table-4');
      const racing = chargeTable(db, budget, caller, 'race-table-5');
      const early = await Promise.race([
        racing.then(
          () => 'answered',
          () => 'refused',
        ),
        new Promise((resolve) => setTimeout(() => resolve('waiting'), 500)),
      ]);
      await inFlight.commit();
      expect(early).toBe('waiting');
      await expect(racing).rejects.toMatchObject({ extensions: { code: 'STATISTICS_BUDGET_EXCEEDED', limit: 5 } });
      const rows = await db('table_budget_use').where({ caller: 'analyst:analyst-racer' }).count({ n: '*' });
      expect(Number(rows[0].n)).toBe(5);
    } finally {
      await db.destroy();
    }
  });
});

describe('the extract route on the gateway', () => {
  const target = () =>
    `${STATISTICS_EXTRACT_ROUTE.prefix}natural-person?asOf=${encodeURIComponent(new Date().toISOString())}`;
  const ask = (path: string, headers: Record<string, string>) => fetch(new URL(path, stack.gatewayUrl), { headers });

  it('streams a registry’s extract to a token signed with the statistics registry’s own key, once', async () => {
    const path = target();
    const token = await signServiceRoute(stack.registryKeys.statistics.privateKey, {
      registry: 'statistics',
      digest: routeDigest('GET', path),
      purpose: MONTHLY_EXTRACT_PURPOSE,
    });
    const answer = await ask(path, { [SERVICE_HEADER]: token });
    expect(answer.status).toBe(200);
    const lines = (await answer.text()).trim().split('\n');
    expect(JSON.parse(lines[0])).toMatchObject({ extract: 'natural-person', population: 'person' });
    expect(JSON.parse(lines.at(-1)!)).toEqual({ end: true, rows: lines.length - 2 });
    const replayed = await ask(path, { [SERVICE_HEADER]: token });
    expect(replayed.status).toBe(401);
    expect(await replayed.json()).toMatchObject({
      errors: [{ message: expect.stringMatching(/already been used/), extensions: { code: 'UNAUTHENTICATED' } }],
    });
  });

  it('refuses another registry’s key, another target, an unknown purpose, a service-call token and a bearer token', async () => {
    const path = target();
    const sign = (key: CryptoKey, options: { digest?: string; purpose?: string } = {}) =>
      signServiceRoute(key, {
        registry: 'statistics',
        digest: options.digest ?? routeDigest('GET', path),
        purpose: options.purpose ?? MONTHLY_EXTRACT_PURPOSE,
      });
    const cases: [string, Record<string, string>, RegExp][] = [
      [
        'signed by the assistance registry',
        { [SERVICE_HEADER]: await sign(stack.registryKeys.assistance.privateKey) },
        /signed with the statistics registry's key/,
      ],
      [
        'for the certificate extract',
        {
          [SERVICE_HEADER]: await sign(stack.registryKeys.statistics.privateKey, {
            digest: routeDigest('GET', path.replace('natural-person', 'certificate')),
          }),
        },
        /different request/,
      ],
      [
        'for an analyst’s purpose',
        { [SERVICE_HEADER]: await sign(stack.registryKeys.statistics.privateKey, { purpose: 'curiosity' }) },
        /purpose must be one of/,
      ],
      [
        'a service-call token',
        {
          [SERVICE_HEADER]: await signServiceCall(stack.registryKeys.statistics.privateKey, {
            registry: 'statistics',
            digest: routeDigest('GET', path),
            purpose: MONTHLY_EXTRACT_PURPOSE,
          }),
        },
        /not a valid gov-graph-service-route\+jwt/,
      ],
      [
        'an analyst’s bearer token',
        { authorization: `Bearer ${await stack.token(REFRESHER)}` },
        /serves only the statistics subgraph/,
      ],
    ];
    for (const [what, headers, reason] of cases) {
      const answer = await ask(path, headers);
      expect({ what, status: answer.status }).toEqual({ what, status: 401 });
      expect({ what, body: await answer.json() }).toEqual({
        what,
        body: { errors: [{ message: expect.stringMatching(reason), extensions: { code: 'UNAUTHENTICATED' } }] },
      });
    }
    const unknown = await ask(`${STATISTICS_EXTRACT_ROUTE.prefix}statistics?asOf=x`, {});
    expect(unknown.status).toBe(404);
  });
});
