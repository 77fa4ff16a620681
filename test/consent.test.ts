import { makeIdNumber } from '../subgraphs/shared/domain/id-number';
import { addCertificate, addHousehold, type HouseholdFixture } from './support/fixtures';
import { startStack, type TestStack } from './support/stack';

/**
 * Consent with preview, through the gateway: an education officer without any scope asks a citizen
 * for their household and their disability certificate; the citizen previews the values and
 * approves only the certificate; the officer reads it under the grant (logged with the grant's id)
 * and is refused the household; the citizen revokes and the next read is refused.
 */

let stack: TestStack;
let family: HouseholdFixture;
let other: HouseholdFixture;
let citizen: string;
let officer: string;
let nurse: string;
let certificateNumber: string;
let certificateId: string;
let idCard: { id: string; number: string };

const PURPOSE = 'EDU-2026-0042 special-education placement';
const HOUSEHOLD = 'Person.household';
const DISABILITY = 'Person.certificates(type: DISABILITY_CERTIFICATE)';

const REQUEST = `mutation Ask($input: RequestConsentInput!) {
  requestConsent(input: $input) { id status fields purpose department requestedBy validUntil }
}`;
const PREVIEW = `query Mine { myConsentRequests { id status fields preview { field registry value error } } }`;
const ANSWER = `mutation Answer($input: AnswerConsentRequestInput!) {
  answerConsentRequest(input: $input) { id status grant { id fields purpose department active } }
}`;
const REVOKE = `mutation Revoke($id: ID!) { revokeConsentGrant(id: $id) { id active revokedAt } }`;
const READ = `query Read($id: ID!) {
  person(id: $id) {
    id
    certificates(type: DISABILITY_CERTIFICATE) { number attributes { ... on DisabilityAttributes { category grade } } }
    household { number }
  }
}`;

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
const codeAt = (body: any, path: string) =>
  body.errors?.find((e: any) => e.path?.join('.') === path)?.extensions?.code ?? null;

beforeAll(async () => {
  stack = await startStack();
  family = await addHousehold(stack, [
    { name: '王芳', gender: 'FEMALE', birthDate: '1984-04-04', maritalStatus: 'MARRIED' },
    { name: '李强', gender: 'MALE', birthDate: '1983-03-03', maritalStatus: 'MARRIED', relationship: 'SPOUSE' },
    { name: '李小芳', gender: 'FEMALE', birthDate: '2015-05-05', relationship: 'CHILD', phone: null },
  ]);
  other = await addHousehold(stack, [{ name: '赵六', gender: 'MALE', birthDate: '1970-07-07' }]);
  const child = family.members[2];
  certificateNumber = `${child.idNumber}12`;
  ({ id: certificateId } = await addCertificate(stack, child, {
    type: 'DISABILITY_CERTIFICATE',
    number: certificateNumber,
    attributes: { kind: 'DISABILITY', category: 'VISION', grade: 2 },
    department: 'disabled-persons',
  }));
  // Not asked for, never granted: the lookups below must refuse it.
  idCard = await addCertificate(stack, child);
  citizen = await stack.token({ role: 'citizen', sub: child.id });
  officer = await stack.token({ role: 'officer', sub: 'edu-officer-7', dept: 'education', scopes: [] });
  nurse = await stack.token({ role: 'officer', sub: 'nurse-3', dept: 'health', scopes: [] });
});
afterAll(async () => {
  await stack?.stop();
});

