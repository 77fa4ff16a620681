import type { HouseholdResolvers } from '../generated/graphql';

export const Household: HouseholdResolvers = {
  __resolveReference: (reference, { loaders }) =>
    /^\d{9}$/.test(reference.number) ? loaders.household.load(reference.number) : null,

  head: (household, _args, { loaders }) => loaders.person.load(household.head.id),

  members: (household, _args, { loaders }) => loaders.householdMembers.load(household.id),
};
