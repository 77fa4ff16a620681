import { randomUUID } from 'node:crypto';
import { WorkingCalendar, addDays, todayInChina } from '../subgraphs/shared/calendar';
import type { Identity } from '../subgraphs/shared/identity';
import { raiseCards, resumedDeadline } from '../subgraphs/assistance/supervision';
import { CASE_OFFICER, completeMaterials } from './support/assistance';
import { addCertificate, addHousehold, type PersonFixture } from './support/fixtures';
import { startStack, type TestStack } from './support/stack';

/**
 * Supervision (电子监察) and what review may read: colours by working days to the promised
 * deadline, cards that stay with a case, on-time rates with their counts; eligibility facts the
 * officer may not read shown as NOT_PERMITTED; the applicant's tracker shows who read what.
 */

let stack: TestStack;
let applicant: PersonFixture;
const calendar = WorkingCalendar.fromEnv();
const today = todayInChina();

const SUPERVISOR: Identity = { sub: 'sup-01', role: 'officer', dept: 'statistics', scopes: ['assistance:read'] };

const BOARD = `query Board($filter: SupervisionFilter) {
  supervision(filter: $filter) { asOf yellowThresholdDays green yellow red
    byDepartment { key green yellow red } byDistrict { key green yellow red } byProgramme { key green yellow red }
    flagged { reference status deadline colour cards { colour raisedOn deadline department } } }
}`;
const RATE = `query Rate($from: Date!, $to: Date!) {
  onTimeRate(from: $from, to: $to) { overall { key decided onTime late rate }
    byProgramme { key decided onTime late rate } byDepartment { key decided onTime late rate } byDistrict { key decided onTime late rate } }
}`;

/** Inserts an application in a given state (set-up for supervision, which only reads them). */
async function insertCase(c: {
  programme: string;
  district: string;
  status: string;
  deadline: string;
  decidedAt?: string;
  onTime?: boolean;
}): Promise<string> {
  const id = randomUUID();
  await stack.sql(
    'assistance',
    `insert into application (id, created_at, updated_at, reference, programme_code, applicant_id, member_ids, district_code,
       household_size, declared_monthly_income, cited_certificate_ids, cited_material_ids, masked_name, status, version,
       submitted_at, filed_by_sub, filed_by_role, promised_days, deadline, decided_at, decided_on_time)
     values ($1, now(), now(), $2, $3, $4, array[$4]::uuid[], $5, 1, '0.00', '{}', '{}', '测*', $6, 1, now(), 'seed', 'citizen', 20, $7, $8, $9)`,
    [
      id,
      `T-${id.slice(0, 8)}`,
      c.programme,
      applicant.id,
      c.district,
      c.status,
      c.deadline,
      c.decidedAt ?? null,
      c.onTime ?? null,
    ],
  );
  return id;
}

beforeAll(async () => {
  stack = await startStack();
  applicant = (await addHousehold(stack, [{ name: '赵六', districtCode: '510105' }])).members[0];
});

afterAll(async () => {
  await stack?.stop();
});

