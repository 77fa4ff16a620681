import { randomUUID } from 'node:crypto';
import type { Department, Identity, Scope } from '../subgraphs/shared/identity';
import {
  addCertificate,
  addHousehold,
  addMaterial,
  addOrganizations,
  type CertificateFixture,
  type OrganizationFixture,
  type PersonFixture,
} from './support/fixtures';
import { startStack, type GraphQLResponse, type TestStack } from './support/stack';

/**
 * The certificate registry's part of the permission matrix, built like test/permissions.test.ts:
 * every role against every field the registry adds, on every path that reaches it: a root field
 * of the certificate registry, a field nested under an entity of natural-person or legal-person
 * (through the gateway), and `_entities` sent straight to the certificate subgraph. A cell either
 * returns the value, or null with one FORBIDDEN (token) or UNAUTHENTICATED (no token) error at
 * exactly that path, while the rest of the query still returns.
 *
 * Alice holds an ID card (issued by public-security), has submitted a material, and is the legal
 * representative of an organization holding a business licence (issued by market-regulation).
 * The catalogue and verifyCertificate are public: one case per role at the end.
 */

const V = 'value';
const F = 'FORBIDDEN';
const U = 'UNAUTHENTICATED';
type Denial = typeof F | typeof U;
type Outcome = typeof V | Denial;
type Segment = string | number;

const ALICE = randomUUID();
const BOB = randomUUID();
const PURPOSE = 'CASE-2026-0606';

interface Role {
  label: string;
  identity: Identity | null;
  purpose?: string;
}

const citizen = (sub: string): Identity => ({ sub, role: 'citizen', dept: null, scopes: [] });
const officer = (sub: string, dept: Department, scopes: Scope[]): Identity => ({ sub, role: 'officer', dept, scopes });
const SENSITIVE = officer('staff-cs', 'civil-affairs', ['certificate:read:sensitive', 'person:read']);
const ISSUER = officer('staff-ps', 'public-security', ['certificate:write', 'person:read']);

// Officers carry person:read, so that Query.person lets them reach Alice and the certificate
// registry's own rules decide; the gates on the way are part of each cell.
const ROLES = {
  anonymous: { label: 'anonymous caller', identity: null },
  holder: { label: 'the holder (a citizen)', identity: citizen(ALICE) },
  otherCitizen: { label: 'another citizen', identity: citizen(BOB) },
  withPurpose: {
    label: 'officer with certificate:read:sensitive and X-Purpose',
    identity: SENSITIVE,
    purpose: PURPOSE,
  },
  withoutPurpose: { label: 'officer with certificate:read:sensitive without X-Purpose', identity: SENSITIVE },
  certificateReader: {
    label: 'officer with certificate:read',
    identity: officer('staff-cr', 'civil-affairs', ['certificate:read', 'person:read']),
    purpose: PURPOSE,
  },
  organizationReader: {
    label: 'officer with organization:read',
    identity: officer('staff-or', 'civil-affairs', ['organization:read', 'person:read']),
    purpose: PURPOSE,
  },
  issuer: { label: 'public-security officer with certificate:write and X-Purpose', identity: ISSUER, purpose: PURPOSE },
  issuerWithoutPurpose: { label: 'public-security officer with certificate:write without X-Purpose', identity: ISSUER },
  licenceIssuer: {
    label: 'market-regulation officer with certificate:write',
    identity: officer('staff-mr', 'market-regulation', ['certificate:write', 'person:read']),
    purpose: PURPOSE,
  },
  noScope: { label: 'officer without scopes', identity: officer('staff-0', 'civil-affairs', []), purpose: PURPOSE },
  analyst: { label: 'analyst', identity: { sub: 'analyst-1', role: 'analyst', dept: 'statistics', scopes: [] } },
  auditor: { label: 'auditor', identity: { sub: 'auditor-1', role: 'auditor', dept: 'data-bureau', scopes: [] } },
} satisfies Record<string, Role>;
type RoleName = keyof typeof ROLES;
const ROLE_NAMES = Object.keys(ROLES) as RoleName[];

interface Expectation {
  /** Query.person(id: alice): the gate of the nested paths (natural-person's rule). */
  person: Outcome;
  /** Fields of Alice's ID card. */
  personCertificate: Outcome;
  /** Person.certificates, Person.materials, Person.readiness of Alice. */
  personData: Outcome;
  /** Fields of Alice's material. */
  material: Outcome;
  /** Fields of the organization's business licence. */
  organizationCertificate: Outcome;
  /** Organization.certificates and Organization.readiness. */
  organizationData: Outcome;
}

