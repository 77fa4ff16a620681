import { makeCreditCode } from '../subgraphs/shared/domain/credit-code';
import {
  addOrganizations,
  addPeople,
  addPerson,
  type OrganizationFixture,
  type PersonFixture,
} from './support/fixtures';
import { startStack, type TestStack } from './support/stack';

/** The legal-person registry through the gateway: public search, details, registration, penalties. */

let stack: TestStack;
let representative: PersonFixture;
let own: OrganizationFixture;
let registrar: string;
let reader: string;

const REGISTER = `
  mutation Register($input: RegisterOrganizationInput!) {
    registerOrganization(input: $input) { creditCode name status type registeredCapital establishedOn legalRepresentative { id } }
  }`;
const PENALISE = `
  mutation Penalise($input: RecordPenaltyInput!) {
    recordPenalty(input: $input) { decisionNumber decidedOn amount reason authority }
  }`;

function organizationInput(overrides: Record<string, unknown> = {}) {
  return {
    creditCode: makeCreditCode('1', '510104', 'MA6CX0Q1'),
    name: '成都蜀锦软件有限公司',
    type: 'LIMITED_LIABILITY_COMPANY',
    legalRepresentativeId: representative.id,
    registeredCapital: '5000000',
    establishedOn: '2024-05-20',
    industryCode: 'I6513',
    districtCode: '510104',
    address: '成都市锦江区东大街100号',
    businessScope: '软件开发；信息技术咨询服务',
    ...overrides,
  };
}

async function countOrganizations(): Promise<number> {
  const [row] = await stack.sql<{ n: string }>('legal-person', 'select count(*) as n from organization');
  return Number(row.n);
}

beforeAll(async () => {
  stack = await startStack();
  representative = await addPerson(stack, { name: '黄磊', birthDate: '1975-03-03' });
  [own] = await addOrganizations(stack, [representative.id], { namePrefix: '成都黄氏' });
  const others = await addPeople(stack, 30);
  await addOrganizations(
    stack,
    others.slice(0, 12).map((p) => p.id),
    { namePrefix: '锦江', districtCode: '510104', industryCode: 'H6210' },
  );
  await addOrganizations(
    stack,
    others.slice(12, 20).map((p) => p.id),
    { namePrefix: '武侯', districtCode: '510107', industryCode: 'I6513' },
  );
  await addOrganizations(
    stack,
    others.slice(20, 24).map((p) => p.id),
    { namePrefix: '注销', status: 'DEREGISTERED', industryCode: 'F5211' },
  );
  // person:read: registerOrganization checks the legal representative in the natural-person registry as this officer.
  registrar = await stack.token({
    role: 'officer',
    dept: 'market-regulation',
    scopes: ['organization:write', 'organization:read', 'person:read'],
  });
  reader = await stack.token({ role: 'officer', dept: 'civil-affairs', scopes: ['organization:read'] });
});
afterAll(async () => {
  await stack?.stop();
});

describe('public lookups without a token', () => {
  it('shows an organization’s public fields to anyone', async () => {
    const res = await stack.graphql(
      'query($c: String!) { organization(creditCode: $c) { creditCode name type status industryCode districtCode } }',
      {
        variables: { c: own.creditCode },
      },
    );
    expect(res.body).toEqual({
      data: {
        organization: {
          creditCode: own.creditCode,
          name: own.name,
          type: 'LIMITED_LIABILITY_COMPANY',
          status: 'ACTIVE',
          industryCode: 'I6513',
          districtCode: '510107',
        },
      },
    });
  });

  it('answers null for a valid credit code nobody registered', async () => {
    const res = await stack.graphql('query($c: String!) { organization(creditCode: $c) { name } }', {
      variables: { c: '91350100M000100Y43' },
    });
    expect(res.body).toEqual({ data: { organization: null } });
  });

  it.each([
    ['91350100M000100Y4', 'length'],
    ['91350100M000100Y4O', 'charset'],
    ['B1350100M000100Y43', 'registration-authority'],
    ['91350100M000100Y44', 'check-character'],
  ])('refuses credit code %s with rule %s', async (creditCode, rule) => {
    const res = await stack.graphql('query($c: String!) { organization(creditCode: $c) { name } }', {
      variables: { c: creditCode },
    });
    expect(res.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'creditCode', rule });
  });
});

