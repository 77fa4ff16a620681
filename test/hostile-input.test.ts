import { randomUUID } from 'node:crypto';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isNonNullType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import { composeApiSchema } from '../scripts/lib/compose';
import { makeCreditCode } from '../subgraphs/shared/domain/credit-code';
import { makeIdNumber } from '../subgraphs/shared/domain/id-number';
import { decimalColumn } from '../subgraphs/shared/columns';
import { PenaltySchema } from '../subgraphs/legal-person/entities/penalty.entity';
import { OrganizationSchema } from '../subgraphs/legal-person/entities/organization.entity';
import {
  addCertificate,
  addHousehold,
  addJobPostings,
  addMaterial,
  addOrganizations,
  type CertificateFixture,
  type HouseholdFixture,
  type OrganizationFixture,
  type PersonFixture,
} from './support/fixtures';
import { startStack, type TestStack } from './support/stack';
import { completeMaterials } from './support/assistance';
import { addDays, todayInChina } from '../subgraphs/shared/calendar';
import { QUOTED_VALUE_MAX, shortenQuotedValues } from '../subgraphs/shared/errors';

/**
 * Every argument of every root field, walked from the composed API schema (what clients of the gateway see),
 * gets hostile values of its type (over-long and control-character text, forged cursors, amounts
 * at and beyond what a column holds, extreme dates and integers) while every other argument stays
 * valid, so each value reaches as deep as it can. None may end in an internal error: a value
 * the checks let through must fit its column, and anything else is BAD_USER_INPUT on its argument.
 * A root field added later without an example here fails the first test.
 */

let stack: TestStack;
let schema: GraphQLSchema;
let person: PersonFixture;
let household: HouseholdFixture;
let organization: OrganizationFixture;
let idCard: CertificateFixture;
let material: { id: string };
let jobId: string;
let closedJobId: string;
let applicationId: string;
let otherJobId: string;
let viewedId: string;

interface Example {
  caller: () => Promise<{ token?: string; purpose?: string }>;
  /** Valid arguments; fresh ones each call where the field writes. */
  args: () => Record<string, unknown>;
}

let unique = 0;
/** A consent request to decline and a grant to revoke (made in beforeAll). */
const consent = { declined: '', grant: '' };
function freshIdNumber(): string {
  unique += 1;
  const day = new Date(Date.UTC(1960, 0, 1) + unique * 86_400_000).toISOString().slice(0, 10);
  return makeIdNumber('510104', day, 1);
}
function freshCreditCode(): string {
  unique += 1;
  return makeCreditCode('1', '510104', String(50_000_000 + unique));
}

const officer = (dept: string, scopes: string[], purpose?: string) => async () => ({
  token: await stack.token({ role: 'officer', dept: dept as never, scopes: scopes as never }),
  purpose,
});

const DIPLOMA = { school: '四川大学', level: 'BACHELOR', major: '法学' };
const EDUCATION = officer('education', ['certificate:write', 'person:read:sensitive'], 'EDU-1');
const CASE = officer('civil-affairs', ['certificate:read:sensitive'], 'CASE-1');

const HRSS = officer('hrss', ['labour:write']);
const SEEKER = async () => ({ token: await stack.token({ role: 'citizen', sub: person.id }) });

const CASE_WORK = officer(
  'civil-affairs',
  ['assistance:read:sensitive', 'assistance:write', 'person:read:sensitive', 'certificate:read:sensitive'],
  'MLA-HOSTILE-1',
);
/** Applications in SUBMITTED, one per transitionApplication example (a step is taken once per version). */
let submitted: string[] = [];
let caseId: string;
let noticeId: string;
let cardId: string;

