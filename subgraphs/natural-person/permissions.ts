import { allow, and, or, rule } from 'graphql-shield';
import {
  hasPurpose,
  hasScope,
  internalPersonalData,
  isCitizen,
  isOfficerOf,
  isSelfArgument,
  personalData,
  refusal,
} from '../shared/rules';
import type { NaturalPersonContext } from './context';
import type { HouseholdMember } from './entities/household-member.entity';
import type { Household } from './entities/household.entity';
import type { Person } from './entities/person.entity';

/**
 * Who may read what in the natural-person registry, type by type as in
 * schema/natural-person.graphql. Fields not listed are denied. Personal fields are access-logged.
 */

const personal = personalData('person');

/** Whose data each object is. */
const theirOwn = (person: Person) => [person.id];
const householdMembers = async (household: Household, ctx: NaturalPersonContext) =>
  (await ctx.loaders.householdMembers.load(household.id)).map((m) => m.person.id);
/**
 * A membership row is data about the whole household: every member sees who belongs to it (the
 * relationship and the person's id). Each member's own fields, name included, keep their own rules.
 */
const membersOfTheHousehold = async (member: HouseholdMember, ctx: NaturalPersonContext) =>
  (await ctx.loaders.householdMembers.load(member.household.id)).map((m) => m.person.id);

const basic = personal.basic(theirOwn);
const sensitive = personal.sensitive(theirOwn);
const householdData = personal.sensitive(householdMembers);
const memberData = personal.sensitive(membersOfTheHousehold);
const sensitiveWithPurpose = and(hasScope('person:read:sensitive'), hasPurpose);

/**
 * A citizen asking for their own household. Refused alike whether the number exists or not, so
 * the answer does not reveal which household numbers exist.
 */
const isOwnHouseholdArgument = rule({ cache: 'no_cache' })(async (
  _parent,
  args: { number: string },
  ctx: NaturalPersonContext,
  info,
) => {
  const identity = ctx.caller.identity;
  if (identity?.role !== 'citizen') return false;
  const membership = await ctx.loaders.membership.load(identity.sub);
  const household = membership ? await ctx.loaders.householdById.load(membership.household.id) : null;
  return household?.number === args.number ? true : refusal(ctx, info, 'is limited to your own household');
});

export const permissions = {
  Query: {
    person: or(isSelfArgument('id'), hasScope('person:read'), hasScope('person:read:sensitive')),
    personByIdNumber: sensitiveWithPurpose,
    me: isCitizen,
    household: or(isOwnHouseholdArgument, sensitiveWithPurpose),
  },
  Mutation: {
    registerPerson: and(isOfficerOf('public-security'), hasScope('person:write')),
    updateMyContact: isCitizen,
  },
  Person: {
    // The opaque key: needed to join across subgraphs and says nothing about the person.
    id: allow,
    name: basic,
    gender: basic,
    birthYear: basic,
    districtCode: basic,
    deathDate: basic,
    idNumber: sensitive,
    birthDate: sensitive,
    ethnicity: sensitive,
    registeredAddress: sensitive,
    phone: sensitive,
    maritalStatus: sensitive,
    household: sensitive,
    remarks: internalPersonalData('public-security', 'person', theirOwn),
  },
  Household: {
    number: householdData,
    districtCode: householdData,
    address: householdData,
    head: householdData,
    members: householdData,
  },
  HouseholdMember: {
    person: memberData,
    relationship: memberData,
  },
};