// prettier-ignore
const EXPECT: Record<RoleName, Expectation> = {
  anonymous:          { person: U, personCertificate: U, personData: U, material: U, organizationCertificate: U, organizationData: U },
  holder:             { person: V, personCertificate: V, personData: V, material: V, organizationCertificate: V, organizationData: V },
  otherCitizen:       { person: F, personCertificate: F, personData: F, material: F, organizationCertificate: F, organizationData: F },
  withPurpose:        { person: V, personCertificate: V, personData: V, material: V, organizationCertificate: V, organizationData: V },
  // An organization's licence is not personal data: no purpose needed.
  withoutPurpose:     { person: V, personCertificate: F, personData: F, material: F, organizationCertificate: V, organizationData: V },
  certificateReader:  { person: V, personCertificate: F, personData: F, material: F, organizationCertificate: V, organizationData: V },
  organizationReader: { person: V, personCertificate: F, personData: F, material: F, organizationCertificate: V, organizationData: V },
  // The issuing department reads the certificates it issued (a person's with a purpose), nothing more.
  issuer:             { person: V, personCertificate: V, personData: F, material: F, organizationCertificate: F, organizationData: F },
  issuerWithoutPurpose: { person: V, personCertificate: F, personData: F, material: F, organizationCertificate: F, organizationData: F },
  licenceIssuer:      { person: V, personCertificate: F, personData: F, material: F, organizationCertificate: V, organizationData: F },
  noScope:            { person: F, personCertificate: F, personData: F, material: F, organizationCertificate: F, organizationData: F },
  analyst:            { person: F, personCertificate: F, personData: F, material: F, organizationCertificate: F, organizationData: F },
  auditor:            { person: F, personCertificate: F, personData: F, material: F, organizationCertificate: F, organizationData: F },
};

// ---------------------------------------------------------------------------------------------
// The world and the fields.

interface World {
  alice: PersonFixture;
  card: CertificateFixture;
  organization: OrganizationFixture;
  licence: CertificateFixture;
  material: { id: string; sha256: string };
}
let world: World;
let stack: TestStack;

interface FieldSpec {
  selection: string;
  value(w: World): unknown;
}

const field = (selection: string, value: FieldSpec['value']): FieldSpec => ({ selection, value });
const anyText = () => expect.stringMatching(/^ey[\w-]+\.[\w-]+\.[\w-]+$/);

const CARD_FIELDS = {
  type: field('type { code }', () => ({ code: 'RESIDENT_ID_CARD' })),
  number: field('number', (w) => w.alice.idNumber),
  holder: field('holder { __typename }', () => ({ __typename: 'Person' })),
  issuingDepartment: field('issuingDepartment', () => 'public-security'),
  issuingAuthority: field('issuingAuthority', () => '测试发证机关'),
  issuedOn: field('issuedOn', () => '2020-01-01'),
  validUntil: field('validUntil', () => '2040-01-01'),
  status: field('status', () => 'VALID'),
  revocation: field('revocation { reason }', () => null),
  attributes: field('attributes { __typename }', () => null),
  verificationCode: field('verificationCode', (w) => w.card.verificationCode.match(/.{4}/g)!.join('-')),
  signedForm: field('signedForm', anyText),
};
type CardField = keyof typeof CARD_FIELDS;

const LICENCE_FIELDS: Record<CardField, FieldSpec> = {
  ...CARD_FIELDS,
  type: field('type { code }', () => ({ code: 'BUSINESS_LICENCE' })),
  number: field('number', (w) => w.organization.creditCode),
  holder: field('holder { __typename }', () => ({ __typename: 'Organization' })),
  issuingDepartment: field('issuingDepartment', () => 'market-regulation'),
  verificationCode: field('verificationCode', (w) => w.licence.verificationCode.match(/.{4}/g)!.join('-')),
};

const MATERIAL_FIELDS = {
  id: field('id', (w) => w.material.id),
  owner: field('owner { id }', () => ({ id: ALICE })),
  kind: field('kind { code }', () => ({ code: 'INCOME_PROOF' })),
  mediaType: field('mediaType', () => 'application/pdf'),
  sha256: field('sha256', (w) => w.material.sha256),
  uploadedBy: field('uploadedBy { role }', () => ({ role: 'citizen' })),
  uses: field('uses { reference }', () => []),
  downloadPath: field('downloadPath', (w) => `/materials/${w.material.id}`),
};