const EXAMPLES: Record<string, Example> = {
  'Query.application': { caller: CASE_WORK, args: () => ({ id: caseId, reference: null }) },
  'Query.applications': {
    caller: CASE_WORK,
    args: () => ({
      filter: { status: 'SUBMITTED', programme: 'MINIMUM_LIVING_ALLOWANCE', districtCode: '510107', colour: null },
      first: 5,
    }),
  },
  'Query.publicNotices': { caller: async () => ({}), args: () => ({ district: '510104', programme: null }) },
  'Query.supervision': {
    caller: officer('statistics', ['assistance:read']),
    args: () => ({ filter: { department: 'civil-affairs', districtCode: '510104', programme: 'MEDICAL_ASSISTANCE' } }),
  },
  'Query.onTimeRate': {
    caller: officer('statistics', ['assistance:read']),
    args: () => ({ from: '2026-01-01', to: '2026-12-31' }),
  },
  'Mutation.applyForAssistance': {
    caller: CASE_WORK,
    args: () => ({
      input: {
        programme: 'MINIMUM_LIVING_ALLOWANCE',
        applicantId: person.id,
        declaredMonthlyIncome: '650.00',
        certificateIds: [idCard.id],
        materialIds: [material.id],
      },
    }),
  },
  'Mutation.transitionApplication': {
    caller: CASE_WORK,
    args: () => ({
      input: {
        applicationId: submitted.pop(),
        version: 1,
        to: 'ACCEPTED',
        note: '材料齐全',
        reason: null,
        proposedAmount: null,
        approvedAmount: null,
        periodStart: null,
        periodEnd: null,
      },
    }),
  },
  'Query.supervisionCards': {
    caller: officer('civil-affairs', ['assistance:read']),
    args: () => ({ acknowledged: false, first: 10 }),
  },
  // Acknowledged once by the example; a repeat is BAD_USER_INPUT rule `acknowledged`, never an internal error.
  'Mutation.acknowledgeSupervisionCard': {
    caller: CASE_WORK,
    args: () => ({ input: { cardId, note: '已督办' } }),
  },
  'Mutation.objectToNotice': {
    caller: async () => ({}),
    args: () => ({ input: { noticeId, text: '有异议' } }),
  },

  'Query.jobs': {
    caller: async () => ({}),
    args: () => ({
      filter: {
        keyword: '会计 成都',
        districts: ['510107'],
        occupations: ['ACCOUNTANT'],
        industry: 'I65',
        minSalary: 6000,
        education: 'BACHELOR',
        postedWithinDays: 30,
      },
      orderBy: 'RELEVANCE',
      first: 20,
      after: null,
    }),
  },
  'Query.job': { caller: async () => ({}), args: () => ({ id: jobId }) },
  'Query.serviceCounter': { caller: async () => ({}), args: () => ({ districtCode: '510107' }) },
  'Mutation.postJob': {
    caller: HRSS,
    args: () => ({
      input: {
        employerCreditCode: organization.creditCode,
        reference: `HR-${++unique}`,
        title: '总账会计',
        description: '负责总账核算与月度结账。',
        occupation: 'ACCOUNTANT',
        districtCode: '510107',
        workAddress: '成都市武侯区天府大道1号',
        salaryMin: 6000,
        salaryMax: 9000,
        education: 'BACHELOR',
        experienceYears: 3,
        headcount: 1,
        contactName: '王女士',
        contactPhone: '13800138000',
        expiresOn: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10),
      },
    }),
  },
  'Mutation.closeJob': { caller: HRSS, args: () => ({ input: { id: closedJobId, status: 'FILLED' } }) },
  'Query.recommendedJobs': { caller: SEEKER, args: () => ({ first: 10 }) },
  'Query.statistics': {
    caller: async () => ({ token: await stack.token({ role: 'analyst', dept: 'statistics' }) }),
    args: () => ({
      measure: 'residents',
      dimensions: ['district', 'ageBand', 'disabilityCertificate'],
      filter: [{ dimension: 'gender', values: ['FEMALE'] }],
    }),
  },
  'Mutation.saveJobSeekerProfile': {
    caller: SEEKER,
    args: () => ({
      input: {
        displayName: '边界求职',
        contactPhone: '13800138000',
        desiredOccupations: ['ACCOUNTANT'],
        desiredDistricts: ['510107'],
        desiredSalary: 6000,
        education: 'BACHELOR',
        experienceYears: 3,
        skills: '总账 报表',
        availability: '随时到岗',
        visibleToEmployers: true,
      },
    }),
  },
  'Mutation.applyForJob': { caller: SEEKER, args: () => ({ jobId }) },
  'Mutation.withdrawApplication': { caller: SEEKER, args: () => ({ id: applicationId }) },
  'Mutation.setApplicationStatus': { caller: HRSS, args: () => ({ input: { id: viewedId, status: 'VIEWED' } }) },
  'Mutation.registerEmployment': {
    caller: officer('hrss', ['labour:write', 'person:read']),
    args: () => ({
      input: {
        personId: person.id,
        kind: 'EMPLOYED',
        organizationCreditCode: organization.creditCode,
        from: '2024-01-01',
        to: null,
      },
    }),
  },
  'Query.certificateType': { caller: async () => ({}), args: () => ({ code: 'RESIDENT_ID_CARD' }) },
  'Query.services': { caller: async () => ({}), args: () => ({ department: 'hrss' }) },
  'Query.service': { caller: async () => ({}), args: () => ({ code: 'MLA' }) },
  'Query.certificate': { caller: CASE, args: () => ({ type: 'RESIDENT_ID_CARD', number: person.idNumber }) },
  'Query.verifyCertificate': { caller: async () => ({}), args: () => ({ code: idCard.verificationCode }) },
  'Query.material': { caller: CASE, args: () => ({ id: material.id }) },
  'Mutation.issueCertificate': {
    caller: EDUCATION,
    args: () => ({
      input: {
        type: 'DIPLOMA',
        number: `1061012007500${String(++unique).padStart(4, '0')}`,
        holder: { personId: person.id, creditCode: null },
        issuingAuthority: '四川大学',
        issuedOn: '2007-06-30',
        validUntil: null,
        diploma: DIPLOMA,
      },
    }),
  },
  'Mutation.revokeCertificate': {
    caller: EDUCATION,
    args: () => ({
      input: { type: 'DIPLOMA', number: '10610120075999998', revokedOn: '2020-01-01', reason: '撤销学位' },
    }),
  },
  'Mutation.renewCertificate': {
    caller: EDUCATION,
    args: () => ({ input: { type: 'DIPLOMA', number: '10610120075999999', issuedOn: '2020-01-01', validUntil: null } }),
  },
  'Mutation.recordMaterialUse': { caller: CASE, args: () => ({ input: { materialId: material.id, service: 'MLA' } }) },
  'Query.organization': { caller: async () => ({}), args: () => ({ creditCode: organization.creditCode }) },
  'Query.organizations': {
    caller: async () => ({}),
    args: () => ({
      filter: { nameContains: '测试', districtCode: '510107', industryCode: 'I', status: 'ACTIVE' },
      first: 5,
      after: null,
    }),
  },
  'Query.person': { caller: officer('civil-affairs', ['person:read']), args: () => ({ id: person.id }) },
  'Query.personByIdNumber': {
    caller: officer('civil-affairs', ['person:read:sensitive'], 'CASE-1'),
    args: () => ({ idNumber: person.idNumber }),
  },
  'Query.household': {
    caller: officer('civil-affairs', ['person:read:sensitive'], 'CASE-1'),
    args: () => ({ number: household.number }),
  },
  'Query.accessRecords': {
    caller: async () => ({ token: await stack.token({ role: 'auditor', dept: 'data-bureau' }) }),
    args: () => ({ filter: { personId: person.id, actorSub: 'officer-1' }, first: 5, after: null }),
  },
  'Query.accessAlerts': {
    caller: async () => ({ token: await stack.token({ role: 'auditor', dept: 'data-bureau' }) }),
    args: () => ({
      filter: { actorSub: 'officer-1', actorDepartment: 'civil-affairs', registry: 'natural-person' },
      first: 5,
      after: null,
    }),
  },
  'Mutation.registerPerson': {
    caller: officer('public-security', ['person:write'], 'REG-1'),
    args: () => ({
      input: {
        idNumber: freshIdNumber(),
        name: '边界测试',
        ethnicity: '汉族',
        districtCode: '510104',
        registeredAddress: '成都市锦江区红星路1号',
        phone: '13800138000',
        maritalStatus: 'UNMARRIED',
        householdNumber: null,
        relationship: null,
      },
    }),
  },
  'Query.myConsentRequests': {
    caller: async () => ({ token: await stack.token({ role: 'citizen', sub: person.id }) }),
    args: () => ({ status: 'PENDING' }),
  },
  'Query.consentGrantsHeld': {
    caller: officer('education', [], 'EDU-HOSTILE'),
    args: () => ({ personIds: [person.id] }),
  },
  'Mutation.requestConsent': {
    caller: officer('education', []),
    args: () => ({
      input: {
        personId: person.id,
        fields: ['Person.name', 'Person.certificates(type: DIPLOMA)'],
        purpose: `EDU-HOSTILE-${(unique += 1)}`,
        validUntil: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      },
    }),
  },
  // Declining the same request again, and revoking the same grant again, change nothing.
  'Mutation.answerConsentRequest': {
    caller: async () => ({ token: await stack.token({ role: 'citizen', sub: person.id }) }),
    args: () => ({ input: { requestId: consent.declined, approve: [] } }),
  },
  'Mutation.revokeConsentGrant': {
    caller: async () => ({ token: await stack.token({ role: 'citizen', sub: person.id }) }),
    args: () => ({ id: consent.grant }),
  },
  'Mutation.updateMyContact': {
    caller: async () => ({ token: await stack.token({ role: 'citizen', sub: person.id }) }),
    args: () => ({ input: { phone: '13800138000' } }),
  },
  'Mutation.registerOrganization': {
    caller: officer('market-regulation', ['organization:write', 'person:read']),
    args: () => ({
      input: {
        creditCode: freshCreditCode(),
        name: '成都边界测试科技有限公司',
        type: 'LIMITED_LIABILITY_COMPANY',
        legalRepresentativeId: person.id,
        registeredCapital: '1000000.00',
        establishedOn: '2015-03-01',
        industryCode: 'I6513',
        districtCode: '510104',
        address: '成都市锦江区红星路1号',
        businessScope: '软件开发',
      },
    }),
  },
  'Mutation.recordPenalty': {
    caller: officer('market-regulation', ['organization:write']),
    args: () => ({
      input: {
        creditCode: organization.creditCode,
        decisionNumber: `成武市监罚〔2026〕${++unique}号`,
        decidedOn: '2024-03-01',
        reason: '未按规定公示年度报告',
        amount: '5000.00',
        authority: '成都市武侯区市场监督管理局',
      },
    }),
  },
};

