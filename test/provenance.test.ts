import {
  addCertificate,
  addHousehold,
  addJobPostings,
  addOrganizations,
  pdfBytes,
  uploadMaterial,
  type HouseholdFixture,
} from './support/fixtures';
import { startStack, type TestStack } from './support/stack';

/**
 * Provenance (issue 13, section 2) in the registries beyond natural-person: each record holding a
 * person's values (a certificate, a material, a job-seeker profile, an application, an employment
 * record, the organization they represent) says for each personal field the registry, the
 * department that last changed it, when, and whether the citizen supplied it or an authority
 * recorded it, from the registry's own write records. Readable exactly when the field is; batched.
 */

let stack: TestStack;
let family: HouseholdFixture;
let citizen: string;

const WHERE = 'provenance { field registry department changedAt suppliedBy recorded }';
const codeAt = (body: any, path: string) =>
  body.errors?.find((e: any) => e.path?.join('.') === path)?.extensions?.code ?? null;
const byField = (list: any[]) => Object.fromEntries(list.map((p) => [p.field, p]));

beforeAll(async () => {
  stack = await startStack();
  family = await addHousehold(stack, [
    { name: '陈静', gender: 'FEMALE', birthDate: '1988-08-08' },
    { name: '陈小明', gender: 'MALE', birthDate: '2012-02-02', relationship: 'CHILD' },
  ]);
  citizen = await stack.token({ role: 'citizen', sub: family.members[0].id });
});
afterAll(async () => {
  await stack?.stop();
});

