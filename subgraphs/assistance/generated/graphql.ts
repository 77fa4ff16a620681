/* Generated from schema/assistance.graphql by `npm run codegen`. Do not edit. */
/* eslint-disable */
import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { Programme as ProgrammeModel } from '../entities/programme.entity';
import type { Application as ApplicationModel } from '../entities/application.entity';
import type { CaseStep as CaseStepModel } from '../entities/case-step.entity';
import type { EligibilityFact as EligibilityFactModel } from '../entities/eligibility-fact.entity';
import type { Objection as ObjectionModel } from '../entities/objection.entity';
import type { SupervisionCard as SupervisionCardModel } from '../entities/supervision-card.entity';
import type { PersonRef as PersonRefModel } from '../../shared/context';
import type { AssistanceContext } from '../context';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** Calendar date, ISO 8601 (YYYY-MM-DD). */
  Date: { input: string; output: string; }
  /** Instant, ISO 8601 in UTC, e.g. 2026-11-21T08:30:00.000Z. */
  DateTime: { input: string; output: string; }
  /** An amount in yuan as a decimal string with at most two decimals, e.g. "1250000.00". */
  Money: { input: string; output: string; }
  link__Import: { input: unknown; output: unknown; }
  federation__FieldSet: { input: unknown; output: unknown; }
  federation__Scope: { input: unknown; output: unknown; }
  federation__Policy: { input: unknown; output: unknown; }
  _Any: { input: Record<string, unknown>; output: Record<string, unknown>; }
};

/**
 * Assistance registry (civil-affairs): social assistance applications, their case record, public
 * notice (公示) and supervision (电子监察).
 *
 * Field classes:
 * - public (anyone, no token): the programmes, public notices during their notice period (names masked);
 * - an application's contents are sensitive personal data: the applicant and the members of their
 *   household, or civil-affairs officers with assistance:read:sensitive who send X-Purpose; logged;
 * - review notes and objections are internal to civil-affairs (officers with assistance:read);
 * - supervision figures: officers with assistance:read.
 * Steps are taken by civil-affairs officers with assistance:write and X-Purpose.
 */
export type Query = {
  __typename?: 'Query';
  /** Public. The eight social assistance programmes, each tied to its service in the catalogue. */
  programmes: Array<Programme>;
  /**
   * An application by id or reference: the applicant and their household's members, or civil-affairs
   * officers with assistance:read:sensitive and X-Purpose. Refused alike whether or not it exists.
   */
  application?: Maybe<Application>;
  /**
   * Applications in a department's work queue, oldest deadline first: civil-affairs officers with
   * assistance:read:sensitive and X-Purpose. Page size 1 to 100.
   */
  applications?: Maybe<Array<Application>>;
  /** The signed-in citizen's own applications (as applicant or household member), newest first. */
  myAssistanceApplications?: Maybe<Array<Application>>;
  /**
   * Public, no token needed. The proposed recipients in their notice period today (China Standard
   * Time): masked name, district, programme, proposed amount, dates. Nothing after the period ends.
   */
  publicNotices: Array<PublicNotice>;
  /**
   * Supervision board (电子监察): every open case's colour (GREEN, YELLOW within the yellow threshold
   * of working days before its promised deadline, RED past it), counted by department, district and
   * programme. Officers with assistance:read.
   */
  supervision?: Maybe<SupervisionBoard>;
  /**
   * On-time completion rate of the cases decided (approved, rejected) between from and to
   * (inclusive), overall and per programme, department and district, with the counts behind it.
   * Officers with assistance:read.
   */
  onTimeRate?: Maybe<OnTimeReport>;
  /**
   * Supervision cards raised to the caller's own department, oldest first: the open ones (not yet
   * acknowledged) by default, or the acknowledged ones. Officers with assistance:read; an officer of a
   * department no card is raised to gets an empty list. Page size 1 to 100.
   */
  supervisionCards?: Maybe<Array<SupervisionCard>>;
  _entities: Array<Maybe<_Entity>>;
  _service: _Service;
};


/**
 * Assistance registry (civil-affairs): social assistance applications, their case record, public
 * notice (公示) and supervision (电子监察).
 *
 * Field classes:
 * - public (anyone, no token): the programmes, public notices during their notice period (names masked);
 * - an application's contents are sensitive personal data: the applicant and the members of their
 *   household, or civil-affairs officers with assistance:read:sensitive who send X-Purpose; logged;
 * - review notes and objections are internal to civil-affairs (officers with assistance:read);
 * - supervision figures: officers with assistance:read.
 * Steps are taken by civil-affairs officers with assistance:write and X-Purpose.
 */
export type QueryApplicationArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
  reference?: InputMaybe<Scalars['String']['input']>;
};


/**
 * Assistance registry (civil-affairs): social assistance applications, their case record, public
 * notice (公示) and supervision (电子监察).
 *
 * Field classes:
 * - public (anyone, no token): the programmes, public notices during their notice period (names masked);
 * - an application's contents are sensitive personal data: the applicant and the members of their
 *   household, or civil-affairs officers with assistance:read:sensitive who send X-Purpose; logged;
 * - review notes and objections are internal to civil-affairs (officers with assistance:read);
 * - supervision figures: officers with assistance:read.
 * Steps are taken by civil-affairs officers with assistance:write and X-Purpose.
 */
