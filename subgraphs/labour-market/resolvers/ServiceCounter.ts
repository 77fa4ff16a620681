import type { ServiceCounterResolvers } from '../generated/graphql';
import { jobPage, openPostings } from '../feed';

export const ServiceCounter: ServiceCounterResolvers = {
  jobs: (counter, { first, after }, { em }) =>
    jobPage(em, { ...openPostings(), districts: [counter.districtCode] }, 'NEWEST', first, after),
};
