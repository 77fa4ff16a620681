import { randomBytes, randomUUID } from 'node:crypto';
import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { addDays, todayInChina } from '../shared/calendar';
import { decimalColumn } from '../shared/columns';
import { CHENGDU_DISTRICTS, isChengduDistrict } from '../shared/domain/divisions';
import { badUserInput, forbidden } from '../shared/errors';
import { DelegatedCallError } from '../shared/graph';
import { enqueue } from '../shared/outbox/outbox';
import { recordFieldWrites } from '../shared/provenance';
import { rawQuery } from '../shared/sql';
import * as check from '../shared/validation';
import type { AssistanceContext } from './context';
import { ApplicationSchema, type Application } from './entities/application.entity';
import { ApplicationRepository } from './entities/application.repository';
import { gatherEligibility, type GatheredFact } from './eligibility';
import { isCardId, resumedDeadline } from './supervision';
import type { SupervisionCard } from './entities/supervision-card.entity';
import { ApplicationCheck, type HoldingAnswer } from './graph-queries';
import {
  FINAL_STATUSES,
  ISSUE_MINIMUM_ALLOWANCE,
  RECORD_MATERIAL_USE,
  TRANSITIONS,
  type ApplicationStatus,
  type ProgrammeCode,
} from './programmes';

/**
 * Applications and their steps: what applyForAssistance and transitionApplication do. Every
 * write and its case-record step, access record and outbox instruction commit in one transaction.
 */

const MAX_CITED = 20;
const AMOUNT = decimalColumn(ApplicationSchema, 'declaredMonthlyIncome');

/**
 * The fields of an Application (as GraphQL names them) that only its filing writes: what the
 * applicant (or the officer at the counter) declared and what the filing fixed. Steps write the rest.
 */
export const FILED_FIELDS: readonly string[] = [
  'reference',
  'programme',
  'applicant',
  'districtCode',
  'householdSize',
  'declaredMonthlyIncome',
  'citedCertificateIds',
  'citedMaterialIds',
  'submittedAt',
  'filedBy',
  'promisedTimeLimitDays',
];

/** 张三 -> 张*, 欧阳小明 -> 欧***: the first character, the rest masked. */
export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  return chars.length === 0 ? '*' : `${chars[0]}${'*'.repeat(Math.max(1, chars.length - 1))}`;
}

/** The ids as given (each checked to be a UUID, lower-cased), so a problem can name its position. */
function idList(argument: string, ids: readonly string[] | null | undefined): string[] {
  const list = ids ?? [];
  if (list.length > MAX_CITED) throw badUserInput(argument, 'max', `${argument} may cite at most ${MAX_CITED} items`);
  return list.map((id, i) => check.uuid(`${argument}[${i}]`, id).toLowerCase());
}

const HOLDING_PROBLEMS: Partial<Record<HoldingAnswer['status'], { rule: string; says: string }>> = {
  NOT_FOUND: { rule: 'exists', says: 'is not on file in the certificate registry' },
  NOT_IN_HOUSEHOLD: { rule: 'owner', says: "is not the applicant's or a member of their household's" },
  UNKNOWN: {
    rule: 'owner',
    says: "is not the applicant's, and their household could not be read to tell whether it is a member's",
  },
};

/**
 * Every cited certificate and material must be on file for the applicant or a member of their
 * household (the certificate registry's answer, in the order cited). The first problem is the
 * error's argument and rule; the message lists all of them at once.
 */
