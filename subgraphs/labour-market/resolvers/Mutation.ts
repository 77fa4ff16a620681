import type { EntityManager } from '@mikro-orm/postgresql';
import type { CloseJobInput, MutationResolvers, PostJobInput } from '../generated/graphql';
import type { LabourMarketContext } from '../context';
import { addDays, OCCUPATION_BY_CODE, todayInChina } from '../catalogue';
import { JobRepository } from '../entities/job.repository';
import { JobPostingSchema, type JobPosting } from '../entities/job-posting.entity';
import { EmployerCheck } from '../graph-queries';
import { createOnce } from '../../shared/create-once';
import { textColumn } from '../../shared/columns';
import { badUserInput } from '../../shared/errors';
import { checkedData } from '../../shared/graph';
import { rawQuery } from '../../shared/sql';
import * as check from '../../shared/validation';
import { apply, registerEmployment, saveProfile, setStatus, withdraw } from '../seekers';

/** The longest a posting may stay in the feed. */
export const MAX_POSTING_DAYS = 180;
export const MAX_SALARY = 1_000_000;

export const Mutation: MutationResolvers = {
  postJob: async (_parent, { input }, ctx) => {
    const clean = validatePosting(input);
    const repeat = async (em: EntityManager) => {
      const [existing] = await new JobRepository(em).findByReference(clean.employerCreditCode, clean.reference);
      return existing ? samePosting(existing, clean) : null;
    };
    const earlier = await repeat(ctx.em);
    if (earlier) return earlier;
    const employer = await checkEmployer(ctx, clean.employerCreditCode);
    return createOnce(ctx.em, {
      find: repeat,
      create: async (em) => {
        const identity = ctx.caller.identity!;
        const posting = em.create(JobPostingSchema, {
          ...clean,
          employerName: employer.name,
          employerIndustry: employer.industryCode ?? '',
          postedOn: todayInChina(),
          status: 'OPEN',
          closedOn: null,
          postedBySub: identity.sub,
          postedByRole: identity.role,
        });
        await em.flush();
        return posting;
      },
    });
  },

  closeJob: async (_parent, { input }, ctx) => closeJob(ctx, input),

  saveJobSeekerProfile: (_parent, { input }, ctx) => saveProfile(ctx, input),

  applyForJob: (_parent, { jobId }, ctx) => apply(ctx, jobId),

  withdrawApplication: (_parent, { id }, ctx) => withdraw(ctx, id),

  setApplicationStatus: (_parent, { input }, ctx) => setStatus(ctx, input.id, input.status),

  registerEmployment: (_parent, { input }, ctx) => registerEmployment(ctx, input),
};

type CleanPosting = ReturnType<typeof validatePosting>;

const LANDLINE = /^0\d{2,3}-\d{7,8}$/;

function whole(argument: string, value: number, min: number, max: number, unit = ''): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw badUserInput(argument, 'range', `${argument} must be from ${min} to ${max}${unit} (got ${value})`);
  }
  return value;
}

function validatePosting(input: PostJobInput) {
  const column = (name: string) => textColumn(JobPostingSchema, name);
  const occupation = input.occupation.trim();
  if (!OCCUPATION_BY_CODE.has(occupation)) {
    throw badUserInput(
      'input.occupation',
      'occupation',
      `input.occupation ${JSON.stringify(input.occupation)} is not an occupation code; the list is Query.occupations (e.g. ACCOUNTANT)`,
    );
  }
  const salaryMin = whole('input.salaryMin', input.salaryMin, 1, MAX_SALARY, ' yuan a month');
  const salaryMax = whole('input.salaryMax', input.salaryMax, 1, MAX_SALARY, ' yuan a month');
  if (salaryMax < salaryMin) {
    throw badUserInput(
      'input.salaryMax',
      'range',
      `input.salaryMax ${salaryMax} must not be below input.salaryMin ${salaryMin}`,
    );
  }
  const phone = input.contactPhone.trim();
  if (!LANDLINE.test(phone)) check.mobilePhone('input.contactPhone', phone);
  const today = todayInChina();
  return {
    employerCreditCode: check.creditCode('input.employerCreditCode', input.employerCreditCode.trim().toUpperCase())
      .creditCode,
    reference: check.text('input.reference', input.reference, column('reference')),
    title: check.text('input.title', input.title, column('title')),
    description: check.text('input.description', input.description, column('description')),
    occupationCode: occupation,
    districtCode: check.chengduDistrict('input.districtCode', input.districtCode),
    workAddress: check.text('input.workAddress', input.workAddress, column('workAddress')),
    salaryMin,
    salaryMax,
    education: input.education,
    experienceYears: whole('input.experienceYears', input.experienceYears, 0, 40, ' years'),
    headcount: whole('input.headcount', input.headcount, 1, 10_000),
    contactName: check.text('input.contactName', input.contactName, column('contactName')),
    contactPhone: phone,
    expiresOn: check.date('input.expiresOn', input.expiresOn, {
      notBefore: today,
      notAfter: addDays(today, MAX_POSTING_DAYS),
    }),
  };
}

/** The posting already made under this reference, when it is the same; BAD_USER_INPUT when it differs. */
function samePosting(existing: JobPosting, clean: CleanPosting): JobPosting {
  const differs = (Object.keys(clean) as (keyof CleanPosting)[]).filter(
    (key) => String(existing[key]) !== String(clean[key]),
  );
  if (differs.length > 0) {
    throw badUserInput(
      'input.reference',
      'unique',
      `input.reference ${clean.reference} is already used by another posting of ${clean.employerCreditCode} ` +
        `(it differs in ${differs.join(', ')}); give a new posting its own reference`,
    );
  }
  return existing;
}

/**
 * The employer must be an active organization in the legal-person registry, asked there through
 * the gateway on the caller's behalf (public data). Its name and industry are kept as search-only
 * copies. Fails closed: if the answer cannot be had, nothing is written.
 */
async function checkEmployer(ctx: LabourMarketContext, creditCode: string) {
  const { organization } = checkedData(await ctx.graph.query(EmployerCheck, { creditCode }), {
    argument: 'input.employerCreditCode',
    registry: 'legal-person',
    needs: 'nothing (public data)',
  });
  if (!organization) {
    throw badUserInput(
      'input.employerCreditCode',
      'exists',
      `input.employerCreditCode ${creditCode} is not an organization in the legal-person registry`,
    );
  }
  if (organization.status !== 'ACTIVE') {
    throw badUserInput(
      'input.employerCreditCode',
      'active',
      `input.employerCreditCode ${creditCode} is ${organization.status}; only an active organization may post jobs`,
    );
  }
  return organization;
}

async function closeJob(ctx: LabourMarketContext, input: CloseJobInput): Promise<JobPosting | null> {
  const id = check.uuid('input.id', input.id).toLowerCase();
  if (input.status === 'OPEN') {
    throw badUserInput(
      'input.status',
      'closing',
      'input.status must be CLOSED or FILLED; to reopen, post the job again',
    );
  }
  // Only an open posting changes: a concurrent or repeated close finds it closed and answers as it is.
  await rawQuery(
    ctx.em,
    `update job_posting set status = ?, closed_on = ?::date, updated_at = now() where id = ? and status = 'OPEN'`,
    [input.status, todayInChina(), id],
  );
  const [job] = await new JobRepository(ctx.em.fork()).findByIds([id]);
  if (!job) throw badUserInput('input.id', 'exists', `input.id ${id} is not a job posting`);
  if (job.status !== input.status) {
    throw badUserInput(
      'input.status',
      'closed',
      `the posting is already ${job.status}; it cannot become ${input.status}`,
    );
  }
  return job;
}
