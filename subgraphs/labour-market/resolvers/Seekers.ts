import type {
  EmploymentRecordResolvers,
  JobApplicationResolvers,
  JobSeekerProfileResolvers,
  PersonResolvers,
  SharedApplicantResolvers,
} from '../generated/graphql';
import { OCCUPATION_BY_CODE } from '../catalogue';
import { provenanceOf } from '../../shared/provenance';
import { isUuid } from '../../shared/validation';
import { permissions } from '../permissions';
import type { JobSeekerProfile as Profile } from '../entities/job-seeker-profile.entity';

const occupationsOf = (profile: Profile) =>
  (profile.desiredOccupations as string[]).flatMap((code) => OCCUPATION_BY_CODE.get(code) ?? []);

export const JobSeekerProfile: JobSeekerProfileResolvers = {
  desiredOccupations: occupationsOf,
  desiredDistricts: (profile) => profile.desiredDistricts as string[],
  // Only the citizen writes their profile: without a write record, the row's own last update is theirs.
  provenance: (profile, { fields }, ctx, info) =>
    provenanceOf({
      registry: 'labour-market',
      rules: permissions,
      typeName: 'JobSeekerProfile',
      recordId: profile.personId,
      parent: profile,
      fields,
      ctx,
      info,
      unrecorded: {
        department: null,
        changedAt: profile.updatedAt.toISOString(),
        suppliedBy: 'CITIZEN',
        recorded: true,
      },
    }),
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
  provenance: (application, { fields }, ctx, info) =>
    provenanceOf({
      registry: 'labour-market',
      rules: permissions,
      typeName: 'JobApplication',
      recordId: application.id,
      parent: application,
      fields,
      ctx,
      info,
      notValues: ['id'],
    }),
};

export const EmploymentRecord: EmploymentRecordResolvers = {
  organization: (record) => (record.organizationCreditCode ? { creditCode: record.organizationCreditCode } : null),
  from: (record) => record.fromDate as string,
  to: (record) => (record.toDate as string | null) ?? null,
  // Reached only through Person.employment, whose rule decides: every field of a record read is readable.
  provenance: (record, { fields }, ctx, info) =>
    provenanceOf({
      registry: 'labour-market',
      rules: permissions,
      typeName: 'EmploymentRecord',
      recordId: record.id,
      parent: record,
      fields,
      ctx,
      info,
      personalFields: ['kind', 'organization', 'from', 'to'],
      // The registration names the officer who recorded it.
      unrecorded: { department: record.recordedByDept ?? null, recorded: true },
    }),
};

export const Person: PersonResolvers = {
  // This registry keeps no persons: a reference is its key, checked for shape.
  __resolveReference: (reference) =>
    typeof reference.id === 'string' && isUuid(reference.id) ? { id: reference.id.toLowerCase() } : null,
  employment: (person, _args, { loaders }) => loaders.employment.load(person.id),
};
