/* Generated from schema/certificate.graphql by `npm run codegen`. Do not edit. */
/* eslint-disable */
import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { PersonParent as PersonParentModel } from '../resolvers/Person';
import type { OrganizationParent as OrganizationParentModel } from '../resolvers/Organization';
import type { Certificate as CertificateModel } from '../entities/certificate.entity';
import type { CertificateType as CertificateTypeModel } from '../entities/certificate-type.entity';
import type { MaterialKind as MaterialKindModel } from '../entities/material-kind.entity';
import type { Service as ServiceModel } from '../entities/service.entity';
import type { ServiceRequirement as ServiceRequirementModel } from '../entities/service-requirement.entity';
import type { Material as MaterialModel } from '../entities/material.entity';
import type { MaterialUse as MaterialUseModel } from '../entities/material-use.entity';
import type { MaterialPage as MaterialPageModel } from '../resolvers/MaterialConnection';
import type { MarriageAttributes as MarriageAttributesModel, DisabilityAttributes as DisabilityAttributesModel, MinimumAllowanceAttributes as MinimumAllowanceAttributesModel, DiplomaAttributes as DiplomaAttributesModel, VocationalQualificationAttributes as VocationalQualificationAttributesModel } from '../certificate-types';
import type { Verification as VerificationModel } from '../resolvers/Query';
import type { ReadinessResult as ReadinessResultModel, ReadinessItemResult as ReadinessItemResultModel } from '../readiness';
import type { HoldingResult as HoldingResultModel } from '../holdings';
import type { CertificateContext } from '../context';
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
 * Certificate registry (data-bureau): electronic certificates (电子证照) issued by the departments, the
 * service catalogue (what every service needs, published before anyone applies) and the materials
 * citizens submit once.
 *
 * Field classes:
 * - public (anyone, no token): the certificate types, the service catalogue, verifyCertificate;
 * - a person's certificates and materials are sensitive personal data: the person themself, or an
 *   officer with certificate:read:sensitive who sends X-Purpose; every read is written to the access log;
 * - an organization's certificates (its business licence): officers with organization:read or
 *   certificate:read, or the organization's legal representative (through Organization.certificates).
 * Uploads and downloads of material files are plain HTTP routes on the gateway: POST /materials,
 * GET /materials/{id}.
 */
export type Query = {
  __typename?: 'Query';
  /** Public. Every certificate type, with its issuing department, holder kind and validity rule. */
  certificateTypes: Array<CertificateType>;
  /** Public. One certificate type. */
  certificateType?: Maybe<CertificateType>;
  /** Public. The kinds of material a service can ask for (income proof, application form, ...). */
  materialKinds: Array<MaterialKind>;
  /** Public. The service catalogue, by code; optionally only one department's services. */
  services: Array<Service>;
  /** Public. One service by its code (e.g. civil-affairs.minimum-living-allowance) or abbreviation (MLA). */
  service?: Maybe<Service>;
  /**
   * A certificate by type and number. A person's certificate: the holder, or officers with
   * certificate:read:sensitive and X-Purpose; an organization's: officers with organization:read or
   * certificate:read. Refused alike whether or not such a certificate exists.
   */
  certificate?: Maybe<Certificate>;
  /**
   * Public. Checks a certificate's verification code (printed on the document): type, status, issuer,
   * validity and the holder's masked name, nothing else. Null when no certificate has this code.
   * Repeated wrong codes from one client are refused for a while (HTTP 429).
   */
  verifyCertificate?: Maybe<CertificateVerification>;
  /** A material by id: its owner, or officers with certificate:read:sensitive and X-Purpose. */
  material?: Maybe<Material>;
  _entities: Array<Maybe<_Entity>>;
  _service: _Service;
};


/**
 * Certificate registry (data-bureau): electronic certificates (电子证照) issued by the departments, the
 * service catalogue (what every service needs, published before anyone applies) and the materials
 * citizens submit once.
 *
 * Field classes:
 * - public (anyone, no token): the certificate types, the service catalogue, verifyCertificate;
 * - a person's certificates and materials are sensitive personal data: the person themself, or an
 *   officer with certificate:read:sensitive who sends X-Purpose; every read is written to the access log;
 * - an organization's certificates (its business licence): officers with organization:read or
 *   certificate:read, or the organization's legal representative (through Organization.certificates).
 * Uploads and downloads of material files are plain HTTP routes on the gateway: POST /materials,
 * GET /materials/{id}.
 */
export type QueryCertificateTypeArgs = {
  code: CertificateTypeCode;
};


/**
 * Certificate registry (data-bureau): electronic certificates (电子证照) issued by the departments, the
 * service catalogue (what every service needs, published before anyone applies) and the materials
 * citizens submit once.
 *
 * Field classes:
 * - public (anyone, no token): the certificate types, the service catalogue, verifyCertificate;
 * - a person's certificates and materials are sensitive personal data: the person themself, or an
 *   officer with certificate:read:sensitive who sends X-Purpose; every read is written to the access log;
 * - an organization's certificates (its business licence): officers with organization:read or
 *   certificate:read, or the organization's legal representative (through Organization.certificates).
 * Uploads and downloads of material files are plain HTTP routes on the gateway: POST /materials,
 * GET /materials/{id}.
 */
export type QueryServicesArgs = {
  department?: InputMaybe<Scalars['String']['input']>;
};


/**
 * Certificate registry (data-bureau): electronic certificates (电子证照) issued by the departments, the
 * service catalogue (what every service needs, published before anyone applies) and the materials
 * citizens submit once.
 *
 * Field classes:
 * - public (anyone, no token): the certificate types, the service catalogue, verifyCertificate;
 * - a person's certificates and materials are sensitive personal data: the person themself, or an
 *   officer with certificate:read:sensitive who sends X-Purpose; every read is written to the access log;
 * - an organization's certificates (its business licence): officers with organization:read or
 *   certificate:read, or the organization's legal representative (through Organization.certificates).
 * Uploads and downloads of material files are plain HTTP routes on the gateway: POST /materials,
 * GET /materials/{id}.
 */
export type QueryServiceArgs = {
  code: Scalars['String']['input'];
};


/**
 * Certificate registry (data-bureau): electronic certificates (电子证照) issued by the departments, the
 * service catalogue (what every service needs, published before anyone applies) and the materials
 * citizens submit once.
 *
 * Field classes:
 * - public (anyone, no token): the certificate types, the service catalogue, verifyCertificate;
 * - a person's certificates and materials are sensitive personal data: the person themself, or an
 *   officer with certificate:read:sensitive who sends X-Purpose; every read is written to the access log;
 * - an organization's certificates (its business licence): officers with organization:read or
 *   certificate:read, or the organization's legal representative (through Organization.certificates).
 * Uploads and downloads of material files are plain HTTP routes on the gateway: POST /materials,
 * GET /materials/{id}.
 */
export type QueryCertificateArgs = {
  type: CertificateTypeCode;
  number: Scalars['String']['input'];
};


/**
 * Certificate registry (data-bureau): electronic certificates (电子证照) issued by the departments, the
 * service catalogue (what every service needs, published before anyone applies) and the materials
 * citizens submit once.
 *
 * Field classes:
 * - public (anyone, no token): the certificate types, the service catalogue, verifyCertificate;
 * - a person's certificates and materials are sensitive personal data: the person themself, or an
 *   officer with certificate:read:sensitive who sends X-Purpose; every read is written to the access log;
 * - an organization's certificates (its business licence): officers with organization:read or
 *   certificate:read, or the organization's legal representative (through Organization.certificates).
 * Uploads and downloads of material files are plain HTTP routes on the gateway: POST /materials,
 * GET /materials/{id}.
 */