describe('organizations search', () => {
  const SEARCH = `query($filter: OrganizationFilter, $first: Int, $after: String) {
    organizations(filter: $filter, first: $first, after: $after) {
      totalCount edges { cursor node { name districtCode industryCode status } } pageInfo { hasNextPage endCursor }
    }
  }`;

  it.each([
    [{ nameContains: '锦江' }, 12],
    [{ districtCode: '510107' }, 1 + 8 + 4],
    [{ industryCode: 'H' }, 12],
    [{ industryCode: 'I65' }, 1 + 8],
    [{ status: 'DEREGISTERED' }, 4],
    [{ nameContains: '锦江', industryCode: 'H6210', districtCode: '510104', status: 'ACTIVE' }, 12],
    [{ nameContains: '100%_' }, 0],
  ])('filters by %o', async (filter, expected) => {
    const res = await stack.graphql(SEARCH, { variables: { filter, first: 100 } });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.organizations.totalCount).toBe(expected);
    expect(res.body.data.organizations.edges).toHaveLength(expected);
  });

  it('pages through results with cursors, in credit-code order, without repeats or gaps', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page += 1) {
      const res: any = await stack.graphql(SEARCH, {
        variables: { filter: { nameContains: '锦江' }, first: 5, after },
      });
      seen.push(...res.body.data.organizations.edges.map((e: any) => e.node.name));
      if (!res.body.data.organizations.pageInfo.hasNextPage) break;
      after = res.body.data.organizations.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(12);
    expect(new Set(seen).size).toBe(12);
  });

  it('reads a page with its total in one statement, and counts a page past the end apart', async () => {
    const db = stack.db['legal-person'].statements;
    const first = await db.measure(() =>
      stack.graphql(SEARCH, { variables: { filter: { nameContains: '锦江' }, first: 12 } }),
    );
    expect(first.result.body.data.organizations.totalCount).toBe(12);
    expect(first.count).toBe(1);
    const last = first.result.body.data.organizations.pageInfo.endCursor;
    const past = await db.measure(() =>
      stack.graphql(SEARCH, { variables: { filter: { nameContains: '锦江' }, first: 5, after: last } }),
    );
    expect(past.result.body.data.organizations).toMatchObject({ totalCount: 12, edges: [] });
    expect(past.count).toBe(2);
    // Asked through a fragment, the total comes with the page too; not asked, it is not counted.
    const fragment = await db.measure(() =>
      stack.graphql(
        `query($f: OrganizationFilter) { organizations(filter: $f, first: 3) { ...Total edges { node { name } } } }
         fragment Total on OrganizationConnection { ... on OrganizationConnection { totalCount } }`,
        { variables: { f: { nameContains: '锦江' } } },
      ),
    );
    expect(fragment.result.body.data.organizations.totalCount).toBe(12);
    expect(fragment.count).toBe(1);
    const without = await db.measure(() =>
      stack.graphql('query { organizations(first: 3) { edges { node { name } } } }', {}),
    );
    expect(without.result.body.data.organizations.edges).toHaveLength(3);
    expect(without.statements.join('\n')).not.toMatch(/count\(\*\)/);
  });

  it.each([
    [{ first: 101 }, 'first', 'page-size'],
    [{ first: 0 }, 'first', 'page-size'],
    [{ after: 'not-a-cursor' }, 'after', 'cursor'],
    [{ filter: { districtCode: '110105' } }, 'filter.districtCode', 'district'],
    [{ filter: { industryCode: 'I99' } }, 'filter.industryCode', 'industry-code'],
    [{ filter: { nameContains: '' } }, 'filter.nameContains', 'length'],
  ])('refuses %o with BAD_USER_INPUT', async (variables, argument, rule) => {
    const res = await stack.graphql(SEARCH, { variables });
    expect(res.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument, rule });
  });
});

