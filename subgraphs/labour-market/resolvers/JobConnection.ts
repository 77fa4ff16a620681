import type { JobConnectionResolvers } from '../generated/graphql';
import type { EntityManager } from '@mikro-orm/postgresql';
import { CHENGDU_DISTRICTS, type ChengduDistrictCode } from '../../shared/domain/divisions';
import { OCCUPATION_BY_CODE } from '../catalogue';
import type { JobPage } from '../feed';
import { feedCounts, type FeedCounts } from '../feed-counts';

/** A page's counts, asked for once however many of totalCount and the facets the request selects. */
const countsOfPage = new WeakMap<JobPage, Promise<FeedCounts>>();
function countsOf(page: JobPage, em: EntityManager): Promise<FeedCounts> {
  let counts = countsOfPage.get(page);
  if (!counts) {
    counts = feedCounts(em, page.query);
    countsOfPage.set(page, counts);
  }
  return counts;
}

export const JobConnection: JobConnectionResolvers = {
  totalCount: async (page, _args, { em, loaders }) =>
    page.employerOnly ? loaders.employerOpenCount.load(page.employerOnly) : (await countsOf(page, em)).totalCount,

  districtCounts: async (page, _args, { em }) =>
    (await countsOf(page, em)).districts.map(({ code, count }) => ({
      districtCode: code,
      districtName: CHENGDU_DISTRICTS[code as ChengduDistrictCode],
      count,
    })),

  occupationCounts: async (page, _args, { em }) =>
    (await countsOf(page, em)).occupations.map(({ code, count }) => ({
      occupation: OCCUPATION_BY_CODE.get(code)!,
      count,
    })),
};