const PERSON_FIELDS = {
  certificates: field('certificates(type: RESIDENT_ID_CARD) { number }', (w) => [{ number: w.alice.idNumber }]),
  materials: field('materials { totalCount }', () => ({ totalCount: 1 })),
};

const ORGANIZATION_FIELDS = {
  certificates: field('certificates { number }', (w) => [{ number: w.organization.creditCode }]),
  readiness: field('readiness(service: "BLC") { complete }', () => ({ complete: true })),
};

// ---------------------------------------------------------------------------------------------
// Requests.

const tokens = new Map<Identity, string>();
async function tokenOf({ identity }: Role): Promise<string | undefined> {
  if (!identity) return undefined;
  if (!tokens.has(identity)) tokens.set(identity, await stack.token(identity));
  return tokens.get(identity);
}

async function gateway(role: Role, query: string, variables: Record<string, unknown> = {}) {
  return stack.graphql(query, { token: await tokenOf(role), purpose: role.purpose, variables });
}

function entities(role: Role, fragment: string, representations: Record<string, unknown>[]) {
  return stack.subgraph(
    'certificate',
    `query Entities($representations: [_Any!]!) { _entities(representations: $representations) { ${fragment} } }`,
    { representations },
    { identity: role.identity, purpose: role.purpose ?? null },
  );
}

const CANARY = 'types: certificateTypes { code }';

interface Path {
  label: string;
  send(role: Role, selection: string): Promise<GraphQLResponse<any>>;
  gates: { at: Segment[]; field: string; outcome(e: Expectation): Outcome }[];
  parent: Segment[];
  key(w: World): Record<string, unknown>;
  /** The public canary beside the field: still there whatever happens to it. */
  canary: boolean;
}

const cardPaths = (): Path[] => [
  {
    label: 'certificate(type:, number:)',
    send: (role, selection) =>
      gateway(
        role,
        `query One($t: CertificateTypeCode!, $n: String!) { certificate(type: $t, number: $n) { id ${selection} } ${CANARY} }`,
        {
          t: 'RESIDENT_ID_CARD',
          n: world.alice.idNumber,
        },
      ),
    gates: [{ at: ['certificate'], field: 'Query.certificate', outcome: (e) => e.personCertificate }],
    parent: ['certificate'],
    key: (w) => ({ id: w.card.id }),
    canary: true,
  },
  {
    label: 'person(id:) { certificates } (natural-person -> certificate)',
    send: (role, selection) =>
      gateway(
        role,
        `query Nested($id: ID!) { person(id: $id) { certificates(type: RESIDENT_ID_CARD) { id ${selection} } } ${CANARY} }`,
        {
          id: ALICE,
        },
      ),
    gates: [
      { at: ['person'], field: 'Query.person', outcome: (e) => e.person },
      { at: ['person', 'certificates'], field: 'Person.certificates', outcome: (e) => e.personData },
    ],
    parent: ['person', 'certificates', 0],
    key: (w) => ({ id: w.card.id }),
    canary: true,
  },
  {
    label: '_entities Certificate',
    send: (role, selection) =>
      entities(role, `... on Certificate { id ${selection} }`, [{ __typename: 'Certificate', id: world.card.id }]),
    gates: [],
    parent: ['_entities', 0],
    key: (w) => ({ id: w.card.id }),
    canary: false,
  },
];

const licencePaths = (): Path[] => [
  {
    label: 'certificate(type: BUSINESS_LICENCE, number:)',
    send: (role, selection) =>
      gateway(
        role,
        `query One($t: CertificateTypeCode!, $n: String!) { certificate(type: $t, number: $n) { id ${selection} } ${CANARY} }`,
        {
          t: 'BUSINESS_LICENCE',
          n: world.organization.creditCode,
        },
      ),
    gates: [{ at: ['certificate'], field: 'Query.certificate', outcome: (e) => e.organizationCertificate }],
    parent: ['certificate'],
    key: (w) => ({ id: w.licence.id }),
    canary: true,
  },
  {
    label: 'organization(creditCode:) { certificates } (legal-person -> certificate)',
    send: (role, selection) =>
      gateway(
        role,
        `query Nested($c: String!) { organization(creditCode: $c) { certificates { id ${selection} } } ${CANARY} }`,
        {
          c: world.organization.creditCode,
        },
      ),
    gates: [
      { at: ['organization', 'certificates'], field: 'Organization.certificates', outcome: (e) => e.organizationData },
    ],
    parent: ['organization', 'certificates', 0],
    key: (w) => ({ id: w.licence.id }),
    canary: true,
  },
  {
    label: '_entities Certificate',
    send: (role, selection) =>
      entities(role, `... on Certificate { id ${selection} }`, [{ __typename: 'Certificate', id: world.licence.id }]),
    gates: [],
    parent: ['_entities', 0],
    key: (w) => ({ id: w.licence.id }),
    canary: false,
  },
];

