import type { Resolvers } from '../generated/graphql';
import { DateScalar, DateTimeScalar, MoneyScalar } from '../../shared/scalars';
import { Application, CaseStep, EligibilityFact, Objection, Person, Programme, SupervisionCard } from './Application';
import { Mutation } from './Mutation';
import { Query } from './Query';

export const resolvers: Resolvers = {
  Query,
  Mutation,
  Programme,
  Person,
  Application,
  CaseStep,
  EligibilityFact,
  Objection,
  SupervisionCard,
  Date: DateScalar,
  DateTime: DateTimeScalar,
  Money: MoneyScalar,
};
