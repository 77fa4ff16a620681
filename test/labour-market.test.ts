import type { Identity } from '../subgraphs/shared/identity';
import { addDays, todayInChina } from '../subgraphs/labour-market/catalogue';
import { gramKey, searchGrams } from '../subgraphs/labour-market/search-grams';
import { feedQuery } from '../subgraphs/labour-market/feed';
import { forgetSearchStatistics, searchStrategy } from '../subgraphs/labour-market/entities/job.repository';
import {
  addJobPostings,
  addOrganizations,
  addPerson,
  type OrganizationFixture,
  type PersonFixture,
} from './support/fixtures';
import { startStack, type GraphQLResponse, type TestStack } from './support/stack';

/**
 * The labour-market registry through the gateway: the public job feed (keyword search, filters,
 * facets, pages), the district counters, postings written by an employer's legal representative
 * or an hrss officer with every rule a careless or hostile client could break, and the same
 * feed straight at the subgraph.
 */

let stack: TestStack;
let boss: PersonFixture;
let stranger: PersonFixture;
let employer: OrganizationFixture;
let other: OrganizationFixture;
let gone: OrganizationFixture;

const HRSS: Identity = { sub: 'hr-clerk-1', role: 'officer', dept: 'hrss', scopes: ['labour:write'] };
const MARKET: Identity = { sub: 'mr-clerk-1', role: 'officer', dept: 'market-regulation', scopes: ['labour:write'] };
const citizen = (p: PersonFixture): Identity => ({ sub: p.id, role: 'citizen', dept: null, scopes: [] });

const today = todayInChina();

async function gql(identity: Identity | null, query: string, variables: Record<string, unknown> = {}) {
  return stack.graphql(query, { token: identity ? await stack.token(identity) : undefined, variables });
}

const FEED = `query Feed($filter: JobFilter, $orderBy: JobOrder, $first: Int, $after: String) {
  jobs(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
    totalCount
    edges { cursor node { id title salaryMin districtName employer { creditCode name } occupation { code name } } }
    pageInfo { hasNextPage endCursor }
    districtCounts { districtCode districtName count }
    occupationCounts { occupation { code } count }
  }
}`;

async function feed(filter: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  const res = await gql(null, FEED, { filter, ...extra });
  expect(res.body.errors).toBeUndefined();
  return res.body.data.jobs as {
    totalCount: number;
    edges: { cursor: string; node: { id: string; title: string; salaryMin: number; employer: { name: string } } }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    districtCounts: { districtCode: string; districtName: string; count: number }[];
    occupationCounts: { occupation: { code: string }; count: number }[];
  };
}

const POST = `mutation Post($input: PostJobInput!) {
  postJob(input: $input) { id reference title status postedOn expiresOn districtName employer { creditCode name } occupation { name } }
}`;

function posting(overrides: Record<string, unknown> = {}) {
  return {
    employerCreditCode: employer.creditCode,
    reference: `HR-${Math.random().toString(36).slice(2, 10)}`,
    title: '出纳专员',
    description: '负责现金收付、银行结算、票据保管。',
    occupation: 'CASHIER_CLERK',
    districtCode: '510107',
    workAddress: '成都市武侯区天府大道北段1700号',
    salaryMin: 6500,
    salaryMax: 9000,
    education: 'JUNIOR_COLLEGE',
    experienceYears: 2,
    headcount: 2,
    contactName: '李女士',
    contactPhone: '028-85551234',
    expiresOn: addDays(today, 30),
    ...overrides,
  };
}

function expectBadInput(res: GraphQLResponse<any>, field: string) {
  expect(res.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  expect(res.body.errors?.[0]?.extensions?.argument).toBe(field);
}

async function postingCount(): Promise<number> {
  const [row] = await stack.sql<{ n: string }>('labour-market', 'select count(*) as n from job_posting');
  return Number(row.n);
}

beforeAll(async () => {
  stack = await startStack();
  boss = await addPerson(stack, { name: '李老板' });
  stranger = await addPerson(stack, { name: '路人甲' });
  [employer] = await addOrganizations(stack, [boss.id], { namePrefix: '成都锦城财税' });
  [other] = await addOrganizations(stack, [stranger.id], {
    namePrefix: '成都蓉城餐饮',
    districtCode: '510104',
    industryCode: 'H6210',
  });
  [gone] = await addOrganizations(stack, [boss.id], { status: 'DEREGISTERED', namePrefix: '成都已注销' });
});

afterAll(async () => {
  await stack?.stop();
});

describe('public catalogues and counters', () => {
  it('lists the occupations by GB/T 6565 major group and the 20 district counters, without a token', async () => {
    const res = await gql(
      null,
      '{ occupations { code name majorGroup majorGroupName } serviceCounters { districtCode districtName name address phone openingHours } }',
    );
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.occupations).toContainEqual({
      code: 'ACCOUNTANT',
      name: '会计',
      majorGroup: 2,
      majorGroupName: '专业技术人员',
    });
    expect(res.body.data.serviceCounters).toHaveLength(20);
    expect(
      res.body.data.serviceCounters.find((c: { districtCode: string }) => c.districtCode === '510107'),
    ).toMatchObject({ districtName: '武侯区', name: '成都市武侯区公共就业服务中心' });
  });

  it('refuses an unknown district counter as bad input', async () => {
    expectBadInput(await gql(null, '{ serviceCounter(districtCode: "110101") { name } }'), 'districtCode');
  });
});

