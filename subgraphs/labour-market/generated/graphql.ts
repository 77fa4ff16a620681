/* Generated from schema/labour-market.graphql by `npm run codegen`. Do not edit. */
/* eslint-disable */
import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { OrganizationParent as OrganizationParentModel } from '../resolvers/Organization';
import type { JobPosting as JobPostingModel } from '../entities/job-posting.entity';
import type { JobPage as JobPageModel } from '../feed';
import type { Occupation as OccupationModel, ServiceCounter as ServiceCounterModel } from '../catalogue';
import type { JobSeekerProfile as JobSeekerProfileModel } from '../entities/job-seeker-profile.entity';
import type { JobApplication as JobApplicationModel } from '../entities/job-application.entity';
import type { EmploymentRecord as EmploymentRecordModel } from '../entities/employment-record.entity';
import type { PersonRef as PersonRefModel } from '../../shared/context';
import type { LabourMarketContext } from '../context';
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
  link__Import: { input: unknown; output: unknown; }
  federation__FieldSet: { input: unknown; output: unknown; }
  federation__Scope: { input: unknown; output: unknown; }
  federation__Policy: { input: unknown; output: unknown; }
  _Any: { input: Record<string, unknown>; output: Record<string, unknown>; }
};

/**
 * Labour-market registry (human resources and social security, hrss): the city's job postings, the
 * 20 district service counters, job-seekers' profiles and applications, and employment and
 * unemployment registration (就业登记, 失业登记).
 *
 * Field classes:
 * - public (anyone, no token): the job feed (jobs, job), the occupation list, the service counters
 *   and their local feeds, Organization.jobs;
 * - posting and closing: the employer's legal representative (checked in the legal-person registry on
 *   their behalf), or hrss officers with labour:write for any existing organization;
 * - a person's employment record is sensitive personal data: the person themself, or an officer with
 *   labour:read:sensitive who sends X-Purpose; every read is written to the access log.
 */
export type Query = {
  __typename?: 'Query';
  /**
   * Public. The open, unexpired job postings of the whole city that match the filter. Page size 1 to
   * 50; keyword at most 50 characters. Facets count the postings per district and per occupation
   * under the same filter (each facet ignores its own dimension, so a district screen shows the
   * other districts' counts too).
   */
  jobs: JobConnection;
  /** Public. One posting by id, whatever its status (a closed posting says so). Null when there is none. */
  job?: Maybe<JobPosting>;
  /** Public. The occupations a posting is classified by (GB/T 6565-2015 major groups). */
  occupations: Array<Occupation>;
  /** Public. The labour-market service counters of the 20 districts and counties. */
  serviceCounters: Array<ServiceCounter>;
  /** Public. The counter of one district (GB/T 2260 code), with its local feed. */
  serviceCounter?: Maybe<ServiceCounter>;
  /** The signed-in citizen's job-seeker profile; null until they save one. Citizens only. */
  myJobSeekerProfile?: Maybe<JobSeekerProfile>;
  /** The signed-in citizen's applications, newest first, each with the status the employer set. Citizens only. */
  myApplications: Array<JobApplication>;
  /**
   * Open postings for the signed-in citizen, ranked by how well they fit their job-seeker profile
   * (occupation, district, salary, skill terms found in the posting), each with the reasons that
   * matched. Citizens with a profile; 1 to 50.
   */
  recommendedJobs: Array<RecommendedJob>;
  _entities: Array<Maybe<_Entity>>;
  _service: _Service;
};


/**
 * Labour-market registry (human resources and social security, hrss): the city's job postings, the
 * 20 district service counters, job-seekers' profiles and applications, and employment and
 * unemployment registration (就业登记, 失业登记).
 *
 * Field classes:
 * - public (anyone, no token): the job feed (jobs, job), the occupation list, the service counters
 *   and their local feeds, Organization.jobs;
 * - posting and closing: the employer's legal representative (checked in the legal-person registry on
 *   their behalf), or hrss officers with labour:write for any existing organization;
 * - a person's employment record is sensitive personal data: the person themself, or an officer with
 *   labour:read:sensitive who sends X-Purpose; every read is written to the access log.
 */
export type QueryJobsArgs = {
  filter?: InputMaybe<JobFilter>;
  orderBy?: InputMaybe<JobOrder>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
};


/**
 * Labour-market registry (human resources and social security, hrss): the city's job postings, the
 * 20 district service counters, job-seekers' profiles and applications, and employment and
 * unemployment registration (就业登记, 失业登记).
 *
 * Field classes:
 * - public (anyone, no token): the job feed (jobs, job), the occupation list, the service counters
 *   and their local feeds, Organization.jobs;
 * - posting and closing: the employer's legal representative (checked in the legal-person registry on
 *   their behalf), or hrss officers with labour:write for any existing organization;
 * - a person's employment record is sensitive personal data: the person themself, or an officer with
 *   labour:read:sensitive who sends X-Purpose; every read is written to the access log.
 */
export type QueryJobArgs = {
  id: Scalars['ID']['input'];
};


/**
 * Labour-market registry (human resources and social security, hrss): the city's job postings, the
 * 20 district service counters, job-seekers' profiles and applications, and employment and
 * unemployment registration (就业登记, 失业登记).
 *
 * Field classes:
 * - public (anyone, no token): the job feed (jobs, job), the occupation list, the service counters
 *   and their local feeds, Organization.jobs;
 * - posting and closing: the employer's legal representative (checked in the legal-person registry on
 *   their behalf), or hrss officers with labour:write for any existing organization;
 * - a person's employment record is sensitive personal data: the person themself, or an officer with
 *   labour:read:sensitive who sends X-Purpose; every read is written to the access log.
 */
