import type { GraphQLResolveInfo } from 'graphql';
import { FIELD_PROVENANCE_PERMISSIONS } from '../shared/provenance';
import { and, allow, deny, or, rule } from 'graphql-shield';
import {
  byArgument,
  grants,
  hasPurpose,
  hasScope,
  isAuthenticated,
  isPublic,
  isServiceOperation,
  personalData,
  personalDataRule,
  recordedAgainst,
  refusal,
  type ArgumentSubjects,
} from '../shared/rules';
import { isUuid } from '../shared/validation';
import { pathKey } from '../shared/access-log/path';
import { coordinatesOf } from '../shared/consent/fields';
import type { Caller } from '../shared/identity';
import type { CertificateContext } from './context';
import type { Certificate } from './entities/certificate.entity';
import type { Material } from './entities/material.entity';
import { MAX_NUMBER_LENGTH } from './certificate-types';
import { lookupKey } from './entities/certificate.repository';
import type { ReadinessItemResult } from './readiness';
import type { OrganizationParent } from './resolvers/Organization';
import type { PersonParent } from './resolvers/Person';

/**
 * Who may read what in the certificate registry, type by type as in schema/certificate.graphql.
 * Fields not listed are denied.
 *
 * - The catalogues (certificate types, material kinds, services) and verifyCertificate: public.
 * - A person's certificates and materials: sensitive personal data of that person (the person
 *   themself, or officers with certificate:read:sensitive who send X-Purpose), access-logged.
 * - An organization's certificates: officers with organization:read or certificate:read, or the
 *   organization's legal representative (asked of the legal-person registry on their behalf).
 * - Issuing, revoking, renewing: officers of the type's issuing department with certificate:write.
 */

const NO_CACHE = { cache: 'no_cache' } as const;
const personal = personalData('certificate');

/** Whether a caller may read certificate data (certificates, materials, readiness) about a person, and if not why. */
export type PersonDataDecision = 'granted' | 'needs-purpose' | 'refused';

/** The person themself, or an officer with certificate:read:sensitive and a purpose. */
export function personDataDecision(caller: Caller, personId: string | null): PersonDataDecision {
  const identity = caller.identity;
  if (identity?.role === 'citizen' && personId !== null && identity.sub === personId) return 'granted';
  if (identity?.role === 'officer' && grants(identity.scopes, 'certificate:read:sensitive')) {
    return caller.purpose ? 'granted' : 'needs-purpose';
  }
  return 'refused';
}

export const PERSON_DATA_REQUIREMENT =
  "is sensitive personal data: the person's own, or an officer with scope certificate:read:sensitive and an X-Purpose header";
export const PURPOSE_REQUIREMENT = 'is sensitive: send an X-Purpose header naming the case or application';

function readsPersonData(personId: string | null, ctx: CertificateContext, info: GraphQLResolveInfo) {
  const decision = personDataDecision(ctx.caller, personId);
  if (decision === 'granted') return true;
  return refusal(ctx, info, decision === 'needs-purpose' ? PURPOSE_REQUIREMENT : PERSON_DATA_REQUIREMENT);
}

/** May the caller read an organization's certificates? Officers with organization:read or certificate:read, or its legal representative. */
async function readsOrganizationCertificates(
  creditCode: string | null,
  ctx: CertificateContext,
  info: GraphQLResolveInfo,
) {
  const identity = ctx.caller.identity;
  if (
    identity?.role === 'officer' &&
    (grants(identity.scopes, 'organization:read') || grants(identity.scopes, 'certificate:read'))
  ) {
    return true;
  }
  if (identity?.role === 'citizen' && creditCode !== null) {
    try {
      if ((await ctx.representedOrganizations()).has(creditCode)) return true;
    } catch (error) {
      return error as Error; // an outage, not a denial
    }
  }
  return refusal(
    ctx,
    info,
    "is the organization's: officers with scope organization:read or certificate:read, or its legal representative",
  );
}

/**
 * The department that issues a certificate keeps it: its officers with certificate:write read the
 * certificates it issued (a person's with a purpose, like any sensitive read), so an issuing,
 * revoking or renewing officer sees what they did.
 */
function isIssuingOfficer(certificate: Certificate, ctx: CertificateContext): boolean {
  const identity = ctx.caller.identity;
  return (
    identity?.role === 'officer' &&
    identity.dept === certificate.issuingDepartment &&
    grants(identity.scopes, 'certificate:write') &&
    (certificate.holderKind === 'ORGANIZATION' || ctx.caller.purpose !== null)
  );
}

/** The assistance registry, as itself, reads back the minimum-allowance certificate it has just had issued. */
function isAssistanceIssuing(certificate: Certificate, ctx: CertificateContext): boolean {
  const { identity, operationName, via } = ctx.caller;
  return (
    identity?.role === 'service' &&
    identity.sub === 'assistance' &&
    via === null &&
    operationName === 'AssistanceIssueMinimumAllowanceCertificate' &&
    certificate.type === 'MINIMUM_ALLOWANCE_CERTIFICATE'
  );
}

