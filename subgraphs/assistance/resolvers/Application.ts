import type {
  ApplicationResolvers,
  CaseStepResolvers,
  EligibilityFactResolvers,
  ObjectionResolvers,
  ProgrammeResolvers,
  SupervisionCardResolvers,
} from '../generated/graphql';
import { isUuid } from '../../shared/validation';
import { issueKey } from '../cases';
import { colourOf } from '../supervision';

const iso = (value: Date | string | null | undefined) =>
  value == null ? null : value instanceof Date ? value.toISOString() : new Date(value).toISOString();

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

export const SupervisionCard: SupervisionCardResolvers = {};