describe('details', () => {
  it('shows details and penalties to an officer with organization:read, and the legal representative to them', async () => {
    await stack.sql(
      'legal-person',
      `insert into penalty (id, created_at, updated_at, organization_id, decision_number, decided_on, reason, amount, authority)
       values (gen_random_uuid(), now(), now(), $1, '成武市监罚〔2025〕1号', '2025-02-03', '虚假宣传', 20000.00, '成都市武侯区市场监督管理局')`,
      [own.id],
    );
    const res = await stack.graphql(
      'query($c: String!) { organization(creditCode: $c) { registeredCapital establishedOn address businessScope legalRepresentative { id } penalties { decisionNumber decidedOn reason amount authority } } }',
      { token: reader, variables: { c: own.creditCode } },
    );
    expect(res.body).toEqual({
      data: {
        organization: {
          registeredCapital: '1000000.00',
          establishedOn: '2015-03-01',
          address: '成都市武侯区天府大道1号',
          businessScope: '软件开发',
          legalRepresentative: { id: representative.id },
          penalties: [
            {
              decisionNumber: '成武市监罚〔2025〕1号',
              decidedOn: '2025-02-03',
              reason: '虚假宣传',
              amount: '20000.00',
              authority: '成都市武侯区市场监督管理局',
            },
          ],
        },
      },
    });
  });

  it('lets a citizen see the details and penalties of the organization they represent', async () => {
    const token = await stack.token({ role: 'citizen', sub: representative.id });
    const res = await stack.graphql(
      'query { me { legalRepresentativeOf { creditCode registeredCapital penalties { amount } } } }',
      { token },
    );
    expect(res.body).toEqual({
      data: {
        me: {
          legalRepresentativeOf: [
            { creditCode: own.creditCode, registeredCapital: '1000000.00', penalties: [{ amount: '20000.00' }] },
          ],
        },
      },
    });
  });
});

describe('registerOrganization', () => {
  it('registers an active organization and logs naming its legal representative', async () => {
    const input = organizationInput();
    const res = await stack.graphql(REGISTER, { token: registrar, variables: { input } });
    expect(res.body).toEqual({
      data: {
        registerOrganization: {
          creditCode: input.creditCode,
          name: input.name,
          status: 'ACTIVE',
          type: 'LIMITED_LIABILITY_COMPANY',
          registeredCapital: '5000000.00',
          establishedOn: '2024-05-20',
          legalRepresentative: { id: representative.id },
        },
      },
    });
    const logged = await stack.sql(
      'legal-person',
      `select fields from access_record where action = 'write' and subject_id = $1`,
      [representative.id],
    );
    expect(logged).toEqual([{ fields: ['Organization.legalRepresentative'] }]);
  });

  it('answers repeated and concurrent identical registrations with one organization', async () => {
    const input = organizationInput({
      creditCode: makeCreditCode('1', '510105', 'MA6CX0Q2'),
      name: '成都青羊茶馆有限公司',
    });
    const responses = await Promise.all(
      Array.from({ length: 6 }, () => stack.graphql(REGISTER, { token: registrar, variables: { input } })),
    );
    expect(responses.map((r) => r.body.errors)).toEqual(responses.map(() => undefined));
    const rows = await stack.sql('legal-person', 'select id from organization where credit_code = $1', [
      input.creditCode,
    ]);
    expect(rows).toHaveLength(1);
  });

  it('refuses another organization under a registered credit code', async () => {
    const res = await stack.graphql(REGISTER, {
      token: registrar,
      variables: { input: organizationInput({ name: '别的公司' }) },
    });
    expect(res.body.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'input.creditCode',
      rule: 'unique',
    });
  });

  it.each([
    ['a wrong check character', { creditCode: '91510104MA6CX0Q3XX' }, 'input.creditCode'],
    ['a name over 100 characters', { name: '名'.repeat(101) }, 'input.name'],
    ['a legal representative id that is not a UUID', { legalRepresentativeId: 'p-1' }, 'input.legalRepresentativeId'],
    ['an establishment date in the future', { establishedOn: '2999-01-01' }, 'input.establishedOn'],
    ['a section letter that does not match the division', { industryCode: 'A6513' }, 'input.industryCode'],
    ['a district outside Chengdu', { districtCode: '310101' }, 'input.districtCode'],
    ['an empty business scope', { businessScope: ' ' }, 'input.businessScope'],
    ['capital with three decimals', { registeredCapital: '10.005' }, 'input'],
  ])('refuses %s with BAD_USER_INPUT and writes nothing', async (_case, overrides, argument) => {
    const before = await countOrganizations();
    const input = organizationInput({ creditCode: makeCreditCode('1', '510104', 'MA6CX0Q9'), ...overrides });
    const res = await stack.graphql(REGISTER, { token: registrar, variables: { input } });
    expect(res.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.body.errors?.[0].message).toContain(argument);
    expect(await countOrganizations()).toBe(before);
  });

  it('is for market-regulation officers with organization:write', async () => {
    const res = await stack.graphql(REGISTER, {
      token: await stack.token({ role: 'officer', dept: 'civil-affairs', scopes: ['organization:write'] }),
      variables: { input: organizationInput({ creditCode: makeCreditCode('1', '510104', 'MA6CX0QA') }) },
    });
    expect(res.body.errors?.[0]).toMatchObject({ path: ['registerOrganization'], extensions: { code: 'FORBIDDEN' } });
  });
});