describe('the supervision board', () => {
  it('colours open cases by working days to their deadline, counts them three ways, and raises cards once', async () => {
    const far = calendar.addWorkingDays(today, 10);
    const near = calendar.addWorkingDays(today, 1);
    const past = addDays(today, -3);
    await insertCase({
      programme: 'MINIMUM_LIVING_ALLOWANCE',
      district: '510104',
      status: 'UNDER_REVIEW',
      deadline: far,
    });
    await insertCase({ programme: 'MINIMUM_LIVING_ALLOWANCE', district: '510104', status: 'ACCEPTED', deadline: near });
    const overdue = await insertCase({
      programme: 'MEDICAL_ASSISTANCE',
      district: '510105',
      status: 'SUBMITTED',
      deadline: past,
    });
    await insertCase({
      programme: 'MEDICAL_ASSISTANCE',
      district: '510105',
      status: 'APPROVED',
      deadline: past,
      decidedAt: new Date().toISOString(),
      onTime: false,
    });

    const token = await stack.token(SUPERVISOR);
    const res = await stack.graphql(BOARD, { token });
    expect(res.body.errors).toBeUndefined();
    const board = res.body.data.supervision;
    expect(board).toMatchObject({ asOf: today, yellowThresholdDays: 2, green: 1, yellow: 1, red: 1 });
    expect(board.byDepartment).toEqual([{ key: 'civil-affairs', green: 1, yellow: 1, red: 1 }]);
    expect(board.byDistrict).toEqual([
      { key: '510104', green: 1, yellow: 1, red: 0 },
      { key: '510105', green: 0, yellow: 0, red: 1 },
    ]);
    expect(board.byProgramme).toEqual([
      { key: 'MEDICAL_ASSISTANCE', green: 0, yellow: 0, red: 1 },
      { key: 'MINIMUM_LIVING_ALLOWANCE', green: 1, yellow: 1, red: 0 },
    ]);
    expect(board.flagged.map((a: any) => [a.colour, a.deadline])).toEqual([
      ['RED', past],
      ['YELLOW', near],
    ]);
    expect(board.flagged[0].cards).toEqual([
      { colour: 'RED', raisedOn: today, deadline: past, department: 'civil-affairs' },
    ]);
    expect(board.flagged[1].cards).toEqual([
      { colour: 'YELLOW', raisedOn: today, deadline: near, department: 'civil-affairs' },
    ]);

    // Asked again: the same cards, none twice; filters narrow the counts.
    const again = await stack.graphql(BOARD, { token, variables: { filter: { districtCode: '510105' } } });
    expect(again.body.data.supervision).toMatchObject({ green: 0, yellow: 0, red: 1 });
    expect(
      await stack.sql('assistance', 'select colour from supervision_card where application_id = $1', [overdue]),
    ).toEqual([{ colour: 'RED' }]);
  });

  it('reports the on-time rate over a period with the counts behind it', async () => {
    const now = new Date().toISOString();
    await insertCase({
      programme: 'TEMPORARY_ASSISTANCE',
      district: '510106',
      status: 'APPROVED',
      deadline: today,
      decidedAt: now,
      onTime: true,
    });
    await insertCase({
      programme: 'TEMPORARY_ASSISTANCE',
      district: '510106',
      status: 'REJECTED',
      deadline: today,
      decidedAt: now,
      onTime: true,
    });
    await insertCase({
      programme: 'TEMPORARY_ASSISTANCE',
      district: '510106',
      status: 'APPROVED',
      deadline: today,
      decidedAt: '2025-01-10T03:00:00Z',
      onTime: false,
    });
    const res = await stack.graphql(RATE, {
      token: await stack.token(SUPERVISOR),
      variables: { from: addDays(today, -30), to: today },
    });
    expect(res.body.errors).toBeUndefined();
    const report = res.body.data.onTimeRate;
    // The medical case of the test above (late) and the two temporary ones (on time); 2025's is outside the period.
    expect(report.overall).toEqual({ key: 'all', decided: 3, onTime: 2, late: 1, rate: 0.6667 });
    expect(report.byProgramme).toEqual([
      { key: 'MEDICAL_ASSISTANCE', decided: 1, onTime: 0, late: 1, rate: 0 },
      { key: 'TEMPORARY_ASSISTANCE', decided: 2, onTime: 2, late: 0, rate: 1 },
    ]);
    expect(report.byDepartment).toEqual([{ key: 'civil-affairs', decided: 3, onTime: 2, late: 1, rate: 0.6667 }]);
    expect(report.byDistrict.map((d: any) => d.key)).toEqual(['510105', '510106']);
  });

  it('is for officers with assistance:read only', async () => {
    for (const token of [
      undefined,
      await stack.token({ role: 'citizen', sub: applicant.id }),
      await stack.token({ role: 'analyst', dept: 'statistics' }),
    ]) {
      const res = await stack.graphql(BOARD, { token });
      expect(res.body.data?.supervision ?? null).toBeNull();
      expect(['UNAUTHENTICATED', 'FORBIDDEN']).toContain(res.body.errors?.[0].extensions?.code);
    }
    const res = await stack.graphql(RATE, {
      token: await stack.token({ role: 'officer', dept: 'health', scopes: [] }),
      variables: { from: today, to: today },
    });
    expect(res.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses a period that ends before it starts', async () => {
    const res = await stack.graphql(RATE, {
      token: await stack.token(SUPERVISOR),
      variables: { from: today, to: addDays(today, -1) },
    });
    expect(res.body.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'to',
      rule: 'date-range',
    });
  });
});