describe('posting a job', () => {
  it('lets the legal representative post for their organization, checked in legal-person on their behalf', async () => {
    const input = posting({ reference: 'HR-2026-001' });
    const res = await gql(citizen(boss), POST, { input });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.postJob).toMatchObject({
      reference: 'HR-2026-001',
      title: '出纳专员',
      status: 'OPEN',
      postedOn: today,
      districtName: '武侯区',
      // The employer's name comes from the legal-person registry through the graph.
      employer: { creditCode: employer.creditCode, name: employer.name },
      occupation: { name: '出纳' },
    });
    // The check ran in legal-person as the citizen, via this registry.
    const [record] = await stack.sql<{ via: string; actor_sub: string }>(
      'legal-person',
      `select via, actor_sub from access_record where via = 'labour-market' order by id desc limit 1`,
    );
    expect(record).toMatchObject({ via: 'labour-market', actor_sub: boss.id });

    // The same reference again is the same posting.
    const again = await gql(citizen(boss), POST, { input });
    expect(again.body.data.postJob.id).toBe(res.body.data.postJob.id);
  });

  it('refuses the same reference for a different posting, naming what differs', async () => {
    await gql(citizen(boss), POST, { input: posting({ reference: 'HR-2026-002' }) });
    const res = await gql(citizen(boss), POST, { input: posting({ reference: 'HR-2026-002', title: '出纳' }) });
    expectBadInput(res, 'input.reference');
    expect(res.body.errors![0].message).toContain('title');
  });

  it('creates one posting when the same submission arrives five times at once', async () => {
    const input = posting({ reference: 'HR-2026-CONCURRENT' });
    const token = await stack.token(citizen(boss));
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => stack.graphql(POST, { token, variables: { input } })),
    );
    const ids = new Set(answers.map((a) => a.body.data?.postJob?.id));
    expect(answers.every((a) => a.body.errors === undefined)).toBe(true);
    expect(ids.size).toBe(1);
    const rows = await stack.sql('labour-market', `select id from job_posting where reference = 'HR-2026-CONCURRENT'`);
    expect(rows).toHaveLength(1);
  });

  it('refuses a citizen who does not represent the employer, an anonymous caller and an officer of another department', async () => {
    const before = await postingCount();
    const byStranger = await gql(citizen(stranger), POST, { input: posting() });
    expect(byStranger.body.errors![0].extensions!.code).toBe('FORBIDDEN');
    expect(byStranger.body.errors![0].message).toContain('legal representative');
    const anonymous = await gql(null, POST, { input: posting() });
    expect(anonymous.body.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    const market = await gql(MARKET, POST, { input: posting() });
    expect(market.body.errors![0].extensions!.code).toBe('FORBIDDEN');
    expect(await postingCount()).toBe(before);
  });

  it('lets an hrss officer with labour:write post for any existing organization', async () => {
    const res = await gql(HRSS, POST, {
      input: posting({
        employerCreditCode: other.creditCode,
        title: '中餐厨师',
        occupation: 'CHEF',
        districtCode: '510104',
      }),
    });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.postJob.employer.name).toBe(other.name);
  });

  it('refuses an employer that is not registered or not active, and writes nothing', async () => {
    const before = await postingCount();
    const missing = '91510107MA6CM1TK2X';
    const unknown = await gql(HRSS, POST, { input: posting({ employerCreditCode: missing }) });
    // A valid-looking code that names no organization.
    expect(unknown.body.errors![0].extensions!.argument).toBe('input.employerCreditCode');
    const deregistered = await gql(HRSS, POST, { input: posting({ employerCreditCode: gone.creditCode }) });
    expectBadInput(deregistered, 'input.employerCreditCode');
    expect(deregistered.body.errors![0].message).toContain('DEREGISTERED');
    expect(await postingCount()).toBe(before);
  });

  it.each([
    ['input.title', { title: '会'.repeat(51) }],
    ['input.title', { title: '   ' }],
    ['input.description', { description: 'x'.repeat(2001) }],
    ['input.occupation', { occupation: 'ASTRONAUT' }],
    ['input.districtCode', { districtCode: '110101' }],
    ['input.salaryMin', { salaryMin: 0 }],
    ['input.salaryMax', { salaryMin: 9000, salaryMax: 6000 }],
    ['input.salaryMax', { salaryMax: 2_000_000_000 }],
    ['input.experienceYears', { experienceYears: -1 }],
    ['input.headcount', { headcount: 100_000 }],
    ['input.contactPhone', { contactPhone: '12345' }],
    ['input.contactName', { contactName: '\u0000' }],
    ['input.expiresOn', { expiresOn: addDays(today, -1) }],
    ['input.expiresOn', { expiresOn: addDays(today, 181) }],
    ['input.employerCreditCode', { employerCreditCode: 'not-a-code' }],
  ])('refuses bad %s and writes nothing', async (field, overrides) => {
    const before = await postingCount();
    expectBadInput(await gql(HRSS, POST, { input: posting(overrides) }), field);
    expect(await postingCount()).toBe(before);
  });

  it('keeps the grams of a posting written through the gateway: found by a 1- and a 2-character term', async () => {
    // 𠮷 (U+20BB7) is outside the BMP: its key is folded and shared with 𡎷 (U+213B7), which the
    // LIKE recheck tells apart.
    const posted = await gql(HRSS, POST, {
      input: posting({ title: '鲸鲵仓库管理员', description: '负责𠮷字号货品的出入库。' }),
    });
    expect(posted.body.errors).toBeUndefined();
    const id = posted.body.data.postJob.id;
    const ids = async (keyword: string) => (await feed({ keyword })).edges.map((e) => e.node.id);
    expect(await ids('鲵')).toEqual([id]);
    expect(await ids('鲸鲵')).toEqual([id]);
    expect(await ids('鲵仓')).toEqual([id]);
    expect(await ids('鲸鲵 货品')).toEqual([id]);
    expect(await ids('𠮷')).toEqual([id]);
    expect(await ids('𠮷字')).toEqual([id]);
    expect(await ids('𡎷')).toEqual([]);
    expect(await ids('鲵鲸')).toEqual([]);
    const [row] = await stack.sql<{ same: boolean }>(
      'labour-market',
      `select search_grams = job_search_grams(title || ' ' || description || ' ' || employer_name) as same
         from job_posting where id = $1`,
      [id],
    );
    expect(row.same).toBe(true);
  });

  it('closes a posting (idempotently) and it leaves the feed, while job(id) still shows it', async () => {
    const posted = await gql(citizen(boss), POST, {
      input: posting({ reference: 'HR-CLOSE', title: '审计助理鲲鹏', occupation: 'AUDITOR' }),
    });
    const id = posted.body.data.postJob.id;
    expect((await feed({ keyword: '鲲鹏' })).totalCount).toBe(1);
    const CLOSE = 'mutation C($input: CloseJobInput!) { closeJob(input: $input) { id status } }';
    expect(
      (await gql(citizen(stranger), CLOSE, { input: { id, status: 'FILLED' } })).body.errors![0].extensions!.code,
    ).toBe('FORBIDDEN');
    const closed = await gql(citizen(boss), CLOSE, { input: { id, status: 'FILLED' } });
    expect(closed.body.data.closeJob).toEqual({ id, status: 'FILLED' });
    expect((await gql(citizen(boss), CLOSE, { input: { id, status: 'FILLED' } })).body.data.closeJob.status).toBe(
      'FILLED',
    );
    expectBadInput(await gql(citizen(boss), CLOSE, { input: { id, status: 'CLOSED' } }), 'input.status');
    expect((await feed({ keyword: '鲲鹏' })).totalCount).toBe(0);
    expect((await feed({ keyword: '鲲' })).totalCount).toBe(0);
    const shown = await gql(null, 'query J($id: ID!) { job(id: $id) { title status expired } }', { id });
    expect(shown.body.data.job).toEqual({ title: '审计助理鲲鹏', status: 'FILLED', expired: false });
  });
});