export type QueryServiceCounterArgs = {
  districtCode: Scalars['String']['input'];
};


/**
 * Labour-market registry (human resources and social security, hrss): the city's job postings, the
 * 20 district service counters, job-seekers' profiles and applications, and employment and
 * unemployment registration (就业登记, 失业登记).
 *
 * Field classes:
 * - public (anyone, no token): the job feed (jobs, job), the occupation list, the service counters
 *   and their local feeds, Organization.jobs;
 * - posting and closing: the employer's legal representative (checked in the legal-person registry on
 *   their behalf), or hrss officers with labour:write for any existing organization;
 * - a person's employment record is sensitive personal data: the person themself, or an officer with
 *   labour:read:sensitive who sends X-Purpose; every read is written to the access log.
 */
export type QueryRecommendedJobsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * Labour-market registry (human resources and social security, hrss): the city's job postings, the
 * 20 district service counters, job-seekers' profiles and applications, and employment and
 * unemployment registration (就业登记, 失业登记).
 *
 * Field classes:
 * - public (anyone, no token): the job feed (jobs, job), the occupation list, the service counters
 *   and their local feeds, Organization.jobs;
 * - posting and closing: the employer's legal representative (checked in the legal-person registry on
 *   their behalf), or hrss officers with labour:write for any existing organization;
 * - a person's employment record is sensitive personal data: the person themself, or an officer with
 *   labour:read:sensitive who sends X-Purpose; every read is written to the access log.
 */
export type Query_EntitiesArgs = {
  representations: Array<Scalars['_Any']['input']>;
};

export type Mutation = {
  __typename?: 'Mutation';
  /**
   * Posts a vacancy for an employer. The employer's legal representative (a citizen; checked in the
   * legal-person registry on their behalf), or hrss officers with labour:write for any existing
   * organization. Idempotent on (employer, reference): the same reference again returns the posting
   * already made.
   */
  postJob?: Maybe<JobPosting>;
  /** Closes a posting (CLOSED) or marks it filled (FILLED). Who may post for its employer. Idempotent. */
  closeJob?: Maybe<JobPosting>;
  /** Saves the signed-in citizen's job-seeker profile (creating or replacing it). Citizens only. */
  saveJobSeekerProfile?: Maybe<JobSeekerProfile>;
  /**
   * Applies to an open, unexpired posting as the signed-in citizen. Once per posting: applying again
   * (also concurrently) returns the same application, whatever its status. Citizens only.
   */
  applyForJob?: Maybe<JobApplication>;
  /** Withdraws one of the signed-in citizen's applications. Idempotent. The applicant only. */
  withdrawApplication?: Maybe<JobApplication>;
  /**
   * Moves an application to VIEWED, INTERVIEW, OFFER or REJECTED: the employer's legal representative,
   * or an hrss officer with labour:write. A withdrawn application stays withdrawn.
   */
  setApplicationStatus?: Maybe<JobApplication>;
  /**
   * Records employment (就业登记: employed by an organization from a date, to a date or open-ended) or
   * unemployment (失业登记). hrss officers with labour:write and person:read (the person is checked
   * in the natural-person registry on their behalf). Idempotent on (person, kind, organization,
   * from): the same registration again sets its end date.
   */
  registerEmployment?: Maybe<EmploymentRecord>;
};


export type MutationPostJobArgs = {
  input: PostJobInput;
};


export type MutationCloseJobArgs = {
  input: CloseJobInput;
};


export type MutationSaveJobSeekerProfileArgs = {
  input: JobSeekerProfileInput;
};


export type MutationApplyForJobArgs = {
  jobId: Scalars['ID']['input'];
};


export type MutationWithdrawApplicationArgs = {
  id: Scalars['ID']['input'];
};


export type MutationSetApplicationStatusArgs = {
  input: SetApplicationStatusInput;
};


export type MutationRegisterEmploymentArgs = {
  input: RegisterEmploymentInput;
};

/** Education level, as job boards list them. */
export type EducationLevel =
  /** 初中及以下 */
  | 'JUNIOR_SECONDARY'
  /** 高中/中专/技校 */
  | 'SENIOR_SECONDARY'
  /** 大专 */
  | 'JUNIOR_COLLEGE'
  /** 本科 */
  | 'BACHELOR'
  /** 硕士 */
  | 'MASTER'
  /** 博士 */
  | 'DOCTORATE';

export type JobStatus =
  /** Taking applications (unless past its expiry date). */
  | 'OPEN'
  /** Withdrawn by the employer or the counter. */
  | 'CLOSED'
  /** Every vacancy filled. */
  | 'FILLED';

export type JobOrder =
  /** Postings whose title holds more of the keyword's terms first, then newest. Without a keyword: newest. */
  | 'RELEVANCE'
  /** Newest posting first. */
  | 'NEWEST'
  /** Highest top of the salary range first. */
  | 'SALARY';

