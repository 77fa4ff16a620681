import type { Resolvers } from '../generated/graphql';
import { DateTimeScalar } from '../../shared/scalars';
import { AccessRecord } from './AccessRecord';
import { Person } from './Person';
import { Query } from './Query';

export const resolvers: Resolvers = {
  Query,
  Person,
  AccessRecord,
  AccessAlert: { actorDepartment: (alert) => alert.actorDept },
  DateTime: DateTimeScalar,
};
