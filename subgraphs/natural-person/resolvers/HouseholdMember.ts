import type { HouseholdMemberResolvers } from '../generated/graphql';

export const HouseholdMember: HouseholdMemberResolvers = {
  person: (member, _args, { loaders }) => loaders.person.load(member.person.id),
};
