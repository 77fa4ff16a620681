import type { Resolvers } from '../generated/graphql';
import { DateScalar, DateTimeScalar, MoneyScalar } from '../../shared/scalars';
import { Service, ServiceRequirement } from './Catalogue';
import { Certificate, CertificateAttributes, CertificateHolder, MarriageAttributes } from './Certificate';
import { CertificateVerification } from './CertificateVerification';
import { Material, MaterialUse } from './Material';
import { MaterialConnection } from './MaterialConnection';
import { Mutation } from './Mutation';
import { Organization } from './Organization';
import { Person } from './Person';
import { Query } from './Query';
import { Readiness, ReadinessItem } from './Readiness';

export const resolvers: Resolvers = {
  Query,
  Mutation,
  Certificate,
  CertificateHolder,
  CertificateAttributes,
  MarriageAttributes,
  CertificateVerification,
  Service,
  ServiceRequirement,
  Material,
  MaterialUse,
  MaterialConnection,
  Readiness,
  ReadinessItem,
  Person,
  Organization,
  Date: DateScalar,
  DateTime: DateTimeScalar,
  Money: MoneyScalar,
};
