import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import type { JobSeekerProfileInput, RegisterEmploymentInput } from './generated/graphql';
import type { LabourMarketContext } from './context';
import { CHENGDU_DISTRICTS, type ChengduDistrictCode } from '../shared/domain/divisions';
import { createOnce } from '../shared/create-once';
import { textColumn } from '../shared/columns';
import { badUserInput } from '../shared/errors';
import { checkedData } from '../shared/graph';
import { recordFieldWrites } from '../shared/provenance';
import { rawQuery } from '../shared/sql';
import * as check from '../shared/validation';
import { OCCUPATION_BY_CODE, todayInChina } from './catalogue';
import { JobSeekerProfileSchema, type JobSeekerProfile } from './entities/job-seeker-profile.entity';
import { JobApplicationSchema, type JobApplication } from './entities/job-application.entity';
import type { EmploymentRecord } from './entities/employment-record.entity';
import { SeekerRepository } from './entities/seeker.repository';
import { EmployerCheck, PersonCheck } from './graph-queries';

/** Job-seekers' writes: profiles, applications, and hrss officers' employment registration. */

const PROFILE_FIELDS = ['JobSeekerProfile'];

/** The profile's fields as GraphQL names them, each compared to say which a save changed (provenance). */
const PROFILE_VALUES = [
  'displayName',
  'contactPhone',
  'desiredOccupations',
  'desiredDistricts',
  'desiredSalary',
  'education',
  'experienceYears',
  'skills',
  'availability',
  'visibleToEmployers',
] as const;

function changedProfileFields(before: JobSeekerProfile | undefined, after: JobSeekerProfile): string[] {
  if (!before) return ['*'];
  return PROFILE_VALUES.filter((name) => JSON.stringify(before[name]) !== JSON.stringify(after[name]));
}

function citizenId(ctx: LabourMarketContext): string {
  return ctx.caller.identity!.sub;
}

function transaction(em: EntityManager): Knex.Transaction {
  return em.getTransactionContext<Knex.Transaction>()!;
}

export async function saveProfile(ctx: LabourMarketContext, input: JobSeekerProfileInput): Promise<JobSeekerProfile> {
  const column = (name: string) => textColumn(JobSeekerProfileSchema, name);
  if (input.desiredOccupations.length > 5) {
    throw badUserInput('input.desiredOccupations', 'length', 'input.desiredOccupations lists at most 5 occupations');
  }
  input.desiredOccupations.forEach((code, i) => {
    if (!OCCUPATION_BY_CODE.has(code)) {
      throw badUserInput(
        `input.desiredOccupations[${i}]`,
        'occupation',
        `input.desiredOccupations[${i}] ${JSON.stringify(code)} is not an occupation code; the list is Query.occupations`,
      );
    }
  });
  if (input.desiredDistricts.length > 20) {
    throw badUserInput('input.desiredDistricts', 'length', 'input.desiredDistricts lists at most 20 districts');
  }
  input.desiredDistricts.forEach((code, i) => check.chengduDistrict(`input.desiredDistricts[${i}]`, code));
  if (input.desiredSalary != null && (input.desiredSalary < 1 || input.desiredSalary > 1_000_000)) {
    throw badUserInput('input.desiredSalary', 'range', 'input.desiredSalary must be from 1 to 1000000 yuan a month');
  }
  if (!Number.isInteger(input.experienceYears) || input.experienceYears < 0 || input.experienceYears > 60) {
    throw badUserInput('input.experienceYears', 'range', 'input.experienceYears must be from 0 to 60');
  }
  const clean = {
    displayName: check.text('input.displayName', input.displayName, column('displayName')),
    contactPhone:
      input.contactPhone == null ? null : check.mobilePhone('input.contactPhone', input.contactPhone.trim()),
    desiredOccupations: [...new Set(input.desiredOccupations)],
    desiredDistricts: [...new Set(input.desiredDistricts)],
    desiredSalary: input.desiredSalary ?? null,
    education: input.education ?? null,
    experienceYears: input.experienceYears,
    skills: input.skills.trim() === '' ? '' : check.text('input.skills', input.skills, column('skills')),
    availability: check.text('input.availability', input.availability, column('availability')),
    visibleToEmployers: input.visibleToEmployers,
  };
  const personId = citizenId(ctx);
  // One statement creates or replaces it, so concurrent saves never make two profiles.
  return ctx.em.transactional(async (em) => {
    const [before] = await rawQuery<JobSeekerProfile>(
      em,
      `select display_name as "displayName", contact_phone as "contactPhone", desired_occupations as "desiredOccupations",
         desired_districts as "desiredDistricts", desired_salary as "desiredSalary", education,
         experience_years as "experienceYears", skills, availability, visible_to_employers as "visibleToEmployers"
       from job_seeker_profile where person_id = ? for update`,
      [personId],
    );
    await rawQuery(
      em,
      `insert into job_seeker_profile (id, created_at, updated_at, person_id, display_name, contact_phone,
         desired_occupations, desired_districts, desired_salary, education, experience_years, skills, availability,
         visible_to_employers)
       values (gen_random_uuid(), now(), now(), ?, ?, ?, ?::text[], ?::text[], ?, ?, ?, ?, ?, ?)
       on conflict (person_id) do update set updated_at = now(), display_name = excluded.display_name,
         contact_phone = excluded.contact_phone, desired_occupations = excluded.desired_occupations,
         desired_districts = excluded.desired_districts, desired_salary = excluded.desired_salary,
         education = excluded.education, experience_years = excluded.experience_years, skills = excluded.skills,
         availability = excluded.availability, visible_to_employers = excluded.visible_to_employers`,
      [
        personId,
        clean.displayName,
        clean.contactPhone,
        clean.desiredOccupations,
        clean.desiredDistricts,
        clean.desiredSalary,
        clean.education,
        clean.experienceYears,
        clean.skills,
        clean.availability,
        clean.visibleToEmployers,
      ],
    );
    await ctx.access.writeWithin(transaction(em), [{ subjectId: personId, fields: PROFILE_FIELDS }]);
    const [profile] = await new SeekerRepository(em).profilesOf([personId]);
    await recordFieldWrites(em, ctx.caller, [
      { type: 'JobSeekerProfile', id: personId, fields: changedProfileFields(before, profile) },
    ]);
    return profile;
  });
}

