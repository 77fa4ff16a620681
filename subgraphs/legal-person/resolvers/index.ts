import type { Resolvers } from '../generated/graphql';
import { DateScalar, DateTimeScalar, MoneyScalar } from '../../shared/scalars';
import { Mutation } from './Mutation';
import { Organization } from './Organization';
import { OrganizationConnection } from './OrganizationConnection';
import { Person } from './Person';
import { Query } from './Query';

export const resolvers: Resolvers = {
  Query,
  Mutation,
  Organization,
  OrganizationConnection,
  Person,
  Date: DateScalar,
  DateTime: DateTimeScalar,
  Money: MoneyScalar,
};
