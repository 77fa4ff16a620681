import type { Resolvers } from '../generated/graphql';
import { DateScalar, DateTimeScalar } from '../../shared/scalars';
import { EmploymentRecord, JobApplication, JobSeekerProfile, Person, SharedApplicant } from './Seekers';
import { JobConnection } from './JobConnection';
import { JobPosting } from './JobPosting';
import { Mutation } from './Mutation';
import { Occupation } from './Occupation';
import { Organization } from './Organization';
import { Query } from './Query';
import { ServiceCounter } from './ServiceCounter';

export const resolvers: Resolvers = {
  Query,
  Mutation,
  JobPosting,
  JobConnection,
  Occupation,
  ServiceCounter,
  Organization,
  JobSeekerProfile,
  SharedApplicant,
  JobApplication,
  EmploymentRecord,
  Person,
  Date: DateScalar,
  DateTime: DateTimeScalar,
};
