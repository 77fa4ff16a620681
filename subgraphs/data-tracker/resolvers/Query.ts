import type { QueryResolvers } from '../generated/graphql';
import { badUserInput } from '../../shared/errors';
import * as check from '../../shared/validation';
import { accessRecordPage } from './page';

export const Query: QueryResolvers = {
  accessRecords: (_parent, { filter, first, after }, ctx) => {
    if (!filter.personId && !filter.actorSub) {
      throw badUserInput('filter', 'required', 'filter needs personId or actorSub (or both)');
    }
    return accessRecordPage(ctx, {
      subjectId: filter.personId ? check.uuid('filter.personId', filter.personId) : undefined,
      actorSub: filter.actorSub ? check.text('filter.actorSub', filter.actorSub, { max: 100 }) : undefined,
      first,
      after,
    });
  },
};
