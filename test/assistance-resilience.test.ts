import { todayInChina } from '../subgraphs/shared/calendar';
import { CASE_OFFICER, completeMaterials, waitUntil } from './support/assistance';
import { addCertificate, addHousehold, addMaterial, type PersonFixture } from './support/fixtures';
import { startStack, type TestStack } from './support/stack';

/**
 * Approvals whose certificate must be issued in another registry, when that registry is down: the
 * approval and the instruction commit together in the assistance database, the outbox worker keeps
 * trying, and once the certificate registry is back every approved household has exactly one 低保证.
 */

let stack: TestStack;

const STEP = `mutation Step($input: TransitionInput!) { transitionApplication(input: $input) { id status version } }`;
const APPLY = `mutation Apply($input: ApplyForAssistanceInput!) { applyForAssistance(input: $input) { id reference version } }`;

interface Case {
  id: string;
  reference: string;
  version: number;
  applicant: PersonFixture;
}

async function step(c: Case, to: string, extra: Record<string, unknown> = {}) {
  const res = await stack.graphql(STEP, {
    token: await stack.token(CASE_OFFICER),
    purpose: c.reference,
    variables: { input: { applicationId: c.id, version: c.version, to, ...extra } },
  });
  expect(res.body.errors).toBeUndefined();
  c.version = res.body.data.transitionApplication.version;
}

/** A household with everything on file, applied, reviewed and past its public notice. */
async function caseReadyForApproval(i: number): Promise<Case> {
  const family = await addHousehold(stack, [{ name: `王${i}`, districtCode: '510107' }]);
  const [applicant] = family.members;
  await completeMaterials(stack, [applicant]);
  await addCertificate(stack, applicant, { type: 'HOUSEHOLD_REGISTER', number: family.number, validUntil: null });
  const res = await stack.graphql(APPLY, {
    token: await stack.token({ role: 'citizen', sub: applicant.id }),
    variables: {
      input: { programme: 'MINIMUM_LIVING_ALLOWANCE', applicantId: applicant.id, declaredMonthlyIncome: '500.00' },
    },
  });
  expect(res.body.errors).toBeUndefined();
  const c: Case = { ...res.body.data.applyForAssistance, applicant };
  await step(c, 'ACCEPTED');
  await step(c, 'UNDER_REVIEW');
  await step(c, 'PUBLIC_NOTICE', { proposedAmount: '980.00' });
  await stack.sql(
    'assistance',
    'update application set notice_starts_on = notice_starts_on - 7, notice_ends_on = notice_ends_on - 7 where id = $1',
    [c.id],
  );
  return c;
}

async function certificates(): Promise<{ number: string; holder_person_id: string }[]> {
  return stack.sql(
    'certificate',
    `select number, holder_person_id from certificate where type_code = 'MINIMUM_ALLOWANCE_CERTIFICATE' order by number`,
  );
}

beforeAll(async () => {
  process.env.OUTBOX_BACKOFF_MS = '100';
  process.env.OUTBOX_MAX_BACKOFF_MS = '500';
  process.env.OUTBOX_POLL_MS = '200';
  stack = await startStack();
});

afterAll(async () => {
  await stack?.stop();
});

