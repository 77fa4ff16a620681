import { seedRegistries } from '../seeds';
import { seedAssistanceIfEmpty } from '../seeds/assistance';
import { todayInChina } from '../subgraphs/shared/calendar';
import { startStack, type TestStack } from './support/stack';

/**
 * The assistance demo data: made from the seeded households and certificates, in every state, with
 * overdue and near cases and notices running today, consistent with the other registries.
 */

let stack: TestStack;
let seeded: number;

beforeAll(async () => {
  stack = await startStack();
  const urls = {
    naturalPersonUrl: stack.databaseUrls['natural-person'],
    legalPersonUrl: stack.databaseUrls['legal-person'],
    certificateUrl: stack.databaseUrls.certificate,
    assistanceUrl: stack.databaseUrls.assistance,
  };
  await seedRegistries({ ...urls, people: 600, organizations: 20, seed: 'gov-graph-demo' });
  seeded = await seedAssistanceIfEmpty(urls, { households: 150 });
}, 120_000);

afterAll(async () => {
  await stack?.stop();
});

it('seeds every state for seeded households, once', async () => {
  expect(seeded).toBeGreaterThan(100);
  const states = await stack.sql<{ status: string }>(
    'assistance',
    'select distinct status from application order by status',
  );
  expect(states.map((s) => s.status)).toEqual([
    'ACCEPTED',
    'APPROVED',
    'PUBLIC_NOTICE',
    'REJECTED',
    'RETURNED_FOR_MATERIALS',
    'SUBMITTED',
    'UNDER_REVIEW',
    'WITHDRAWN',
  ]);
  const applicants = await stack.sql<{ applicant_id: string }>('assistance', 'select applicant_id from application');
  const people = await stack.sql<{ id: string }>('natural-person', 'select id from person where id = any($1::uuid[])', [
    applicants.map((a) => a.applicant_id),
  ]);
  expect(people).toHaveLength(new Set(applicants.map((a) => a.applicant_id)).size);
  const steps = await stack.sql<{ n: number }>(
    'assistance',
    `select count(*)::int as n from application a where version <> (select count(*) from case_step s where s.application_id = a.id)`,
  );
  expect(steps[0].n).toBe(0);
  const again = await seedAssistanceIfEmpty({
    naturalPersonUrl: stack.databaseUrls['natural-person'],
    certificateUrl: stack.databaseUrls.certificate,
    assistanceUrl: stack.databaseUrls.assistance,
  });
  expect(again).toBe(0);
});

it('agrees with the certificate registry: each 低保证 has the approved application that issued it, disability households apply for what needs it', async () => {
  const certificates = await stack.sql<{ number: string; holder_person_id: string }>(
    'certificate',
    `select number, holder_person_id from certificate where type_code = 'MINIMUM_ALLOWANCE_CERTIFICATE'`,
  );
  const approvals = await stack.sql<{
    certificate_number: string;
    applicant_id: string;
    status: string;
    programme_code: string;
  }>(
    'assistance',
    'select certificate_number, applicant_id, status, programme_code from application where certificate_number is not null',
  );
  expect(approvals.length).toBeGreaterThan(0);
  for (const approval of approvals) {
    expect(approval).toMatchObject({ status: 'APPROVED', programme_code: 'MINIMUM_LIVING_ALLOWANCE' });
    expect(certificates).toContainEqual({
      number: approval.certificate_number,
      holder_person_id: approval.applicant_id,
    });
  }
  // No approved minimum-living-allowance application without its certificate.
  const [{ n }] = await stack.sql<{ n: number }>(
    'assistance',
    `select count(*)::int as n from application where programme_code = 'MINIMUM_LIVING_ALLOWANCE' and status = 'APPROVED' and certificate_number is null`,
  );
  expect(n).toBe(0);
  const disabled = await stack.sql<{ holder_person_id: string }>(
    'certificate',
    `select holder_person_id from certificate where type_code = 'DISABILITY_CERTIFICATE' and revoked_on is null
       and (valid_until is null or valid_until >= (now() at time zone 'Asia/Shanghai')::date)`,
  );
  const theirs = await stack.sql<{ programme_code: string }>(
    'assistance',
    `select programme_code from application where member_ids && $1::uuid[] and certificate_number is null`,
    [disabled.map((d) => d.holder_person_id)],
  );
  for (const application of theirs)
    expect(['MEDICAL_ASSISTANCE', 'EXTREME_POVERTY_SUPPORT']).toContain(application.programme_code);
});

it('gives supervision and public notices something to show today', async () => {
  const token = await stack.token({ role: 'officer', dept: 'statistics', scopes: ['assistance:read'] });
  const board = await stack.graphql('query B { supervision { green yellow red } }', { token });
  expect(board.body.errors).toBeUndefined();
  const { green, yellow, red } = board.body.data.supervision;
  expect(green).toBeGreaterThan(0);
  expect(yellow).toBeGreaterThan(0);
  expect(red).toBeGreaterThan(0);
  const rate = await stack.graphql(
    'query R($from: Date!, $to: Date!) { onTimeRate(from: $from, to: $to) { overall { decided onTime late rate } } }',
    {
      token,
      variables: { from: '2020-01-01', to: todayInChina() },
    },
  );
  expect(rate.body.data.onTimeRate.overall.decided).toBeGreaterThan(10);
  expect(rate.body.data.onTimeRate.overall.late).toBeGreaterThan(0);
  const notices = await stack.graphql('query N { publicNotices { maskedName startsOn endsOn } }');
  expect(notices.body.data.publicNotices.length).toBeGreaterThan(0);
  for (const notice of notices.body.data.publicNotices) {
    expect(notice.maskedName).toMatch(/^.\*+$/u);
    expect(notice.startsOn <= todayInChina() && todayInChina() <= notice.endsOn).toBe(true);
  }
});