/** An occupation a posting is classified by. Public. */
export type Occupation = {
  __typename?: 'Occupation';
  /** Stable code, e.g. ACCOUNTANT. */
  code: Scalars['ID']['output'];
  /** Chinese name, e.g. 会计. */
  name: Scalars['String']['output'];
  /** GB/T 6565-2015 major group, 1 to 8. */
  majorGroup: Scalars['Int']['output'];
  /** The major group's name, e.g. 专业技术人员. */
  majorGroupName: Scalars['String']['output'];
};

/** A job vacancy. Public. */
export type JobPosting = {
  __typename?: 'JobPosting';
  id: Scalars['ID']['output'];
  /** The employer's own job number, unique per employer. */
  reference: Scalars['String']['output'];
  /** The employer (legal-person registry), by reference. */
  employer: Organization;
  title: Scalars['String']['output'];
  description: Scalars['String']['output'];
  occupation: Occupation;
  /** GB/T 2260 code of the district where the work is. */
  districtCode: Scalars['String']['output'];
  /** The district's name, e.g. 武侯区. */
  districtName: Scalars['String']['output'];
  workAddress: Scalars['String']['output'];
  /** Monthly salary range in yuan. */
  salaryMin: Scalars['Int']['output'];
  salaryMax: Scalars['Int']['output'];
  /** The lowest education accepted. */
  education: EducationLevel;
  /** Years of experience required (0: none). */
  experienceYears: Scalars['Int']['output'];
  /** Vacancies. */
  headcount: Scalars['Int']['output'];
  /** Who to contact at the employer (a name and a work phone). */
  contactName: Scalars['String']['output'];
  contactPhone: Scalars['String']['output'];
  postedOn: Scalars['Date']['output'];
  /** The last day it appears in the feed. */
  expiresOn: Scalars['Date']['output'];
  status: JobStatus;
  /** Past its expiry date (derived from today's date, China Standard Time). */
  expired: Scalars['Boolean']['output'];
  /**
   * The applications to this posting, newest first: the employer's legal representative, or officers
   * with labour:read:sensitive and X-Purpose. Each applicant's shared profile, never their ID number.
   */
  applications?: Maybe<Array<JobApplication>>;
};

/** A citizen's job-seeker profile. */
export type JobSeekerProfile = {
  __typename?: 'JobSeekerProfile';
  /** The name employers see when the profile is shared (the citizen chooses it). */
  displayName: Scalars['String']['output'];
  /** The phone employers may call when the profile is shared. */
  contactPhone?: Maybe<Scalars['String']['output']>;
  desiredOccupations: Array<Occupation>;
  /** GB/T 2260 codes. */
  desiredDistricts: Array<Scalars['String']['output']>;
  /** Yuan per month. */
  desiredSalary?: Maybe<Scalars['Int']['output']>;
  education?: Maybe<EducationLevel>;
  experienceYears: Scalars['Int']['output'];
  skills: Scalars['String']['output'];
  /** When they can start, e.g. 随时到岗. */
  availability: Scalars['String']['output'];
  /** Whether employers they apply to see this profile (otherwise only that an application was made). */
  visibleToEmployers: Scalars['Boolean']['output'];
  /**
   * Where each of its personal fields' values comes from: this registry, the department that last
   * changed it, when, and whether the citizen supplied it or an authority recorded it, from the
   * registry's own write records. Only fields the caller may read; all of those when fields is
   * omitted, e.g. fields: ["JobSeekerProfile.skills"].
   */
  provenance?: Maybe<Array<FieldProvenance>>;
};


/** A citizen's job-seeker profile. */
export type JobSeekerProfileProvenanceArgs = {
  fields?: InputMaybe<Array<Scalars['String']['input']>>;
};

export type ApplicationStatus =
  | 'SUBMITTED'
  | 'VIEWED'
  | 'INTERVIEW'
  | 'OFFER'
  | 'REJECTED'
  | 'WITHDRAWN';

/** An application to a posting: the applicant, the employer's legal representative, or officers with labour:read:sensitive and X-Purpose. */
export type JobApplication = {
  __typename?: 'JobApplication';
  id: Scalars['ID']['output'];
  job: JobPosting;
  status: ApplicationStatus;
  appliedAt: Scalars['DateTime']['output'];
  statusChangedAt: Scalars['DateTime']['output'];
  /** What the applicant shares with the employer: their profile when visibleToEmployers, else null. Never an ID number. */
  applicant?: Maybe<SharedApplicant>;
  /**
   * Where each of its personal fields' values comes from: this registry, the department that last
   * changed it, when, and whether the citizen supplied it or an authority recorded it, from the
   * registry's own write records. Only fields the caller may read; all of those when fields is
   * omitted, e.g. fields: ["JobApplication.status"].
   */
  provenance?: Maybe<Array<FieldProvenance>>;
};


/** An application to a posting: the applicant, the employer's legal representative, or officers with labour:read:sensitive and X-Purpose. */
export type JobApplicationProvenanceArgs = {
  fields?: InputMaybe<Array<Scalars['String']['input']>>;
};

/** The part of a job-seeker's profile an applicant shares with employers. */
export type SharedApplicant = {
  __typename?: 'SharedApplicant';
  displayName: Scalars['String']['output'];
  contactPhone?: Maybe<Scalars['String']['output']>;
  education?: Maybe<EducationLevel>;
  experienceYears: Scalars['Int']['output'];
  skills: Scalars['String']['output'];
  availability: Scalars['String']['output'];
  desiredOccupations: Array<Occupation>;
};