describe('the journey of issue 13', () => {
  let requestId: string;
  let grantId: string;

  it('lets an education officer without scope ask for the household and the disability certificate', async () => {
    const child = family.members[2];
    const before = await stack.graphql(READ, { token: officer, purpose: PURPOSE, variables: { id: child.id } });
    expect(codeAt(before.body, 'person')).toBe('FORBIDDEN');

    const res = await stack.graphql(REQUEST, {
      token: officer,
      variables: {
        input: { personId: child.id, fields: [HOUSEHOLD, DISABILITY], purpose: PURPOSE, validUntil: inDays(30) },
      },
    });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.requestConsent).toMatchObject({
      status: 'PENDING',
      fields: [HOUSEHOLD, DISABILITY],
      department: 'education',
      requestedBy: 'edu-officer-7',
      purpose: PURPOSE,
    });
    requestId = res.body.data.requestConsent.id;

    // The same request again answers the same request; nothing is duplicated.
    const again = await stack.graphql(REQUEST, {
      token: officer,
      variables: {
        input: {
          personId: child.id,
          fields: [DISABILITY, HOUSEHOLD],
          purpose: PURPOSE,
          validUntil: res.body.data.requestConsent.validUntil,
        },
      },
    });
    expect(again.body.data.requestConsent.id).toBe(requestId);
    const rows = await stack.sql('natural-person', 'select id from consent_request where person_id = $1', [child.id]);
    expect(rows).toHaveLength(1);
  });

  it('shows the citizen the exact values, field by field, fetched live under their own identity', async () => {
    const res = await stack.graphql(PREVIEW, { token: citizen });
    expect(res.body.errors).toBeUndefined();
    const [request] = res.body.data.myConsentRequests;
    expect(request).toMatchObject({ id: requestId, status: 'PENDING' });
    const byField = Object.fromEntries(request.preview.map((item: any) => [item.field, item]));
    expect(byField[HOUSEHOLD]).toMatchObject({ registry: 'natural-person', error: null });
    expect(JSON.parse(byField[HOUSEHOLD].value)).toMatchObject({ number: family.number });
    expect(byField[DISABILITY]).toMatchObject({ registry: 'certificate', error: null });
    expect(JSON.parse(byField[DISABILITY].value)).toEqual([
      expect.objectContaining({
        number: certificateNumber,
        attributes: { __typename: 'DisabilityAttributes', category: 'VISION', grade: 2 },
      }),
    ]);
    // The preview is a delegated read by the citizen, logged in the certificate registry as such.
    const logged = await stack.sql(
      'certificate',
      `select actor_role, via from access_record where subject_id = $1 and actor_role = 'citizen'`,
      [family.members[2].id],
    );
    expect(logged).toContainEqual({ actor_role: 'citizen', via: 'natural-person' });
  });

  it('shows the preview to the person asked only', async () => {
    const res = await stack.graphql(`query Made { consentRequestsMade { id status preview { field } } }`, {
      token: officer,
    });
    expect(res.body.data.consentRequestsMade[0]).toMatchObject({ id: requestId, status: 'PENDING', preview: null });
    expect(codeAt(res.body, 'consentRequestsMade.0.preview')).toBe('FORBIDDEN');
  });

  it('approves only the certificate: a grant of that field', async () => {
    const res = await stack.graphql(ANSWER, {
      token: citizen,
      variables: { input: { requestId, approve: [DISABILITY] } },
    });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.answerConsentRequest).toMatchObject({
      status: 'APPROVED',
      grant: { fields: [DISABILITY], purpose: PURPOSE, department: 'education', active: true },
    });
    grantId = res.body.data.answerConsentRequest.grant.id;
  });

  it('lets the officer read the certificate under the grant and refuses the household', async () => {
    const child = family.members[2];
    const res = await stack.graphql(READ, { token: officer, purpose: PURPOSE, variables: { id: child.id } });
    expect(res.body.data.person.certificates).toEqual([
      { number: certificateNumber, attributes: { category: 'VISION', grade: 2 } },
    ]);
    expect(res.body.data.person.household).toBeNull();
    expect(codeAt(res.body, 'person.household')).toBe('FORBIDDEN');

    // Logged in the certificate registry with the grant's id.
    const records = await stack.sql<{ fields: string[]; grant_id: string | null; actor_sub: string }>(
      'certificate',
      `select fields, grant_id, actor_sub from access_record where subject_id = $1 and actor_sub = 'edu-officer-7' and outcome = 'granted'`,
      [child.id],
    );
    expect(records).toContainEqual(
      expect.objectContaining({
        grant_id: grantId,
        fields: expect.arrayContaining(['Certificate.number', 'Person.certificates']),
      }),
    );
    // The refused household is logged as denied, with no grant.
    const denied = await stack.sql<{ fields: string[]; grant_id: string | null }>(
      'natural-person',
      `select fields, grant_id from access_record where subject_id = $1 and actor_sub = 'edu-officer-7' and outcome = 'denied'`,
      [child.id],
    );
    expect(denied).toContainEqual({ fields: ['Person.household'], grant_id: null });
  });

  it('refuses every field outside the grant: all certificates, another purpose, another department, another person', async () => {
    const child = family.members[2];
    const all = await stack.graphql(`query All($id: ID!) { person(id: $id) { certificates { number } name } }`, {
      token: officer,
      purpose: PURPOSE,
      variables: { id: child.id },
    });
    expect(codeAt(all.body, 'person.certificates')).toBe('FORBIDDEN');
    expect(codeAt(all.body, 'person.name')).toBe('FORBIDDEN');

    const otherPurpose = await stack.graphql(READ, {
      token: officer,
      purpose: 'EDU-2026-9999',
      variables: { id: child.id },
    });
    expect(codeAt(otherPurpose.body, 'person')).toBe('FORBIDDEN');
    const noPurpose = await stack.graphql(READ, { token: officer, variables: { id: child.id } });
    expect(codeAt(noPurpose.body, 'person')).toBe('FORBIDDEN');
    const health = await stack.graphql(READ, { token: nurse, purpose: PURPOSE, variables: { id: child.id } });
    expect(codeAt(health.body, 'person')).toBe('FORBIDDEN');
    const sibling = await stack.graphql(READ, {
      token: officer,
      purpose: PURPOSE,
      variables: { id: family.members[0].id },
    });
    expect(codeAt(sibling.body, 'person')).toBe('FORBIDDEN');
  });

  it('honours the grant on the _entities path of the certificate registry, and nothing beyond it', async () => {
    const child = family.members[2];
    const query = `query($r: [_Any!]!) { _entities(representations: $r) {
      ... on Person { certificates(type: DISABILITY_CERTIFICATE) { number } materials(first: 1) { totalCount } } } }`;
    const caller = {
      identity: { sub: 'edu-officer-7', role: 'officer' as const, dept: 'education' as const, scopes: [] },
      purpose: PURPOSE,
    };
    const res = await stack.subgraph('certificate', query, { r: [{ __typename: 'Person', id: child.id }] }, caller);
    expect(res.body.data._entities[0].certificates).toEqual([{ number: certificateNumber }]);
    expect(codeAt(res.body, '_entities.0.materials')).toBe('FORBIDDEN');
    const stranger = await stack.subgraph(
      'certificate',
      query,
      { r: [{ __typename: 'Person', id: other.members[0].id }] },
      caller,
    );
    expect(codeAt(stranger.body, '_entities.0.certificates')).toBe('FORBIDDEN');
  });

  it('honours the grant through certificate(type:, number:) for exactly the granted type, with provenance', async () => {
    const child = family.members[2];
    const LOOKUP = `query Lookup($type: CertificateTypeCode!, $number: String!) {
      certificate(type: $type, number: $number) {
        number status attributes { ... on DisabilityAttributes { category grade } }
        provenance(fields: ["Certificate.status"]) { field registry department suppliedBy recorded }
      }
    }`;
    const res = await stack.graphql(LOOKUP, {
      token: officer,
      purpose: PURPOSE,
      variables: { type: 'DISABILITY_CERTIFICATE', number: certificateNumber },
    });
    expect(res.body).toEqual({
      data: {
        certificate: {
          number: certificateNumber,
          status: 'VALID',
          attributes: { category: 'VISION', grade: 2 },
          provenance: [
            {
              field: 'Certificate.status',
              registry: 'certificate',
              department: 'disabled-persons',
              suppliedBy: 'AUTHORITY',
              recorded: false,
            },
          ],
        },
      },
    });
    // Logged with the grant's id, against the holder.
    const records = await stack.sql<{ fields: string[]; grant_id: string | null }>(
      'certificate',
      `select fields, grant_id from access_record
        where subject_id = $1 and actor_sub = 'edu-officer-7' and outcome = 'granted' and 'Certificate.status' = any(fields)`,
      [child.id],
    );
    expect(records.some((r) => r.grant_id === grantId)).toBe(true);

    // Another type of the same person (her ID card) is outside the grant: refused like a stranger's.
    const card = await stack.graphql(LOOKUP, {
      token: officer,
      purpose: PURPOSE,
      variables: { type: 'RESIDENT_ID_CARD', number: idCard.number },
    });
    expect(card.body.data.certificate).toBeNull();
    expect(codeAt(card.body, 'certificate')).toBe('FORBIDDEN');
    // Another purpose, or a department holding no grant: FORBIDDEN.
    for (const [token, purpose] of [
      [officer, 'EDU-2026-9999'],
      [nurse, PURPOSE],
    ]) {
      const refused = await stack.graphql(LOOKUP, {
        token,
        purpose,
        variables: { type: 'DISABILITY_CERTIFICATE', number: certificateNumber },
      });
      expect(refused.body.data.certificate).toBeNull();
      expect(codeAt(refused.body, 'certificate')).toBe('FORBIDDEN');
    }
  });

  it('honours the grant on Certificate _entities for the granted certificate only', async () => {
    const query = `query($r: [_Any!]!) { _entities(representations: $r) {
      ... on Certificate { id number provenance { field } } } }`;
    const caller = (dept: 'education' | 'health', sub: string) => ({
      identity: { sub, role: 'officer' as const, dept, scopes: [] },
      purpose: PURPOSE,
    });
    const representations = [
      { __typename: 'Certificate', id: certificateId },
      { __typename: 'Certificate', id: idCard.id },
    ];
    const res = await stack.subgraph(
      'certificate',
      query,
      { r: representations },
      caller('education', 'edu-officer-7'),
    );
    expect(res.body.data._entities[0]).toMatchObject({ id: certificateId, number: certificateNumber });
    expect(res.body.data._entities[0].provenance.map((p: any) => p.field)).toContain('Certificate.number');
    expect(res.body.data._entities[1]).toEqual({ id: idCard.id, number: null, provenance: [] });
    expect(codeAt(res.body, '_entities.1.number')).toBe('FORBIDDEN');
    const health = await stack.subgraph('certificate', query, { r: representations }, caller('health', 'nurse-3'));
    expect(health.body.data._entities.map((e: any) => e.number)).toEqual([null, null]);
    expect(codeAt(health.body, '_entities.0.number')).toBe('FORBIDDEN');
  });

  it('shows the citizen the read next to the grant in the data tracker', async () => {
    const child = family.members[2];
    const res = await stack.graphql(
      `query Tracker($id: ID!) { accessRecords(filter: { personId: $id, actorSub: "edu-officer-7" }, first: 50) {
         edges { node { registry outcome fields grantId grant { id department purpose fields active } } } } }`,
      { token: citizen, variables: { id: child.id } },
    );
    expect(res.body.errors).toBeUndefined();
    const underGrant = res.body.data.accessRecords.edges.map((e: any) => e.node).filter((n: any) => n.grantId);
    expect(underGrant).toContainEqual(
      expect.objectContaining({
        registry: 'certificate',
        outcome: 'GRANTED',
        grantId,
        grant: { id: grantId, department: 'education', purpose: PURPOSE, fields: [DISABILITY], active: true },
      }),
    );
  });

  it('refuses the next read once the citizen revokes the grant; revoking again changes nothing', async () => {
    const child = family.members[2];
    const res = await stack.graphql(REVOKE, { token: citizen, variables: { id: grantId } });
    expect(res.body.data.revokeConsentGrant).toMatchObject({ id: grantId, active: false });
    const again = await stack.graphql(REVOKE, { token: citizen, variables: { id: grantId } });
    expect(again.body.data.revokeConsentGrant.revokedAt).toBe(res.body.data.revokeConsentGrant.revokedAt);

    const read = await stack.graphql(READ, { token: officer, purpose: PURPOSE, variables: { id: child.id } });
    expect(codeAt(read.body, 'person')).toBe('FORBIDDEN');
    const lookup = await stack.graphql(
      `query Lookup($number: String!) { certificate(type: DISABILITY_CERTIFICATE, number: $number) { number } }`,
      { token: officer, purpose: PURPOSE, variables: { number: certificateNumber } },
    );
    expect(lookup.body.data.certificate).toBeNull();
    expect(codeAt(lookup.body, 'certificate')).toBe('FORBIDDEN');
  });
});

