import type {
  ApplicationResolvers,
  CaseStepResolvers,
  EligibilityFactResolvers,
  ObjectionResolvers,
  PersonResolvers,
  ProgrammeResolvers,
  SupervisionCardResolvers,
} from '../generated/graphql';
import { provenanceOf } from '../../shared/provenance';
import { isUuid } from '../../shared/validation';
import { FILED_FIELDS, issueKey } from '../cases';
import { permissions } from '../permissions';
import { ApplicationRepository } from '../entities/application.repository';
import { colourOf } from '../supervision';

const iso = (value: Date | string | null | undefined) =>
  value == null ? null : value instanceof Date ? value.toISOString() : new Date(value).toISOString();

export const Person: PersonResolvers = {
  // This registry keeps no persons: a reference is its key.
  __resolveReference: (reference) =>
    typeof reference.id === 'string' && isUuid(reference.id) ? { id: reference.id.toLowerCase() } : null,
  assistanceApplications: (person, { programme }, { em }) =>
    new ApplicationRepository(em).madeBy(person.id, programme ?? null),
};

export const Programme: ProgrammeResolvers = {
  service: (programme) => ({ code: programme.serviceCode }),
  issuesCertificate: (programme) => programme.issuesCertificate ?? null,
};

export const Application: ApplicationResolvers = {
  __resolveReference: (reference, { loaders }) =>
    typeof reference.id === 'string' && isUuid(reference.id)
      ? loaders.application.load(reference.id.toLowerCase())
      : null,
  programme: (application, _args, { loaders }) => loaders.programme.load(application.programme as string),
  applicant: (application) => ({ id: application.applicantId }),
  citedCertificateIds: (application) => application.citedCertificateIds,
  citedMaterialIds: (application) => application.citedMaterialIds,
  submittedAt: (application) => iso(application.submittedAt),
  decidedAt: (application) => iso(application.decidedAt),
  filedBy: (application) => ({
    sub: application.filedBySub,
    role: application.filedByRole,
    department: application.filedByDept ?? null,
  }),
  promisedTimeLimitDays: (application) => application.promisedDays,
  colour: (application, _args, { calendar, yellowDays }) => colourOf(application, calendar, yellowDays),
  issuedCertificate: async (application, _args, { loaders }) => {
    if (!application.certificateNumber) return null;
    const row = await loaders.outbox.load(issueKey(application.id));
    return {
      type: 'MINIMUM_ALLOWANCE_CERTIFICATE',
      number: application.certificateNumber,
      state: row?.state === 'DELIVERED' ? 'ISSUED' : (row?.state ?? 'PENDING'),
      attempts: row?.attempts ?? 0,
      issuedAt: iso(row?.deliveredAt ?? null),
    };
  },
  steps: (application, _args, { loaders }) => loaders.steps.load(application.id),
  eligibility: (application, _args, { loaders }) => loaders.facts.load(application.id),
  objections: (application, _args, { loaders }) => loaders.objections.load(application.id),
  cards: (application, _args, { loaders }) => loaders.cards.load(application.id),
  // From field_write (each filing and step records the fields it wrote, in its transaction). A
  // field written only when filed and with no record (loaded before records were kept) was the
  // filer's, at submission: the application names them. Any other: civil-affairs, time unknown.
  provenance: (application, { fields }, ctx, info) =>
    provenanceOf({
      registry: 'assistance',
      rules: permissions,
      typeName: 'Application',
      recordId: application.id,
      parent: application,
      fields,
      ctx,
      info,
      // The record's bookkeeping and other records, not values of it.
      notValues: ['version', 'colour', 'steps', 'eligibility', 'objections', 'cards'],
      unrecorded: (field) =>
        FILED_FIELDS.includes(field)
          ? {
              department: application.filedByDept ?? null,
              changedAt: iso(application.submittedAt),
              suppliedBy: application.filedByRole === 'citizen' ? 'CITIZEN' : 'AUTHORITY',
              recorded: true,
            }
          : undefined,
    }),
};

export const CaseStep: CaseStepResolvers = {
  at: (step) => iso(step.at)!,
  from: (step) => step.fromStatus ?? null,
  to: (step) => step.toStatus,
  by: (step) => ({ sub: step.actorSub, role: step.actorRole, department: step.actorDept ?? null }),
};

export const EligibilityFact: EligibilityFactResolvers = {
  asOf: (fact) => iso(fact.asOf)!,
  items: (fact) => fact.items ?? null,
};

export const Objection: ObjectionResolvers = {
  lodgedAt: (objection) => iso(objection.lodgedAt)!,
  lodgedBy: (objection) =>
    objection.lodgedBySub
      ? { sub: objection.lodgedBySub, role: objection.lodgedByRole ?? '', department: objection.lodgedByDept ?? null }
      : null,
};

export const SupervisionCard: SupervisionCardResolvers = {
  id: (card) => String(card.id),
  application: (card, _args, { loaders }) => loaders.application.load(card.application as string),
  acknowledgedAt: (card) => iso(card.acknowledgedAt),
  acknowledgedBy: (card) =>
    card.acknowledgedBySub
      ? {
          sub: card.acknowledgedBySub,
          role: card.acknowledgedByRole ?? '',
          department: card.acknowledgedByDept ?? null,
        }
      : null,
};