/** A posting recommended to a job-seeker, with why. */
export type RecommendedJob = {
  __typename?: 'RecommendedJob';
  job: JobPosting;
  /** 0 to 100. */
  score: Scalars['Int']['output'];
  /** Which parts of the profile matched, e.g. OCCUPATION, DISTRICT, SALARY, SKILL:财务软件. */
  reasons: Array<Scalars['String']['output']>;
};

export type EmploymentKind =
  /** 就业登记: employed by an organization. */
  | 'EMPLOYED'
  /** 失业登记: registered unemployed. */
  | 'UNEMPLOYED';

/** An employment or unemployment registration. */
export type EmploymentRecord = {
  __typename?: 'EmploymentRecord';
  kind: EmploymentKind;
  /** The employer (EMPLOYED only), by reference to the legal-person registry. */
  organization?: Maybe<Organization>;
  from: Scalars['Date']['output'];
  /** Null: still so. */
  to?: Maybe<Scalars['Date']['output']>;
  /**
   * Where each of its personal fields' values comes from: this registry, the department that last
   * changed it, when, and whether the citizen supplied it or an authority recorded it, from the
   * registry's own write records. Only fields the caller may read; all of those when fields is
   * omitted, e.g. fields: ["EmploymentRecord.to"].
   */
  provenance?: Maybe<Array<FieldProvenance>>;
};


/** An employment or unemployment registration. */
export type EmploymentRecordProvenanceArgs = {
  fields?: InputMaybe<Array<Scalars['String']['input']>>;
};

export type Person = {
  __typename?: 'Person';
  id: Scalars['ID']['output'];
  /**
   * Sensitive personal. Employment and unemployment registrations, newest first: the person
   * themself, or officers with labour:read:sensitive and X-Purpose; every read is logged.
   */
  employment?: Maybe<Array<EmploymentRecord>>;
};

export type JobFilter = {
  /** One or more terms separated by spaces; every term must appear in the title, description or employer name. 1 to 50 characters. */
  keyword?: InputMaybe<Scalars['String']['input']>;
  /** GB/T 2260 district codes (any of them), at most 20. */
  districts?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Occupation codes (any of them), at most 50. */
  occupations?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** The employer's industry (GB/T 4754): a section letter (I), a division (I65) or a class (I6513). */
  industry?: InputMaybe<Scalars['String']['input']>;
  /** The posting's salary range starts at or above this (yuan per month). */
  minSalary?: InputMaybe<Scalars['Int']['input']>;
  /** The job seeker's education: postings that accept it (require at most this level). */
  education?: InputMaybe<EducationLevel>;
  /** Posted in the last N days (1 to 365). */
  postedWithinDays?: InputMaybe<Scalars['Int']['input']>;
};

export type JobConnection = {
  __typename?: 'JobConnection';
  edges: Array<JobEdge>;
  pageInfo: PageInfo;
  /** Postings matching the filter, over all pages. */
  totalCount: Scalars['Int']['output'];
  /** Postings per district for the same filter, ignoring its districts; busiest first. */
  districtCounts: Array<DistrictCount>;
  /** Postings per occupation for the same filter, ignoring its occupations; busiest first. */
  occupationCounts: Array<OccupationCount>;
};

export type JobEdge = {
  __typename?: 'JobEdge';
  cursor: Scalars['String']['output'];
  node: JobPosting;
};

export type PageInfo = {
  __typename?: 'PageInfo';
  hasNextPage: Scalars['Boolean']['output'];
  /** Pass as `after` to get the next page. */
  endCursor?: Maybe<Scalars['String']['output']>;
};

export type DistrictCount = {
  __typename?: 'DistrictCount';
  districtCode: Scalars['String']['output'];
  districtName: Scalars['String']['output'];
  count: Scalars['Int']['output'];
};

export type OccupationCount = {
  __typename?: 'OccupationCount';
  occupation: Occupation;
  count: Scalars['Int']['output'];
};

/** A district's labour-market service counter (公共就业服务窗口). Public. */
export type ServiceCounter = {
  __typename?: 'ServiceCounter';
  districtCode: Scalars['String']['output'];
  districtName: Scalars['String']['output'];
  name: Scalars['String']['output'];
  address: Scalars['String']['output'];
  phone: Scalars['String']['output'];
  openingHours: Scalars['String']['output'];
  /** The district's local feed: open postings whose work is in this district, newest first. */
  jobs: JobConnection;
};


/** A district's labour-market service counter (公共就业服务窗口). Public. */
export type ServiceCounterJobsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
};

export type Organization = {
  __typename?: 'Organization';
  creditCode: Scalars['String']['output'];
  /** Public. The organization's open, unexpired postings, newest first. */
  jobs: JobConnection;
};


export type OrganizationJobsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
};

export type PostJobInput = {
  /** The employer's unified social credit code: an organization in the legal-person registry. */
  employerCreditCode: Scalars['String']['input'];
  /** The employer's own job number, 1 to 64 characters; posting the same reference again is a repeat. */
  reference: Scalars['String']['input'];
  /** 1 to 50 characters. */
  title: Scalars['String']['input'];
  /** 1 to 2000 characters. */
  description: Scalars['String']['input'];
  /** An occupation code from occupations. */
  occupation: Scalars['ID']['input'];
  /** GB/T 2260 code of one of the 20 districts. */
  districtCode: Scalars['String']['input'];
  /** 1 to 200 characters. */
  workAddress: Scalars['String']['input'];
  /** Yuan per month, 1 to 1000000, at most salaryMax. */
  salaryMin: Scalars['Int']['input'];
  salaryMax: Scalars['Int']['input'];
  education: EducationLevel;
  /** 0 to 40. */
  experienceYears: Scalars['Int']['input'];
  /** 1 to 10000. */
  headcount: Scalars['Int']['input'];
  /** 1 to 20 characters. */
  contactName: Scalars['String']['input'];
  /** A mobile number (11 digits) or a landline such as 028-85551234. */
  contactPhone: Scalars['String']['input'];
  /** Today or later, at most 180 days after today (China Standard Time). */
  expiresOn: Scalars['Date']['input'];
};

