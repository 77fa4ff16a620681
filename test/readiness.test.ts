import type { Identity } from '../subgraphs/shared/identity';
import {
  addCertificate,
  addHousehold,
  addMaterial,
  addOrganizations,
  addPeople,
  pdfBytes,
  uploadMaterial,
  type HouseholdFixture,
  type OrganizationFixture,
  type PersonFixture,
} from './support/fixtures';
import { startStack, type GraphQLResponse, type TestStack } from './support/stack';

/**
 * 一次性告知: what an applicant has and still needs for a service, told at once, through the
 * gateway, with the household's members coming from natural-person (@requires) under the caller's
 * own identity, and every person consulted recorded in their own access log.
 */

let stack: TestStack;
let family: HouseholdFixture;
let head: PersonFixture;
let spouse: PersonFixture;
let child: PersonFixture;
let headToken: string;

const OFFICER: Identity = {
  sub: 'ca-case-officer',
  role: 'officer',
  dept: 'civil-affairs',
  scopes: ['certificate:read:sensitive', 'person:read:sensitive'],
};
/** May read certificates, and who people are, but not households. */
const NO_HOUSEHOLDS: Identity = {
  sub: 'ca-clerk-2',
  role: 'officer',
  dept: 'civil-affairs',
  scopes: ['certificate:read:sensitive', 'person:read'],
};
const PURPOSE = 'MLA-2026-0193';

const READINESS = `
  query Readiness($n: String!, $s: String!) {
    personByIdNumber(idNumber: $n) {
      readiness(service: $s) {
        service { code } complete satisfied expired missing unknown
        items {
          requirement { position certificateType { code } materialKind { code } provider }
          person { id } relationship status note
          certificate { number } material { id }
        }
      }
    }
  }`;

beforeAll(async () => {
  stack = await startStack();
  family = await addHousehold(stack, [
    { name: '申请人', gender: 'MALE', birthDate: '1980-03-02', maritalStatus: 'MARRIED' },
    { name: '配偶', gender: 'FEMALE', birthDate: '1982-07-19', maritalStatus: 'MARRIED', relationship: 'SPOUSE' },
    { name: '子女', birthDate: '2014-09-01', relationship: 'CHILD' },
  ]);
  [head, spouse, child] = family.members;
  await addCertificate(stack, head);
  await addCertificate(stack, spouse);
  await addCertificate(stack, head, { type: 'HOUSEHOLD_REGISTER', number: family.number, validUntil: null });
  headToken = await stack.token({ role: 'citizen', sub: head.id });
});

afterAll(async () => {
  await stack?.stop();
});

async function ask(
  identity: Identity,
  idNumber: string,
  service: string,
  /** null: no X-Purpose. */
  purpose: string | null = PURPOSE,
): Promise<GraphQLResponse<any>> {
  return stack.graphql(READINESS, {
    token: await stack.token(identity),
    purpose: purpose ?? undefined,
    variables: { n: idNumber, s: service },
  });
}

/** Items as [position, whose, status], whose being a name, or null. */
function summary(items: any[]): [number, string | null, string][] {
  const names = new Map(family.members.map((m) => [m.id, m.name]));
  return items.map((i) => [
    i.requirement.position,
    i.person ? (names.get(i.person.id) ?? i.person.id) : null,
    i.status,
  ]);
}