function checkHoldings(
  certificateIds: string[],
  materialIds: string[],
  holdings: HoldingAnswer[] | null | undefined,
): void {
  const answers = holdings ?? [];
  const cited = [
    ...certificateIds.map((id, i) => ({ argument: `input.certificateIds[${i}]`, kind: 'CERTIFICATE', id })),
    ...materialIds.map((id, i) => ({ argument: `input.materialIds[${i}]`, kind: 'MATERIAL', id })),
  ];
  const problems = cited.flatMap((c) => {
    const answer = answers.find((h) => h.kind === c.kind && h.id.toLowerCase() === c.id);
    if (!answer) throw new DelegatedCallError(`the certificate registry gave no holding for ${c.argument} ${c.id}`);
    const problem = HOLDING_PROBLEMS[answer.status];
    return problem ? [{ ...c, ...problem }] : [];
  });
  if (problems.length === 0) return;
  throw badUserInput(
    problems[0].argument,
    problems[0].rule,
    `${problems.map((p) => `${p.argument} ${p.id} ${p.says} (rule ${p.rule})`).join('; ')}. Cite papers already on file for the applicant's household. Nothing was written.`,
  );
}

function subgraphUnavailable(errors: readonly GraphQLFormattedError[]): GraphQLFormattedError | undefined {
  return errors.find((e) => e.extensions?.code === 'SUBGRAPH_UNAVAILABLE');
}

function pathText(error: GraphQLFormattedError): string {
  return (error.path ?? []).join('.');
}

export interface ApplyInput {
  programme: ProgrammeCode;
  applicantId: string;
  declaredMonthlyIncome: string;
  certificateIds?: string[] | null;
  materialIds?: string[] | null;
}

