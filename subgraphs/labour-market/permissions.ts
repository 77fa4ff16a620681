import type { GraphQLResolveInfo } from 'graphql';
import { FIELD_PROVENANCE_PERMISSIONS } from '../shared/provenance';
import { allow, and, rule } from 'graphql-shield';
import {
  byArgument,
  grants,
  hasScope,
  isAuthenticated,
  isCitizen,
  isOfficerOf,
  isPublic,
  personalData,
  personalDataRule,
  recordedAgainst,
  refusal,
  theCallerThemself,
} from '../shared/rules';
import { isUuid } from '../shared/validation';
import type { LabourMarketContext } from './context';
import type { EmploymentRecord } from './entities/employment-record.entity';
import type { JobApplication } from './entities/job-application.entity';
import type { JobSeekerProfile } from './entities/job-seeker-profile.entity';
import type { JobPosting } from './entities/job-posting.entity';
import type { PersonRef } from '../shared/context';

/**
 * Who may read and write what in the labour-market registry, type by type as in
 * schema/labour-market.graphql. Fields not listed are denied.
 *
 * - The feed, postings, occupations, service counters and Organization.jobs: public.
 * - Posting and closing: the employer's legal representative (a citizen; asked of the legal-person
 *   registry on their behalf), or hrss officers with labour:write for any organization.
 * - A job-seeker's profile and applications: personal data of the applicant (themself, or officers
 *   with labour:read:sensitive and X-Purpose), and an application also the employer's legal
 *   representative; every read is access-logged against the applicant.
 * - Person.employment: sensitive personal data (the person, or labour:read:sensitive and X-Purpose).
 */

const NO_CACHE = { cache: 'no_cache' } as const;

const EMPLOYER_REQUIREMENT = "is for the employer's legal representative, or an hrss officer with scope labour:write";

/** The caller may post and close for the employer `creditCode`. */
export async function mayActForEmployer(
  creditCode: string | null,
  ctx: LabourMarketContext,
  info: GraphQLResolveInfo,
): Promise<true | Error> {
  const identity = ctx.caller.identity;
  if (identity?.role === 'officer' && identity.dept === 'hrss' && grants(identity.scopes, 'labour:write')) return true;
  if (identity?.role === 'citizen' && creditCode !== null) {
    try {
      if ((await ctx.representedOrganizations()).has(creditCode)) return true;
    } catch (error) {
      return error as Error; // an outage, not a denial
    }
  }
  return refusal(ctx, info, EMPLOYER_REQUIREMENT);
}

const postsForEmployer = rule(NO_CACHE)(
  (_parent, args: { input: { employerCreditCode: string } }, ctx: LabourMarketContext, info) =>
    mayActForEmployer(args.input.employerCreditCode.trim().toUpperCase(), ctx, info),
);

const closesForEmployer = rule(NO_CACHE)(async (
  _parent,
  args: { input: { id: string } },
  ctx: LabourMarketContext,
  info,
) => {
  const job = isUuid(args.input.id) ? await ctx.loaders.job.load(args.input.id.toLowerCase()) : null;
  return mayActForEmployer(job?.employerCreditCode ?? null, ctx, info);
});

const personal = personalData('labour');

/** An officer with labour:read:sensitive who sends X-Purpose. */
function isSensitiveReader(ctx: LabourMarketContext): boolean {
  const identity = ctx.caller.identity;
  return (
    identity?.role === 'officer' && grants(identity.scopes, 'labour:read:sensitive') && ctx.caller.purpose !== null
  );
}

const APPLICATION_REQUIREMENT =
  "is the applicant's personal data: the applicant, the employer's legal representative, or an officer with scope labour:read:sensitive and an X-Purpose header";

/** May the caller read this application? The applicant, the employer's representative, or a sensitive reader. */
async function readsApplication(
  application: JobApplication | null,
  ctx: LabourMarketContext,
  info: GraphQLResolveInfo,
) {
  const identity = ctx.caller.identity;
  if (application && identity?.role === 'citizen' && identity.sub === application.applicantId) return true;
  if (isSensitiveReader(ctx)) return true;
  if (application && identity?.role === 'citizen') {
    const job = await ctx.loaders.job.load(application.job as string);
    try {
      if (job && (await ctx.representedOrganizations()).has(job.employerCreditCode)) return true;
    } catch (error) {
      return error as Error;
    }
  }
  return refusal(ctx, info, APPLICATION_REQUIREMENT);
}

/** Every field of an application: logged against the applicant. */
const applicationData = personalDataRule(
  rule(NO_CACHE)((application: JobApplication, _args, ctx: LabourMarketContext, info) =>
    readsApplication(application, ctx, info),
  ),
  (application: JobApplication) => [application.applicantId],
);

/** JobPosting.applications: the employer's representative, or officers with labour:read:sensitive and a purpose. */
const postingApplications = rule(NO_CACHE)(async (job: JobPosting, _args, ctx: LabourMarketContext, info) => {
  if (isSensitiveReader(ctx)) return true;
  if (ctx.caller.identity?.role === 'citizen') {
    try {
      if ((await ctx.representedOrganizations()).has(job.employerCreditCode)) return true;
    } catch (error) {
      return error as Error;
    }
  }
  return refusal(
    ctx,
    info,
    "is for the employer's legal representative, or an officer with scope labour:read:sensitive and an X-Purpose header",
  );
});

const profileData = personal.sensitive((profile: JobSeekerProfile) => [profile.personId]);

/** The applicant of the application `id` names (none when there is no such application). */
const applicantOf = (path: string) =>
  byArgument<LabourMarketContext>(path, async (id, ctx) => {
    if (!isUuid(id)) return [];
    const application = await ctx.loaders.application.load(id.toLowerCase());
    return application ? [application.applicantId] : [];
  });