describe('the case of issue 6', () => {
  let uploaded: { id: string };

  it("counts the PDF the citizen uploaded once, finds the household members' ID cards, and lists what is missing", async () => {
    const upload = await uploadMaterial(stack, pdfBytes('收入证明'), { token: headToken, query: '?kind=INCOME_PROOF' });
    expect(upload.status).toBe(201);
    uploaded = upload.body.material;

    const res = await ask(OFFICER, head.idNumber, 'civil-affairs.minimum-living-allowance');
    expect(res.body.errors).toBeUndefined();
    const readiness = res.body.data.personByIdNumber.readiness;
    expect(summary(readiness.items)).toEqual([
      [1, '申请人', 'SATISFIED'],
      [1, '配偶', 'SATISFIED'],
      [1, '子女', 'MISSING'],
      [2, '申请人', 'SATISFIED'],
      [3, '申请人', 'MISSING'],
      [3, '配偶', 'MISSING'],
      [3, '子女', 'MISSING'],
      [4, '申请人', 'SATISFIED'],
      [4, '配偶', 'MISSING'],
      [4, '子女', 'MISSING'],
      [5, '申请人', 'MISSING'],
    ]);
    expect(readiness).toMatchObject({ complete: false, satisfied: 4, expired: 0, missing: 7, unknown: 0 });
    // Which certificate and which material: the officer may read them.
    expect(readiness.items[1].certificate).toEqual({ number: spouse.idNumber });
    expect(readiness.items[3].certificate).toEqual({ number: family.number });
    expect(readiness.items[7].material).toEqual({ id: uploaded.id });
    expect(readiness.items[1].relationship).toBe('SPOUSE');
    // What to bring, in words.
    expect(readiness.items[2].note).toContain('居民身份证');
    expect(readiness.items[10].note).toContain('家庭财产状况申报表');
  });

  it('shows the citizen both reads in their data tracker: the household in natural-person and their papers in the certificate registry', async () => {
    const res = await stack.graphql(
      'query Tracker { me { accessRecords(first: 50) { edges { node { registry action actorSub purpose fields } } } } }',
      { token: headToken },
    );
    expect(res.body.errors).toBeUndefined();
    const reads = res.body.data.me.accessRecords.edges
      .map((e: any) => e.node)
      .filter((n: any) => n.actorSub === OFFICER.sub && n.purpose === PURPOSE);
    expect(reads).toContainEqual(expect.objectContaining({ registry: 'natural-person', action: 'READ' }));
    expect(reads.find((n: any) => n.registry === 'natural-person').fields).toEqual(
      expect.arrayContaining(['Household.members']),
    );
    expect(reads).toContainEqual(
      expect.objectContaining({
        registry: 'certificate',
        action: 'READ',
        fields: expect.arrayContaining(['Person.readiness']),
      }),
    );
  });

  it('records a read in the certificate registry against every member whose papers were consulted', async () => {
    const res = await ask(OFFICER, head.idNumber, 'MLA');
    const records = await stack.sql<{ subject_id: string; fields: string[] }>(
      'certificate',
      "select subject_id, fields from access_record where request_id = $1 and action = 'read'",
      [res.headers.get('x-request-id')],
    );
    const consulted = new Set(records.filter((r) => r.fields.includes('Person.readiness')).map((r) => r.subject_id));
    expect(consulted).toEqual(new Set([head.id, spouse.id, child.id]));
  });
});