describe('certificates', () => {
  it('names the issuing department for what it issued and revoked, from its write records', async () => {
    const holder = family.members[0];
    const issuer = await stack.token({
      role: 'officer',
      dept: 'disabled-persons',
      scopes: ['certificate:write', 'person:read', 'person:read:sensitive'],
    });
    const before = Date.now();
    const issued = await stack.graphql(
      `mutation Issue($input: IssueCertificateInput!) { issueCertificate(input: $input) { id number } }`,
      {
        token: issuer,
        purpose: 'DP-2026-1',
        variables: {
          input: {
            type: 'DISABILITY_CERTIFICATE',
            holder: { personId: holder.id },
            issuingAuthority: '成都市残疾人联合会',
            issuedOn: '2024-01-02',
            disability: { category: 'PHYSICAL', grade: 3 },
          },
        },
      },
    );
    expect(issued.body.errors).toBeUndefined();
    const { number } = issued.body.data.issueCertificate;
    const read = () =>
      stack
        .graphql(`query Mine { me { id } }`, { token: citizen })
        .then(() =>
          stack.graphql(
            `query Cert($number: String!) { certificate(type: DISABILITY_CERTIFICATE, number: $number) { status ${WHERE} } }`,
            { token: citizen, variables: { number } },
          ),
        );
    const first = await read();
    expect(first.body.errors).toBeUndefined();
    const issuedAt = byField(first.body.data.certificate.provenance);
    expect(issuedAt['Certificate.status']).toMatchObject({
      registry: 'certificate',
      department: 'disabled-persons',
      suppliedBy: 'AUTHORITY',
      recorded: true,
    });
    expect(Date.parse(issuedAt['Certificate.status'].changedAt)).toBeGreaterThanOrEqual(before - 1000);
    expect(Object.keys(issuedAt)).toEqual(expect.arrayContaining(['Certificate.number', 'Certificate.attributes']));

    await new Promise((resolve) => setTimeout(resolve, 20));
    const revoked = await stack.graphql(
      `mutation Revoke($input: RevokeCertificateInput!) { revokeCertificate(input: $input) { status } }`,
      {
        token: issuer,
        purpose: 'DP-2026-1',
        variables: {
          input: {
            type: 'DISABILITY_CERTIFICATE',
            number,
            revokedOn: new Date().toISOString().slice(0, 10),
            reason: '复核',
          },
        },
      },
    );
    expect(revoked.body.errors).toBeUndefined();
    const after = byField((await read()).body.data.certificate.provenance);
    // The revocation changed the status, not the number.
    expect(after['Certificate.status'].changedAt > issuedAt['Certificate.status'].changedAt).toBe(true);
    expect(after['Certificate.number'].changedAt).toBe(issuedAt['Certificate.number'].changedAt);
  });

  it('attributes a certificate with no write record to its issuing department, time unknown', async () => {
    const child = family.members[1];
    const cert = await addCertificate(stack, child, { department: 'public-security' });
    const token = await stack.token({ role: 'citizen', sub: child.id });
    const res = await stack.graphql(
      `query Cert($number: String!) { certificate(type: RESIDENT_ID_CARD, number: $number) { provenance(fields: ["Certificate.validUntil"]) { field department changedAt suppliedBy recorded } } }`,
      { token, variables: { number: cert.number } },
    );
    expect(res.body).toEqual({
      data: {
        certificate: {
          provenance: [
            {
              field: 'Certificate.validUntil',
              department: 'public-security',
              changedAt: null,
              suppliedBy: 'AUTHORITY',
              recorded: false,
            },
          ],
        },
      },
    });
  });

  it('is readable exactly when the field is: another citizen and an officer without scope are refused', async () => {
    const child = family.members[1];
    const [cert] = await stack.sql<{ id: string }>(
      'certificate',
      `select id from certificate where holder_person_id = $1 limit 1`,
      [child.id],
    );
    const stranger = await stack.token({ role: 'citizen', sub: family.members[0].id });
    const noScope = {
      identity: { sub: 'x-1', role: 'officer' as const, dept: 'health' as const, scopes: [] },
      purpose: 'H-1',
    };
    const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Certificate { ${WHERE} } } }`;
    const entities = await stack.subgraph(
      'certificate',
      query,
      { r: [{ __typename: 'Certificate', id: cert.id }] },
      noScope,
    );
    // Without fields: only those the caller may read (none); naming one is FORBIDDEN.
    expect(entities.body.data._entities[0].provenance).toEqual([]);
    const named = await stack.subgraph(
      'certificate',
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Certificate { provenance(fields: ["Certificate.number"]) { field } } } }`,
      { r: [{ __typename: 'Certificate', id: cert.id }] },
      noScope,
    );
    expect(codeAt(named.body, '_entities.0.provenance')).toBe('FORBIDDEN');
    const other = await stack.graphql(`query Person($id: ID!) { person(id: $id) { certificates { ${WHERE} } } }`, {
      token: stranger,
      variables: { id: child.id },
    });
    expect(codeAt(other.body, 'person')).toBe('FORBIDDEN');
    const bad = await stack.graphql(
      `query Mine { me { certificates { provenance(fields: ["Certificate.nope"]) { field } } } }`,
      {
        token: citizen,
      },
    );
    expect(bad.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'fields[0]' });
  });

  it('costs the same SQL statements for one certificate as for five', async () => {
    const holder = family.members[0];
    for (const type of ['RESIDENT_ID_CARD', 'SENIOR_CITIZEN_CARD', 'DIPLOMA', 'HOUSEHOLD_REGISTER']) {
      await addCertificate(stack, holder, { type, number: `${holder.idNumber}-${type}` });
    }
    const measure = async (first: number) => {
      const { result, count, statements } = await stack.db.certificate.statements.measure(() =>
        stack.graphql(`query Mine { me { certificates { number ${WHERE} } } }`, { token: citizen }),
      );
      expect(result.body.errors).toBeUndefined();
      // The write records of all five certificates in one statement.
      expect(statements.filter((sql) => /from field_write/.test(sql))).toHaveLength(1);
      return { certificates: result.body.data.me.certificates.slice(0, first).length, count };
    };
    const many = await measure(5);
    expect(many.certificates).toBe(5);
    // One person's 5 certificates: the same statements as for a child's single one.
    const child = await stack.token({ role: 'citizen', sub: family.members[1].id });
    const { result, count } = await stack.db.certificate.statements.measure(() =>
      stack.graphql(`query Mine { me { certificates { number ${WHERE} } } }`, { token: child }),
    );
    expect(result.body.data.me.certificates).toHaveLength(1);
    expect(many.count).toBe(count);
  });
});

describe('materials', () => {
  it('says the citizen supplied what they uploaded, when', async () => {
    const uploaded = await uploadMaterial(stack, pdfBytes(), { token: citizen });
    expect(uploaded.status).toBe(201);
    const res = await stack.graphql(`query M($id: ID!) { material(id: $id) { ${WHERE} } }`, {
      token: citizen,
      variables: { id: uploaded.body.material.id },
    });
    expect(res.body.errors).toBeUndefined();
    const kind = byField(res.body.data.material.provenance)['Material.kind'];
    expect(kind).toMatchObject({ registry: 'certificate', department: null, suppliedBy: 'CITIZEN', recorded: true });
    expect(kind.changedAt).not.toBeNull();
  });
});

