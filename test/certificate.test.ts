import type { Identity } from '../subgraphs/shared/identity';
import { addYears, todayInChina } from '../subgraphs/certificate/certificate-types';
import {
  addCertificate,
  addHousehold,
  addOrganizations,
  addPerson,
  type HouseholdFixture,
  type OrganizationFixture,
  type PersonFixture,
} from './support/fixtures';
import { startStack, type GraphQLResponse, type TestStack } from './support/stack';

/**
 * The certificate registry through the gateway: the published catalogue, and issuing, revoking and
 * renewing certificates as the issuing departments do, with every rule a hostile or careless
 * client could break, the holder checked in its own registry on the officer's behalf, and every
 * write recorded.
 */

let stack: TestStack;
let family: HouseholdFixture;
let head: PersonFixture;
let spouse: PersonFixture;
let child: PersonFixture;
let elder: PersonFixture;
let deceased: PersonFixture;
let organization: OrganizationFixture;
let closed: OrganizationFixture;

const officer = (sub: string, dept: Identity['dept'], scopes: Identity['scopes']): Identity => ({
  sub,
  role: 'officer',
  dept,
  scopes,
});
const REGISTRAR = officer('ps-registrar-1', 'public-security', ['certificate:write', 'person:read:sensitive']);
const CIVIL = officer('ca-registrar-1', 'civil-affairs', ['certificate:write', 'person:read:sensitive']);
const DISABLED = officer('dp-registrar-1', 'disabled-persons', ['certificate:write', 'person:read:sensitive']);
const MARKET = officer('mr-registrar-1', 'market-regulation', ['certificate:write']);
const EDUCATION = officer('ed-registrar-1', 'education', ['certificate:write', 'person:read:sensitive']);
const HRSS = officer('hr-registrar-1', 'hrss', ['certificate:write', 'person:read:sensitive']);
const CASE = officer('ca-case-1', 'civil-affairs', ['certificate:read:sensitive', 'organization:read']);
const PURPOSE = 'CERT-2026-0001';

const tokens = new Map<Identity, string>();
async function as(identity: Identity | null): Promise<string | undefined> {
  if (!identity) return undefined;
  if (!tokens.has(identity)) tokens.set(identity, await stack.token(identity));
  return tokens.get(identity);
}

async function gql(
  identity: Identity | null,
  query: string,
  variables: Record<string, unknown> = {},
  /** null: no X-Purpose header. */
  purpose: string | null = PURPOSE,
): Promise<GraphQLResponse<any>> {
  return stack.graphql(query, { token: await as(identity), purpose: purpose ?? undefined, variables });
}

const ISSUE = `mutation Issue($input: IssueCertificateInput!) {
  issueCertificate(input: $input) {
    id number status issuingDepartment issuingAuthority issuedOn validUntil verificationCode signedForm
    type { code name } holder { __typename ... on Person { id } ... on Organization { creditCode } }
    revocation { revokedOn reason }
    attributes { __typename ... on DisabilityAttributes { category grade } ... on MarriageAttributes { spouse { id } } }
  }
}`;

function issue(identity: Identity, input: Record<string, unknown>, purpose: string | null = PURPOSE) {
  return gql(
    identity,
    ISSUE,
    { input: { issuingAuthority: '成都市公安局武侯区分局', issuedOn: '2020-05-01', ...input } },
    purpose,
  );
}

function codes(response: GraphQLResponse<any>) {
  return (response.body.errors ?? []).map((e) => ({
    code: e.extensions?.code,
    argument: e.extensions?.argument,
    rule: e.extensions?.rule,
  }));
}

async function certificatesOf(holderId: string): Promise<{ type_code: string; number: string }[]> {
  return stack.sql(
    'certificate',
    'select type_code, number from certificate where holder_person_id = $1 order by number',
    [holderId],
  );
}

beforeAll(async () => {
  stack = await startStack();
  family = await addHousehold(stack, [
    { name: '周建国', gender: 'MALE', birthDate: '1980-03-02', maritalStatus: 'MARRIED' },
    { name: '陈丽', gender: 'FEMALE', birthDate: '1983-07-19', maritalStatus: 'MARRIED', relationship: 'SPOUSE' },
    { name: '周小雨', gender: 'FEMALE', birthDate: '2012-09-01', relationship: 'CHILD' },
  ]);
  [head, spouse, child] = family.members;
  elder = await addPerson(stack, { name: '何秀英', gender: 'FEMALE', birthDate: '1950-01-15' });
  deceased = await addPerson(stack, { name: '已故者', birthDate: '1940-02-02' });
  await stack.sql('natural-person', `update person set death_date = '2024-05-05' where id = $1`, [deceased.id]);
  [organization] = await addOrganizations(stack, [head.id]);
  [closed] = await addOrganizations(stack, [spouse.id], { status: 'DEREGISTERED' });
});

