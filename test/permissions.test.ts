import { randomUUID } from 'node:crypto';
import type { SubgraphName } from '../subgraphs/catalog';
import type { Department, Identity, Scope } from '../subgraphs/shared/identity';
import {
  addCertificate,
  addHousehold,
  addJobPostings,
  addOrganizations,
  type HouseholdFixture,
  type OrganizationFixture,
  type PersonFixture,
} from './support/fixtures';
import { startStack, type GraphQLResponse, type TestStack } from './support/stack';

/**
 * The permission matrix of DESIGN.md ("Who may read what"): every role against every field class,
 * on every path that reaches the field: a root field, a nested field resolved in another subgraph
 * through the gateway, and `_entities` sent straight to the owning subgraph. A cell either returns
 * the value, or returns null with one FORBIDDEN (token present) or UNAUTHENTICATED (no token) error
 * at exactly that path while the rest of the query still returns.
 *
 * The subject is always Alice: a citizen with a household (her spouse in it), department-internal
 * remarks, and an organization she is the legal representative of (with one penalty).
 */

const V = 'value';
const F = 'FORBIDDEN';
const U = 'UNAUTHENTICATED';
type Denial = typeof F | typeof U;
type Outcome = typeof V | Denial;
type Segment = string | number;

// ---------------------------------------------------------------------------------------------
// Roles

const ALICE = randomUUID();
const BOB = randomUUID();
const PURPOSE = 'CASE-2026-0042';
const GRANT_PURPOSE = 'EDU-2026-0007';
/** What Alice granted the education department for GRANT_PURPOSE. */
const GRANTED_FIELDS = [
  'Person.name',
  'Person.gender',
  'Person.birthYear',
  'Person.districtCode',
  'Person.idNumber',
  'Person.phone',
  'Person.registeredAddress',
  'Person.household',
  'Person.legalRepresentativeOf',
  'Person.certificates(type: DISABILITY_CERTIFICATE)',
  'Person.assistanceApplications',
];

interface Role {
  label: string;
  identity: Identity | null;
  purpose?: string;
}

const citizen = (sub: string): Identity => ({ sub, role: 'citizen', dept: null, scopes: [] });
const officer = (sub: string, dept: Department, scopes: Scope[]): Identity => ({ sub, role: 'officer', dept, scopes });
const CASE_OFFICER = officer('staff-case', 'civil-affairs', [
  'person:read',
  'person:read:sensitive',
  'organization:read',
]);

const ROLES = {
  anonymous: { label: 'anonymous caller', identity: null },
  citizenSelf: { label: 'citizen reading themself', identity: citizen(ALICE) },
  citizenOther: { label: 'citizen reading another person', identity: citizen(BOB) },
  personReader: {
    label: 'civil-affairs officer with person:read',
    identity: officer('staff-read', 'civil-affairs', ['person:read']),
  },
  noScope: { label: 'officer without any scope', identity: officer('staff-none', 'civil-affairs', []) },
  // person:read:sensitive with person:read and organization:read, as a case officer's token carries them.
  withPurpose: { label: 'officer with person:read:sensitive and X-Purpose', identity: CASE_OFFICER, purpose: PURPOSE },
  withoutPurpose: { label: 'officer with person:read:sensitive without X-Purpose', identity: CASE_OFFICER },
  publicSecurity: {
    label: 'public-security officer with person:read',
    identity: officer('staff-ps', 'public-security', ['person:read']),
  },
  publicSecurityOrgReader: {
    label: 'public-security officer with organization:read only',
    identity: officer('staff-ps-org', 'public-security', ['organization:read']),
  },
  orgReader: {
    label: 'officer with organization:read only',
    identity: officer('staff-org', 'civil-affairs', ['organization:read']),
  },
  marketRegulation: {
    label: 'market-regulation officer with organization:read',
    identity: officer('staff-mr', 'market-regulation', ['organization:read']),
  },
  marketRegulationNoScope: {
    label: 'market-regulation officer without scopes',
    identity: officer('staff-mr0', 'market-regulation', []),
  },
  // Consent (issue 13): an education officer without scopes, holding Alice's grant of her basic and
  // sensitive fields, household and representations for GRANT_PURPOSE; with another purpose; and a
  // health officer with that purpose and no grant.
  withGrant: {
    label: 'education officer without scopes holding Alice’s consent grant, with its purpose',
    identity: officer('staff-edu', 'education', []),
    purpose: GRANT_PURPOSE,
  },
  grantOtherPurpose: {
    label: 'education officer holding Alice’s grant, with another purpose',
    identity: officer('staff-edu', 'education', []),
    purpose: PURPOSE,
  },
  withoutGrant: {
    label: 'health officer without scopes or grant, with the grant’s purpose',
    identity: officer('staff-health', 'health', []),
    purpose: GRANT_PURPOSE,
  },
  analyst: { label: 'analyst', identity: { sub: 'analyst-1', role: 'analyst', dept: 'statistics', scopes: [] } },
  auditor: { label: 'auditor', identity: { sub: 'auditor-1', role: 'auditor', dept: 'data-bureau', scopes: [] } },
} satisfies Record<string, Role>;
type RoleName = keyof typeof ROLES;
const ROLE_NAMES = Object.keys(ROLES) as RoleName[];

// ---------------------------------------------------------------------------------------------
// What each role gets. Entry points first (the root or link field a path goes through), then the
// field classes, which are the same on every path that reaches the field.

interface Expectation {
  /** Query.person(id: alice). */
  person: Outcome;
  /** Query.me; null where the caller's own record is not Alice's. */
  me: Outcome | null;
  /** Person.name, gender, birthYear, districtCode. */
  basic: Outcome;
  /** Person.idNumber, phone, registeredAddress, household; Query.household(number:) of her household. */
  sensitive: Outcome;
  /** Person.remarks (public-security). */
  internal: Outcome;
  /** Person.legalRepresentativeOf. */
  represents: Outcome;
  /** Person.assistanceApplications (assistance) and the applications' contents. */
  assistance: Outcome;
  /** Person.accessRecords; Query.accessRecords(filter: {personId: alice}). */
  access: Outcome;
  /** Organization.name, status, creditCode. */
  orgPublic: Outcome;
  /** Organization.registeredCapital, penalties, legalRepresentative. */
  orgDetails: Outcome;
  /** Organization.creditRiskClass (market-regulation). */
  orgInternal: Outcome;
  /** Query.statistics and statisticsCatalogue: aggregates with small counts suppressed. */
  aggregates: Outcome;
}

