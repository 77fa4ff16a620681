import { randomUUID } from 'node:crypto';
import { addDays, todayInChina } from '../subgraphs/shared/calendar';
import type { Department, Identity, Scope } from '../subgraphs/shared/identity';
import { addHousehold, type PersonFixture } from './support/fixtures';
import { startStack, type GraphQLResponse, type TestStack } from './support/stack';

/**
 * The assistance registry's permission matrix: every role against every field of an application,
 * on the root path (application(id:)), through supervision's flagged list, and by `_entities`
 * straight to the subgraph. A cell is the value, or null with one FORBIDDEN (token present) or
 * UNAUTHENTICATED (no token) error at that path, while the rest of the response still returns.
 * Public notices and programmes are open to everyone.
 */

const V = 'value';
const F = 'FORBIDDEN';
const U = 'UNAUTHENTICATED';
type Outcome = typeof V | typeof F | typeof U;
type FieldClass = 'meta' | 'content' | 'internal';
const PURPOSE = 'MLA-20261122-PERM01';

let stack: TestStack;
let applicant: PersonFixture;
let member: PersonFixture;
let applicationId: string;

const officer = (sub: string, dept: Department, scopes: Scope[]): Identity => ({ sub, role: 'officer', dept, scopes });

interface Role {
  identity: () => Identity | null;
  purpose?: string;
  /** Outcome per field class, and at the root gate application(id:). */
  expect: Record<FieldClass | 'root', Outcome>;
}

const CASE = officer('ca-case', 'civil-affairs', ['assistance:read:sensitive']);
// prettier-ignore
const ROLES: Record<string, Role> = {
  anonymous:               { identity: () => null, expect: { root: U, meta: U, content: U, internal: U } },
  applicant:               { identity: () => ({ sub: applicant.id, role: 'citizen', dept: null, scopes: [] }), expect: { root: V, meta: V, content: V, internal: F } },
  householdMember:         { identity: () => ({ sub: member.id, role: 'citizen', dept: null, scopes: [] }), expect: { root: V, meta: V, content: V, internal: F } },
  otherCitizen:            { identity: () => ({ sub: '00000000-0000-4000-8000-000000000001', role: 'citizen', dept: null, scopes: [] }), expect: { root: F, meta: F, content: F, internal: F } },
  caseOfficerWithPurpose:  { identity: () => CASE, purpose: PURPOSE, expect: { root: V, meta: V, content: V, internal: V } },
  caseOfficerNoPurpose:    { identity: () => CASE, expect: { root: F, meta: V, content: F, internal: F } },
  civilAffairsReader:      { identity: () => officer('ca-read', 'civil-affairs', ['assistance:read']), purpose: PURPOSE, expect: { root: F, meta: V, content: F, internal: F } },
  supervisorElsewhere:     { identity: () => officer('sup', 'statistics', ['assistance:read']), purpose: PURPOSE, expect: { root: F, meta: V, content: F, internal: F } },
  sensitiveElsewhere:      { identity: () => officer('hlth', 'health', ['assistance:read:sensitive']), purpose: PURPOSE, expect: { root: F, meta: V, content: F, internal: F } },
  writerOnly:              { identity: () => officer('ca-write', 'civil-affairs', ['assistance:write']), purpose: PURPOSE, expect: { root: F, meta: F, content: F, internal: F } },
  noScope:                 { identity: () => officer('ca-none', 'civil-affairs', []), purpose: PURPOSE, expect: { root: F, meta: F, content: F, internal: F } },
  otherRegistrySensitive:  { identity: () => officer('ps', 'public-security', ['person:read:sensitive', 'certificate:read:sensitive']), purpose: PURPOSE, expect: { root: F, meta: F, content: F, internal: F } },
  analyst:                 { identity: () => ({ sub: 'an-1', role: 'analyst', dept: 'statistics', scopes: [] }), expect: { root: F, meta: F, content: F, internal: F } },
  auditor:                 { identity: () => ({ sub: 'au-1', role: 'auditor', dept: 'data-bureau', scopes: [] }), expect: { root: F, meta: F, content: F, internal: F } },
};