describe('requests and answers', () => {
  it('refuses a field that cannot be granted, naming the argument, and writes nothing', async () => {
    const res = await stack.graphql(REQUEST, {
      token: officer,
      variables: {
        input: { personId: other.members[0].id, fields: ['Person.remarks'], purpose: 'X-1', validUntil: inDays(3) },
      },
    });
    expect(res.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.fields' });
    const rows = await stack.sql('natural-person', 'select id from consent_request where person_id = $1', [
      other.members[0].id,
    ]);
    expect(rows).toHaveLength(0);
  });

  it('refuses a validity in the past', async () => {
    const res = await stack.graphql(REQUEST, {
      token: officer,
      variables: {
        input: { personId: other.members[0].id, fields: [HOUSEHOLD], purpose: 'X-2', validUntil: inDays(-1) },
      },
    });
    expect(res.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.validUntil' });
  });

  it('lets only officers ask, and only the person answer', async () => {
    const asCitizen = await stack.graphql(REQUEST, {
      token: citizen,
      variables: {
        input: { personId: other.members[0].id, fields: [HOUSEHOLD], purpose: 'X-3', validUntil: inDays(3) },
      },
    });
    expect(asCitizen.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const asked = await stack.graphql(REQUEST, {
      token: nurse,
      variables: {
        input: { personId: other.members[0].id, fields: [HOUSEHOLD], purpose: 'X-4', validUntil: inDays(3) },
      },
    });
    const id = asked.body.data.requestConsent.id;
    const wrongPerson = await stack.graphql(ANSWER, {
      token: citizen,
      variables: { input: { requestId: id, approve: [] } },
    });
    expect(wrongPerson.body.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'input.requestId',
    });
    const owner = await stack.token({ role: 'citizen', sub: other.members[0].id });
    const declined = await stack.graphql(ANSWER, {
      token: owner,
      variables: { input: { requestId: id, approve: [] } },
    });
    expect(declined.body.data.answerConsentRequest).toMatchObject({ status: 'DECLINED', grant: null });
    const changed = await stack.graphql(ANSWER, {
      token: owner,
      variables: { input: { requestId: id, approve: [HOUSEHOLD] } },
    });
    expect(changed.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.requestId' });
  });
});

describe('grant lookups are batched', () => {
  it('costs the same SQL statements and delegated calls for one person as for three, on the _entities path', async () => {
    const people = [other.members[0], family.members[0], family.members[1]];
    for (const person of people) {
      const ask = await stack.graphql(REQUEST, {
        token: officer,
        variables: {
          input: { personId: person.id, fields: [DISABILITY], purpose: 'EDU-BATCH', validUntil: inDays(5) },
        },
      });
      await addCertificate(stack, person, {
        type: 'DISABILITY_CERTIFICATE',
        number: `${person.idNumber}43`,
        attributes: { kind: 'DISABILITY', category: 'LIMB', grade: 3 },
        department: 'disabled-persons',
      });
      const token = await stack.token({ role: 'citizen', sub: person.id });
      const answer = await stack.graphql(ANSWER, {
        token,
        variables: { input: { requestId: ask.body.data.requestConsent.id, approve: [DISABILITY] } },
      });
      expect(answer.body.data.answerConsentRequest.status).toBe('APPROVED');
    }
    const query = `query($r: [_Any!]!) { _entities(representations: $r) {
      ... on Person { certificates(type: DISABILITY_CERTIFICATE) { number issuedOn status } } } }`;
    const caller = {
      identity: { sub: 'edu-officer-7', role: 'officer' as const, dept: 'education' as const, scopes: [] },
      purpose: 'EDU-BATCH',
    };
    const measure = async (n: number) => {
      const representations = people.slice(0, n).map((p) => ({ __typename: 'Person', id: p.id }));
      stack.resetCounts();
      const naturalPerson = await stack.db['natural-person'].statements.measure(() =>
        stack.db.certificate.statements.measure(() =>
          stack.subgraph('certificate', query, { r: representations }, caller),
        ),
      );
      const res = naturalPerson.result.result;
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data._entities.map((e: any) => e.certificates[0].number)).toEqual(
        people.slice(0, n).map((p) => `${p.idNumber}43`),
      );
      return {
        naturalPerson: naturalPerson.statements.filter((sql) => /consent_grant/.test(sql)),
        certificate: naturalPerson.result.count,
        fetches: { ...stack.fetches },
      };
    };
    const one = await measure(1);
    const three = await measure(3);
    expect(three).toEqual(one);
    // One delegated call to natural-person, one statement there, however many persons.
    expect(three.fetches['natural-person']).toBe(1);
    expect(three.naturalPerson).toHaveLength(1);
  });
});

describe('provenance: where each value comes from', () => {
  const PROVENANCE = `query Where($fields: [String!]) {
    me { provenance(fields: $fields) { field registry department changedAt suppliedBy recorded } }
  }`;

  it('says the citizen supplied the phone they changed, and attributes an unrecorded value to the registry', async () => {
    const self = family.members[0];
    const token = await stack.token({ role: 'citizen', sub: self.id });
    const before = Date.now();
    const update = await stack.graphql(
      `mutation Phone($input: UpdateMyContactInput!) { updateMyContact(input: $input) { phone } }`,
      { token, variables: { input: { phone: '13600000001' } } },
    );
    expect(update.body.errors).toBeUndefined();
    const res = await stack.graphql(PROVENANCE, { token, variables: { fields: ['Person.phone', 'Person.name'] } });
    expect(res.body.errors).toBeUndefined();
    const [phone, name] = res.body.data.me.provenance;
    expect(phone).toMatchObject({
      field: 'Person.phone',
      registry: 'natural-person',
      department: null,
      suppliedBy: 'CITIZEN',
      recorded: true,
    });
    expect(Date.parse(phone.changedAt)).toBeGreaterThanOrEqual(before - 1000);
    expect(name).toEqual({
      field: 'Person.name',
      registry: 'natural-person',
      department: 'public-security',
      changedAt: null,
      suppliedBy: 'AUTHORITY',
      recorded: false,
    });
  });

  it('names the department that registered a person as the source of every field it wrote', async () => {
    const registrar = await stack.token({
      role: 'officer',
      dept: 'public-security',
      scopes: ['person:write', 'person:read', 'person:read:sensitive'],
    });
    const res = await stack.graphql(
      `mutation Register($input: RegisterPersonInput!) { registerPerson(input: $input) {
         provenance(fields: ["Person.maritalStatus", "Person.registeredAddress"]) { field department suppliedBy recorded } } }`,
      {
        token: registrar,
        purpose: 'PS-REG-1',
        variables: {
          input: {
            idNumber: makeIdNumber('510104', '1991-01-01', 311),
            name: '张新',
            ethnicity: '汉族',
            districtCode: '510104',
            registeredAddress: '成都市锦江区新路1号',
            maritalStatus: 'UNMARRIED',
          },
        },
      },
    );
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.registerPerson.provenance).toEqual([
      { field: 'Person.maritalStatus', department: 'public-security', suppliedBy: 'AUTHORITY', recorded: true },
      { field: 'Person.registeredAddress', department: 'public-security', suppliedBy: 'AUTHORITY', recorded: true },
    ]);
  });

  it('shows only the fields the caller may read: a grant of the name gives the name’s provenance, not the phone’s', async () => {
    const person = other.members[0];
    const ask = await stack.graphql(REQUEST, {
      token: officer,
      variables: {
        input: { personId: person.id, fields: ['Person.name'], purpose: 'EDU-NAME', validUntil: inDays(2) },
      },
    });
    const owner = await stack.token({ role: 'citizen', sub: person.id });
    await stack.graphql(ANSWER, {
      token: owner,
      variables: { input: { requestId: ask.body.data.requestConsent.id, approve: ['Person.name'] } },
    });
    const query = `query Where($id: ID!, $fields: [String!]) { person(id: $id) { name provenance(fields: $fields) { field } } }`;
    const all = await stack.graphql(query, { token: officer, purpose: 'EDU-NAME', variables: { id: person.id } });
    expect(all.body.errors).toBeUndefined();
    expect(all.body.data.person.provenance).toEqual([{ field: 'Person.name' }]);
    const phone = await stack.graphql(query, {
      token: officer,
      purpose: 'EDU-NAME',
      variables: { id: person.id, fields: ['Person.phone'] },
    });
    expect(codeAt(phone.body, 'person.provenance')).toBe('FORBIDDEN');
    const bad = await stack.graphql(query, {
      token: officer,
      purpose: 'EDU-NAME',
      variables: { id: person.id, fields: ['Person.shoeSize'] },
    });
    expect(bad.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'fields[0]' });
  });

  it('looks up the write records of a whole household in one statement', async () => {
    const reader = await stack.token({
      role: 'officer',
      dept: 'civil-affairs',
      scopes: ['person:read', 'person:read:sensitive'],
    });
    const query = `query Household($number: String!) { household(number: $number) {
      members { person { provenance { field suppliedBy } } } } }`;
    const measure = async (number: string) => {
      const { result, statements } = await stack.db['natural-person'].statements.measure(() =>
        stack.graphql(query, { token: reader, purpose: 'CA-1', variables: { number } }),
      );
      expect(result.body.errors).toBeUndefined();
      return {
        members: result.body.data.household.members.length,
        writes: statements.filter((s) => /unnest\(fields\)/.test(s)),
      };
    };
    const single = await measure(other.number);
    const three = await measure(family.number);
    expect([single.members, three.members]).toEqual([1, 3]);
    expect(single.writes).toHaveLength(1);
    expect(three.writes).toHaveLength(1);
  });
});

