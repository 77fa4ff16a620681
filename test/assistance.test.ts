import { randomUUID } from 'node:crypto';
import type { Identity } from '../subgraphs/shared/identity';
import { addDays, todayInChina } from '../subgraphs/shared/calendar';
import { CASE_OFFICER, completeMaterials, waitUntil } from './support/assistance';
import {
  addCertificate,
  addHousehold,
  addMaterial,
  addOrganizations,
  type HouseholdFixture,
  type PersonFixture,
} from './support/fixtures';
import { startStack, type GraphQLResponse, type TestStack } from './support/stack';

/**
 * The assistance registry through the gateway: an application from submission to approval, its
 * case record, eligibility facts read from three registries under the officer's purpose, the
 * masked public notice, and the approval's certificate issued through the outbox.
 */

let stack: TestStack;
let family: HouseholdFixture;
let head: PersonFixture;
let spouse: PersonFixture;
let headToken: string;

const APPLY = `mutation Apply($input: ApplyForAssistanceInput!) {
  applyForAssistance(input: $input) { id reference status version deadline promisedTimeLimitDays householdSize districtCode
    steps { from to by { sub role } } }
}`;
const STEP = `mutation Step($input: TransitionInput!) {
  transitionApplication(input: $input) { id status version decisionReason noticeStartsOn noticeEndsOn proposedAmount approvedAmount
    periodStart periodEnd steps { from to by { sub role department } purpose note } }
}`;
const APPLICANT_STEP = `mutation ApplicantStep($input: TransitionInput!) {
  transitionApplication(input: $input) { id status version steps { from to } }
}`;
const CASE = `query Case($id: ID!) {
  application(id: $id) { id reference status version colour
    eligibility { kind source asOf status items { personId description } note }
    objections { text lodgedBy { sub } }
    issuedCertificate { type number state attempts }
    steps { from to note } }
}`;
const NOTICES =
  'query Notices { publicNotices { id maskedName districtCode programme programmeName proposedAmount startsOn endsOn } }';

async function officer(identity: Identity = CASE_OFFICER) {
  return stack.token(identity);
}

async function step(
  applicationId: string,
  version: number,
  to: string,
  extra: Record<string, unknown> = {},
  purpose = 'MLA-CASE',
): Promise<GraphQLResponse<any>> {
  return stack.graphql(STEP, {
    token: await officer(),
    purpose,
    variables: { input: { applicationId, version, to, ...extra } },
  });
}

beforeAll(async () => {
  process.env.OUTBOX_MAX_BACKOFF_MS = '800';
  process.env.OUTBOX_BACKOFF_MS = '100';
  stack = await startStack();
  family = await addHousehold(stack, [
    { name: '张三', gender: 'MALE', birthDate: '1975-03-02', maritalStatus: 'MARRIED', districtCode: '510104' },
    { name: '李梅', gender: 'FEMALE', birthDate: '1977-07-19', maritalStatus: 'MARRIED', relationship: 'SPOUSE' },
  ]);
  [head, spouse] = family.members;
  headToken = await stack.token({ role: 'citizen', sub: head.id });
});

afterAll(async () => {
  await stack?.stop();
});

describe('applying', () => {
  it('lists everything missing at once and writes nothing', async () => {
    const res = await stack.graphql(APPLY, {
      token: headToken,
      variables: {
        input: { programme: 'MINIMUM_LIVING_ALLOWANCE', applicantId: head.id, declaredMonthlyIncome: '800.00' },
      },
    });
    expect(res.body.data?.applyForAssistance).toBeNull();
    const [error] = res.body.errors!;
    expect(error.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'input.applicantId',
      rule: 'materials',
    });
    // 2 ID cards, the household register, 2 authorizations, 2 income proofs, 1 property declaration.
    expect(error.message).toMatch(/^8 required item\(s\)/);
    expect(error.message).toContain('家庭财产状况申报表');
    expect(error.message).toContain('近6个月收入证明');
    expect(await stack.sql('assistance', 'select id from application')).toEqual([]);
  });

  it('refuses a citizen applying for someone else', async () => {
    const res = await stack.graphql(APPLY, {
      token: await stack.token({ role: 'citizen', sub: spouse.id }),
      variables: {
        input: { programme: 'MINIMUM_LIVING_ALLOWANCE', applicantId: head.id, declaredMonthlyIncome: '800.00' },
      },
    });
    expect(res.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await stack.sql('assistance', 'select id from application')).toEqual([]);
  });

  it('rejects bad input naming the field and rule', async () => {
    const res = await stack.graphql(APPLY, {
      token: headToken,
      variables: {
        input: { programme: 'MINIMUM_LIVING_ALLOWANCE', applicantId: head.id, declaredMonthlyIncome: '99999999.00' },
      },
    });
    expect(res.body.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'input.declaredMonthlyIncome',
    });
  });

  it("refuses a district that is not Chengdu's the way every registry does", async () => {
    const res = await stack.graphql('query Notices($d: String) { publicNotices(district: $d) { id } }', {
      variables: { d: '110101' },
    });
    expect(res.body.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/^district "110101" is not one of Chengdu's 20 district codes \(GB\/T 2260\)/),
      extensions: { code: 'BAD_USER_INPUT', argument: 'district', rule: 'district' },
    });
  });
});