describe('review under an officer who may not read everything', () => {
  it('shows what the officer may not read as NOT_PERMITTED, never as absent, and the applicant sees the reads in their tracker', async () => {
    const family = await addHousehold(stack, [
      { name: '钱七', districtCode: '510108' },
      { name: '钱小', relationship: 'CHILD' },
    ]);
    const [head, child] = family.members;
    await completeMaterials(stack, [head, child]);
    await addCertificate(stack, head, { type: 'HOUSEHOLD_REGISTER', number: family.number, validUntil: null });
    const apply = await stack.graphql(
      'mutation A($input: ApplyForAssistanceInput!) { applyForAssistance(input: $input) { id reference version } }',
      {
        token: await stack.token({ role: 'citizen', sub: head.id }),
        variables: {
          input: { programme: 'MINIMUM_LIVING_ALLOWANCE', applicantId: head.id, declaredMonthlyIncome: '300.00' },
        },
      },
    );
    expect(apply.body.errors).toBeUndefined();
    const { id, reference } = apply.body.data.applyForAssistance;
    // May read households, but neither certificates nor organizations.
    const reviewer: Identity = {
      ...CASE_OFFICER,
      sub: 'ca-officer-02',
      scopes: ['assistance:read:sensitive', 'assistance:write', 'person:read:sensitive'],
    };
    const token = await stack.token(reviewer);
    const step = (version: number, to: string) =>
      stack.graphql('mutation S($input: TransitionInput!) { transitionApplication(input: $input) { version } }', {
        token,
        purpose: reference,
        variables: { input: { applicationId: id, version, to } },
      });
    expect((await step(1, 'ACCEPTED')).body.errors).toBeUndefined();
    expect((await step(2, 'UNDER_REVIEW')).body.errors).toBeUndefined();
    const read = await stack.graphql(
      'query C($id: ID!) { application(id: $id) { eligibility { kind source status items { personId } note } } }',
      {
        token,
        purpose: reference,
        variables: { id },
      },
    );
    expect(read.body.errors).toBeUndefined();
    const facts = read.body.data.application.eligibility;
    expect(facts[0]).toMatchObject({ kind: 'HOUSEHOLD_MEMBERS', source: 'natural-person', status: 'READ' });
    expect(facts[0].items.map((i: any) => i.personId).sort()).toEqual([head.id, child.id].sort());
    expect(facts[1]).toMatchObject({
      kind: 'CERTIFICATES',
      source: 'certificate',
      status: 'NOT_PERMITTED',
      items: null,
    });
    expect(facts[1].note).toContain('certificate:read:sensitive');
    expect(facts[2]).toMatchObject({
      kind: 'LEGAL_REPRESENTATIVE',
      source: 'legal-person',
      status: 'NOT_PERMITTED',
      items: null,
    });
    expect(facts[3]).toMatchObject({
      kind: 'EMPLOYMENT',
      source: 'labour-market',
      status: 'NOT_PERMITTED',
      items: null,
    });
    expect(facts[3].note).toContain('labour:read:sensitive');

    // The applicant's tracker shows the officer's reads for this case, through the assistance registry.
    const tracker = await stack.graphql(
      'query T($p: ID!) { accessRecords(filter: { personId: $p }, first: 100) { edges { node { registry actorSub purpose via outcome } } } }',
      { token: await stack.token({ role: 'citizen', sub: head.id }), variables: { p: head.id } },
    );
    expect(tracker.body.errors).toBeUndefined();
    const viaAssistance = tracker.body.data.accessRecords.edges
      .map((e: any) => e.node)
      .filter((n: any) => n.via === 'assistance' && n.actorSub === reviewer.sub && n.purpose === reference);
    expect(viaAssistance.map((n: any) => `${n.registry}:${n.outcome}`)).toEqual(
      expect.arrayContaining(['natural-person:GRANTED', 'certificate:DENIED']),
    );
  });
});