afterAll(async () => {
  await stack?.stop();
});

describe('the published catalogue, for anyone without a token', () => {
  it('lists the ten certificate types with issuing department, holder kind and validity rule', async () => {
    const res = await gql(
      null,
      'query Types { certificateTypes { code name issuingDepartment holderKind validityRule validityYears validityDescription numberFormat } }',
    );
    expect(res.body.errors).toBeUndefined();
    const types = res.body.data.certificateTypes;
    expect(types.map((t: any) => t.code)).toEqual([
      'RESIDENT_ID_CARD',
      'HOUSEHOLD_REGISTER',
      'MARRIAGE_CERTIFICATE',
      'BUSINESS_LICENCE',
      'DISABILITY_CERTIFICATE',
      'MINIMUM_ALLOWANCE_CERTIFICATE',
      'EMPLOYMENT_CERTIFICATE',
      'SENIOR_CITIZEN_CARD',
      'DIPLOMA',
      'VOCATIONAL_QUALIFICATION',
    ]);
    expect(types.find((t: any) => t.code === 'DISABILITY_CERTIFICATE')).toMatchObject({
      name: '中华人民共和国残疾人证',
      issuingDepartment: 'disabled-persons',
      holderKind: 'PERSON',
      validityRule: 'YEARS',
      validityYears: 10,
    });
    expect(types.find((t: any) => t.code === 'BUSINESS_LICENCE')).toMatchObject({
      issuingDepartment: 'market-regulation',
      holderKind: 'ORGANIZATION',
      validityRule: 'STATED',
    });
  });

  it('publishes at least 20 services in full: legal basis, conditions, procedure, time limits, fees and required items', async () => {
    const res = await gql(
      null,
      `query Services { services {
        code abbreviation name department legalBasis conditions procedure statutoryTimeLimitDays promisedTimeLimitDays
        feeBasis feeStandard
        requiredMaterials { position description provider originalRequired maxAgeDays certificateType { code holderKind } materialKind { code name } }
      } }`,
    );
    expect(res.body.errors).toBeUndefined();
    const services = res.body.data.services;
    expect(services.length).toBeGreaterThanOrEqual(20);
    expect(new Set(services.map((s: any) => s.code)).size).toBe(services.length);
    for (const code of [
      'civil-affairs.minimum-living-allowance',
      'civil-affairs.extreme-poverty-support',
      'civil-affairs.disaster-victim-relief',
      'civil-affairs.medical-assistance',
      'civil-affairs.education-assistance',
      'civil-affairs.housing-assistance',
      'civil-affairs.employment-assistance',
      'civil-affairs.temporary-assistance',
      'hrss.unemployment-registration',
      'hrss.employment-certificate',
      'market-regulation.business-licence-change',
      'disabled-persons.disability-certificate-issue',
      'civil-affairs.senior-citizen-card',
    ]) {
      expect(services.map((s: any) => s.code)).toContain(code);
    }
    for (const service of services) {
      expect(service.legalBasis.length).toBeGreaterThan(0);
      expect(service.conditions.length).toBeGreaterThan(0);
      expect(service.procedure.length).toBeGreaterThan(0);
      expect(service.promisedTimeLimitDays).toBeLessThanOrEqual(service.statutoryTimeLimitDays);
      expect(service.feeStandard.length).toBeGreaterThan(0);
      expect(service.requiredMaterials.length).toBeGreaterThan(0);
      service.requiredMaterials.forEach((item: any, i: number) => {
        expect(item.position).toBe(i + 1);
        // Exactly one of a certificate type and a material kind; the organization provides only its certificates.
        expect(Boolean(item.certificateType) !== Boolean(item.materialKind)).toBe(true);
        if (item.provider === 'ORGANIZATION') expect(item.certificateType?.holderKind).toBe('ORGANIZATION');
        else if (item.certificateType) expect(item.certificateType.holderKind).toBe('PERSON');
      });
    }
    expect(services.find((s: any) => s.abbreviation === 'MLA').legalBasis[0]).toContain('《社会救助暂行办法》');
  });

  it('finds a service by code or abbreviation, null for an unknown one, and filters by department', async () => {
    const query = 'query Service($c: String!) { service(code: $c) { code name } }';
    const byCode = await gql(null, query, { c: 'civil-affairs.minimum-living-allowance' });
    const byAbbreviation = await gql(null, query, { c: 'MLA' });
    expect(byCode.body.data.service).toEqual({
      code: 'civil-affairs.minimum-living-allowance',
      name: '最低生活保障审核确认',
    });
    expect(byAbbreviation.body.data.service).toEqual(byCode.body.data.service);
    expect((await gql(null, query, { c: 'no.such-service' })).body).toEqual({ data: { service: null } });
    const hrss = await gql(null, 'query Hrss { services(department: "hrss") { department } }');
    expect(hrss.body.data.services.length).toBeGreaterThanOrEqual(3);
    expect(new Set(hrss.body.data.services.map((s: any) => s.department))).toEqual(new Set(['hrss']));
    const kinds = await gql(null, 'query Kinds { materialKinds { code name description } }');
    expect(kinds.body.data.materialKinds.map((k: any) => k.code)).toContain('INCOME_PROOF');
  });
});