export async function apply(ctx: LabourMarketContext, jobId: string): Promise<JobApplication> {
  const id = check.uuid('jobId', jobId).toLowerCase();
  const applicantId = citizenId(ctx);
  const fields = ['JobApplication'];
  const find = async (em: EntityManager) => {
    const [existing] = await new SeekerRepository(em).applicationOf(id, applicantId);
    return existing ?? null;
  };
  const earlier = await find(ctx.em);
  if (earlier) {
    ctx.access.unchanged({ subjectId: applicantId, fields });
    return earlier;
  }
  const job = await ctx.loaders.job.load(id);
  if (!job) throw badUserInput('jobId', 'exists', `jobId ${id} is not a job posting`);
  if (job.status !== 'OPEN' || (job.expiresOn as string) < todayInChina()) {
    throw badUserInput(
      'jobId',
      'open',
      `the posting ${id} is not taking applications (${job.status === 'OPEN' ? `expired on ${job.expiresOn}` : job.status})`,
    );
  }
  let created = false;
  const application = await createOnce(ctx.em, {
    find,
    create: async (em) => {
      const now = new Date();
      const made = em.create(JobApplicationSchema, { job: id, applicantId, status: 'SUBMITTED', statusChangedAt: now });
      await em.flush();
      await ctx.access.writeWithin(transaction(em), [{ subjectId: applicantId, fields }]);
      await recordFieldWrites(em, ctx.caller, [{ type: 'JobApplication', id: made.id, fields: ['*'] }]);
      created = true;
      return made;
    },
  });
  if (!created) ctx.access.unchanged({ subjectId: applicantId, fields });
  return application;
}

export async function withdraw(ctx: LabourMarketContext, id: string): Promise<JobApplication> {
  const applicationId = check.uuid('id', id).toLowerCase();
  return changeStatus(ctx, applicationId, 'WITHDRAWN');
}

export async function setStatus(ctx: LabourMarketContext, id: string, status: string): Promise<JobApplication> {
  const applicationId = check.uuid('input.id', id).toLowerCase();
  if (!['VIEWED', 'INTERVIEW', 'OFFER', 'REJECTED'].includes(status)) {
    throw badUserInput('input.status', 'status', 'input.status must be VIEWED, INTERVIEW, OFFER or REJECTED');
  }
  return changeStatus(ctx, applicationId, status);
}

async function changeStatus(ctx: LabourMarketContext, id: string, status: string): Promise<JobApplication> {
  const argument = status === 'WITHDRAWN' ? 'id' : 'input.id';
  const current = await ctx.loaders.application.load(id);
  if (!current) throw badUserInput(argument, 'exists', `${argument} ${id} is not an application`);
  if (current.status === 'WITHDRAWN' && status !== 'WITHDRAWN') {
    throw badUserInput('input.status', 'withdrawn', 'the applicant has withdrawn this application; it stays withdrawn');
  }
  const fields = ['JobApplication.status'];
  return ctx.em.transactional(async (em) => {
    const changed = await new SeekerRepository(em).setStatus(id, status);
    if (changed) {
      await ctx.access.writeWithin(transaction(em), [{ subjectId: current.applicantId, fields }]);
      await recordFieldWrites(em, ctx.caller, [{ type: 'JobApplication', id, fields: ['status', 'statusChangedAt'] }]);
    } else ctx.access.unchanged({ subjectId: current.applicantId, fields });
    const [application] = await new SeekerRepository(em).applicationsByIds([id]);
    return application;
  });
}