const materialPaths = (): Path[] => [
  {
    label: 'material(id:)',
    send: (role, selection) =>
      gateway(role, `query One($id: ID!) { material(id: $id) { ${selection} } ${CANARY} }`, { id: world.material.id }),
    gates: [{ at: ['material'], field: 'Query.material', outcome: (e) => e.material }],
    parent: ['material'],
    key: () => ({}),
    canary: true,
  },
  {
    label: 'person(id:) { materials } (natural-person -> certificate)',
    send: (role, selection) =>
      gateway(
        role,
        `query Nested($id: ID!) { person(id: $id) { materials { edges { node { ${selection} } } } } ${CANARY} }`,
        {
          id: ALICE,
        },
      ),
    gates: [
      { at: ['person'], field: 'Query.person', outcome: (e) => e.person },
      { at: ['person', 'materials'], field: 'Person.materials', outcome: (e) => e.personData },
    ],
    parent: ['person', 'materials', 'edges', 0, 'node'],
    key: () => ({}),
    canary: true,
  },
];

const personPaths = (): Path[] => [
  {
    label: 'person(id:) (natural-person -> certificate)',
    send: (role, selection) =>
      gateway(role, `query P($id: ID!) { person(id: $id) { id ${selection} } ${CANARY} }`, { id: ALICE }),
    gates: [{ at: ['person'], field: 'Query.person', outcome: (e) => e.person }],
    parent: ['person'],
    key: () => ({ id: ALICE }),
    canary: true,
  },
  {
    label: '_entities Person',
    send: (role, selection) =>
      entities(role, `... on Person { id ${selection} }`, [{ __typename: 'Person', id: ALICE }]),
    gates: [],
    parent: ['_entities', 0],
    key: () => ({ id: ALICE }),
    canary: false,
  },
];

const organizationPaths = (): Path[] => [
  {
    label: 'organization(creditCode:) (legal-person -> certificate)',
    send: (role, selection) =>
      gateway(role, `query O($c: String!) { organization(creditCode: $c) { creditCode ${selection} } ${CANARY} }`, {
        c: world.organization.creditCode,
      }),
    gates: [],
    parent: ['organization'],
    key: (w) => ({ creditCode: w.organization.creditCode }),
    canary: true,
  },
  {
    label: '_entities Organization',
    send: (role, selection) =>
      entities(role, `... on Organization { creditCode ${selection} }`, [
        { __typename: 'Organization', creditCode: world.organization.creditCode },
      ]),
    gates: [],
    parent: ['_entities', 0],
    key: (w) => ({ creditCode: w.organization.creditCode }),
    canary: false,
  },
];

// ---------------------------------------------------------------------------------------------
// Cells.

function dig(data: unknown, path: Segment[]): unknown {
  return path.reduce<any>((node, segment) => (node == null ? undefined : node[segment]), data);
}

function refusal(path: Segment[], code: Denial) {
  return expect.objectContaining({ path, extensions: expect.objectContaining({ code }) });
}

interface Cell {
  title: string;
  role: RoleName;
  path: () => Path;
  field: string;
  spec: FieldSpec;
  outcome: keyof Expectation;
}

function cells(
  typeName: string,
  fields: Record<string, FieldSpec>,
  paths: () => Path[],
  outcome: keyof Expectation,
): Cell[] {
  const result: Cell[] = [];
  // Paths read `world` only when they send; their labels and gates are known up front.
  paths().forEach((shape, index) => {
    for (const role of ROLE_NAMES) {
      const e = EXPECT[role];
      for (const [name, spec] of Object.entries(fields)) {
        const gate = shape.gates.find((g) => g.outcome(e) !== V);
        const who = ROLES[role].label;
        const title = gate
          ? `${who} gets ${gate.outcome(e)} at ${gate.field} asking for ${typeName}.${name} via ${shape.label}`
          : e[outcome] === V
            ? `${who} reads ${typeName}.${name} via ${shape.label}`
            : `${who} gets ${e[outcome]} for ${typeName}.${name} via ${shape.label}`;
        result.push({ title, role, path: () => paths()[index], field: name, spec, outcome });
      }
    }
  });
  return result;
}