describe('issueCertificate', () => {
  it("issues an ID card numbered with the holder's ID number, valid by age, and records the write and the check", async () => {
    const res = await issue(REGISTRAR, { type: 'RESIDENT_ID_CARD', holder: { personId: head.id } });
    expect(res.body.errors).toBeUndefined();
    const card = res.body.data.issueCertificate;
    // 40 on the day of issue: 20 years (居民身份证法 art. 5).
    expect(card).toMatchObject({
      number: head.idNumber,
      status: 'VALID',
      issuingDepartment: 'public-security',
      issuedOn: '2020-05-01',
      validUntil: '2040-05-01',
      type: { code: 'RESIDENT_ID_CARD', name: '居民身份证' },
      holder: { __typename: 'Person', id: head.id },
      revocation: null,
      attributes: null,
    });
    expect(card.verificationCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
    const requestId = res.headers.get('x-request-id');
    // The write, in the certificate registry's log, against the holder.
    expect(
      await stack.sql(
        'certificate',
        "select action, outcome, subject_id, fields, actor_sub from access_record where request_id = $1 and action = 'write'",
        [requestId],
      ),
    ).toEqual([
      {
        action: 'write',
        outcome: 'granted',
        subject_id: head.id,
        fields: ['Person.certificates'],
        actor_sub: REGISTRAR.sub,
      },
    ]);
    // The holder check, in the natural-person registry's log: the officer read the printed name and ID number.
    const checks = await stack.sql(
      'natural-person',
      'select actor_sub, purpose, operation_name, via, fields from access_record where request_id = $1 and subject_id = $2',
      [requestId, head.id],
    );
    expect(checks).toEqual([
      {
        actor_sub: REGISTRAR.sub,
        purpose: PURPOSE,
        operation_name: 'CertificateHolderCheck',
        via: 'certificate',
        fields: expect.arrayContaining(['Person.idNumber', 'Person.name']),
      },
    ]);
  });

  it('answers a repeat with the same certificate, and concurrent identical issues write one row', async () => {
    const input = {
      type: 'EMPLOYMENT_CERTIFICATE',
      holder: { personId: spouse.id },
      issuingAuthority: '成都市武侯区就业服务管理局',
    };
    const responses = await Promise.all(Array.from({ length: 8 }, () => issue(HRSS, input)));
    for (const res of responses) expect(res.body.errors).toBeUndefined();
    const ids = new Set(responses.map((r) => r.body.data.issueCertificate.id));
    expect(ids.size).toBe(1);
    const again = await issue(HRSS, input);
    expect(again.body.data.issueCertificate.id).toBe([...ids][0]);
    expect(
      await stack.sql('certificate', `select id from certificate where type_code = 'EMPLOYMENT_CERTIFICATE'`),
    ).toHaveLength(1);
  });

  it('refuses a number already issued to another holder, and a repeat with other particulars; nothing is written', async () => {
    const number = 'LN510107-2020-000777';
    const first = await issue(CIVIL, { type: 'SENIOR_CITIZEN_CARD', number, holder: { personId: elder.id } });
    expect(first.body.errors).toBeUndefined();
    const other = await issue(CIVIL, { type: 'SENIOR_CITIZEN_CARD', number, holder: { personId: deceased.id } });
    expect(codes(other)).toEqual([{ code: 'BAD_USER_INPUT', argument: 'input.number', rule: 'unique' }]);
    const redated = await issue(CIVIL, {
      type: 'SENIOR_CITIZEN_CARD',
      number,
      holder: { personId: elder.id },
      issuedOn: '2020-06-01',
    });
    expect(codes(redated)).toEqual([{ code: 'BAD_USER_INPUT', argument: 'input.number', rule: 'unique' }]);
    expect(redated.body.errors![0].message).toContain('renewCertificate');
    expect(
      await stack.sql('certificate', `select number from certificate where type_code = 'SENIOR_CITIZEN_CARD'`),
    ).toHaveLength(1);
  });

  it('refuses a holder who is not in the natural-person registry, or deceased, after asking there', async () => {
    const nobody = '6f1c1e0e-0000-4000-8000-000000000001';
    const missing = await issue(REGISTRAR, { type: 'RESIDENT_ID_CARD', holder: { personId: nobody } });
    expect(codes(missing)).toEqual([{ code: 'BAD_USER_INPUT', argument: 'input.holder.personId', rule: 'exists' }]);
    const dead = await issue(REGISTRAR, { type: 'RESIDENT_ID_CARD', holder: { personId: deceased.id } });
    expect(codes(dead)).toEqual([{ code: 'BAD_USER_INPUT', argument: 'input.holder.personId', rule: 'living' }]);
    expect(await certificatesOf(deceased.id)).toEqual([]);
  });

  it('is for officers of the issuing department with certificate:write, and needs person:read:sensitive and a purpose to print a person', async () => {
    const input = { type: 'RESIDENT_ID_CARD', holder: { personId: spouse.id } };
    const otherDepartment = await issue(CIVIL, input);
    expect(codes(otherDepartment)).toEqual([{ code: 'FORBIDDEN', argument: undefined, rule: undefined }]);
    expect(otherDepartment.body.errors![0].message).toContain('public-security');
    const noWrite = await issue(officer('ps-reader', 'public-security', ['person:read:sensitive']), input);
    expect(codes(noWrite)[0].code).toBe('FORBIDDEN');
    const cannotPrint = await issue(
      officer('ps-writer', 'public-security', ['certificate:write', 'person:read']),
      input,
    );
    expect(codes(cannotPrint)[0].code).toBe('FORBIDDEN');
    expect(cannotPrint.body.errors![0].message).toContain('person:read:sensitive');
    const noPurpose = await issue(REGISTRAR, input, null);
    expect(codes(noPurpose)[0].code).toBe('FORBIDDEN');
    const anonymous = await gql(null, ISSUE, { input: { ...input, issuingAuthority: 'x', issuedOn: '2020-01-01' } });
    expect(codes(anonymous)[0].code).toBe('UNAUTHENTICATED');
    const citizen = await gql({ sub: spouse.id, role: 'citizen', dept: null, scopes: [] }, ISSUE, {
      input: { ...input, issuingAuthority: 'x', issuedOn: '2020-01-01' },
    });
    expect(codes(citizen)[0].code).toBe('FORBIDDEN');
    expect((await certificatesOf(spouse.id)).filter((c) => c.type_code === 'RESIDENT_ID_CARD')).toEqual([]);
  });

  const hostile: [string, () => [Identity, Record<string, unknown>], string, string][] = [
    [
      'a day of issue in the future',
      () => [
        REGISTRAR,
        { type: 'RESIDENT_ID_CARD', holder: { personId: child.id }, issuedOn: addYears(todayInChina(), 1) },
      ],
      'input.issuedOn',
      'date-range',
    ],
    [
      'a valid-until for a type with its own validity rule',
      () => [REGISTRAR, { type: 'RESIDENT_ID_CARD', holder: { personId: child.id }, validUntil: '2030-01-01' }],
      'input.validUntil',
      'validity',
    ],
    [
      'attributes of another type',
      () => [
        REGISTRAR,
        { type: 'RESIDENT_ID_CARD', holder: { personId: child.id }, disability: { category: 'VISION', grade: 2 } },
      ],
      'input.disability',
      'attributes',
    ],
    [
      'a disability certificate without its attributes',
      () => [DISABLED, { type: 'DISABILITY_CERTIFICATE', holder: { personId: child.id } }],
      'input.disability',
      'required',
    ],
    [
      'a disability grade of 5',
      () => [
        DISABLED,
        {
          type: 'DISABILITY_CERTIFICATE',
          holder: { personId: child.id },
          disability: { category: 'VISION', grade: 5 },
        },
      ],
      'input.disability.grade',
      'range',
    ],
    [
      "an ID card number that is not the holder's",
      () => [REGISTRAR, { type: 'RESIDENT_ID_CARD', number: spouse.idNumber, holder: { personId: child.id } }],
      'input.number',
      'matches-holder',
    ],
    [
      'a marriage number in the wrong format',
      () => [
        CIVIL,
        {
          type: 'MARRIAGE_CERTIFICATE',
          number: '2020-000001',
          holder: { personId: head.id },
          marriage: { spouseId: spouse.id },
        },
      ],
      'input.number',
      'number-format',
    ],
    [
      'a marriage number of another year',
      () => [
        CIVIL,
        {
          type: 'MARRIAGE_CERTIFICATE',
          number: 'J510107-2019-000001',
          holder: { personId: head.id },
          marriage: { spouseId: spouse.id },
        },
      ],
      'input.number',
      'number-year',
    ],
    [
      'a marriage number of a district outside Chengdu',
      () => [
        CIVIL,
        {
          type: 'MARRIAGE_CERTIFICATE',
          number: 'J110105-2020-000001',
          holder: { personId: head.id },
          marriage: { spouseId: spouse.id },
        },
      ],
      'input.number',
      'number-format',
    ],
    [
      'the holder as their own spouse',
      () => [
        CIVIL,
        {
          type: 'MARRIAGE_CERTIFICATE',
          number: 'J510107-2020-000001',
          holder: { personId: head.id },
          marriage: { spouseId: head.id },
        },
      ],
      'input.marriage.spouseId',
      'spouse',
    ],
    [
      'spouses of the same gender',
      () => [
        CIVIL,
        {
          type: 'MARRIAGE_CERTIFICATE',
          number: 'J510107-2020-000001',
          holder: { personId: spouse.id },
          marriage: { spouseId: elder.id },
        },
      ],
      'input.marriage.spouseId',
      'marriage-parties',
    ],
    [
      'a spouse under the age of marriage',
      () => [
        CIVIL,
        {
          type: 'MARRIAGE_CERTIFICATE',
          number: 'J510107-2020-000001',
          holder: { personId: head.id },
          marriage: { spouseId: child.id },
        },
      ],
      'input.marriage.spouseId',
      'marriage-age',
    ],
    [
      'a senior citizen card for someone under 60',
      () => [CIVIL, { type: 'SENIOR_CITIZEN_CARD', number: 'LN510107-2020-000001', holder: { personId: head.id } }],
      'input.holder.personId',
      'age',
    ],
    [
      'a household register for someone who is not the head',
      () => [REGISTRAR, { type: 'HOUSEHOLD_REGISTER', holder: { personId: spouse.id } }],
      'input.holder.personId',
      'household-head',
    ],
    [
      'a person holding a business licence',
      () => [MARKET, { type: 'BUSINESS_LICENCE', holder: { personId: head.id } }],
      'input.holder',
      'holder-kind',
    ],
    [
      'both a person and an organization as holder',
      () => [MARKET, { type: 'BUSINESS_LICENCE', holder: { personId: head.id, creditCode: organization.creditCode } }],
      'input.holder',
      'one-of',
    ],
    [
      'a deregistered organization',
      () => [MARKET, { type: 'BUSINESS_LICENCE', holder: { creditCode: closed.creditCode } }],
      'input.holder.creditCode',
      'active',
    ],
    [
      'a credit code that fails its check character',
      () => [
        MARKET,
        {
          type: 'BUSINESS_LICENCE',
          holder: {
            creditCode: `${organization.creditCode.slice(0, 17)}${organization.creditCode[17] === '0' ? '1' : '0'}`,
          },
        },
      ],
      'input.holder.creditCode',
      'check-character',
    ],
    [
      'an issuing authority of 101 characters',
      () => [
        REGISTRAR,
        { type: 'RESIDENT_ID_CARD', holder: { personId: child.id }, issuingAuthority: '局'.repeat(101) },
      ],
      'input.issuingAuthority',
      'length',
    ],
    [
      'control characters in the issuing authority',
      () => [REGISTRAR, { type: 'RESIDENT_ID_CARD', holder: { personId: child.id }, issuingAuthority: '公安\u0000局' }],
      'input.issuingAuthority',
      'charset',
    ],
    [
      'a diploma number with the level digit of another level',
      () => [
        EDUCATION,
        {
          type: 'DIPLOMA',
          number: '10610120206000123',
          issuedOn: '2020-06-30',
          holder: { personId: head.id },
          diploma: { school: '四川大学', level: 'BACHELOR' },
        },
      ],
      'input.number',
      'number-level',
    ],
    [
      'an occupation code that is not GB/T 6565',
      () => [
        HRSS,
        {
          type: 'VOCATIONAL_QUALIFICATION',
          number: 'S20205101070000001',
          holder: { personId: head.id },
          vocationalQualification: { occupation: '电工', occupationCode: '63101', level: 4 },
        },
      ],
      'input.vocationalQualification.occupationCode',
      'occupation-code',
    ],
    [
      'a monthly allowance over 99999.99',
      () => [
        CIVIL,
        {
          type: 'MINIMUM_ALLOWANCE_CERTIFICATE',
          number: 'DB510107-2020-000001',
          holder: { personId: head.id },
          minimumAllowance: { monthlyAmount: '100000.00', coveredMembers: 3 },
        },
      ],
      'input.minimumAllowance.monthlyAmount',
      'max',
    ],
    [
      'an allowance for 21 members',
      () => [
        CIVIL,
        {
          type: 'MINIMUM_ALLOWANCE_CERTIFICATE',
          number: 'DB510107-2020-000001',
          holder: { personId: head.id },
          minimumAllowance: { monthlyAmount: '900.00', coveredMembers: 21 },
        },
      ],
      'input.minimumAllowance.coveredMembers',
      'range',
    ],
  ];

  it.each(hostile)(
    'refuses %s with BAD_USER_INPUT naming the argument and rule, and writes nothing',
    async (_what, make, argument, rule) => {
      const before = await stack.sql('certificate', 'select count(*)::int as n from certificate');
      const [identity, input] = make();
      const res = await issue(identity, input);
      expect(codes(res)).toEqual([{ code: 'BAD_USER_INPUT', argument, rule }]);
      expect(res.body.data?.issueCertificate ?? null).toBeNull();
      expect(await stack.sql('certificate', 'select count(*)::int as n from certificate')).toEqual(before);
    },
  );

  it('issues a disability certificate numbered with ID number, category digit and grade digit, valid ten years', async () => {
    const res = await issue(DISABLED, {
      type: 'DISABILITY_CERTIFICATE',
      holder: { personId: child.id },
      issuingAuthority: '成都市武侯区残疾人联合会',
      issuedOn: '2021-03-10',
      disability: { category: 'HEARING', grade: 3 },
    });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.issueCertificate).toMatchObject({
      number: `${child.idNumber}23`,
      validUntil: '2031-03-10',
      attributes: { __typename: 'DisabilityAttributes', category: 'HEARING', grade: 3 },
    });
  });

  it('issues a marriage certificate printing both spouses, and records the write against both', async () => {
    const res = await issue(CIVIL, {
      type: 'MARRIAGE_CERTIFICATE',
      number: 'j510107-2008-000123',
      holder: { personId: head.id },
      issuingAuthority: '成都市武侯区民政局婚姻登记处',
      issuedOn: '2008-10-01',
      marriage: { spouseId: spouse.id },
    });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.issueCertificate).toMatchObject({
      number: 'J510107-2008-000123',
      validUntil: null,
      attributes: { __typename: 'MarriageAttributes', spouse: { id: spouse.id } },
    });
    const payload = JSON.parse(
      Buffer.from(res.body.data.issueCertificate.signedForm.split('.')[1], 'base64url').toString(),
    );
    expect(payload.holder).toEqual({ kind: 'PERSON', id: head.id, name: head.name, idNumber: head.idNumber });
    expect(payload.attributes).toMatchObject({
      spouseId: spouse.id,
      spouseName: spouse.name,
      spouseIdNumber: spouse.idNumber,
    });
    const records = await stack.sql(
      'certificate',
      'select subject_id, fields from access_record where request_id = $1 order by seq',
      [res.headers.get('x-request-id')],
    );
    expect(records).toEqual(
      expect.arrayContaining([
        { subject_id: head.id, fields: ['Person.certificates'] },
        { subject_id: spouse.id, fields: ['MarriageAttributes.spouse'] },
      ]),
    );
  });

  it('issues a business licence to an active organization with its stated term', async () => {
    const res = await issue(MARKET, {
      type: 'BUSINESS_LICENCE',
      holder: { creditCode: organization.creditCode },
      issuingAuthority: '成都市武侯区市场监督管理局',
      issuedOn: '2015-03-01',
      validUntil: '2045-02-28',
    });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.issueCertificate).toMatchObject({
      number: organization.creditCode,
      validUntil: '2045-02-28',
      holder: { __typename: 'Organization', creditCode: organization.creditCode },
    });
  });

  it('issues the household register to the head, numbered with the household number', async () => {
    const res = await issue(REGISTRAR, { type: 'HOUSEHOLD_REGISTER', holder: { personId: head.id } });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.issueCertificate).toMatchObject({ number: family.number, validUntil: null });
  });
});