/**
 * An officer without certificate:read:sensitive who holds the holder's consent grant for their
 * certificates (all of them, or this type), for the request's purpose: the read is logged with the grant.
 */
async function readsUnderGrant(certificate: Certificate, ctx: CertificateContext, info: GraphQLResolveInfo) {
  const identity = ctx.caller.identity;
  if (!ctx.consent.applies || !identity || !certificate.holderPersonId) return false;
  if (grants(identity.scopes, 'certificate:read:sensitive')) return false;
  const grant = await ctx.consent.grantFor(
    [certificate.holderPersonId],
    coordinatesOf('Person.certificates', { type: certificate.type }),
  );
  if (grant === null) return false;
  ctx.access.allowedByGrant(pathKey(info), grant);
  return true;
}

async function readsCertificate(certificate: Certificate, ctx: CertificateContext, info: GraphQLResolveInfo) {
  if (isIssuingOfficer(certificate, ctx) || isAssistanceIssuing(certificate, ctx)) return true;
  if (certificate.holderKind !== 'PERSON') {
    return readsOrganizationCertificates(certificate.holderCreditCode ?? null, ctx, info);
  }
  const decision = readsPersonData(certificate.holderPersonId ?? null, ctx, info);
  if (decision === true) return true;
  try {
    return (await readsUnderGrant(certificate, ctx, info)) ? true : decision;
  } catch (error) {
    return error as Error; // an outage, not a denial
  }
}

/** Every field of a certificate: by its holder; logged against a person holder. */
const certificateData = personalDataRule(
  rule(NO_CACHE)((certificate: Certificate, _args, ctx: CertificateContext, info) =>
    readsCertificate(certificate, ctx, info),
  ),
  (certificate: Certificate) => (certificate.holderPersonId ? [certificate.holderPersonId] : []),
);

/** Every field of a material: its owner's sensitive data. */
const materialData = personalDataRule(
  rule(NO_CACHE)((material: Material, _args, ctx: CertificateContext, info) =>
    readsPersonData(material.ownerId, ctx, info),
  ),
  (material: Material) => [material.ownerId],
);

/**
 * Which certificate or material satisfies a readiness item: only for callers who may read that
 * holder's certificates anyway (the applicant sees each household member's status, not their papers).
 */
const readinessEvidence = personalDataRule(
  rule(NO_CACHE)(async (item: ReadinessItemResult, _args, ctx: CertificateContext, info) => {
    if (item.certificate) return readsCertificate(item.certificate, ctx, info);
    if (item.material) return readsPersonData(item.material.ownerId, ctx, info);
    return true; // nothing to show
  }),
  (item: ReadinessItemResult) => (item.personId && (item.certificate || item.material) ? [item.personId] : []),
);

const theirOwn = (person: PersonParent) => [person.id];
const personCertificateData = personal.sensitive(theirOwn);

const organizationCertificates = rule(NO_CACHE)(
  (organization: OrganizationParent, _args, ctx: CertificateContext, info) =>
    readsOrganizationCertificates(organization.creditCode, ctx, info),
);

/**
 * certificate(type:, number:): by the rules of the certificate found. A person's certificate that
 * does not exist is refused like one that is not the caller's, so the answer reveals nothing to
 * those who may not read it; only those who may read such certificates learn that there is none.
 */
const mayLookUpCertificate = rule(NO_CACHE)(async (
  _parent,
  args: { type: string; number: string },
  ctx: CertificateContext,
  info,
) => {
  const key = lookupKey(args.type, args.number, MAX_NUMBER_LENGTH);
  const [type, certificate] = await Promise.all([
    ctx.loaders.certificateType.load(args.type),
    key ? ctx.loaders.certificateByTypeNumber.load(key) : null,
  ]);
  if (certificate) return readsCertificate(certificate, ctx, info);
  return type?.holderKind === 'ORGANIZATION'
    ? readsOrganizationCertificates(null, ctx, info)
    : readsPersonData(null, ctx, info);
});

/** material(id:): as certificate(), by the material's owner. */
const mayLookUpMaterial = rule(NO_CACHE)(async (_parent, args: { id: string }, ctx: CertificateContext, info) => {
  const material = await ctx.loaders.material.load(args.id.toLowerCase());
  return readsPersonData(material?.ownerId ?? null, ctx, info);
});