/** Validates, checks the applicant and their readiness through the graph, then records the application once. */
export async function apply(ctx: AssistanceContext, input: ApplyInput): Promise<Application> {
  const applicantId = check.uuid('input.applicantId', input.applicantId).toLowerCase();
  const income = check.amount('input.declaredMonthlyIncome', input.declaredMonthlyIncome, AMOUNT);
  const certificateIds = idList('input.certificateIds', input.certificateIds);
  const materialIds = idList('input.materialIds', input.materialIds);
  const programme = await ctx.loaders.programme.load(input.programme);
  if (!programme)
    throw badUserInput('input.programme', 'exists', `input.programme ${input.programme} is not a programme`);

  const answer = await ctx.graph.query(ApplicationCheck, {
    id: applicantId,
    service: programme.serviceCode,
    certificateIds,
    materialIds,
  });
  const unavailable = subgraphUnavailable(answer.errors);
  if (unavailable) {
    const registry = typeof unavailable.extensions?.registry === 'string' ? unavailable.extensions.registry : 'another';
    throw new GraphQLError(
      `The application could not be checked: the ${registry} registry did not answer. Nothing was written; try again later.`,
      { extensions: { code: 'SUBGRAPH_UNAVAILABLE', registry } },
    );
  }
  const refused = answer.errors.filter(
    (e) => e.extensions?.code === 'FORBIDDEN' || e.extensions?.code === 'UNAUTHENTICATED',
  );
  if (refused.length > 0) {
    throw forbidden(
      `The application is checked through the graph on your behalf (the applicant in natural-person, the service's ` +
        `required materials in the certificate registry); an officer at a counter needs scopes person:read:sensitive and ` +
        `certificate:read:sensitive with X-Purpose. Refused: ${refused.map((e) => `${pathText(e)}: ${e.message}`).join('; ')}. Nothing was written.`,
    );
  }
  if (answer.errors.length > 0 || !answer.data?.service) {
    throw new DelegatedCallError(
      `application check failed: ${answer.errors.map((e) => `${e.extensions?.code ?? 'error'} ${pathText(e)}: ${e.message}`).join('; ') || 'no service'}`,
    );
  }
  const person = answer.data.person;
  if (!person) {
    throw badUserInput(
      'input.applicantId',
      'exists',
      `input.applicantId ${applicantId} is not a person in the natural-person registry`,
    );
  }
  if (person.deathDate) {
    throw badUserInput(
      'input.applicantId',
      'living',
      `input.applicantId ${applicantId} is recorded as deceased (${person.deathDate})`,
    );
  }
  checkHoldings(certificateIds, materialIds, person.holdings);
  const lacking = (person.readiness?.items ?? []).filter((i) => i.status === 'MISSING' || i.status === 'EXPIRED');
  if (lacking.length > 0) {
    const list = lacking
      .map(
        (i, n) =>
          `${n + 1}. ${i.requirement.description}${i.person ? ` (${i.relationship ?? 'member'} ${i.person.id})` : ''}: ${i.status}, ${i.note}`,
      )
      .join('; ');
    throw badUserInput(
      'input.applicantId',
      'materials',
      `${lacking.length} required item(s) for ${programme.name} are missing or expired, all listed here at once (一次性告知): ${list}. Nothing was written; submit them and apply again.`,
    );
  }
  const districtCode = person.districtCode && isChengduDistrict(person.districtCode) ? person.districtCode : null;
  if (!districtCode) {
    throw badUserInput(
      'input.applicantId',
      'district',
      `the applicant's registered district is not one of Chengdu's; apply where the household is registered`,
    );
  }
  const members = [
    ...new Set([
      applicantId,
      ...(person.household?.members ?? []).flatMap((m) => (m.person ? [m.person.id.toLowerCase()] : [])),
    ]),
  ];
  const identity = ctx.caller.identity!;
  const today = todayInChina();
  const promisedDays = answer.data.service.promisedTimeLimitDays;

  const application = await ctx.em.transactional(async (em) => {
    const trx = em.getTransactionContext<Knex.Transaction>()!;
    // One open application per applicant and programme: a repeated or concurrent submission answers the first.
    await rawQuery(em, 'select pg_advisory_xact_lock(hashtext(?))', [`apply:${programme.code}:${applicantId}`]);
    const [open] = await rawQuery<{ id: string }>(
      em,
      `select id from application where programme_code = ? and applicant_id = ? and status not in ('APPROVED', 'REJECTED', 'WITHDRAWN')`,
      [programme.code, applicantId],
    );
    if (open) {
      ctx.access.unchanged({ subjectId: applicantId, fields: ['Application.status'] });
      return (await new ApplicationRepository(em).findByIds([open.id]))[0];
    }
    const created = em.create(ApplicationSchema, {
      reference: `${programme.abbreviation}-${today.replace(/-/g, '')}-${randomBytes(3).toString('hex').toUpperCase()}`,
      programme: programme.code,
      applicantId,
      memberIds: members,
      districtCode,
      householdSize: members.length,
      declaredMonthlyIncome: income,
      citedCertificateIds: [...new Set(certificateIds)],
      citedMaterialIds: [...new Set(materialIds)],
      maskedName: maskName(person.name ?? ''),
      status: 'SUBMITTED',
      version: 1,
      submittedAt: new Date(),
      filedBySub: identity.sub,
      filedByRole: identity.role,
      filedByDept: identity.dept,
      promisedDays,
      deadline: ctx.calendar.addWorkingDays(today, promisedDays),
    } as never);
    await em.flush();
    // The materials' pages show which applications used them: recorded in the certificate registry
    // by the outbox once this commits (the same transaction, so no use is lost or recorded twice).
    for (const materialId of new Set(materialIds)) {
      await enqueue(trx, {
        kind: RECORD_MATERIAL_USE,
        idempotencyKey: materialUseKey(created.id, materialId),
        payload: {
          applicationId: created.id,
          reference: created.reference,
          materialId,
          service: programme.serviceCode,
        },
      });
    }
    await recordStep(trx, ctx, created.id, null, 'SUBMITTED', null);
    await recordFieldWrites(trx, ctx.caller, [
      { type: 'Application', id: created.id, fields: [...FILED_FIELDS, 'status', 'deadline'] },
    ]);
    await ctx.access.writeWithin(trx, [{ subjectId: applicantId, fields: ['Application.status'] }]);
    return created;
  });
  if (materialIds.length > 0) ctx.nudgeOutbox();
  return application;
}