describe('labour market', () => {
  it('says the citizen wrote their profile field by field, and an hrss officer their employment record', async () => {
    const profileInput = {
      displayName: '陈女士',
      desiredOccupations: [],
      desiredDistricts: ['510104'],
      experienceYears: 3,
      skills: '会计',
      availability: '随时',
      visibleToEmployers: true,
    };
    const save = (input: Record<string, unknown>) =>
      stack.graphql(
        `mutation Save($input: JobSeekerProfileInput!) { saveJobSeekerProfile(input: $input) { skills } }`,
        { token: citizen, variables: { input } },
      );
    expect((await save(profileInput)).body.errors).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect((await save({ ...profileInput, skills: '会计, 出纳' })).body.errors).toBeUndefined();
    const res = await stack.graphql(`query P { myJobSeekerProfile { ${WHERE} } }`, { token: citizen });
    expect(res.body.errors).toBeUndefined();
    const profile = byField(res.body.data.myJobSeekerProfile.provenance);
    expect(profile['JobSeekerProfile.skills']).toMatchObject({
      registry: 'labour-market',
      department: null,
      suppliedBy: 'CITIZEN',
      recorded: true,
    });
    // Only the skills changed on the second save.
    expect(profile['JobSeekerProfile.skills'].changedAt > profile['JobSeekerProfile.displayName'].changedAt).toBe(true);

    const [org] = await addOrganizations(stack, [family.members[1].id]);
    const hrss = await stack.token({ role: 'officer', dept: 'hrss', scopes: ['labour:write', 'person:read'] });
    const registered = await stack.graphql(
      `mutation Reg($input: RegisterEmploymentInput!) { registerEmployment(input: $input) { kind } }`,
      {
        token: hrss,
        purpose: 'HR-1',
        variables: {
          input: {
            personId: family.members[0].id,
            kind: 'EMPLOYED',
            organizationCreditCode: org.creditCode,
            from: '2025-03-01',
          },
        },
      },
    );
    expect(registered.body.errors).toBeUndefined();
    const employment = await stack.graphql(`query E { me { employment { kind ${WHERE} } } }`, { token: citizen });
    expect(employment.body.errors).toBeUndefined();
    expect(byField(employment.body.data.me.employment[0].provenance)['EmploymentRecord.from']).toMatchObject({
      department: 'hrss',
      suppliedBy: 'AUTHORITY',
      recorded: true,
    });
  });

  it('says who applied and who last moved an application', async () => {
    const [org] = await addOrganizations(stack, [family.members[1].id]);
    const [job] = await addJobPostings(stack, [
      { employerCreditCode: org.creditCode, employerName: org.name, title: '会计' },
    ]);
    const applied = await stack.graphql(`mutation A($id: ID!) { applyForJob(jobId: $id) { id } }`, {
      token: citizen,
      variables: { id: job.id },
    });
    expect(applied.body.errors).toBeUndefined();
    const id = applied.body.data.applyForJob.id;
    const hrss = await stack.token({
      role: 'officer',
      dept: 'hrss',
      scopes: ['labour:write', 'labour:read:sensitive'],
    });
    const moved = await stack.graphql(
      `mutation S($input: SetApplicationStatusInput!) { setApplicationStatus(input: $input) { status } }`,
      { token: hrss, purpose: 'HR-2', variables: { input: { id, status: 'VIEWED' } } },
    );
    expect(moved.body.errors).toBeUndefined();
    const res = await stack.graphql(`query A { myApplications { id ${WHERE} } }`, { token: citizen });
    const application = byField(res.body.data.myApplications.find((a: any) => a.id === id).provenance);
    expect(application['JobApplication.status']).toMatchObject({ department: 'hrss', suppliedBy: 'AUTHORITY' });
    expect(application['JobApplication.appliedAt']).toMatchObject({ department: null, suppliedBy: 'CITIZEN' });
  });
});

describe('legal person', () => {
  it('names market regulation as the source of who represents an organization it registered', async () => {
    const registrar = await stack.token({
      role: 'officer',
      dept: 'market-regulation',
      scopes: ['organization:write', 'organization:read', 'person:read'],
    });
    // A valid credit code and name, made by the fixture, then registered through the mutation.
    const [template] = await addOrganizations(stack, [family.members[0].id]);
    await stack.sql('legal-person', 'delete from organization where credit_code = $1', [template.creditCode]);
    const registered = await stack.graphql(
      `mutation R($input: RegisterOrganizationInput!) { registerOrganization(input: $input) { creditCode } }`,
      {
        token: registrar,
        purpose: 'MR-1',
        variables: {
          input: {
            creditCode: template.creditCode,
            name: template.name,
            type: 'LIMITED_LIABILITY_COMPANY',
            legalRepresentativeId: family.members[0].id,
            registeredCapital: '100000.00',
            establishedOn: '2024-05-05',
            industryCode: 'I65',
            districtCode: '510104',
            address: '成都市锦江区1号',
            businessScope: '软件开发',
          },
        },
      },
    );
    expect(registered.body.errors).toBeUndefined();
    const res = await stack.graphql(`query O($c: String!) { organization(creditCode: $c) { ${WHERE} } }`, {
      token: citizen,
      variables: { c: template.creditCode },
    });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.organization.provenance).toEqual([
      expect.objectContaining({
        field: 'Organization.legalRepresentative',
        registry: 'legal-person',
        department: 'market-regulation',
        suppliedBy: 'AUTHORITY',
        recorded: true,
      }),
    ]);
  });
});