/** An officer of the issuing department of the type named in `input.type`, with certificate:write. */
const issuesThisType = rule(NO_CACHE)(async (
  _parent,
  args: { input: { type: string } },
  ctx: CertificateContext,
  info,
) => {
  const identity = ctx.caller.identity;
  if (identity?.role !== 'officer' || !grants(identity.scopes, 'certificate:write')) {
    return refusal(ctx, info, 'requires an officer token with scope certificate:write of the issuing department');
  }
  const type = await ctx.loaders.certificateType.load(args.input.type);
  if (type && identity.dept === type.issuingDepartment) return true;
  return refusal(
    ctx,
    info,
    `for a ${type?.name ?? args.input.type} (${args.input.type}) is for officers of ${type?.issuingDepartment ?? 'its issuing department'}, which issues it`,
  );
});

/**
 * The assistance registry's outbox, as itself, issuing the minimum-allowance certificate of an
 * approved application: that operation and that certificate type only (service-calls.ts).
 */
const assistanceIssuesMinimumAllowance = isServiceOperation(
  'assistance',
  'AssistanceIssueMinimumAllowanceCertificate',
  {
    when: (args) => (args.input as { type?: unknown } | undefined)?.type === 'MINIMUM_ALLOWANCE_CERTIFICATE',
  },
);

/**
 * The assistance registry's outbox, as itself, recording that an application used a material it
 * cites (the application reference is the service call's purpose): that operation only.
 */
const assistanceRecordsMaterialUse = isServiceOperation('assistance', 'AssistanceRecordMaterialUse');

// Whose data root fields' arguments point at: every outcome of those fields (refusals and bad input
// too) is access-logged against them, with the identifier the caller used.

/** The holder of the certificate `type`/`number` name (none for an organization's, or no certificate). */
function holderOfCertificate(numberPath: string, typePath: string): ArgumentSubjects<CertificateContext> {
  const valueAt = (args: Record<string, unknown>, path: string) =>
    path.split('.').reduce<unknown>((value, key) => (value as Record<string, unknown> | null)?.[key], args);
  return {
    identifier: (args) => {
      const number = valueAt(args, numberPath);
      return typeof number === 'string' ? `${numberPath}=${number}` : null;
    },
    subjects: async (args, ctx) => {
      const [type, number] = [valueAt(args, typePath), valueAt(args, numberPath)];
      if (typeof type !== 'string' || typeof number !== 'string') return [];
      const key = lookupKey(type, number, MAX_NUMBER_LENGTH);
      const found = key ? await ctx.loaders.certificateByTypeNumber.load(key) : null;
      return found?.holderPersonId ? [found.holderPersonId] : [];
    },
  };
}

/** The person a certificate is being issued to (an organization holder is recorded by its credit code, with no person). */
const issuedTo: ArgumentSubjects<CertificateContext> = {
  identifier: (args) => {
    const holder = (args.input as { holder?: { personId?: unknown; creditCode?: unknown } } | undefined)?.holder;
    if (typeof holder?.personId === 'string') return `input.holder.personId=${holder.personId}`;
    if (typeof holder?.creditCode === 'string') return `input.holder.creditCode=${holder.creditCode}`;
    return null;
  },
  subjects: (args) => {
    const personId = (args.input as { holder?: { personId?: unknown } } | undefined)?.holder?.personId;
    return typeof personId === 'string' && isUuid(personId) ? [personId.toLowerCase()] : [];
  },
};

const ownerOfMaterial = (path: string) =>
  byArgument<CertificateContext>(path, async (id, ctx) => {
    if (!isUuid(id)) return [];
    const material = await ctx.loaders.material.load(id.toLowerCase());
    return material ? [material.ownerId] : [];
  });

/** Reachable only through the guarded fields above; still listed, as nothing is open by default. */
const withinGuardedParent = isAuthenticated;