describe('the public feed', () => {
  let ranked: { titleHit: string; descriptionHit: string; employerHit: string };

  beforeAll(async () => {
    const base = { employerCreditCode: other.creditCode, employerName: other.name, industry: 'H6210' };
    await addJobPostings(stack, [
      ...['往来会计', '费用会计', '会计助理'].map((title) => ({
        employerCreditCode: employer.creditCode,
        employerName: employer.name,
        title,
        districtCode: '510108',
      })),
      // The Done-when journey: 会计 in 武侯区 at 6000 or more, among others.
      ...Array.from({ length: 7 }, (_, i) => ({
        ...base,
        title: `总账会计${i}`,
        occupationCode: 'ACCOUNTANT',
        districtCode: '510107',
        salaryMin: 6000 + i * 500,
        salaryMax: 9000 + i * 500,
        postedOn: addDays(today, -i),
      })),
      { ...base, title: '成本会计', occupationCode: 'ACCOUNTANT', districtCode: '510107', salaryMin: 4000 },
      { ...base, title: '税务会计', occupationCode: 'ACCOUNTANT', districtCode: '510106', salaryMin: 7000 },
      { ...base, title: '会计主管', occupationCode: 'ACCOUNTANT', districtCode: '510104', salaryMin: 8000 },
      { ...base, title: '过期会计', districtCode: '510107', salaryMin: 7000, expiresOn: addDays(today, -1) },
      { ...base, title: '关闭会计', districtCode: '510107', salaryMin: 7000, status: 'CLOSED' },
      { ...base, title: '收银员', occupationCode: 'STORE_CASHIER', districtCode: '510107', salaryMin: 6000 },
    ]);
    const [titleHit, descriptionHit, employerHit] = await addJobPostings(stack, [
      { ...base, title: '麒麟排序测试', description: '普通岗位。', postedOn: addDays(today, -20) },
      { ...base, title: '普通岗位', description: '熟悉麒麟排序测试流程。', postedOn: today },
      { ...base, title: '普通岗位', employerName: '麒麟排序测试有限公司', postedOn: addDays(today, -1) },
    ]);
    ranked = { titleHit: titleHit.id, descriptionHit: descriptionHit.id, employerHit: employerHit.id };
  });

  it('finds 会计 jobs in 武侯区 paying at least 6000 for an anonymous caller, with counts per district', async () => {
    const jobs = await feed({ keyword: '会计', districts: ['510107'], minSalary: 6000 });
    expect(jobs.totalCount).toBe(7);
    expect(jobs.edges.map((e) => e.node.title).sort()).toEqual(Array.from({ length: 7 }, (_, i) => `总账会计${i}`));
    expect(jobs.edges.every((e) => e.node.salaryMin >= 6000)).toBe(true);
    // District counts ignore the district filter, so the other districts show what they have.
    const counts = Object.fromEntries(jobs.districtCounts.map((d) => [d.districtName, d.count]));
    expect(counts['武侯区']).toBe(7);
    expect(counts['金牛区']).toBe(1);
    expect(counts['锦江区']).toBeGreaterThanOrEqual(1);
    expect(counts['过期']).toBeUndefined();
    expect(jobs.occupationCounts).toContainEqual({ occupation: { code: 'ACCOUNTANT' }, count: 7 });
  });

  it('never shows expired or closed postings', async () => {
    const titles = (await feed({ keyword: '会计' }, { first: 50 })).edges.map((e) => e.node.title);
    expect(titles).not.toContain('过期会计');
    expect(titles).not.toContain('关闭会计');
  });

  it('matches 1-character terms, every term of several, and finds a term in title, description or employer name', async () => {
    expect((await feed({ keyword: '麒' })).totalCount).toBe(3);
    expect((await feed({ keyword: '麒麟 流程' })).totalCount).toBe(1);
    expect((await feed({ keyword: '麒麟 不存在的词' })).totalCount).toBe(0);
    // Bigrams alone would match 排序 + 序测 in "排序测": the recheck requires the term itself.
    expect((await feed({ keyword: '排测' })).totalCount).toBe(0);
  });

  it('ranks title matches first, then newest', async () => {
    const jobs = await feed({ keyword: '麒麟排序测试' });
    expect(jobs.edges.map((e) => e.node.id)).toEqual([ranked.titleHit, ranked.descriptionHit, ranked.employerHit]);
    const newest = await feed({ keyword: '麒麟排序测试' }, { orderBy: 'NEWEST' });
    expect(newest.edges.map((e) => e.node.id)).toEqual([ranked.descriptionHit, ranked.employerHit, ranked.titleHit]);
  });

  it('serves a relevance page rank by rank, asking for the next rank only when a rank runs out', async () => {
    const PAGE = `query Page($filter: JobFilter, $first: Int) { jobs(filter: $filter, first: $first) { edges { node { id } } } }`;
    const pageStatements = async (filter: Record<string, unknown>, first: number) => {
      const { result, statements } = await stack.db['labour-market'].statements.measure(() =>
        gql(null, PAGE, { filter, first }),
      );
      expect(result.body.errors).toBeUndefined();
      return statements.filter((sql) => /from job_posting/.test(sql));
    };
    // Three title matches fill a page of three: one statement, the title rank only.
    expect(await pageStatements({ keyword: '会计' }, 3)).toHaveLength(1);
    // One title match, two elsewhere: the title rank, then the rest.
    expect(await pageStatements({ keyword: '麒麟排序测试' }, 20)).toHaveLength(2);
  });

  it('walks the newest postings for a term whose grams are all common, else leaves the plan to PostgreSQL', async () => {
    const common = new Map([
      [gramKey('工程'), 0.0744],
      [gramKey('程师'), 0.0373],
      [gramKey('会计'), 0.1362],
      [gramKey('出纳'), 0.0203],
    ]);
    expect(searchStrategy(feedQuery({ keyword: '工程师' }), common, 21)).toBe('walk');
    // 会计 出纳: each common, so the bound says walk (a walk that gives up is remembered as a miss).
    expect(searchStrategy(feedQuery({ keyword: '会计 出纳' }), common, 21)).toBe('walk');
    expect(searchStrategy(feedQuery({ keyword: '会计 出纳' }), common, 21, true)).toBe('planner');
    // A gram not among the most common ones is rare: the GIN index.
    expect(searchStrategy(feedQuery({ keyword: '工程监理' }), common, 21)).toBe('planner');
    // One gram: PostgreSQL's own estimate is that gram's frequency, and good.
    expect(searchStrategy(feedQuery({ keyword: '会计' }), common, 21)).toBe('planner');
    expect(searchStrategy(feedQuery({ keyword: '工程师' }), new Map(), 21)).toBe('planner');
    // A page too large for WALK_LIMIT at that frequency: the planner.
    expect(searchStrategy(feedQuery({ keyword: '工程师' }), common, 50 * 100)).toBe('planner');

    // The same pages either way: with statistics (analysed), 总账会计 walks; every page equals the
    // feed's order worked out in SQL (title rank, then newest), walked or not.
    const PAGE = `query Page($filter: JobFilter, $first: Int, $orderBy: JobOrder) { jobs(filter: $filter, first: $first, orderBy: $orderBy) { edges { node { id } } } }`;
    const expected = async (terms: string[], order: 'RELEVANCE' | 'NEWEST', n: number) => {
      const doc = "lower(title || ' ' || description || ' ' || employer_name)";
      const rank = order === 'NEWEST' ? '' : terms.map((_, i) => `(lower(title) like $${i + 1})::int`).join(' + ');
      const rows = await stack.sql<{ id: string }>(
        'labour-market',
        `select id from job_posting where status = 'OPEN' and expires_on >= $${terms.length + 1}::date
           and ${terms.map((_, i) => `${doc} like $${i + 1}`).join(' and ')}
         order by ${rank ? `${rank} desc, ` : ''}posted_on desc, id desc limit ${n}`,
        [...terms.map((t) => `%${t}%`), today],
      );
      return rows.map((row) => row.id);
    };
    const page = async (keyword: string, first: number, orderBy: 'RELEVANCE' | 'NEWEST' = 'RELEVANCE') => {
      const { result, statements } = await stack.db['labour-market'].statements.measure(() =>
        gql(null, PAGE, { filter: { keyword }, first, orderBy }),
      );
      expect(result.body.errors).toBeUndefined();
      return {
        ids: (result.body.data.jobs.edges as { node: { id: string } }[]).map((e) => e.node.id),
        walks: statements.filter((sql) => /limit 4000/.test(sql)).length,
      };
    };
    await stack.sql('labour-market', 'analyze job_posting');
    forgetSearchStatistics();
    const walked = await page('总账会计', 3);
    expect(walked.walks).toBe(1);
    expect(walked.ids).toEqual(await expected(['总账会计'], 'RELEVANCE', 3));
    const newest = await page('总账会计', 3, 'NEWEST');
    expect(newest.walks).toBe(1);
    expect(newest.ids).toEqual(await expected(['总账会计'], 'NEWEST', 3));
    // Two terms that rarely meet: the walk gives up, the GIN index answers, and next time it is not tried.
    const missed = await page('总账 会计主管', 20);
    expect(missed.ids).toEqual(await expected(['总账', '会计主管'], 'RELEVANCE', 20));
    const again = await page('总账 会计主管', 20);
    expect(again.walks).toBe(0);
    expect(again.ids).toEqual(missed.ids);
    forgetSearchStatistics();
  });

  it('counts a filter in one pass for the count and both facets, and again only after postings change', async () => {
    const counting = (sql: string) => /group by district_code, occupation_code/.test(sql);
    const measured = async (filter: Record<string, unknown>) => {
      const { result, statements } = await stack.db['labour-market'].statements.measure(() => feed(filter));
      return { jobs: result, counted: statements.filter(counting).length, statements };
    };
    const filter = { keyword: '会计', minSalary: 1 };
    const first = await measured(filter);
    expect(first.counted).toBe(1);
    expect(first.jobs.totalCount).toBeGreaterThan(0);
    // Asked again: the cells counted before, after one read of the feed's version.
    const again = await measured(filter);
    expect(again.counted).toBe(0);
    expect(again.statements.filter((sql) => /from job_feed_version/.test(sql))).toHaveLength(1);
    expect(again.jobs).toEqual(first.jobs);
    // Narrowed to a district, from the same cells: the count is that district's facet.
    const wuhou = await measured({ ...filter, districts: ['510107'] });
    expect(wuhou.counted).toBe(0);
    expect(wuhou.jobs.totalCount).toBe(first.jobs.districtCounts.find((d) => d.districtCode === '510107')!.count);
    expect(wuhou.jobs.districtCounts).toEqual(first.jobs.districtCounts);
    // A new posting is counted at once, and so is one closed by another process (straight in SQL).
    const res = await gql(HRSS, POST, { input: posting({ title: '计数会计', occupation: 'ACCOUNTANT' }) });
    expect(res.body.errors).toBeUndefined();
    const posted = await measured(filter);
    expect(posted.counted).toBe(1);
    expect(posted.jobs.totalCount).toBe(first.jobs.totalCount + 1);
    expect(posted.jobs.districtCounts.find((d) => d.districtCode === '510107')!.count).toBe(wuhou.jobs.totalCount + 1);
    await stack.sql('labour-market', "update job_posting set status = 'CLOSED', closed_on = posted_on where id = $1", [
      res.body.data.postJob.id,
    ]);
    expect((await measured(filter)).jobs.totalCount).toBe(first.jobs.totalCount);
  });

  it('treats LIKE wildcards in a keyword as plain characters', async () => {
    expect((await feed({ keyword: '%' })).totalCount).toBe(0);
    expect((await feed({ keyword: '会_' })).totalCount).toBe(0);
  });

  it('pages through the feed with cursors, every posting once, in every order', async () => {
    for (const orderBy of ['RELEVANCE', 'NEWEST', 'SALARY']) {
      const seen: string[] = [];
      let after: string | null = null;
      let total = 0;
      do {
        const page = await feed({ keyword: '会计' }, { first: 2, after, orderBy });
        total = page.totalCount;
        seen.push(...page.edges.map((e) => e.node.id));
        after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      } while (after);
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen.length).toBe(total);
    }
  });

  it('bounds anonymous callers: page size 1 to 50, keyword at most 50 characters, cursors of the same order', async () => {
    expectBadInput(await gql(null, FEED, { first: 51 }), 'first');
    expectBadInput(await gql(null, FEED, { first: 0 }), 'first');
    expectBadInput(await gql(null, FEED, { filter: { keyword: '会'.repeat(51) } }), 'filter.keyword');
    expectBadInput(await gql(null, FEED, { filter: { districts: ['999999'] } }), 'filter.districts[0]');
    expectBadInput(await gql(null, FEED, { filter: { industry: 'Z99' } }), 'filter.industry');
    expectBadInput(await gql(null, FEED, { filter: { minSalary: -1 } }), 'filter.minSalary');
    expectBadInput(await gql(null, FEED, { filter: { postedWithinDays: 0 } }), 'filter.postedWithinDays');
    expectBadInput(await gql(null, FEED, { after: 'forged' }), 'after');
    const page = await feed({ keyword: '会计' }, { first: 1, orderBy: 'SALARY' });
    expectBadInput(await gql(null, FEED, { after: page.pageInfo.endCursor, orderBy: 'NEWEST' }), 'after');
  });

  it('filters by industry of the employer, education accepted and posting age', async () => {
    expect((await feed({ keyword: '会计', industry: 'H' })).totalCount).toBe(10);
    const software = await feed({ keyword: '会计', industry: 'I65' });
    expect(software.totalCount).toBe(3);
    expect(software.edges.every((e) => e.node.employer.name === employer.name)).toBe(true);
    expect((await feed({ keyword: '会计', education: 'JUNIOR_SECONDARY' })).totalCount).toBe(0);
    const recent = await feed({ keyword: '总账会计', postedWithinDays: 3 });
    expect(recent.totalCount).toBe(3);
  });

  it('answers the same feed straight at the subgraph, anonymously', async () => {
    const res = await stack.subgraph(
      'labour-market',
      FEED.replace(' name } occupation', ' } occupation'),
      {
        filter: { keyword: '会计', districts: ['510107'], minSalary: 6000 },
      },
      { identity: null },
    );
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.jobs.totalCount).toBe(7);
  });

  it('shows a district counter with its local feed', async () => {
    const res = await gql(
      null,
      '{ serviceCounter(districtCode: "510106") { name jobs(first: 5) { totalCount edges { node { title districtCode } } } } }',
    );
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.serviceCounter.jobs.totalCount).toBe(1);
    expect(res.body.data.serviceCounter.jobs.edges[0].node).toEqual({ title: '税务会计', districtCode: '510106' });
  });

  it('shows Organization.jobs through the graph, one labour-market fetch for a list of organizations', async () => {
    stack.resetCounts();
    const res = await gql(
      null,
      `query O { organizations(filter: { nameContains: "成都" }, first: 10) {
        edges { node { creditCode name jobs(first: 3) { totalCount edges { node { title employer { name } } } } } }
      } }`,
    );
    expect(res.body.errors).toBeUndefined();
    const byCode = Object.fromEntries(
      res.body.data.organizations.edges.map((e: { node: { creditCode: string } }) => [e.node.creditCode, e.node]),
    );
    expect(byCode[employer.creditCode].jobs.totalCount).toBeGreaterThanOrEqual(3);
    expect(byCode[employer.creditCode].jobs.edges).toHaveLength(3);
    expect(byCode[employer.creditCode].jobs.edges[0].node.employer.name).toBe(employer.name);
    expect(byCode[other.creditCode].jobs.totalCount).toBeGreaterThan(10);
    expect(byCode[gone.creditCode].jobs).toEqual({ totalCount: 0, edges: [] });
    // Every organization's jobs in one fetch to labour-market (its loaders batch the statements).
    expect(stack.fetches['labour-market']).toBe(1);
  });
});