/** Every field of Application but the key, by class. */
const FIELDS: Record<string, FieldClass> = {
  reference: 'meta',
  'programme { code }': 'meta',
  districtCode: 'meta',
  status: 'meta',
  submittedAt: 'meta',
  promisedTimeLimitDays: 'meta',
  deadline: 'meta',
  clockPausedOn: 'meta',
  colour: 'meta',
  decidedAt: 'meta',
  'cards { colour }': 'meta',
  'applicant { id }': 'content',
  householdSize: 'content',
  declaredMonthlyIncome: 'content',
  citedCertificateIds: 'content',
  citedMaterialIds: 'content',
  version: 'content',
  'filedBy { sub }': 'content',
  proposedAmount: 'content',
  noticeStartsOn: 'content',
  noticeEndsOn: 'content',
  approvedAmount: 'content',
  periodStart: 'content',
  periodEnd: 'content',
  decisionReason: 'content',
  'issuedCertificate { number }': 'content',
  'steps { to }': 'content',
  'eligibility { kind }': 'internal',
  'objections { text }': 'internal',
};
const NULLABLE = new Set([
  'clockPausedOn',
  'decidedAt',
  'approvedAmount',
  'periodStart',
  'periodEnd',
  'decisionReason',
  'issuedCertificate { number }',
]);
const SELECTION = Object.keys(FIELDS).join(' ');
const nameOf = (selection: string) => selection.split(' ')[0];

async function send(role: Role, query: string, variables: Record<string, unknown> = {}) {
  const identity = role.identity();
  return stack.graphql(query, {
    token: identity ? await stack.token(identity) : undefined,
    purpose: role.purpose,
    variables,
  });
}

function outcomeAt(res: GraphQLResponse<any>, path: (string | number)[], value: unknown): string {
  const error = res.body.errors?.find((e) => e.path && path.every((s, i) => e.path![i] === s));
  if (error) return String(error.extensions?.code);
  return value === undefined ? 'missing' : V;
}

function checkFields(res: GraphQLResponse<any>, role: Role, parent: (string | number)[], object: any) {
  for (const [selection, fieldClass] of Object.entries(FIELDS)) {
    const name = nameOf(selection);
    const expected = role.expect[fieldClass];
    const actual = outcomeAt(res, [...parent, name], object?.[name]);
    expect(`${name}: ${actual}`).toBe(`${name}: ${expected}`);
    if (expected === V && !NULLABLE.has(selection)) expect(object[name]).not.toBeNull();
    if (expected !== V) expect(object?.[name] ?? null).toBeNull();
  }
}

beforeAll(async () => {
  stack = await startStack();
  const family = await addHousehold(stack, [
    { name: '孙八', districtCode: '510104' },
    { name: '孙九', relationship: 'CHILD' },
  ]);
  [applicant, member] = family.members;
  applicationId = randomUUID();
  const today = todayInChina();
  await stack.sql(
    'assistance',
    `insert into application (id, created_at, updated_at, reference, programme_code, applicant_id, member_ids, district_code,
       household_size, declared_monthly_income, cited_certificate_ids, cited_material_ids, masked_name, status, version,
       submitted_at, filed_by_sub, filed_by_role, promised_days, deadline, proposed_amount, notice_starts_on, notice_ends_on, notice_id)
     values ($1, now(), now(), $2, 'MINIMUM_LIVING_ALLOWANCE', $3, array[$3, $4]::uuid[], '510104', 2, '600.00', '{}', '{}', '孙*',
       'PUBLIC_NOTICE', 4, now(), $3, 'citizen', 20, $5, '900.00', $6, $7, $8)`,
    [applicationId, PURPOSE, applicant.id, member.id, addDays(today, -1), today, addDays(today, 6), randomUUID()],
  );
  await stack.sql(
    'assistance',
    `insert into case_step (application_id, at, from_status, to_status, actor_sub, actor_role, note) values ($1, now(), null, 'SUBMITTED', $2, 'citizen', null)`,
    [applicationId, applicant.id],
  );
  await stack.sql(
    'assistance',
    `insert into eligibility_fact (application_id, kind, source, as_of, status, items, gathered_by_sub) values ($1, 'HOUSEHOLD_MEMBERS', 'natural-person', now(), 'READ', '[]', 'ca-case')`,
    [applicationId],
  );
  await stack.sql(
    'assistance',
    `insert into objection (id, application_id, text, lodged_at) values ($1, $2, '异议', now())`,
    [randomUUID(), applicationId],
  );
});