const cursor = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** Forged cursors: valid base64url JSON of the wrong shape, or the right shape with hostile contents. */
const FORGED_CURSORS = [
  cursor(['\u0000']),
  cursor(['91510104MA\u00006XXXXX']),
  cursor(['x'.repeat(300)]),
  cursor([1e308]),
  cursor([{}]),
  cursor([null]),
  cursor([]),
  cursor({}),
  cursor(['2026-01-01T00:00:00.000Z', 'natural-person', -1]),
  cursor(['2026-01-01T00:00:00.000Z', 'natural-person', 1e30]),
  cursor(['1', 'natural-person', 1]),
  cursor(['+275760-09-13T00:00:00.000Z', 'natural-person', 1]),
  cursor(['2026-01-01T00:00:00.000Z', "natural-person' or 1=1 --", 1]),
  cursor(['2026-01-01T00:00:00.000Z', '\u0000', 1]),
  'not base64 at all!',
  'A'.repeat(5000),
  '',
];

const HOSTILE_TEXT = [
  '',
  '   ',
  'x'.repeat(20_000),
  '\u0000',
  'a\u0000b',
  '\u202e\u0007',
  '😀'.repeat(60),
  "'; drop table person; --",
  '%_\\',
];

function hostileValues(type: GraphQLInputType, argumentName: string): unknown[] {
  const named = getNamedType(type);
  const nullable = isNonNullType(type) ? [] : [null];
  if (isEnumType(named)) return [...named.getValues().map((v) => v.value), ...nullable];
  if (!isScalarType(named)) return nullable;
  if (argumentName === 'after') return [...FORGED_CURSORS, ...nullable];
  switch (named.name) {
    case 'String':
      return [...HOSTILE_TEXT, ...nullable];
    case 'ID':
      return ['not-a-uuid', '00000000-0000-0000-0000-000000000000', 'a\u0000', 'x'.repeat(5000), ...nullable];
    case 'Int':
      return [0, -1, 2147483647, -2147483648, ...nullable];
    case 'Money':
      return ['0', '0.01', '999999999999.99', '1000000000000', '99999999999999.99', '999999999999999.99', ...nullable];
    case 'Date':
      return ['0001-01-01', '9999-12-31', '1900-02-29', '2024-02-29', ...nullable];
    case 'DateTime':
      return [
        '0001-01-01T00:00:00Z',
        '9999-12-31T23:59:59.999Z',
        '+275760-09-13T00:00:00.000Z',
        '2026-13-01T00:00:00Z',
        '1',
        'x'.repeat(5000),
        ...nullable,
      ];
    case 'Boolean':
      return [true, false, ...nullable];
    default:
      throw new Error(`no hostile values for scalar ${named.name}: add them here`);
  }
}