export type QueryApplicationsArgs = {
  filter?: InputMaybe<ApplicationFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * Assistance registry (civil-affairs): social assistance applications, their case record, public
 * notice (公示) and supervision (电子监察).
 *
 * Field classes:
 * - public (anyone, no token): the programmes, public notices during their notice period (names masked);
 * - an application's contents are sensitive personal data: the applicant and the members of their
 *   household, or civil-affairs officers with assistance:read:sensitive who send X-Purpose; logged;
 * - review notes and objections are internal to civil-affairs (officers with assistance:read);
 * - supervision figures: officers with assistance:read.
 * Steps are taken by civil-affairs officers with assistance:write and X-Purpose.
 */
export type QueryPublicNoticesArgs = {
  district?: InputMaybe<Scalars['String']['input']>;
  programme?: InputMaybe<ProgrammeCode>;
};


/**
 * Assistance registry (civil-affairs): social assistance applications, their case record, public
 * notice (公示) and supervision (电子监察).
 *
 * Field classes:
 * - public (anyone, no token): the programmes, public notices during their notice period (names masked);
 * - an application's contents are sensitive personal data: the applicant and the members of their
 *   household, or civil-affairs officers with assistance:read:sensitive who send X-Purpose; logged;
 * - review notes and objections are internal to civil-affairs (officers with assistance:read);
 * - supervision figures: officers with assistance:read.
 * Steps are taken by civil-affairs officers with assistance:write and X-Purpose.
 */
export type QuerySupervisionArgs = {
  filter?: InputMaybe<SupervisionFilter>;
};


/**
 * Assistance registry (civil-affairs): social assistance applications, their case record, public
 * notice (公示) and supervision (电子监察).
 *
 * Field classes:
 * - public (anyone, no token): the programmes, public notices during their notice period (names masked);
 * - an application's contents are sensitive personal data: the applicant and the members of their
 *   household, or civil-affairs officers with assistance:read:sensitive who send X-Purpose; logged;
 * - review notes and objections are internal to civil-affairs (officers with assistance:read);
 * - supervision figures: officers with assistance:read.
 * Steps are taken by civil-affairs officers with assistance:write and X-Purpose.
 */
export type QueryOnTimeRateArgs = {
  from: Scalars['Date']['input'];
  to: Scalars['Date']['input'];
};


/**
 * Assistance registry (civil-affairs): social assistance applications, their case record, public
 * notice (公示) and supervision (电子监察).
 *
 * Field classes:
 * - public (anyone, no token): the programmes, public notices during their notice period (names masked);
 * - an application's contents are sensitive personal data: the applicant and the members of their
 *   household, or civil-affairs officers with assistance:read:sensitive who send X-Purpose; logged;
 * - review notes and objections are internal to civil-affairs (officers with assistance:read);
 * - supervision figures: officers with assistance:read.
 * Steps are taken by civil-affairs officers with assistance:write and X-Purpose.
 */
export type QuerySupervisionCardsArgs = {
  acknowledged?: InputMaybe<Scalars['Boolean']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * Assistance registry (civil-affairs): social assistance applications, their case record, public
 * notice (公示) and supervision (电子监察).
 *
 * Field classes:
 * - public (anyone, no token): the programmes, public notices during their notice period (names masked);
 * - an application's contents are sensitive personal data: the applicant and the members of their
 *   household, or civil-affairs officers with assistance:read:sensitive who send X-Purpose; logged;
 * - review notes and objections are internal to civil-affairs (officers with assistance:read);
 * - supervision figures: officers with assistance:read.
 * Steps are taken by civil-affairs officers with assistance:write and X-Purpose.
 */
export type Query_EntitiesArgs = {
  representations: Array<Scalars['_Any']['input']>;
};

export type Mutation = {
  __typename?: 'Mutation';
  /**
   * Applies for a programme. A citizen for themself (applicantId their own id), or a civil-affairs
   * officer with assistance:write and X-Purpose at a counter for them. Checked through the graph on the
   * caller's behalf: the applicant in natural-person and the service's required materials in the
   * certificate registry (readiness); anything missing or expired is listed at once, and nothing is written.
   */
  applyForAssistance?: Maybe<Application>;
  /**
   * Moves an application one step: civil-affairs officers with assistance:write and X-Purpose (the
   * applicant may withdraw their own, and resubmit one returned for materials). A step the case
   * cannot take from where it is fails with BAD_USER_INPUT rule `transition` and changes nothing; of
   * two officers acting at once on the same version, one wins and the other is told to reload.
   */
  transitionApplication?: Maybe<Application>;
  /**
   * Lodges an objection to a public notice, during its notice period, anonymously or signed in. It is
   * attached to the case for the responsible officers; nothing about the case is returned.
   */
  objectToNotice?: Maybe<ObjectionReceipt>;
  /**
   * Acknowledges a supervision card raised to the caller's department, saying what is being done:
   * an officer of that department with assistance:write and X-Purpose. Recorded (who, when, purpose,
   * note) on the card and in the access log; a card already acknowledged fails with BAD_USER_INPUT
   * rule `acknowledged`.
   */
  acknowledgeSupervisionCard?: Maybe<SupervisionCard>;
};


export type MutationApplyForAssistanceArgs = {
  input: ApplyForAssistanceInput;
};


export type MutationTransitionApplicationArgs = {
  input: TransitionInput;
};


export type MutationObjectToNoticeArgs = {
  input: ObjectionInput;
};


export type MutationAcknowledgeSupervisionCardArgs = {
  input: AcknowledgeCardInput;
};

export type ProgrammeCode =
  /** 最低生活保障 */
  | 'MINIMUM_LIVING_ALLOWANCE'
  /** 特困人员供养 */
  | 'EXTREME_POVERTY_SUPPORT'
  /** 受灾人员救助 */
  | 'DISASTER_VICTIM_RELIEF'
  /** 医疗救助 */
  | 'MEDICAL_ASSISTANCE'
  /** 教育救助 */
  | 'EDUCATION_ASSISTANCE'
  /** 住房救助 */
  | 'HOUSING_ASSISTANCE'
  /** 就业救助 */
  | 'EMPLOYMENT_ASSISTANCE'
  /** 临时救助 */
  | 'TEMPORARY_ASSISTANCE';

export type AssistanceStatus =
  /** Received, not yet accepted. */
  | 'SUBMITTED'
  /** 受理: accepted for processing. */
  | 'ACCEPTED'
  /** 审核: eligibility under review. */
  | 'UNDER_REVIEW'
  /** 公示: published for public notice. */
  | 'PUBLIC_NOTICE'
  | 'APPROVED'
  | 'REJECTED'
  /** Sent back to the applicant for materials; resubmitting returns it to SUBMITTED. */
  | 'RETURNED_FOR_MATERIALS'
  | 'WITHDRAWN';

/** A social assistance programme. Public. */
export type Programme = {
  __typename?: 'Programme';
  code: ProgrammeCode;
  /** Chinese name, e.g. 最低生活保障. */
  name: Scalars['String']['output'];
  /** The service in the catalogue (certificate registry): conditions, required materials, time limits. */
  service: Service;
  /** Calendar days of public notice before a decision. */
  noticeDays: Scalars['Int']['output'];
  /** The certificate an approval issues, if any (the minimum-allowance certificate for MINIMUM_LIVING_ALLOWANCE). */
  issuesCertificate?: Maybe<Scalars['String']['output']>;
};

/** A service of the catalogue, owned by the certificate registry. */
export type Service = {
  __typename?: 'Service';
  code: Scalars['ID']['output'];
};

export type Person = {
  __typename?: 'Person';
  id: Scalars['ID']['output'];
  /**
   * Sensitive personal. The social assistance applications the person made (as applicant), newest
   * first, optionally of one programme: the person themself, civil-affairs officers with
   * assistance:read:sensitive and X-Purpose, or an officer holding the person's consent grant of
   * Person.assistanceApplications for the request's X-Purpose. A grant shows the applications' contents, never their case record,
   * review notes, eligibility facts, objections or supervision cards; every read is logged with the grant.
   */
  assistanceApplications?: Maybe<Array<Application>>;
};


export type PersonAssistanceApplicationsArgs = {
  programme?: InputMaybe<ProgrammeCode>;
};

/** An application for social assistance and its case record. */
export type Application = {
  __typename?: 'Application';
  id: Scalars['ID']['output'];
  /** Case reference, e.g. MLA-20261122-4F2A9C; use it as X-Purpose. */
  reference?: Maybe<Scalars['String']['output']>;
  programme?: Maybe<Programme>;
  /** The applicant (natural-person registry). */
  applicant?: Maybe<Person>;
  /** Six-digit district code of the applicant's registration. */
  districtCode?: Maybe<Scalars['String']['output']>;
  /** Members of the household, the applicant included, when the application was made. */
  householdSize?: Maybe<Scalars['Int']['output']>;
  declaredMonthlyIncome?: Maybe<Scalars['Money']['output']>;
  /** Certificates on file the application cites (ids in the certificate registry). */
  citedCertificateIds?: Maybe<Array<Scalars['ID']['output']>>;
  /** Materials on file the application cites (ids in the certificate registry). */
  citedMaterialIds?: Maybe<Array<Scalars['ID']['output']>>;
  status?: Maybe<AssistanceStatus>;
  /** Optimistic version: send it with transitionApplication. */
  version?: Maybe<Scalars['Int']['output']>;
  submittedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Who filed it: the citizen, or the officer at the counter. */
  filedBy?: Maybe<CaseActor>;
  /** Working days the catalogue promised when it was made. */
  promisedTimeLimitDays?: Maybe<Scalars['Int']['output']>;
  /**
   * The promised deadline, in working days (weekends and the configured holidays do not count). The
   * clock stops while the case is returned for materials; on resubmission the deadline moves on by
   * the working days it waited.
   */
  deadline?: Maybe<Scalars['Date']['output']>;
  /** While returned for materials: the day the deadline clock stopped; null while it runs. */
  clockPausedOn?: Maybe<Scalars['Date']['output']>;
  /** GREEN, YELLOW or RED while open; null once decided or withdrawn, and while returned for materials (clock stopped). */
  colour?: Maybe<SupervisionColour>;
  proposedAmount?: Maybe<Scalars['Money']['output']>;
  noticeStartsOn?: Maybe<Scalars['Date']['output']>;
  noticeEndsOn?: Maybe<Scalars['Date']['output']>;
  approvedAmount?: Maybe<Scalars['Money']['output']>;
  periodStart?: Maybe<Scalars['Date']['output']>;
  periodEnd?: Maybe<Scalars['Date']['output']>;
  /** Why it was rejected or returned, as told to the applicant. */
  decisionReason?: Maybe<Scalars['String']['output']>;
  decidedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The certificate its approval issues, once the certificate registry confirmed it. */
  issuedCertificate?: Maybe<IssuedCertificate>;
  /** Every step, oldest first (who, when, from, to). Notes on steps are internal. */
  steps?: Maybe<Array<CaseStep>>;
  /**
   * Eligibility facts gathered from the owning registries under the reviewing officer's identity and
   * purpose when the review started, each with source and as-of time; NOT_PERMITTED when the officer
   * may not read it (never shown as absent). Internal to civil-affairs.
   */
  eligibility?: Maybe<Array<EligibilityFact>>;
  /** Objections lodged during public notice. Internal to civil-affairs. */
  objections?: Maybe<Array<Objection>>;
  /** Supervision cards raised when the case turned yellow or red, oldest first (one per colour and deadline). */
  cards?: Maybe<Array<SupervisionCard>>;
  /**
   * Where each of its personal fields' values comes from: this registry, the department that last
   * changed it, when, and whether the citizen supplied it (what the applicant filed, a withdrawal or
   * resubmission) or an authority recorded it (a civil-affairs officer's step, a filing at the
   * counter), from the registry's own write records. Only fields the caller may read (grants
   * included); all of those when fields is omitted, e.g. fields: ["Application.declaredMonthlyIncome"].
   */
  provenance?: Maybe<Array<FieldProvenance>>;
};


/** An application for social assistance and its case record. */
export type ApplicationProvenanceArgs = {
  fields?: InputMaybe<Array<Scalars['String']['input']>>;
};

/** Who did something. */
export type CaseActor = {
  __typename?: 'CaseActor';
  sub: Scalars['String']['output'];
  role: Scalars['String']['output'];
  department?: Maybe<Scalars['String']['output']>;
};

/** One step of the case record. */
export type CaseStep = {
  __typename?: 'CaseStep';
  at: Scalars['DateTime']['output'];
  from?: Maybe<AssistanceStatus>;
  to: AssistanceStatus;
  by: CaseActor;
  /** The X-Purpose the step was taken under. */
  purpose?: Maybe<Scalars['String']['output']>;
  /** Review note. Internal to civil-affairs. */
  note?: Maybe<Scalars['String']['output']>;
};

export type IssuedCertificate = {
  __typename?: 'IssuedCertificate';
  /** MINIMUM_ALLOWANCE_CERTIFICATE. */
  type: Scalars['String']['output'];
  number: Scalars['String']['output'];
  /** PENDING until the certificate registry confirmed it, then ISSUED. */
  state: Scalars['String']['output'];
  attempts: Scalars['Int']['output'];
  issuedAt?: Maybe<Scalars['DateTime']['output']>;
};

export type EligibilityFactKind =
  /** The household's members (natural-person). */
  | 'HOUSEHOLD_MEMBERS'
  /** Valid disability and minimum-allowance certificates of the members (certificate). */
  | 'CERTIFICATES'
  /** Organizations where a member is legal representative (legal-person). */
  | 'LEGAL_REPRESENTATIVE'
  /** Employment and unemployment registrations of the members (labour-market). */
  | 'EMPLOYMENT';

export type FactStatus =
  /** Read from its owner. */
  | 'READ'
  /** The reviewing officer may not read it: unknown, not none. */
  | 'NOT_PERMITTED'
  /** Its registry did not answer. */
  | 'UNAVAILABLE';

export type EligibilityFact = {
  __typename?: 'EligibilityFact';
  kind: EligibilityFactKind;
  /** The registry that owns it, e.g. natural-person. */
  source: Scalars['String']['output'];
  asOf: Scalars['DateTime']['output'];
  status: FactStatus;
  /** What was read, one line each; empty when READ found nothing, null unless READ. */
  items?: Maybe<Array<FactItem>>;
  /** Why NOT_PERMITTED or UNAVAILABLE, as the owner said it. */
  note?: Maybe<Scalars['String']['output']>;
};

export type FactItem = {
  __typename?: 'FactItem';
  /** The member it is about, when it is about one. */
  personId?: Maybe<Scalars['ID']['output']>;
  /** E.g. DISABILITY_CERTIFICATE 510104...41 (VALID), or the organization's name and credit code. */
  description: Scalars['String']['output'];
};

export type Objection = {
  __typename?: 'Objection';
  id: Scalars['ID']['output'];
  text: Scalars['String']['output'];
  lodgedAt: Scalars['DateTime']['output'];
  /** Null for an anonymous objection. */
  lodgedBy?: Maybe<CaseActor>;
};

export type ObjectionReceipt = {
  __typename?: 'ObjectionReceipt';
  id: Scalars['ID']['output'];
  lodgedAt: Scalars['DateTime']['output'];
};

export type SupervisionColour =
  | 'GREEN'
  | 'YELLOW'
  | 'RED';

/**
 * A supervision card (督办单): raised to the case's department when the case turned yellow or red,
 * once per colour and deadline, kept with the case, open until an officer of the department
 * acknowledges it.
 */
export type SupervisionCard = {
  __typename?: 'SupervisionCard';
  id: Scalars['ID']['output'];
  colour: SupervisionColour;
  raisedOn: Scalars['Date']['output'];
  /** The case's deadline when the card was raised. */
  deadline: Scalars['Date']['output'];
  /** The department the card is raised to. */
  department: Scalars['String']['output'];
  /** The case (its fields by the case's own rules). */
  application?: Maybe<Application>;
  /** Null while open. */
  acknowledgedAt?: Maybe<Scalars['DateTime']['output']>;
  acknowledgedBy?: Maybe<CaseActor>;
  /** The X-Purpose the acknowledgement was made under. */
  acknowledgedPurpose?: Maybe<Scalars['String']['output']>;
  /** What the department is doing about it. */
  acknowledgementNote?: Maybe<Scalars['String']['output']>;
};

/** A proposed recipient in public notice. Public: nothing identifying. */
export type PublicNotice = {
  __typename?: 'PublicNotice';
  /** Opaque id to object to (not the case reference). */
  id: Scalars['ID']['output'];
  /** The applicant's name masked after the first character, e.g. 张*. */
  maskedName: Scalars['String']['output'];
  districtCode: Scalars['String']['output'];
  programme: ProgrammeCode;
  programmeName: Scalars['String']['output'];
  proposedAmount: Scalars['Money']['output'];
  startsOn: Scalars['Date']['output'];
  endsOn: Scalars['Date']['output'];
};

export type ApplicationFilter = {
  status?: InputMaybe<AssistanceStatus>;
  programme?: InputMaybe<ProgrammeCode>;
  /** Six-digit district code. */
  districtCode?: InputMaybe<Scalars['String']['input']>;
  colour?: InputMaybe<SupervisionColour>;
};

export type ApplyForAssistanceInput = {
  programme: ProgrammeCode;
  /** The applicant's person id: the citizen's own, or any for an officer at a counter. */
  applicantId: Scalars['ID']['input'];
  /** Declared monthly household income, 0 to 9999999.99. */
  declaredMonthlyIncome: Scalars['Money']['input'];
  /** Certificates already on file, by id (at most 20). */
  certificateIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Materials already on file, by id (at most 20). */
  materialIds?: InputMaybe<Array<Scalars['ID']['input']>>;
};

export type TransitionInput = {
  applicationId: Scalars['ID']['input'];
  /** The version read; a stale version fails with rule `version`. */
  version: Scalars['Int']['input'];
  to: AssistanceStatus;
  /** Internal review note, at most 500 characters. */
  note?: InputMaybe<Scalars['String']['input']>;
  /** Required for REJECTED and RETURNED_FOR_MATERIALS: told to the applicant, 1 to 500 characters. */
  reason?: InputMaybe<Scalars['String']['input']>;
  /** Required for PUBLIC_NOTICE: the proposed monthly amount. */
  proposedAmount?: InputMaybe<Scalars['Money']['input']>;
  /** For APPROVED: the amount (default the proposed one) and the period (default 12 months from today). */
  approvedAmount?: InputMaybe<Scalars['Money']['input']>;
  periodStart?: InputMaybe<Scalars['Date']['input']>;
  periodEnd?: InputMaybe<Scalars['Date']['input']>;
};

export type ObjectionInput = {
  /** The notice's id from publicNotices. */
  noticeId: Scalars['ID']['input'];
  /** 1 to 500 characters. */
  text: Scalars['String']['input'];
};

export type AcknowledgeCardInput = {
  /** The card's id (SupervisionCard.id). */
  cardId: Scalars['ID']['input'];
  /** What is being done about it, 1 to 500 characters. */
  note: Scalars['String']['input'];
};

export type SupervisionFilter = {
  department?: InputMaybe<Scalars['String']['input']>;
  districtCode?: InputMaybe<Scalars['String']['input']>;
  programme?: InputMaybe<ProgrammeCode>;
};

export type SupervisionBoard = {
  __typename?: 'SupervisionBoard';
  /** Today (China Standard Time), the day the colours are for. */
  asOf: Scalars['Date']['output'];
  /** Working days before the deadline at which a case turns yellow. */
  yellowThresholdDays: Scalars['Int']['output'];
  green: Scalars['Int']['output'];
  yellow: Scalars['Int']['output'];
  red: Scalars['Int']['output'];
  /** Open cases returned for materials: their clock is stopped, so they have no colour. */
  paused: Scalars['Int']['output'];
  byDepartment: Array<ColourCount>;
  byDistrict: Array<ColourCount>;
  byProgramme: Array<ColourCount>;
  /** The yellow and red cases, most overdue first (at most 100). */
  flagged: Array<Application>;
};

export type ColourCount = {
  __typename?: 'ColourCount';
  /** The department, district code or programme code. */
  key: Scalars['String']['output'];
  green: Scalars['Int']['output'];
  yellow: Scalars['Int']['output'];
  red: Scalars['Int']['output'];
};

export type OnTimeReport = {
  __typename?: 'OnTimeReport';
  from: Scalars['Date']['output'];
  to: Scalars['Date']['output'];
  overall: OnTimeCount;
  byProgramme: Array<OnTimeCount>;
  byDepartment: Array<OnTimeCount>;
  byDistrict: Array<OnTimeCount>;
};

export type OnTimeCount = {
  __typename?: 'OnTimeCount';
  /** The group (programme code, department, district code); 'all' for the overall figure. */
  key: Scalars['String']['output'];
  decided: Scalars['Int']['output'];
  onTime: Scalars['Int']['output'];
  late: Scalars['Int']['output'];
  /** onTime / decided, 0 to 1 with four decimals; null when nothing was decided. */
  rate?: Maybe<Scalars['Float']['output']>;
};

/** Who supplied a value. */
export type ValueSupplier =
  /** The citizen themself (e.g. their phone number). */
  | 'CITIZEN'
  /** An officer of the department that keeps the registry recorded or verified it. */
  | 'AUTHORITY';

/** Where one field's value comes from (Myinfo's source and last update). */
export type FieldProvenance = {
  __typename?: 'FieldProvenance';
  /** Type.field, e.g. Person.phone. */
  field: Scalars['String']['output'];
  /** The registry that holds the value. */
  registry: Scalars['String']['output'];
  /** The department that last changed it; null when the citizen did. */
  department?: Maybe<Scalars['String']['output']>;
  /** When it was last changed; null when no write of it is recorded (loaded before the log). */
  changedAt?: Maybe<Scalars['DateTime']['output']>;
  suppliedBy: ValueSupplier;
  /** Whether a write record says so; false when attributed to the registry's department for want of one. */
  recorded: Scalars['Boolean']['output'];
};

export type Link__Purpose =
  /** `SECURITY` features provide metadata necessary to securely resolve fields. */
  | 'SECURITY'
  /** `EXECUTION` features provide metadata necessary for operation execution. */
  | 'EXECUTION';

export type _Service = {
  __typename?: '_Service';
  sdl?: Maybe<Scalars['String']['output']>;
};

export type _Entity = Application | Person | Service;

export type WithIndex<TObject> = TObject & Record<string, any>;
export type ResolversObject<TObject> = WithIndex<TObject>;

export type ResolverTypeWrapper<T> = Promise<T> | T;

export type ReferenceResolver<TResult, TReference, TContext> = (
      reference: TReference,
      context: TContext,
      info: GraphQLResolveInfo
    ) => Promise<TResult> | TResult;

      type ScalarCheck<T, S> = S extends true ? T : NullableCheck<T, S>;
      type NullableCheck<T, S> = Maybe<T> extends T ? Maybe<ListCheck<NonNullable<T>, S>> : ListCheck<T, S>;
      type ListCheck<T, S> = T extends (infer U)[] ? NullableCheck<U, S>[] : GraphQLRecursivePick<T, S>;
      export type GraphQLRecursivePick<T, S> = { [K in keyof T & keyof S]: ScalarCheck<T[K], S[K]> };
    

export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

/** Mapping of federation types */
export type FederationTypes = ResolversObject<{
  Person: Person;
  Application: Application;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  Person:
    ( { __typename: 'Person' }
    & GraphQLRecursivePick<FederationTypes['Person'], {"id":true}> );
  Application:
    ( { __typename: 'Application' }
    & GraphQLRecursivePick<FederationTypes['Application'], {"id":true}> );
}>;

/** Mapping of union types */
export type ResolversUnionTypes<_RefType extends Record<string, unknown>> = ResolversObject<{
  _Entity:
    | ( ApplicationModel )
    | ( PersonRefModel )
    | ( Service )
  ;
}>;


/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Date: ResolverTypeWrapper<Scalars['Date']['output']>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Money: ResolverTypeWrapper<Scalars['Money']['output']>;
  ProgrammeCode: ProgrammeCode;
  AssistanceStatus: AssistanceStatus;
  Programme: ResolverTypeWrapper<ProgrammeModel>;
  Service: ResolverTypeWrapper<Service>;
  Person: ResolverTypeWrapper<PersonRefModel>;
  Application: ResolverTypeWrapper<ApplicationModel>;
  CaseActor: ResolverTypeWrapper<CaseActor>;
  CaseStep: ResolverTypeWrapper<CaseStepModel>;
  IssuedCertificate: ResolverTypeWrapper<IssuedCertificate>;
  EligibilityFactKind: EligibilityFactKind;
  FactStatus: FactStatus;
  EligibilityFact: ResolverTypeWrapper<EligibilityFactModel>;
  FactItem: ResolverTypeWrapper<FactItem>;
  Objection: ResolverTypeWrapper<ObjectionModel>;
  ObjectionReceipt: ResolverTypeWrapper<ObjectionReceipt>;
  SupervisionColour: SupervisionColour;
  SupervisionCard: ResolverTypeWrapper<SupervisionCardModel>;
  PublicNotice: ResolverTypeWrapper<PublicNotice>;
  ApplicationFilter: ApplicationFilter;
  ApplyForAssistanceInput: ApplyForAssistanceInput;
  TransitionInput: TransitionInput;
  ObjectionInput: ObjectionInput;
  AcknowledgeCardInput: AcknowledgeCardInput;
  SupervisionFilter: SupervisionFilter;
  SupervisionBoard: ResolverTypeWrapper<Omit<SupervisionBoard, 'flagged'> & { flagged: Array<ResolversTypes['Application']> }>;
  ColourCount: ResolverTypeWrapper<ColourCount>;
  OnTimeReport: ResolverTypeWrapper<OnTimeReport>;
  OnTimeCount: ResolverTypeWrapper<OnTimeCount>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  ValueSupplier: ValueSupplier;
  FieldProvenance: ResolverTypeWrapper<FieldProvenance>;
  link__Purpose: Link__Purpose;
  link__Import: ResolverTypeWrapper<Scalars['link__Import']['output']>;
  federation__FieldSet: ResolverTypeWrapper<Scalars['federation__FieldSet']['output']>;
  federation__Scope: ResolverTypeWrapper<Scalars['federation__Scope']['output']>;
  federation__Policy: ResolverTypeWrapper<Scalars['federation__Policy']['output']>;
  _Any: ResolverTypeWrapper<Scalars['_Any']['output']>;
  _Service: ResolverTypeWrapper<_Service>;
  _Entity: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['_Entity']>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  Query: Record<PropertyKey, never>;
  ID: Scalars['ID']['output'];
  Int: Scalars['Int']['output'];
  Mutation: Record<PropertyKey, never>;
  Date: Scalars['Date']['output'];
  DateTime: Scalars['DateTime']['output'];
  Money: Scalars['Money']['output'];
  Programme: ProgrammeModel;
  Service: Service;
  Person: PersonRefModel;
  Application: ApplicationModel;
  CaseActor: CaseActor;
  CaseStep: CaseStepModel;
  IssuedCertificate: IssuedCertificate;
  EligibilityFact: EligibilityFactModel;
  FactItem: FactItem;
  Objection: ObjectionModel;
  ObjectionReceipt: ObjectionReceipt;
  SupervisionCard: SupervisionCardModel;
  PublicNotice: PublicNotice;
  ApplicationFilter: ApplicationFilter;
  ApplyForAssistanceInput: ApplyForAssistanceInput;
  TransitionInput: TransitionInput;
  ObjectionInput: ObjectionInput;
  AcknowledgeCardInput: AcknowledgeCardInput;
  SupervisionFilter: SupervisionFilter;
  SupervisionBoard: Omit<SupervisionBoard, 'flagged'> & { flagged: Array<ResolversParentTypes['Application']> };
  ColourCount: ColourCount;
  OnTimeReport: OnTimeReport;
  OnTimeCount: OnTimeCount;
  Float: Scalars['Float']['output'];
  FieldProvenance: FieldProvenance;
  link__Import: Scalars['link__Import']['output'];
  federation__FieldSet: Scalars['federation__FieldSet']['output'];
  federation__Scope: Scalars['federation__Scope']['output'];
  federation__Policy: Scalars['federation__Policy']['output'];
  _Any: Scalars['_Any']['output'];
  _Service: _Service;
  _Entity: ResolversUnionTypes<ResolversParentTypes>['_Entity'];
  String: Scalars['String']['output'];
  Boolean: Scalars['Boolean']['output'];
}>;

export type LinkDirectiveArgs = {
  url?: Maybe<Scalars['String']['input']>;
  as?: Maybe<Scalars['String']['input']>;
  for?: Maybe<Link__Purpose>;
  import?: Maybe<Array<Maybe<Scalars['link__Import']['input']>>>;
};

export type LinkDirectiveResolver<Result, Parent, ContextType = AssistanceContext, Args = LinkDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type Federation__RequiresDirectiveArgs = {
  fields: Scalars['federation__FieldSet']['input'];
};

export type Federation__RequiresDirectiveResolver<Result, Parent, ContextType = AssistanceContext, Args = Federation__RequiresDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type Federation__ProvidesDirectiveArgs = {
  fields: Scalars['federation__FieldSet']['input'];
};

export type Federation__ProvidesDirectiveResolver<Result, Parent, ContextType = AssistanceContext, Args = Federation__ProvidesDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type Federation__ExternalDirectiveArgs = {
  reason?: Maybe<Scalars['String']['input']>;
};

export type Federation__ExternalDirectiveResolver<Result, Parent, ContextType = AssistanceContext, Args = Federation__ExternalDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type Federation__TagDirectiveArgs = {
  name: Scalars['String']['input'];
};

export type Federation__TagDirectiveResolver<Result, Parent, ContextType = AssistanceContext, Args = Federation__TagDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type Federation__ExtendsDirectiveArgs = { };

export type Federation__ExtendsDirectiveResolver<Result, Parent, ContextType = AssistanceContext, Args = Federation__ExtendsDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type ShareableDirectiveArgs = { };

export type ShareableDirectiveResolver<Result, Parent, ContextType = AssistanceContext, Args = ShareableDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type Federation__InaccessibleDirectiveArgs = { };

export type Federation__InaccessibleDirectiveResolver<Result, Parent, ContextType = AssistanceContext, Args = Federation__InaccessibleDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type Federation__OverrideDirectiveArgs = {
  from: Scalars['String']['input'];
  label?: Maybe<Scalars['String']['input']>;
};

export type Federation__OverrideDirectiveResolver<Result, Parent, ContextType = AssistanceContext, Args = Federation__OverrideDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type Federation__ComposeDirectiveDirectiveArgs = {
  name?: Maybe<Scalars['String']['input']>;
};

export type Federation__ComposeDirectiveDirectiveResolver<Result, Parent, ContextType = AssistanceContext, Args = Federation__ComposeDirectiveDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type Federation__InterfaceObjectDirectiveArgs = { };

export type Federation__InterfaceObjectDirectiveResolver<Result, Parent, ContextType = AssistanceContext, Args = Federation__InterfaceObjectDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type Federation__AuthenticatedDirectiveArgs = { };

export type Federation__AuthenticatedDirectiveResolver<Result, Parent, ContextType = AssistanceContext, Args = Federation__AuthenticatedDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type Federation__RequiresScopesDirectiveArgs = {
  scopes: Array<Array<Scalars['federation__Scope']['input']>>;
};

export type Federation__RequiresScopesDirectiveResolver<Result, Parent, ContextType = AssistanceContext, Args = Federation__RequiresScopesDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type Federation__PolicyDirectiveArgs = {
  policies: Array<Array<Scalars['federation__Policy']['input']>>;
};

export type Federation__PolicyDirectiveResolver<Result, Parent, ContextType = AssistanceContext, Args = Federation__PolicyDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type QueryResolvers<ContextType = AssistanceContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  programmes?: Resolver<Array<ResolversTypes['Programme']>, ParentType, ContextType>;
  application?: Resolver<Maybe<ResolversTypes['Application']>, ParentType, ContextType, Partial<QueryApplicationArgs>>;
  applications?: Resolver<Maybe<Array<ResolversTypes['Application']>>, ParentType, ContextType, RequireFields<QueryApplicationsArgs, 'first'>>;
  myAssistanceApplications?: Resolver<Maybe<Array<ResolversTypes['Application']>>, ParentType, ContextType>;
  publicNotices?: Resolver<Array<ResolversTypes['PublicNotice']>, ParentType, ContextType, Partial<QueryPublicNoticesArgs>>;
  supervision?: Resolver<Maybe<ResolversTypes['SupervisionBoard']>, ParentType, ContextType, Partial<QuerySupervisionArgs>>;
  onTimeRate?: Resolver<Maybe<ResolversTypes['OnTimeReport']>, ParentType, ContextType, RequireFields<QueryOnTimeRateArgs, 'from' | 'to'>>;
  supervisionCards?: Resolver<Maybe<Array<ResolversTypes['SupervisionCard']>>, ParentType, ContextType, RequireFields<QuerySupervisionCardsArgs, 'acknowledged' | 'first'>>;
  _entities?: Resolver<Array<Maybe<ResolversTypes['_Entity']>>, ParentType, ContextType, RequireFields<Query_EntitiesArgs, 'representations'>>;
  _service?: Resolver<ResolversTypes['_Service'], ParentType, ContextType>;
}>;