// prettier-ignore
const EXPECT: Record<RoleName, Expectation> = {
  anonymous:        { person: U, me: U,    basic: U, sensitive: U, internal: U, represents: U, assistance: U, access: U, orgPublic: V, orgDetails: U, orgInternal: U, aggregates: U },
  citizenSelf:      { person: V, me: V,    basic: V, sensitive: V, internal: F, represents: V, assistance: V, access: V, orgPublic: V, orgDetails: V, orgInternal: F, aggregates: F },
  citizenOther:     { person: F, me: null, basic: F, sensitive: F, internal: F, represents: F, assistance: F, access: F, orgPublic: V, orgDetails: F, orgInternal: F, aggregates: F },
  personReader:     { person: V, me: F,    basic: V, sensitive: F, internal: F, represents: F, assistance: F, access: F, orgPublic: V, orgDetails: F, orgInternal: F, aggregates: V },
  noScope:          { person: F, me: F,    basic: F, sensitive: F, internal: F, represents: F, assistance: F, access: F, orgPublic: V, orgDetails: F, orgInternal: F, aggregates: V },
  withPurpose:      { person: V, me: F,    basic: V, sensitive: V, internal: F, represents: V, assistance: F, access: F, orgPublic: V, orgDetails: V, orgInternal: F, aggregates: V },
  withoutPurpose:   { person: V, me: F,    basic: V, sensitive: F, internal: F, represents: V, assistance: F, access: F, orgPublic: V, orgDetails: V, orgInternal: F, aggregates: V },
  publicSecurity:   { person: V, me: F,    basic: V, sensitive: F, internal: V, represents: F, assistance: F, access: F, orgPublic: V, orgDetails: F, orgInternal: F, aggregates: V },
  // Person.remarks needs person:read as well as the department, on every path (nested and _entities too).
  publicSecurityOrgReader: { person: F, me: F, basic: F, sensitive: F, internal: F, represents: V, assistance: F, access: F, orgPublic: V, orgDetails: V, orgInternal: F, aggregates: V },
  orgReader:        { person: F, me: F,    basic: F, sensitive: F, internal: F, represents: V, assistance: F, access: F, orgPublic: V, orgDetails: V, orgInternal: F, aggregates: V },
  marketRegulation: { person: F, me: F,    basic: F, sensitive: F, internal: F, represents: V, assistance: F, access: F, orgPublic: V, orgDetails: V, orgInternal: V, aggregates: V },
  // Department-internal data also needs the registry's read scope, so no path reaches it with less.
  marketRegulationNoScope: { person: F, me: F, basic: F, sensitive: F, internal: F, represents: F, assistance: F, access: F, orgPublic: V, orgDetails: F, orgInternal: F, aggregates: V },
  // A grant allows exactly its fields (every path, _entities included), only with its purpose; organizations' details still need organization:read.
  withGrant:        { person: V, me: F,    basic: V, sensitive: V, internal: F, represents: V, assistance: V, access: F, orgPublic: V, orgDetails: F, orgInternal: F, aggregates: V },
  grantOtherPurpose: { person: F, me: F,   basic: F, sensitive: F, internal: F, represents: F, assistance: F, access: F, orgPublic: V, orgDetails: F, orgInternal: F, aggregates: V },
  withoutGrant:     { person: F, me: F,    basic: F, sensitive: F, internal: F, represents: F, assistance: F, access: F, orgPublic: V, orgDetails: F, orgInternal: F, aggregates: V },
  analyst:          { person: F, me: F,    basic: F, sensitive: F, internal: F, represents: F, assistance: F, access: F, orgPublic: V, orgDetails: F, orgInternal: F, aggregates: V },
  auditor:          { person: F, me: F,    basic: F, sensitive: F, internal: F, represents: F, assistance: F, access: V, orgPublic: V, orgDetails: F, orgInternal: F, aggregates: F },
};

// ---------------------------------------------------------------------------------------------
// Fields: class, selection, owning subgraph (for _entities) and Alice's value.

const ALICE_DATA = {
  id: ALICE,
  name: '林晓',
  gender: 'FEMALE',
  birthDate: '1990-03-08',
  districtCode: '510104',
  registeredAddress: '成都市锦江区春熙路8号',
  phone: '13912345678',
} as const;
const REMARKS = '户籍迁入核查中';
const ALICE_APPLICATION = 'MLA-20261122-A11CE0';
const PENALTY_NUMBER = '成市监罚〔2026〕7号';
const ORG_PREFIX = '锦城矩阵';

interface World {
  alice: PersonFixture;
  disability: { id: string; number: string };
  idCard: { id: string; number: string };
  household: HouseholdFixture;
  bobHousehold: HouseholdFixture;
  org: OrganizationFixture;
  bobOrg: OrganizationFixture;
}
let world: World;

type FieldClass = Exclude<keyof Expectation, 'person' | 'me'>;

interface FieldSpec {
  class: FieldClass;
  selection: string;
  subgraph: SubgraphName;
  value(w: World): unknown;
}

/** A field of Alice's records: its class, how to select it, which subgraph resolves it, its value. */
function field(
  fieldClass: FieldClass,
  selection: string,
  value: FieldSpec['value'],
  subgraph: SubgraphName,
): FieldSpec {
  return { class: fieldClass, selection, subgraph, value };
}

