import pg from 'pg';
import { WorkingCalendar, addDays, todayInChina } from '../subgraphs/shared/calendar';
import { maskName } from '../subgraphs/assistance/cases';
import { PROGRAMMES, type ApplicationStatus, type ProgrammeCode } from '../subgraphs/assistance/programmes';
import { Random } from './random';

/**
 * Demo applications for the assistance registry, made from what the other registries hold: seeded
 * households (natural-person) and their certificates and the catalogue (certificate registry).
 * Every state appears; some open cases are past their deadline or near it, some notices run today;
 * households whose member holds a disability certificate apply for medical assistance or
 * extreme-poverty support, and a household holding a minimum-allowance certificate has the approved
 * application that issued it (same number). Dates are relative to the day of seeding (China
 * Standard Time), so supervision and public notices have something to show.
 */

export interface AssistanceSeedUrls {
  naturalPersonUrl: string;
  certificateUrl: string;
  assistanceUrl: string;
}

interface Household {
  number: string;
  districtCode: string;
  members: { id: string; name: string; relationship: string; dead: boolean }[];
}

/** The states, in the order households get them (so the first households show every state). */
const CYCLE: (ApplicationStatus | 'OVERDUE' | 'NEAR')[] = [
  'UNDER_REVIEW',
  'PUBLIC_NOTICE',
  'SUBMITTED',
  'ACCEPTED',
  'APPROVED',
  'REJECTED',
  'RETURNED_FOR_MATERIALS',
  'WITHDRAWN',
  'OVERDUE',
  'NEAR',
  'APPROVED',
  'PUBLIC_NOTICE',
];

/** The path a case took to reach each state. */
const PATHS: Record<ApplicationStatus, ApplicationStatus[]> = {
  SUBMITTED: ['SUBMITTED'],
  ACCEPTED: ['SUBMITTED', 'ACCEPTED'],
  UNDER_REVIEW: ['SUBMITTED', 'ACCEPTED', 'UNDER_REVIEW'],
  PUBLIC_NOTICE: ['SUBMITTED', 'ACCEPTED', 'UNDER_REVIEW', 'PUBLIC_NOTICE'],
  APPROVED: ['SUBMITTED', 'ACCEPTED', 'UNDER_REVIEW', 'PUBLIC_NOTICE', 'APPROVED'],
  REJECTED: ['SUBMITTED', 'ACCEPTED', 'UNDER_REVIEW', 'REJECTED'],
  RETURNED_FOR_MATERIALS: ['SUBMITTED', 'RETURNED_FOR_MATERIALS'],
  WITHDRAWN: ['SUBMITTED', 'WITHDRAWN'],
};

const OFFICER = 'officer-civil-affairs-001';

