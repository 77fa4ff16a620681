import type { QueryResolvers } from '../generated/graphql';
import { badUserInput } from '../../shared/errors';
import { idNumber, uuid } from '../../shared/validation';

export const Query: QueryResolvers = {
  person: (_parent, { id }, { loaders }) => loaders.person.load(uuid('id', id)),

  personByIdNumber: (_parent, args, { loaders }) =>
    loaders.personByIdNumber.load(idNumber('idNumber', args.idNumber).idNumber),

  me: (_parent, _args, { caller, loaders }) => loaders.person.load(caller.identity!.sub),

  household: (_parent, { number }, { loaders }) => loaders.household.load(householdNumber('number', number)),
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
