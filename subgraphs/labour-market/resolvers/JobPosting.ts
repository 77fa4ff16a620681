import type { JobPostingResolvers } from '../generated/graphql';
import { CHENGDU_DISTRICTS, type ChengduDistrictCode } from '../../shared/domain/divisions';
import { OCCUPATION_BY_CODE, todayInChina } from '../catalogue';
import { isUuid } from '../../shared/validation';

export const JobPosting: JobPostingResolvers = {
  // Resolved from the database (never from the representation the client or gateway sent).
  __resolveReference: (reference, { loaders }) =>
    typeof reference.id === 'string' && isUuid(reference.id) ? loaders.job.load(reference.id.toLowerCase()) : null,

  employer: (job) => ({ creditCode: job.employerCreditCode }),
  occupation: (job) => OCCUPATION_BY_CODE.get(job.occupationCode)!,
  districtName: (job) => CHENGDU_DISTRICTS[job.districtCode as ChengduDistrictCode],
  education: (job) => job.education,
  applications: (job, _args, { loaders }) => loaders.applicationsToJob.load(job.id),
  expired: (job) => (job.expiresOn as string) < todayInChina(),
};
