import type { PersonResolvers } from '../generated/graphql';
import { isUuid } from '../../shared/validation';

export const Person: PersonResolvers = {
  // This registry keeps no persons: a reference is its key and nothing else, so no forged
  // field of the representation can reach a permission check.
  __resolveReference: (reference) => (isUuid(reference.id) ? { id: reference.id } : null),

  legalRepresentativeOf: (person, _args, { loaders }) => loaders.organizationsRepresentedBy.load(person.id),
};
