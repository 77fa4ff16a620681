import type { PersonResolvers } from '../generated/graphql';

export const Person: PersonResolvers = {
  // Always from the database: a representation's other fields are never trusted.
  __resolveReference: (reference, { loaders }) => loaders.person.load(reference.id),

  birthYear: (person) => Number(person.birthDate.slice(0, 4)),

  household: async (person, _args, { loaders }) => {
    const membership = await loaders.membership.load(person.id);
    return membership ? loaders.householdById.load(membership.household.id) : null;
  },
};