export type QueryVerifyCertificateArgs = {
  code: Scalars['String']['input'];
};


/**
 * Certificate registry (data-bureau): electronic certificates (电子证照) issued by the departments, the
 * service catalogue (what every service needs, published before anyone applies) and the materials
 * citizens submit once.
 *
 * Field classes:
 * - public (anyone, no token): the certificate types, the service catalogue, verifyCertificate;
 * - a person's certificates and materials are sensitive personal data: the person themself, or an
 *   officer with certificate:read:sensitive who sends X-Purpose; every read is written to the access log;
 * - an organization's certificates (its business licence): officers with organization:read or
 *   certificate:read, or the organization's legal representative (through Organization.certificates).
 * Uploads and downloads of material files are plain HTTP routes on the gateway: POST /materials,
 * GET /materials/{id}.
 */
export type QueryMaterialArgs = {
  id: Scalars['ID']['input'];
};


/**
 * Certificate registry (data-bureau): electronic certificates (电子证照) issued by the departments, the
 * service catalogue (what every service needs, published before anyone applies) and the materials
 * citizens submit once.
 *
 * Field classes:
 * - public (anyone, no token): the certificate types, the service catalogue, verifyCertificate;
 * - a person's certificates and materials are sensitive personal data: the person themself, or an
 *   officer with certificate:read:sensitive who sends X-Purpose; every read is written to the access log;
 * - an organization's certificates (its business licence): officers with organization:read or
 *   certificate:read, or the organization's legal representative (through Organization.certificates).
 * Uploads and downloads of material files are plain HTTP routes on the gateway: POST /materials,
 * GET /materials/{id}.
 */
export type Query_EntitiesArgs = {
  representations: Array<Scalars['_Any']['input']>;
};

export type Mutation = {
  __typename?: 'Mutation';
  /**
   * Issues a certificate. Officers of the type's issuing department with certificate:write. Idempotent
   * on (type, number): the same issue again returns the certificate already issued. The holder must
   * exist in its registry, checked there on the officer's behalf: a person needs person:read:sensitive
   * and X-Purpose (the holder's name and ID number are printed on the document), an organization nothing more.
   */
  issueCertificate?: Maybe<Certificate>;
  /** Revokes a certificate. Officers of the type's issuing department with certificate:write. Idempotent. */
  revokeCertificate?: Maybe<Certificate>;
  /**
   * Renews a certificate: a new validity period from issuedOn, a new signed form, the same number and
   * verification code. Officers of the type's issuing department with certificate:write. Idempotent.
   */
  renewCertificate?: Maybe<Certificate>;
  /**
   * Records that an application used a material (the X-Purpose is the application reference).
   * Officers with certificate:read:sensitive and X-Purpose, or the assistance registry's outbox as
   * itself (service operation AssistanceRecordMaterialUse) for the materials an application cites.
   * Idempotent.
   */
  recordMaterialUse?: Maybe<Material>;
};


export type MutationIssueCertificateArgs = {
  input: IssueCertificateInput;
};


export type MutationRevokeCertificateArgs = {
  input: RevokeCertificateInput;
};


export type MutationRenewCertificateArgs = {
  input: RenewCertificateInput;
};


export type MutationRecordMaterialUseArgs = {
  input: RecordMaterialUseInput;
};

export type CertificateTypeCode =
  /** 居民身份证 */
  | 'RESIDENT_ID_CARD'
  /** 居民户口簿 */
  | 'HOUSEHOLD_REGISTER'
  /** 结婚证 */
  | 'MARRIAGE_CERTIFICATE'
  /** 营业执照 */
  | 'BUSINESS_LICENCE'
  /** 残疾人证 */
  | 'DISABILITY_CERTIFICATE'
  /** 最低生活保障证 (低保证) */
  | 'MINIMUM_ALLOWANCE_CERTIFICATE'
  /** 就业创业证 */
  | 'EMPLOYMENT_CERTIFICATE'
  /** 老年人优待证 */
  | 'SENIOR_CITIZEN_CARD'
  /** 毕业证书 */
  | 'DIPLOMA'
  /** 职业资格证书 / 职业技能等级证书 */
  | 'VOCATIONAL_QUALIFICATION';

export type HolderKind =
  | 'PERSON'
  | 'ORGANIZATION';

/** How long a certificate of a type is valid. */
export type ValidityRule =
  /** No expiry (长期). */
  | 'LONG_TERM'
  /** A fixed number of years from the day of issue (validityYears). */
  | 'YEARS'
  /** Resident ID card: 5 years under 16, 10 years from 16 to 25, 20 years from 26 to 45, long-term from 46 (居民身份证法 art. 5). */
  | 'BY_AGE'
  /** As stated by the issuer on the document (e.g. a business licence's term), or long-term when none is stated. */
  | 'STATED';

export type CertificateStatus =
  | 'VALID'
  /** Past its valid-until date (derived from today's date, China Standard Time, whenever it is read). */
  | 'EXPIRED'
  | 'REVOKED';

export type HouseholdRelationship =
  | 'HEAD'
  | 'SPOUSE'
  | 'CHILD'
  | 'PARENT'
  | 'GRANDCHILD'
  | 'GRANDPARENT'
  | 'SIBLING'
  | 'OTHER';

/** Disability category (GB/T 26341-2010); the digit in brackets is the one in the certificate number. */
export type DisabilityCategory =
  /** 视力 (1) */
  | 'VISION'
  /** 听力 (2) */
  | 'HEARING'
  /** 言语 (3) */
  | 'SPEECH'
  /** 肢体 (4) */
  | 'PHYSICAL'
  /** 智力 (5) */
  | 'INTELLECTUAL'
  /** 精神 (6) */
  | 'MENTAL'
  /** 多重 (7) */
  | 'MULTIPLE';

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

/** A kind of certificate, as the catalogue publishes it. Public. */
export type CertificateType = {
  __typename?: 'CertificateType';
  code: CertificateTypeCode;
  /** Chinese name, e.g. 居民身份证. */
  name: Scalars['String']['output'];
  /** The department that issues, revokes and renews it. */
  issuingDepartment: Scalars['String']['output'];
  holderKind: HolderKind;
  validityRule: ValidityRule;
  /** For validityRule YEARS. */
  validityYears?: Maybe<Scalars['Int']['output']>;
  /** The validity rule in words. */
  validityDescription: Scalars['String']['output'];
  /** How its number is formed. */
  numberFormat: Scalars['String']['output'];
};

