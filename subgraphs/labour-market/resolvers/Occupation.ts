import type { OccupationResolvers } from '../generated/graphql';
import { MAJOR_GROUPS } from '../catalogue';

export const Occupation: OccupationResolvers = {
  majorGroupName: (occupation) => MAJOR_GROUPS[occupation.majorGroup],
};