export type JobSeekerProfileInput = {
  /** 1 to 20 characters. */
  displayName: Scalars['String']['input'];
  /** A mobile number (11 digits), or null. */
  contactPhone?: InputMaybe<Scalars['String']['input']>;
  /** Occupation codes, at most 5. */
  desiredOccupations: Array<Scalars['ID']['input']>;
  /** District codes, at most 20. */
  desiredDistricts: Array<Scalars['String']['input']>;
  /** Yuan per month, 1 to 1000000. */
  desiredSalary?: InputMaybe<Scalars['Int']['input']>;
  education?: InputMaybe<EducationLevel>;
  /** 0 to 60. */
  experienceYears: Scalars['Int']['input'];
  /** 0 to 500 characters. */
  skills: Scalars['String']['input'];
  /** 1 to 50 characters. */
  availability: Scalars['String']['input'];
  visibleToEmployers: Scalars['Boolean']['input'];
};

export type SetApplicationStatusInput = {
  id: Scalars['ID']['input'];
  /** VIEWED, INTERVIEW, OFFER or REJECTED. */
  status: ApplicationStatus;
};

export type RegisterEmploymentInput = {
  /** Registry id of the person (natural-person registry). */
  personId: Scalars['ID']['input'];
  kind: EmploymentKind;
  /** The employer's credit code: required for EMPLOYED, absent for UNEMPLOYED. */
  organizationCreditCode?: InputMaybe<Scalars['String']['input']>;
  /** Not in the future. */
  from: Scalars['Date']['input'];
  /** Not before from. */
  to?: InputMaybe<Scalars['Date']['input']>;
};

export type CloseJobInput = {
  id: Scalars['ID']['input'];
  /** CLOSED or FILLED. */
  status: JobStatus;
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

export type _Entity = JobPosting | Organization | Person;

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
  JobPosting: JobPosting;
  Person: Person;
  Organization: Organization;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  JobPosting:
    ( { __typename: 'JobPosting' }
    & GraphQLRecursivePick<FederationTypes['JobPosting'], {"id":true}> );
  Person:
    ( { __typename: 'Person' }
    & GraphQLRecursivePick<FederationTypes['Person'], {"id":true}> );
  Organization:
    ( { __typename: 'Organization' }
    & GraphQLRecursivePick<FederationTypes['Organization'], {"creditCode":true}> );
}>;

/** Mapping of union types */
export type ResolversUnionTypes<_RefType extends Record<string, unknown>> = ResolversObject<{
  _Entity:
    | ( JobPostingModel )
    | ( OrganizationParentModel )
    | ( PersonRefModel )
  ;
}>;


/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Date: ResolverTypeWrapper<Scalars['Date']['output']>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  EducationLevel: EducationLevel;
  JobStatus: JobStatus;
  JobOrder: JobOrder;
  Occupation: ResolverTypeWrapper<OccupationModel>;
  JobPosting: ResolverTypeWrapper<JobPostingModel>;
  JobSeekerProfile: ResolverTypeWrapper<JobSeekerProfileModel>;
  ApplicationStatus: ApplicationStatus;
  JobApplication: ResolverTypeWrapper<JobApplicationModel>;
  SharedApplicant: ResolverTypeWrapper<JobSeekerProfileModel>;
  RecommendedJob: ResolverTypeWrapper<Omit<RecommendedJob, 'job'> & { job: ResolversTypes['JobPosting'] }>;
  EmploymentKind: EmploymentKind;
  EmploymentRecord: ResolverTypeWrapper<EmploymentRecordModel>;
  Person: ResolverTypeWrapper<PersonRefModel>;
  JobFilter: JobFilter;
  JobConnection: ResolverTypeWrapper<JobPageModel>;
  JobEdge: ResolverTypeWrapper<Omit<JobEdge, 'node'> & { node: ResolversTypes['JobPosting'] }>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  DistrictCount: ResolverTypeWrapper<DistrictCount>;
  OccupationCount: ResolverTypeWrapper<Omit<OccupationCount, 'occupation'> & { occupation: ResolversTypes['Occupation'] }>;
  ServiceCounter: ResolverTypeWrapper<ServiceCounterModel>;
  Organization: ResolverTypeWrapper<OrganizationParentModel>;
  PostJobInput: PostJobInput;
  JobSeekerProfileInput: JobSeekerProfileInput;
  SetApplicationStatusInput: SetApplicationStatusInput;
  RegisterEmploymentInput: RegisterEmploymentInput;
  CloseJobInput: CloseJobInput;
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
  Int: Scalars['Int']['output'];
  ID: Scalars['ID']['output'];
  Mutation: Record<PropertyKey, never>;
  Date: Scalars['Date']['output'];
  DateTime: Scalars['DateTime']['output'];
  Occupation: OccupationModel;
  JobPosting: JobPostingModel;
  JobSeekerProfile: JobSeekerProfileModel;
  JobApplication: JobApplicationModel;
  SharedApplicant: JobSeekerProfileModel;
  RecommendedJob: Omit<RecommendedJob, 'job'> & { job: ResolversParentTypes['JobPosting'] };
  EmploymentRecord: EmploymentRecordModel;
  Person: PersonRefModel;
  JobFilter: JobFilter;
  JobConnection: JobPageModel;
  JobEdge: Omit<JobEdge, 'node'> & { node: ResolversParentTypes['JobPosting'] };
  PageInfo: PageInfo;
  DistrictCount: DistrictCount;
  OccupationCount: Omit<OccupationCount, 'occupation'> & { occupation: ResolversParentTypes['Occupation'] };
  ServiceCounter: ServiceCounterModel;
  Organization: OrganizationParentModel;
  PostJobInput: PostJobInput;
  JobSeekerProfileInput: JobSeekerProfileInput;
  SetApplicationStatusInput: SetApplicationStatusInput;
  RegisterEmploymentInput: RegisterEmploymentInput;
  CloseJobInput: CloseJobInput;
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