/** Every (path, value) to try for one argument: the argument itself, and each field of an input object, recursively. */
function variants(type: GraphQLInputType, name: string, path: string[]): { path: string[]; value: unknown }[] {
  const named = getNamedType(type);
  const own = hostileValues(type, name).map((value) => ({ path, value }));
  if (!isInputObjectType(named)) return own;
  return [
    ...own,
    ...Object.values(named.getFields()).flatMap((field) => variants(field.type, field.name, [...path, field.name])),
  ];
}

function setPath(args: Record<string, unknown>, path: string[], value: unknown): Record<string, unknown> {
  const copy = structuredClone(args);
  let target: Record<string, unknown> = copy;
  for (const key of path.slice(0, -1)) {
    target[key] ??= {};
    target = target[key] as Record<string, unknown>;
  }
  target[path.at(-1)!] = value;
  return copy;
}

function operation(kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>): string {
  const variables = field.args.map((a: GraphQLArgument) => `$${a.name}: ${a.type.toString()}`).join(', ');
  const args = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
  return `${kind} Hostile(${variables}) { ${field.name}(${args}) { __typename } }`;
}

function rootFields(): { key: string; kind: 'query' | 'mutation'; field: GraphQLField<unknown, unknown> }[] {
  return [
    ...Object.values(schema.getQueryType()!.getFields()).map((field) => ({
      key: `Query.${field.name}`,
      kind: 'query' as const,
      field,
    })),
    ...Object.values(schema.getMutationType()?.getFields() ?? {}).map((field) => ({
      key: `Mutation.${field.name}`,
      kind: 'mutation' as const,
      field,
    })),
  ].filter(({ field }) => field.args.length > 0);
}

