import { FIELD_PROVENANCE_PERMISSIONS } from '../shared/provenance';
import { allow, and, or, rule } from 'graphql-shield';
import {
  byArgument,
  departmentInternal,
  hasScope,
  isAuthenticated,
  isOfficerOf,
  isPublic,
  personalData,
  personalDataRule,
  recordedAgainst,
} from '../shared/rules';
import { isUuid } from '../shared/validation';
import type { PersonRef } from '../shared/context';
import type { LegalPersonContext } from './context';
import type { Organization } from './entities/organization.entity';
import type { Penalty } from './entities/penalty.entity';

/**
 * Who may read what in the legal-person registry, type by type as in schema/legal-person.graphql.
 * Fields not listed are denied. Facts about a person (who represents what) are access-logged.
 */

const personal = personalData('organization');

/** The caller is a citizen who is the legal representative of this organization. */
const representsOrganization = rule({ cache: 'no_cache' })(
  (organization: Organization, _args, ctx: LegalPersonContext) =>
    ctx.caller.identity?.role === 'citizen' && organization.legalRepresentativeId === ctx.caller.identity.sub,
);

/** ... of the organization this penalty was imposed on. */
const representsPenalisedOrganization = rule({ cache: 'no_cache' })(async (
  penalty: Penalty,
  _args,
  ctx: LegalPersonContext,
) => {
  if (ctx.caller.identity?.role !== 'citizen') return false;
  try {
    const organization = await ctx.loaders.organizationById.load(penalty.organization.id);
    return organization?.legalRepresentativeId === ctx.caller.identity.sub;
  } catch (error) {
    return error as Error; // an outage, not a denial
  }
});

const details = or(representsOrganization, hasScope('organization:read'));
const penaltyDetails = or(representsPenalisedOrganization, hasScope('organization:read'));
const marketRegulationWrite = and(isOfficerOf('market-regulation'), hasScope('organization:write'));

export const permissions = {
  Query: {
    organization: isPublic,
    organizations: isPublic,
  },
  Mutation: {
    // Naming a legal representative writes a fact about that person: every attempt is recorded
    // against the person named. This registry keeps no persons, so the id is taken as given.
    registerOrganization: recordedAgainst(
      byArgument('input.legalRepresentativeId', (id) => (isUuid(id) ? [id.toLowerCase()] : [])),
      marketRegulationWrite,
    ),
    // A penalty is a decision about an organization (a legal person), not about a natural person.
    recordPenalty: marketRegulationWrite,
  },
  Organization: {
    creditCode: isPublic,
    name: isPublic,
    type: isPublic,
    status: isPublic,
    industryCode: isPublic,
    districtCode: isPublic,
    legalRepresentative: personal.basic((organization: Organization) => [organization.legalRepresentativeId]),
    registeredCapital: details,
    establishedOn: details,
    address: details,
    businessScope: details,
    penalties: details,
    creditRiskClass: departmentInternal('market-regulation', 'organization'),
    // Each personal field's provenance is checked against that field's own rule (shared/provenance.ts).
    provenance: personalDataRule(and(isAuthenticated), (organization: Organization) => [
      organization.legalRepresentativeId,
    ]),
  },
  Penalty: {
    decisionNumber: penaltyDetails,
    decidedOn: penaltyDetails,
    reason: penaltyDetails,
    amount: penaltyDetails,
    authority: penaltyDetails,
  },
  Person: {
    id: allow,
    legalRepresentativeOf: personal.basic((person: PersonRef) => [person.id]),
  },
  FieldProvenance: FIELD_PROVENANCE_PERMISSIONS,
  OrganizationConnection: { edges: isPublic, pageInfo: isPublic, totalCount: isPublic },
  OrganizationEdge: { cursor: isPublic, node: isPublic },
  PageInfo: { hasNextPage: isPublic, endCursor: isPublic },
};