describe('what the caller may not see is UNKNOWN, never MISSING', () => {
  it("makes the members' items UNKNOWN when the caller may not read the household, and still judges the applicant's own", async () => {
    const res = await stack.graphql(
      'query R($id: ID!) { person(id: $id) { readiness(service: "MLA") { unknown items { requirement { position } person { id } status note } } } }',
      { token: await stack.token(NO_HOUSEHOLDS), purpose: PURPOSE, variables: { id: head.id } },
    );
    const readiness = res.body.data.person.readiness;
    const items = readiness.items.map((i: any) => [i.requirement.position, i.person?.id ?? null, i.status]);
    expect(items).toEqual([
      [1, head.id, 'SATISFIED'],
      [1, null, 'UNKNOWN'],
      [2, head.id, 'SATISFIED'],
      [3, head.id, 'MISSING'],
      [3, null, 'UNKNOWN'],
      [4, head.id, 'SATISFIED'], // the income proof uploaded above
      [4, null, 'UNKNOWN'],
      [5, head.id, 'MISSING'],
    ]);
    expect(readiness.items[1].note).toMatch(/household's members could not be read/);
    // natural-person said why, to the caller.
    expect(res.body.errors?.map((e) => e.extensions?.code)).toEqual(expect.arrayContaining(['FORBIDDEN']));
  });

  it("lets the applicant see each member's status, but not the member's certificate, and their own", async () => {
    const res = await stack.graphql(
      'query Mine { me { readiness(service: "MLA") { items { requirement { position } person { id } status certificate { number } } } } }',
      { token: headToken },
    );
    const items = res.body.data.me.readiness.items;
    expect(items[0]).toMatchObject({
      person: { id: head.id },
      status: 'SATISFIED',
      certificate: { number: head.idNumber },
    });
    expect(items[1]).toMatchObject({ person: { id: spouse.id }, status: 'SATISFIED', certificate: null });
    const refusals = (res.body.errors ?? []).filter((e) => e.extensions?.code === 'FORBIDDEN');
    expect(refusals.map((e) => e.path)).toContainEqual(['me', 'readiness', 'items', 1, 'certificate']);
  });

  it("refuses a citizen asking about someone else's readiness, and an officer without a purpose", async () => {
    const spouseToken = await stack.token({ role: 'citizen', sub: spouse.id });
    const other = await stack.graphql(
      'query R($id: ID!) { person(id: $id) { readiness(service: "MLA") { complete } } }',
      {
        token: spouseToken,
        variables: { id: head.id },
      },
    );
    expect(other.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const noPurpose = await ask(OFFICER, head.idNumber, 'MLA', null);
    expect(noPurpose.body.data.personByIdNumber).toBeNull();
    expect(noPurpose.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});

describe('expired and outdated papers', () => {
  it('reports an expired certificate as EXPIRED, a revoked one as MISSING, and a material older than the service accepts as EXPIRED', async () => {
    const household = await addHousehold(stack, [
      { name: '过期户主', birthDate: '1975-01-01' },
      { name: '吊销成员', relationship: 'SPOUSE', gender: 'FEMALE' },
    ]);
    const [owner, member] = household.members;
    await addCertificate(stack, owner, { issuedOn: '2005-01-01', validUntil: '2025-01-01' });
    await addCertificate(stack, member, { revokedOn: '2024-01-01' });
    const old = new Date(Date.now() - 200 * 86_400_000).toISOString();
    await addMaterial(stack, owner.id, { kind: 'INCOME_PROOF', uploadedAt: old });
    const res = await ask(OFFICER, owner.idNumber, 'MLA');
    const items = res.body.data.personByIdNumber.readiness.items;
    expect(items[0]).toMatchObject({ status: 'EXPIRED', certificate: { number: owner.idNumber } });
    expect(items[0].note).toContain('expired');
    expect(items[1]).toMatchObject({ status: 'MISSING', certificate: null });
    const income = items.find(
      (i: any) => i.requirement.materialKind?.code === 'INCOME_PROOF' && i.person.id === owner.id,
    );
    expect(income.status).toBe('EXPIRED');
    expect(income.note).toContain('180 days');
    expect(income.material).not.toBeNull();
  });
});

describe('items an organization provides', () => {
  let organization: OrganizationFixture;

  beforeAll(async () => {
    [organization] = await addOrganizations(stack, [head.id]);
    await addCertificate(stack, organization, { issuedOn: '2015-03-01', validUntil: null });
  });

  it('leaves them UNKNOWN in Person.readiness, pointing at Organization.readiness, which finds the business licence', async () => {
    const person = await ask(OFFICER, head.idNumber, 'BLC');
    const orgItem = person.body.data.personByIdNumber.readiness.items.find(
      (i: any) => i.requirement.provider === 'ORGANIZATION',
    );
    expect(orgItem).toMatchObject({ status: 'UNKNOWN', person: null });
    expect(orgItem.note).toContain('Organization.readiness');

    const query =
      'query O($c: String!) { organization(creditCode: $c) { readiness(service: "BLC") { complete items { status certificate { number } } } } }';
    const reader = await stack.graphql(query, {
      token: await stack.token({ role: 'officer', dept: 'market-regulation', scopes: ['organization:read'] }),
      variables: { c: organization.creditCode },
    });
    expect(reader.body.errors).toBeUndefined();
    expect(reader.body.data.organization.readiness).toEqual({
      complete: true,
      items: [{ status: 'SATISFIED', certificate: { number: organization.creditCode } }],
    });
    const representative = await stack.graphql(query, { token: headToken, variables: { c: organization.creditCode } });
    expect(representative.body.data.organization.readiness.complete).toBe(true);
  });
});

describe('bad questions', () => {
  it('refuses a service that is not in the catalogue with BAD_USER_INPUT on service', async () => {
    const res = await ask(OFFICER, head.idNumber, 'no.such-service');
    expect(res.body.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'service',
      rule: 'exists',
    });
  });
});

describe('cost', () => {
  it('sends as many SQL statements to the certificate registry for 5 items and 6 members as for 2 items and 1 member', async () => {
    const big = await addHousehold(stack, [
      { name: '大户主' },
      ...Array.from({ length: 5 }, (_, i) => ({
        name: `成员${i}`,
        relationship: 'CHILD' as const,
        birthDate: '2010-01-01',
      })),
    ]);
    for (const member of big.members) await addCertificate(stack, member);
    const [single] = await addPeople(stack, 1);
    await addCertificate(stack, single);

    const measure = async (person: PersonFixture, service: string) => {
      const { result, count } = await stack.db.certificate.statements.measure(() =>
        ask(OFFICER, person.idNumber, service),
      );
      expect(result.body.errors).toBeUndefined();
      return { count, items: result.body.data.personByIdNumber.readiness.items.length };
    };
    // Warm-up: nothing cached across requests, but the first request pays for connection set-up.
    await measure(single, 'SCC');
    const small = await measure(single, 'civil-affairs.senior-citizen-card');
    const large = await measure(big.members[0], 'civil-affairs.minimum-living-allowance');
    expect(small.items).toBe(2);
    expect(large.items).toBe(6 + 1 + 6 + 6 + 1); // ID cards for six, the register, two materials each for six, one declaration
    expect(large.count).toBe(small.count);
    // Six reads (the service, its items, everyone's certificates, everyone's materials, the
    // certificate types and material kinds the items name) and the access log's transaction (five).
    expect(large.count).toBeLessThanOrEqual(11);
  });
});