/** An electronic certificate (电子证照). */
export type Certificate = {
  __typename?: 'Certificate';
  /** Opaque registry id (UUID). */
  id: Scalars['ID']['output'];
  type?: Maybe<CertificateType>;
  /** Unique per type. */
  number?: Maybe<Scalars['String']['output']>;
  /** The holder: a Person (natural-person registry) or an Organization (legal-person registry), by reference. */
  holder?: Maybe<CertificateHolder>;
  issuingDepartment?: Maybe<Scalars['String']['output']>;
  /** The issuing office as printed, e.g. 成都市公安局武侯区分局. */
  issuingAuthority?: Maybe<Scalars['String']['output']>;
  issuedOn?: Maybe<Scalars['Date']['output']>;
  /** Null when valid without limit (长期). */
  validUntil?: Maybe<Scalars['Date']['output']>;
  /** VALID, EXPIRED (derived from today's date when read) or REVOKED. */
  status?: Maybe<CertificateStatus>;
  /** When and why it was revoked; null unless REVOKED. */
  revocation?: Maybe<Revocation>;
  /** What is specific to its type; null for types without attributes. */
  attributes?: Maybe<CertificateAttributes>;
  /** Printed on the document; anyone can check it with verifyCertificate. At least 80 bits of entropy. */
  verificationCode?: Maybe<Scalars['String']['output']>;
  /**
   * The signed form: a compact JWS (EdDSA, Ed25519) over the certificate's content as issued (type,
   * number, holder's name and identifier as printed, issuer, dates, attributes), signed with the
   * certificate registry's key, whose public half is in the gateway's /.well-known/jwks.json (kid in
   * the header). Verifiable offline with any JOSE library; changing one byte makes it fail.
   */
  signedForm?: Maybe<Scalars['String']['output']>;
  /**
   * Where each of its personal fields' values comes from: this registry, the department that last
   * changed it, when, and whether the citizen supplied it or an authority recorded it, from the
   * registry's own write records. Only fields the caller may read; all of those when fields is
   * omitted, e.g. fields: ["Certificate.status"].
   */
  provenance?: Maybe<Array<FieldProvenance>>;
};


/** An electronic certificate (电子证照). */
export type CertificateProvenanceArgs = {
  fields?: InputMaybe<Array<Scalars['String']['input']>>;
};

export type CertificateHolder = Person | Organization;

export type Revocation = {
  __typename?: 'Revocation';
  revokedOn: Scalars['Date']['output'];
  reason: Scalars['String']['output'];
};

export type CertificateAttributes = MarriageAttributes | DisabilityAttributes | MinimumAllowanceAttributes | DiplomaAttributes | VocationalQualificationAttributes;

export type MarriageAttributes = {
  __typename?: 'MarriageAttributes';
  /** The other spouse (who holds their own certificate). */
  spouse?: Maybe<Person>;
};

export type DisabilityAttributes = {
  __typename?: 'DisabilityAttributes';
  category: DisabilityCategory;
  /** 1 (most severe) to 4. */
  grade: Scalars['Int']['output'];
};

export type MinimumAllowanceAttributes = {
  __typename?: 'MinimumAllowanceAttributes';
  /** Allowance paid to the household per month. */
  monthlyAmount: Scalars['Money']['output'];
  /** Household members covered. */
  coveredMembers: Scalars['Int']['output'];
};

export type DiplomaAttributes = {
  __typename?: 'DiplomaAttributes';
  school: Scalars['String']['output'];
  level: EducationLevel;
  major?: Maybe<Scalars['String']['output']>;
};

export type VocationalQualificationAttributes = {
  __typename?: 'VocationalQualificationAttributes';
  /** Occupation, e.g. 电工. */
  occupation: Scalars['String']['output'];
  /** GB/T 6565-2015 occupation code, e.g. 6-31-01-03. */
  occupationCode?: Maybe<Scalars['String']['output']>;
  /** 1 (一级/高级技师) to 5 (五级/初级工). */
  level: Scalars['Int']['output'];
};

/** What verifyCertificate answers: enough to trust a document, nothing more. Public. */
export type CertificateVerification = {
  __typename?: 'CertificateVerification';
  type: CertificateType;
  status: CertificateStatus;
  issuingDepartment: Scalars['String']['output'];
  issuingAuthority: Scalars['String']['output'];
  issuedOn: Scalars['Date']['output'];
  validUntil?: Maybe<Scalars['Date']['output']>;
  /** A person's name masked after the first character (张*); an organization's name in full (it is public). */
  holderName: Scalars['String']['output'];
};

/** A kind of material a service can ask for. Public. */
export type MaterialKind = {
  __typename?: 'MaterialKind';
  /** E.g. INCOME_PROOF. */
  code: Scalars['ID']['output'];
  /** Chinese name, e.g. 收入证明. */
  name: Scalars['String']['output'];
  description: Scalars['String']['output'];
};

/** A service a department offers, published in full before anyone applies (八公开). Public. */
export type Service = {
  __typename?: 'Service';
  /** Stable code other registries reference, e.g. civil-affairs.minimum-living-allowance. */
  code: Scalars['ID']['output'];
  /** Short code used in case references, e.g. MLA. */
  abbreviation: Scalars['String']['output'];
  name: Scalars['String']['output'];
  /** The owning department. */
  department: Scalars['String']['output'];
  /** Laws and regulations it rests on, e.g. 《社会救助暂行办法》第二章. */
  legalBasis: Array<Scalars['String']['output']>;
  /** Who may apply and on what conditions. */
  conditions: Array<Scalars['String']['output']>;
  /** The steps from application to decision. */
  procedure: Array<Scalars['String']['output']>;
  /** Working days the law allows from acceptance to decision. */
  statutoryTimeLimitDays: Scalars['Int']['output'];
  /** Working days the department promises (0: decided at the counter). */
  promisedTimeLimitDays: Scalars['Int']['output'];
  /** What the fee (if any) rests on. */
  feeBasis: Scalars['String']['output'];
  /** The fee, e.g. 不收费. */
  feeStandard: Scalars['String']['output'];
  /** Everything the applicant must bring or have on file, in order. */
  requiredMaterials: Array<ServiceRequirement>;
};

/** Who must provide a required item. */
export type Provider =
  /** The applicant. */
  | 'APPLICANT'
  /** The applicant's household, once: any member's certificate counts (the household register, which its head holds). */
  | 'HOUSEHOLD'
  /** Each member of the applicant's household, the applicant included. */
  | 'EVERY_HOUSEHOLD_MEMBER'
  /** The organization applying (its legal representative applies). */
  | 'ORGANIZATION';

/** One item a service requires: a certificate of a type, or a material of a kind. Public. */
export type ServiceRequirement = {
  __typename?: 'ServiceRequirement';
  /** Position in the service's list, from 1. */
  position: Scalars['Int']['output'];
  /** Set when a certificate satisfies it. */
  certificateType?: Maybe<CertificateType>;
  /** Set when a material satisfies it. */
  materialKind?: Maybe<MaterialKind>;
  /** What to bring, in words. */
  description: Scalars['String']['output'];
  provider: Provider;
  /** The original must be shown (an electronic certificate counts as the original; a scan does not). */
  originalRequired: Scalars['Boolean']['output'];
  /** A material older than this many days no longer counts (e.g. an income proof of the last 180 days). */
  maxAgeDays?: Maybe<Scalars['Int']['output']>;
};

/** A file a citizen (or an officer for them) submitted once, for every later application to reuse. */
export type Material = {
  __typename?: 'Material';
  id: Scalars['ID']['output'];
  /** Whose material it is. */
  owner?: Maybe<Person>;
  kind?: Maybe<MaterialKind>;
  /** Bytes. */
  size?: Maybe<Scalars['Int']['output']>;
  /** Detected from the bytes: application/pdf, image/jpeg, image/png or application/ofd. */
  mediaType?: Maybe<Scalars['String']['output']>;
  /** SHA-256 of the bytes, hexadecimal. */
  sha256?: Maybe<Scalars['String']['output']>;
  /** The file name given at upload, if any. */
  fileName?: Maybe<Scalars['String']['output']>;
  uploadedAt?: Maybe<Scalars['DateTime']['output']>;
  uploadedBy?: Maybe<Actor>;
  /** The applications that used it, newest first. */
  uses?: Maybe<Array<MaterialUse>>;
  /** Where to download it through the gateway (GET, same token and X-Purpose). */
  downloadPath?: Maybe<Scalars['String']['output']>;
  /**
   * Where each of its personal fields' values comes from: this registry, the department that last
   * changed it, when, and whether the citizen supplied it or an authority recorded it, from the
   * registry's own write records. Only fields the caller may read; all of those when fields is
   * omitted, e.g. fields: ["Material.uses"].
   */
  provenance?: Maybe<Array<FieldProvenance>>;
};


