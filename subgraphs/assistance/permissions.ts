import type { GraphQLResolveInfo } from 'graphql';
import { and, allow, or, rule } from 'graphql-shield';
import {
  byArgument,
  grants,
  hasPurpose,
  hasScope,
  isAuthenticated,
  isCitizen,
  isOfficerOf,
  isPublic,
  personalDataRule,
  recordedAgainst,
  refusal,
  type ArgumentSubjects,
} from '../shared/rules';
import { isUuid } from '../shared/validation';
import type { AssistanceContext } from './context';
import type { Application } from './entities/application.entity';
import type { CaseStep } from './entities/case-step.entity';

/**
 * Who may read what in the assistance registry, type by type as in schema/assistance.graphql.
 * Fields not listed are denied.
 *
 * - Programmes and public notices (masked): public.
 * - An application's contents: sensitive personal data of the applicant and their household (any
 *   member, as recorded when it was made), or civil-affairs officers with assistance:read:sensitive
 *   and X-Purpose; every read is access-logged against the applicant.
 * - What supervision needs of a case (reference, programme, district, status, dates, colour, cards):
 *   also officers with assistance:read (supervisors of any department), logged the same way.
 * - Review notes, eligibility facts and objections: internal to civil-affairs (assistance:read:sensitive, X-Purpose).
 * - Steps: civil-affairs officers with assistance:write and X-Purpose; the applicant may withdraw or resubmit their own.
 */

const NO_CACHE = { cache: 'no_cache' } as const;
const CASE_REQUIREMENT =
  "is the applicant's household's sensitive data: one of them, or a civil-affairs officer with scope assistance:read:sensitive and an X-Purpose header";

function isMember(application: Application | null, ctx: AssistanceContext): boolean {
  const identity = ctx.caller.identity;
  return (
    identity?.role === 'citizen' &&
    application !== null &&
    (application.applicantId === identity.sub || application.memberIds.includes(identity.sub))
  );
}

function isCaseOfficer(ctx: AssistanceContext): 'yes' | 'needs-purpose' | 'no' {
  const identity = ctx.caller.identity;
  if (
    identity?.role !== 'officer' ||
    identity.dept !== 'civil-affairs' ||
    !grants(identity.scopes, 'assistance:read:sensitive')
  ) {
    return 'no';
  }
  return ctx.caller.purpose ? 'yes' : 'needs-purpose';
}

function readsCase(application: Application | null, ctx: AssistanceContext, info: GraphQLResolveInfo) {
  if (isMember(application, ctx)) return true;
  const officer = isCaseOfficer(ctx);
  if (officer === 'yes') return true;
  return refusal(
    ctx,
    info,
    officer === 'needs-purpose'
      ? 'is sensitive: send an X-Purpose header naming the case or application'
      : CASE_REQUIREMENT,
  );
}

const applicantOf = (application: Application) => [application.applicantId];

/** An application's contents. */
const caseData = () =>
  personalDataRule(
    rule(NO_CACHE)((application: Application, _args, ctx: AssistanceContext, info) =>
      readsCase(application, ctx, info),
    ),
    applicantOf,
  );

/** What supervision needs of a case: the case's readers, or officers with assistance:read. */
const caseMeta = () =>
  personalDataRule(
    rule(NO_CACHE)((application: Application, _args, ctx: AssistanceContext, info) => {
      const identity = ctx.caller.identity;
      if (identity?.role === 'officer' && grants(identity.scopes, 'assistance:read')) return true;
      return readsCase(application, ctx, info);
    }),
    applicantOf,
  );

/** Internal to civil-affairs: review notes, eligibility facts, objections. */
const internalCase = () =>
  personalDataRule(and(isOfficerOf('civil-affairs'), hasScope('assistance:read:sensitive'), hasPurpose), applicantOf);

const stepNote = personalDataRule(
  and(isOfficerOf('civil-affairs'), hasScope('assistance:read:sensitive'), hasPurpose),
  async (step: CaseStep, ctx: AssistanceContext) => {
    const application = await ctx.loaders.application.load(step.application as string);
    return application ? [application.applicantId] : [];
  },
);

/** application(id:|reference:): by the case found; one that does not exist is refused alike. */
const mayLookUpApplication = rule(NO_CACHE)(
  async (_parent, args: { id?: string | null; reference?: string | null }, ctx: AssistanceContext, info) =>
    readsCase(await lookUp(args, ctx), ctx, info),
);

async function lookUp(args: { id?: string | null; reference?: string | null }, ctx: AssistanceContext) {
  if (typeof args.id === 'string') return isUuid(args.id) ? ctx.loaders.application.load(args.id.toLowerCase()) : null;
  if (typeof args.reference === 'string' && args.reference.length <= 30)
    return ctx.loaders.applicationByReference.load(args.reference);
  return null;
}

const applicationArgument: ArgumentSubjects<AssistanceContext> = {
  identifier: (args) =>
    typeof args.id === 'string'
      ? `id=${args.id}`
      : typeof args.reference === 'string'
        ? `reference=${args.reference}`
        : null,
  subjects: async (args, ctx) => {
    const found = await lookUp(args as { id?: string; reference?: string }, ctx);
    return found ? [found.applicantId] : [];
  },
};

const caseOfficerWithPurpose = and(isOfficerOf('civil-affairs'), hasScope('assistance:read:sensitive'), hasPurpose);
const caseWriter = and(isOfficerOf('civil-affairs'), hasScope('assistance:write'), hasPurpose);

/** A citizen applying for themself. */
const appliesForThemself = rule(NO_CACHE)((
  _parent,
  args: { input: { applicantId?: unknown } },
  ctx: AssistanceContext,
) => {
  const identity = ctx.caller.identity;
  return (
    identity?.role === 'citizen' &&
    typeof args.input.applicantId === 'string' &&
    args.input.applicantId.toLowerCase() === identity.sub
  );
});