/** The reasons a posting fits a profile, and a score from 0 to 100. */
export function jobFit(
  profile: JobSeekerProfile,
  job: { occupationCode: string; districtCode: string; salaryMax: number; title: string; description: string },
): { score: number; reasons: string[] } {
  const reasons: string[] = [];
  let score = 0;
  if ((profile.desiredOccupations as string[]).includes(job.occupationCode)) {
    score += 40;
    reasons.push('OCCUPATION');
  }
  if ((profile.desiredDistricts as string[]).includes(job.districtCode)) {
    score += 25;
    reasons.push('DISTRICT');
  }
  if (profile.desiredSalary != null && job.salaryMax >= profile.desiredSalary) {
    score += 20;
    reasons.push('SALARY');
  }
  const text = `${job.title} ${job.description}`.toLowerCase();
  const skills = [...new Set(profile.skills.toLowerCase().split(/[\s,，、;；/]+/))].filter((w) => [...w].length >= 2);
  for (const skill of skills) {
    if (reasons.filter((r) => r.startsWith('SKILL:')).length >= 3) break;
    if (text.includes(skill)) {
      score += 5;
      reasons.push(`SKILL:${skill}`);
    }
  }
  return { score, reasons };
}

export function districtName(code: string): string {
  return CHENGDU_DISTRICTS[code as ChengduDistrictCode];
}

export async function registerEmployment(
  ctx: LabourMarketContext,
  input: RegisterEmploymentInput,
): Promise<EmploymentRecord> {
  const personId = check.uuid('input.personId', input.personId).toLowerCase();
  const today = todayInChina();
  const from = check.date('input.from', input.from, { notBefore: '1949-10-01', notAfter: today });
  const to = input.to == null ? null : check.date('input.to', input.to, { notBefore: from });
  let organization: string | null = null;
  if (input.kind === 'EMPLOYED') {
    if (input.organizationCreditCode == null) {
      throw badUserInput(
        'input.organizationCreditCode',
        'required',
        'input.organizationCreditCode is required for EMPLOYED: the employer',
      );
    }
    organization = check.creditCode(
      'input.organizationCreditCode',
      input.organizationCreditCode.trim().toUpperCase(),
    ).creditCode;
  } else if (input.organizationCreditCode != null) {
    throw badUserInput(
      'input.organizationCreditCode',
      'absent',
      'input.organizationCreditCode must be absent for UNEMPLOYED',
    );
  }
  const { person } = checkedData(await ctx.graph.query(PersonCheck, { id: personId }), {
    argument: 'input.personId',
    registry: 'natural-person',
    needs: 'scope person:read',
  });
  if (!person) {
    throw badUserInput(
      'input.personId',
      'exists',
      `input.personId ${personId} is not a person in the natural-person registry`,
    );
  }
  if (organization) {
    const found = checkedData(await ctx.graph.query(EmployerCheck, { creditCode: organization }), {
      argument: 'input.organizationCreditCode',
      registry: 'legal-person',
      needs: 'nothing (public data)',
    });
    if (!found.organization) {
      throw badUserInput(
        'input.organizationCreditCode',
        'exists',
        `input.organizationCreditCode ${organization} is not an organization in the legal-person registry`,
      );
    }
  }
  const identity = ctx.caller.identity!;
  return ctx.em.transactional(async (em) => {
    // One statement: a repeat (also concurrent) finds the same registration and sets its end date.
    const [written] = await rawQuery<{ id: string; inserted: boolean }>(
      em,
      `insert into employment_record (id, created_at, updated_at, person_id, kind, organization_credit_code, from_date,
         to_date, recorded_by_sub, recorded_by_dept)
       values (gen_random_uuid(), now(), now(), ?, ?, ?, ?::date, ?::date, ?, ?)
       on conflict (person_id, kind, coalesce(organization_credit_code, ''), from_date)
       do update set to_date = excluded.to_date, updated_at = now()
       returning id, (xmax = 0) as inserted`,
      [personId, input.kind, organization, from, to, identity.sub, identity.dept],
    );
    await ctx.access.writeWithin(transaction(em), [{ subjectId: personId, fields: ['Person.employment'] }]);
    // A new registration is written whole; a repeat sets only its end date.
    await recordFieldWrites(em, ctx.caller, [
      { type: 'EmploymentRecord', id: written.id, fields: written.inserted ? ['*'] : ['to'] },
    ]);
    const records = await new SeekerRepository(em).employmentOf([personId]);
    return records.find(
      (r) => r.kind === input.kind && r.fromDate === from && (r.organizationCreditCode ?? null) === organization,
    )!;
  });
}