describe('the deadline clock stops while a case waits for materials', () => {
  it('moves a resubmitted case’s deadline on by the working days it waited, by the configured calendar', () => {
    // A configured holiday on Wednesday 2026-12-02 (and no make-up days): returned Monday, resubmitted
    // Friday, the case waited Tuesday, Thursday and Friday: three working days.
    const configured = WorkingCalendar.fromEnv({
      WORKING_CALENDAR_HOLIDAYS: '2026-12-02',
      WORKING_CALENDAR_WORKDAYS: '',
    });
    expect(configured.workingDaysBetween('2026-11-30', '2026-12-04')).toBe(3);
    expect(resumedDeadline(configured, '2026-12-10', '2026-11-30', '2026-12-04')).toBe('2026-12-15');
    // Without the holiday it waited four.
    const plain = new WorkingCalendar([]);
    expect(resumedDeadline(plain, '2026-12-10', '2026-11-30', '2026-12-04')).toBe('2026-12-16');
    // Returned and resubmitted the same day: nothing moves.
    expect(resumedDeadline(configured, '2026-12-10', '2026-12-04', '2026-12-04')).toBe('2026-12-10');
  });

  it('stops on RETURNED_FOR_MATERIALS (no colour, no card) and resumes on resubmission with the deadline moved', async () => {
    const family = await addHousehold(stack, [{ name: '周一', districtCode: '510107' }]);
    const [head] = family.members;
    await completeMaterials(stack, [head]);
    await addCertificate(stack, head, { type: 'HOUSEHOLD_REGISTER', number: family.number, validUntil: null });
    const citizen = await stack.token({ role: 'citizen', sub: head.id });
    const apply = await stack.graphql(
      'mutation A($input: ApplyForAssistanceInput!) { applyForAssistance(input: $input) { id reference version deadline } }',
      {
        token: citizen,
        variables: {
          input: { programme: 'MINIMUM_LIVING_ALLOWANCE', applicantId: head.id, declaredMonthlyIncome: '200.00' },
        },
      },
    );
    expect(apply.body.errors).toBeUndefined();
    const { id, reference, deadline } = apply.body.data.applyForAssistance;
    const STEP = `mutation S($input: TransitionInput!) {
      transitionApplication(input: $input) { status version deadline clockPausedOn colour } }`;
    const returned = await stack.graphql(STEP, {
      token: await stack.token(CASE_OFFICER),
      purpose: reference,
      variables: { input: { applicationId: id, version: 1, to: 'RETURNED_FOR_MATERIALS', reason: '请补交收入证明' } },
    });
    expect(returned.body.errors).toBeUndefined();
    expect(returned.body.data.transitionApplication).toMatchObject({
      status: 'RETURNED_FOR_MATERIALS',
      deadline,
      clockPausedOn: today,
      colour: null,
    });

    // The case waited since a day eight calendar days ago (set up in the database: tests cannot wait).
    const pausedOn = addDays(today, -8);
    await stack.sql('assistance', 'update application set clock_paused_on = $2 where id = $1', [id, pausedOn]);
    // Paused with a deadline already past: still no colour and no card while the applicant is awaited.
    await stack.sql('assistance', 'update application set deadline = $2 where id = $1', [id, addDays(today, -1)]);
    const board = await stack.graphql('query { supervision { paused flagged { id } } }', {
      token: await stack.token(SUPERVISOR),
    });
    expect(board.body.errors).toBeUndefined();
    expect(board.body.data.supervision.paused).toBeGreaterThanOrEqual(1);
    expect(board.body.data.supervision.flagged.map((a: any) => a.id)).not.toContain(id);
    expect(await stack.sql('assistance', 'select 1 from supervision_card where application_id = $1', [id])).toEqual([]);

    const resubmitted = await stack.graphql(STEP, {
      token: citizen,
      variables: { input: { applicationId: id, version: 2, to: 'SUBMITTED' } },
    });
    expect(resubmitted.body.errors).toBeUndefined();
    const waited = calendar.workingDaysBetween(pausedOn, today);
    expect(waited).toBeGreaterThan(0);
    expect(resubmitted.body.data.transitionApplication).toMatchObject({
      status: 'SUBMITTED',
      clockPausedOn: null,
      deadline: calendar.addWorkingDays(addDays(today, -1), waited),
    });
    expect(resubmitted.body.data.transitionApplication.colour).not.toBeNull();
  });
});