const PERSON_FIELDS = {
  name: field('basic', 'name', () => ALICE_DATA.name, 'natural-person'),
  gender: field('basic', 'gender', () => ALICE_DATA.gender, 'natural-person'),
  birthYear: field('basic', 'birthYear', () => 1990, 'natural-person'),
  districtCode: field('basic', 'districtCode', () => ALICE_DATA.districtCode, 'natural-person'),
  idNumber: field('sensitive', 'idNumber', (w) => w.alice.idNumber, 'natural-person'),
  phone: field('sensitive', 'phone', () => ALICE_DATA.phone, 'natural-person'),
  registeredAddress: field('sensitive', 'registeredAddress', () => ALICE_DATA.registeredAddress, 'natural-person'),
  household: field('sensitive', 'household { number }', (w) => ({ number: w.household.number }), 'natural-person'),
  remarks: field('internal', 'remarks', () => REMARKS, 'natural-person'),
  legalRepresentativeOf: field(
    'represents',
    'legalRepresentativeOf { creditCode }',
    (w) => [{ creditCode: w.org.creditCode }],
    'legal-person',
  ),
  assistanceApplications: field(
    'assistance',
    `assistanceApplications { reference status programme { code }
      provenance(fields: ["Application.declaredMonthlyIncome"]) { field registry department suppliedBy } }`,
    () => [
      {
        reference: ALICE_APPLICATION,
        status: 'SUBMITTED',
        programme: { code: 'MINIMUM_LIVING_ALLOWANCE' },
        // Filed by Alice herself (no field_write record: the application names its filer).
        provenance: [
          {
            field: 'Application.declaredMonthlyIncome',
            registry: 'assistance',
            department: null,
            suppliedBy: 'CITIZEN',
          },
        ],
      },
    ],
    'assistance',
  ),
  accessRecords: field(
    'access',
    'accessRecords { edges { node { registry personId } } }',
    () => recordsAbout(ALICE),
    'data-tracker',
  ),
};
type PersonField = keyof typeof PERSON_FIELDS;

const ORGANIZATION_FIELDS = {
  name: field('orgPublic', 'name', (w) => w.org.name, 'legal-person'),
  status: field('orgPublic', 'status', () => 'ACTIVE', 'legal-person'),
  creditCode: field('orgPublic', 'creditCode', (w) => w.org.creditCode, 'legal-person'),
  registeredCapital: field('orgDetails', 'registeredCapital', () => '1000000.00', 'legal-person'),
  penalties: field(
    'orgDetails',
    'penalties { decisionNumber amount }',
    () => [{ decisionNumber: PENALTY_NUMBER, amount: '5000.00' }],
    'legal-person',
  ),
  legalRepresentative: field('orgDetails', 'legalRepresentative { id }', () => ({ id: ALICE }), 'legal-person'),
  creditRiskClass: field('orgInternal', 'creditRiskClass', () => 'B', 'legal-person'),
  // Public: the organization's open job postings, from the labour-market registry.
  jobs: field('orgPublic', 'jobs { totalCount edges { node { title } } }', () => JOBS_VALUE, 'labour-market'),
};
const JOBS_VALUE = { totalCount: 1, edges: [{ node: { title: '前端开发工程师' } }] };
type OrganizationField = keyof typeof ORGANIZATION_FIELDS;

// ---------------------------------------------------------------------------------------------
// Paths: how a request reaches the object holding the field, which entry points it passes, and
// what else the response must still contain when the field is refused.

interface Path {
  label: string;
  /** Sends the request selecting `selection` on the object. */
  send(role: Role, selection: string, subgraph: SubgraphName): Promise<GraphQLResponse<any>>;
  /** Entry points on the way, outermost first: where a refusal lands and who passes. */
  gates: { at: Segment[]; field: string; outcome(e: Expectation): Outcome | null }[];
  /** Where the object sits in `data`, and its key (returned beside a refused field). */
  parent: Segment[];
  key(w: World): Record<string, unknown>;
  /** Parts of the response that must be there whatever happens to the field. */
  rest(w: World): [Segment[], unknown][];
  /** Roles for which the path does not lead to Alice. */
  skip?: RoleName[];
  /** Straight to a subgraph: the title names the subgraph that owns the field. */
  direct?: boolean;
}

const aliceKey = () => ({ id: ALICE });
const orgKey = (w: World) => ({ creditCode: w.org.creditCode });
const canary = (w: World): [Segment[], unknown][] => [[['org'], { name: w.org.name }]];
const CANARY = 'org: organization(creditCode: $creditCode) { name }';

const PERSON_PATHS: Path[] = [
  {
    label: 'person(id:)',
    send: (role, selection) =>
      gateway(
        role,
        `query PersonById($id: ID!, $creditCode: String!) { person(id: $id) { id ${selection} } ${CANARY} }`,
      ),
    gates: [{ at: ['person'], field: 'Query.person', outcome: (e) => e.person }],
    parent: ['person'],
    key: aliceKey,
    rest: canary,
  },
  {
    label: 'me',
    send: (role, selection) => gateway(role, `query Me($creditCode: String!) { me { id ${selection} } ${CANARY} }`),
    gates: [{ at: ['me'], field: 'Query.me', outcome: (e) => e.me }],
    parent: ['me'],
    key: aliceKey,
    rest: canary,
    skip: ['citizenOther'], // their `me` is Bob, not Alice
  },
  {
    label: 'organization(creditCode:) { legalRepresentative } (legal-person -> natural-person)',
    send: (role, selection) =>
      gateway(
        role,
        `query Representative($creditCode: String!) { organization(creditCode: $creditCode) { name legalRepresentative { id ${selection} } } }`,
      ),
    gates: [
      {
        at: ['organization', 'legalRepresentative'],
        field: 'Organization.legalRepresentative',
        outcome: (e) => e.orgDetails,
      },
    ],
    parent: ['organization', 'legalRepresentative'],
    key: aliceKey,
    rest: (w) => [[['organization', 'name'], w.org.name]],
  },
  {
    label: '_entities',
    direct: true,
    send: (role, selection, subgraph) =>
      entities(role, subgraph, `... on Person { id ${selection} }`, [{ __typename: 'Person', id: ALICE }]),
    gates: [],
    parent: ['_entities', 0],
    key: aliceKey,
    rest: () => [],
  },
];