/** withdrawApplication(id:): the applicant themself. */
const isApplicant = rule(NO_CACHE)(async (_parent, args: { id: string }, ctx: LabourMarketContext, info) => {
  const identity = ctx.caller.identity;
  const application = isUuid(args.id) ? await ctx.loaders.application.load(args.id.toLowerCase()) : null;
  if (identity?.role === 'citizen' && application?.applicantId === identity.sub) return true;
  return refusal(ctx, info, 'is for the applicant themself');
});

/** setApplicationStatus: the posting's employer's representative, or an hrss officer with labour:write. */
const actsForApplicationEmployer = rule(NO_CACHE)(async (
  _parent,
  args: { input: { id: string } },
  ctx: LabourMarketContext,
  info,
) => {
  const application = isUuid(args.input.id) ? await ctx.loaders.application.load(args.input.id.toLowerCase()) : null;
  const job = application ? await ctx.loaders.job.load(application.job as string) : null;
  return mayActForEmployer(job?.employerCreditCode ?? null, ctx, info);
});

const personNamed = (path: string) =>
  byArgument<LabourMarketContext>(path, (id) => (isUuid(id) ? [id.toLowerCase()] : []));

/** Reachable only through the guarded fields above; still listed, as nothing is open by default. */
const withinGuardedParent = isAuthenticated;

const PUBLIC_CONNECTION = {
  JobConnection: {
    edges: isPublic,
    pageInfo: isPublic,
    totalCount: isPublic,
    districtCounts: isPublic,
    occupationCounts: isPublic,
  },
  JobEdge: { cursor: isPublic, node: isPublic },
  PageInfo: { hasNextPage: isPublic, endCursor: isPublic },
  DistrictCount: { districtCode: isPublic, districtName: isPublic, count: isPublic },
  OccupationCount: { occupation: isPublic, count: isPublic },
};

export const permissions = {
  Query: {
    jobs: isPublic,
    job: isPublic,
    occupations: isPublic,
    serviceCounters: isPublic,
    serviceCounter: isPublic,
    myJobSeekerProfile: recordedAgainst(theCallerThemself, isCitizen),
    myApplications: recordedAgainst(theCallerThemself, isCitizen),
    recommendedJobs: recordedAgainst(theCallerThemself, isCitizen),
  },
  Mutation: {
    postJob: postsForEmployer,
    closeJob: closesForEmployer,
    saveJobSeekerProfile: recordedAgainst(theCallerThemself, isCitizen),
    applyForJob: recordedAgainst(theCallerThemself, isCitizen),
    withdrawApplication: recordedAgainst(applicantOf('id'), isApplicant),
    setApplicationStatus: recordedAgainst(applicantOf('input.id'), actsForApplicationEmployer),
    registerEmployment: recordedAgainst(
      personNamed('input.personId'),
      and(isOfficerOf('hrss'), hasScope('labour:write')),
    ),
  },
  Occupation: { code: isPublic, name: isPublic, majorGroup: isPublic, majorGroupName: isPublic },
  JobPosting: {
    id: isPublic,
    reference: isPublic,
    employer: isPublic,
    title: isPublic,
    description: isPublic,
    occupation: isPublic,
    districtCode: isPublic,
    districtName: isPublic,
    workAddress: isPublic,
    salaryMin: isPublic,
    salaryMax: isPublic,
    education: isPublic,
    experienceYears: isPublic,
    headcount: isPublic,
    contactName: isPublic,
    contactPhone: isPublic,
    postedOn: isPublic,
    expiresOn: isPublic,
    status: isPublic,
    expired: isPublic,
    applications: postingApplications,
  },
  JobSeekerProfile: {
    displayName: profileData,
    contactPhone: profileData,
    desiredOccupations: profileData,
    desiredDistricts: profileData,
    desiredSalary: profileData,
    education: profileData,
    experienceYears: profileData,
    skills: profileData,
    availability: profileData,
    visibleToEmployers: profileData,
    // Each field's provenance is checked against that field's own rule (shared/provenance.ts).
    provenance: personalDataRule(and(isAuthenticated), (profile: JobSeekerProfile) => [profile.personId]),
  },
  JobApplication: {
    id: applicationData,
    job: applicationData,
    status: applicationData,
    appliedAt: applicationData,
    statusChangedAt: applicationData,
    applicant: applicationData,
    provenance: personalDataRule(and(isAuthenticated), (application: JobApplication) => [application.applicantId]),
  },
  SharedApplicant: {
    displayName: withinGuardedParent,
    contactPhone: withinGuardedParent,
    education: withinGuardedParent,
    experienceYears: withinGuardedParent,
    skills: withinGuardedParent,
    availability: withinGuardedParent,
    desiredOccupations: withinGuardedParent,
  },
  RecommendedJob: { job: withinGuardedParent, score: withinGuardedParent, reasons: withinGuardedParent },
  EmploymentRecord: {
    kind: withinGuardedParent,
    organization: withinGuardedParent,
    from: withinGuardedParent,
    to: withinGuardedParent,
    provenance: personalDataRule(and(isAuthenticated), (record: EmploymentRecord) => [record.personId]),
  },
  FieldProvenance: FIELD_PROVENANCE_PERMISSIONS,
  Person: { id: allow, employment: personal.sensitive((person: PersonRef) => [person.id]) },
  ...PUBLIC_CONNECTION,
  ServiceCounter: {
    districtCode: isPublic,
    districtName: isPublic,
    name: isPublic,
    address: isPublic,
    phone: isPublic,
    openingHours: isPublic,
    jobs: isPublic,
  },
  Organization: { creditCode: allow, jobs: isPublic },
};