async function checkCell({ role, path: pathOf, field: name, spec, outcome }: Cell) {
  const path = pathOf();
  const e = EXPECT[role];
  const response = await path.send(ROLES[role], spec.selection);
  expect(response.status).toBe(200);
  const { data, errors } = response.body;
  const gate = path.gates.find((g) => g.outcome(e) !== V);
  if (gate) {
    expect(errors).toEqual([refusal(gate.at, gate.outcome(e) as Denial)]);
    expect(dig(data, gate.at) ?? null).toBeNull();
  } else if (e[outcome] === V) {
    expect(errors).toBeUndefined();
    expect(dig(data, path.parent)).toEqual({ ...path.key(world), [name]: spec.value(world) });
  } else {
    const at = [...path.parent, name];
    expect(errors).toEqual([refusal(at, e[outcome] as Denial)]);
    expect(dig(data, at)).toBeNull();
    expect(dig(data, path.parent)).toEqual({ ...path.key(world), [name]: null });
  }
  if (path.canary) expect(dig(data, ['types'])).toHaveLength(10);
}

beforeAll(async () => {
  stack = await startStack();
  const household = await addHousehold(stack, [{ id: ALICE, name: '林晓', gender: 'FEMALE', birthDate: '1990-03-08' }]);
  await addHousehold(stack, [{ id: BOB, name: '王强' }]);
  const [organization] = await addOrganizations(stack, [ALICE]);
  const alice = household.members[0];
  world = {
    alice,
    card: await addCertificate(stack, alice),
    organization,
    licence: await addCertificate(stack, organization, { validUntil: '2040-01-01' }),
    material: await addMaterial(stack, ALICE),
  };
});

afterAll(async () => {
  await stack?.stop();
});

describe("Certificate fields of a person's certificate", () => {
  it.each(cells('Certificate', CARD_FIELDS, cardPaths, 'personCertificate'))('$title', checkCell);
});

describe("Certificate fields of an organization's licence", () => {
  it.each(cells('Certificate', LICENCE_FIELDS, licencePaths, 'organizationCertificate'))('$title', checkCell);
});

describe('Material fields', () => {
  it.each(cells('Material', MATERIAL_FIELDS, materialPaths, 'material'))('$title', checkCell);
});

describe('Person fields of the certificate registry', () => {
  it.each(cells('Person', PERSON_FIELDS, personPaths, 'personData'))('$title', checkCell);

  // Person.readiness @requires the household: through the gateway natural-person answers for it
  // under each role's own rights (test/readiness.test.ts); here straight at the subgraph with the
  // household in the representation, as the gateway sends it.
  it.each(ROLE_NAMES)(
    '%s: Person.readiness via _entities follows the same rule as Person.certificates',
    async (role) => {
      const response = await entities(ROLES[role], '... on Person { id readiness(service: "SCC") { complete } }', [
        { __typename: 'Person', id: ALICE, household: { members: [{ relationship: 'HEAD', person: { id: ALICE } }] } },
      ]);
      const outcome = EXPECT[role].personData;
      if (outcome === V) {
        expect(response.body.errors).toBeUndefined();
        expect(response.body.data?._entities).toEqual([{ id: ALICE, readiness: { complete: false } }]);
      } else {
        expect(response.body.errors).toEqual([refusal(['_entities', 0, 'readiness'], outcome)]);
      }
    },
  );
});

describe('Person.holdings (an application citing papers on file)', () => {
  // Like readiness, it @requires the household; sent straight at the subgraph as the gateway would.
  it.each(ROLE_NAMES)(
    '%s: Person.holdings via _entities follows the same rule as Person.certificates',
    async (role) => {
      const response = await entities(
        ROLES[role],
        '... on Person { id holdings(certificateIds: [$card], materialIds: [$material]) { kind id status } }'
          .replace('$card', JSON.stringify(world.card.id))
          .replace('$material', JSON.stringify(world.material.id)),
        [
          {
            __typename: 'Person',
            id: ALICE,
            household: { members: [{ relationship: 'HEAD', person: { id: ALICE } }] },
          },
        ],
      );
      const outcome = EXPECT[role].personData;
      if (outcome === V) {
        expect(response.body.errors).toBeUndefined();
        expect(response.body.data?._entities).toEqual([
          {
            id: ALICE,
            holdings: [
              { kind: 'CERTIFICATE', id: world.card.id, status: 'OWN' },
              { kind: 'MATERIAL', id: world.material.id, status: 'OWN' },
            ],
          },
        ]);
      } else {
        expect(response.body.errors).toEqual([refusal(['_entities', 0, 'holdings'], outcome)]);
      }
    },
  );
});

