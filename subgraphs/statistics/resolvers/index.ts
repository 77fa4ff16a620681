import type { Resolvers } from '../generated/graphql';
import { DateTimeScalar } from '../../shared/scalars';
import { Mutation } from './Mutation';
import { Query } from './Query';

export const resolvers: Resolvers = { Query, Mutation, DateTime: DateTimeScalar };