it('issues every approved household exactly one 低保证 although the certificate registry was down during the approvals', async () => {
  const cases: Case[] = [];
  for (let i = 0; i < 6; i++) cases.push(await caseReadyForApproval(i));
  const [early, late] = [cases.slice(0, 3), cases.slice(3)];

  // The first approvals race the registry going down: some may be delivered, some not.
  const approvals = early.map((c) => step(c, 'APPROVED'));
  await stack.servers.certificate.close();
  await Promise.all(approvals);
  // The rest are approved while it is down: the approvals succeed, their instructions wait.
  await Promise.all(late.map((c) => step(c, 'APPROVED')));
  await waitUntil('failed delivery attempts', async () => {
    const [{ n }] = await stack.sql<{ n: number }>(
      'assistance',
      `select count(*)::int as n from outbox_message where state = 'PENDING' and attempts > 0`,
    );
    return n >= late.length;
  });
  const pending = await stack.sql<{ last_error: string }>(
    'assistance',
    `select last_error from outbox_message where state = 'PENDING' and attempts > 0`,
  );
  expect(pending.length).toBeGreaterThanOrEqual(late.length);
  expect(pending[0].last_error).toContain('certificate');
  expect((await certificates()).length).toBeLessThan(cases.length);

  await stack.restartRegistry('certificate');
  await waitUntil('every instruction delivered', async () => {
    const [{ n }] = await stack.sql<{ n: number }>(
      'assistance',
      `select count(*)::int as n from outbox_message where state = 'DELIVERED'`,
    );
    return n === cases.length;
  });
  const year = todayInChina().slice(0, 4);
  const issued = await certificates();
  expect(issued).toHaveLength(cases.length);
  expect(new Set(issued.map((c) => c.holder_person_id))).toEqual(new Set(cases.map((c) => c.applicant.id)));
  expect(issued.map((c) => c.number)).toEqual(
    cases.map((_, i) => `DB510107-${year}-${String(i + 1).padStart(6, '0')}`),
  );

  // A confirmation lost on the way back (the worker died before recording it): delivered again,
  // the certificate registry answers with the same certificates and issues none twice.
  await stack.sql(
    'assistance',
    `update outbox_message set state = 'PENDING', next_attempt_at = now(), delivered_at = null`,
  );
  await waitUntil('every instruction delivered again', async () => {
    const [{ n }] = await stack.sql<{ n: number }>(
      'assistance',
      `select count(*)::int as n from outbox_message where state = 'DELIVERED'`,
    );
    return n === cases.length;
  });
  expect(await certificates()).toEqual(issued);
  const results = await stack.sql<{ result: { number: string } }>(
    'assistance',
    'select result from outbox_message order by id',
  );
  expect(results.map((r) => r.result.number).sort()).toEqual(issued.map((c) => c.number));
});

it('records a cited material’s use once the certificate registry is back, and once only', async () => {
  const family = await addHousehold(stack, [{ name: '何一', districtCode: '510108' }]);
  const [applicant] = family.members;
  await completeMaterials(stack, [applicant]);
  await addCertificate(stack, applicant, { type: 'HOUSEHOLD_REGISTER', number: family.number, validUntil: null });
  const material = await addMaterial(stack, applicant.id);
  const res = await stack.graphql(APPLY, {
    token: await stack.token({ role: 'citizen', sub: applicant.id }),
    variables: {
      input: {
        programme: 'MINIMUM_LIVING_ALLOWANCE',
        applicantId: applicant.id,
        declaredMonthlyIncome: '500.00',
        materialIds: [material.id],
      },
    },
  });
  expect(res.body.errors).toBeUndefined();
  const { id, reference } = res.body.data.applyForAssistance;
  const instruction = () =>
    stack.sql<{ state: string; attempts: number; last_error: string | null }>(
      'assistance',
      `select state, attempts, last_error from outbox_message where kind = 'certificate.record-material-use' and payload->>'applicationId' = $1`,
      [id],
    );
  const uses = () =>
    stack.sql('certificate', 'select reference from material_use where material_id = $1', [material.id]);
  await waitUntil('the use delivered', async () => (await instruction())[0]?.state === 'DELIVERED');

  // The registry goes down, and the confirmation is taken as lost (the worker must deliver it again):
  // the worker keeps trying while it is down, then delivers once it is back, recording no second use.
  await stack.servers.certificate.close();
  await stack.sql(
    'assistance',
    `update outbox_message set state = 'PENDING', attempts = 0, next_attempt_at = now(), delivered_at = null
      where kind = 'certificate.record-material-use' and payload->>'applicationId' = $1`,
    [id],
  );
  await waitUntil('failed delivery attempts', async () => {
    const [row] = await instruction();
    return row.state === 'PENDING' && row.attempts >= 2;
  });
  expect((await instruction())[0].last_error).toContain('certificate');
  await stack.restartRegistry('certificate');
  await waitUntil('the use delivered again', async () => (await instruction())[0].state === 'DELIVERED');
  expect(await uses()).toEqual([{ reference }]);
});