async function recordStep(
  trx: Knex.Transaction,
  ctx: AssistanceContext,
  applicationId: string,
  from: ApplicationStatus | null,
  to: ApplicationStatus,
  note: string | null,
): Promise<void> {
  const identity = ctx.caller.identity!;
  await trx.raw(
    `insert into case_step (application_id, at, from_status, to_status, actor_sub, actor_role, actor_dept, purpose, note)
     values (?, now(), ?, ?, ?, ?, ?, ?, ?)`,
    [applicationId, from, to, identity.sub, identity.role, identity.dept, ctx.caller.purpose, note],
  );
}

export interface TransitionInput {
  applicationId: string;
  version: number;
  to: ApplicationStatus;
  note?: string | null;
  reason?: string | null;
  proposedAmount?: string | null;
  approvedAmount?: string | null;
  periodStart?: string | null;
  periodEnd?: string | null;
}

function impossible(application: Application, to: ApplicationStatus, why?: string) {
  const allowed = TRANSITIONS[application.status as ApplicationStatus];
  return badUserInput(
    'input.to',
    'transition',
    `${application.reference} is ${application.status}; it cannot go to ${to}` +
      (why
        ? ` (${why})`
        : allowed.length > 0
          ? ` (from ${application.status} it can go to ${allowed.join(', ')})`
          : ' (it is closed)') +
      '. Nothing was changed.',
  );
}