describe('revokeCertificate and renewCertificate', () => {
  const REVOKE = `mutation Revoke($input: RevokeCertificateInput!) {
    revokeCertificate(input: $input) { id status revocation { revokedOn reason } } }`;
  const RENEW = `mutation Renew($input: RenewCertificateInput!) {
    renewCertificate(input: $input) { id number status issuedOn validUntil verificationCode signedForm } }`;

  it('revokes once: REVOKED with date and reason; the same again answers the same, another revocation is refused', async () => {
    const person = await addPerson(stack, { name: '吊销测试', birthDate: '1990-01-01' });
    const card = await addCertificate(stack, person, { issuedOn: '2015-01-01', validUntil: '2025-01-01' });
    const input = { type: 'RESIDENT_ID_CARD', number: card.number, revokedOn: '2024-06-01', reason: '遗失补领' };
    const first = await gql(REGISTRAR, REVOKE, { input });
    expect(first.body.data.revokeCertificate).toEqual({
      id: card.id,
      status: 'REVOKED',
      revocation: { revokedOn: '2024-06-01', reason: '遗失补领' },
    });
    expect((await gql(REGISTRAR, REVOKE, { input })).body.data.revokeCertificate.id).toBe(card.id);
    const other = await gql(REGISTRAR, REVOKE, { input: { ...input, reason: '另一个理由' } });
    expect(codes(other)).toEqual([{ code: 'BAD_USER_INPUT', argument: 'input.number', rule: 'revoked' }]);
    const early = await gql(REGISTRAR, REVOKE, {
      input: { ...input, number: person.idNumber, revokedOn: '2010-01-01' },
    });
    expect(codes(early)[0].code).toBe('BAD_USER_INPUT');
    const unknown = await gql(REGISTRAR, REVOKE, { input: { ...input, number: '510107199001019999' } });
    expect(codes(unknown)).toEqual([{ code: 'BAD_USER_INPUT', argument: 'input.number', rule: 'exists' }]);
    const wrongDepartment = await gql(CIVIL, REVOKE, { input });
    expect(codes(wrongDepartment)[0].code).toBe('FORBIDDEN');
  });

  it('renews with a new period and signed form, keeping number and verification code; a repeat answers the same', async () => {
    const person = await addPerson(stack, { name: '换领测试', birthDate: '1995-04-04' });
    const card = await addCertificate(stack, person, { issuedOn: '2013-05-01', validUntil: '2023-05-01' });
    const before = await gql(
      { sub: person.id, role: 'citizen', dept: null, scopes: [] },
      'query Mine { me { certificates { status signedForm verificationCode } } }',
    );
    expect(before.body.data.me.certificates[0].status).toBe('EXPIRED');
    const input = { type: 'RESIDENT_ID_CARD', number: card.number, issuedOn: '2023-04-20' };
    const renewed = await gql(REGISTRAR, RENEW, { input });
    expect(renewed.body.errors).toBeUndefined();
    // 28 on the day of issue: 20 years.
    expect(renewed.body.data.renewCertificate).toMatchObject({
      id: card.id,
      number: card.number,
      status: 'VALID',
      issuedOn: '2023-04-20',
      validUntil: '2043-04-20',
      verificationCode: before.body.data.me.certificates[0].verificationCode,
    });
    expect(renewed.body.data.renewCertificate.signedForm).not.toBe(before.body.data.me.certificates[0].signedForm);
    const repeat = await gql(REGISTRAR, RENEW, { input });
    expect(repeat.body.data.renewCertificate).toEqual(renewed.body.data.renewCertificate);
    const backwards = await gql(REGISTRAR, RENEW, { input: { ...input, issuedOn: '2020-01-01' } });
    expect(codes(backwards)).toEqual([{ code: 'BAD_USER_INPUT', argument: 'input.issuedOn', rule: 'date-range' }]);
  });

  it('does not renew a revoked certificate', async () => {
    const person = await addPerson(stack, { name: '不可换领', birthDate: '1991-01-01' });
    const card = await addCertificate(stack, person, { revokedOn: '2022-01-01' });
    const res = await gql(REGISTRAR, RENEW, {
      input: { type: 'RESIDENT_ID_CARD', number: card.number, issuedOn: '2024-01-01' },
    });
    expect(codes(res)).toEqual([{ code: 'BAD_USER_INPUT', argument: 'input.number', rule: 'revoked' }]);
  });
});