describe('recordPenalty', () => {
  const penalty = (overrides: Record<string, unknown> = {}) => ({
    creditCode: own.creditCode,
    decisionNumber: '成武市监罚〔2026〕88号',
    decidedOn: '2026-03-01',
    reason: '未按规定公示年度报告',
    amount: '5000.00',
    authority: '成都市武侯区市场监督管理局',
    ...overrides,
  });

  it('records a penalty once, however often it is submitted', async () => {
    const responses = await Promise.all(
      Array.from({ length: 4 }, () => stack.graphql(PENALISE, { token: registrar, variables: { input: penalty() } })),
    );
    expect(responses[0].body).toEqual({
      data: {
        recordPenalty: {
          decisionNumber: '成武市监罚〔2026〕88号',
          decidedOn: '2026-03-01',
          amount: '5000.00',
          reason: '未按规定公示年度报告',
          authority: '成都市武侯区市场监督管理局',
        },
      },
    });
    expect(responses.map((r) => r.body.errors)).toEqual(responses.map(() => undefined));
    const rows = await stack.sql('legal-person', 'select id from penalty where decision_number = $1', [
      '成武市监罚〔2026〕88号',
    ]);
    expect(rows).toHaveLength(1);
  });

  it.each([
    ['a different penalty under a used decision number', { amount: '9.00' }, 'input.decisionNumber', 'unique'],
    [
      'an organization that is not registered',
      { creditCode: '91350100M000100Y43', decisionNumber: 'X-1' },
      'input.creditCode',
      'exists',
    ],
    [
      'a decision before the organization existed',
      { decidedOn: '2010-01-01', decisionNumber: 'X-2' },
      'input.decidedOn',
      'date-range',
    ],
    ['a zero amount', { amount: '0', decisionNumber: 'X-3' }, 'input.amount', 'positive'],
    ['a decision in the future', { decidedOn: '2999-01-01', decisionNumber: 'X-4' }, 'input.decidedOn', 'date-range'],
  ])('refuses %s and writes nothing', async (_case, overrides, argument, rule) => {
    const [before] = await stack.sql<{ n: string }>('legal-person', 'select count(*) as n from penalty');
    const res = await stack.graphql(PENALISE, { token: registrar, variables: { input: penalty(overrides) } });
    expect(res.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument, rule });
    const [after] = await stack.sql<{ n: string }>('legal-person', 'select count(*) as n from penalty');
    expect(after.n).toBe(before.n);
  });
});

describe('entities', () => {
  it('resolves Organization and Person references for the gateway', async () => {
    const res = await stack.subgraph(
      'legal-person',
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Organization { creditCode name } ... on Person { id legalRepresentativeOf { creditCode } } } }',
      {
        r: [
          { __typename: 'Organization', creditCode: own.creditCode },
          { __typename: 'Person', id: representative.id },
          { __typename: 'Organization', creditCode: 'nonsense' },
        ],
      },
      { identity: { sub: 'mr-1', role: 'officer', dept: 'market-regulation', scopes: ['organization:read'] } },
    );
    expect(res.body).toEqual({
      data: {
        _entities: [
          { creditCode: own.creditCode, name: own.name },
          // registerOrganization above named the same person for a second organization
          { id: representative.id, legalRepresentativeOf: expect.arrayContaining([{ creditCode: own.creditCode }]) },
          null,
        ],
      },
    });
  });
});