/** A file a citizen (or an officer for them) submitted once, for every later application to reuse. */
export type MaterialProvenanceArgs = {
  fields?: InputMaybe<Array<Scalars['String']['input']>>;
};

/** Who did something: a citizen (sub = their person id) or an officer. */
export type Actor = {
  __typename?: 'Actor';
  sub: Scalars['String']['output'];
  role: Scalars['String']['output'];
  department?: Maybe<Scalars['String']['output']>;
};

export type MaterialUse = {
  __typename?: 'MaterialUse';
  /** The service applied for. */
  service?: Maybe<Service>;
  /** The application reference (the X-Purpose of the officer who recorded the use). */
  reference: Scalars['String']['output'];
  usedAt: Scalars['DateTime']['output'];
  usedBy: Actor;
};

export type MaterialConnection = {
  __typename?: 'MaterialConnection';
  edges: Array<MaterialEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type MaterialEdge = {
  __typename?: 'MaterialEdge';
  cursor: Scalars['String']['output'];
  node: Material;
};

export type PageInfo = {
  __typename?: 'PageInfo';
  hasNextPage: Scalars['Boolean']['output'];
  /** Pass as `after` to get the next page. */
  endCursor?: Maybe<Scalars['String']['output']>;
};

export type ReadinessStatus =
  /** A valid certificate, or a material on file, satisfies it. */
  | 'SATISFIED'
  /** Only an expired certificate (or a material older than the service accepts) is on file. */
  | 'EXPIRED'
  /** Nothing on file: bring it. */
  | 'MISSING'
  /** The caller may not see what would decide it (e.g. the household's members), or it is not known here. */
  | 'UNKNOWN';

/** What an applicant has and still needs for a service, told at once (一次性告知). */
export type Readiness = {
  __typename?: 'Readiness';
  service: Service;
  /** True when every item is SATISFIED. */
  complete: Scalars['Boolean']['output'];
  /** How many items are in each status. */
  satisfied: Scalars['Int']['output'];
  expired: Scalars['Int']['output'];
  missing: Scalars['Int']['output'];
  unknown: Scalars['Int']['output'];
  /** One entry per required item and person (every household member for items they must each provide). */
  items: Array<ReadinessItem>;
};

export type ReadinessItem = {
  __typename?: 'ReadinessItem';
  requirement: ServiceRequirement;
  /** Whose item; null when it is the organization's, or when the household member could not be read. */
  person?: Maybe<Person>;
  /** The person's relationship to the head of the household, when known. */
  relationship?: Maybe<HouseholdRelationship>;
  status: ReadinessStatus;
  /** What to do, or why it is unknown, in words. */
  note: Scalars['String']['output'];
  /** The certificate that satisfies it (or the expired one). Only for callers who may read that person's certificates. */
  certificate?: Maybe<Certificate>;
  /** The material that satisfies it (or the outdated one). Only for callers who may read that person's materials. */
  material?: Maybe<Material>;
};

export type Person = {
  __typename?: 'Person';
  id: Scalars['ID']['output'];
  /** Provided by natural-person; read here only through @requires. */
  household?: Maybe<Household>;
  /** Sensitive. The person's certificates, newest first: the person themself, or certificate:read:sensitive with X-Purpose. */
  certificates?: Maybe<Array<Certificate>>;
  /** Sensitive. The materials the person submitted, newest first: the person themself, or certificate:read:sensitive with X-Purpose. */
  materials?: Maybe<MaterialConnection>;
  /**
   * Sensitive. What this person has and still needs for a service, for them and, where the service
   * says so, each member of their household: the person themself, or certificate:read:sensitive with
   * X-Purpose. The household comes from natural-person under the caller's own identity: a household
   * the caller may not read makes the members' items UNKNOWN. Items the organization provides are
   * answered by Organization.readiness.
   */
  readiness?: Maybe<Readiness>;
  /**
   * Sensitive, same readers as readiness. Whether each of these certificate and material ids is on
   * file for this person or a member of their household (an application citing papers already on
   * file checks them here): one answer per id, in the order given, and nothing else about the paper.
   * At most 20 of each.
   */
  holdings?: Maybe<Array<Holding>>;
};


export type PersonCertificatesArgs = {
  type?: InputMaybe<CertificateTypeCode>;
};


export type PersonMaterialsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
};


export type PersonReadinessArgs = {
  service: Scalars['String']['input'];
};


export type PersonHoldingsArgs = {
  certificateIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  materialIds?: InputMaybe<Array<Scalars['ID']['input']>>;
};

export type HoldingKind =
  | 'CERTIFICATE'
  | 'MATERIAL';

export type HoldingStatus =
  /** The person's own. */
  | 'OWN'
  /** A member of the person's household's. */
  | 'HOUSEHOLD_MEMBER'
  /** Someone else's (or an organization's). */
  | 'NOT_IN_HOUSEHOLD'
  /** Someone else's, and the person's household could not be read to tell whether theirs. */
  | 'UNKNOWN'
  /** No certificate or material has this id. */
  | 'NOT_FOUND';

/** Whether one cited certificate or material is on file for a person's household. */
export type Holding = {
  __typename?: 'Holding';
  kind: HoldingKind;
  id: Scalars['ID']['output'];
  status: HoldingStatus;
};

export type Household = {
  __typename?: 'Household';
  number: Scalars['String']['output'];
  members?: Maybe<Array<HouseholdMember>>;
};

export type HouseholdMember = {
  __typename?: 'HouseholdMember';
  person?: Maybe<Person>;
  relationship?: Maybe<HouseholdRelationship>;
};

export type Organization = {
  __typename?: 'Organization';
  creditCode: Scalars['String']['output'];
  /**
   * Its certificates (the business licence), newest first: officers with organization:read or
   * certificate:read, or its legal representative (checked in the legal-person registry on their behalf).
   */
  certificates?: Maybe<Array<Certificate>>;
  /** The items of a service that the organization provides (its business licence): same readers as certificates. */
  readiness?: Maybe<Readiness>;
};


export type OrganizationReadinessArgs = {
  service: Scalars['String']['input'];
};

export type HolderInput = {
  /** A person holder's registry id. */
  personId?: InputMaybe<Scalars['ID']['input']>;
  /** An organization holder's unified social credit code. */
  creditCode?: InputMaybe<Scalars['String']['input']>;
};