/** Seeds the demo applications when the assistance registry holds none; returns how many it added. */
export async function seedAssistanceIfEmpty(
  urls: AssistanceSeedUrls,
  options: { seed?: string; households?: number; onProgress?: (message: string) => void } = {},
): Promise<number> {
  const assistance = new pg.Client({ connectionString: urls.assistanceUrl });
  await assistance.connect();
  try {
    const [{ n }] = (await assistance.query<{ n: number }>('select count(*)::int as n from application')).rows;
    if (n > 0) return 0;
    const households = await readHouseholds(urls.naturalPersonUrl, options.households ?? 150);
    if (households.length === 0) return 0;
    const { certificates, promisedDays } = await readCertificates(
      urls.certificateUrl,
      households.flatMap((h) => h.members.map((m) => m.id)),
    );
    const rows = generateApplications(new Random(options.seed ?? 'gov-graph-demo').fork('assistance'), households, {
      certificates,
      promisedDays,
      today: todayInChina(),
      calendar: WorkingCalendar.fromEnv(),
    });
    options.onProgress?.(
      `seeding ${rows.length} assistance applications for the first ${households.length} households`,
    );
    await assistance.query('begin');
    for (const row of rows) {
      await assistance.query(
        `insert into application (id, created_at, updated_at, reference, programme_code, applicant_id, member_ids, district_code,
           household_size, declared_monthly_income, cited_certificate_ids, cited_material_ids, masked_name, status, version,
           submitted_at, filed_by_sub, filed_by_role, filed_by_dept, promised_days, deadline, proposed_amount, notice_starts_on,
           notice_ends_on, notice_id, approved_amount, period_start, period_end, decision_reason, decided_at, decided_on_time,
           certificate_number)
         values ($1, $2, $2, $3, $4, $5, $6, $7, $8, $9, '{}', '{}', $10, $11, $12, $2, $13, 'citizen', null, $14, $15, $16, $17,
           $18, $19, $20, $21, $22, $23, $24, $25, $26)`,
        [
          row.id, row.submittedAt, row.reference, row.programme, row.applicantId, row.memberIds, row.districtCode,
          row.memberIds.length, row.income, row.maskedName, row.status, row.steps.length, row.applicantId, row.promisedDays,
          row.deadline, row.proposedAmount, row.noticeStartsOn, row.noticeEndsOn, row.noticeId, row.approvedAmount,
          row.periodStart, row.periodEnd, row.decisionReason, row.decidedAt, row.decidedOnTime, row.certificateNumber,
        ], // prettier-ignore
      );
      for (const step of row.steps) {
        await assistance.query(
          `insert into case_step (application_id, at, from_status, to_status, actor_sub, actor_role, actor_dept, purpose, note)
           values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
          [row.id, step.at, step.from, step.to, step.by, step.by === OFFICER ? 'officer' : 'citizen',
           step.by === OFFICER ? 'civil-affairs' : null, step.by === OFFICER ? row.reference : null, step.note], // prettier-ignore
        );
      }
    }
    // A case returned for materials has its deadline clock stopped since the day it was returned.
    await assistance.query(
      `update application a set clock_paused_on = (
         select max((s.at at time zone 'Asia/Shanghai')::date) from case_step s
          where s.application_id = a.id and s.to_status = 'RETURNED_FOR_MATERIALS')
        where a.status = 'RETURNED_FOR_MATERIALS'`,
    );
    await assistance.query('commit');
    return rows.length;
  } catch (error) {
    await assistance.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    await assistance.end();
  }
}

async function readHouseholds(url: string, limit: number): Promise<Household[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{
      number: string;
      district_code: string;
      person_id: string;
      name: string;
      relationship: string;
      dead: boolean;
    }>(
      `select h.number, h.district_code, m.person_id, p.name, m.relationship, p.death_date is not null as dead
         from (select * from household order by number limit $1) h
         join household_member m on m.household_id = h.id join person p on p.id = m.person_id
        order by h.number, case m.relationship when 'HEAD' then 0 else 1 end, p.birth_date`,
      [limit],
    );
    const households = new Map<string, Household>();
    for (const row of rows) {
      const household = households.get(row.number) ?? {
        number: row.number,
        districtCode: row.district_code,
        members: [],
      };
      household.members.push({ id: row.person_id, name: row.name, relationship: row.relationship, dead: row.dead });
      households.set(row.number, household);
    }
    return [...households.values()].filter((h) => h.members.some((m) => !m.dead));
  } finally {
    await client.end();
  }
}

interface HeldCertificate {
  type: string;
  number: string;
  issuedOn: string;
  monthlyAmount: string | null;
}

async function readCertificates(url: string, personIds: string[]) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{
      holder: string;
      type: string;
      number: string;
      issued_on: string;
      amount: string | null;
    }>(
      `select holder_person_id as holder, type_code as type, number, to_char(issued_on, 'YYYY-MM-DD') as issued_on,
              attributes->>'monthlyAmount' as amount
         from certificate
        where holder_person_id = any($1::uuid[]) and revoked_on is null
          and (valid_until is null or valid_until >= (now() at time zone 'Asia/Shanghai')::date)
          and type_code in ('DISABILITY_CERTIFICATE', 'MINIMUM_ALLOWANCE_CERTIFICATE')`,
      [personIds],
    );
    const certificates = new Map<string, HeldCertificate[]>();
    for (const row of rows) {
      certificates.set(row.holder, [
        ...(certificates.get(row.holder) ?? []),
        { type: row.type, number: row.number, issuedOn: row.issued_on, monthlyAmount: row.amount },
      ]);
    }
    const services = await client.query<{ code: string; days: number }>(
      'select code, promised_time_limit_days as days from service',
    );
    const promisedDays = new Map(services.rows.map((s) => [s.code, s.days]));
    return { certificates, promisedDays };
  } finally {
    await client.end();
  }
}

interface SeedStep {
  at: Date;
  from: ApplicationStatus | null;
  to: ApplicationStatus;
  by: string;
  note: string | null;
}

export interface SeedApplication {
  id: string;
  reference: string;
  programme: ProgrammeCode;
  applicantId: string;
  memberIds: string[];
  districtCode: string;
  income: string;
  maskedName: string;
  status: ApplicationStatus;
  submittedAt: Date;
  promisedDays: number;
  deadline: string;
  proposedAmount: string | null;
  noticeStartsOn: string | null;
  noticeEndsOn: string | null;
  noticeId: string | null;
  approvedAmount: string | null;
  periodStart: string | null;
  periodEnd: string | null;
  decisionReason: string | null;
  decidedAt: Date | null;
  decidedOnTime: boolean | null;
  certificateNumber: string | null;
  steps: SeedStep[];
}

const REASONS = {
  REJECTED: '家庭人均收入高于当地最低生活保障标准',
  RETURNED_FOR_MATERIALS: '请补充近6个月收入证明',
} as const;

/** Pure: the applications for these households (exported for tests). */
export function generateApplications(
  random: Random,
  households: Household[],
  context: {
    certificates: Map<string, HeldCertificate[]>;
    promisedDays: Map<string, number>;
    today: string;
    calendar: WorkingCalendar;
  },
): SeedApplication[] {
  const { today, calendar } = context;
  const seededAt = Date.now();
  const programmes = new Map(PROGRAMMES.map((p) => [p.code, p]));
  return households.map((household, i) => {
    const living = household.members.filter((m) => !m.dead);
    const held = living.flatMap((m) => context.certificates.get(m.id) ?? []);
    const allowance = held.find((c) => c.type === 'MINIMUM_ALLOWANCE_CERTIFICATE');
    // The 低保证's holder applied for it; otherwise the head (or the first living member).
    const applicant =
      living.find((m) => allowance && (context.certificates.get(m.id) ?? []).includes(allowance)) ?? living[0];
    const disabled = held.some((c) => c.type === 'DISABILITY_CERTIFICATE');
    // The first household (the demo citizen's) has no minimum-living-allowance case, so the README's
    // application for one shows what is missing.
    const others: ProgrammeCode[] = [
      'TEMPORARY_ASSISTANCE',
      'EDUCATION_ASSISTANCE',
      'HOUSING_ASSISTANCE',
      'EMPLOYMENT_ASSISTANCE',
      'DISASTER_VICTIM_RELIEF',
      'MINIMUM_LIVING_ALLOWANCE',
    ];
    const programme: ProgrammeCode = allowance
      ? 'MINIMUM_LIVING_ALLOWANCE'
      : disabled
        ? random.chance(0.5) ? 'MEDICAL_ASSISTANCE' : 'EXTREME_POVERTY_SUPPORT'
        : others[random.int(0, others.length - (i === 0 ? 2 : 1))]; // prettier-ignore
    // A household holding a 低保证 has the approval that issued it; others take the next state of the cycle.
    let kind = allowance ? 'APPROVED' : CYCLE[i % CYCLE.length];
    // A minimum-living-allowance approval issues a certificate: the seed has none for this household.
    if (kind === 'APPROVED' && programme === 'MINIMUM_LIVING_ALLOWANCE' && !allowance) kind = 'REJECTED';
    const status: ApplicationStatus = kind === 'OVERDUE' || kind === 'NEAR' ? 'UNDER_REVIEW' : kind;
    const info = programmes.get(programme)!;
    const promisedDays = context.promisedDays.get(info.serviceCode) ?? 20;
    // When it was made: overdue cases long ago, near ones so that 1 working day is left, notices ~3 weeks ago.
    const workingDaysAgo =
      kind === 'OVERDUE' ? promisedDays + random.int(2, 8)
      : kind === 'NEAR' ? promisedDays - 1
      : status === 'PUBLIC_NOTICE' ? Math.min(promisedDays - 3, 10)
      : ['APPROVED', 'REJECTED', 'WITHDRAWN'].includes(status) ? promisedDays + random.int(5, 60)
      : random.int(0, Math.max(0, promisedDays - 5)); // prettier-ignore
    let submittedOn = allowance ? addDays(allowance.issuedOn, -28) : today;
    if (!allowance)
      for (let n = 0; n < workingDaysAgo;) if (calendar.isWorkingDay((submittedOn = addDays(submittedOn, -1)))) n += 1;
    const deadline = calendar.addWorkingDays(submittedOn, promisedDays);
    const reference = `${info.abbreviation}-${submittedOn.replace(/-/g, '')}-${random.string('0123456789ABCDEF', 6)}`;
    // hour:30 China time that day; a time later today than now (seeding between midnight and
    // 09:30 in China) has already happened in the seeded history: minutes before now, in order.
    const at = (day: string, hour: number) => {
      const planned = new Date(`${day}T${String(hour).padStart(2, '0')}:30:00+08:00`);
      return planned.getTime() <= seededAt ? planned : new Date(seededAt - (24 - hour) * 60_000);
    };
    const path = PATHS[status];
    const decidedOn = allowance ? allowance.issuedOn : status === 'APPROVED' || status === 'REJECTED' ? (random.chance(0.9) ? deadline : calendar.addWorkingDays(deadline, 2)) : null; // prettier-ignore
    const stepDay = (n: number) =>
      n === 0
        ? submittedOn
        : decidedOn && n === path.length - 1
          ? decidedOn
          : calendar.addWorkingDays(submittedOn, Math.min(n * 2, promisedDays));
    const steps: SeedStep[] = path.map((to, n) => ({
      at: at(stepDay(n), 9 + n),
      from: n === 0 ? null : path[n - 1],
      to,
      by: n === 0 || to === 'WITHDRAWN' ? applicant.id : OFFICER,
      note: to === 'UNDER_REVIEW' ? '已入户调查，家庭经济状况核对中' : null,
    }));
    const inNotice = path.includes('PUBLIC_NOTICE');
    const noticeStartsOn =
      status === 'PUBLIC_NOTICE' ? addDays(today, -random.int(0, 5)) : inNotice ? stepDay(3) : null;
    const amount = allowance?.monthlyAmount ?? `${random.int(3, 14) * 100}.00`;
    return {
      id: random.uuid(),
      reference,
      programme,
      applicantId: applicant.id,
      memberIds: living.map((m) => m.id),
      districtCode: household.districtCode,
      income: `${random.int(0, 12) * 100}.00`,
      maskedName: maskName(applicant.name),
      status,
      submittedAt: at(submittedOn, 9),
      promisedDays,
      deadline,
      proposedAmount: inNotice ? amount : null,
      noticeStartsOn,
      noticeEndsOn: noticeStartsOn ? addDays(noticeStartsOn, info.noticeDays - 1) : null,
      noticeId: inNotice ? random.uuid() : null,
      approvedAmount: status === 'APPROVED' ? amount : null,
      periodStart: status === 'APPROVED' ? decidedOn : null,
      periodEnd: status === 'APPROVED' ? addDays(addDays(decidedOn!, 365), -1) : null,
      decisionReason: status === 'REJECTED' || status === 'RETURNED_FOR_MATERIALS' ? REASONS[status] : null,
      decidedAt: decidedOn ? at(decidedOn, 16) : null,
      decidedOnTime: decidedOn ? decidedOn <= deadline : null,
      certificateNumber: allowance?.number ?? null,
      steps,
    };
  });
}