beforeAll(async () => {
  await stack.sql(
    'assistance',
    `insert into supervision_card (application_id, colour, raised_on, deadline, department, created_at)
     values ($1, 'RED', $2, $3, 'civil-affairs', now())`,
    [applicationId, todayInChina(), addDays(todayInChina(), -1)],
  );
});

afterAll(async () => {
  await stack?.stop();
});

describe.each(Object.entries(ROLES))('%s', (_name, role) => {
  it('application(id:): the root gate, then every field by its class; the rest of the response still returns', async () => {
    const res = await send(
      role,
      `query Case($id: ID!) { application(id: $id) { id ${SELECTION} } programmes { code } }`,
      { id: applicationId },
    );
    expect(res.body.data?.programmes).toHaveLength(8);
    if (role.expect.root !== V) {
      expect(outcomeAt(res, ['application'], res.body.data?.application)).toBe(role.expect.root);
      expect(res.body.data.application).toBeNull();
      return;
    }
    checkFields(res, role, ['application'], res.body.data.application);
  });

  it('_entities straight to the assistance subgraph: every field by its class', async () => {
    const identity = role.identity();
    const res = await stack.subgraph(
      'assistance',
      `query E($r: [_Any!]!) { _entities(representations: $r) { ... on Application { id ${SELECTION} } } }`,
      { r: [{ __typename: 'Application', id: applicationId, applicantId: 'forged', memberIds: [identity?.sub] }] },
      { identity, purpose: role.purpose ?? null },
    );
    checkFields(res, role, ['_entities', 0], res.body.data?._entities?.[0]);
  });

  it('supervision { flagged }: reachable with assistance:read; each field by its class', async () => {
    const res = await send(role, `query Board { supervision { red flagged { id ${SELECTION} } } programmes { code } }`);
    expect(res.body.data?.programmes).toHaveLength(8);
    if (
      role.expect.meta !== V ||
      ![
        'supervisorElsewhere',
        'civilAffairsReader',
        'caseOfficerWithPurpose',
        'caseOfficerNoPurpose',
        'sensitiveElsewhere',
      ].includes(_name)
    ) {
      expect(res.body.data.supervision).toBeNull();
      expect([F, U]).toContain(res.body.errors?.[0].extensions?.code);
      return;
    }
    expect(res.body.data.supervision.red).toBe(1);
    checkFields(res, role, ['supervision', 'flagged', 0], res.body.data.supervision.flagged[0]);
  });

  it('supervisionCards: officers with assistance:read see the cards of their own department; the case by its rules', async () => {
    const res = await send(
      role,
      `query Cards { supervisionCards { id colour department application { id ${SELECTION} } } programmes { code } }`,
    );
    expect(res.body.data?.programmes).toHaveLength(8);
    const identity = role.identity();
    const reads = identity?.role === 'officer' && identity.scopes.some((s) => s.startsWith('assistance:read'));
    if (!reads) {
      expect(res.body.data.supervisionCards).toBeNull();
      expect(res.body.errors?.[0].extensions?.code).toBe(identity ? F : U);
      return;
    }
    const cards = res.body.data.supervisionCards;
    if (identity.dept !== 'civil-affairs') {
      expect(cards).toEqual([]);
      return;
    }
    expect(cards.map((c: any) => [c.colour, c.department, c.application.id])).toEqual([
      ['RED', 'civil-affairs', applicationId],
    ]);
    checkFields(res, role, ['supervisionCards', 0, 'application'], cards[0].application);
  });

  it('provenance via _entities: where each field comes from, for exactly the fields the role may read', async () => {
    const identity = role.identity();
    // Every personal value of an application, by class (not the bookkeeping: version, colour, steps, cards...).
    const NOT_VALUES = ['version', 'colour', 'cards', 'steps', 'eligibility', 'objections'];
    const VALUES = Object.entries(FIELDS)
      .map(([selection, fieldClass]) => [nameOf(selection), fieldClass] as const)
      .filter(([name]) => !NOT_VALUES.includes(name));
    const ask = (fields?: string[]) =>
      stack.subgraph(
        'assistance',
        `query E($r: [_Any!]!, $f: [String!]) { _entities(representations: $r) { ... on Application { id
          provenance(fields: $f) { field registry department suppliedBy recorded } } } }`,
        { r: [{ __typename: 'Application', id: applicationId }], f: fields ?? null },
        { identity, purpose: role.purpose ?? null },
      );
    const all = await ask();
    if (!identity) {
      expect(outcomeAt(all, ['_entities', 0, 'provenance'], undefined)).toBe(U);
      return;
    }
    expect(all.body.errors).toBeUndefined();
    const readable = VALUES.filter(([, fieldClass]) => role.expect[fieldClass] === V).map(
      ([name]) => `Application.${name}`,
    );
    const listed = all.body.data._entities[0].provenance;
    expect(listed.map((p: any) => p.field).sort()).toEqual(readable.sort());
    // The fixture was filed by the applicant: what the filing wrote is theirs; the notice civil-affairs'.
    for (const entry of listed) {
      expect(entry.registry).toBe('assistance');
      if (entry.field === 'Application.declaredMonthlyIncome') {
        expect(entry).toMatchObject({ department: null, suppliedBy: 'CITIZEN', recorded: true });
      }
      if (entry.field === 'Application.proposedAmount') {
        expect(entry).toMatchObject({ department: 'civil-affairs', suppliedBy: 'AUTHORITY', recorded: false });
      }
    }
    // Naming a content field: its provenance when the field is readable, else FORBIDDEN.
    const named = await ask(['Application.declaredMonthlyIncome', 'Application.status']);
    if (role.expect.content === V) {
      expect(named.body.errors).toBeUndefined();
      expect(named.body.data._entities[0].provenance.map((p: any) => p.field)).toEqual([
        'Application.declaredMonthlyIncome',
        'Application.status',
      ]);
    } else {
      expect(outcomeAt(named, ['_entities', 0, 'provenance'], undefined)).toBe(F);
      expect(named.body.data._entities[0].provenance).toBeNull();
    }
  });

  it('programmes and public notices: open to everyone, masked', async () => {
    const res = await send(
      role,
      'query N { publicNotices { maskedName districtCode proposedAmount } programmes { name service { code } } }',
    );
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.publicNotices).toEqual([
      { maskedName: '孙*', districtCode: '510104', proposedAmount: '900.00' },
    ]);
    expect(res.body.data.programmes[0]).toEqual({
      name: '最低生活保障',
      service: { code: 'civil-affairs.minimum-living-allowance' },
    });
  });

  it('myAssistanceApplications: the citizen’s own (as applicant or household member), nobody else’s', async () => {
    const res = await send(role, 'query Mine { myAssistanceApplications { id } }');
    const identity = role.identity();
    if (identity?.role !== 'citizen') {
      expect(res.body.errors?.[0].extensions?.code).toBe(identity ? F : U);
      return;
    }
    const mine = identity.sub === applicant.id || identity.sub === member.id;
    expect(res.body.data.myAssistanceApplications).toEqual(mine ? [{ id: applicationId }] : []);
  });
});

it('logs every read of an application against the applicant, refusals included', async () => {
  const records = await stack.sql<{ outcome: string }>(
    'assistance',
    `select distinct outcome from access_record where subject_id = $1 and action = 'read'`,
    [applicant.id],
  );
  expect(records.map((r) => r.outcome).sort()).toEqual(['denied', 'granted']);
});