describe('status and the graph', () => {
  it("derives EXPIRED from today's date when read, with no job: a day makes the difference", async () => {
    const person = await addPerson(stack, { name: '到期测试' });
    const today = todayInChina();
    const yesterday = new Date(Date.parse(`${today}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    await addCertificate(stack, person, { type: 'EMPLOYMENT_CERTIFICATE', validUntil: yesterday, department: 'hrss' });
    await addCertificate(stack, person, { validUntil: today });
    const res = await gql(
      { sub: person.id, role: 'citizen', dept: null, scopes: [] },
      'query Mine { me { certificates { type { code } status validUntil } } }',
    );
    expect(res.body.errors).toBeUndefined();
    const byType = Object.fromEntries(res.body.data.me.certificates.map((c: any) => [c.type.code, c.status]));
    expect(byType).toEqual({ EMPLOYMENT_CERTIFICATE: 'EXPIRED', RESIDENT_ID_CARD: 'VALID' });
  });

  it("reaches a person's certificates from natural-person and the holder from the certificate, through the gateway", async () => {
    const res = await gql(
      CASE,
      `query Case($n: String!) { personByIdNumber(idNumber: $n) { name certificates(type: RESIDENT_ID_CARD) { number holder { ... on Person { id } } } } }`,
      { n: head.idNumber },
    );
    // CASE has no person:read:sensitive: the lookup itself is refused, the certificate path is not reached.
    expect(codes(res)[0].code).toBe('FORBIDDEN');
    const both = officer('ca-case-2', 'civil-affairs', ['certificate:read:sensitive', 'person:read:sensitive']);
    const ok = await gql(
      both,
      `query Case($n: String!) { personByIdNumber(idNumber: $n) { name certificates(type: RESIDENT_ID_CARD) { number holder { ... on Person { name } } } } }`,
      { n: head.idNumber },
    );
    expect(ok.body.errors).toBeUndefined();
    expect(ok.body.data.personByIdNumber).toEqual({
      name: head.name,
      certificates: [{ number: head.idNumber, holder: { name: head.name } }],
    });
  });

  it("shows an organization's licence to organization:read and to its legal representative, asked of legal-person", async () => {
    const query =
      'query Licence($c: String!) { organization(creditCode: $c) { name certificates { type { code } number } } }';
    const reader = await gql(officer('mr-reader', 'market-regulation', ['organization:read']), query, {
      c: organization.creditCode,
    });
    expect(reader.body.errors).toBeUndefined();
    expect(reader.body.data.organization.certificates).toEqual([
      { type: { code: 'BUSINESS_LICENCE' }, number: organization.creditCode },
    ]);
    const representative = await gql({ sub: head.id, role: 'citizen', dept: null, scopes: [] }, query, {
      c: organization.creditCode,
    });
    expect(representative.body.errors).toBeUndefined();
    expect(representative.body.data.organization.certificates).toHaveLength(1);
    // The check ran in legal-person as the citizen, via the certificate registry.
    const check = await stack.sql(
      'legal-person',
      'select actor_sub, operation_name, via from access_record where request_id = $1',
      [representative.headers.get('x-request-id')],
    );
    expect(check).toEqual([
      { actor_sub: head.id, operation_name: 'CertificateRepresentedOrganizations', via: 'certificate' },
    ]);
    const stranger = await gql({ sub: child.id, role: 'citizen', dept: null, scopes: [] }, query, {
      c: organization.creditCode,
    });
    expect(stranger.body.data.organization).toEqual({ name: organization.name, certificates: null });
    expect(codes(stranger)).toEqual([{ code: 'FORBIDDEN', argument: undefined, rule: undefined }]);
  });

  it('looks a certificate up by type and number only for those who may read it, refusing alike whether it exists or not', async () => {
    const query =
      'query One($t: CertificateTypeCode!, $n: String!) { certificate(type: $t, number: $n) { number status } }';
    const own = await gql({ sub: head.id, role: 'citizen', dept: null, scopes: [] }, query, {
      t: 'RESIDENT_ID_CARD',
      n: head.idNumber,
    });
    expect(own.body.data.certificate).toEqual({ number: head.idNumber, status: 'VALID' });
    const someoneElse = await gql({ sub: child.id, role: 'citizen', dept: null, scopes: [] }, query, {
      t: 'RESIDENT_ID_CARD',
      n: head.idNumber,
    });
    const nothing = await gql({ sub: child.id, role: 'citizen', dept: null, scopes: [] }, query, {
      t: 'RESIDENT_ID_CARD',
      n: '510107199901011234',
    });
    expect(codes(someoneElse)).toEqual(codes(nothing));
    expect(someoneElse.body.errors![0].message).toBe(nothing.body.errors![0].message);
    expect(codes(nothing)[0].code).toBe('FORBIDDEN');
    const caseOfficer = await gql(CASE, query, { t: 'RESIDENT_ID_CARD', n: '510107199901011234' });
    expect(caseOfficer.body).toEqual({ data: { certificate: null } });
  });
});