describe('job-seekers and applications', () => {
  let seeker: PersonFixture;
  let shy: PersonFixture;
  let jobId: string;

  const PROFILE = `mutation Profile($input: JobSeekerProfileInput!) {
    saveJobSeekerProfile(input: $input) { displayName desiredOccupations { code } desiredDistricts desiredSalary visibleToEmployers }
  }`;
  const APPLY = 'mutation Apply($id: ID!) { applyForJob(jobId: $id) { id status job { id title } } }';
  const APPLICATIONS = `query Applications($id: ID!) { job(id: $id) { title applications {
    id status applicant { displayName contactPhone education experienceYears skills availability desiredOccupations { name } }
  } } }`;
  const STATUS =
    'mutation Status($input: SetApplicationStatusInput!) { setApplicationStatus(input: $input) { id status } }';
  const profile = (overrides: Record<string, unknown> = {}) => ({
    displayName: '张同学',
    contactPhone: '13800138000',
    desiredOccupations: ['ACCOUNTANT'],
    desiredDistricts: ['510107'],
    desiredSalary: 6000,
    education: 'BACHELOR',
    experienceYears: 2,
    skills: '总账 财务软件 纳税申报',
    availability: '随时到岗',
    visibleToEmployers: true,
    ...overrides,
  });

  beforeAll(async () => {
    seeker = await addPerson(stack, { name: '张求职' });
    shy = await addPerson(stack, { name: '王低调' });
    const posted = await gql(citizen(boss), POST, {
      input: posting({ reference: 'HR-APPLY', title: '总账会计助理', occupation: 'ACCOUNTANT' }),
    });
    jobId = posted.body.data.postJob.id;
  });

  it('keeps a citizen’s job-seeker profile, refusing bad fields by name', async () => {
    const saved = await gql(citizen(seeker), PROFILE, { input: profile() });
    expect(saved.body.errors).toBeUndefined();
    expect(saved.body.data.saveJobSeekerProfile).toEqual({
      displayName: '张同学',
      desiredOccupations: [{ code: 'ACCOUNTANT' }],
      desiredDistricts: ['510107'],
      desiredSalary: 6000,
      visibleToEmployers: true,
    });
    expectBadInput(
      await gql(citizen(seeker), PROFILE, { input: profile({ desiredOccupations: ['NOPE'] }) }),
      'input.desiredOccupations[0]',
    );
    expectBadInput(
      await gql(citizen(seeker), PROFILE, { input: profile({ contactPhone: '123' }) }),
      'input.contactPhone',
    );
    expect((await gql(HRSS, PROFILE, { input: profile() })).body.errors![0].extensions!.code).toBe('FORBIDDEN');
    const mine = await gql(citizen(seeker), '{ myJobSeekerProfile { displayName skills } }');
    expect(mine.body.data.myJobSeekerProfile).toEqual({ displayName: '张同学', skills: '总账 财务软件 纳税申报' });
  });

  it('applies once: five concurrent applications and a repeat are the same application', async () => {
    const token = await stack.token(citizen(seeker));
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => stack.graphql(APPLY, { token, variables: { id: jobId } })),
    );
    expect(answers.map((a) => a.body.errors)).toEqual(answers.map(() => undefined));
    expect(new Set(answers.map((a) => a.body.data.applyForJob.id)).size).toBe(1);
    const again = await gql(citizen(seeker), APPLY, { id: jobId });
    expect(again.body.data.applyForJob.id).toBe(answers[0].body.data.applyForJob.id);
    const rows = await stack.sql('labour-market', 'select id from job_application where job_id = $1', [jobId]);
    expect(rows).toHaveLength(1);
  });

  it('refuses applications to a closed posting or an unknown one', async () => {
    const [closed] = await addJobPostings(stack, [
      { employerCreditCode: employer.creditCode, employerName: employer.name, title: '已关闭', status: 'CLOSED' },
    ]);
    expectBadInput(await gql(citizen(seeker), APPLY, { id: closed.id }), 'jobId');
    expectBadInput(await gql(citizen(seeker), APPLY, { id: '00000000-0000-4000-8000-000000000000' }), 'jobId');
  });

  it('shows the employer’s representative the applications with the shared profile only, and logs it against the applicant', async () => {
    await gql(citizen(shy), PROFILE, { input: profile({ displayName: '王先生', visibleToEmployers: false }) });
    await gql(citizen(shy), APPLY, { id: jobId });
    const res = await gql(citizen(boss), APPLICATIONS, { id: jobId });
    expect(res.body.errors).toBeUndefined();
    const applications = res.body.data.job.applications;
    expect(applications).toHaveLength(2);
    const shared = applications.find((a: { applicant: unknown }) => a.applicant !== null);
    expect(shared.applicant).toEqual({
      displayName: '张同学',
      contactPhone: '13800138000',
      education: 'BACHELOR',
      experienceYears: 2,
      skills: '总账 财务软件 纳税申报',
      availability: '随时到岗',
      desiredOccupations: [{ name: '会计' }],
    });
    // The one who chose not to share shows only that they applied.
    expect(applications.filter((a: { applicant: unknown }) => a.applicant === null)).toHaveLength(1);
    // Nothing in the answer is an ID number.
    expect(JSON.stringify(res.body)).not.toContain(seeker.idNumber);
    const [logged] = await stack.sql<{ actor_sub: string; fields: string[] }>(
      'labour-market',
      `select actor_sub, fields from access_record where subject_id = $1 and actor_sub = $2 and action = 'read'`,
      [seeker.id, boss.id],
    );
    expect(logged.fields).toEqual(expect.arrayContaining(['JobApplication.applicant']));

    const byStranger = await gql(citizen(stranger), APPLICATIONS, { id: jobId });
    expect(byStranger.body.errors![0]).toMatchObject({
      path: ['job', 'applications'],
      extensions: { code: 'FORBIDDEN' },
    });
    expect(byStranger.body.data.job.title).toBe('总账会计助理');
    const anonymous = await gql(null, APPLICATIONS, { id: jobId });
    expect(anonymous.body.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
  });

  it('lets the employer move an application along, and the applicant sees the status', async () => {
    const [application] = (await gql(citizen(seeker), '{ myApplications { id status job { title } } }')).body.data
      .myApplications;
    expect(application.status).toBe('SUBMITTED');
    expect(
      (await gql(citizen(stranger), STATUS, { input: { id: application.id, status: 'OFFER' } })).body.errors![0]
        .extensions!.code,
    ).toBe('FORBIDDEN');
    const moved = await gql(citizen(boss), STATUS, { input: { id: application.id, status: 'INTERVIEW' } });
    expect(moved.body.data.setApplicationStatus).toEqual({ id: application.id, status: 'INTERVIEW' });
    expectBadInput(
      await gql(citizen(boss), STATUS, { input: { id: application.id, status: 'WITHDRAWN' } }),
      'input.status',
    );
    const seen = await gql(citizen(seeker), '{ myApplications { id status job { title } } }');
    expect(seen.body.data.myApplications).toEqual([
      { id: application.id, status: 'INTERVIEW', job: { title: '总账会计助理' } },
    ]);

    // Withdrawn, it stays withdrawn; only the applicant may withdraw.
    const WITHDRAW = 'mutation W($id: ID!) { withdrawApplication(id: $id) { id status } }';
    expect((await gql(citizen(boss), WITHDRAW, { id: application.id })).body.errors![0].extensions!.code).toBe(
      'FORBIDDEN',
    );
    expect((await gql(citizen(seeker), WITHDRAW, { id: application.id })).body.data.withdrawApplication.status).toBe(
      'WITHDRAWN',
    );
    expect((await gql(citizen(seeker), WITHDRAW, { id: application.id })).body.data.withdrawApplication.status).toBe(
      'WITHDRAWN',
    );
    expectBadInput(
      await gql(citizen(boss), STATUS, { input: { id: application.id, status: 'OFFER' } }),
      'input.status',
    );
  });

  it('recommends open postings that fit the profile, saying why', async () => {
    const res = await gql(
      citizen(seeker),
      '{ recommendedJobs(first: 5) { score reasons job { title occupation { code } districtCode } } }',
    );
    expect(res.body.errors).toBeUndefined();
    const [best] = res.body.data.recommendedJobs;
    expect(best.reasons).toEqual(expect.arrayContaining(['OCCUPATION', 'DISTRICT', 'SALARY']));
    expect(best.job.occupation.code).toBe('ACCOUNTANT');
    expect(best.score).toBeGreaterThanOrEqual(85);
    const scores = res.body.data.recommendedJobs.map((r: { score: number }) => r.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect((await gql(null, '{ recommendedJobs { score } }')).body.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
  });
});

describe('employment registration', () => {
  const REGISTER = `mutation Register($input: RegisterEmploymentInput!) {
    registerEmployment(input: $input) { kind organization { creditCode name } from to }
  }`;
  const REGISTRAR: Identity = {
    sub: 'hr-registrar-2',
    role: 'officer',
    dept: 'hrss',
    scopes: ['labour:write', 'person:read'],
  };
  const READER: Identity = {
    sub: 'ca-reader-1',
    role: 'officer',
    dept: 'civil-affairs',
    scopes: ['labour:read:sensitive', 'person:read'],
  };
  const EMPLOYMENT = 'query E($id: ID!) { person(id: $id) { id employment { kind organization { name } from to } } }';
  let worker: PersonFixture;

  beforeAll(async () => {
    worker = await addPerson(stack, { name: '赵就业' });
  });

  it('records employment and unemployment, idempotently, checked in the other registries', async () => {
    const input = {
      personId: worker.id,
      kind: 'EMPLOYED',
      organizationCreditCode: employer.creditCode,
      from: '2024-03-01',
    };
    const res = await gql(REGISTRAR, REGISTER, { input });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.registerEmployment).toEqual({
      kind: 'EMPLOYED',
      organization: { creditCode: employer.creditCode, name: employer.name },
      from: '2024-03-01',
      to: null,
    });
    const ended = await gql(REGISTRAR, REGISTER, { input: { ...input, to: '2025-06-30' } });
    expect(ended.body.data.registerEmployment.to).toBe('2025-06-30');
    await gql(REGISTRAR, REGISTER, { input: { personId: worker.id, kind: 'UNEMPLOYED', from: '2025-07-01' } });
    const rows = await stack.sql('labour-market', 'select id from employment_record where person_id = $1', [worker.id]);
    expect(rows).toHaveLength(2);

    expectBadInput(
      await gql(REGISTRAR, REGISTER, { input: { ...input, personId: '00000000-0000-4000-8000-000000000000' } }),
      'input.personId',
    );
    expectBadInput(
      await gql(REGISTRAR, REGISTER, { input: { ...input, organizationCreditCode: null } }),
      'input.organizationCreditCode',
    );
    expectBadInput(await gql(REGISTRAR, REGISTER, { input: { ...input, to: '2020-01-01' } }), 'input.to');
    expectBadInput(await gql(REGISTRAR, REGISTER, { input: { ...input, from: addDays(today, 1) } }), 'input.from');
    expect((await gql(HRSS, REGISTER, { input })).body.errors![0].extensions!.code).toBe('FORBIDDEN');
    expect((await gql(citizen(worker), REGISTER, { input })).body.errors![0].extensions!.code).toBe('FORBIDDEN');
  });

  it('shows Person.employment to the person and to officers with labour:read:sensitive and a purpose, and the person sees who read it', async () => {
    const own = await gql(citizen(worker), '{ me { employment { kind organization { name } from to } } }');
    expect(own.body.errors).toBeUndefined();
    expect(own.body.data.me.employment).toEqual([
      { kind: 'UNEMPLOYED', organization: null, from: '2025-07-01', to: null },
      { kind: 'EMPLOYED', organization: { name: employer.name }, from: '2024-03-01', to: '2025-06-30' },
    ]);
    const noPurpose = await gql(READER, EMPLOYMENT, { id: worker.id });
    expect(noPurpose.body.errors![0]).toMatchObject({
      path: ['person', 'employment'],
      extensions: { code: 'FORBIDDEN' },
    });
    const withPurpose = await stack.graphql(EMPLOYMENT, {
      token: await stack.token(READER),
      purpose: 'MLA-2026-0042',
      variables: { id: worker.id },
    });
    expect(withPurpose.body.errors).toBeUndefined();
    expect(withPurpose.body.data.person.employment).toHaveLength(2);
    const other = await gql(citizen(stranger), EMPLOYMENT, { id: worker.id });
    expect(other.body.data?.person ?? null).toBeNull();

    const log = await gql(
      citizen(worker),
      '{ me { accessRecords(first: 50) { edges { node { registry actorSub actorDepartment purpose fields outcome } } } } }',
    );
    const records = log.body.data.me.accessRecords.edges.map((e: { node: unknown }) => e.node);
    expect(records).toContainEqual(
      expect.objectContaining({
        registry: 'labour-market',
        actorSub: READER.sub,
        actorDepartment: 'civil-affairs',
        purpose: 'MLA-2026-0042',
        outcome: 'GRANTED',
        fields: expect.arrayContaining(['Person.employment']),
      }),
    );
    expect(records).toContainEqual(
      expect.objectContaining({ registry: 'labour-market', actorSub: REGISTRAR.sub, fields: ['Person.employment'] }),
    );
  });
});

describe('search grams', () => {
  it('are split the same way in SQL (the trigger) and in TypeScript (queries and the seed)', async () => {
    // Characters past U+7FFF make negative bigram keys; 𠮷 (U+20BB7) is outside the BMP (folded).
    const samples = [
      '招聘会计，负责 ABC 账务',
      'C++ 软件工程师（成都）',
      '  空格　全角、顿号 x',
      '单',
      '鿿𠮷野家ｘ',
      '',
    ];
    for (const text of samples) {
      const [row] = await stack.sql<{ g: number[] }>('labour-market', 'select job_search_grams($1) as g', [text]);
      // Distinct and ascending in both, as the GIN build likes them.
      expect(row.g).toEqual(searchGrams(text));
    }
    expect(searchGrams('会计')).toEqual([gramKey('会'), gramKey('计'), gramKey('会计')].sort((a, b) => a - b));
    expect(new Set(searchGrams('招聘会计，负责 ABC 账务')).size).toBe(searchGrams('招聘会计，负责 ABC 账务').length);
  });
});
