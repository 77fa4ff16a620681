import type { PersonResolvers } from '../generated/graphql';
import { isUuid } from '../../shared/validation';
import { accessRecordPage } from './page';

export const Person: PersonResolvers = {
  // This subgraph keeps no persons: a reference is its key and nothing else.
  __resolveReference: (reference) => (isUuid(reference.id) ? { id: reference.id } : null),

  accessRecords: (person, { first, after }, ctx) => accessRecordPage(ctx, { subjectId: person.id, first, after }),
};