export type IssueCertificateInput = {
  type: CertificateTypeCode;
  /**
   * Derived from the holder where the type says so (ID card and employment certificate: the holder's
   * ID number; disability certificate: ID number + category + grade; business licence: the credit
   * code; household register: the household number); when given it must match. Required otherwise.
   */
  number?: InputMaybe<Scalars['String']['input']>;
  /** Exactly one of personId and creditCode, matching the type's holder kind. */
  holder: HolderInput;
  /** The issuing office as printed, 1 to 100 characters. */
  issuingAuthority: Scalars['String']['input'];
  /** Not in the future. */
  issuedOn: Scalars['Date']['input'];
  /** Only for types whose validity the issuer states (business licence); omit for long-term. */
  validUntil?: InputMaybe<Scalars['Date']['input']>;
  /** Marriage certificate: the other spouse. */
  marriage?: InputMaybe<MarriageAttributesInput>;
  /** Disability certificate. */
  disability?: InputMaybe<DisabilityAttributesInput>;
  /** Minimum-allowance certificate. */
  minimumAllowance?: InputMaybe<MinimumAllowanceAttributesInput>;
  /** Diploma. */
  diploma?: InputMaybe<DiplomaAttributesInput>;
  /** Vocational qualification. */
  vocationalQualification?: InputMaybe<VocationalQualificationAttributesInput>;
};

export type MarriageAttributesInput = {
  spouseId: Scalars['ID']['input'];
};

export type DisabilityAttributesInput = {
  category: DisabilityCategory;
  /** 1 to 4. */
  grade: Scalars['Int']['input'];
};

export type MinimumAllowanceAttributesInput = {
  /** Greater than zero, at most 99999.99. */
  monthlyAmount: Scalars['Money']['input'];
  /** 1 to 20. */
  coveredMembers: Scalars['Int']['input'];
};

export type DiplomaAttributesInput = {
  /** 1 to 100 characters. */
  school: Scalars['String']['input'];
  level: EducationLevel;
  /** 1 to 100 characters. */
  major?: InputMaybe<Scalars['String']['input']>;
};

export type VocationalQualificationAttributesInput = {
  /** 1 to 50 characters. */
  occupation: Scalars['String']['input'];
  /** GB/T 6565-2015 detailed code, e.g. 6-31-01-03. */
  occupationCode?: InputMaybe<Scalars['String']['input']>;
  /** 1 to 5. */
  level: Scalars['Int']['input'];
};

export type RevokeCertificateInput = {
  type: CertificateTypeCode;
  number: Scalars['String']['input'];
  /** Not in the future, not before the day of issue. */
  revokedOn: Scalars['Date']['input'];
  /** 1 to 200 characters. */
  reason: Scalars['String']['input'];
};

export type RenewCertificateInput = {
  type: CertificateTypeCode;
  number: Scalars['String']['input'];
  /** The first day of the new validity period: not in the future, not before the current one's. */
  issuedOn: Scalars['Date']['input'];
  /** Only for types whose validity the issuer states; omit for long-term. */
  validUntil?: InputMaybe<Scalars['Date']['input']>;
};

export type RecordMaterialUseInput = {
  materialId: Scalars['ID']['input'];
  /** The service applied for (code or abbreviation). */
  service: Scalars['String']['input'];
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

export type _Entity = Certificate | Household | Organization | Person | Service;

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
  Certificate: Certificate;
  Service: Service;
  Person: Person;
  Organization: Organization;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  Certificate:
    ( { __typename: 'Certificate' }
    & GraphQLRecursivePick<FederationTypes['Certificate'], {"id":true}> );
  Service:
    ( { __typename: 'Service' }
    & GraphQLRecursivePick<FederationTypes['Service'], {"code":true}> );
  Person:
    ( { __typename: 'Person' }
    & GraphQLRecursivePick<FederationTypes['Person'], {"id":true}>
    & ( Record<PropertyKey, never>
        | GraphQLRecursivePick<FederationTypes['Person'], {"household":{"members":{"relationship":true,"person":{"id":true}}}}>
        | GraphQLRecursivePick<FederationTypes['Person'], {"household":{"members":{"relationship":true,"person":{"id":true}}}}>
        | GraphQLRecursivePick<FederationTypes['Person'], {"household":{"members":{"relationship":true,"person":{"id":true}}}}> ) );
  Organization:
    ( { __typename: 'Organization' }
    & GraphQLRecursivePick<FederationTypes['Organization'], {"creditCode":true}> );
}>;

/** Mapping of union types */
export type ResolversUnionTypes<_RefType extends Record<string, unknown>> = ResolversObject<{
  CertificateHolder:
    | ( PersonParentModel )
    | ( OrganizationParentModel )
  ;
  CertificateAttributes:
    | ( MarriageAttributesModel )
    | ( DisabilityAttributesModel )
    | ( MinimumAllowanceAttributesModel )
    | ( DiplomaAttributesModel )
    | ( VocationalQualificationAttributesModel )
  ;
  _Entity:
    | ( CertificateModel )
    | ( Omit<Household, 'members'> & { members?: Maybe<Array<_RefType['HouseholdMember']>> } )
    | ( OrganizationParentModel )
    | ( PersonParentModel )
    | ( ServiceModel )
  ;
}>;