beforeAll(async () => {
  stack = await startStack();
  household = await addHousehold(stack, [{ name: '边界户主' }]);
  person = household.members[0];
  [organization] = await addOrganizations(stack, [person.id]);
  idCard = await addCertificate(stack, person);
  for (const number of ['10610120075999998', '10610120075999999']) {
    await addCertificate(stack, person, {
      type: 'DIPLOMA',
      number,
      issuedOn: '2007-06-30',
      validUntil: null,
      department: 'education',
      attributes: { kind: 'DIPLOMA', ...DIPLOMA },
    });
  }
  material = await addMaterial(stack, person.id);
  const edu = await stack.token({ role: 'officer', dept: 'education', scopes: [] });
  const citizenToken = await stack.token({ role: 'citizen', sub: person.id });
  const ask = async (purpose: string) =>
    (
      await stack.graphql('mutation Ask($i: RequestConsentInput!) { requestConsent(input: $i) { id } }', {
        token: edu,
        variables: {
          i: {
            personId: person.id,
            fields: ['Person.name'],
            purpose,
            validUntil: new Date(Date.now() + 86_400_000).toISOString(),
          },
        },
      })
    ).body.data.requestConsent.id as string;
  consent.declined = await ask('EDU-DECLINE');
  const granted = await stack.graphql(
    'mutation Answer($i: AnswerConsentRequestInput!) { answerConsentRequest(input: $i) { grant { id } } }',
    { token: citizenToken, variables: { i: { requestId: await ask('EDU-GRANT'), approve: ['Person.name'] } } },
  );
  consent.grant = granted.body.data.answerConsentRequest.grant.id;
  [{ id: jobId }, { id: closedJobId }, { id: otherJobId }] = await addJobPostings(
    stack,
    ['出纳', '会计', '文员'].map((title) => ({
      employerCreditCode: organization.creditCode,
      employerName: organization.name,
      title,
    })),
  );
  // An application already withdrawn: withdrawing and moving it again are idempotent answers.
  [applicationId, viewedId] = [randomUUID(), randomUUID()];
  await stack.sql(
    'labour-market',
    `insert into job_application (id, created_at, updated_at, job_id, applicant_id, status, status_changed_at)
     values ($1, now(), now(), $2, $4, 'VIEWED', now()), ($3, now(), now(), $5, $4, 'VIEWED', now())`,
    [applicationId, otherJobId, viewedId, person.id, closedJobId],
  );
  await completeMaterials(stack, [person], { idCards: false });
  await addCertificate(stack, person, { type: 'HOUSEHOLD_REGISTER', number: household.number, validUntil: null });
  const today = todayInChina();
  const rows = await stack.sql<{ id: string }>(
    'assistance',
    `insert into application (id, created_at, updated_at, reference, programme_code, applicant_id, member_ids, district_code,
       household_size, declared_monthly_income, cited_certificate_ids, cited_material_ids, masked_name, status, version,
       submitted_at, filed_by_sub, filed_by_role, promised_days, deadline, proposed_amount, notice_starts_on, notice_ends_on, notice_id)
     select gen_random_uuid(), now(), now(), 'H-' || n, 'MEDICAL_ASSISTANCE', $1, array[$1]::uuid[], '510104', 1, '0.00', '{}', '{}',
       '边*', case when n = 0 then 'PUBLIC_NOTICE' else 'SUBMITTED' end, 1, now(), 'seed', 'citizen', 10, $2,
       case when n = 0 then 100.00 end, case when n = 0 then $3::date end, case when n = 0 then $4::date end,
       case when n = 0 then gen_random_uuid() end
     from generate_series(0, 600) as n returning id`,
    [person.id, addDays(today, 10), today, addDays(today, 6)],
  );
  caseId = rows[0].id;
  submitted = rows.slice(1).map((r) => r.id);
  [{ notice_id: noticeId }] = await stack.sql<{ notice_id: string }>(
    'assistance',
    'select notice_id from application where id = $1',
    [caseId],
  );
  [{ id: cardId }] = await stack.sql<{ id: string }>(
    'assistance',
    `insert into supervision_card (application_id, colour, raised_on, deadline, department, created_at)
     values ($1, 'YELLOW', $2, $3, 'civil-affairs', now()) returning id::text`,
    [caseId, today, addDays(today, 10)],
  );
  schema = composeApiSchema();
});