describe('asOf: what the record held on a date', () => {
  it('answers what the household and marital status were before a change, permission-checked and logged', async () => {
    const wife = family.members[0];
    // History as the writes leave it: move the spouse out to a household of his own, and divorce.
    // The fixtures were inserted today, person rows before memberships: date their history back to 2020.
    await stack.sql('natural-person', `delete from person_history where person_id = any($1) and valid_to is not null`, [
      family.members.map((m) => m.id),
    ]);
    await stack.sql('natural-person', `update person_history set valid_from = '2020-01-01' where person_id = any($1)`, [
      family.members.map((m) => m.id),
    ]);
    const [spouse] = await stack.sql<{ id: string }>(
      'natural-person',
      `select id from household_member where person_id = $1`,
      [family.members[1].id],
    );
    await stack.sql('natural-person', 'delete from household_member where id = $1', [spouse.id]);
    await stack.sql('natural-person', `update person set marital_status = 'DIVORCED' where id = $1`, [wife.id]);

    const token = await stack.token({ role: 'citizen', sub: wife.id });
    const query = `query Then($date: Date!) { me { maritalStatus asOf(date: $date) {
      maritalStatus registeredAddress validTo household { number relationship members { relationship person { id } } } } } }`;
    const then = await stack.graphql(query, { token, variables: { date: '2024-06-30' } });
    expect(then.body.errors).toBeUndefined();
    expect(then.body.data.me.maritalStatus).toBe('DIVORCED');
    expect(then.body.data.me.asOf).toMatchObject({
      maritalStatus: 'MARRIED',
      household: { number: family.number, relationship: 'HEAD' },
    });
    expect(then.body.data.me.asOf.validTo).not.toBeNull();
    expect(then.body.data.me.asOf.household.members.map((m: any) => m.person.id).sort()).toEqual(
      family.members.map((m) => m.id).sort(),
    );
    const now = await stack.graphql(query, { token, variables: { date: new Date().toISOString().slice(0, 10) } });
    expect(now.body.data.me.asOf).toMatchObject({ maritalStatus: 'DIVORCED', validTo: null });
    expect(now.body.data.me.asOf.household.members.map((m: any) => m.person.id)).not.toContain(family.members[1].id);
    const before = await stack.graphql(query, { token, variables: { date: '2019-12-31' } });
    expect(before.body.data.me.asOf).toBeNull();

    // An officer without the sensitive scope is refused the past as the present.
    const reader = await stack.token({ role: 'officer', dept: 'civil-affairs', scopes: ['person:read'] });
    const refused = await stack.graphql(
      `query Past($id: ID!) { person(id: $id) { name asOf(date: "2024-06-30") { maritalStatus } } }`,
      { token: reader, purpose: 'CA-9', variables: { id: wife.id } },
    );
    expect(refused.body.data.person.name).toBe(wife.name);
    expect(codeAt(refused.body, 'person.asOf.maritalStatus')).toBe('FORBIDDEN');
    const logged = await stack.sql<{ fields: string[]; outcome: string }>(
      'natural-person',
      `select fields, outcome from access_record where subject_id = $1 and actor_role = 'officer' and 'PersonAsOf.maritalStatus' = any(fields)`,
      [wife.id],
    );
    expect(logged).toContainEqual({ fields: ['PersonAsOf.maritalStatus'], outcome: 'denied' });
  });
});