const ORGANIZATION_PATHS: Path[] = [
  {
    label: 'organization(creditCode:)',
    send: (role, selection) =>
      gateway(
        role,
        `query Organization($creditCode: String!) { organization(creditCode: $creditCode) { creditCode ${selection} } }`,
      ),
    gates: [],
    parent: ['organization'],
    key: orgKey,
    rest: () => [],
  },
  {
    label: 'person(id:) { legalRepresentativeOf } (natural-person -> legal-person)',
    send: (role, selection) =>
      gateway(
        role,
        `query Represents($id: ID!, $creditCode: String!) { person(id: $id) { legalRepresentativeOf { creditCode ${selection} } } ${CANARY} }`,
      ),
    gates: [
      { at: ['person'], field: 'Query.person', outcome: (e) => e.person },
      { at: ['person', 'legalRepresentativeOf'], field: 'Person.legalRepresentativeOf', outcome: (e) => e.represents },
    ],
    parent: ['person', 'legalRepresentativeOf', 0],
    key: orgKey,
    rest: canary,
  },
  {
    label: '_entities',
    direct: true,
    send: (role, selection, subgraph) =>
      entities(role, subgraph, `... on Organization { creditCode ${selection} }`, [
        { __typename: 'Organization', creditCode: world.org.creditCode },
      ]),
    gates: [],
    parent: ['_entities', 0],
    key: orgKey,
    rest: () => [],
  },
];

// ---------------------------------------------------------------------------------------------
// Helpers

let stack: TestStack;
const tokens = new Map<Identity, string>();

async function tokenOf({ identity }: Role): Promise<string | undefined> {
  if (!identity) return undefined;
  if (!tokens.has(identity)) tokens.set(identity, await stack.token(identity));
  return tokens.get(identity);
}

/** A request through the gateway, with Alice and her organization as variables. */
async function gateway(role: Role, query: string, variables: Record<string, unknown> = {}) {
  const used = (name: string) => query.includes(`$${name}:`);
  return stack.graphql(query, {
    token: await tokenOf(role),
    purpose: role.purpose,
    variables: {
      ...(used('id') ? { id: ALICE } : {}),
      ...(used('creditCode') ? { creditCode: world.org.creditCode } : {}),
      ...variables,
    },
  });
}

/** `_entities` sent straight to one subgraph, signed as the gateway would for this role. */
function entities(role: Role, subgraph: SubgraphName, fragment: string, representations: Record<string, unknown>[]) {
  return stack.subgraph(
    subgraph,
    `query Entities($representations: [_Any!]!) { _entities(representations: $representations) { ${fragment} } }`,
    { representations },
    { identity: role.identity, purpose: role.purpose ?? null },
  );
}

function dig(data: unknown, path: Segment[]): unknown {
  return path.reduce<any>((node, segment) => (node == null ? undefined : node[segment]), data);
}

function refusal(path: Segment[], code: Denial) {
  return expect.objectContaining({ path, extensions: expect.objectContaining({ code }) });
}

/** Every record is about `personId`, and there is at least the one seeded in beforeAll. */
function recordsAbout(personId: string) {
  return {
    $$typeof: Symbol.for('jest.asymmetricMatcher'),
    asymmetricMatch: (actual: any) =>
      Array.isArray(actual?.edges) &&
      actual.edges.some((e: any) => e.node.registry === 'natural-person') &&
      actual.edges.every((e: any) => e.node.personId === personId),
    toAsymmetricMatcher: () => `access records about ${personId} only, at least one from natural-person`,
  };
}

/** The outcome a response shows for the field at `fieldPath` (a refusal on the way counts). */
function outcomeAt(response: GraphQLResponse<any>, fieldPath: Segment[]): Outcome | string {
  const error = response.body.errors?.find((e) => e.path && e.path.every((s, i) => fieldPath[i] === s));
  if (error) return String(error.extensions?.code);
  return dig(response.body.data, fieldPath) == null ? 'missing' : V;
}

interface Cell {
  title: string;
  role: RoleName;
  path: Path;
  field: string;
  spec: FieldSpec;
  /** The refusal expected: at an entry point, or at the field itself. */
  denied: { at: Segment[]; code: Denial } | null;
}

function cells(typeName: string, fields: Record<string, FieldSpec>, paths: Path[]): Cell[] {
  const result: Cell[] = [];
  for (const path of paths) {
    for (const role of ROLE_NAMES) {
      if (path.skip?.includes(role)) continue;
      const e = EXPECT[role];
      for (const [field, spec] of Object.entries(fields)) {
        const gate = path.gates.find((g) => g.outcome(e) !== V);
        const fieldOutcome = e[spec.class];
        const who = ROLES[role].label;
        const via = path.direct ? `${path.label} on ${spec.subgraph}` : path.label;
        let title: string;
        let denied: Cell['denied'] = null;
        if (gate) {
          const code = gate.outcome(e) as Denial;
          denied = { at: gate.at, code };
          title = `${who} gets ${code} at ${gate.field} asking for ${typeName}.${field} via ${via}`;
        } else if (fieldOutcome === V) {
          title = `${who} reads ${typeName}.${field} via ${via}`;
        } else {
          denied = { at: [...path.parent, field], code: fieldOutcome };
          title = `${who} gets ${fieldOutcome} for ${typeName}.${field} via ${via}`;
        }
        result.push({ title, role, path, field, spec, denied });
      }
    }
  }
  return result;
}

async function checkCell({ role, path, field, spec, denied }: Cell) {
  const response = await path.send(ROLES[role], spec.selection, spec.subgraph);
  expect(response.status).toBe(200);
  const { data, errors } = response.body;
  if (!denied) {
    expect(errors).toBeUndefined();
    expect(dig(data, path.parent)).toEqual({ ...path.key(world), [field]: spec.value(world) });
  } else {
    expect(errors).toEqual([refusal(denied.at, denied.code)]);
    expect(dig(data, denied.at)).toBeNull();
    if (denied.at.length === path.parent.length + 1) {
      // Refused at the field itself: the object around it is still there.
      expect(dig(data, path.parent)).toEqual({ ...path.key(world), [field]: null });
    }
  }
  for (const [at, value] of path.rest(world)) expect(dig(data, at)).toEqual(value);
}