export type LinkDirectiveResolver<Result, Parent, ContextType = LabourMarketContext, Args = LinkDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type Federation__RequiresDirectiveArgs = {
  fields: Scalars['federation__FieldSet']['input'];
};

export type Federation__RequiresDirectiveResolver<Result, Parent, ContextType = LabourMarketContext, Args = Federation__RequiresDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type Federation__ProvidesDirectiveArgs = {
  fields: Scalars['federation__FieldSet']['input'];
};

export type Federation__ProvidesDirectiveResolver<Result, Parent, ContextType = LabourMarketContext, Args = Federation__ProvidesDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type Federation__ExternalDirectiveArgs = {
  reason?: Maybe<Scalars['String']['input']>;
};

export type Federation__ExternalDirectiveResolver<Result, Parent, ContextType = LabourMarketContext, Args = Federation__ExternalDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type Federation__TagDirectiveArgs = {
  name: Scalars['String']['input'];
};

export type Federation__TagDirectiveResolver<Result, Parent, ContextType = LabourMarketContext, Args = Federation__TagDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type Federation__ExtendsDirectiveArgs = { };

export type Federation__ExtendsDirectiveResolver<Result, Parent, ContextType = LabourMarketContext, Args = Federation__ExtendsDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type ShareableDirectiveArgs = { };

export type ShareableDirectiveResolver<Result, Parent, ContextType = LabourMarketContext, Args = ShareableDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type Federation__InaccessibleDirectiveArgs = { };

export type Federation__InaccessibleDirectiveResolver<Result, Parent, ContextType = LabourMarketContext, Args = Federation__InaccessibleDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type Federation__OverrideDirectiveArgs = {
  from: Scalars['String']['input'];
  label?: Maybe<Scalars['String']['input']>;
};

export type Federation__OverrideDirectiveResolver<Result, Parent, ContextType = LabourMarketContext, Args = Federation__OverrideDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type Federation__ComposeDirectiveDirectiveArgs = {
  name?: Maybe<Scalars['String']['input']>;
};

export type Federation__ComposeDirectiveDirectiveResolver<Result, Parent, ContextType = LabourMarketContext, Args = Federation__ComposeDirectiveDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type Federation__InterfaceObjectDirectiveArgs = { };

export type Federation__InterfaceObjectDirectiveResolver<Result, Parent, ContextType = LabourMarketContext, Args = Federation__InterfaceObjectDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type Federation__AuthenticatedDirectiveArgs = { };

export type Federation__AuthenticatedDirectiveResolver<Result, Parent, ContextType = LabourMarketContext, Args = Federation__AuthenticatedDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type Federation__RequiresScopesDirectiveArgs = {
  scopes: Array<Array<Scalars['federation__Scope']['input']>>;
};

export type Federation__RequiresScopesDirectiveResolver<Result, Parent, ContextType = LabourMarketContext, Args = Federation__RequiresScopesDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type Federation__PolicyDirectiveArgs = {
  policies: Array<Array<Scalars['federation__Policy']['input']>>;
};

export type Federation__PolicyDirectiveResolver<Result, Parent, ContextType = LabourMarketContext, Args = Federation__PolicyDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type QueryResolvers<ContextType = LabourMarketContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  jobs?: Resolver<ResolversTypes['JobConnection'], ParentType, ContextType, RequireFields<QueryJobsArgs, 'orderBy' | 'first'>>;
  job?: Resolver<Maybe<ResolversTypes['JobPosting']>, ParentType, ContextType, RequireFields<QueryJobArgs, 'id'>>;
  occupations?: Resolver<Array<ResolversTypes['Occupation']>, ParentType, ContextType>;
  serviceCounters?: Resolver<Array<ResolversTypes['ServiceCounter']>, ParentType, ContextType>;
  serviceCounter?: Resolver<Maybe<ResolversTypes['ServiceCounter']>, ParentType, ContextType, RequireFields<QueryServiceCounterArgs, 'districtCode'>>;
  myJobSeekerProfile?: Resolver<Maybe<ResolversTypes['JobSeekerProfile']>, ParentType, ContextType>;
  myApplications?: Resolver<Array<ResolversTypes['JobApplication']>, ParentType, ContextType>;
  recommendedJobs?: Resolver<Array<ResolversTypes['RecommendedJob']>, ParentType, ContextType, RequireFields<QueryRecommendedJobsArgs, 'first'>>;
  _entities?: Resolver<Array<Maybe<ResolversTypes['_Entity']>>, ParentType, ContextType, RequireFields<Query_EntitiesArgs, 'representations'>>;
  _service?: Resolver<ResolversTypes['_Service'], ParentType, ContextType>;
}>;

