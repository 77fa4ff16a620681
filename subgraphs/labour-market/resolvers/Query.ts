import type { QueryResolvers } from '../generated/graphql';
import * as check from '../../shared/validation';
import { OCCUPATIONS, SERVICE_COUNTERS } from '../catalogue';
import { feedPageSize, feedQuery, jobPage } from '../feed';
import { SeekerRepository } from '../entities/seeker.repository';
import { JobRepository } from '../entities/job.repository';
import { jobFit } from '../seekers';

export const Query: QueryResolvers = {
  jobs: (_parent, { filter, orderBy, first, after }, { em }) =>
    jobPage(em, feedQuery(filter), orderBy ?? 'RELEVANCE', first, after),

  job: (_parent, { id }, { loaders }) => loaders.job.load(check.uuid('id', id).toLowerCase()),

  occupations: () => [...OCCUPATIONS],

  serviceCounters: () => [...SERVICE_COUNTERS],

  serviceCounter: (_parent, { districtCode }) => {
    const code = check.chengduDistrict('districtCode', districtCode);
    return SERVICE_COUNTERS.find((c) => c.districtCode === code) ?? null;
  },

  myJobSeekerProfile: (_parent, _args, { caller, loaders }) => loaders.profile.load(caller.identity!.sub),

  myApplications: (_parent, _args, { caller, em }) =>
    new SeekerRepository(em).applicationsOfApplicant(caller.identity!.sub),

  recommendedJobs: async (_parent, { first }, { caller, em, loaders }) => {
    const size = feedPageSize('first', first);
    const profile = await loaders.profile.load(caller.identity!.sub);
    if (!profile) return [];
    // Candidates: the newest open postings in a desired occupation or district; ranked here.
    const candidates = await new JobRepository(em).candidatesFor(
      profile.desiredOccupations as string[],
      profile.desiredDistricts as string[],
      500,
    );
    return candidates
      .map((job) => ({ job, ...jobFit(profile, job) }))
      .filter((r) => r.score > 0)
      .sort((a, b) => b.score - a.score || String(b.job.postedOn).localeCompare(String(a.job.postedOn)))
      .slice(0, size);
  },
};