describe('supervision cards', () => {
  const CARDS = `query Cards($acknowledged: Boolean) {
    supervisionCards(acknowledged: $acknowledged) { id colour deadline department acknowledgedAt acknowledgedBy { sub } acknowledgedPurpose acknowledgementNote application { id } } }`;
  const ACK = `mutation Ack($input: AcknowledgeCardInput!) {
    acknowledgeSupervisionCard(input: $input) { id acknowledgedAt acknowledgedBy { sub department } acknowledgedPurpose acknowledgementNote } }`;

  it('raises one card per colour and deadline, however many sweeps run at once', async () => {
    const near = calendar.addWorkingDays(today, 1);
    const id = await insertCase({
      programme: 'HOUSING_ASSISTANCE',
      district: '510112',
      status: 'UNDER_REVIEW',
      deadline: near,
    });
    const knex = stack.db.assistance.orm.em.getKnex();
    const count = async () =>
      Number((await stack.sql<{ n: string }>('assistance', 'select count(*) as n from supervision_card'))[0].n);
    const before = await count();
    const raised = await Promise.all(Array.from({ length: 6 }, () => raiseCards(knex, calendar, 2, today)));
    const cards = () =>
      stack.sql<{ colour: string; deadline: string }>(
        'assistance',
        `select colour, to_char(deadline, 'YYYY-MM-DD') as deadline from supervision_card where application_id = $1 order by id`,
        [id],
      );
    expect(await cards()).toEqual([{ colour: 'YELLOW', deadline: near }]);
    // Each sweep counted only what it inserted: together exactly the cards that are new.
    expect(raised.reduce((a, b) => a + b, 0)).toBe((await count()) - before);
    await Promise.all(Array.from({ length: 6 }, () => raiseCards(knex, calendar, 2, today)));
    expect(await cards()).toHaveLength(1);

    // Its deadline moved on (a pause for materials) and it turns yellow, then red, again: one new card each.
    const later = calendar.addWorkingDays(today, 2);
    await stack.sql('assistance', 'update application set deadline = $2 where id = $1', [id, later]);
    await Promise.all(Array.from({ length: 4 }, () => raiseCards(knex, calendar, 2, today)));
    await stack.sql('assistance', 'update application set deadline = $2 where id = $1', [id, addDays(today, -1)]);
    await Promise.all(Array.from({ length: 4 }, () => raiseCards(knex, calendar, 2, today)));
    expect(await cards()).toEqual([
      { colour: 'YELLOW', deadline: near },
      { colour: 'YELLOW', deadline: later },
      { colour: 'RED', deadline: addDays(today, -1) },
    ]);
  });

  it('shows a department’s open cards to its officers, who acknowledge them with a purpose; logged, once', async () => {
    const id = await insertCase({
      programme: 'EDUCATION_ASSISTANCE',
      district: '510113',
      status: 'ACCEPTED',
      deadline: addDays(today, -2),
    });
    await raiseCards(stack.db.assistance.orm.em.getKnex(), calendar, 2, today);
    const reader = await stack.token({
      role: 'officer',
      sub: 'ca-sup-01',
      dept: 'civil-affairs',
      scopes: ['assistance:read'],
    });
    const open = await stack.graphql(CARDS, { token: reader });
    expect(open.body.errors).toBeUndefined();
    const card = open.body.data.supervisionCards.find((c: any) => c.application.id === id);
    expect(card).toMatchObject({
      colour: 'RED',
      department: 'civil-affairs',
      acknowledgedAt: null,
      acknowledgedBy: null,
    });

    // Another department's officer sees none of them, and may not acknowledge them.
    const elsewhere = await stack.graphql(CARDS, {
      token: await stack.token({
        role: 'officer',
        sub: 'h-1',
        dept: 'health',
        scopes: ['assistance:read', 'assistance:write'],
      }),
    });
    expect(elsewhere.body.data.supervisionCards).toEqual([]);
    const input = { cardId: card.id, note: '已督办，承办人今日办结' };
    const foreign = await stack.graphql(ACK, {
      token: await stack.token({ role: 'officer', sub: 'h-1', dept: 'health', scopes: ['assistance:write'] }),
      purpose: 'SUP-1',
      variables: { input },
    });
    expect(foreign.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    // A reader without assistance:write, and a writer without a purpose: refused.
    expect(
      (await stack.graphql(ACK, { token: reader, purpose: 'SUP-1', variables: { input } })).body.errors?.[0].extensions
        ?.code,
    ).toBe('FORBIDDEN');
    const writer = await stack.token({ ...CASE_OFFICER, sub: 'ca-lead-01' });
    expect((await stack.graphql(ACK, { token: writer, variables: { input } })).body.errors?.[0].extensions?.code).toBe(
      'FORBIDDEN',
    );
    const bad = await stack.graphql(ACK, {
      token: writer,
      purpose: 'SUP-1',
      variables: { input: { cardId: card.id, note: '' } },
    });
    expect(bad.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.note' });

    const done = await stack.graphql(ACK, { token: writer, purpose: 'SUP-1', variables: { input } });
    expect(done.body.errors).toBeUndefined();
    expect(done.body.data.acknowledgeSupervisionCard).toMatchObject({
      id: card.id,
      acknowledgedBy: { sub: 'ca-lead-01', department: 'civil-affairs' },
      acknowledgedPurpose: 'SUP-1',
      acknowledgementNote: input.note,
    });
    const again = await stack.graphql(ACK, { token: writer, purpose: 'SUP-2', variables: { input } });
    expect(again.body.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'input.cardId',
      rule: 'acknowledged',
    });
    const unknown = await stack.graphql(ACK, {
      token: writer,
      purpose: 'SUP-1',
      variables: { input: { ...input, cardId: '999999999' } },
    });
    expect(unknown.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'exists' });

    // No longer open; listed among the acknowledged, kept with the case.
    const stillOpen = await stack.graphql(CARDS, { token: reader });
    expect(stillOpen.body.data.supervisionCards.map((c: any) => c.id)).not.toContain(card.id);
    const acknowledged = await stack.graphql(CARDS, { token: reader, variables: { acknowledged: true } });
    expect(acknowledged.body.data.supervisionCards.find((c: any) => c.id === card.id)).toMatchObject({
      acknowledgedBy: { sub: 'ca-lead-01' },
      acknowledgementNote: input.note,
    });
    // The acknowledgement is in the access log against the applicant, with its purpose.
    const logged = await stack.sql<{ actor_sub: string; purpose: string }>(
      'assistance',
      `select actor_sub, purpose from access_record where subject_id = $1 and action = 'write' and outcome = 'granted'
         and fields @> array['SupervisionCard.acknowledgedAt']::text[]`,
      [applicant.id],
    );
    expect(logged).toEqual([{ actor_sub: 'ca-lead-01', purpose: 'SUP-1' }]);
  });

  it('lets only one of two officers acknowledging the same card at once win', async () => {
    const id = await insertCase({
      programme: 'TEMPORARY_ASSISTANCE',
      district: '510114',
      status: 'SUBMITTED',
      deadline: addDays(today, -1),
    });
    await raiseCards(stack.db.assistance.orm.em.getKnex(), calendar, 2, today);
    const [{ id: cardId }] = await stack.sql<{ id: string }>(
      'assistance',
      'select id::text from supervision_card where application_id = $1',
      [id],
    );
    const tokens = await Promise.all(['ca-a', 'ca-b'].map((sub) => stack.token({ ...CASE_OFFICER, sub })));
    const results = await Promise.all(
      tokens.map((token) =>
        stack.graphql(ACK, { token, purpose: 'SUP-3', variables: { input: { cardId, note: '处理中' } } }),
      ),
    );
    const won = results.filter((r) => !r.body.errors);
    const lost = results.filter((r) => r.body.errors);
    expect(won).toHaveLength(1);
    expect(lost[0].body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'acknowledged' });
  });
});
