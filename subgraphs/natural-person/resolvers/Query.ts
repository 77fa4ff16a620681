import type { QueryResolvers } from '../generated/graphql';
import { badUserInput } from '../../shared/errors';
import { GRANTABLE_FIELDS } from '../../shared/consent/fields';
import { selectsSubfield } from '../../shared/selection';
import { idNumber, uuid } from '../../shared/validation';
import { ConsentRepository } from '../entities/consent.repository';

export const Query: QueryResolvers = {
  // A selection that reads the household gets it in the person's statement (loaders.ts,
  // personWithHousehold); its fields still resolve, are checked and logged through their own loaders.
  person: (_parent, { id }, { loaders }, info) =>
    (selectsSubfield(info, 'household') ? loaders.personWithHousehold : loaders.person).load(uuid('id', id)),

  personByIdNumber: (_parent, args, { loaders }, info) =>
    (selectsSubfield(info, 'household') ? loaders.personWithHouseholdByIdNumber : loaders.personByIdNumber).load(
      idNumber('idNumber', args.idNumber).idNumber,
    ),

  me: (_parent, _args, { caller, loaders }, info) =>
    (selectsSubfield(info, 'household') ? loaders.personWithHousehold : loaders.person).load(caller.identity!.sub),

  household: (_parent, { number }, { loaders }) => loaders.household.load(householdNumber('number', number)),

  grantableFields: () => [...GRANTABLE_FIELDS],

  myConsentRequests: (_parent, { status }, { caller, em }) =>
    new ConsentRepository(em).requestsOfPerson(caller.identity!.sub, status ?? null),

  myConsentGrants: (_parent, _args, { caller, em }) => new ConsentRepository(em).grantsOfPerson(caller.identity!.sub),

  consentRequestsMade: (_parent, _args, { caller, em }) =>
    new ConsentRepository(em).requestsOfDepartment(caller.identity!.dept!),

  consentGrantsHeld: (_parent, { personIds }, { caller, em }) => {
    if (personIds.length > 500) {
      throw badUserInput('personIds', 'count', `personIds may name at most 500 persons, got ${personIds.length}`);
    }
    const ids = personIds.map((id, i) => uuid(`personIds[${i}]`, id));
    return new ConsentRepository(em).heldGrants(ids, caller.identity!.dept!, caller.purpose!);
  },
};

export function householdNumber(argument: string, value: string): string {
  if (!/^\d{9}$/.test(value))
    throw badUserInput(
      argument,
      'household-number',
      `${argument} ${JSON.stringify(value)} must be a 9-digit household number`,
    );
  return value;
}
