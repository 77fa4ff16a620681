import type {
  HouseholdAsOfResolvers,
  HouseholdMemberAsOfResolvers,
  HouseholdRelationship,
  MaritalStatus,
  PersonAsOfResolvers,
} from '../generated/graphql';

export const PersonAsOf: PersonAsOfResolvers = {
  maritalStatus: ({ row }) => row.maritalStatus as MaritalStatus,
  registeredAddress: ({ row }) => row.registeredAddress,
  validFrom: ({ row }) => new Date(row.validFrom).toISOString(),
  validTo: ({ row }) => (row.validTo ? new Date(row.validTo).toISOString() : null),
  household: ({ personId, date, row }) =>
    row.householdId ? { personId, householdId: row.householdId, date, relationship: row.relationship } : null,
};

export const HouseholdAsOf: HouseholdAsOfResolvers = {
  number: async ({ householdId }, _args, { loaders }) =>
    (await loaders.householdById.load(householdId))?.number ?? null,
  relationship: ({ relationship }) => relationship as HouseholdRelationship | null,
  members: async ({ householdId, date }, _args, { loaders }) =>
    (await loaders.membersAsOf.load(`${householdId}|${date}`)).map((row) => ({
      householdId,
      date,
      personId: row.personId,
      relationship: row.relationship,
    })),
};

export const HouseholdMemberAsOf: HouseholdMemberAsOfResolvers = {
  person: ({ personId }, _args, { loaders }) => loaders.person.load(personId),
  relationship: ({ relationship }) => relationship as HouseholdRelationship | null,
};