/** The applicant acting on their own application (what they may do is checked by the step). */
const actsOnOwnApplication = rule(NO_CACHE)(async (
  _parent,
  args: { input: { applicationId?: unknown } },
  ctx: AssistanceContext,
) => {
  const identity = ctx.caller.identity;
  const id = args.input.applicationId;
  if (identity?.role !== 'citizen' || typeof id !== 'string' || !isUuid(id)) return false;
  const application = await ctx.loaders.application.load(id.toLowerCase());
  return application?.applicantId === identity.sub;
});

const applicantOfInput = byArgument<AssistanceContext>('input.applicationId', async (id, ctx) => {
  if (!isUuid(id)) return [];
  const application = await ctx.loaders.application.load(id.toLowerCase());
  return application ? [application.applicantId] : [];
});

const supervisor = hasScope('assistance:read');
/** Reachable only through the guarded fields above; still listed, as nothing is open by default. */
const withinGuardedParent = isAuthenticated;

export const permissions = {
  Query: {
    programmes: isPublic,
    application: recordedAgainst(applicationArgument, mayLookUpApplication),
    applications: caseOfficerWithPurpose,
    myAssistanceApplications: isCitizen,
    publicNotices: isPublic,
    supervision: supervisor,
    onTimeRate: supervisor,
  },
  Mutation: {
    applyForAssistance: recordedAgainst(
      byArgument<AssistanceContext>('input.applicantId', (id) => (isUuid(id) ? [id.toLowerCase()] : [])),
      or(appliesForThemself, caseWriter),
    ),
    transitionApplication: recordedAgainst(applicantOfInput, or(actsOnOwnApplication, caseWriter)),
    // Anyone, during the notice period; the gateway's rate limits bound it.
    objectToNotice: isPublic,
  },
  Programme: {
    code: isPublic,
    name: isPublic,
    service: isPublic,
    noticeDays: isPublic,
    issuesCertificate: isPublic,
  },
  Service: { code: isPublic },
  Person: { id: allow },
  Application: {
    // The opaque key: needed to join and says nothing about the applicant.
    id: allow,
    reference: caseMeta(),
    programme: caseMeta(),
    applicant: caseData(),
    districtCode: caseMeta(),
    householdSize: caseData(),
    declaredMonthlyIncome: caseData(),
    citedCertificateIds: caseData(),
    citedMaterialIds: caseData(),
    status: caseMeta(),
    version: caseData(),
    submittedAt: caseMeta(),
    filedBy: caseData(),
    promisedTimeLimitDays: caseMeta(),
    deadline: caseMeta(),
    colour: caseMeta(),
    proposedAmount: caseData(),
    noticeStartsOn: caseData(),
    noticeEndsOn: caseData(),
    approvedAmount: caseData(),
    periodStart: caseData(),
    periodEnd: caseData(),
    decisionReason: caseData(),
    decidedAt: caseMeta(),
    issuedCertificate: caseData(),
    steps: caseData(),
    eligibility: internalCase(),
    objections: internalCase(),
    cards: caseMeta(),
  },
  CaseActor: { sub: withinGuardedParent, role: withinGuardedParent, department: withinGuardedParent },
  CaseStep: {
    at: withinGuardedParent,
    from: withinGuardedParent,
    to: withinGuardedParent,
    by: withinGuardedParent,
    purpose: withinGuardedParent,
    note: stepNote,
  },
  IssuedCertificate: {
    type: withinGuardedParent,
    number: withinGuardedParent,
    state: withinGuardedParent,
    attempts: withinGuardedParent,
    issuedAt: withinGuardedParent,
  },
  EligibilityFact: {
    kind: withinGuardedParent,
    source: withinGuardedParent,
    asOf: withinGuardedParent,
    status: withinGuardedParent,
    items: withinGuardedParent,
    note: withinGuardedParent,
  },
  FactItem: { personId: withinGuardedParent, description: withinGuardedParent },
  Objection: {
    id: withinGuardedParent,
    text: withinGuardedParent,
    lodgedAt: withinGuardedParent,
    lodgedBy: withinGuardedParent,
  },
  ObjectionReceipt: { id: isPublic, lodgedAt: isPublic },
  SupervisionCard: {
    colour: withinGuardedParent,
    raisedOn: withinGuardedParent,
    deadline: withinGuardedParent,
    department: withinGuardedParent,
  },
  PublicNotice: {
    id: isPublic,
    maskedName: isPublic,
    districtCode: isPublic,
    programme: isPublic,
    programmeName: isPublic,
    proposedAmount: isPublic,
    startsOn: isPublic,
    endsOn: isPublic,
  },
  SupervisionBoard: {
    asOf: withinGuardedParent,
    yellowThresholdDays: withinGuardedParent,
    green: withinGuardedParent,
    yellow: withinGuardedParent,
    red: withinGuardedParent,
    byDepartment: withinGuardedParent,
    byDistrict: withinGuardedParent,
    byProgramme: withinGuardedParent,
    flagged: withinGuardedParent,
  },
  ColourCount: {
    key: withinGuardedParent,
    green: withinGuardedParent,
    yellow: withinGuardedParent,
    red: withinGuardedParent,
  },
  OnTimeReport: {
    from: withinGuardedParent,
    to: withinGuardedParent,
    overall: withinGuardedParent,
    byProgramme: withinGuardedParent,
    byDepartment: withinGuardedParent,
    byDistrict: withinGuardedParent,
  },
  OnTimeCount: {
    key: withinGuardedParent,
    decided: withinGuardedParent,
    onTime: withinGuardedParent,
    late: withinGuardedParent,
    rate: withinGuardedParent,
  },
};