export type MutationResolvers<ContextType = LabourMarketContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  postJob?: Resolver<Maybe<ResolversTypes['JobPosting']>, ParentType, ContextType, RequireFields<MutationPostJobArgs, 'input'>>;
  closeJob?: Resolver<Maybe<ResolversTypes['JobPosting']>, ParentType, ContextType, RequireFields<MutationCloseJobArgs, 'input'>>;
  saveJobSeekerProfile?: Resolver<Maybe<ResolversTypes['JobSeekerProfile']>, ParentType, ContextType, RequireFields<MutationSaveJobSeekerProfileArgs, 'input'>>;
  applyForJob?: Resolver<Maybe<ResolversTypes['JobApplication']>, ParentType, ContextType, RequireFields<MutationApplyForJobArgs, 'jobId'>>;
  withdrawApplication?: Resolver<Maybe<ResolversTypes['JobApplication']>, ParentType, ContextType, RequireFields<MutationWithdrawApplicationArgs, 'id'>>;
  setApplicationStatus?: Resolver<Maybe<ResolversTypes['JobApplication']>, ParentType, ContextType, RequireFields<MutationSetApplicationStatusArgs, 'input'>>;
  registerEmployment?: Resolver<Maybe<ResolversTypes['EmploymentRecord']>, ParentType, ContextType, RequireFields<MutationRegisterEmploymentArgs, 'input'>>;
}>;

