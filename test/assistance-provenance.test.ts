import { randomUUID } from 'node:crypto';
import { addDays, todayInChina } from '../subgraphs/shared/calendar';
import { CASE_OFFICER, completeMaterials } from './support/assistance';
import { addCertificate, addHousehold, type HouseholdFixture } from './support/fixtures';
import { startStack, type TestStack } from './support/stack';

/**
 * Provenance (issue 13, section 2) of an assistance application: for each personal field, the
 * registry, the department that last changed it, when, and whether the citizen supplied it (what
 * the applicant filed, their resubmission) or an authority recorded it (a civil-affairs officer's
 * step), from the registry's own write records (field_write, written in each step's transaction).
 * Readable exactly when the field is (the permission matrices check role by role); batched.
 */

let stack: TestStack;
let family: HouseholdFixture;
let citizen: string;

const WHERE = 'provenance { field registry department changedAt suppliedBy recorded }';
const byField = (list: any[]) => Object.fromEntries(list.map((p) => [p.field, p]));
const pause = () => new Promise((resolve) => setTimeout(resolve, 20));

/** An application inserted as data (no write records), filed by `filer` for `applicantId`. */
async function insertApplication(
  applicantId: string,
  programme: string,
  filer = { sub: applicantId, role: 'citizen' },
) {
  const id = randomUUID();
  await stack.sql(
    'assistance',
    `insert into application (id, created_at, updated_at, reference, programme_code, applicant_id, member_ids, district_code,
       household_size, declared_monthly_income, cited_certificate_ids, cited_material_ids, masked_name, status, version,
       submitted_at, filed_by_sub, filed_by_role, filed_by_dept, promised_days, deadline)
     values ($1, now(), now(), $2, $3, $4, array[$4]::uuid[], '510104', 1, '500.00', '{}', '{}', '陈*',
       'SUBMITTED', 1, '2026-01-05T02:00:00Z', $5, $6, $7, 20, $8)`,
    [
      id,
      `PRV-${id.slice(0, 8)}`,
      programme,
      applicantId,
      filer.sub,
      filer.role,
      filer.role === 'citizen' ? null : 'civil-affairs',
      addDays(todayInChina(), 20),
    ],
  );
  return id;
}

beforeAll(async () => {
  stack = await startStack();
  family = await addHousehold(stack, [
    { name: '陈静', gender: 'FEMALE', birthDate: '1980-08-08', districtCode: '510104' },
    { name: '陈小明', gender: 'MALE', birthDate: '2012-02-02', relationship: 'CHILD' },
  ]);
  citizen = await stack.token({ role: 'citizen', sub: family.members[0].id });
});
afterAll(async () => {
  await stack?.stop();
});