describe('assistance applications under a grant', () => {
  const APPLICATIONS = 'Person.assistanceApplications';
  const GRANT_PURPOSE = 'EDU-2026-0077 tuition waiver';
  const READ_CASES = `query Cases($id: ID!) {
    person(id: $id) {
      idNumber
      mla: assistanceApplications(programme: MINIMUM_LIVING_ALLOWANCE) {
        reference status householdSize declaredMonthlyIncome approvedAmount decisionReason programme { code }
        steps { to } filedBy { sub } eligibility { kind } objections { text } cards { colour }
      }
    }
  }`;
  let applicantId: string;
  let applicantToken: string;
  let grantId: string;

  beforeAll(async () => {
    const household = await addHousehold(stack, [{ name: '孙丽', gender: 'FEMALE', birthDate: '1980-08-08' }]);
    applicantId = household.members[0].id;
    applicantToken = await stack.token({ role: 'citizen', sub: applicantId });
    for (const [reference, programme, status, approved] of [
      ['MLA-20260301-C0FFEE', 'MINIMUM_LIVING_ALLOWANCE', 'APPROVED', '820.00'],
      ['MED-20260401-BEEF01', 'MEDICAL_ASSISTANCE', 'SUBMITTED', null],
    ] as const) {
      await stack.sql(
        'assistance',
        `insert into application (id, created_at, updated_at, reference, programme_code, applicant_id, member_ids, district_code,
           household_size, declared_monthly_income, cited_certificate_ids, cited_material_ids, masked_name, status, version,
           submitted_at, filed_by_sub, filed_by_role, promised_days, deadline, approved_amount)
         values (gen_random_uuid(), now(), now(), $1, $2, $3::uuid, array[$3::uuid], '510104', 1, '300.00', '{}', '{}', '孙*',
           $4, 1, now(), $3::text, 'citizen', 20, current_date + 20, $5)`,
        [reference, programme, applicantId, status, approved],
      );
    }
    await stack.sql(
      'assistance',
      `insert into case_step (application_id, at, from_status, to_status, actor_sub, actor_role, note)
       select id, now(), null, 'SUBMITTED', $1::text, 'citizen', '内部备注' from application where applicant_id = $1::uuid`,
      [applicantId],
    );
  });

  it('lets the applicant preview and grant their applications', async () => {
    const asked = await stack.graphql(REQUEST, {
      token: officer,
      variables: {
        input: { personId: applicantId, fields: [APPLICATIONS], purpose: GRANT_PURPOSE, validUntil: inDays(10) },
      },
    });
    expect(asked.body.errors).toBeUndefined();
    const preview = await stack.graphql(PREVIEW, { token: applicantToken });
    expect(preview.body.errors).toBeUndefined();
    const [item] = preview.body.data.myConsentRequests[0].preview;
    expect(item).toMatchObject({ field: APPLICATIONS, registry: 'assistance', error: null });
    expect(
      JSON.parse(item.value)
        .map((a: any) => [a.reference, a.status, a.approvedAmount])
        .sort(),
    ).toEqual([
      ['MED-20260401-BEEF01', 'SUBMITTED', null],
      ['MLA-20260301-C0FFEE', 'APPROVED', '820.00'],
    ]);
    const answered = await stack.graphql(ANSWER, {
      token: applicantToken,
      variables: { input: { requestId: asked.body.data.requestConsent.id, approve: [APPLICATIONS] } },
    });
    expect(answered.body.errors).toBeUndefined();
    grantId = answered.body.data.answerConsentRequest.grant.id;
  });

  it('shows the grant’s holder exactly the granted applications’ contents, refuses the rest, and logs the reads with the grant', async () => {
    const res = await stack.graphql(READ_CASES, {
      token: officer,
      purpose: GRANT_PURPOSE,
      variables: { id: applicantId },
    });
    const [mla] = res.body.data.person.mla;
    expect(mla).toMatchObject({
      reference: 'MLA-20260301-C0FFEE',
      status: 'APPROVED',
      householdSize: 1,
      declaredMonthlyIncome: '300.00',
      approvedAmount: '820.00',
      programme: { code: 'MINIMUM_LIVING_ALLOWANCE' },
    });
    // Not granted: the person's ID number, and the case record, internal fields and cards.
    expect(codeAt(res.body, 'person.idNumber')).toBe('FORBIDDEN');
    for (const field of ['steps', 'filedBy', 'eligibility', 'objections', 'cards']) {
      expect(`${field}: ${codeAt(res.body, `person.mla.0.${field}`)}`).toBe(`${field}: FORBIDDEN`);
      expect(mla[field]).toBeNull();
    }
    // Every programme's, newest first; but not the case by its reference (the case file), nor with another purpose.
    const wider = await stack.graphql(
      `query Wider($id: ID!) { person(id: $id) { all: assistanceApplications { reference } }
         application(reference: "MLA-20260301-C0FFEE") { status } }`,
      { token: officer, purpose: GRANT_PURPOSE, variables: { id: applicantId } },
    );
    expect(wider.body.data.person.all.map((a: any) => a.reference).sort()).toEqual([
      'MED-20260401-BEEF01',
      'MLA-20260301-C0FFEE',
    ]);
    expect(codeAt(wider.body, 'application')).toBe('FORBIDDEN');
    const otherPurpose = await stack.graphql(READ_CASES, {
      token: officer,
      purpose: 'EDU-2026-0078',
      variables: { id: applicantId },
    });
    expect(codeAt(otherPurpose.body, 'person')).toBe('FORBIDDEN');

    // The assistance registry logged the reads with the grant's id; the refusals without one.
    const records = await stack.sql<{ outcome: string; fields: string[]; grant_id: string | null }>(
      'assistance',
      `select outcome, fields, grant_id from access_record where subject_id = $1 and actor_sub = 'edu-officer-7'`,
      [applicantId],
    );
    expect(records).toContainEqual(
      expect.objectContaining({
        outcome: 'granted',
        grant_id: grantId,
        fields: expect.arrayContaining(['Person.assistanceApplications', 'Application.declaredMonthlyIncome']),
      }),
    );
    const granted = records.filter((r) => r.outcome === 'granted').flatMap((r) => r.fields);
    expect(granted).not.toContain('Application.steps');
    expect(records.filter((r) => r.outcome === 'denied').every((r) => r.grant_id === null)).toBe(true);
  });
});