afterAll(async () => {
  await stack?.stop();
});

it('has a valid example for every root field that takes arguments', () => {
  const missing = rootFields()
    .map(({ key }) => key)
    .filter((key) => !EXAMPLES[key]);
  expect(missing).toEqual([]);
});

it('answers every example as given without an error (the control for what follows)', async () => {
  for (const { key, kind, field } of rootFields()) {
    const example = EXAMPLES[key];
    const res = await stack.graphql(operation(kind, field), { ...(await example.caller()), variables: example.args() });
    expect({ key, status: res.status, errors: res.body.errors }).toEqual({ key, status: 200, errors: undefined });
  }
});

/** Every string in a value (nested in lists and input objects) longer than an error message may quote (in characters). */
function longTexts(value: unknown): string[] {
  if (typeof value === 'string') return [...value].length > QUOTED_VALUE_MAX ? [value] : [];
  if (Array.isArray(value)) return value.flatMap(longTexts);
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(longTexts);
  return [];
}

it('never answers a hostile argument with an internal error, nor repeats a long value in full', async () => {
  const failures: string[] = [];
  let tried = 0;
  for (const { key, kind, field } of rootFields()) {
    const example = EXAMPLES[key];
    const query = operation(kind, field);
    const caller = await example.caller();
    for (const argument of field.args) {
      for (const { path, value } of variants(argument.type, argument.name, [argument.name])) {
        tried += 1;
        const res = await stack.graphql(query, { ...caller, variables: setPath(example.args(), path, value) });
        // Every registry is up here: an unavailable one means a registry failed on the value.
        const internal = res.body.errors?.find((e) =>
          ['INTERNAL_SERVER_ERROR', 'SUBGRAPH_UNAVAILABLE'].includes(e.extensions?.code),
        );
        if (internal || ![200, 400].includes(res.status)) {
          failures.push(
            `${key} ${path.join('.')}=${JSON.stringify(value).slice(0, 60)}: HTTP ${res.status} ${internal?.message ?? ''}`,
          );
        }
        // A message may quote what was sent, but never more than the first QUOTED_VALUE_MAX characters.
        const echoed = res.body.errors?.find((e) =>
          longTexts(value).some((text) => e.message.includes([...text].slice(0, QUOTED_VALUE_MAX + 1).join(''))),
        );
        if (echoed) {
          failures.push(
            `${key} ${path.join('.')}: the message repeats the value in full (${echoed.message.length} characters)`,
          );
        }
      }
    }
  }
  expect(tried).toBeGreaterThan(300);
  expect(failures).toEqual([]);
}, 180_000);

