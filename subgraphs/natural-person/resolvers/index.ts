import type { Resolvers } from '../generated/graphql';
import { DateScalar, DateTimeScalar } from '../../shared/scalars';
import { ConsentGrant } from './ConsentGrant';
import { ConsentRequest } from './ConsentRequest';
import { HouseholdAsOf, HouseholdMemberAsOf, PersonAsOf } from './PersonAsOf';
import { Household } from './Household';
import { HouseholdMember } from './HouseholdMember';
import { Mutation } from './Mutation';
import { Person } from './Person';
import { Query } from './Query';

export const resolvers: Resolvers = {
  Query,
  Mutation,
  Person,
  Household,
  HouseholdMember,
  ConsentRequest,
  ConsentGrant,
  PersonAsOf,
  HouseholdAsOf,
  HouseholdMemberAsOf,
  Date: DateScalar,
  DateTime: DateTimeScalar,
};