// ---------------------------------------------------------------------------------------------

beforeAll(async () => {
  stack = await startStack();
  const household = await addHousehold(stack, [{ ...ALICE_DATA }, { name: '周明', relationship: 'SPOUSE' }]);
  const bobHousehold = await addHousehold(stack, [{ id: BOB, name: '王强' }]);
  const [org, bobOrg] = await addOrganizations(stack, [ALICE, BOB], { namePrefix: ORG_PREFIX });
  await stack.sql('natural-person', 'update person set remarks = $1 where id = $2', [REMARKS, ALICE]);
  const request = randomUUID();
  await stack.sql(
    'natural-person',
    `insert into consent_request (id, created_at, updated_at, person_id, department, requested_by, purpose, fields,
       valid_until, status, answered_at)
     values ($1, now(), now(), $2, 'education', 'staff-edu', $3, $4, now() + interval '30 days', 'APPROVED', now())`,
    [request, ALICE, GRANT_PURPOSE, GRANTED_FIELDS],
  );
  await stack.sql(
    'natural-person',
    `insert into consent_grant (id, created_at, updated_at, request_id, person_id, department, purpose, fields, valid_until)
     values ($1, now(), now(), $2, $3, 'education', $4, $5, now() + interval '30 days')`,
    [randomUUID(), request, ALICE, GRANT_PURPOSE, GRANTED_FIELDS],
  );
  await stack.sql(
    'legal-person',
    `insert into penalty (id, created_at, updated_at, organization_id, decision_number, decided_on, reason, amount, authority)
     values ($1, now(), now(), $2, $3, '2026-01-15', '虚假宣传', 5000.00, '成都市市场监督管理局')`,
    [randomUUID(), org.id, PENALTY_NUMBER],
  );
  await stack.sql(
    'assistance',
    `insert into application (id, created_at, updated_at, reference, programme_code, applicant_id, member_ids, district_code,
       household_size, declared_monthly_income, cited_certificate_ids, cited_material_ids, masked_name, status, version,
       submitted_at, filed_by_sub, filed_by_role, promised_days, deadline)
     values ($1, now(), now(), $2, 'MINIMUM_LIVING_ALLOWANCE', $3, array[$3]::uuid[], '510104', 2, '600.00', '{}', '{}', '林*',
       'SUBMITTED', 1, now(), $3, 'citizen', 20, current_date + 30)`,
    [randomUUID(), ALICE_APPLICATION, ALICE],
  );
  await addJobPostings(stack, [
    { employerCreditCode: org.creditCode, employerName: org.name, title: JOBS_VALUE.edges[0].node.title },
  ]);
  const alice = household.members[0];
  const disability = await addCertificate(stack, alice, {
    type: 'DISABILITY_CERTIFICATE',
    number: `${alice.idNumber}42`,
    attributes: { kind: 'DISABILITY', category: 'PHYSICAL', grade: 4 },
    department: 'disabled-persons',
  });
  const idCard = await addCertificate(stack, alice);
  world = {
    alice,
    disability,
    idCard,
    household,
    bobHousehold,
    org,
    bobOrg,
  };
  // One access to Alice's data, so her access log is never empty.
  const seeded = await gateway(ROLES.citizenSelf, 'query Seed { me { name } }');
  expect(seeded.body).toEqual({ data: { me: { name: ALICE_DATA.name } } });
});

afterAll(async () => {
  await stack?.stop();
});

describe('Person fields', () => {
  it.each(cells('Person', PERSON_FIELDS, PERSON_PATHS))('$title', checkCell);
});

describe('Organization fields', () => {
  it.each(cells('Organization', ORGANIZATION_FIELDS, ORGANIZATION_PATHS))('$title', checkCell);
});

describe('root fields guarding whole records', () => {
  /** One case per role, with the outcome of that role's `column` in EXPECT. */
  const byRole = (column: FieldClass) =>
    ROLE_NAMES.map((role) => {
      const outcome = EXPECT[role][column];
      return { role, outcome, who: ROLES[role].label, verb: outcome === V ? 'reads' : `gets ${outcome} for` };
    });

  // A household is all sensitive personal data of its members: the same rule as Person.idNumber.
  it.each(byRole('sensitive'))(
    "$who $verb Query.household(number:) of the person's household",
    async ({ role, outcome }) => {
      const response = await gateway(
        ROLES[role],
        `query Household($number: String!, $creditCode: String!) { household(number: $number) { number address head { id } } ${CANARY} }`,
        { number: world.household.number },
      );
      expect(response.body.data?.org).toEqual({ name: world.org.name });
      if (outcome === V) {
        expect(response.body.errors).toBeUndefined();
        expect(response.body.data?.household).toEqual({
          number: world.household.number,
          address: ALICE_DATA.registeredAddress,
          head: { id: ALICE },
        });
      } else {
        expect(response.body.errors).toEqual([refusal(['household'], outcome)]);
        expect(response.body.data?.household).toBeNull();
      }
    },
  );

  it.each(byRole('access'))(
    '$who $verb Query.accessRecords(filter: { personId }) about the person',
    async ({ role, outcome }) => {
      const response = await gateway(
        ROLES[role],
        `query AccessLog($personId: ID!, $creditCode: String!) {
          accessRecords(filter: { personId: $personId }) { edges { node { registry personId } } } ${CANARY}
        }`,
        { personId: ALICE },
      );
      expect(response.body.data?.org).toEqual({ name: world.org.name });
      if (outcome === V) {
        expect(response.body.errors).toBeUndefined();
        expect(response.body.data?.accessRecords).toEqual(recordsAbout(ALICE));
      } else {
        expect(response.body.errors).toEqual([refusal(['accessRecords'], outcome)]);
        expect(response.body.data?.accessRecords).toBeNull();
      }
    },
  );
});

