import { randomBytes, randomUUID } from 'node:crypto';
import { DIMENSIONS, MEASURES, type Population } from '../subgraphs/statistics/catalogue';
import { checkQuery, computeTable, type PopulationColumns, type StatisticsData } from '../subgraphs/statistics/tables';
import { ASSERTION_HEADER, routeDigest, signAssertion } from '../subgraphs/shared/assertion';
import { auditAccessLog } from '../subgraphs/shared/access-log/audit';
import { membersIdentifier } from '../subgraphs/shared/access-log/members';
import { COUNT_NOISE, DEFAULT_DISCLOSURE, countNoise } from '../subgraphs/shared/statistics/disclosure';
import type { Identity } from '../subgraphs/shared/identity';
import { addCertificate, addOrganizations, addPeople, type PersonFixture } from './support/fixtures';
import { startStack, type TestStack } from './support/stack';

/**
 * Statistics through the gateway and straight at the subgraph: extracts pulled from the registries
 * (pseudonymised, logged per person), tables with small cells suppressed and every count
 * perturbed by the cell key, the same cell always the same value, CSV with its notes, and only
 * analysts and officers let in. A differencing attack on one person is played many times.
 */

let stack: TestStack;
const ANALYST: Identity = { sub: 'analyst-0001', role: 'analyst', dept: 'statistics', scopes: [] };
const OTHER_ANALYST: Identity = { sub: 'analyst-0002', role: 'analyst', dept: 'health', scopes: [] };
const OFFICER: Identity = { sub: 'ca-0001', role: 'officer', dept: 'civil-affairs', scopes: [] };
const AUDITOR: Identity = { sub: 'audit-0001', role: 'auditor', dept: 'data-bureau', scopes: [] };

let wuhouAdults: PersonFixture[];
let jinjiangYoung: PersonFixture[];
let lonely: PersonFixture;
const TRUE_COUNTS = new Map<string, number>();

const TABLE = `query Table($m: String!, $d: [String!]!, $f: [StatisticsFilter!]) {
  statistics(measure: $m, dimensions: $d, filter: $f) {
    measure dimensions filter threshold notes
    cells { categories labels status count sum mean }
    total { status count sum mean }
    sources { registry asOf records }
  }
}`;

async function table(
  identity: Identity,
  measure: string,
  dimensions: string[],
  filter?: { dimension: string; values: string[] }[],
) {
  const res = await stack.graphql(TABLE, {
    token: await stack.token(identity),
    variables: { m: measure, d: dimensions, f: filter },
  });
  return res;
}

