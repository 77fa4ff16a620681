import type {
  EmploymentRecordResolvers,
  JobApplicationResolvers,
  JobSeekerProfileResolvers,
  PersonResolvers,
  SharedApplicantResolvers,
} from '../generated/graphql';
import { OCCUPATION_BY_CODE } from '../catalogue';
import { isUuid } from '../../shared/validation';
import type { JobSeekerProfile as Profile } from '../entities/job-seeker-profile.entity';

const occupationsOf = (profile: Profile) =>
  (profile.desiredOccupations as string[]).flatMap((code) => OCCUPATION_BY_CODE.get(code) ?? []);

export const JobSeekerProfile: JobSeekerProfileResolvers = {
  desiredOccupations: occupationsOf,
  desiredDistricts: (profile) => profile.desiredDistricts as string[],
};

export const SharedApplicant: SharedApplicantResolvers = {
  desiredOccupations: occupationsOf,
};

export const JobApplication: JobApplicationResolvers = {
  job: async (application, _args, { loaders }) => (await loaders.job.load(application.job as string))!,
  appliedAt: (application) => application.createdAt.toISOString(),
  statusChangedAt: (application) => application.statusChangedAt.toISOString(),
  // Only what the applicant chose to share; the registry holds no ID number to leak.
  applicant: async (application, _args, { loaders }) => {
    const profile = await loaders.profile.load(application.applicantId);
    return profile?.visibleToEmployers ? profile : null;
  },
};

export const EmploymentRecord: EmploymentRecordResolvers = {
  organization: (record) => (record.organizationCreditCode ? { creditCode: record.organizationCreditCode } : null),
  from: (record) => record.fromDate as string,
  to: (record) => (record.toDate as string | null) ?? null,
};

export const Person: PersonResolvers = {
  // This registry keeps no persons: a reference is its key, checked for shape.
  __resolveReference: (reference) =>
    typeof reference.id === 'string' && isUuid(reference.id) ? { id: reference.id.toLowerCase() } : null,
  employment: (person, _args, { loaders }) => loaders.employment.load(person.id),
};