/** One step of a case, by an officer (or the applicant withdrawing or resubmitting their own). */
export async function transition(ctx: AssistanceContext, input: TransitionInput): Promise<Application> {
  const id = check.uuid('input.applicationId', input.applicationId).toLowerCase();
  const note = input.note == null ? null : check.text('input.note', input.note, { max: 500 });
  const reason = input.reason == null ? null : check.text('input.reason', input.reason, { max: 500 });
  const identity = ctx.caller.identity!;
  const asApplicant = identity.role === 'citizen';

  const current = await ctx.loaders.application.load(id);
  if (!current) throw badUserInput('input.applicationId', 'exists', `input.applicationId ${id} is not an application`);
  if (asApplicant && !['WITHDRAWN', 'SUBMITTED'].includes(input.to)) {
    throw forbidden(
      `An applicant may withdraw their application or resubmit one returned for materials; ${input.to} is a step for civil-affairs officers`,
    );
  }
  // Eligibility is read before the transaction (calls through the graph), under this officer.
  let facts: GatheredFact[] = [];
  if (input.to === 'UNDER_REVIEW' && current.status === 'ACCEPTED' && current.version === input.version) {
    facts = await gatherEligibility(ctx, current);
  }

  const today = todayInChina();
  const updated = await ctx.em.transactional(async (em) => {
    const trx = em.getTransactionContext<Knex.Transaction>()!;
    const repository = new ApplicationRepository(em);
    const application = (await repository.lock(id))!;
    if (application.version !== input.version) {
      throw badUserInput(
        'input.version',
        'version',
        `${application.reference} changed since you read it (version ${input.version}; now version ${application.version}, ${application.status}). Nothing was changed; reload it and decide again.`,
      );
    }
    const from = application.status as ApplicationStatus;
    if (!TRANSITIONS[from].includes(input.to)) throw impossible(application, input.to);
    /** The fields this step writes (provenance), as GraphQL names them. */
    const written = ['status'];
    switch (input.to) {
      case 'RETURNED_FOR_MATERIALS':
      case 'REJECTED':
        if (!reason)
          throw badUserInput(
            'input.reason',
            'required',
            `input.reason is required for ${input.to}: it is told to the applicant`,
          );
        application.decisionReason = reason;
        written.push('decisionReason');
        // Waiting for the applicant does not count against the office: the clock stops today.
        if (input.to === 'RETURNED_FOR_MATERIALS') {
          application.clockPausedOn = today;
          written.push('clockPausedOn');
        }
        break;
      case 'SUBMITTED':
        // Resubmitted: the clock runs again, the deadline moved on by the working days it waited.
        if (application.clockPausedOn) {
          application.deadline = resumedDeadline(ctx.calendar, application.deadline, application.clockPausedOn, today);
          application.clockPausedOn = null;
          written.push('deadline', 'clockPausedOn');
        }
        break;
      case 'PUBLIC_NOTICE': {
        if (input.proposedAmount == null)
          throw badUserInput(
            'input.proposedAmount',
            'required',
            'input.proposedAmount is required to publish a notice',
          );
        application.proposedAmount = check.amount('input.proposedAmount', input.proposedAmount, AMOUNT, {
          positive: true,
        });
        const programme = (await ctx.loaders.programme.load(application.programme as string))!;
        application.noticeStartsOn = today;
        application.noticeEndsOn = addDays(today, programme.noticeDays - 1);
        application.noticeId = randomUUID();
        written.push('proposedAmount', 'noticeStartsOn', 'noticeEndsOn');
        break;
      }
      case 'APPROVED': {
        if (application.noticeEndsOn && today <= application.noticeEndsOn) {
          throw impossible(
            application,
            'APPROVED',
            `its public notice runs until ${application.noticeEndsOn}; decide after it ends`,
          );
        }
        application.approvedAmount =
          input.approvedAmount == null
            ? application.proposedAmount
            : check.amount('input.approvedAmount', input.approvedAmount, AMOUNT, { positive: true });
        // A period starts within a year of the decision and lasts at most five years.
        const start =
          input.periodStart == null
            ? today
            : check.date('input.periodStart', input.periodStart, {
                notBefore: addDays(today, -366),
                notAfter: addDays(today, 366),
              });
        const end =
          input.periodEnd == null
            ? oneYearFrom(start)
            : check.date('input.periodEnd', input.periodEnd, { notBefore: start, notAfter: addDays(start, 5 * 366) });
        application.periodStart = start;
        application.periodEnd = end;
        written.push('approvedAmount', 'periodStart', 'periodEnd');
        break;
      }
      default:
        break;
    }
    if (FINAL_STATUSES.includes(input.to) && input.to !== 'WITHDRAWN') {
      application.decidedAt = new Date();
      application.decidedOnTime = today <= application.deadline;
      written.push('decidedAt');
    }
    application.status = input.to;
    application.version += 1;
    if (input.to === 'APPROVED' && (await instructIssue(em, application, today))) written.push('issuedCertificate');
    await em.flush();
    for (const fact of facts) {
      await trx.raw(
        `insert into eligibility_fact (application_id, kind, source, as_of, status, items, note, gathered_by_sub, purpose)
         values (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)
         on conflict (application_id, kind) do update set source = excluded.source, as_of = excluded.as_of, status = excluded.status,
           items = excluded.items, note = excluded.note, gathered_by_sub = excluded.gathered_by_sub, purpose = excluded.purpose`,
        [
          id,
          fact.kind,
          fact.source,
          fact.asOf,
          fact.status,
          fact.items ? JSON.stringify(fact.items) : null,
          fact.note,
          identity.sub,
          ctx.caller.purpose,
        ],
      );
    }
    await recordStep(trx, ctx, id, from, input.to, note);
    await recordFieldWrites(trx, ctx.caller, [{ type: 'Application', id, fields: written }]);
    await ctx.access.writeWithin(trx, [{ subjectId: application.applicantId, fields: ['Application.status'] }]);
    return application;
  });
  if (input.to === 'APPROVED') ctx.nudgeOutbox();
  ctx.loaders.application.clear(id);
  ctx.loaders.steps.clear(id);
  ctx.loaders.facts.clear(id);
  return updated;
}

/**
 * The approval's effect in the certificate registry, committed with it: the 低保证's number is
 * fixed now (the next in its district and year), so a repeated delivery names the same certificate.
 * Whether it instructs one (only the minimum living allowance issues a certificate).
 */
