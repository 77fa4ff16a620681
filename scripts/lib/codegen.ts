import { join } from 'node:path';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { codegen } from '@graphql-codegen/core';
import { getCachedDocumentNodeFromSchema } from '@graphql-codegen/plugin-helpers';
import * as typescriptPlugin from '@graphql-codegen/typescript';
import * as resolversPlugin from '@graphql-codegen/typescript-resolvers';
import type { SubgraphName } from '../../subgraphs/catalog';
import { REPO_ROOT } from '../../subgraphs/shared/config';
import { subgraphTypeDefs } from '../../subgraphs/shared/sdl';

/**
 * Resolver types generated from each subgraph's SDL (graphql-codegen, federation mode), so
 * resolvers are checked against the schema. Paths in `mappers` are relative to the generated file.
 */
const TARGETS: Record<SubgraphName, { contextType: string; mappers: Record<string, string> }> = {
  'natural-person': {
    contextType: '../context#NaturalPersonContext',
    mappers: {
      Person: '../entities/person.entity#Person',
      Household: '../entities/household.entity#Household',
      HouseholdMember: '../entities/household-member.entity#HouseholdMember',
      ConsentRequest: '../entities/consent.entity#ConsentRequest',
      ConsentGrant: '../entities/consent.entity#ConsentGrant',
      GrantableField: '../../shared/consent/fields#GrantableField',
      HeldConsentGrant: '../../shared/consent/grants#HeldGrant',
      PersonAsOf: '../history#PersonAsOfParent',
      HouseholdAsOf: '../history#HouseholdAsOfParent',
      HouseholdMemberAsOf: '../history#HouseholdMemberAsOfParent',
    },
  },
  'legal-person': {
    contextType: '../context#LegalPersonContext',
    mappers: {
      Organization: '../entities/organization.entity#Organization',
      Penalty: '../entities/penalty.entity#Penalty',
      Person: '../../shared/context#PersonRef',
      OrganizationConnection: '../resolvers/OrganizationConnection#OrganizationPage',
    },
  },
  certificate: {
    contextType: '../context#CertificateContext',
    mappers: {
      Person: '../resolvers/Person#PersonParent',
      Organization: '../resolvers/Organization#OrganizationParent',
      Certificate: '../entities/certificate.entity#Certificate',
      CertificateType: '../entities/certificate-type.entity#CertificateType',
      MaterialKind: '../entities/material-kind.entity#MaterialKind',
      Service: '../entities/service.entity#Service',
      ServiceRequirement: '../entities/service-requirement.entity#ServiceRequirement',
      Material: '../entities/material.entity#Material',
      MaterialUse: '../entities/material-use.entity#MaterialUse',
      MaterialConnection: '../resolvers/MaterialConnection#MaterialPage',
      MarriageAttributes: '../certificate-types#MarriageAttributes',
      DisabilityAttributes: '../certificate-types#DisabilityAttributes',
      MinimumAllowanceAttributes: '../certificate-types#MinimumAllowanceAttributes',
      DiplomaAttributes: '../certificate-types#DiplomaAttributes',
      VocationalQualificationAttributes: '../certificate-types#VocationalQualificationAttributes',
      CertificateVerification: '../resolvers/Query#Verification',
      Readiness: '../readiness#ReadinessResult',
      ReadinessItem: '../readiness#ReadinessItemResult',
      Holding: '../holdings#HoldingResult',
    },
  },
  'labour-market': {
    contextType: '../context#LabourMarketContext',
    mappers: {
      Organization: '../resolvers/Organization#OrganizationParent',
      JobPosting: '../entities/job-posting.entity#JobPosting',
      JobConnection: '../feed#JobPage',
      Occupation: '../catalogue#Occupation',
      ServiceCounter: '../catalogue#ServiceCounter',
      JobSeekerProfile: '../entities/job-seeker-profile.entity#JobSeekerProfile',
      SharedApplicant: '../entities/job-seeker-profile.entity#JobSeekerProfile',
      JobApplication: '../entities/job-application.entity#JobApplication',
      EmploymentRecord: '../entities/employment-record.entity#EmploymentRecord',
      Person: '../../shared/context#PersonRef',
    },
  },
  assistance: {
    contextType: '../context#AssistanceContext',
    mappers: {
      Programme: '../entities/programme.entity#Programme',
      Application: '../entities/application.entity#Application',
      CaseStep: '../entities/case-step.entity#CaseStep',
      EligibilityFact: '../entities/eligibility-fact.entity#EligibilityFact',
      Objection: '../entities/objection.entity#Objection',
      SupervisionCard: '../entities/supervision-card.entity#SupervisionCard',
      Person: '../../shared/context#PersonRef',
    },
  },
  'data-tracker': {
    contextType: '../context#DataTrackerContext',
    mappers: {
      Person: '../../shared/context#PersonRef',
      AccessRecord: '../../shared/access-log/chain#StoredAccessRecord',
      AccessRecordConnection: '../resolvers/page#AccessRecordPage',
      AccessAlert: '../../shared/access-log/alerts#StoredAccessAlert',
      AccessAlertConnection: '../resolvers/alerts#AccessAlertPage',
    },
  },
  statistics: {
    contextType: '../context#StatisticsContext',
    mappers: {
      StatisticsTable: '../tables#Table',
      StatisticsCell: '../tables#TableCell',
      StatisticsSource: '../tables#SourceInfo',
      StatisticsRefresh: '../refresh#RefreshRun',
    },
  },
};

export function generatedTypesPath(name: SubgraphName): string {
  return join(REPO_ROOT, 'subgraphs', name, 'generated', 'graphql.ts');
}

export async function generateResolverTypes(name: SubgraphName): Promise<string> {
  const schemaAst = buildSubgraphSchema(subgraphTypeDefs(name));
  const target = TARGETS[name];
  const output = await codegen({
    filename: generatedTypesPath(name),
    schema: getCachedDocumentNodeFromSchema(schemaAst),
    schemaAst,
    documents: [],
    // Federation mode only for resolvers: the base types must include _Service and _entities' args.
    plugins: [{ typescript: {} }, { 'typescript-resolvers': { federation: true } }],
    pluginMap: { typescript: typescriptPlugin, 'typescript-resolvers': resolversPlugin },
    config: {
      mapperTypeSuffix: 'Model',
      useTypeImports: true,
      enumsAsTypes: true,
      useIndexSignature: true,
      contextType: target.contextType,
      mappers: target.mappers,
      scalars: { Date: 'string', DateTime: 'string', Money: 'string', _Any: 'Record<string, unknown>' },
    },
  });
  return `/* Generated from schema/${name}.graphql by \`npm run codegen\`. Do not edit. */\n/* eslint-disable */\n${output}`;
}
