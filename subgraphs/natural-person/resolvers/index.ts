import type { Resolvers } from '../generated/graphql';
import { DateScalar } from '../../shared/scalars';
import { Household } from './Household';
import { HouseholdMember } from './HouseholdMember';
import { Mutation } from './Mutation';
import { Person } from './Person';
import { Query } from './Query';

export const resolvers: Resolvers = { Query, Mutation, Person, Household, HouseholdMember, Date: DateScalar };