describe('amounts and their columns', () => {
  it('takes the largest penalty a numeric(14,2) holds and refuses one more as BAD_USER_INPUT on input.amount', async () => {
    expect(decimalColumn(PenaltySchema, 'amount')).toEqual({ precision: 14, scale: 2 });
    const token = await stack.token({
      role: 'officer',
      dept: 'market-regulation',
      scopes: ['organization:write', 'organization:read'],
    });
    const record = (amount: string) =>
      stack.graphql('mutation P($i: RecordPenaltyInput!) { recordPenalty(input: $i) { amount } }', {
        token,
        variables: { i: { ...(EXAMPLES['Mutation.recordPenalty'].args().input as object), amount } },
      });
    const largest = await record('999999999999.99');
    expect(largest.body.errors).toBeUndefined();
    expect(largest.body.data.recordPenalty.amount).toBe('999999999999.99');

    const tooLarge = await record('1000000000000');
    expect(tooLarge.body.data.recordPenalty).toBeNull();
    expect(tooLarge.body.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'input.amount',
      rule: 'max',
    });
    expect(tooLarge.body.errors![0].message).toBe(
      'input.amount 1000000000000.00 is more than the register can hold: at most 999,999,999,999.99 (12 digits before the point, 2 after)',
    );
  });

  it('bounds registered capital by its numeric(17,2) column', () => {
    expect(decimalColumn(OrganizationSchema, 'registeredCapital')).toEqual({ precision: 17, scale: 2 });
  });
});

describe('long values in messages', () => {
  it('quotes the beginning of a refused value and its length once, though the subgraph and the gateway both shorten', async () => {
    const res = await stack.graphql(
      'query Feed($f: OrganizationFilter) { organizations(first: 1, filter: $f) { totalCount } }',
      { variables: { f: { districtCode: '9'.repeat(100_000) } } },
    );
    expect(res.body.errors).toHaveLength(1);
    expect(res.body.errors![0].message).toBe(
      `filter.districtCode "${'9'.repeat(59)}…" (100000 characters) is not one of Chengdu's 20 district codes ` +
        '(GB/T 2260), e.g. 510104 锦江区, 510105 青羊区, 510106 金牛区',
    );
    expect(res.body.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'filter.districtCode',
      rule: 'district',
    });
  });

  it('leaves a message it shortened as it is, and short values as they are', () => {
    const once = shortenQuotedValues(`a ${JSON.stringify('😀'.repeat(70))} b "short" c`);
    expect(once).toBe(`a "${'😀'.repeat(59)}…" (70 characters) b "short" c`);
    expect(shortenQuotedValues(once)).toBe(once);
    expect(shortenQuotedValues(`x ${JSON.stringify('y'.repeat(60))}`)).toBe(`x ${JSON.stringify('y'.repeat(60))}`);
  });
});

describe('cursors', () => {
  it('refuses an organizations cursor with a NUL byte inside as BAD_USER_INPUT on after', async () => {
    const res = await stack.graphql('query O($a: String) { organizations(first: 2, after: $a) { totalCount } }', {
      variables: { a: cursor(['\u0000']) },
    });
    expect(res.body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'after', rule: 'cursor' });
  });

  it('still pages with the cursors it issues', async () => {
    const representatives = await addHousehold(stack, [{}, {}, {}]);
    await addOrganizations(
      stack,
      representatives.members.map((m) => m.id),
      { namePrefix: '游标' },
    );
    const first = await stack.graphql(
      'query O($a: String) { organizations(filter: { nameContains: "游标" }, first: 2, after: $a) { edges { node { name } } pageInfo { endCursor hasNextPage } } }',
    );
    const page = first.body.data.organizations;
    expect(page.edges).toHaveLength(2);
    expect(page.pageInfo.hasNextPage).toBe(true);
    const second = await stack.graphql(
      'query O($a: String) { organizations(filter: { nameContains: "游标" }, first: 2, after: $a) { edges { node { name } } pageInfo { hasNextPage } } }',
      { variables: { a: page.pageInfo.endCursor } },
    );
    expect(second.body.data.organizations.edges).toHaveLength(1);
  });
});
