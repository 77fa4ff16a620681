import type { GraphQLResolveInfo } from 'graphql';
import { and, allow, or, rule } from 'graphql-shield';
import {
  byArgument,
  grants,
  hasPurpose,
  hasScope,
  isAuthenticated,
  firstOf,
  holdsGrant,
  isCitizen,
  isSubject,
  isOfficer,
  isOfficerOf,
  isPublic,
  personalDataRule,
  recordedAgainst,
  refusal,
  type ArgumentSubjects,
  type GrantedAs,
} from '../shared/rules';
import type { PersonRef } from '../shared/context';
import { FIELD_PROVENANCE_PERMISSIONS } from '../shared/provenance';
import { isUuid } from '../shared/validation';
import type { AssistanceContext } from './context';
import type { Application } from './entities/application.entity';
import type { CaseStep } from './entities/case-step.entity';
import { isCardId } from './supervision';

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
 * - Person.assistanceApplications and the contents of those applications: also an officer holding
 *   the applicant's consent grant of Person.assistanceApplications for the
 *   request's purpose, logged with the grant; never the case record, internal fields or cards.
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
const caseOfficerWithPurpose = and(isOfficerOf('civil-affairs'), hasScope('assistance:read:sensitive'), hasPurpose);

/**
 * The grant coordinate that covers an application's contents: the applicant's grant of their
 * applications (one coordinate: a preview per programme would take more aliases than the gateway
 * allows the consent preview's single query).
 */
const grantedApplication: GrantedAs<Application> = () => ['Person.assistanceApplications'];

/**
 * An officer without assistance:read:sensitive holding the applicant's consent grant of their
 * applications for the request's purpose: the read is logged with the grant.
 */
const underGrant = () => holdsGrant<Application>('assistance:read:sensitive', applicantOf, grantedApplication);

/**
 * An application's contents. `grantable`: also for the holder of the applicant's consent grant
 * (the case record, eligibility, objections and cards never are).
 */
const caseData = ({ grantable }: { grantable: boolean } = { grantable: true }) =>
  personalDataRule(
    firstOf(
      rule(NO_CACHE)((application: Application, _args, ctx: AssistanceContext, info) =>
        readsCase(application, ctx, info),
      ),
      ...(grantable ? [underGrant()] : []),
    ),
    applicantOf,
  );

/** What supervision needs of a case: the case's readers, officers with assistance:read, or a grant's holder. */
const caseMeta = ({ grantable }: { grantable: boolean } = { grantable: true }) =>
  personalDataRule(
    firstOf(
      rule(NO_CACHE)((application: Application, _args, ctx: AssistanceContext, info) => {
        const identity = ctx.caller.identity;
        if (identity?.role === 'officer' && grants(identity.scopes, 'assistance:read')) return true;
        return readsCase(application, ctx, info);
      }),
      ...(grantable ? [underGrant()] : []),
    ),
    applicantOf,
  );

const theirOwn = (person: PersonRef) => [person.id];

/**
 * Person.assistanceApplications: the person themself, civil-affairs case officers with a purpose,
 * or the holder of the person's grant of the field (whatever programme it is narrowed to).
 */
const personsApplications = personalDataRule(
  firstOf(
    isSubject(theirOwn),
    caseOfficerWithPurpose,
    holdsGrant<PersonRef>('assistance:read:sensitive', theirOwn, () => ['Person.assistanceApplications']),
  ),
  theirOwn,
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

/** Officers with assistance:read see the cards raised to their own department (the resolver narrows to it). */
const cardReader = and(isOfficer, hasScope('assistance:read'));

/** The card's department: the officers it is raised to. */
const ofTheCardsDepartment = rule(NO_CACHE)(async (
  _parent,
  args: { input: { cardId?: unknown } },
  ctx: AssistanceContext,
  info,
) => {
  const id = args.input.cardId;
  const card = typeof id === 'string' && isCardId(id.trim()) ? await ctx.loaders.card.load(id.trim()) : null;
  // An unknown card is the resolver's BAD_USER_INPUT; a card of another department is refused here.
  if (!card || card.department === ctx.caller.identity?.dept) return true;
  return refusal(ctx, info, `is for officers of ${card.department}, the department the card is raised to`);
});

const applicantOfCard = byArgument<AssistanceContext>('input.cardId', async (id, ctx) => {
  const card = isCardId(id.trim()) ? await ctx.loaders.card.load(id.trim()) : null;
  const application = card ? await ctx.loaders.application.load(card.application as string) : null;
  return application ? [application.applicantId] : [];
});
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
    supervisionCards: cardReader,
  },
  Mutation: {
    applyForAssistance: recordedAgainst(
      byArgument<AssistanceContext>('input.applicantId', (id) => (isUuid(id) ? [id.toLowerCase()] : [])),
      or(appliesForThemself, caseWriter),
    ),
    transitionApplication: recordedAgainst(applicantOfInput, or(actsOnOwnApplication, caseWriter)),
    // Anyone, during the notice period; the gateway's rate limits bound it.
    objectToNotice: isPublic,
    acknowledgeSupervisionCard: recordedAgainst(
      applicantOfCard,
      and(isOfficer, hasScope('assistance:write'), hasPurpose, ofTheCardsDepartment),
    ),
  },
  Programme: {
    code: isPublic,
    name: isPublic,
    service: isPublic,
    noticeDays: isPublic,
    issuesCertificate: isPublic,
  },
  Service: { code: isPublic },
  Person: { id: allow, assistanceApplications: personsApplications },
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
    filedBy: caseData({ grantable: false }),
    promisedTimeLimitDays: caseMeta(),
    deadline: caseMeta(),
    clockPausedOn: caseMeta(),
    colour: caseMeta(),
    proposedAmount: caseData(),
    noticeStartsOn: caseData(),
    noticeEndsOn: caseData(),
    approvedAmount: caseData(),
    periodStart: caseData(),
    periodEnd: caseData(),
    decisionReason: caseData(),
    decidedAt: caseMeta(),
    issuedCertificate: caseData({ grantable: false }),
    steps: caseData({ grantable: false }),
    eligibility: internalCase(),
    objections: internalCase(),
    cards: caseMeta({ grantable: false }),
    // Each field's provenance is checked against that field's own rule (shared/provenance.ts).
    provenance: personalDataRule(and(isAuthenticated), applicantOf),
  },
  FieldProvenance: FIELD_PROVENANCE_PERMISSIONS,
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
  // Reached through Application.cards (the case's rules) or supervisionCards (its department's officers).
  SupervisionCard: {
    id: withinGuardedParent,
    colour: withinGuardedParent,
    raisedOn: withinGuardedParent,
    deadline: withinGuardedParent,
    department: withinGuardedParent,
    application: withinGuardedParent,
    acknowledgedAt: withinGuardedParent,
    acknowledgedBy: withinGuardedParent,
    acknowledgedPurpose: withinGuardedParent,
    acknowledgementNote: withinGuardedParent,
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
    paused: withinGuardedParent,
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