describe('aggregates: statistics for analysts and officers only', () => {
  it.each(
    ROLE_NAMES.map((role) => {
      const outcome = EXPECT[role].aggregates;
      return { role, outcome, who: ROLES[role].label, verb: outcome === V ? 'reads' : `gets ${outcome} for` };
    }),
  )('$who $verb Query.statistics and Query.statisticsCatalogue', async ({ role, outcome }) => {
    const response = await gateway(
      ROLES[role],
      `query Aggregates($creditCode: String!) {
        statistics(measure: "residents", dimensions: ["district"]) { total { status } }
        statisticsCatalogue { threshold }
        ${CANARY}
      }`,
    );
    expect(response.body.data?.org).toEqual({ name: world.org.name });
    if (outcome === V) {
      expect(response.body.errors).toBeUndefined();
      expect(response.body.data?.statisticsCatalogue).toEqual({ threshold: 10 });
      // Nothing extracted yet: the whole table is one suppressed cell.
      expect(response.body.data?.statistics).toEqual({ total: { status: 'SUPPRESSED_SMALL' } });
    } else {
      expect(response.body.errors).toHaveLength(2);
      expect(response.body.errors).toEqual(
        expect.arrayContaining([refusal(['statistics'], outcome), refusal(['statisticsCatalogue'], outcome)]),
      );
      expect(response.body.data?.statistics).toBeNull();
    }
  });
});

describe('nothing is reachable through _entities that is not reachable through Query', () => {
  const personSelection = Object.values(PERSON_FIELDS)
    .map((f) => f.selection)
    .join(' ');
  const selectionOf = (subgraph: SubgraphName) =>
    Object.values(PERSON_FIELDS)
      .filter((f) => f.subgraph === subgraph)
      .map((f) => f.selection)
      .join(' ');
  const organizationSelection = Object.values(ORGANIZATION_FIELDS)
    .map((f) => f.selection)
    .join(' ');
  const organizationSelectionOf = (subgraph: SubgraphName) =>
    Object.values(ORGANIZATION_FIELDS)
      .filter((f) => f.subgraph === subgraph)
      .map((f) => f.selection)
      .join(' ');

  /** Allowed if any path returns the value; otherwise the one refusal code every path gives. */
  function combine(outcomes: string[]): string {
    if (outcomes.includes(V)) return V;
    const codes = [...new Set(outcomes)];
    return codes.length === 1 ? codes[0] : `mixed: ${codes.join(', ')}`;
  }

  it.each(ROLE_NAMES.map((role) => ({ role, who: ROLES[role].label })))(
    '$who gets the same allow/deny for every field through the gateway as through _entities',
    async ({ role }) => {
      const r: Role = ROLES[role];
      const e = EXPECT[role];
      const viaPersonRoot = await gateway(r, `query All($id: ID!) { person(id: $id) { id ${personSelection} } }`);
      const viaMe = e.me === null ? null : await gateway(r, `query AllMine { me { id ${personSelection} } }`);
      const viaRepresentative = await gateway(
        r,
        `query AllRep($creditCode: String!) { organization(creditCode: $creditCode) { ${organizationSelection} legalRepresentative { id ${personSelection} } } }`,
      );
      const viaAccessLog = await gateway(
        r,
        'query Log($p: ID!) { accessRecords(filter: { personId: $p }) { edges { node { id } } } }',
        {
          p: ALICE,
        },
      );
      const viaRepresents = await gateway(
        r,
        `query AllOrgs($id: ID!) { person(id: $id) { legalRepresentativeOf { ${organizationSelection} } } }`,
      );
      const personEntities = Object.fromEntries(
        await Promise.all(
          (['natural-person', 'legal-person', 'data-tracker', 'assistance'] as const).map(async (subgraph) => [
            subgraph,
            await entities(r, subgraph, `... on Person { id ${selectionOf(subgraph)} }`, [
              { __typename: 'Person', id: ALICE },
            ]),
          ]),
        ),
      ) as Record<SubgraphName, GraphQLResponse<any>>;
      const organizationEntities = Object.fromEntries(
        await Promise.all(
          (['legal-person', 'labour-market'] as const).map(async (subgraph) => [
            subgraph,
            await entities(r, subgraph, `... on Organization { creditCode ${organizationSelectionOf(subgraph)} }`, [
              { __typename: 'Organization', creditCode: world.org.creditCode },
            ]),
          ]),
        ),
      ) as Record<SubgraphName, GraphQLResponse<any>>;

      const viaGateway: Record<string, string> = {};
      const viaEntities: Record<string, string> = {};
      const expected: Record<string, string> = {};
      for (const [field, spec] of Object.entries(PERSON_FIELDS) as [PersonField, FieldSpec][]) {
        const outcomes = [
          outcomeAt(viaPersonRoot, ['person', field]),
          outcomeAt(viaRepresentative, ['organization', 'legalRepresentative', field]),
        ];
        if (viaMe) outcomes.push(outcomeAt(viaMe, ['me', field]));
        if (field === 'accessRecords') outcomes.push(outcomeAt(viaAccessLog, ['accessRecords']));
        viaGateway[`Person.${field}`] = combine(outcomes);
        viaEntities[`Person.${field}`] = outcomeAt(personEntities[spec.subgraph], ['_entities', 0, field]);
        expected[`Person.${field}`] = e[spec.class];
      }
      for (const [field, spec] of Object.entries(ORGANIZATION_FIELDS) as [OrganizationField, FieldSpec][]) {
        viaGateway[`Organization.${field}`] = combine([
          outcomeAt(viaRepresentative, ['organization', field]),
          outcomeAt(viaRepresents, ['person', 'legalRepresentativeOf', 0, field]),
        ]);
        viaEntities[`Organization.${field}`] = outcomeAt(organizationEntities[spec.subgraph], ['_entities', 0, field]);
        expected[`Organization.${field}`] = e[spec.class];
      }
      expect(viaEntities).toEqual(viaGateway);
      expect(viaEntities).toEqual(expected);
    },
  );
});