async function instructIssue(em: EntityManager, application: Application, today: string): Promise<boolean> {
  const programme = application.programme as string;
  if (programme !== 'MINIMUM_LIVING_ALLOWANCE') return false;
  const prefix = `DB${application.districtCode}-${today.slice(0, 4)}-`;
  await rawQuery(em, 'select pg_advisory_xact_lock(hashtext(?))', [`certificate-number:${prefix}`]);
  const [{ last }] = await rawQuery<{ last: string | null }>(
    em,
    'select max(certificate_number) as last from application where certificate_number like ?',
    [`${prefix}%`],
  );
  const next = last ? Number(last.slice(prefix.length)) + 1 : 1;
  application.certificateNumber = `${prefix}${String(next).padStart(6, '0')}`;
  const district: string = CHENGDU_DISTRICTS[application.districtCode as keyof typeof CHENGDU_DISTRICTS];
  await enqueue(em.getTransactionContext<Knex.Transaction>()!, {
    kind: ISSUE_MINIMUM_ALLOWANCE,
    idempotencyKey: issueKey(application.id),
    payload: {
      applicationId: application.id,
      reference: application.reference,
      holderPersonId: application.applicantId,
      number: application.certificateNumber,
      issuedOn: today,
      issuingAuthority: `成都市${district}民政局`,
      monthlyAmount: application.approvedAmount,
      coveredMembers: application.householdSize,
    },
  });
  return true;
}

/** The last day of a one-year period starting on `start` (2026-03-01 -> 2027-02-28). */
function oneYearFrom(start: string): string {
  const [y, m, d] = start.split('-').map(Number);
  return addDays(new Date(Date.UTC(y + 1, m - 1, d)).toISOString().slice(0, 10), -1);
}

/** The idempotency key of the certificate an approval issues. */
export function issueKey(applicationId: string): string {
  return `assistance:${applicationId}:minimum-allowance-certificate`;
}

/**
 * An officer of the card's department acknowledges it, saying what is being done: recorded on the
 * card and in the access log (against the applicant) in one transaction. Of two officers at once,
 * the first wins and the second is told it was acknowledged.
 */
export async function acknowledgeCard(
  ctx: AssistanceContext,
  input: { cardId: string; note: string },
): Promise<SupervisionCard> {
  const cardId = input.cardId.trim();
  if (!isCardId(cardId))
    throw badUserInput('input.cardId', 'exists', `input.cardId ${JSON.stringify(cardId)} is not a supervision card`);
  const note = check.text('input.note', input.note, { max: 500 });
  const identity = ctx.caller.identity!;
  const card = await ctx.em.transactional(async (em) => {
    const repository = new ApplicationRepository(em);
    const [locked] = await repository.lockCard(cardId);
    if (!locked) throw badUserInput('input.cardId', 'exists', `input.cardId ${cardId} is not a supervision card`);
    if (locked.department !== identity.dept) {
      throw forbidden(`supervision card ${cardId} is raised to ${locked.department}; only its officers acknowledge it`);
    }
    if (locked.acknowledgedAt) {
      throw badUserInput(
        'input.cardId',
        'acknowledged',
        `supervision card ${cardId} was already acknowledged by ${locked.acknowledgedBySub} at ${new Date(locked.acknowledgedAt).toISOString()}. Nothing was changed.`,
      );
    }
    const [application] = await repository.findByIds([locked.application as string]);
    locked.acknowledgedAt = new Date();
    locked.acknowledgedBySub = identity.sub;
    locked.acknowledgedByRole = identity.role;
    locked.acknowledgedByDept = identity.dept;
    locked.acknowledgedPurpose = ctx.caller.purpose;
    locked.acknowledgementNote = note;
    await em.flush();
    await ctx.access.writeWithin(em, [
      { subjectId: application.applicantId, fields: ['SupervisionCard.acknowledgedAt'] },
    ]);
    return locked;
  });
  ctx.loaders.card.clear(cardId);
  ctx.loaders.cards.clear(card.application as string);
  return card;
}

/** The idempotency key of recording that an application used a material. */
export function materialUseKey(applicationId: string, materialId: string): string {
  return `assistance:${applicationId}:material-use:${materialId}`;
}