describe('an application from submission to approval', () => {
  let id: string;
  let reference: string;

  beforeAll(async () => {
    await completeMaterials(stack, [head, spouse]);
    await addCertificate(stack, head, { type: 'HOUSEHOLD_REGISTER', number: family.number, validUntil: null });
    await addCertificate(stack, spouse, {
      type: 'DISABILITY_CERTIFICATE',
      number: `${spouse.idNumber}42`,
      department: 'disabled-persons',
      attributes: { kind: 'DISABILITY', category: 'PHYSICAL', grade: 2 },
    });
    await addOrganizations(stack, [spouse.id]);
    await stack.sql(
      'labour-market',
      `insert into employment_record (id, created_at, updated_at, person_id, kind, from_date, recorded_by_sub, recorded_by_dept)
       values (gen_random_uuid(), now(), now(), $1, 'UNEMPLOYED', '2026-03-01', 'hrss-officer', 'hrss')`,
      [head.id],
    );
  });

  it('is submitted by the citizen, with the promised deadline in working days', async () => {
    const res = await stack.graphql(APPLY, {
      token: headToken,
      variables: {
        input: { programme: 'MINIMUM_LIVING_ALLOWANCE', applicantId: head.id, declaredMonthlyIncome: '800.00' },
      },
    });
    expect(res.body.errors).toBeUndefined();
    const application = res.body.data.applyForAssistance;
    expect(application).toMatchObject({
      status: 'SUBMITTED',
      version: 1,
      promisedTimeLimitDays: 20,
      householdSize: 2,
      districtCode: '510104',
      steps: [{ from: null, to: 'SUBMITTED', by: { sub: head.id, role: 'citizen' } }],
    });
    expect(application.reference).toMatch(/^MLA-\d{8}-[0-9A-F]{6}$/);
    expect(application.deadline > addDays(todayInChina(), 20)).toBe(true);
    id = application.id;
    reference = application.reference;
  });

  it('answers a repeated submission with the same application', async () => {
    const res = await stack.graphql(APPLY, {
      token: headToken,
      variables: {
        input: { programme: 'MINIMUM_LIVING_ALLOWANCE', applicantId: head.id, declaredMonthlyIncome: '800.00' },
      },
    });
    expect(res.body.data.applyForAssistance.id).toBe(id);
    expect(await stack.sql('assistance', 'select id from application')).toHaveLength(1);
  });

  it('refuses an impossible step with rule transition and changes nothing', async () => {
    const res = await step(id, 1, 'APPROVED');
    expect(res.body.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'input.to',
      rule: 'transition',
    });
    expect(res.body.errors?.[0].message).toContain('SUBMITTED');
    const [row] = await stack.sql('assistance', 'select status, version from application where id = $1', [id]);
    expect(row).toEqual({ status: 'SUBMITTED', version: 1 });
    expect(await stack.sql('assistance', 'select id from case_step where application_id = $1', [id])).toHaveLength(1);
  });

  it('lets only one of two officers acting at once on the same version win', async () => {
    const [a, b] = await Promise.all([
      step(id, 1, 'ACCEPTED'),
      step(id, 1, 'RETURNED_FOR_MATERIALS', { reason: '补充材料' }),
    ]);
    const winners = [a, b].filter((r) => !r.body.errors);
    const losers = [a, b].filter((r) => r.body.errors);
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(1);
    expect(losers[0].body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'version' });
    const steps = await stack.sql(
      'assistance',
      'select to_status from case_step where application_id = $1 order by id',
      [id],
    );
    expect(steps).toHaveLength(2);
    if (winners[0] === b) {
      // Returned: the applicant resubmits, then it is accepted.
      const resubmit = await stack.graphql(APPLICANT_STEP, {
        token: headToken,
        variables: { input: { applicationId: id, version: 2, to: 'SUBMITTED' } },
      });
      expect(resubmit.body.errors).toBeUndefined();
      expect((await step(id, 3, 'ACCEPTED')).body.errors).toBeUndefined();
    }
  });

  it('gathers eligibility facts from four registries under the officer’s purpose, each with source and time', async () => {
    const [{ version }] = await stack.sql<{ version: number }>(
      'assistance',
      'select version from application where id = $1',
      [id],
    );
    const res = await step(id, version, 'UNDER_REVIEW', { note: '入户调查已安排' }, reference);
    expect(res.body.errors).toBeUndefined();
    const read = await stack.graphql(CASE, { token: await officer(), purpose: reference, variables: { id } });
    const facts = read.body.data.application.eligibility;
    expect(facts.map((f: any) => [f.kind, f.source, f.status])).toEqual([
      ['HOUSEHOLD_MEMBERS', 'natural-person', 'READ'],
      ['CERTIFICATES', 'certificate', 'READ'],
      ['LEGAL_REPRESENTATIVE', 'legal-person', 'READ'],
      ['EMPLOYMENT', 'labour-market', 'READ'],
    ]);
    expect(facts[3].items).toEqual([{ personId: head.id, description: 'UNEMPLOYED from 2026-03-01' }]);
    expect(facts[0].items.map((i: any) => i.personId).sort()).toEqual([head.id, spouse.id].sort());
    expect(facts[1].items).toEqual([
      { personId: spouse.id, description: `DISABILITY_CERTIFICATE ${spouse.idNumber}42 (VALID)` },
    ]);
    expect(facts[2].items).toHaveLength(1);
    expect(facts[2].items[0].personId).toBe(spouse.id);
    for (const fact of facts) expect(Date.parse(fact.asOf)).toBeGreaterThan(Date.now() - 60_000);
    // Each owning registry logged the read as the officer, via assistance, under the case reference.
    for (const registry of ['natural-person', 'certificate', 'legal-person', 'labour-market'] as const) {
      const records = await stack.sql(
        registry,
        `select actor_sub, via, purpose from access_record where purpose = $1 and via = 'assistance'`,
        [reference],
      );
      expect(records.length).toBeGreaterThan(0);
      expect(records[0]).toMatchObject({ actor_sub: CASE_OFFICER.sub, via: 'assistance', purpose: reference });
    }
  });

  it('publishes a masked notice anyone can read during the notice period, and takes objections', async () => {
    const [{ version }] = await stack.sql<{ version: number }>(
      'assistance',
      'select version from application where id = $1',
      [id],
    );
    const res = await step(id, version, 'PUBLIC_NOTICE', { proposedAmount: '1260.00' }, reference);
    expect(res.body.errors).toBeUndefined();
    const today = todayInChina();
    expect(res.body.data.transitionApplication).toMatchObject({
      status: 'PUBLIC_NOTICE',
      noticeStartsOn: today,
      noticeEndsOn: addDays(today, 6),
    });
    const notices = await stack.graphql(NOTICES);
    expect(notices.body.errors).toBeUndefined();
    expect(notices.body.data.publicNotices).toEqual([
      {
        id: expect.any(String),
        maskedName: '张*',
        districtCode: '510104',
        programme: 'MINIMUM_LIVING_ALLOWANCE',
        programmeName: '最低生活保障',
        proposedAmount: '1260.00',
        startsOn: today,
        endsOn: addDays(today, 6),
      },
    ]);
    const text = JSON.stringify(notices.body);
    for (const secret of [head.name, head.idNumber, head.id, reference, id]) expect(text).not.toContain(secret);

    const noticeId = notices.body.data.publicNotices[0].id;
    const objection = await stack.graphql(
      'mutation O($input: ObjectionInput!) { objectToNotice(input: $input) { id lodgedAt } }',
      { variables: { input: { noticeId, text: '该户有经营性车辆' } } },
    );
    expect(objection.body.errors).toBeUndefined();
    const read = await stack.graphql(CASE, { token: await officer(), purpose: reference, variables: { id } });
    expect(read.body.data.application.objections).toEqual([{ text: '该户有经营性车辆', lodgedBy: null }]);
  });

  it('refuses approval while the notice runs', async () => {
    const [{ version }] = await stack.sql<{ version: number }>(
      'assistance',
      'select version from application where id = $1',
      [id],
    );
    const res = await step(id, version, 'APPROVED');
    expect(res.body.errors?.[0].extensions).toMatchObject({ rule: 'transition' });
    expect(res.body.errors?.[0].message).toContain('public notice runs until');
  });

  it('approves after the notice, issuing the 低保证 through the outbox as the assistance registry', async () => {
    // The notice period is over (moved back 7 days), and the notice is gone.
    await stack.sql(
      'assistance',
      `update application set notice_starts_on = notice_starts_on - 7, notice_ends_on = notice_ends_on - 7 where id = $1`,
      [id],
    );
    expect((await stack.graphql(NOTICES)).body.data.publicNotices).toEqual([]);
    const [{ version }] = await stack.sql<{ version: number }>(
      'assistance',
      'select version from application where id = $1',
      [id],
    );
    const res = await step(id, version, 'APPROVED', { note: '符合条件' }, reference);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.transitionApplication).toMatchObject({ status: 'APPROVED', approvedAmount: '1260.00' });
    const certificate = await waitForCertificate(stack, `DB510104-${todayInChina().slice(0, 4)}-000001`);
    expect(certificate).toMatchObject({
      holder_person_id: head.id,
      issuing_department: 'civil-affairs',
      printed_name: '张三',
    });
    expect(certificate.attributes).toMatchObject({ monthlyAmount: '1260.00', coveredMembers: 2 });
    // The certificate registry logged the write as the assistance registry itself, for this case.
    const [record] = await stack.sql(
      'certificate',
      `select actor_sub, actor_role, purpose from access_record where action = 'write' and subject_id = $1 and actor_role = 'service'`,
      [head.id],
    );
    expect(record).toEqual({ actor_sub: 'assistance', actor_role: 'service', purpose: reference });
    // The worker marks the instruction delivered once the certificate registry has answered, which
    // can be a moment after the certificate's row is committed there.
    let read: any;
    await waitUntil('the instruction marked delivered', async () => {
      read = await stack.graphql(CASE, { token: headToken, variables: { id } });
      return read.body.data.application.issuedCertificate?.state === 'ISSUED';
    });
    expect(read.body.data.application.issuedCertificate).toMatchObject({
      type: 'MINIMUM_ALLOWANCE_CERTIFICATE',
      state: 'ISSUED',
    });
    expect(read.body.data.application.steps.map((s: any) => s.to).slice(-2)).toEqual(['PUBLIC_NOTICE', 'APPROVED']);
  });
});

