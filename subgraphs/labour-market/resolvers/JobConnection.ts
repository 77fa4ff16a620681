import type { JobConnectionResolvers } from '../generated/graphql';
import { CHENGDU_DISTRICTS, type ChengduDistrictCode } from '../../shared/domain/divisions';
import { OCCUPATION_BY_CODE } from '../catalogue';
import { JobRepository } from '../entities/job.repository';

export const JobConnection: JobConnectionResolvers = {
  totalCount: (page, _args, { em, loaders }) =>
    page.employerOnly ? loaders.employerOpenCount.load(page.employerOnly) : new JobRepository(em).count(page.query),

  districtCounts: async (page, _args, { em }) =>
    (await new JobRepository(em).countByDistrict(page.query)).map((row) => ({
      districtCode: row.district_code,
      districtName: CHENGDU_DISTRICTS[row.district_code as ChengduDistrictCode],
      count: Number(row.n),
    })),

  occupationCounts: async (page, _args, { em }) =>
    (await new JobRepository(em).countByOccupation(page.query)).map((row) => ({
      occupation: OCCUPATION_BY_CODE.get(row.occupation_code)!,
      count: Number(row.n),
    })),
};