/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Date: ResolverTypeWrapper<Scalars['Date']['output']>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Money: ResolverTypeWrapper<Scalars['Money']['output']>;
  CertificateTypeCode: CertificateTypeCode;
  HolderKind: HolderKind;
  ValidityRule: ValidityRule;
  CertificateStatus: CertificateStatus;
  HouseholdRelationship: HouseholdRelationship;
  DisabilityCategory: DisabilityCategory;
  EducationLevel: EducationLevel;
  CertificateType: ResolverTypeWrapper<CertificateTypeModel>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  Certificate: ResolverTypeWrapper<CertificateModel>;
  CertificateHolder: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['CertificateHolder']>;
  Revocation: ResolverTypeWrapper<Revocation>;
  CertificateAttributes: ResolverTypeWrapper<ResolversUnionTypes<ResolversTypes>['CertificateAttributes']>;
  MarriageAttributes: ResolverTypeWrapper<MarriageAttributesModel>;
  DisabilityAttributes: ResolverTypeWrapper<DisabilityAttributesModel>;
  MinimumAllowanceAttributes: ResolverTypeWrapper<MinimumAllowanceAttributesModel>;
  DiplomaAttributes: ResolverTypeWrapper<DiplomaAttributesModel>;
  VocationalQualificationAttributes: ResolverTypeWrapper<VocationalQualificationAttributesModel>;
  CertificateVerification: ResolverTypeWrapper<VerificationModel>;
  MaterialKind: ResolverTypeWrapper<MaterialKindModel>;
  Service: ResolverTypeWrapper<ServiceModel>;
  Provider: Provider;
  ServiceRequirement: ResolverTypeWrapper<ServiceRequirementModel>;
  Material: ResolverTypeWrapper<MaterialModel>;
  Actor: ResolverTypeWrapper<Actor>;
  MaterialUse: ResolverTypeWrapper<MaterialUseModel>;
  MaterialConnection: ResolverTypeWrapper<MaterialPageModel>;
  MaterialEdge: ResolverTypeWrapper<Omit<MaterialEdge, 'node'> & { node: ResolversTypes['Material'] }>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  ReadinessStatus: ReadinessStatus;
  Readiness: ResolverTypeWrapper<ReadinessResultModel>;
  ReadinessItem: ResolverTypeWrapper<ReadinessItemResultModel>;
  Person: ResolverTypeWrapper<PersonParentModel>;
  HoldingKind: HoldingKind;
  HoldingStatus: HoldingStatus;
  Holding: ResolverTypeWrapper<HoldingResultModel>;
  Household: ResolverTypeWrapper<Omit<Household, 'members'> & { members?: Maybe<Array<ResolversTypes['HouseholdMember']>> }>;
  HouseholdMember: ResolverTypeWrapper<Omit<HouseholdMember, 'person'> & { person?: Maybe<ResolversTypes['Person']> }>;
  Organization: ResolverTypeWrapper<OrganizationParentModel>;
  HolderInput: HolderInput;
  IssueCertificateInput: IssueCertificateInput;
  MarriageAttributesInput: MarriageAttributesInput;
  DisabilityAttributesInput: DisabilityAttributesInput;
  MinimumAllowanceAttributesInput: MinimumAllowanceAttributesInput;
  DiplomaAttributesInput: DiplomaAttributesInput;
  VocationalQualificationAttributesInput: VocationalQualificationAttributesInput;
  RevokeCertificateInput: RevokeCertificateInput;
  RenewCertificateInput: RenewCertificateInput;
  RecordMaterialUseInput: RecordMaterialUseInput;
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
  Mutation: Record<PropertyKey, never>;
  Date: Scalars['Date']['output'];
  DateTime: Scalars['DateTime']['output'];
  Money: Scalars['Money']['output'];
  CertificateType: CertificateTypeModel;
  Int: Scalars['Int']['output'];
  Certificate: CertificateModel;
  CertificateHolder: ResolversUnionTypes<ResolversParentTypes>['CertificateHolder'];
  Revocation: Revocation;
  CertificateAttributes: ResolversUnionTypes<ResolversParentTypes>['CertificateAttributes'];
  MarriageAttributes: MarriageAttributesModel;
  DisabilityAttributes: DisabilityAttributesModel;
  MinimumAllowanceAttributes: MinimumAllowanceAttributesModel;
  DiplomaAttributes: DiplomaAttributesModel;
  VocationalQualificationAttributes: VocationalQualificationAttributesModel;
  CertificateVerification: VerificationModel;
  MaterialKind: MaterialKindModel;
  Service: ServiceModel;
  ServiceRequirement: ServiceRequirementModel;
  Material: MaterialModel;
  Actor: Actor;
  MaterialUse: MaterialUseModel;
  MaterialConnection: MaterialPageModel;
  MaterialEdge: Omit<MaterialEdge, 'node'> & { node: ResolversParentTypes['Material'] };
  PageInfo: PageInfo;
  Readiness: ReadinessResultModel;
  ReadinessItem: ReadinessItemResultModel;
  Person: PersonParentModel;
  Holding: HoldingResultModel;
  Household: Omit<Household, 'members'> & { members?: Maybe<Array<ResolversParentTypes['HouseholdMember']>> };
  HouseholdMember: Omit<HouseholdMember, 'person'> & { person?: Maybe<ResolversParentTypes['Person']> };
  Organization: OrganizationParentModel;
  HolderInput: HolderInput;
  IssueCertificateInput: IssueCertificateInput;
  MarriageAttributesInput: MarriageAttributesInput;
  DisabilityAttributesInput: DisabilityAttributesInput;
  MinimumAllowanceAttributesInput: MinimumAllowanceAttributesInput;
  DiplomaAttributesInput: DiplomaAttributesInput;
  VocationalQualificationAttributesInput: VocationalQualificationAttributesInput;
  RevokeCertificateInput: RevokeCertificateInput;
  RenewCertificateInput: RenewCertificateInput;
  RecordMaterialUseInput: RecordMaterialUseInput;
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

export type LinkDirectiveResolver<Result, Parent, ContextType = CertificateContext, Args = LinkDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type Federation__ProvidesDirectiveArgs = {
  fields: Scalars['federation__FieldSet']['input'];
};

export type Federation__ProvidesDirectiveResolver<Result, Parent, ContextType = CertificateContext, Args = Federation__ProvidesDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type Federation__TagDirectiveArgs = {
  name: Scalars['String']['input'];
};

export type Federation__TagDirectiveResolver<Result, Parent, ContextType = CertificateContext, Args = Federation__TagDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type Federation__ExtendsDirectiveArgs = { };

export type Federation__ExtendsDirectiveResolver<Result, Parent, ContextType = CertificateContext, Args = Federation__ExtendsDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type ShareableDirectiveArgs = { };

export type ShareableDirectiveResolver<Result, Parent, ContextType = CertificateContext, Args = ShareableDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type Federation__InaccessibleDirectiveArgs = { };

export type Federation__InaccessibleDirectiveResolver<Result, Parent, ContextType = CertificateContext, Args = Federation__InaccessibleDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type Federation__OverrideDirectiveArgs = {
  from: Scalars['String']['input'];
  label?: Maybe<Scalars['String']['input']>;
};

export type Federation__OverrideDirectiveResolver<Result, Parent, ContextType = CertificateContext, Args = Federation__OverrideDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type Federation__ComposeDirectiveDirectiveArgs = {
  name?: Maybe<Scalars['String']['input']>;
};

export type Federation__ComposeDirectiveDirectiveResolver<Result, Parent, ContextType = CertificateContext, Args = Federation__ComposeDirectiveDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type Federation__InterfaceObjectDirectiveArgs = { };

export type Federation__InterfaceObjectDirectiveResolver<Result, Parent, ContextType = CertificateContext, Args = Federation__InterfaceObjectDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type Federation__AuthenticatedDirectiveArgs = { };

export type Federation__AuthenticatedDirectiveResolver<Result, Parent, ContextType = CertificateContext, Args = Federation__AuthenticatedDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type Federation__RequiresScopesDirectiveArgs = {
  scopes: Array<Array<Scalars['federation__Scope']['input']>>;
};

export type Federation__RequiresScopesDirectiveResolver<Result, Parent, ContextType = CertificateContext, Args = Federation__RequiresScopesDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type Federation__PolicyDirectiveArgs = {
  policies: Array<Array<Scalars['federation__Policy']['input']>>;
};

export type Federation__PolicyDirectiveResolver<Result, Parent, ContextType = CertificateContext, Args = Federation__PolicyDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type QueryResolvers<ContextType = CertificateContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  certificateTypes?: Resolver<Array<ResolversTypes['CertificateType']>, ParentType, ContextType>;
  certificateType?: Resolver<Maybe<ResolversTypes['CertificateType']>, ParentType, ContextType, RequireFields<QueryCertificateTypeArgs, 'code'>>;
  materialKinds?: Resolver<Array<ResolversTypes['MaterialKind']>, ParentType, ContextType>;
  services?: Resolver<Array<ResolversTypes['Service']>, ParentType, ContextType, Partial<QueryServicesArgs>>;
  service?: Resolver<Maybe<ResolversTypes['Service']>, ParentType, ContextType, RequireFields<QueryServiceArgs, 'code'>>;
  certificate?: Resolver<Maybe<ResolversTypes['Certificate']>, ParentType, ContextType, RequireFields<QueryCertificateArgs, 'type' | 'number'>>;
  verifyCertificate?: Resolver<Maybe<ResolversTypes['CertificateVerification']>, ParentType, ContextType, RequireFields<QueryVerifyCertificateArgs, 'code'>>;
  material?: Resolver<Maybe<ResolversTypes['Material']>, ParentType, ContextType, RequireFields<QueryMaterialArgs, 'id'>>;
  _entities?: Resolver<Array<Maybe<ResolversTypes['_Entity']>>, ParentType, ContextType, RequireFields<Query_EntitiesArgs, 'representations'>>;
  _service?: Resolver<ResolversTypes['_Service'], ParentType, ContextType>;
}>;