describe('an application filed by the citizen and moved by civil-affairs', () => {
  it('says the citizen declared the income, civil-affairs returned it, the citizen resubmitted it, civil-affairs put it on notice', async () => {
    const [head, child] = family.members;
    await completeMaterials(stack, [head, child]);
    await addCertificate(stack, head, { type: 'HOUSEHOLD_REGISTER', number: family.number, validUntil: null });
    const applied = await stack.graphql(
      `mutation Apply($input: ApplyForAssistanceInput!) { applyForAssistance(input: $input) { id version } }`,
      {
        token: citizen,
        variables: {
          input: { programme: 'MINIMUM_LIVING_ALLOWANCE', applicantId: head.id, declaredMonthlyIncome: '800.00' },
        },
      },
    );
    expect(applied.body.errors).toBeUndefined();
    const { id } = applied.body.data.applyForAssistance;
    const read = async (token: string, purpose?: string) => {
      const res = await stack.graphql(`query Case($id: ID!) { application(id: $id) { status ${WHERE} } }`, {
        token,
        purpose,
        variables: { id },
      });
      expect(res.body.errors).toBeUndefined();
      return byField(res.body.data.application.provenance);
    };
    const filed = await read(citizen);
    for (const field of ['declaredMonthlyIncome', 'householdSize', 'citedMaterialIds', 'status', 'deadline']) {
      expect(filed[`Application.${field}`]).toMatchObject({
        registry: 'assistance',
        department: null,
        suppliedBy: 'CITIZEN',
        recorded: true,
      });
    }
    // Not written yet: attributed to the owning department, time unknown.
    expect(filed['Application.proposedAmount']).toMatchObject({
      department: 'civil-affairs',
      changedAt: null,
      suppliedBy: 'AUTHORITY',
      recorded: false,
    });

    await pause();
    const officer = await stack.token(CASE_OFFICER);
    const returned = await stack.graphql(
      `mutation Step($input: TransitionInput!) { transitionApplication(input: $input) { version } }`,
      {
        token: officer,
        purpose: 'MLA-PROV',
        variables: { input: { applicationId: id, version: 1, to: 'RETURNED_FOR_MATERIALS', reason: '缺少收入证明' } },
      },
    );
    expect(returned.body.errors).toBeUndefined();
    const afterReturn = await read(officer, 'MLA-PROV');
    for (const field of ['status', 'decisionReason', 'clockPausedOn']) {
      expect(afterReturn[`Application.${field}`]).toMatchObject({
        department: 'civil-affairs',
        suppliedBy: 'AUTHORITY',
        recorded: true,
      });
      expect(afterReturn[`Application.${field}`].changedAt > filed['Application.status'].changedAt).toBe(true);
    }
    // The step did not touch what the citizen declared.
    expect(afterReturn['Application.declaredMonthlyIncome']).toEqual(filed['Application.declaredMonthlyIncome']);

    await pause();
    const resubmitted = await stack.graphql(
      `mutation Step($input: TransitionInput!) { transitionApplication(input: $input) { status } }`,
      { token: citizen, variables: { input: { applicationId: id, version: 2, to: 'SUBMITTED' } } },
    );
    expect(resubmitted.body.errors).toBeUndefined();
    const now = await read(citizen);
    for (const field of ['status', 'deadline', 'clockPausedOn']) {
      expect(now[`Application.${field}`]).toMatchObject({ department: null, suppliedBy: 'CITIZEN', recorded: true });
      expect(now[`Application.${field}`].changedAt > afterReturn['Application.status'].changedAt).toBe(true);
    }
    expect(now['Application.decisionReason']).toEqual(afterReturn['Application.decisionReason']);

    // Accepted, reviewed, put on notice: the notice's values are civil-affairs', the declaration still the citizen's.
    let version = 3;
    for (const to of ['ACCEPTED', 'UNDER_REVIEW', 'PUBLIC_NOTICE']) {
      const moved = await stack.graphql(
        `mutation Step($input: TransitionInput!) { transitionApplication(input: $input) { version } }`,
        {
          token: officer,
          purpose: 'MLA-PROV',
          variables: {
            input: { applicationId: id, version, to, ...(to === 'PUBLIC_NOTICE' ? { proposedAmount: '650.00' } : {}) },
          },
        },
      );
      expect(moved.body.errors).toBeUndefined();
      version = moved.body.data.transitionApplication.version;
    }
    const onNotice = await read(officer, 'MLA-PROV');
    for (const field of ['status', 'proposedAmount', 'noticeStartsOn', 'noticeEndsOn']) {
      expect(onNotice[`Application.${field}`]).toMatchObject({
        department: 'civil-affairs',
        suppliedBy: 'AUTHORITY',
        recorded: true,
      });
    }
    expect(onNotice['Application.declaredMonthlyIncome']).toEqual(filed['Application.declaredMonthlyIncome']);
    expect(onNotice['Application.approvedAmount'].recorded).toBe(false);
    // Bookkeeping and other records are not values of the application.
    expect(Object.keys(now)).not.toEqual(expect.arrayContaining(['Application.version']));
    expect(Object.keys(now).some((f) => /\.(version|colour|steps|cards|eligibility|objections)$/.test(f))).toBe(false);
  });
});

describe('an application with no write records', () => {
  it('attributes what was filed to its filer at submission, the rest to civil-affairs with no time', async () => {
    const child = family.members[1];
    const atCounter = await insertApplication(child.id, 'EDUCATION_ASSISTANCE', { sub: 'ca-counter', role: 'officer' });
    const res = await stack.graphql(
      `query Case($id: ID!) { application(id: $id) {
        provenance(fields: ["Application.declaredMonthlyIncome", "Application.approvedAmount"]) {
          field registry department changedAt suppliedBy recorded } } }`,
      { token: await stack.token(CASE_OFFICER), purpose: 'EA-PROV', variables: { id: atCounter } },
    );
    expect(res.body).toEqual({
      data: {
        application: {
          provenance: [
            {
              field: 'Application.declaredMonthlyIncome',
              registry: 'assistance',
              department: 'civil-affairs',
              changedAt: '2026-01-05T02:00:00.000Z',
              suppliedBy: 'AUTHORITY',
              recorded: true,
            },
            {
              field: 'Application.approvedAmount',
              registry: 'assistance',
              department: 'civil-affairs',
              changedAt: null,
              suppliedBy: 'AUTHORITY',
              recorded: false,
            },
          ],
        },
      },
    });
  });

  it('refuses a field that is not a personal value of an application, naming the argument and rule', async () => {
    const res = await stack.graphql(
      `query Mine { myAssistanceApplications { provenance(fields: ["Application.version"]) { field } } }`,
      { token: citizen },
    );
    expect(res.body.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'fields[0]',
      rule: 'personal-field',
    });
  });
});