export const permissions = {
  Query: {
    certificateTypes: isPublic,
    certificateType: isPublic,
    materialKinds: isPublic,
    services: isPublic,
    service: isPublic,
    certificate: recordedAgainst(holderOfCertificate('number', 'type'), mayLookUpCertificate),
    // Public; a successful verification is recorded against the holder by the resolver (a wrong
    // code names no one, and recording every guess would let anyone fill the log).
    verifyCertificate: isPublic,
    material: recordedAgainst(ownerOfMaterial('id'), mayLookUpMaterial),
  },
  Mutation: {
    issueCertificate: recordedAgainst(issuedTo, or(assistanceIssuesMinimumAllowance, issuesThisType)),
    revokeCertificate: recordedAgainst(holderOfCertificate('input.number', 'input.type'), issuesThisType),
    renewCertificate: recordedAgainst(holderOfCertificate('input.number', 'input.type'), issuesThisType),
    recordMaterialUse: recordedAgainst(
      ownerOfMaterial('input.materialId'),
      or(assistanceRecordsMaterialUse, and(hasScope('certificate:read:sensitive'), hasPurpose)),
    ),
  },
  CertificateType: {
    code: isPublic,
    name: isPublic,
    issuingDepartment: isPublic,
    holderKind: isPublic,
    validityRule: isPublic,
    validityYears: isPublic,
    validityDescription: isPublic,
    numberFormat: isPublic,
  },
  Certificate: {
    // The opaque key: needed to join across subgraphs and says nothing about the holder.
    id: allow,
    type: certificateData,
    number: certificateData,
    holder: certificateData,
    issuingDepartment: certificateData,
    issuingAuthority: certificateData,
    issuedOn: certificateData,
    validUntil: certificateData,
    status: certificateData,
    revocation: certificateData,
    attributes: certificateData,
    verificationCode: certificateData,
    signedForm: certificateData,
    // Each field's provenance is checked against that field's own rule (shared/provenance.ts).
    provenance: personalDataRule(and(isAuthenticated), (certificate: Certificate) =>
      certificate.holderPersonId ? [certificate.holderPersonId] : [],
    ),
  },
  Revocation: { revokedOn: withinGuardedParent, reason: withinGuardedParent },
  MarriageAttributes: { spouse: withinGuardedParent },
  DisabilityAttributes: { category: withinGuardedParent, grade: withinGuardedParent },
  MinimumAllowanceAttributes: { monthlyAmount: withinGuardedParent, coveredMembers: withinGuardedParent },
  DiplomaAttributes: { school: withinGuardedParent, level: withinGuardedParent, major: withinGuardedParent },
  VocationalQualificationAttributes: {
    occupation: withinGuardedParent,
    occupationCode: withinGuardedParent,
    level: withinGuardedParent,
  },
  CertificateVerification: {
    type: isPublic,
    status: isPublic,
    issuingDepartment: isPublic,
    issuingAuthority: isPublic,
    issuedOn: isPublic,
    validUntil: isPublic,
    holderName: isPublic,
  },
  MaterialKind: { code: isPublic, name: isPublic, description: isPublic },
  Service: {
    code: isPublic,
    abbreviation: isPublic,
    name: isPublic,
    department: isPublic,
    legalBasis: isPublic,
    conditions: isPublic,
    procedure: isPublic,
    statutoryTimeLimitDays: isPublic,
    promisedTimeLimitDays: isPublic,
    feeBasis: isPublic,
    feeStandard: isPublic,
    requiredMaterials: isPublic,
  },
  ServiceRequirement: {
    position: isPublic,
    certificateType: isPublic,
    materialKind: isPublic,
    description: isPublic,
    provider: isPublic,
    originalRequired: isPublic,
    maxAgeDays: isPublic,
  },
  Material: {
    id: materialData,
    owner: materialData,
    kind: materialData,
    size: materialData,
    mediaType: materialData,
    sha256: materialData,
    fileName: materialData,
    uploadedAt: materialData,
    uploadedBy: materialData,
    uses: materialData,
    downloadPath: materialData,
    provenance: personalDataRule(and(isAuthenticated), (material: Material) => [material.ownerId]),
  },
  Actor: { sub: withinGuardedParent, role: withinGuardedParent, department: withinGuardedParent },
  MaterialUse: {
    service: withinGuardedParent,
    reference: withinGuardedParent,
    usedAt: withinGuardedParent,
    usedBy: withinGuardedParent,
  },
  MaterialConnection: { edges: withinGuardedParent, pageInfo: withinGuardedParent, totalCount: withinGuardedParent },
  MaterialEdge: { cursor: withinGuardedParent, node: withinGuardedParent },
  PageInfo: { hasNextPage: withinGuardedParent, endCursor: withinGuardedParent },
  Readiness: {
    service: withinGuardedParent,
    complete: withinGuardedParent,
    satisfied: withinGuardedParent,
    expired: withinGuardedParent,
    missing: withinGuardedParent,
    unknown: withinGuardedParent,
    items: withinGuardedParent,
  },
  ReadinessItem: {
    requirement: withinGuardedParent,
    person: withinGuardedParent,
    relationship: withinGuardedParent,
    status: withinGuardedParent,
    note: withinGuardedParent,
    certificate: readinessEvidence,
    material: readinessEvidence,
  },
  Person: {
    id: allow,
    // Provided by natural-person and delivered in representations for @requires; never resolved here.
    household: deny,
    certificates: personCertificateData,
    materials: personCertificateData,
    readiness: personCertificateData,
    holdings: personCertificateData,
  },
  Holding: { kind: withinGuardedParent, id: withinGuardedParent, status: withinGuardedParent },
  // Declared only so that Person.readiness can @require them; never resolved here.
  Household: { number: deny, members: deny },
  HouseholdMember: { person: deny, relationship: deny },
  FieldProvenance: FIELD_PROVENANCE_PERMISSIONS,
  Organization: {
    creditCode: allow,
    certificates: organizationCertificates,
    readiness: organizationCertificates,
  },
};
