import { allow, and, or, rule } from 'graphql-shield';
import { checkIdNumber } from '../shared/domain/id-number';
import {
  byArgument,
  hasPurpose,
  hasScope,
  holdsGrantForArgument,
  internalPersonalData,
  isAuthenticated,
  isOfficer,
  isCitizen,
  isOfficerOf,
  isSelfArgument,
  isServiceOperation,
  personalData,
  personalDataRule,
  recordedAgainst,
  refusal,
  theCallerThemself,
} from '../shared/rules';
import { isUuid } from '../shared/validation';
import type { NaturalPersonContext } from './context';
import type { HouseholdMember } from './entities/household-member.entity';
import type { Household } from './entities/household.entity';
import type { Person } from './entities/person.entity';
import type { ConsentGrant, ConsentRequest } from './entities/consent.entity';
import type { HouseholdAsOfParent, HouseholdMemberAsOfParent, PersonAsOfParent } from './history';

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
// A household is reached through Person.household: a grant of that field covers it.
const throughHousehold = () => ['Person.household'];
const householdData = personal.sensitive(householdMembers, throughHousehold);
const memberData = personal.sensitive(membersOfTheHousehold, throughHousehold);

/**
 * A consent request or grant: the person it is addressed to, and officers of the department that
 * asked (who follow its status). Its preview only the person.
 */
const isPartyToConsent = rule({ cache: 'no_cache' })((
  consent: ConsentRequest | ConsentGrant,
  _args,
  ctx: NaturalPersonContext,
  info,
) => {
  const identity = ctx.caller.identity;
  if (identity?.role === 'citizen' && identity.sub === consent.personId) return true;
  if (identity?.role === 'officer' && identity.dept === consent.department) return true;
  return refusal(ctx, info, 'is for the person asked and officers of the department that asked');
});
const isPersonAsked = rule({ cache: 'no_cache' })((request: ConsentRequest, _args, ctx: NaturalPersonContext, info) =>
  ctx.caller.identity?.role === 'citizen' && ctx.caller.identity.sub === request.personId
    ? true
    : refusal(ctx, info, 'shows the values to the person asked only'),
);
const withinGuardedParent = isAuthenticated;

/**
 * A person's record on a date (Person.asOf): each field with the rule of its live counterpart,
 * whose grant also covers it; a household then is data of its members then.
 */
const ofThePerson = (snapshot: PersonAsOfParent) => [snapshot.personId];
const membersThen = async (household: HouseholdAsOfParent | HouseholdMemberAsOfParent, ctx: NaturalPersonContext) =>
  (await ctx.loaders.membersAsOf.load(`${household.householdId}|${household.date}`)).map((m) => m.personId);
const maritalStatusThen = personal.sensitive(ofThePerson, () => ['Person.maritalStatus']);
const addressThen = personal.sensitive(ofThePerson, () => ['Person.registeredAddress']);
const householdThen = personal.sensitive(ofThePerson, throughHousehold);
const validityThen = personal.sensitive(ofThePerson, () => [
  'Person.maritalStatus',
  'Person.registeredAddress',
  'Person.household',
]);
const householdDataThen = personal.sensitive(membersThen, throughHousehold);
const memberDataThen = personal.sensitive(membersThen, throughHousehold);
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
        // An officer holding this person's consent grant finds them; only granted fields resolve.
        holdsGrantForArgument('person:read', byArgument('id', personWithId)),
        printsAssistanceCertificate(),
      ),
    ),
    personByIdNumber: recordedAgainst(byArgument('idNumber', personWithIdNumber), sensitiveWithPurpose),
    me: isCitizen,
    household: recordedAgainst(
      byArgument('number', membersOfHouseholdNumbered),
      or(
        isOwnHouseholdArgument,
        sensitiveWithPurpose,
        holdsGrantForArgument('person:read:sensitive', byArgument('number', membersOfHouseholdNumbered), [
          'Person.household',
        ]),
      ),
    ),
    grantableFields: isAuthenticated,
    myConsentRequests: isCitizen,
    myConsentGrants: isCitizen,
    consentRequestsMade: isOfficer,
    consentGrantsHeld: and(isOfficer, hasPurpose),
  },
  Mutation: {
    registerPerson: recordedAgainst(
      byArgument('input.idNumber', personWithIdNumber),
      and(isOfficerOf('public-security'), hasScope('person:write')),
    ),
    updateMyContact: recordedAgainst(theCallerThemself, isCitizen),
    requestConsent: recordedAgainst(byArgument('input.personId', personWithId), isOfficer),
    answerConsentRequest: recordedAgainst(theCallerThemself, isCitizen),
    revokeConsentGrant: recordedAgainst(theCallerThemself, isCitizen),
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
    // Each field's provenance is checked against that field's own rule (shared/provenance.ts); the read is logged.
    provenance: personalDataRule(and(isAuthenticated), theirOwn),
    // The fields of the record then carry the rules (below); the read is logged.
    asOf: personalDataRule(and(isAuthenticated), theirOwn),
  },
  PersonAsOf: {
    date: withinGuardedParent,
    maritalStatus: maritalStatusThen,
    registeredAddress: addressThen,
    household: householdThen,
    validFrom: validityThen,
    validTo: validityThen,
  },
  HouseholdAsOf: {
    number: householdDataThen,
    relationship: householdDataThen,
    members: householdDataThen,
  },
  HouseholdMemberAsOf: {
    person: memberDataThen,
    relationship: memberDataThen,
  },
  FieldProvenance: {
    field: withinGuardedParent,
    registry: withinGuardedParent,
    department: withinGuardedParent,
    changedAt: withinGuardedParent,
    suppliedBy: withinGuardedParent,
    recorded: withinGuardedParent,
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
  GrantableField: { field: isAuthenticated, registry: isAuthenticated, description: isAuthenticated },
  ConsentRequest: {
    id: allow,
    person: isPartyToConsent,
    department: isPartyToConsent,
    requestedBy: isPartyToConsent,
    purpose: isPartyToConsent,
    fields: isPartyToConsent,
    validUntil: isPartyToConsent,
    requestedAt: isPartyToConsent,
    status: isPartyToConsent,
    answeredAt: isPartyToConsent,
    grant: isPartyToConsent,
    preview: isPersonAsked,
  },
  ConsentPreviewItem: {
    field: withinGuardedParent,
    registry: withinGuardedParent,
    value: withinGuardedParent,
    error: withinGuardedParent,
  },
  ConsentGrant: {
    id: allow,
    request: isPartyToConsent,
    person: isPartyToConsent,
    department: isPartyToConsent,
    purpose: isPartyToConsent,
    fields: isPartyToConsent,
    validUntil: isPartyToConsent,
    grantedAt: isPartyToConsent,
    revokedAt: isPartyToConsent,
    active: isPartyToConsent,
  },
  HeldConsentGrant: {
    id: withinGuardedParent,
    personId: withinGuardedParent,
    fields: withinGuardedParent,
    validUntil: withinGuardedParent,
  },
};