describe('certificates: the granted type only, on every path (certificate lookup, Person.certificates, _entities)', () => {
  /** Alice's disability certificate (granted to education for GRANT_PURPOSE) and her ID card (never granted). */
  // prettier-ignore
  const CERTIFICATES: Record<RoleName, { granted: Outcome; other: Outcome }> = {
    anonymous:         { granted: U, other: U },
    citizenSelf:       { granted: V, other: V },
    citizenOther:      { granted: F, other: F },
    personReader:      { granted: F, other: F },
    noScope:           { granted: F, other: F },
    // person:read:sensitive is not certificate:read:sensitive.
    withPurpose:       { granted: F, other: F },
    withoutPurpose:    { granted: F, other: F },
    publicSecurity:    { granted: F, other: F },
    publicSecurityOrgReader: { granted: F, other: F },
    orgReader:         { granted: F, other: F },
    marketRegulation:  { granted: F, other: F },
    marketRegulationNoScope: { granted: F, other: F },
    withGrant:         { granted: V, other: F },
    grantOtherPurpose: { granted: F, other: F },
    withoutGrant:      { granted: F, other: F },
    analyst:           { granted: F, other: F },
    auditor:           { granted: F, other: F },
  };
  const SELECTION = 'number provenance(fields: ["Certificate.number"]) { field registry department }';
  const certificateOf = (which: 'granted' | 'other') => (which === 'granted' ? world.disability : world.idCard);
  const typeOf = (which: 'granted' | 'other') => (which === 'granted' ? 'DISABILITY_CERTIFICATE' : 'RESIDENT_ID_CARD');
  const valueOf = (which: 'granted' | 'other') => ({
    number: certificateOf(which).number,
    provenance: [
      {
        field: 'Certificate.number',
        registry: 'certificate',
        department: which === 'granted' ? 'disabled-persons' : 'public-security',
      },
    ],
  });
  const cases = ROLE_NAMES.flatMap((role) =>
    (['granted', 'other'] as const).map((which) => {
      const outcome = CERTIFICATES[role][which];
      const what = which === 'granted' ? 'the granted disability certificate' : 'the ID card (not granted)';
      return {
        role,
        which,
        outcome,
        title: `${ROLES[role].label} ${outcome === V ? 'reads' : `gets ${outcome} for`} ${what}`,
      };
    }),
  );

  it.each(cases)('$title via certificate(type:, number:)', async ({ role, which, outcome }) => {
    const response = await gateway(
      ROLES[role],
      `query Lookup($type: CertificateTypeCode!, $number: String!, $creditCode: String!) {
        certificate(type: $type, number: $number) { ${SELECTION} } ${CANARY} }`,
      { type: typeOf(which), number: certificateOf(which).number },
    );
    expect(response.body.data?.org).toEqual({ name: world.org.name });
    if (outcome === V) {
      expect(response.body.errors).toBeUndefined();
      expect(response.body.data?.certificate).toEqual(valueOf(which));
    } else {
      expect(response.body.errors).toEqual([refusal(['certificate'], outcome)]);
      expect(response.body.data?.certificate).toBeNull();
    }
  });

  it.each(cases)('$title via person(id:) { certificates(type:) }', async ({ role, which, outcome }) => {
    const response = await gateway(
      ROLES[role],
      `query Typed($id: ID!, $type: CertificateTypeCode!, $creditCode: String!) {
        person(id: $id) { id certificates(type: $type) { ${SELECTION} } } ${CANARY} }`,
      { type: typeOf(which) },
    );
    expect(response.body.data?.org).toEqual({ name: world.org.name });
    const gate = EXPECT[role].person;
    if (gate !== V) {
      expect(response.body.errors).toEqual([refusal(['person'], gate as Denial)]);
    } else if (outcome === V) {
      expect(response.body.errors).toBeUndefined();
      expect(response.body.data?.person.certificates).toEqual([valueOf(which)]);
    } else {
      expect(response.body.errors).toEqual([refusal(['person', 'certificates'], outcome)]);
      expect(response.body.data?.person).toEqual({ id: ALICE, certificates: null });
    }
  });

  it.each(cases)('$title via _entities on certificate', async ({ role, which, outcome }) => {
    const response = await entities(ROLES[role], 'certificate', `... on Certificate { id ${SELECTION} }`, [
      { __typename: 'Certificate', id: certificateOf(which).id },
    ]);
    if (outcome === V) {
      expect(response.body.errors).toBeUndefined();
      expect(response.body.data?._entities).toEqual([{ id: certificateOf(which).id, ...valueOf(which) }]);
    } else {
      expect(response.body.errors).toHaveLength(2);
      expect(response.body.errors).toEqual(
        expect.arrayContaining([
          refusal(['_entities', 0, 'number'], outcome),
          refusal(['_entities', 0, 'provenance'], outcome),
        ]),
      );
      expect(response.body.data?._entities).toEqual([{ id: certificateOf(which).id, number: null, provenance: null }]);
    }
  });
});

