import { allow, and, or, rule } from 'graphql-shield';
import { checkIdNumber } from '../shared/domain/id-number';
import {
  byArgument,
  hasPurpose,
  hasScope,
  internalPersonalData,
  personalDataRule,
  isCitizen,
  isOfficerOf,
  isSelfArgument,
  isServiceOperation,
  personalData,
  recordedAgainst,
  refusal,
  theCallerThemself,
} from '../shared/rules';
import { isUuid } from '../shared/validation';
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

/**
 * Whom a root field's argument names. Malformed values name no one (the attempt is still recorded
 * with the identifier, for auditors).
 */
const personWithId = async (id: string, ctx: NaturalPersonContext) =>
  isUuid(id) ? idsOf([await ctx.loaders.person.load(id.toLowerCase())]) : [];
const personWithIdNumber = async (idNumber: string, ctx: NaturalPersonContext) => {
  const checked = checkIdNumber(idNumber);
  return checked.ok ? idsOf([await ctx.loaders.personByIdNumber.load(checked.value.idNumber)]) : [];
};
const membersOfHouseholdNumbered = async (number: string, ctx: NaturalPersonContext) => {
  const household = /^\d{9}$/.test(number) ? await ctx.loaders.household.load(number) : null;
  return household ? (await ctx.loaders.householdMembers.load(household.id)).map((m) => m.person.id) : [];
};
const idsOf = (people: (Person | null)[]) => people.filter((p): p is Person => p !== null).map((p) => p.id);

const basic = personal.basic(theirOwn);
const sensitive = personal.sensitive(theirOwn);
const householdData = personal.sensitive(householdMembers);
const memberData = personal.sensitive(membersOfTheHousehold);
const sensitiveWithPurpose = and(hasScope('person:read:sensitive'), hasPurpose);

/**
 * The certificate registry printing the holder of a minimum-allowance certificate the assistance
 * registry issues as itself (service-calls.ts): the certificate registry's holder check
 * (CertificateHolderCheck, relayed by it for the assistance service identity) may read the
 * holder's name, ID number and death date, nothing else. Access-logged like any read.
 */
const printsAssistanceCertificate = () =>
  isServiceOperation('assistance', 'CertificateHolderCheck', { via: 'certificate' });
const basicOrPrinted = personalDataRule(or(basic, printsAssistanceCertificate()), theirOwn);
const sensitiveOrPrinted = personalDataRule(or(sensitive, printsAssistanceCertificate()), theirOwn);

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
  // Root fields that name a person are access-logged against that person whatever the outcome,
  // with the identifier used: refusals too, and write attempts.
  Query: {
    person: recordedAgainst(
      byArgument('id', personWithId),
      or(
        isSelfArgument('id'),
        hasScope('person:read'),
        hasScope('person:read:sensitive'),
        printsAssistanceCertificate(),
      ),
    ),
    personByIdNumber: recordedAgainst(byArgument('idNumber', personWithIdNumber), sensitiveWithPurpose),
    me: isCitizen,
    household: recordedAgainst(
      byArgument('number', membersOfHouseholdNumbered),
      or(isOwnHouseholdArgument, sensitiveWithPurpose),
    ),
  },
  Mutation: {
    registerPerson: recordedAgainst(
      byArgument('input.idNumber', personWithIdNumber),
      and(isOfficerOf('public-security'), hasScope('person:write')),
    ),
    updateMyContact: recordedAgainst(theCallerThemself, isCitizen),
  },
  Person: {
    // The opaque key: needed to join across subgraphs and says nothing about the person.
    id: allow,
    name: basicOrPrinted,
    gender: basic,
    birthYear: basic,
    districtCode: basic,
    deathDate: personalDataRule(or(basic, printsAssistanceCertificate()), theirOwn),
    idNumber: sensitiveOrPrinted,
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