export type MutationResolvers<ContextType = CertificateContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  issueCertificate?: Resolver<Maybe<ResolversTypes['Certificate']>, ParentType, ContextType, RequireFields<MutationIssueCertificateArgs, 'input'>>;
  revokeCertificate?: Resolver<Maybe<ResolversTypes['Certificate']>, ParentType, ContextType, RequireFields<MutationRevokeCertificateArgs, 'input'>>;
  renewCertificate?: Resolver<Maybe<ResolversTypes['Certificate']>, ParentType, ContextType, RequireFields<MutationRenewCertificateArgs, 'input'>>;
  recordMaterialUse?: Resolver<Maybe<ResolversTypes['Material']>, ParentType, ContextType, RequireFields<MutationRecordMaterialUseArgs, 'input'>>;
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

export type CertificateTypeResolvers<ContextType = CertificateContext, ParentType extends ResolversParentTypes['CertificateType'] = ResolversParentTypes['CertificateType']> = ResolversObject<{
  code?: Resolver<ResolversTypes['CertificateTypeCode'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  issuingDepartment?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  holderKind?: Resolver<ResolversTypes['HolderKind'], ParentType, ContextType>;
  validityRule?: Resolver<ResolversTypes['ValidityRule'], ParentType, ContextType>;
  validityYears?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  validityDescription?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  numberFormat?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type CertificateResolvers<ContextType = CertificateContext, ParentType extends ResolversParentTypes['Certificate'] = ResolversParentTypes['Certificate'], FederationReferenceType extends FederationReferenceTypes['Certificate'] = FederationReferenceTypes['Certificate']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Certificate']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  type?: Resolver<Maybe<ResolversTypes['CertificateType']>, ParentType, ContextType>;
  number?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  holder?: Resolver<Maybe<ResolversTypes['CertificateHolder']>, ParentType, ContextType>;
  issuingDepartment?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  issuingAuthority?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  issuedOn?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  validUntil?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  status?: Resolver<Maybe<ResolversTypes['CertificateStatus']>, ParentType, ContextType>;
  revocation?: Resolver<Maybe<ResolversTypes['Revocation']>, ParentType, ContextType>;
  attributes?: Resolver<Maybe<ResolversTypes['CertificateAttributes']>, ParentType, ContextType>;
  verificationCode?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  signedForm?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  provenance?: Resolver<Maybe<Array<ResolversTypes['FieldProvenance']>>, ParentType, ContextType, Partial<CertificateProvenanceArgs>>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type CertificateHolderResolvers<ContextType = CertificateContext, ParentType extends ResolversParentTypes['CertificateHolder'] = ResolversParentTypes['CertificateHolder']> = ResolversObject<{
  __resolveType: TypeResolveFn<'Person' | 'Organization', ParentType, ContextType>;
}>;

export type RevocationResolvers<ContextType = CertificateContext, ParentType extends ResolversParentTypes['Revocation'] = ResolversParentTypes['Revocation']> = ResolversObject<{
  revokedOn?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type CertificateAttributesResolvers<ContextType = CertificateContext, ParentType extends ResolversParentTypes['CertificateAttributes'] = ResolversParentTypes['CertificateAttributes']> = ResolversObject<{
  __resolveType: TypeResolveFn<'MarriageAttributes' | 'DisabilityAttributes' | 'MinimumAllowanceAttributes' | 'DiplomaAttributes' | 'VocationalQualificationAttributes', ParentType, ContextType>;
}>;

export type MarriageAttributesResolvers<ContextType = CertificateContext, ParentType extends ResolversParentTypes['MarriageAttributes'] = ResolversParentTypes['MarriageAttributes']> = ResolversObject<{
  spouse?: Resolver<Maybe<ResolversTypes['Person']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type DisabilityAttributesResolvers<ContextType = CertificateContext, ParentType extends ResolversParentTypes['DisabilityAttributes'] = ResolversParentTypes['DisabilityAttributes']> = ResolversObject<{
  category?: Resolver<ResolversTypes['DisabilityCategory'], ParentType, ContextType>;
  grade?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type MinimumAllowanceAttributesResolvers<ContextType = CertificateContext, ParentType extends ResolversParentTypes['MinimumAllowanceAttributes'] = ResolversParentTypes['MinimumAllowanceAttributes']> = ResolversObject<{
  monthlyAmount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  coveredMembers?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type DiplomaAttributesResolvers<ContextType = CertificateContext, ParentType extends ResolversParentTypes['DiplomaAttributes'] = ResolversParentTypes['DiplomaAttributes']> = ResolversObject<{
  school?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  level?: Resolver<ResolversTypes['EducationLevel'], ParentType, ContextType>;
  major?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type VocationalQualificationAttributesResolvers<ContextType = CertificateContext, ParentType extends ResolversParentTypes['VocationalQualificationAttributes'] = ResolversParentTypes['VocationalQualificationAttributes']> = ResolversObject<{
  occupation?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  occupationCode?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  level?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type CertificateVerificationResolvers<ContextType = CertificateContext, ParentType extends ResolversParentTypes['CertificateVerification'] = ResolversParentTypes['CertificateVerification']> = ResolversObject<{
  type?: Resolver<ResolversTypes['CertificateType'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['CertificateStatus'], ParentType, ContextType>;
  issuingDepartment?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  issuingAuthority?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  issuedOn?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  validUntil?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  holderName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type MaterialKindResolvers<ContextType = CertificateContext, ParentType extends ResolversParentTypes['MaterialKind'] = ResolversParentTypes['MaterialKind']> = ResolversObject<{
  code?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type ServiceResolvers<ContextType = CertificateContext, ParentType extends ResolversParentTypes['Service'] = ResolversParentTypes['Service'], FederationReferenceType extends FederationReferenceTypes['Service'] = FederationReferenceTypes['Service']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Service']> | FederationReferenceType, FederationReferenceType, ContextType>;
  code?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  abbreviation?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  department?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  legalBasis?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  conditions?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  procedure?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  statutoryTimeLimitDays?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  promisedTimeLimitDays?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  feeBasis?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  feeStandard?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  requiredMaterials?: Resolver<Array<ResolversTypes['ServiceRequirement']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type ServiceRequirementResolvers<ContextType = CertificateContext, ParentType extends ResolversParentTypes['ServiceRequirement'] = ResolversParentTypes['ServiceRequirement']> = ResolversObject<{
  position?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  certificateType?: Resolver<Maybe<ResolversTypes['CertificateType']>, ParentType, ContextType>;
  materialKind?: Resolver<Maybe<ResolversTypes['MaterialKind']>, ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  provider?: Resolver<ResolversTypes['Provider'], ParentType, ContextType>;
  originalRequired?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  maxAgeDays?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
}>;

export type MaterialResolvers<ContextType = CertificateContext, ParentType extends ResolversParentTypes['Material'] = ResolversParentTypes['Material']> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  owner?: Resolver<Maybe<ResolversTypes['Person']>, ParentType, ContextType>;
  kind?: Resolver<Maybe<ResolversTypes['MaterialKind']>, ParentType, ContextType>;
  size?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  mediaType?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  sha256?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  fileName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  uploadedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  uploadedBy?: Resolver<Maybe<ResolversTypes['Actor']>, ParentType, ContextType>;
  uses?: Resolver<Maybe<Array<ResolversTypes['MaterialUse']>>, ParentType, ContextType>;
  downloadPath?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  provenance?: Resolver<Maybe<Array<ResolversTypes['FieldProvenance']>>, ParentType, ContextType, Partial<MaterialProvenanceArgs>>;
}>;

export type ActorResolvers<ContextType = CertificateContext, ParentType extends ResolversParentTypes['Actor'] = ResolversParentTypes['Actor']> = ResolversObject<{
  sub?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  role?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  department?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type MaterialUseResolvers<ContextType = CertificateContext, ParentType extends ResolversParentTypes['MaterialUse'] = ResolversParentTypes['MaterialUse']> = ResolversObject<{
  service?: Resolver<Maybe<ResolversTypes['Service']>, ParentType, ContextType>;
  reference?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  usedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  usedBy?: Resolver<ResolversTypes['Actor'], ParentType, ContextType>;
}>;

export type MaterialConnectionResolvers<ContextType = CertificateContext, ParentType extends ResolversParentTypes['MaterialConnection'] = ResolversParentTypes['MaterialConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['MaterialEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type MaterialEdgeResolvers<ContextType = CertificateContext, ParentType extends ResolversParentTypes['MaterialEdge'] = ResolversParentTypes['MaterialEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Material'], ParentType, ContextType>;
}>;

export type PageInfoResolvers<ContextType = CertificateContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = ResolversObject<{
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type ReadinessResolvers<ContextType = CertificateContext, ParentType extends ResolversParentTypes['Readiness'] = ResolversParentTypes['Readiness']> = ResolversObject<{
  service?: Resolver<ResolversTypes['Service'], ParentType, ContextType>;
  complete?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  satisfied?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  expired?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  missing?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  unknown?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  items?: Resolver<Array<ResolversTypes['ReadinessItem']>, ParentType, ContextType>;
}>;

export type ReadinessItemResolvers<ContextType = CertificateContext, ParentType extends ResolversParentTypes['ReadinessItem'] = ResolversParentTypes['ReadinessItem']> = ResolversObject<{
  requirement?: Resolver<ResolversTypes['ServiceRequirement'], ParentType, ContextType>;
  person?: Resolver<Maybe<ResolversTypes['Person']>, ParentType, ContextType>;
  relationship?: Resolver<Maybe<ResolversTypes['HouseholdRelationship']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ReadinessStatus'], ParentType, ContextType>;
  note?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  certificate?: Resolver<Maybe<ResolversTypes['Certificate']>, ParentType, ContextType>;
  material?: Resolver<Maybe<ResolversTypes['Material']>, ParentType, ContextType>;
}>;

export type PersonResolvers<ContextType = CertificateContext, ParentType extends ResolversParentTypes['Person'] = ResolversParentTypes['Person'], FederationReferenceType extends FederationReferenceTypes['Person'] = FederationReferenceTypes['Person']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Person']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  certificates?: Resolver<Maybe<Array<ResolversTypes['Certificate']>>, ParentType, ContextType, Partial<PersonCertificatesArgs>>;
  materials?: Resolver<Maybe<ResolversTypes['MaterialConnection']>, ParentType, ContextType, RequireFields<PersonMaterialsArgs, 'first'>>;
  readiness?: Resolver<Maybe<ResolversTypes['Readiness']>, ParentType, ContextType, RequireFields<PersonReadinessArgs, 'service'>>;
  holdings?: Resolver<Maybe<Array<ResolversTypes['Holding']>>, ParentType, ContextType, Partial<PersonHoldingsArgs>>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type HoldingResolvers<ContextType = CertificateContext, ParentType extends ResolversParentTypes['Holding'] = ResolversParentTypes['Holding']> = ResolversObject<{
  kind?: Resolver<ResolversTypes['HoldingKind'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['HoldingStatus'], ParentType, ContextType>;
}>;

export type HouseholdResolvers<ContextType = CertificateContext, ParentType extends ResolversParentTypes['Household'] = ResolversParentTypes['Household']> = ResolversObject<{
  number?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type OrganizationResolvers<ContextType = CertificateContext, ParentType extends ResolversParentTypes['Organization'] = ResolversParentTypes['Organization'], FederationReferenceType extends FederationReferenceTypes['Organization'] = FederationReferenceTypes['Organization']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Organization']> | FederationReferenceType, FederationReferenceType, ContextType>;
  creditCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  certificates?: Resolver<Maybe<Array<ResolversTypes['Certificate']>>, ParentType, ContextType>;
  readiness?: Resolver<Maybe<ResolversTypes['Readiness']>, ParentType, ContextType, RequireFields<OrganizationReadinessArgs, 'service'>>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type FieldProvenanceResolvers<ContextType = CertificateContext, ParentType extends ResolversParentTypes['FieldProvenance'] = ResolversParentTypes['FieldProvenance']> = ResolversObject<{
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

export type _ServiceResolvers<ContextType = CertificateContext, ParentType extends ResolversParentTypes['_Service'] = ResolversParentTypes['_Service']> = ResolversObject<{
  sdl?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type _EntityResolvers<ContextType = CertificateContext, ParentType extends ResolversParentTypes['_Entity'] = ResolversParentTypes['_Entity']> = ResolversObject<{
  __resolveType: TypeResolveFn<'Certificate' | 'Household' | 'Organization' | 'Person' | 'Service', ParentType, ContextType>;
}>;

export type Resolvers<ContextType = CertificateContext> = ResolversObject<{
  Query?: QueryResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Date?: GraphQLScalarType;
  DateTime?: GraphQLScalarType;
  Money?: GraphQLScalarType;
  CertificateType?: CertificateTypeResolvers<ContextType>;
  Certificate?: CertificateResolvers<ContextType>;
  CertificateHolder?: CertificateHolderResolvers<ContextType>;
  Revocation?: RevocationResolvers<ContextType>;
  CertificateAttributes?: CertificateAttributesResolvers<ContextType>;
  MarriageAttributes?: MarriageAttributesResolvers<ContextType>;
  DisabilityAttributes?: DisabilityAttributesResolvers<ContextType>;
  MinimumAllowanceAttributes?: MinimumAllowanceAttributesResolvers<ContextType>;
  DiplomaAttributes?: DiplomaAttributesResolvers<ContextType>;
  VocationalQualificationAttributes?: VocationalQualificationAttributesResolvers<ContextType>;
  CertificateVerification?: CertificateVerificationResolvers<ContextType>;
  MaterialKind?: MaterialKindResolvers<ContextType>;
  Service?: ServiceResolvers<ContextType>;
  ServiceRequirement?: ServiceRequirementResolvers<ContextType>;
  Material?: MaterialResolvers<ContextType>;
  Actor?: ActorResolvers<ContextType>;
  MaterialUse?: MaterialUseResolvers<ContextType>;
  MaterialConnection?: MaterialConnectionResolvers<ContextType>;
  MaterialEdge?: MaterialEdgeResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Readiness?: ReadinessResolvers<ContextType>;
  ReadinessItem?: ReadinessItemResolvers<ContextType>;
  Person?: PersonResolvers<ContextType>;
  Holding?: HoldingResolvers<ContextType>;
  Household?: HouseholdResolvers<ContextType>;
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

export type DirectiveResolvers<ContextType = CertificateContext> = ResolversObject<{
  link?: LinkDirectiveResolver<any, any, ContextType>;
  federation__provides?: Federation__ProvidesDirectiveResolver<any, any, ContextType>;
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