describe('under a consent grant', () => {
  it("shows a grant holder the provenance of what the grant covers, never of the case record's filer", async () => {
    const person = (await addHousehold(stack, [{ name: '吴授', districtCode: '510104' }])).members[0];
    const id = await insertApplication(person.id, 'MEDICAL_ASSISTANCE');
    const purpose = 'EDU-PROV-1';
    const request = randomUUID();
    await stack.sql(
      'natural-person',
      `insert into consent_request (id, created_at, updated_at, person_id, department, requested_by, purpose, fields,
         valid_until, status, answered_at)
       values ($1, now(), now(), $2, 'education', 'staff-edu', $3, $4, now() + interval '30 days', 'APPROVED', now())`,
      [request, person.id, purpose, ['Person.assistanceApplications']],
    );
    await stack.sql(
      'natural-person',
      `insert into consent_grant (id, created_at, updated_at, request_id, person_id, department, purpose, fields, valid_until)
       values ($1, now(), now(), $2, $3, 'education', $4, $5, now() + interval '30 days')`,
      [randomUUID(), request, person.id, purpose, ['Person.assistanceApplications']],
    );
    const token = await stack.token({ role: 'officer', sub: 'staff-edu', dept: 'education', scopes: [] });
    const ask = (fields: string, withPurpose = purpose) =>
      stack.graphql(
        `query Granted($id: ID!) { person(id: $id) { assistanceApplications { id provenance${fields} { field suppliedBy } } } }`,
        { token, purpose: withPurpose, variables: { id: person.id } },
      );
    const all = await ask('');
    expect(all.body.errors).toBeUndefined();
    const [application] = all.body.data.person.assistanceApplications;
    expect(application.id).toBe(id);
    const fields = application.provenance.map((p: any) => p.field);
    expect(fields).toEqual(expect.arrayContaining(['Application.declaredMonthlyIncome', 'Application.status']));
    // filedBy and issuedCertificate are never granted: not listed, and FORBIDDEN when named.
    expect(fields).not.toContain('Application.filedBy');
    expect(fields).not.toContain('Application.issuedCertificate');
    const named = await ask('(fields: ["Application.filedBy"])');
    expect(named.body.errors?.[0]).toMatchObject({
      path: ['person', 'assistanceApplications', 0, 'provenance'],
      extensions: { code: 'FORBIDDEN' },
    });
    // Another purpose: the grant does not apply, and nothing is reached.
    const otherPurpose = await ask('', 'EDU-OTHER');
    expect(otherPurpose.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(otherPurpose.body.data?.person?.assistanceApplications ?? null).toBeNull();
  });
});

describe('batching', () => {
  it('costs the same SQL statements for one application as for four, with one read of the write records', async () => {
    const many = (await addHousehold(stack, [{ name: '吴多', districtCode: '510104' }])).members[0];
    const one = (await addHousehold(stack, [{ name: '吴一', districtCode: '510104' }])).members[0];
    for (const programme of [
      'MEDICAL_ASSISTANCE',
      'EDUCATION_ASSISTANCE',
      'DISASTER_VICTIM_RELIEF',
      'EXTREME_POVERTY_SUPPORT',
    ]) {
      await insertApplication(many.id, programme);
    }
    await insertApplication(one.id, 'MEDICAL_ASSISTANCE');
    const measure = async (personId: string) => {
      const token = await stack.token({ role: 'citizen', sub: personId });
      const { result, count, statements } = await stack.db.assistance.statements.measure(() =>
        stack.graphql(`query Mine { myAssistanceApplications { reference ${WHERE} } }`, { token }),
      );
      expect(result.body.errors).toBeUndefined();
      expect(statements.filter((sql) => /from field_write/.test(sql))).toHaveLength(1);
      return { applications: result.body.data.myAssistanceApplications.length, count };
    };
    // The registry's first append takes the chain head under its lock (five statements, see
    // appender.ts); every later one is a single statement. Append once first, so both measured
    // requests append alike.
    await measure(one.id);
    const four = await measure(many.id);
    const single = await measure(one.id);
    expect([four.applications, single.applications]).toEqual([4, 1]);
    expect(four.count).toBe(single.count);
  });
});