export interface DateScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Date'], any> {
  name: 'Date';
}

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type OccupationResolvers<ContextType = LabourMarketContext, ParentType extends ResolversParentTypes['Occupation'] = ResolversParentTypes['Occupation']> = ResolversObject<{
  code?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  majorGroup?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  majorGroupName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type JobPostingResolvers<ContextType = LabourMarketContext, ParentType extends ResolversParentTypes['JobPosting'] = ResolversParentTypes['JobPosting'], FederationReferenceType extends FederationReferenceTypes['JobPosting'] = FederationReferenceTypes['JobPosting']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['JobPosting']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  reference?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  employer?: Resolver<ResolversTypes['Organization'], ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  occupation?: Resolver<ResolversTypes['Occupation'], ParentType, ContextType>;
  districtCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  districtName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  workAddress?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  salaryMin?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  salaryMax?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  education?: Resolver<ResolversTypes['EducationLevel'], ParentType, ContextType>;
  experienceYears?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  headcount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  contactName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  contactPhone?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  postedOn?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  expiresOn?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['JobStatus'], ParentType, ContextType>;
  expired?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  applications?: Resolver<Maybe<Array<ResolversTypes['JobApplication']>>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type JobSeekerProfileResolvers<ContextType = LabourMarketContext, ParentType extends ResolversParentTypes['JobSeekerProfile'] = ResolversParentTypes['JobSeekerProfile']> = ResolversObject<{
  displayName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  contactPhone?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  desiredOccupations?: Resolver<Array<ResolversTypes['Occupation']>, ParentType, ContextType>;
  desiredDistricts?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  desiredSalary?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  education?: Resolver<Maybe<ResolversTypes['EducationLevel']>, ParentType, ContextType>;
  experienceYears?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  skills?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  availability?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  visibleToEmployers?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  provenance?: Resolver<Maybe<Array<ResolversTypes['FieldProvenance']>>, ParentType, ContextType, Partial<JobSeekerProfileProvenanceArgs>>;
}>;

export type JobApplicationResolvers<ContextType = LabourMarketContext, ParentType extends ResolversParentTypes['JobApplication'] = ResolversParentTypes['JobApplication']> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  job?: Resolver<ResolversTypes['JobPosting'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ApplicationStatus'], ParentType, ContextType>;
  appliedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  statusChangedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  applicant?: Resolver<Maybe<ResolversTypes['SharedApplicant']>, ParentType, ContextType>;
  provenance?: Resolver<Maybe<Array<ResolversTypes['FieldProvenance']>>, ParentType, ContextType, Partial<JobApplicationProvenanceArgs>>;
}>;

export type SharedApplicantResolvers<ContextType = LabourMarketContext, ParentType extends ResolversParentTypes['SharedApplicant'] = ResolversParentTypes['SharedApplicant']> = ResolversObject<{
  displayName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  contactPhone?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  education?: Resolver<Maybe<ResolversTypes['EducationLevel']>, ParentType, ContextType>;
  experienceYears?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  skills?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  availability?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  desiredOccupations?: Resolver<Array<ResolversTypes['Occupation']>, ParentType, ContextType>;
}>;

export type RecommendedJobResolvers<ContextType = LabourMarketContext, ParentType extends ResolversParentTypes['RecommendedJob'] = ResolversParentTypes['RecommendedJob']> = ResolversObject<{
  job?: Resolver<ResolversTypes['JobPosting'], ParentType, ContextType>;
  score?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  reasons?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type EmploymentRecordResolvers<ContextType = LabourMarketContext, ParentType extends ResolversParentTypes['EmploymentRecord'] = ResolversParentTypes['EmploymentRecord']> = ResolversObject<{
  kind?: Resolver<ResolversTypes['EmploymentKind'], ParentType, ContextType>;
  organization?: Resolver<Maybe<ResolversTypes['Organization']>, ParentType, ContextType>;
  from?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  to?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  provenance?: Resolver<Maybe<Array<ResolversTypes['FieldProvenance']>>, ParentType, ContextType, Partial<EmploymentRecordProvenanceArgs>>;
}>;

export type PersonResolvers<ContextType = LabourMarketContext, ParentType extends ResolversParentTypes['Person'] = ResolversParentTypes['Person'], FederationReferenceType extends FederationReferenceTypes['Person'] = FederationReferenceTypes['Person']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Person']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  employment?: Resolver<Maybe<Array<ResolversTypes['EmploymentRecord']>>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type JobConnectionResolvers<ContextType = LabourMarketContext, ParentType extends ResolversParentTypes['JobConnection'] = ResolversParentTypes['JobConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['JobEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  districtCounts?: Resolver<Array<ResolversTypes['DistrictCount']>, ParentType, ContextType>;
  occupationCounts?: Resolver<Array<ResolversTypes['OccupationCount']>, ParentType, ContextType>;
}>;

export type JobEdgeResolvers<ContextType = LabourMarketContext, ParentType extends ResolversParentTypes['JobEdge'] = ResolversParentTypes['JobEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['JobPosting'], ParentType, ContextType>;
}>;

export type PageInfoResolvers<ContextType = LabourMarketContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = ResolversObject<{
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type DistrictCountResolvers<ContextType = LabourMarketContext, ParentType extends ResolversParentTypes['DistrictCount'] = ResolversParentTypes['DistrictCount']> = ResolversObject<{
  districtCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  districtName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type OccupationCountResolvers<ContextType = LabourMarketContext, ParentType extends ResolversParentTypes['OccupationCount'] = ResolversParentTypes['OccupationCount']> = ResolversObject<{
  occupation?: Resolver<ResolversTypes['Occupation'], ParentType, ContextType>;
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type ServiceCounterResolvers<ContextType = LabourMarketContext, ParentType extends ResolversParentTypes['ServiceCounter'] = ResolversParentTypes['ServiceCounter']> = ResolversObject<{
  districtCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  districtName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  address?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  phone?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  openingHours?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  jobs?: Resolver<ResolversTypes['JobConnection'], ParentType, ContextType, RequireFields<ServiceCounterJobsArgs, 'first'>>;
}>;

export type OrganizationResolvers<ContextType = LabourMarketContext, ParentType extends ResolversParentTypes['Organization'] = ResolversParentTypes['Organization'], FederationReferenceType extends FederationReferenceTypes['Organization'] = FederationReferenceTypes['Organization']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Organization']> | FederationReferenceType, FederationReferenceType, ContextType>;
  creditCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  jobs?: Resolver<ResolversTypes['JobConnection'], ParentType, ContextType, RequireFields<OrganizationJobsArgs, 'first'>>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type FieldProvenanceResolvers<ContextType = LabourMarketContext, ParentType extends ResolversParentTypes['FieldProvenance'] = ResolversParentTypes['FieldProvenance']> = ResolversObject<{
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

export type _ServiceResolvers<ContextType = LabourMarketContext, ParentType extends ResolversParentTypes['_Service'] = ResolversParentTypes['_Service']> = ResolversObject<{
  sdl?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type _EntityResolvers<ContextType = LabourMarketContext, ParentType extends ResolversParentTypes['_Entity'] = ResolversParentTypes['_Entity']> = ResolversObject<{
  __resolveType: TypeResolveFn<'JobPosting' | 'Organization' | 'Person', ParentType, ContextType>;
}>;

export type Resolvers<ContextType = LabourMarketContext> = ResolversObject<{
  Query?: QueryResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Date?: GraphQLScalarType;
  DateTime?: GraphQLScalarType;
  Occupation?: OccupationResolvers<ContextType>;
  JobPosting?: JobPostingResolvers<ContextType>;
  JobSeekerProfile?: JobSeekerProfileResolvers<ContextType>;
  JobApplication?: JobApplicationResolvers<ContextType>;
  SharedApplicant?: SharedApplicantResolvers<ContextType>;
  RecommendedJob?: RecommendedJobResolvers<ContextType>;
  EmploymentRecord?: EmploymentRecordResolvers<ContextType>;
  Person?: PersonResolvers<ContextType>;
  JobConnection?: JobConnectionResolvers<ContextType>;
  JobEdge?: JobEdgeResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  DistrictCount?: DistrictCountResolvers<ContextType>;
  OccupationCount?: OccupationCountResolvers<ContextType>;
  ServiceCounter?: ServiceCounterResolvers<ContextType>;
  Organization?: OrganizationResolvers<ContextType>;
  FieldProvenance?: FieldProvenanceResolvers<ContextType>;
  link__Import?: GraphQLScalarType;
  federation__FieldSet?: GraphQLScalarType;
  federation__Scope?: GraphQLScalarType;
  federation__Policy?: GraphQLScalarType;
  _Any?: GraphQLScalarType;
  _Service?: _ServiceResolvers<ContextType>;
  _Entity?: _EntityResolvers<ContextType>;
}>;

export type DirectiveResolvers<ContextType = LabourMarketContext> = ResolversObject<{
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