export type MutationResolvers<ContextType = AssistanceContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  applyForAssistance?: Resolver<Maybe<ResolversTypes['Application']>, ParentType, ContextType, RequireFields<MutationApplyForAssistanceArgs, 'input'>>;
  transitionApplication?: Resolver<Maybe<ResolversTypes['Application']>, ParentType, ContextType, RequireFields<MutationTransitionApplicationArgs, 'input'>>;
  objectToNotice?: Resolver<Maybe<ResolversTypes['ObjectionReceipt']>, ParentType, ContextType, RequireFields<MutationObjectToNoticeArgs, 'input'>>;
  acknowledgeSupervisionCard?: Resolver<Maybe<ResolversTypes['SupervisionCard']>, ParentType, ContextType, RequireFields<MutationAcknowledgeSupervisionCardArgs, 'input'>>;
}>;

export interface DateScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Date'], any> {
  name: 'Date';
}

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export interface MoneyScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Money'], any> {
  name: 'Money';
}

export type ProgrammeResolvers<ContextType = AssistanceContext, ParentType extends ResolversParentTypes['Programme'] = ResolversParentTypes['Programme']> = ResolversObject<{
  code?: Resolver<ResolversTypes['ProgrammeCode'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  service?: Resolver<ResolversTypes['Service'], ParentType, ContextType>;
  noticeDays?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  issuesCertificate?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type ServiceResolvers<ContextType = AssistanceContext, ParentType extends ResolversParentTypes['Service'] = ResolversParentTypes['Service']> = ResolversObject<{
  code?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type PersonResolvers<ContextType = AssistanceContext, ParentType extends ResolversParentTypes['Person'] = ResolversParentTypes['Person'], FederationReferenceType extends FederationReferenceTypes['Person'] = FederationReferenceTypes['Person']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Person']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  assistanceApplications?: Resolver<Maybe<Array<ResolversTypes['Application']>>, ParentType, ContextType, Partial<PersonAssistanceApplicationsArgs>>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type ApplicationResolvers<ContextType = AssistanceContext, ParentType extends ResolversParentTypes['Application'] = ResolversParentTypes['Application'], FederationReferenceType extends FederationReferenceTypes['Application'] = FederationReferenceTypes['Application']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Application']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  reference?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  programme?: Resolver<Maybe<ResolversTypes['Programme']>, ParentType, ContextType>;
  applicant?: Resolver<Maybe<ResolversTypes['Person']>, ParentType, ContextType>;
  districtCode?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  householdSize?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  declaredMonthlyIncome?: Resolver<Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
  citedCertificateIds?: Resolver<Maybe<Array<ResolversTypes['ID']>>, ParentType, ContextType>;
  citedMaterialIds?: Resolver<Maybe<Array<ResolversTypes['ID']>>, ParentType, ContextType>;
  status?: Resolver<Maybe<ResolversTypes['AssistanceStatus']>, ParentType, ContextType>;
  version?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  submittedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  filedBy?: Resolver<Maybe<ResolversTypes['CaseActor']>, ParentType, ContextType>;
  promisedTimeLimitDays?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  deadline?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  clockPausedOn?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  colour?: Resolver<Maybe<ResolversTypes['SupervisionColour']>, ParentType, ContextType>;
  proposedAmount?: Resolver<Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
  noticeStartsOn?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  noticeEndsOn?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  approvedAmount?: Resolver<Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
  periodStart?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  periodEnd?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  decisionReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  decidedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  issuedCertificate?: Resolver<Maybe<ResolversTypes['IssuedCertificate']>, ParentType, ContextType>;
  steps?: Resolver<Maybe<Array<ResolversTypes['CaseStep']>>, ParentType, ContextType>;
  eligibility?: Resolver<Maybe<Array<ResolversTypes['EligibilityFact']>>, ParentType, ContextType>;
  objections?: Resolver<Maybe<Array<ResolversTypes['Objection']>>, ParentType, ContextType>;
  cards?: Resolver<Maybe<Array<ResolversTypes['SupervisionCard']>>, ParentType, ContextType>;
  provenance?: Resolver<Maybe<Array<ResolversTypes['FieldProvenance']>>, ParentType, ContextType, Partial<ApplicationProvenanceArgs>>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type CaseActorResolvers<ContextType = AssistanceContext, ParentType extends ResolversParentTypes['CaseActor'] = ResolversParentTypes['CaseActor']> = ResolversObject<{
  sub?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  role?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  department?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type CaseStepResolvers<ContextType = AssistanceContext, ParentType extends ResolversParentTypes['CaseStep'] = ResolversParentTypes['CaseStep']> = ResolversObject<{
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  from?: Resolver<Maybe<ResolversTypes['AssistanceStatus']>, ParentType, ContextType>;
  to?: Resolver<ResolversTypes['AssistanceStatus'], ParentType, ContextType>;
  by?: Resolver<ResolversTypes['CaseActor'], ParentType, ContextType>;
  purpose?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  note?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type IssuedCertificateResolvers<ContextType = AssistanceContext, ParentType extends ResolversParentTypes['IssuedCertificate'] = ResolversParentTypes['IssuedCertificate']> = ResolversObject<{
  type?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  number?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  state?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  attempts?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  issuedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
}>;

export type EligibilityFactResolvers<ContextType = AssistanceContext, ParentType extends ResolversParentTypes['EligibilityFact'] = ResolversParentTypes['EligibilityFact']> = ResolversObject<{
  kind?: Resolver<ResolversTypes['EligibilityFactKind'], ParentType, ContextType>;
  source?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  asOf?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['FactStatus'], ParentType, ContextType>;
  items?: Resolver<Maybe<Array<ResolversTypes['FactItem']>>, ParentType, ContextType>;
  note?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type FactItemResolvers<ContextType = AssistanceContext, ParentType extends ResolversParentTypes['FactItem'] = ResolversParentTypes['FactItem']> = ResolversObject<{
  personId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type ObjectionResolvers<ContextType = AssistanceContext, ParentType extends ResolversParentTypes['Objection'] = ResolversParentTypes['Objection']> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  text?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  lodgedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  lodgedBy?: Resolver<Maybe<ResolversTypes['CaseActor']>, ParentType, ContextType>;
}>;

export type ObjectionReceiptResolvers<ContextType = AssistanceContext, ParentType extends ResolversParentTypes['ObjectionReceipt'] = ResolversParentTypes['ObjectionReceipt']> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lodgedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
}>;

export type SupervisionCardResolvers<ContextType = AssistanceContext, ParentType extends ResolversParentTypes['SupervisionCard'] = ResolversParentTypes['SupervisionCard']> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  colour?: Resolver<ResolversTypes['SupervisionColour'], ParentType, ContextType>;
  raisedOn?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  deadline?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  department?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  application?: Resolver<Maybe<ResolversTypes['Application']>, ParentType, ContextType>;
  acknowledgedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  acknowledgedBy?: Resolver<Maybe<ResolversTypes['CaseActor']>, ParentType, ContextType>;
  acknowledgedPurpose?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  acknowledgementNote?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type PublicNoticeResolvers<ContextType = AssistanceContext, ParentType extends ResolversParentTypes['PublicNotice'] = ResolversParentTypes['PublicNotice']> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  maskedName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  districtCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  programme?: Resolver<ResolversTypes['ProgrammeCode'], ParentType, ContextType>;
  programmeName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  proposedAmount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  startsOn?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  endsOn?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
}>;

export type SupervisionBoardResolvers<ContextType = AssistanceContext, ParentType extends ResolversParentTypes['SupervisionBoard'] = ResolversParentTypes['SupervisionBoard']> = ResolversObject<{
  asOf?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  yellowThresholdDays?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  green?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  yellow?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  red?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  paused?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  byDepartment?: Resolver<Array<ResolversTypes['ColourCount']>, ParentType, ContextType>;
  byDistrict?: Resolver<Array<ResolversTypes['ColourCount']>, ParentType, ContextType>;
  byProgramme?: Resolver<Array<ResolversTypes['ColourCount']>, ParentType, ContextType>;
  flagged?: Resolver<Array<ResolversTypes['Application']>, ParentType, ContextType>;
}>;

export type ColourCountResolvers<ContextType = AssistanceContext, ParentType extends ResolversParentTypes['ColourCount'] = ResolversParentTypes['ColourCount']> = ResolversObject<{
  key?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  green?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  yellow?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  red?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type OnTimeReportResolvers<ContextType = AssistanceContext, ParentType extends ResolversParentTypes['OnTimeReport'] = ResolversParentTypes['OnTimeReport']> = ResolversObject<{
  from?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  to?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  overall?: Resolver<ResolversTypes['OnTimeCount'], ParentType, ContextType>;
  byProgramme?: Resolver<Array<ResolversTypes['OnTimeCount']>, ParentType, ContextType>;
  byDepartment?: Resolver<Array<ResolversTypes['OnTimeCount']>, ParentType, ContextType>;
  byDistrict?: Resolver<Array<ResolversTypes['OnTimeCount']>, ParentType, ContextType>;
}>;

export type OnTimeCountResolvers<ContextType = AssistanceContext, ParentType extends ResolversParentTypes['OnTimeCount'] = ResolversParentTypes['OnTimeCount']> = ResolversObject<{
  key?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  decided?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  onTime?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  late?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  rate?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
}>;

export type FieldProvenanceResolvers<ContextType = AssistanceContext, ParentType extends ResolversParentTypes['FieldProvenance'] = ResolversParentTypes['FieldProvenance']> = ResolversObject<{
  field?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  registry?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  department?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  changedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  suppliedBy?: Resolver<ResolversTypes['ValueSupplier'], ParentType, ContextType>;
  recorded?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
}>;

export interface Link__ImportScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['link__Import'], any> {
  name: 'link__Import';
}

export interface Federation__FieldSetScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['federation__FieldSet'], any> {
  name: 'federation__FieldSet';
}

export interface Federation__ScopeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['federation__Scope'], any> {
  name: 'federation__Scope';
}

export interface Federation__PolicyScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['federation__Policy'], any> {
  name: 'federation__Policy';
}

export interface _AnyScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['_Any'], any> {
  name: '_Any';
}

export type _ServiceResolvers<ContextType = AssistanceContext, ParentType extends ResolversParentTypes['_Service'] = ResolversParentTypes['_Service']> = ResolversObject<{
  sdl?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type _EntityResolvers<ContextType = AssistanceContext, ParentType extends ResolversParentTypes['_Entity'] = ResolversParentTypes['_Entity']> = ResolversObject<{
  __resolveType: TypeResolveFn<'Application' | 'Person' | 'Service', ParentType, ContextType>;
}>;

export type Resolvers<ContextType = AssistanceContext> = ResolversObject<{
  Query?: QueryResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Date?: GraphQLScalarType;
  DateTime?: GraphQLScalarType;
  Money?: GraphQLScalarType;
  Programme?: ProgrammeResolvers<ContextType>;
  Service?: ServiceResolvers<ContextType>;
  Person?: PersonResolvers<ContextType>;
  Application?: ApplicationResolvers<ContextType>;
  CaseActor?: CaseActorResolvers<ContextType>;
  CaseStep?: CaseStepResolvers<ContextType>;
  IssuedCertificate?: IssuedCertificateResolvers<ContextType>;
  EligibilityFact?: EligibilityFactResolvers<ContextType>;
  FactItem?: FactItemResolvers<ContextType>;
  Objection?: ObjectionResolvers<ContextType>;
  ObjectionReceipt?: ObjectionReceiptResolvers<ContextType>;
  SupervisionCard?: SupervisionCardResolvers<ContextType>;
  PublicNotice?: PublicNoticeResolvers<ContextType>;
  SupervisionBoard?: SupervisionBoardResolvers<ContextType>;
  ColourCount?: ColourCountResolvers<ContextType>;
  OnTimeReport?: OnTimeReportResolvers<ContextType>;
  OnTimeCount?: OnTimeCountResolvers<ContextType>;
  FieldProvenance?: FieldProvenanceResolvers<ContextType>;
  link__Import?: GraphQLScalarType;
  federation__FieldSet?: GraphQLScalarType;
  federation__Scope?: GraphQLScalarType;
  federation__Policy?: GraphQLScalarType;
  _Any?: GraphQLScalarType;
  _Service?: _ServiceResolvers<ContextType>;
  _Entity?: _EntityResolvers<ContextType>;
}>;

export type DirectiveResolvers<ContextType = AssistanceContext> = ResolversObject<{
  link?: LinkDirectiveResolver<any, any, ContextType>;
  federation__requires?: Federation__RequiresDirectiveResolver<any, any, ContextType>;
  federation__provides?: Federation__ProvidesDirectiveResolver<any, any, ContextType>;
  federation__external?: Federation__ExternalDirectiveResolver<any, any, ContextType>;
  federation__tag?: Federation__TagDirectiveResolver<any, any, ContextType>;
  federation__extends?: Federation__ExtendsDirectiveResolver<any, any, ContextType>;
  shareable?: ShareableDirectiveResolver<any, any, ContextType>;
  federation__inaccessible?: Federation__InaccessibleDirectiveResolver<any, any, ContextType>;
  federation__override?: Federation__OverrideDirectiveResolver<any, any, ContextType>;
  federation__composeDirective?: Federation__ComposeDirectiveDirectiveResolver<any, any, ContextType>;
  federation__interfaceObject?: Federation__InterfaceObjectDirectiveResolver<any, any, ContextType>;
  federation__authenticated?: Federation__AuthenticatedDirectiveResolver<any, any, ContextType>;
  federation__requiresScopes?: Federation__RequiresScopesDirectiveResolver<any, any, ContextType>;
  federation__policy?: Federation__PolicyDirectiveResolver<any, any, ContextType>;
}>;