/** Waits until the certificate registry holds a minimum-allowance certificate numbered `number`. */
async function waitForCertificate(stack: TestStack, number: string): Promise<any> {
  let found: any;
  await waitUntil(`certificate ${number}`, async () => {
    [found] = await stack.sql(
      'certificate',
      `select * from certificate where type_code = 'MINIMUM_ALLOWANCE_CERTIFICATE' and number = $1`,
      [number],
    );
    return found !== undefined;
  });
  return found;
}

describe('citing certificates and materials already on file', () => {
  let applicant: PersonFixture;
  let child: PersonFixture;
  let stranger: PersonFixture;
  let token: string;
  const apply = (extra: { certificateIds?: string[]; materialIds?: string[] }) =>
    stack.graphql(
      `mutation Apply($input: ApplyForAssistanceInput!) { applyForAssistance(input: $input) { id reference citedCertificateIds citedMaterialIds } }`,
      {
        token,
        variables: {
          input: {
            programme: 'MINIMUM_LIVING_ALLOWANCE',
            applicantId: applicant.id,
            declaredMonthlyIncome: '500.00',
            ...extra,
          },
        },
      },
    );
  const applications = () =>
    stack.sql('assistance', 'select id from application where applicant_id = $1', [applicant.id]);

  beforeAll(async () => {
    const household = await addHousehold(stack, [
      { name: '王五', districtCode: '510106' },
      { name: '王小', relationship: 'CHILD' },
    ]);
    [applicant, child] = household.members;
    await completeMaterials(stack, [applicant, child]);
    await addCertificate(stack, applicant, { type: 'HOUSEHOLD_REGISTER', number: household.number, validUntil: null });
    stranger = (await addHousehold(stack, [{ name: '陈二', districtCode: '510106' }])).members[0];
    token = await stack.token({ role: 'citizen', sub: applicant.id });
  });

  it('refuses an id that is not on file, or not the household’s, naming the field and rule, and writes nothing', async () => {
    const own = await addMaterial(stack, applicant.id);
    const strangers = await addMaterial(stack, stranger.id);
    const strangersCard = await addCertificate(stack, stranger);
    const outboxBefore = await stack.sql('assistance', 'select id from outbox_message');

    const unknown = await apply({ materialIds: [own.id, randomUUID()] });
    expect(unknown.body.data?.applyForAssistance).toBeNull();
    expect(unknown.body.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'input.materialIds[1]',
      rule: 'exists',
    });
    const foreign = await apply({ materialIds: [own.id, strangers.id] });
    expect(foreign.body.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'input.materialIds[1]',
      rule: 'owner',
    });
    // Every problem is told at once; the first names the argument and rule.
    const both = await apply({ certificateIds: [strangersCard.id], materialIds: [randomUUID()] });
    expect(both.body.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'input.certificateIds[0]',
      rule: 'owner',
    });
    expect(both.body.errors?.[0].message).toContain('input.materialIds[0]');
    expect(await applications()).toEqual([]);
    expect(await stack.sql('assistance', 'select id from outbox_message')).toEqual(outboxBefore);
  });

  it('records, through the outbox and the certificate registry’s service operation, that the application used each material, once', async () => {
    const own = await addMaterial(stack, applicant.id);
    const childs = await addMaterial(stack, child.id, { kind: 'ECONOMIC_CHECK_AUTHORIZATION' });
    const [idCard] = await stack.sql<{ id: string }>(
      'certificate',
      `select id from certificate where holder_person_id = $1 and type_code = 'RESIDENT_ID_CARD'`,
      [child.id],
    );
    const res = await apply({ certificateIds: [idCard.id], materialIds: [own.id, childs.id, own.id] });
    expect(res.body.errors).toBeUndefined();
    const { id, reference, citedMaterialIds, citedCertificateIds } = res.body.data.applyForAssistance;
    expect(citedMaterialIds).toEqual([own.id, childs.id]);
    expect(citedCertificateIds).toEqual([idCard.id]);

    const uses = (materialId: string) =>
      stack.sql<{ reference: string; used_by_sub: string; used_by_role: string; used_by_dept: string }>(
        'certificate',
        'select reference, used_by_sub, used_by_role, used_by_dept from material_use where material_id = $1',
        [materialId],
      );
    const delivered = () =>
      stack.sql<{ state: string; attempts: number }>(
        'assistance',
        `select state, attempts from outbox_message where kind = 'certificate.record-material-use' and payload->>'applicationId' = $1`,
        [id],
      );
    await waitUntil(
      'both uses delivered',
      async () => (await delivered()).filter((r) => r.state === 'DELIVERED').length === 2,
    );
    for (const materialId of [own.id, childs.id]) {
      expect(await uses(materialId)).toEqual([
        { reference, used_by_sub: 'assistance', used_by_role: 'service', used_by_dept: 'civil-affairs' },
      ]);
    }
    // The citizen's materials page shows which application used it.
    const page = await stack.graphql(
      'query M($id: ID!) { material(id: $id) { uses { reference service { code } usedBy { sub role } } } }',
      { token, variables: { id: own.id } },
    );
    expect(page.body.errors).toBeUndefined();
    expect(page.body.data.material.uses).toEqual([
      {
        reference,
        service: { code: 'civil-affairs.minimum-living-allowance' },
        usedBy: { sub: 'assistance', role: 'service' },
      },
    ]);
    // The write is in the certificate registry's access log against the material's owner, with the case.
    const [logged] = await stack.sql(
      'certificate',
      `select actor_sub, actor_role, purpose, operation_name from access_record
        where subject_id = $1 and action = 'write' and outcome = 'granted' and fields @> array['Material.uses']::text[]`,
      [child.id],
    );
    expect(logged).toEqual({
      actor_sub: 'assistance',
      actor_role: 'service',
      purpose: reference,
      operation_name: 'AssistanceRecordMaterialUse',
    });

    // Delivered again (the worker died before it could mark it, say): still one use each.
    await stack.sql(
      'assistance',
      `update outbox_message set state = 'PENDING', next_attempt_at = now(), delivered_at = null
        where kind = 'certificate.record-material-use' and payload->>'applicationId' = $1`,
      [id],
    );
    await waitUntil(
      'both uses delivered again',
      async () => (await delivered()).filter((r) => r.state === 'DELIVERED' && r.attempts >= 2).length === 2,
    );
    expect(await uses(own.id)).toHaveLength(1);
    expect(await uses(childs.id)).toHaveLength(1);
  });
});