describe('forged representations', () => {
  const forgedPerson = { __typename: 'Person', id: ALICE, idNumber: 'x', name: 'forged', phone: '10000000000' };

  it("a citizen's forged Person representation of another person passes no owner check: idNumber is FORBIDDEN", async () => {
    const response = await entities(ROLES.citizenOther, 'natural-person', '... on Person { id name idNumber phone }', [
      forgedPerson,
    ]);
    expect(response.body.data).toEqual({ _entities: [{ id: ALICE, name: null, idNumber: null, phone: null }] });
    expect(response.body.errors).toHaveLength(3);
    expect(response.body.errors).toEqual(
      expect.arrayContaining(['name', 'idNumber', 'phone'].map((field) => refusal(['_entities', 0, field], F))),
    );
  });

  it('fields of a representation are never returned: the values come from the database', async () => {
    const response = await entities(ROLES.citizenSelf, 'natural-person', '... on Person { id name idNumber phone }', [
      forgedPerson,
    ]);
    expect(response.body).toEqual({
      data: {
        _entities: [{ id: ALICE, name: ALICE_DATA.name, idNumber: world.alice.idNumber, phone: ALICE_DATA.phone }],
      },
    });
  });

  it('a citizen naming themself legal representative in an Organization representation gets FORBIDDEN for its details', async () => {
    const response = await entities(
      ROLES.citizenOther,
      'legal-person',
      '... on Organization { creditCode name registeredCapital penalties { amount } }',
      [
        {
          __typename: 'Organization',
          creditCode: world.org.creditCode,
          legalRepresentativeId: BOB,
          registeredCapital: '1.00',
        },
      ],
    );
    expect(response.body.data).toEqual({
      _entities: [{ creditCode: world.org.creditCode, name: world.org.name, registeredCapital: null, penalties: null }],
    });
    expect(response.body.errors).toHaveLength(2);
    expect(response.body.errors).toEqual(
      expect.arrayContaining([
        refusal(['_entities', 0, 'registeredCapital'], F),
        refusal(['_entities', 0, 'penalties'], F),
      ]),
    );
  });

  it("a citizen giving their own household's id in another household's representation gets FORBIDDEN for it", async () => {
    const response = await entities(ROLES.citizenOther, 'natural-person', '... on Household { address head { id } }', [
      { __typename: 'Household', number: world.household.number, id: world.bobHousehold.id, head: { id: BOB } },
    ]);
    expect(response.body.data).toEqual({ _entities: [{ address: null, head: null }] });
    expect(response.body.errors).toHaveLength(2);
    expect(response.body.errors).toEqual(
      expect.arrayContaining([refusal(['_entities', 0, 'address'], F), refusal(['_entities', 0, 'head'], F)]),
    );
  });
});

describe('rules are decided per object, not once per request', () => {
  it.each([
    { order: 'own record first', ids: () => [ALICE, BOB] },
    { order: "the other person's record first", ids: () => [BOB, ALICE] },
  ])('a citizen batching two persons in _entities ($order) reads only their own idNumber', async ({ ids }) => {
    const representations = ids().map((id) => ({ __typename: 'Person', id }));
    const response = await entities(
      ROLES.citizenSelf,
      'natural-person',
      '... on Person { id idNumber }',
      representations,
    );
    const bobAt = ids().indexOf(BOB);
    expect(response.body.data?._entities).toEqual(
      ids().map((id) => ({ id, idNumber: id === ALICE ? world.alice.idNumber : null })),
    );
    expect(response.body.errors).toEqual([refusal(['_entities', bobAt, 'idNumber'], F)]);
  });

  it("a citizen batching two persons' access records in _entities reads only their own", async () => {
    const response = await entities(
      ROLES.citizenSelf,
      'data-tracker',
      '... on Person { accessRecords { edges { node { registry personId } } } }',
      [
        { __typename: 'Person', id: BOB },
        { __typename: 'Person', id: ALICE },
      ],
    );
    expect(response.body.data?._entities).toEqual([{ accessRecords: null }, { accessRecords: recordsAbout(ALICE) }]);
    expect(response.body.errors).toEqual([refusal(['_entities', 0, 'accessRecords'], F)]);
  });

  it('a legal representative listing organizations reads registeredCapital of their own organization only', async () => {
    const response = await gateway(
      ROLES.citizenSelf,
      'query List($name: String!) { organizations(filter: { nameContains: $name }) { edges { node { creditCode registeredCapital } } } }',
      { name: ORG_PREFIX },
    );
    const listed = [world.org, world.bobOrg].sort((a, b) => (a.creditCode < b.creditCode ? -1 : 1));
    expect(response.body.data).toEqual({
      organizations: {
        edges: listed.map((o) => ({
          node: { creditCode: o.creditCode, registeredCapital: o === world.org ? '1000000.00' : null },
        })),
      },
    });
    const bobAt = listed.indexOf(world.bobOrg);
    expect(response.body.errors).toEqual([refusal(['organizations', 'edges', bobAt, 'node', 'registeredCapital'], F)]);
  });
});

describe('no existence oracle for citizens', () => {
  /** The body without its per-request id. */
  const comparable = (response: GraphQLResponse<any>) => ({
    data: response.body.data,
    errors: response.body.errors?.map(({ extensions, ...rest }) => ({ ...rest, code: extensions?.code })),
  });

  it.each([
    { which: 'another person who exists', id: () => ALICE },
    { which: 'a person id that exists nowhere', id: () => randomUUID() },
    { which: 'a malformed id', id: () => 'not-a-uuid' },
  ])('a citizen asking person(id:) for $which gets FORBIDDEN at Query.person', async ({ id }) => {
    const response = await gateway(ROLES.citizenOther, 'query Other($other: ID!) { person(id: $other) { id name } }', {
      other: id(),
    });
    expect(comparable(response)).toEqual({
      data: { person: null },
      errors: [{ message: 'Query.person requires an officer token with scope person:read', path: ['person'], code: F }],
    });
  });

  it.each([
    { which: "another family's household", number: () => world.household.number },
    { which: 'a household number that exists nowhere', number: () => '999999999' },
  ])('a citizen asking household(number:) for $which gets FORBIDDEN at Query.household', async ({ number }) => {
    const response = await gateway(
      ROLES.citizenOther,
      'query Other($n: String!) { household(number: $n) { number } }',
      { n: number() },
    );
    expect(comparable(response)).toEqual({
      data: { household: null },
      errors: [{ message: 'Query.household is limited to your own household', path: ['household'], code: F }],
    });
  });

  it('the same citizen reads their own household (the refusals above are not a blanket denial)', async () => {
    const response = await gateway(
      ROLES.citizenOther,
      'query Own($n: String!) { household(number: $n) { number head { id } } }',
      {
        n: world.bobHousehold.number,
      },
    );
    expect(response.body).toEqual({ data: { household: { number: world.bobHousehold.number, head: { id: BOB } } } });
  });
});