describe('Organization fields of the certificate registry', () => {
  it.each(cells('Organization', ORGANIZATION_FIELDS, organizationPaths, 'organizationData'))('$title', checkCell);
});

describe('the public part', () => {
  it.each(ROLE_NAMES)('%s reads the catalogue and verifies a certificate by its code', async (role) => {
    const response = await gateway(
      ROLES[role],
      `query Public($code: String!) {
        certificateTypes { code }
        materialKinds { code }
        services { code requiredMaterials { provider } }
        service(code: "MLA") { code }
        verifyCertificate(code: $code) { status holderName }
      }`,
      { code: world.card.verificationCode },
    );
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data.certificateTypes).toHaveLength(10);
    expect(response.body.data.service).toEqual({ code: 'civil-affairs.minimum-living-allowance' });
    expect(response.body.data.verifyCertificate).toEqual({ status: 'VALID', holderName: '林*' });
  });
});

describe('issuing, revoking, renewing and recording uses', () => {
  const mutations = {
    issue: 'mutation I($i: IssueCertificateInput!) { issueCertificate(input: $i) { id } }',
    revoke: 'mutation R($i: RevokeCertificateInput!) { revokeCertificate(input: $i) { id } }',
    renew: 'mutation N($i: RenewCertificateInput!) { renewCertificate(input: $i) { id } }',
    use: 'mutation U($i: RecordMaterialUseInput!) { recordMaterialUse(input: $i) { id } }',
  };
  // Refused before any check of the input: the roles that may not write at all.
  const refused: RoleName[] = [
    'anonymous',
    'holder',
    'otherCitizen',
    'certificateReader',
    'organizationReader',
    'noScope',
    'analyst',
    'auditor',
  ];

  it.each(refused)('%s may not issue, revoke or renew an ID card, nor record a use', async (role) => {
    const expected = role === 'anonymous' ? U : F;
    const inputs = {
      issue: { type: 'RESIDENT_ID_CARD', holder: { personId: ALICE }, issuingAuthority: 'x', issuedOn: '2020-01-01' },
      revoke: { type: 'RESIDENT_ID_CARD', number: world.alice.idNumber, revokedOn: '2024-01-01', reason: '测试' },
      renew: { type: 'RESIDENT_ID_CARD', number: world.alice.idNumber, issuedOn: '2024-01-01' },
    };
    for (const kind of ['issue', 'revoke', 'renew'] as const) {
      const response = await gateway(ROLES[role], mutations[kind], { i: inputs[kind] });
      expect(response.body.errors?.map((e) => e.extensions?.code)).toEqual([expected]);
    }
    // certificate:read:sensitive with a purpose records uses; others may not.
    const use = await gateway(ROLES[role], mutations.use, { i: { materialId: world.material.id, service: 'MLA' } });
    expect(use.body.errors?.map((e) => e.extensions?.code)).toEqual([expected]);
    // Nothing changed.
    const [card] = await stack.sql(
      'certificate',
      'select revoked_on, issued_on::text as issued_on from certificate where id = $1',
      [world.card.id],
    );
    expect(card).toEqual({ revoked_on: null, issued_on: '2020-01-01' });
  });

  it("refuses another department's certificate:write for an ID card, and records the refusal against the holder", async () => {
    const response = await gateway(ROLES.licenceIssuer, mutations.revoke, {
      i: { type: 'RESIDENT_ID_CARD', number: world.alice.idNumber, revokedOn: '2024-01-01', reason: '测试' },
    });
    expect(response.body.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    const records = await stack.sql(
      'certificate',
      'select subject_id, action, outcome, identifier from access_record where request_id = $1',
      [response.headers.get('x-request-id')],
    );
    expect(records).toEqual([
      { subject_id: ALICE, action: 'write', outcome: 'denied', identifier: `input.number=${world.alice.idNumber}` },
    ]);
  });
});