async function refresh(): Promise<{ progress: { registry: string; records: number; done: boolean }[] }> {
  const token = await stack.token(ANALYST);
  const started = await stack.graphql('mutation R { refreshStatistics { id status trigger } }', { token });
  expect(started.body.errors).toBeUndefined();
  expect(started.body.data.refreshStatistics).toMatchObject({ status: 'RUNNING', trigger: 'ON_DEMAND' });
  for (let i = 0; i < 200; i += 1) {
    const res = await stack.graphql(
      'query E { statisticsExtracts { lastRefresh { id status message progress { registry records done } } sources { registry records asOf } } }',
      { token },
    );
    const last = res.body.data.statisticsExtracts.lastRefresh;
    if (last.status !== 'RUNNING') {
      expect(last).toMatchObject({ status: 'COMPLETE', message: null });
      return last;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the statistics refresh did not finish in 20 s');
}

beforeAll(async () => {
  stack = await startStack();
  // Wuhou (510107): 60 adults born 1985 (35-44 in 2026); Jinjiang (510104): 25 born 1995 and 4 born 1950.
  wuhouAdults = await addPeople(stack, 60, { districtCode: '510107', birthDate: '1985-06-15' });
  jinjiangYoung = await addPeople(stack, 25, { districtCode: '510104', birthDate: '1995-03-01' });
  await addPeople(stack, 4, { districtCode: '510104', birthDate: '1950-03-01' });
  // One person alone in their district and age band (the target of the differencing attack).
  [lonely] = await addPeople(stack, 1, { districtCode: '510105', birthDate: '1940-01-01' });
  await addPeople(stack, 30, { districtCode: '510105', birthDate: '1990-01-01' });
  TRUE_COUNTS.set('510107|35-44', 60).set('510104|25-34', 25).set('510104|65+', 4);
  TRUE_COUNTS.set('510105|65+', 1).set('510105|35-44', 30);
  // Disability certificates: 12 in Wuhou, 3 in Jinjiang; one revoked (not counted).
  for (const holder of wuhouAdults.slice(0, 12)) {
    await addCertificate(stack, holder, {
      type: 'DISABILITY_CERTIFICATE',
      department: 'disabled-persons',
      number: `${holder.idNumber}41`,
    });
  }
  for (const holder of jinjiangYoung.slice(0, 3)) {
    await addCertificate(stack, holder, {
      type: 'DISABILITY_CERTIFICATE',
      department: 'disabled-persons',
      number: `${holder.idNumber}41`,
    });
  }
  await addCertificate(stack, wuhouAdults[20], {
    type: 'DISABILITY_CERTIFICATE',
    department: 'disabled-persons',
    number: `${wuhouAdults[20].idNumber}42`,
    revokedOn: '2021-01-01',
  });
  // Registered unemployed: 15 in Wuhou (35-44), 3 in Jinjiang (25-34); one whose unemployment ended is not counted.
  const unemployed = [...wuhouAdults.slice(30, 45), ...jinjiangYoung.slice(10, 13)];
  await stack.sql(
    'labour-market',
    `insert into employment_record (id, created_at, updated_at, person_id, kind, organization_credit_code, from_date, to_date,
       recorded_by_sub, recorded_by_dept)
     select gen_random_uuid(), now(), now(), person_id, 'UNEMPLOYED', null, '2026-03-01', null, 'hrss-0001', 'hrss'
       from unnest($1::uuid[]) as t(person_id)`,
    [unemployed.map((p) => p.id)],
  );
  await stack.sql(
    'labour-market',
    `insert into employment_record (id, created_at, updated_at, person_id, kind, organization_credit_code, from_date, to_date,
       recorded_by_sub, recorded_by_dept)
     values (gen_random_uuid(), now(), now(), $1, 'UNEMPLOYED', null, '2025-01-01', '2025-06-30', 'hrss-0001', 'hrss')`,
    [wuhouAdults[50].id],
  );
  // Enterprises: 14 in software (I), one of which has 40 penalties; 2 others one each.
  const organizations = await addOrganizations(
    stack,
    wuhouAdults.slice(0, 14).map((p) => p.id),
  );
  const penalties: [string, number][] = [
    [organizations[0].id, 40],
    [organizations[1].id, 1],
    [organizations[2].id, 1],
  ];
  for (const [organizationId, count] of penalties) {
    for (let i = 0; i < count; i += 1) {
      await stack.sql(
        'legal-person',
        `insert into penalty (id, created_at, updated_at, organization_id, decision_number, decided_on, reason, amount, authority)
         values ($1, now(), now(), $2, $3, '2024-05-01', '测试处罚', 1000.00, '成都市武侯区市场监督管理局')`,
        [randomUUID(), organizationId, `武市监罚〔2024〕${randomUUID().slice(0, 8)}号`],
      );
    }
  }
  await refresh();
}, 120_000);

afterAll(async () => {
  await stack?.stop();
});

describe('extracts', () => {
  it('pulls every registry’s extract, keyed by pseudonyms: no id, name or ID number reaches statistics', async () => {
    const sources = await stack.sql<{ registry: string; records: number }>(
      'statistics',
      'select registry, records from extract_source order by registry',
    );
    expect(sources).toEqual([
      { registry: 'assistance', records: 0 },
      { registry: 'certificate', records: 15 },
      { registry: 'job-postings', records: 0 },
      { registry: 'labour-market', records: 18 },
      { registry: 'legal-person', records: 14 },
      { registry: 'natural-person', records: 60 + 25 + 4 + 1 + 30 },
    ]);
    const someone = wuhouAdults[0];
    const leaks = await stack.sql<{ n: string }>(
      'statistics',
      `select count(*) as n from extract_record where pseudonym = $1 or attributes::text like '%' || $1 || '%'
         or attributes::text like '%' || $2 || '%' or attributes::text like '%' || $3 || '%'`,
      [someone.id, someone.idNumber, someone.name],
    );
    expect(Number(leaks[0].n)).toBe(0);
    const record = await stack.sql<{ attributes: Record<string, unknown>; record_key: string }>(
      'statistics',
      `select attributes, record_key from extract_record where registry = 'natural-person' limit 1`,
    );
    expect(Object.keys(record[0].attributes).sort()).toEqual(['ageBand', 'district', 'gender', 'householdSize']);
    expect(Number(record[0].record_key)).toBeGreaterThanOrEqual(0);
    expect(Number(record[0].record_key)).toBeLessThan(2 ** 32);
  });

  it('logs the extract in each registry’s access log with every person as a member, and the citizen’s tracker shows it as statistics', async () => {
    const someone = wuhouAdults[1];
    const res = await stack.graphql(
      `query Mine($p: ID!) { accessRecords(filter: { personId: $p }, first: 50) {
         edges { node { registry actorSub actorDepartment purpose fields via operationName } } } }`,
      { token: await stack.token({ role: 'citizen', sub: someone.id }), variables: { p: someone.id } },
    );
    expect(res.body.errors).toBeUndefined();
    const nodes = res.body.data.accessRecords.edges.map((e: { node: unknown }) => e.node);
    expect(nodes).toEqual(
      expect.arrayContaining([
        {
          registry: 'natural-person',
          actorSub: 'statistics-extract',
          actorDepartment: 'statistics',
          purpose: 'statistics, extract on demand',
          fields: [
            'StatisticsExtract.ageBand',
            'StatisticsExtract.district',
            'StatisticsExtract.gender',
            'StatisticsExtract.householdSize',
          ],
          via: 'statistics',
          operationName: 'statisticsExtract',
        },
        expect.objectContaining({
          registry: 'certificate',
          fields: ['StatisticsExtract.certificateTypes'],
          via: 'statistics',
        }),
      ]),
    );
    // One chained record per batch of the extract, naming no one, stating its members' count and
    // digest; every person of the extract is a member of exactly one of them.
    const batches = await stack.sql<{ seq: string; subject_id: string | null; identifier: string }>(
      'natural-person',
      `select seq, subject_id, identifier from access_record where via = 'statistics'`,
    );
    expect(batches).toHaveLength(1);
    expect(batches[0].subject_id).toBeNull();
    const members = await stack.sql<{ member_id: string }>(
      'natural-person',
      'select member_id from access_record_member where record_seq = $1',
      [batches[0].seq],
    );
    expect(members).toHaveLength(120);
    expect(batches[0].identifier).toBe(membersIdentifier(members.map((m) => m.member_id)));
    expect(members.map((m) => m.member_id)).toEqual(expect.arrayContaining([someone.id, lonely.id]));
  });

  it('keeps the extract’s members tamper-evident: audit:verify passes, then finds a member added or removed', async () => {
    const audit = async () =>
      auditAccessLog({
        registry: 'natural-person',
        knex: stack.db['natural-person'].orm.em.getKnex(),
        checkpoints: null,
      });
    expect((await audit()).breaks).toEqual([]);
    const [batch] = await stack.sql<{ seq: string }>(
      'natural-person',
      `select seq from access_record where via = 'statistics' order by seq limit 1`,
    );
    // The table refuses changes even with the application's credentials.
    await expect(
      stack.sql('natural-person', 'delete from access_record_member where record_seq = $1', [batch.seq]),
    ).rejects.toThrow(/append-only/);
    // Someone added to the extract afterwards (an insert is what the guards allow).
    const stranger = randomUUID();
    await stack.sql('natural-person', 'insert into access_record_member (record_seq, member_id) values ($1, $2)', [
      batch.seq,
      stranger,
    ]);
    expect((await audit()).breaks).toEqual([
      { seq: Number(batch.seq), problem: expect.stringMatching(/do not match its digest \(121 found, 120 recorded\)/) },
    ]);
    // Members filed under a record that covers none.
    await stack.sql('natural-person', 'insert into access_record_member (record_seq, member_id) values ($1, $2)', [
      Number(batch.seq) + 1000,
      stranger,
    ]);
    expect((await audit()).breaks.map((b) => b.problem)).toEqual(
      expect.arrayContaining([expect.stringMatching(/filed under record \d+, which covers no members/)]),
    );
    // Put back as it was, by someone who can switch the guards off (the database's owner).
    await stack.sql(
      'natural-person',
      'alter table access_record_member disable trigger access_record_member_append_only',
    );
    await stack.sql('natural-person', 'delete from access_record_member where member_id = $1', [stranger]);
    expect((await audit()).breaks).toEqual([]);
    // A member removed.
    await stack.sql('natural-person', 'delete from access_record_member where record_seq = $1 and member_id = $2', [
      batch.seq,
      lonely.id,
    ]);
    await stack.sql(
      'natural-person',
      'alter table access_record_member enable trigger access_record_member_append_only',
    );
    expect((await audit()).breaks).toEqual([
      { seq: Number(batch.seq), problem: expect.stringMatching(/\(119 found, 120 recorded\)/) },
    ]);
    await stack.sql('natural-person', 'insert into access_record_member (record_seq, member_id) values ($1, $2)', [
      batch.seq,
      lonely.id,
    ]);
    expect((await audit()).breaks).toEqual([]);
  });

  it('serves the extract route only to the statistics refresh: an analyst’s or an unsigned request is refused', async () => {
    const target = `/statistics-extract?asOf=${encodeURIComponent(new Date().toISOString())}`;
    const url = new URL(target, stack.servers['natural-person'].url);
    const unsigned = await fetch(url);
    expect(unsigned.status).toBe(401);
    const assertion = await signAssertion(stack.gatewayKeys.privateKey, {
      audience: 'natural-person',
      caller: {
        identity: ANALYST,
        purpose: null,
        requestId: randomUUID(),
        operationName: 'statisticsExtract',
        via: null,
      },
      digest: routeDigest('GET', target),
    });
    const asAnalyst = await fetch(url, { headers: { [ASSERTION_HEADER]: assertion } });
    expect(asAnalyst.status).toBe(403);
    expect(await asAnalyst.json()).toMatchObject({ errors: [{ extensions: { code: 'FORBIDDEN' } }] });
  });
});

describe('tables', () => {
  it('suppresses every cell under the threshold and perturbs the rest within the published bounds', async () => {
    const res = await table(ANALYST, 'residents', ['district', 'ageBand']);
    expect(res.body.errors).toBeUndefined();
    const result = res.body.data.statistics;
    expect(result.cells).toHaveLength(21 * 7);
    expect(result.threshold).toBe(10);
    for (const cell of result.cells as { categories: string[]; status: string; count: number | null }[]) {
      const truth = TRUE_COUNTS.get(cell.categories.join('|')) ?? 0;
      if (truth < 10) {
        expect({ cell: cell.categories, status: cell.status, count: cell.count }).toEqual({
          cell: cell.categories,
          status: 'SUPPRESSED_SMALL',
          count: null,
        });
      } else {
        expect(cell.status).toBe('PUBLISHED');
        expect(Math.abs(cell.count! - truth)).toBeLessThanOrEqual(COUNT_NOISE.maxDeviation);
      }
    }
    expect(Math.abs(result.total.count - 120)).toBeLessThanOrEqual(COUNT_NOISE.maxDeviation);
    expect(result.sources.map((s: { registry: string }) => s.registry)).toEqual([
      'assistance',
      'certificate',
      'labour-market',
      'natural-person',
    ]);
    expect(result.notes.join(' ')).toMatch(/at most 2/);
  });

  it('gives the same cell the same value, asked twice, as a filter or as a dimension, by an analyst or an officer', async () => {
    const first = await table(ANALYST, 'residents', ['district', 'ageBand']);
    const again = await table(ANALYST, 'residents', ['district', 'ageBand']);
    expect(again.body.data).toEqual(first.body.data);
    const cell = first.body.data.statistics.cells.find(
      (c: { categories: string[] }) => c.categories.join('|') === '510107|35-44',
    );
    const filtered = await table(OFFICER, 'residents', ['ageBand'], [{ dimension: 'district', values: ['510107'] }]);
    expect(
      filtered.body.data.statistics.cells.find((c: { categories: string[] }) => c.categories[0] === '35-44').count,
    ).toBe(cell.count);
    const asTotal = await table(
      OTHER_ANALYST,
      'residents',
      [],
      [
        { dimension: 'district', values: ['510107'] },
        { dimension: 'ageBand', values: ['35-44'] },
      ],
    );
    expect(asTotal.body.data.statistics.total.count).toBe(cell.count);
    expect(asTotal.body.data.statistics.filter).toBe('district=510107; ageBand=35-44');
  });

  it('answers recipients by disability certificate, joined across registries by pseudonym (a revoked certificate does not count)', async () => {
    const res = await table(
      ANALYST,
      'residents',
      ['disabilityCertificate', 'district'],
      [{ dimension: 'district', values: ['510104', '510107'] }],
    );
    expect(res.body.errors).toBeUndefined();
    const cells = res.body.data.statistics.cells as { categories: string[]; status: string; count: number | null }[];
    const get = (d: string, disability: string) => cells.find((c) => c.categories.join('|') === `${disability}|${d}`)!;
    expect(get('510107', 'YES').status).toBe('PUBLISHED');
    expect(Math.abs(get('510107', 'YES').count! - 12)).toBeLessThanOrEqual(2);
    expect(get('510104', 'YES')).toMatchObject({ status: 'SUPPRESSED_SMALL', count: null });
    expect(Math.abs(get('510107', 'NO').count! - 48)).toBeLessThanOrEqual(2);
    const holders = await table(ANALYST, 'disabilityCertificateHolders', ['district']);
    const wuhou = holders.body.data.statistics.cells.find(
      (c: { categories: string[] }) => c.categories[0] === '510107',
    );
    expect(wuhou.count).toBe(get('510107', 'YES').count);
  });

  it('answers registered unemployed by district and age band, joined with the labour-market extract', async () => {
    const res = await table(ANALYST, 'registeredUnemployed', ['district', 'ageBand']);
    expect(res.body.errors).toBeUndefined();
    const cells = res.body.data.statistics.cells as { categories: string[]; status: string; count: number | null }[];
    const wuhou = cells.find((c) => c.categories.join('|') === '510107|35-44')!;
    expect(wuhou.status).toBe('PUBLISHED');
    expect(Math.abs(wuhou.count! - 15)).toBeLessThanOrEqual(2);
    expect(cells.find((c) => c.categories.join('|') === '510104|25-34')).toMatchObject({
      status: 'SUPPRESSED_SMALL',
      count: null,
    });
    expect(cells.filter((c) => c.status === 'PUBLISHED')).toHaveLength(1);
    const sources = res.body.data.statistics.sources.map((s: { registry: string }) => s.registry);
    expect(sources).toEqual(['labour-market', 'natural-person']);
    // The same cell as residents filtered on employment status.
    const asFilter = await table(
      OFFICER,
      'residents',
      ['ageBand'],
      [
        { dimension: 'district', values: ['510107'] },
        { dimension: 'employmentStatus', values: ['UNEMPLOYED'] },
      ],
    );
    expect(
      asFilter.body.data.statistics.cells.find((c: { categories: string[] }) => c.categories[0] === '35-44').count,
    ).toBe(wuhou.count);
    const csv = await fetch(
      new URL('/statistics.csv?measure=registeredUnemployed&dimensions=district,ageBand', stack.gatewayUrl),
      { headers: { authorization: `Bearer ${await stack.token(ANALYST)}` } },
    );
    expect(await csv.text()).toContain(`510107,武侯区,35-44,35 to 44,PUBLISHED,${wuhou.count},,`);
  });

  it('suppresses a sum one contributor dominates, and publishes counts of enterprises by industry and penalties', async () => {
    const res = await table(ANALYST, 'penalties', ['industry']);
    expect(res.body.errors).toBeUndefined();
    const software = res.body.data.statistics.cells.find((c: { categories: string[] }) => c.categories[0] === 'I');
    // 42 penalties, 40 of them one enterprise's: 95% > 85%.
    expect(software).toMatchObject({ status: 'SUPPRESSED_DOMINANT', sum: null, mean: null });
    expect(Math.abs(software.count - 14)).toBeLessThanOrEqual(2);
    const penalised = await table(ANALYST, 'enterprises', ['penalised']);
    const cells = penalised.body.data.statistics.cells;
    expect(cells.find((c: { categories: string[] }) => c.categories[0] === 'YES')).toMatchObject({
      status: 'SUPPRESSED_SMALL',
    });
    expect(cells.find((c: { categories: string[] }) => c.categories[0] === 'NO').status).toBe('PUBLISHED');
  });

  it('publishes sums and means where no one dominates', async () => {
    const res = await table(ANALYST, 'householdSize', ['district']);
    const wuhou = res.body.data.statistics.cells.find((c: { categories: string[] }) => c.categories[0] === '510107');
    expect(wuhou.status).toBe('PUBLISHED');
    // 60 one-person households: the sum moves by at most 10% of the largest contribution (1).
    expect(Math.abs(wuhou.sum - 60)).toBeLessThanOrEqual(0.1 + 1e-9);
    expect(wuhou.mean).toBeCloseTo(wuhou.sum / wuhou.count, 2);
  });

  it('refuses unknown measures, dimensions, categories, more than three dimensions and mixed populations, naming the argument', async () => {
    const cases: [string, string[], { dimension: string; values: string[] }[] | undefined, string, string][] = [
      ['nobody', [], undefined, 'measure', 'known'],
      ['residents', ['shoeSize'], undefined, 'dimensions[0]', 'known'],
      ['residents', ['district', 'ageBand', 'gender', 'householdSize'], undefined, 'dimensions', 'max'],
      ['residents', ['industry'], undefined, 'dimensions[0]', 'population'],
      ['residents', ['district', 'district'], undefined, 'dimensions[1]', 'distinct'],
      ['residents', [], [{ dimension: 'district', values: ['999999'] }], 'filter[0].values', 'category'],
      ['residents', [], [{ dimension: 'district', values: [] }], 'filter[0].values', 'count'],
    ];
    for (const [measure, dimensions, filter, argument, rule] of cases) {
      const res = await table(ANALYST, measure, dimensions, filter);
      expect({
        argument,
        errors: res.body.errors?.map((e: { extensions?: Record<string, unknown> }) => e.extensions),
      }).toEqual({
        argument,
        errors: [expect.objectContaining({ code: 'BAD_USER_INPUT', argument, rule })],
      });
    }
  });

  it('describes every measure and dimension in the catalogue, with sources and the published bounds', async () => {
    const res = await stack.graphql(
      'query C { statisticsCatalogue { threshold dominance maxCountDeviation countNoiseVariance measures { name population sources dimensions } dimensions { name source categories { code label } } } }',
      { token: await stack.token(ANALYST) },
    );
    const catalogue = res.body.data.statisticsCatalogue;
    expect(catalogue).toMatchObject({ threshold: 10, dominance: 0.85, maxCountDeviation: 2, countNoiseVariance: 1 });
    expect(catalogue.measures.map((m: { name: string }) => m.name)).toEqual(MEASURES.map((m) => m.name));
    expect(catalogue.dimensions.find((d: { name: string }) => d.name === 'ageBand').categories).toHaveLength(7);
  });
});

describe('who may ask', () => {
  it('refuses citizens, auditors and anonymous callers, through the gateway and straight at the subgraph', async () => {
    const citizen = await table({ role: 'citizen', sub: wuhouAdults[0].id, dept: null, scopes: [] }, 'residents', [
      'district',
    ]);
    expect(citizen.body.data.statistics).toBeNull();
    expect(citizen.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const auditor = await table(AUDITOR, 'residents', ['district']);
    expect(auditor.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const anonymous = await stack.graphql(TABLE, { variables: { m: 'residents', d: [] } });
    expect(anonymous.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const direct = await stack.subgraph(
      'statistics',
      TABLE,
      { m: 'residents', d: ['district'] },
      { identity: ANALYST },
    );
    expect(direct.body.errors).toBeUndefined();
    expect(direct.body.data.statistics.cells).toHaveLength(21);
    const directCitizen = await stack.subgraph(
      'statistics',
      TABLE,
      { m: 'residents', d: [] },
      {
        identity: { role: 'citizen', sub: wuhouAdults[0].id, dept: null, scopes: [] },
      },
    );
    expect(directCitizen.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('lets only officers with statistics:write and analysts of the statistics department start a refresh', async () => {
    const mutation = 'mutation R { refreshStatistics { id } }';
    const other = await stack.graphql(mutation, { token: await stack.token(OTHER_ANALYST) });
    expect(other.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const officer = await stack.graphql(mutation, { token: await stack.token(OFFICER) });
    expect(officer.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('CSV', () => {
  const csvUrl = (query: string) => new URL(`/statistics.csv?${query}`, stack.gatewayUrl).toString();

  it('exports a table with its disclosure notes, the same figures as the query', async () => {
    const response = await fetch(
      csvUrl('measure=residents&dimensions=district,ageBand&filter=district:510107,510104'),
      {
        headers: { authorization: `Bearer ${await stack.token(ANALYST)}` },
      },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    const text = await response.text();
    const lines = text.trim().split('\n');
    expect(lines.filter((l) => l.startsWith('#')).join(' ')).toMatch(/suppressed.*perturbed/s);
    expect(lines).toContain('district,district label,ageBand,ageBand label,status,count,sum,mean');
    expect(lines).toContain('510104,锦江区,65+,65 and over,SUPPRESSED_SMALL,,,');
    const query = await table(
      ANALYST,
      'residents',
      ['district', 'ageBand'],
      [{ dimension: 'district', values: ['510107', '510104'] }],
    );
    const wuhou = query.body.data.statistics.cells.find(
      (c: { categories: string[] }) => c.categories.join('|') === '510107|35-44',
    );
    expect(lines).toContain(`510107,武侯区,35-44,35 to 44,PUBLISHED,${wuhou.count},,`);
    expect(lines.at(-1)).toMatch(/^TOTAL,total,,,PUBLISHED,\d+,,$/);
  });

  it('refuses a citizen (403), an anonymous caller (401) and a bad parameter (400 naming it)', async () => {
    const citizen = await fetch(csvUrl('measure=residents'), {
      headers: { authorization: `Bearer ${await stack.token({ role: 'citizen', sub: wuhouAdults[0].id })}` },
    });
    expect(citizen.status).toBe(403);
    const anonymous = await fetch(csvUrl('measure=residents'));
    expect(anonymous.status).toBe(401);
    const bad = await fetch(csvUrl('measure=residents&dimensions=shoeSize'), {
      headers: { authorization: `Bearer ${await stack.token(ANALYST)}` },
    });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({
      errors: [{ extensions: { code: 'BAD_USER_INPUT', argument: 'dimensions[0]' } }],
    });
    const unknown = await fetch(csvUrl('measure=residents&person=x'), {
      headers: { authorization: `Bearer ${await stack.token(ANALYST)}` },
    });
    expect(unknown.status).toBe(400);
  });
});

describe('differencing', () => {
  it('cannot average the noise away: the two tables that differ by one person answer the same, however often asked', async () => {
    const all = await table(ANALYST, 'residents', [], [{ dimension: 'district', values: ['510105'] }]);
    const allButOld = await table(
      ANALYST,
      'residents',
      [],
      [
        { dimension: 'district', values: ['510105'] },
        { dimension: 'ageBand', values: ['0-14', '15-24', '25-34', '35-44', '45-54', '55-64'] },
      ],
    );
    const difference = all.body.data.statistics.total.count - allButOld.body.data.statistics.total.count;
    for (let i = 0; i < 5; i += 1) {
      const a = await table(ANALYST, 'residents', [], [{ dimension: 'district', values: ['510105'] }]);
      expect(a.body.data.statistics.total.count - allButOld.body.data.statistics.total.count).toBe(difference);
    }
    expect(Math.abs(difference - 1)).toBeLessThanOrEqual(4);
    expect(lonely).toBeDefined();
  });

  it('does not reveal whether a seeded person is in a group, over many trials of the planned attack', () => {
    // Each trial is another month: the rest of the district changes, the target's record key stays.
    const targetKey = randomBytes(4).readUInt32BE(0);
    const trials = 2000;
    const seen: Record<'in' | 'out', Map<number, number>> = { in: new Map(), out: new Map() };
    let rightGuesses = 0;
    for (let t = 0; t < trials; t += 1) {
      const present = t % 2 === 0;
      const others = 200 + (t % 50);
      const data = population(others, present ? targetKey : null);
      const all = computeTable(
        data,
        checkQuery('residents', [], [{ dimension: 'district', values: ['510105'] }]),
        DEFAULT_DISCLOSURE,
      );
      const without = computeTable(
        data,
        checkQuery(
          'residents',
          [],
          [
            { dimension: 'district', values: ['510105'] },
            { dimension: 'ageBand', values: ['0-14', '15-24', '25-34', '35-44', '45-54', '55-64'] },
          ],
        ),
        DEFAULT_DISCLOSURE,
      );
      const difference = all.total.count! - without.total.count!;
      const bucket = seen[present ? 'in' : 'out'];
      bucket.set(difference, (bucket.get(difference) ?? 0) + 1);
      // The attacker's best single rule: "a positive difference means the person is there".
      if (difference >= 1 === present) rightGuesses += 1;
    }
    // Without protection every trial would be guessed right (a difference of exactly 1 or 0).
    expect(rightGuesses / trials).toBeLessThan(0.75);
    // How often the attacker is (nearly) sure: the difference seen is over 8 times likelier in one
    // world than in the other. With noise of at most ±2 per cell only the extremes are (about 3%).
    let sure = 0;
    for (const [world, other] of [
      [seen.in, seen.out],
      [seen.out, seen.in],
    ] as const) {
      for (const [difference, times] of world) {
        if ((times + 1) / ((other.get(difference) ?? 0) + 1) > 8) sure += times;
      }
    }
    expect(sure / trials).toBeLessThan(0.1);
    expect(seen.in.size).toBeGreaterThanOrEqual(4);
  });

  it('keeps every published count within ±2 of the truth and never publishes counts of 1 or 2 unperturbed', () => {
    let largest = 0;
    let negative = 0;
    const unperturbedSmall: number[] = [];
    let total = 0;
    let squares = 0;
    let draws = 0;
    for (let count = 1; count <= 50; count += 1) {
      const keys = randomBytes(4 * 2000);
      for (let i = 0; i < 2000; i += 1) {
        const noise = countNoise(count, keys.readUInt32BE(4 * i));
        largest = Math.max(largest, Math.abs(noise));
        if (count + noise < 0) negative += 1;
        if (count <= 2 && noise === 0) unperturbedSmall.push(count);
        total += noise;
        squares += noise * noise;
        draws += 1;
      }
    }
    expect({ largest, negative, unperturbedSmall }).toEqual({ largest: 2, negative: 0, unperturbedSmall: [] });
    // Zero mean and variance 1, as published (100 000 draws: the sample mean is within ±0.02).
    expect(Math.abs(total / draws)).toBeLessThan(0.02);
    expect(Math.abs(squares / draws - 1)).toBeLessThan(0.03);
  });
});

/** A synthetic population of one district (510105): `others` aged 35-44, and the target aged 65+ when given. */
function population(others: number, target: number | null): StatisticsData {
  const size = others + (target === null ? 0 : 1);
  const columns = (pop: Population, n: number): PopulationColumns => ({
    size: n,
    recordKeys: new Uint32Array(n),
    dimensions: new Map(DIMENSIONS.filter((d) => d.population === pop).map((d) => [d.name, new Uint8Array(n)])),
    magnitudes: new Map(
      MEASURES.filter((m) => m.population === pop && m.magnitude).map((m) => [m.name, new Float64Array(n)]),
    ),
  });
  const persons = columns('PERSON', size);
  const district = DIMENSIONS.find((d) => d.name === 'district')!.categories.findIndex((c) => c.code === '510105');
  const bands = DIMENSIONS.find((d) => d.name === 'ageBand')!.categories;
  const keys = randomBytes(4 * size);
  for (let i = 0; i < size; i += 1) {
    const isTarget = target !== null && i === size - 1;
    persons.recordKeys[i] = isTarget ? target : keys.readUInt32BE(4 * i);
    persons.dimensions.get('district')![i] = district;
    persons.dimensions.get('ageBand')![i] = bands.findIndex((b) => b.code === (isTarget ? '65+' : '35-44'));
  }
  return {
    populations: { PERSON: persons, ORGANIZATION: columns('ORGANIZATION', 0), POSTING: columns('POSTING', 0) },
    sources: [],
    runId: 1,
  };
}
