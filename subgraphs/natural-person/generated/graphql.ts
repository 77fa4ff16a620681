/* Generated from schema/natural-person.graphql by `npm run codegen`. Do not edit. */
/* eslint-disable */
import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { Person as PersonModel } from '../entities/person.entity';
import type { Household as HouseholdModel } from '../entities/household.entity';
import type { HouseholdMember as HouseholdMemberModel } from '../entities/household-member.entity';
import type { ConsentRequest as ConsentRequestModel, ConsentGrant as ConsentGrantModel } from '../entities/consent.entity';
import type { GrantableField as GrantableFieldModel } from '../../shared/consent/fields';
import type { HeldGrant as HeldGrantModel } from '../../shared/consent/grants';
import type { PersonAsOfParent as PersonAsOfParentModel, HouseholdAsOfParent as HouseholdAsOfParentModel, HouseholdMemberAsOfParent as HouseholdMemberAsOfParentModel } from '../history';
import type { NaturalPersonContext } from '../context';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** Instant, ISO 8601 in UTC, e.g. 2026-11-21T08:30:00.000Z. */
  DateTime: { input: string; output: string; }
  /** Calendar date, ISO 8601 (YYYY-MM-DD). */
  Date: { input: string; output: string; }
  link__Import: { input: unknown; output: unknown; }
  federation__FieldSet: { input: unknown; output: unknown; }
  federation__Scope: { input: unknown; output: unknown; }
  federation__Policy: { input: unknown; output: unknown; }
  _Any: { input: Record<string, unknown>; output: Record<string, unknown>; }
};

/**
 * Natural-person registry (household registration), owned by public-security.
 *
 * Field classes (see README, "Who may read what"):
 * - basic personal: the person themself, or an officer with scope person:read;
 * - sensitive personal: the person themself, or an officer with scope person:read:sensitive who sends
 *   X-Purpose; every read is written to the access log;
 * - department internal: public-security officers only.
 */
export type Query = {
  __typename?: 'Query';
  /** A person by registry id. Null when there is no such person. */
  person?: Maybe<Person>;
  /** A person by resident ID number (GB 11643-1999). Officers with person:read:sensitive and an X-Purpose. */
  personByIdNumber?: Maybe<Person>;
  /** The signed-in citizen's own record. */
  me?: Maybe<Person>;
  /** A household by its household number. Its members, or officers with person:read:sensitive and an X-Purpose. */
  household?: Maybe<Household>;
  /** The personal fields of any registry a department may ask a citizen's consent for. Anyone signed in. */
  grantableFields: Array<GrantableField>;
  /** The signed-in citizen's consent requests, newest first; optionally only those with a status. */
  myConsentRequests: Array<ConsentRequest>;
  /** The signed-in citizen's consent grants, newest first: active, expired and revoked. */
  myConsentGrants: Array<ConsentGrant>;
  /** Officers: the consent requests their department made, newest first (at most 100). */
  consentRequestsMade: Array<ConsentRequest>;
  /**
   * Officers who send X-Purpose: the grants their department holds for these persons for exactly that
   * purpose, valid now (not expired, not revoked). Every registry's permission rules ask this.
   */
  consentGrantsHeld?: Maybe<Array<HeldConsentGrant>>;
  _entities: Array<Maybe<_Entity>>;
  _service: _Service;
};


/**
 * Natural-person registry (household registration), owned by public-security.
 *
 * Field classes (see README, "Who may read what"):
 * - basic personal: the person themself, or an officer with scope person:read;
 * - sensitive personal: the person themself, or an officer with scope person:read:sensitive who sends
 *   X-Purpose; every read is written to the access log;
 * - department internal: public-security officers only.
 */
export type QueryPersonArgs = {
  id: Scalars['ID']['input'];
};


/**
 * Natural-person registry (household registration), owned by public-security.
 *
 * Field classes (see README, "Who may read what"):
 * - basic personal: the person themself, or an officer with scope person:read;
 * - sensitive personal: the person themself, or an officer with scope person:read:sensitive who sends
 *   X-Purpose; every read is written to the access log;
 * - department internal: public-security officers only.
 */
export type QueryPersonByIdNumberArgs = {
  idNumber: Scalars['String']['input'];
};


/**
 * Natural-person registry (household registration), owned by public-security.
 *
 * Field classes (see README, "Who may read what"):
 * - basic personal: the person themself, or an officer with scope person:read;
 * - sensitive personal: the person themself, or an officer with scope person:read:sensitive who sends
 *   X-Purpose; every read is written to the access log;
 * - department internal: public-security officers only.
 */
export type QueryHouseholdArgs = {
  number: Scalars['String']['input'];
};


/**
 * Natural-person registry (household registration), owned by public-security.
 *
 * Field classes (see README, "Who may read what"):
 * - basic personal: the person themself, or an officer with scope person:read;
 * - sensitive personal: the person themself, or an officer with scope person:read:sensitive who sends
 *   X-Purpose; every read is written to the access log;
 * - department internal: public-security officers only.
 */
export type QueryMyConsentRequestsArgs = {
  status?: InputMaybe<ConsentRequestStatus>;
};


/**
 * Natural-person registry (household registration), owned by public-security.
 *
 * Field classes (see README, "Who may read what"):
 * - basic personal: the person themself, or an officer with scope person:read;
 * - sensitive personal: the person themself, or an officer with scope person:read:sensitive who sends
 *   X-Purpose; every read is written to the access log;
 * - department internal: public-security officers only.
 */
export type QueryConsentGrantsHeldArgs = {
  personIds: Array<Scalars['ID']['input']>;
};


/**
 * Natural-person registry (household registration), owned by public-security.
 *
 * Field classes (see README, "Who may read what"):
 * - basic personal: the person themself, or an officer with scope person:read;
 * - sensitive personal: the person themself, or an officer with scope person:read:sensitive who sends
 *   X-Purpose; every read is written to the access log;
 * - department internal: public-security officers only.
 */
export type Query_EntitiesArgs = {
  representations: Array<Scalars['_Any']['input']>;
};

export type Mutation = {
  __typename?: 'Mutation';
  /** Registers a person, opening a new household or joining an existing one. Public-security officers with person:write. */
  registerPerson?: Maybe<Person>;
  /** Changes the signed-in citizen's contact details. */
  updateMyContact?: Maybe<Person>;
  /**
   * Officers: asks a person's consent to read named fields (see grantableFields) for a purpose until a
   * date. A repeat while the same department's request for that purpose is pending answers that request.
   */
  requestConsent?: Maybe<ConsentRequest>;
  /**
   * The signed-in citizen answers one of their pending consent requests: approve some or all of its
   * fields (a grant), or none to decline. Repeating the same answer changes nothing.
   */
  answerConsentRequest?: Maybe<ConsentRequest>;
  /** The signed-in citizen revokes one of their grants; from now on it allows nothing. Repeating changes nothing. */
  revokeConsentGrant?: Maybe<ConsentGrant>;
};


export type MutationRegisterPersonArgs = {
  input: RegisterPersonInput;
};


export type MutationUpdateMyContactArgs = {
  input: UpdateMyContactInput;
};


export type MutationRequestConsentArgs = {
  input: RequestConsentInput;
};


export type MutationAnswerConsentRequestArgs = {
  input: AnswerConsentRequestInput;
};


export type MutationRevokeConsentGrantArgs = {
  id: Scalars['ID']['input'];
};

export type ConsentRequestStatus =
  | 'PENDING'
  | 'APPROVED'
  | 'DECLINED';

/** A personal field that consent can be asked for, as a coordinate of the supergraph. */
export type GrantableField = {
  __typename?: 'GrantableField';
  /** Type.field, or Type.field(type: VALUE) for a narrower part, e.g. Person.certificates(type: DISABILITY_CERTIFICATE). */
  field: Scalars['String']['output'];
  /** The registry that owns it. */
  registry: Scalars['String']['output'];
  description: Scalars['String']['output'];
};

/** A department asking a person's consent. The person and officers of the asking department see it. */
export type ConsentRequest = {
  __typename?: 'ConsentRequest';
  id: Scalars['ID']['output'];
  person?: Maybe<Person>;
  department?: Maybe<Scalars['String']['output']>;
  /** The officer who asked (token subject). */
  requestedBy?: Maybe<Scalars['String']['output']>;
  purpose?: Maybe<Scalars['String']['output']>;
  fields?: Maybe<Array<Scalars['String']['output']>>;
  validUntil?: Maybe<Scalars['DateTime']['output']>;
  requestedAt?: Maybe<Scalars['DateTime']['output']>;
  status?: Maybe<ConsentRequestStatus>;
  answeredAt?: Maybe<Scalars['DateTime']['output']>;
  /** The grant the approval made; null while pending or when declined. */
  grant?: Maybe<ConsentGrant>;
  /**
   * The person only: the exact values the requested fields would share, field by field, fetched live
   * through the graph under the person's own identity (each owning registry's rules and access log apply).
   */
  preview?: Maybe<Array<ConsentPreviewItem>>;
};

/** One requested field and the value a grant would share. */
export type ConsentPreviewItem = {
  __typename?: 'ConsentPreviewItem';
  field: Scalars['String']['output'];
  registry: Scalars['String']['output'];
  /** The value as JSON (null when there is none). */
  value?: Maybe<Scalars['String']['output']>;
  /** Why the value could not be shown (the owning registry did not answer), or null. */
  error?: Maybe<Scalars['String']['output']>;
};

/** A person's consent: fields of that person, for a department and purpose, until it expires or is revoked. */
export type ConsentGrant = {
  __typename?: 'ConsentGrant';
  id: Scalars['ID']['output'];
  request?: Maybe<ConsentRequest>;
  person?: Maybe<Person>;
  department?: Maybe<Scalars['String']['output']>;
  purpose?: Maybe<Scalars['String']['output']>;
  fields?: Maybe<Array<Scalars['String']['output']>>;
  validUntil?: Maybe<Scalars['DateTime']['output']>;
  grantedAt?: Maybe<Scalars['DateTime']['output']>;
  revokedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Not revoked and not expired. */
  active?: Maybe<Scalars['Boolean']['output']>;
};

/** A grant as an officer's department holds it (consentGrantsHeld). */
export type HeldConsentGrant = {
  __typename?: 'HeldConsentGrant';
  id: Scalars['ID']['output'];
  personId: Scalars['ID']['output'];
  fields: Array<Scalars['String']['output']>;
  validUntil: Scalars['DateTime']['output'];
};

export type RequestConsentInput = {
  personId: Scalars['ID']['input'];
  /** Coordinates from grantableFields, 1 to 20, no repeats. */
  fields: Array<Scalars['String']['input']>;
  /** The case or application reference, 1 to 200 characters; officers read under the grant with this X-Purpose. */
  purpose: Scalars['String']['input'];
  /** In the future, at most 366 days ahead. */
  validUntil: Scalars['DateTime']['input'];
};

export type AnswerConsentRequestInput = {
  requestId: Scalars['ID']['input'];
  /** The requested fields to approve; empty declines. */
  approve: Array<Scalars['String']['input']>;
};

export type Gender =
  | 'MALE'
  | 'FEMALE';

export type MaritalStatus =
  | 'UNMARRIED'
  | 'MARRIED'
  | 'DIVORCED'
  | 'WIDOWED';

export type HouseholdRelationship =
  | 'HEAD'
  | 'SPOUSE'
  | 'CHILD'
  | 'PARENT'
  | 'GRANDCHILD'
  | 'GRANDPARENT'
  | 'SIBLING'
  | 'OTHER';

/** A natural person in the household register. */
export type Person = {
  __typename?: 'Person';
  /** Opaque registry id (UUID). */
  id: Scalars['ID']['output'];
  /** Basic. Full name as registered. */
  name?: Maybe<Scalars['String']['output']>;
  /** Basic. */
  gender?: Maybe<Gender>;
  /** Basic. Year of birth. */
  birthYear?: Maybe<Scalars['Int']['output']>;
  /** Basic. GB/T 2260 code of the district where the person is registered. */
  districtCode?: Maybe<Scalars['String']['output']>;
  /** Basic. Date of death, when recorded. */
  deathDate?: Maybe<Scalars['Date']['output']>;
  /** Sensitive. Resident ID number (GB 11643-1999). */
  idNumber?: Maybe<Scalars['String']['output']>;
  /** Sensitive. Full date of birth. */
  birthDate?: Maybe<Scalars['Date']['output']>;
  /** Sensitive. One of the 56 officially recognised ethnic groups. */
  ethnicity?: Maybe<Scalars['String']['output']>;
  /** Sensitive. Address of household registration. */
  registeredAddress?: Maybe<Scalars['String']['output']>;
  /** Sensitive. Mobile phone number. */
  phone?: Maybe<Scalars['String']['output']>;
  /** Sensitive. */
  maritalStatus?: Maybe<MaritalStatus>;
  /** Sensitive. The household the person is registered in. */
  household?: Maybe<Household>;
  /** Department internal (public-security). Registration remarks. */
  remarks?: Maybe<Scalars['String']['output']>;
  /**
   * Where each personal field's value comes from: this registry, the department that last changed it,
   * when, and whether the citizen supplied it or an authority recorded it, from the registry's own
   * write records. Only fields the caller may read; all of those when fields is omitted, e.g.
   * fields: ["Person.phone", "Person.maritalStatus"].
   */
  provenance?: Maybe<Array<FieldProvenance>>;
  /**
   * What the person's record held at the end of `date` (UTC): marital status, registered address and
   * household, from the registry's valid-time history. Null before the person was registered. Each
   * field has the rule of its live counterpart (sensitive) and every read is logged.
   */
  asOf?: Maybe<PersonAsOf>;
};


/** A natural person in the household register. */
export type PersonProvenanceArgs = {
  fields?: InputMaybe<Array<Scalars['String']['input']>>;
};


/** A natural person in the household register. */
export type PersonAsOfArgs = {
  date: Scalars['Date']['input'];
};

/** A person's record as it stood on a date. */
export type PersonAsOf = {
  __typename?: 'PersonAsOf';
  date: Scalars['Date']['output'];
  maritalStatus?: Maybe<MaritalStatus>;
  registeredAddress?: Maybe<Scalars['String']['output']>;
  /** The household the person belonged to then, with its members then. */
  household?: Maybe<HouseholdAsOf>;
  /** When this state began. */
  validFrom?: Maybe<Scalars['DateTime']['output']>;
  /** When it ended; null when it still holds. */
  validTo?: Maybe<Scalars['DateTime']['output']>;
};

export type HouseholdAsOf = {
  __typename?: 'HouseholdAsOf';
  number?: Maybe<Scalars['String']['output']>;
  /** The person's relationship to the head then. */
  relationship?: Maybe<HouseholdRelationship>;
  members?: Maybe<Array<HouseholdMemberAsOf>>;
};

export type HouseholdMemberAsOf = {
  __typename?: 'HouseholdMemberAsOf';
  person?: Maybe<Person>;
  relationship?: Maybe<HouseholdRelationship>;
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

/** A household (户) in the household register. All of it is sensitive personal data of its members. */
export type Household = {
  __typename?: 'Household';
  /** Household number (户号), 9 digits. */
  number: Scalars['String']['output'];
  districtCode?: Maybe<Scalars['String']['output']>;
  address?: Maybe<Scalars['String']['output']>;
  head?: Maybe<Person>;
  members?: Maybe<Array<HouseholdMember>>;
};

export type HouseholdMember = {
  __typename?: 'HouseholdMember';
  person?: Maybe<Person>;
  /** Relationship to the head of the household. */
  relationship?: Maybe<HouseholdRelationship>;
};

export type RegisterPersonInput = {
  /** Resident ID number; gender and date of birth are taken from it. */
  idNumber: Scalars['String']['input'];
  /** 1 to 50 characters. */
  name: Scalars['String']['input'];
  /** One of the 56 ethnic groups, e.g. 汉族. */
  ethnicity: Scalars['String']['input'];
  /** GB/T 2260 code of one of Chengdu's 20 districts and counties. */
  districtCode: Scalars['String']['input'];
  /** 1 to 200 characters. */
  registeredAddress: Scalars['String']['input'];
  /** Mainland mobile number: 11 digits starting with 1. */
  phone?: InputMaybe<Scalars['String']['input']>;
  maritalStatus: MaritalStatus;
  /** Join this existing household; omit to open a new household with this person as its head. */
  householdNumber?: InputMaybe<Scalars['String']['input']>;
  /** Relationship to the head of the household joined; required with householdNumber, not HEAD. */
  relationship?: InputMaybe<HouseholdRelationship>;
};

export type UpdateMyContactInput = {
  /** Mainland mobile number (11 digits starting with 1), or null to remove it. */
  phone?: InputMaybe<Scalars['String']['input']>;
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

export type _Entity = ConsentGrant | ConsentRequest | Household | Person;

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
  ConsentRequest: ConsentRequest;
  ConsentGrant: ConsentGrant;
  Person: Person;
  Household: Household;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  ConsentRequest:
    ( { __typename: 'ConsentRequest' }
    & GraphQLRecursivePick<FederationTypes['ConsentRequest'], {"id":true}> );
  ConsentGrant:
    ( { __typename: 'ConsentGrant' }
    & GraphQLRecursivePick<FederationTypes['ConsentGrant'], {"id":true}> );
  Person:
    ( { __typename: 'Person' }
    & GraphQLRecursivePick<FederationTypes['Person'], {"id":true}> );
  Household:
    ( { __typename: 'Household' }
    & GraphQLRecursivePick<FederationTypes['Household'], {"number":true}> );
}>;

/** Mapping of union types */
export type ResolversUnionTypes<_RefType extends Record<string, unknown>> = ResolversObject<{
  _Entity:
    | ( ConsentGrantModel )
    | ( ConsentRequestModel )
    | ( HouseholdModel )
    | ( PersonModel )
  ;
}>;


/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  ConsentRequestStatus: ConsentRequestStatus;
  GrantableField: ResolverTypeWrapper<GrantableFieldModel>;
  ConsentRequest: ResolverTypeWrapper<ConsentRequestModel>;
  ConsentPreviewItem: ResolverTypeWrapper<ConsentPreviewItem>;
  ConsentGrant: ResolverTypeWrapper<ConsentGrantModel>;
  HeldConsentGrant: ResolverTypeWrapper<HeldGrantModel>;
  RequestConsentInput: RequestConsentInput;
  AnswerConsentRequestInput: AnswerConsentRequestInput;
  Date: ResolverTypeWrapper<Scalars['Date']['output']>;
  Gender: Gender;
  MaritalStatus: MaritalStatus;
  HouseholdRelationship: HouseholdRelationship;
  Person: ResolverTypeWrapper<PersonModel>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  PersonAsOf: ResolverTypeWrapper<PersonAsOfParentModel>;
  HouseholdAsOf: ResolverTypeWrapper<HouseholdAsOfParentModel>;
  HouseholdMemberAsOf: ResolverTypeWrapper<HouseholdMemberAsOfParentModel>;
  ValueSupplier: ValueSupplier;
  FieldProvenance: ResolverTypeWrapper<FieldProvenance>;
  Household: ResolverTypeWrapper<HouseholdModel>;
  HouseholdMember: ResolverTypeWrapper<HouseholdMemberModel>;
  RegisterPersonInput: RegisterPersonInput;
  UpdateMyContactInput: UpdateMyContactInput;
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
  DateTime: Scalars['DateTime']['output'];
  GrantableField: GrantableFieldModel;
  ConsentRequest: ConsentRequestModel;
  ConsentPreviewItem: ConsentPreviewItem;
  ConsentGrant: ConsentGrantModel;
  HeldConsentGrant: HeldGrantModel;
  RequestConsentInput: RequestConsentInput;
  AnswerConsentRequestInput: AnswerConsentRequestInput;
  Date: Scalars['Date']['output'];
  Person: PersonModel;
  Int: Scalars['Int']['output'];
  PersonAsOf: PersonAsOfParentModel;
  HouseholdAsOf: HouseholdAsOfParentModel;
  HouseholdMemberAsOf: HouseholdMemberAsOfParentModel;
  FieldProvenance: FieldProvenance;
  Household: HouseholdModel;
  HouseholdMember: HouseholdMemberModel;
  RegisterPersonInput: RegisterPersonInput;
  UpdateMyContactInput: UpdateMyContactInput;
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

export type LinkDirectiveResolver<Result, Parent, ContextType = NaturalPersonContext, Args = LinkDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type Federation__RequiresDirectiveArgs = {
  fields: Scalars['federation__FieldSet']['input'];
};

export type Federation__RequiresDirectiveResolver<Result, Parent, ContextType = NaturalPersonContext, Args = Federation__RequiresDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type Federation__ProvidesDirectiveArgs = {
  fields: Scalars['federation__FieldSet']['input'];
};

export type Federation__ProvidesDirectiveResolver<Result, Parent, ContextType = NaturalPersonContext, Args = Federation__ProvidesDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type Federation__ExternalDirectiveArgs = {
  reason?: Maybe<Scalars['String']['input']>;
};

export type Federation__ExternalDirectiveResolver<Result, Parent, ContextType = NaturalPersonContext, Args = Federation__ExternalDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type Federation__TagDirectiveArgs = {
  name: Scalars['String']['input'];
};

export type Federation__TagDirectiveResolver<Result, Parent, ContextType = NaturalPersonContext, Args = Federation__TagDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type Federation__ExtendsDirectiveArgs = { };

export type Federation__ExtendsDirectiveResolver<Result, Parent, ContextType = NaturalPersonContext, Args = Federation__ExtendsDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type ShareableDirectiveArgs = { };

export type ShareableDirectiveResolver<Result, Parent, ContextType = NaturalPersonContext, Args = ShareableDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type Federation__InaccessibleDirectiveArgs = { };

export type Federation__InaccessibleDirectiveResolver<Result, Parent, ContextType = NaturalPersonContext, Args = Federation__InaccessibleDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type Federation__OverrideDirectiveArgs = {
  from: Scalars['String']['input'];
  label?: Maybe<Scalars['String']['input']>;
};

export type Federation__OverrideDirectiveResolver<Result, Parent, ContextType = NaturalPersonContext, Args = Federation__OverrideDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type Federation__ComposeDirectiveDirectiveArgs = {
  name?: Maybe<Scalars['String']['input']>;
};

export type Federation__ComposeDirectiveDirectiveResolver<Result, Parent, ContextType = NaturalPersonContext, Args = Federation__ComposeDirectiveDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type Federation__InterfaceObjectDirectiveArgs = { };

export type Federation__InterfaceObjectDirectiveResolver<Result, Parent, ContextType = NaturalPersonContext, Args = Federation__InterfaceObjectDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type Federation__AuthenticatedDirectiveArgs = { };

export type Federation__AuthenticatedDirectiveResolver<Result, Parent, ContextType = NaturalPersonContext, Args = Federation__AuthenticatedDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type Federation__RequiresScopesDirectiveArgs = {
  scopes: Array<Array<Scalars['federation__Scope']['input']>>;
};

export type Federation__RequiresScopesDirectiveResolver<Result, Parent, ContextType = NaturalPersonContext, Args = Federation__RequiresScopesDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type Federation__PolicyDirectiveArgs = {
  policies: Array<Array<Scalars['federation__Policy']['input']>>;
};

export type Federation__PolicyDirectiveResolver<Result, Parent, ContextType = NaturalPersonContext, Args = Federation__PolicyDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type QueryResolvers<ContextType = NaturalPersonContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  person?: Resolver<Maybe<ResolversTypes['Person']>, ParentType, ContextType, RequireFields<QueryPersonArgs, 'id'>>;
  personByIdNumber?: Resolver<Maybe<ResolversTypes['Person']>, ParentType, ContextType, RequireFields<QueryPersonByIdNumberArgs, 'idNumber'>>;
  me?: Resolver<Maybe<ResolversTypes['Person']>, ParentType, ContextType>;
  household?: Resolver<Maybe<ResolversTypes['Household']>, ParentType, ContextType, RequireFields<QueryHouseholdArgs, 'number'>>;
  grantableFields?: Resolver<Array<ResolversTypes['GrantableField']>, ParentType, ContextType>;
  myConsentRequests?: Resolver<Array<ResolversTypes['ConsentRequest']>, ParentType, ContextType, Partial<QueryMyConsentRequestsArgs>>;
  myConsentGrants?: Resolver<Array<ResolversTypes['ConsentGrant']>, ParentType, ContextType>;
  consentRequestsMade?: Resolver<Array<ResolversTypes['ConsentRequest']>, ParentType, ContextType>;
  consentGrantsHeld?: Resolver<Maybe<Array<ResolversTypes['HeldConsentGrant']>>, ParentType, ContextType, RequireFields<QueryConsentGrantsHeldArgs, 'personIds'>>;
  _entities?: Resolver<Array<Maybe<ResolversTypes['_Entity']>>, ParentType, ContextType, RequireFields<Query_EntitiesArgs, 'representations'>>;
  _service?: Resolver<ResolversTypes['_Service'], ParentType, ContextType>;
}>;

export type MutationResolvers<ContextType = NaturalPersonContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  registerPerson?: Resolver<Maybe<ResolversTypes['Person']>, ParentType, ContextType, RequireFields<MutationRegisterPersonArgs, 'input'>>;
  updateMyContact?: Resolver<Maybe<ResolversTypes['Person']>, ParentType, ContextType, RequireFields<MutationUpdateMyContactArgs, 'input'>>;
  requestConsent?: Resolver<Maybe<ResolversTypes['ConsentRequest']>, ParentType, ContextType, RequireFields<MutationRequestConsentArgs, 'input'>>;
  answerConsentRequest?: Resolver<Maybe<ResolversTypes['ConsentRequest']>, ParentType, ContextType, RequireFields<MutationAnswerConsentRequestArgs, 'input'>>;
  revokeConsentGrant?: Resolver<Maybe<ResolversTypes['ConsentGrant']>, ParentType, ContextType, RequireFields<MutationRevokeConsentGrantArgs, 'id'>>;
}>;

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type GrantableFieldResolvers<ContextType = NaturalPersonContext, ParentType extends ResolversParentTypes['GrantableField'] = ResolversParentTypes['GrantableField']> = ResolversObject<{
  field?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  registry?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type ConsentRequestResolvers<ContextType = NaturalPersonContext, ParentType extends ResolversParentTypes['ConsentRequest'] = ResolversParentTypes['ConsentRequest'], FederationReferenceType extends FederationReferenceTypes['ConsentRequest'] = FederationReferenceTypes['ConsentRequest']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['ConsentRequest']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  person?: Resolver<Maybe<ResolversTypes['Person']>, ParentType, ContextType>;
  department?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  requestedBy?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  purpose?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  fields?: Resolver<Maybe<Array<ResolversTypes['String']>>, ParentType, ContextType>;
  validUntil?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  requestedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  status?: Resolver<Maybe<ResolversTypes['ConsentRequestStatus']>, ParentType, ContextType>;
  answeredAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  grant?: Resolver<Maybe<ResolversTypes['ConsentGrant']>, ParentType, ContextType>;
  preview?: Resolver<Maybe<Array<ResolversTypes['ConsentPreviewItem']>>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type ConsentPreviewItemResolvers<ContextType = NaturalPersonContext, ParentType extends ResolversParentTypes['ConsentPreviewItem'] = ResolversParentTypes['ConsentPreviewItem']> = ResolversObject<{
  field?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  registry?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  value?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  error?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type ConsentGrantResolvers<ContextType = NaturalPersonContext, ParentType extends ResolversParentTypes['ConsentGrant'] = ResolversParentTypes['ConsentGrant'], FederationReferenceType extends FederationReferenceTypes['ConsentGrant'] = FederationReferenceTypes['ConsentGrant']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['ConsentGrant']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  request?: Resolver<Maybe<ResolversTypes['ConsentRequest']>, ParentType, ContextType>;
  person?: Resolver<Maybe<ResolversTypes['Person']>, ParentType, ContextType>;
  department?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  purpose?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  fields?: Resolver<Maybe<Array<ResolversTypes['String']>>, ParentType, ContextType>;
  validUntil?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  grantedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  revokedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  active?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type HeldConsentGrantResolvers<ContextType = NaturalPersonContext, ParentType extends ResolversParentTypes['HeldConsentGrant'] = ResolversParentTypes['HeldConsentGrant']> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  personId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  fields?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  validUntil?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
}>;

export interface DateScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Date'], any> {
  name: 'Date';
}

export type PersonResolvers<ContextType = NaturalPersonContext, ParentType extends ResolversParentTypes['Person'] = ResolversParentTypes['Person'], FederationReferenceType extends FederationReferenceTypes['Person'] = FederationReferenceTypes['Person']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Person']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  gender?: Resolver<Maybe<ResolversTypes['Gender']>, ParentType, ContextType>;
  birthYear?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  districtCode?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  deathDate?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  idNumber?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  birthDate?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  ethnicity?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  registeredAddress?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  phone?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  maritalStatus?: Resolver<Maybe<ResolversTypes['MaritalStatus']>, ParentType, ContextType>;
  household?: Resolver<Maybe<ResolversTypes['Household']>, ParentType, ContextType>;
  remarks?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  provenance?: Resolver<Maybe<Array<ResolversTypes['FieldProvenance']>>, ParentType, ContextType, Partial<PersonProvenanceArgs>>;
  asOf?: Resolver<Maybe<ResolversTypes['PersonAsOf']>, ParentType, ContextType, RequireFields<PersonAsOfArgs, 'date'>>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type PersonAsOfResolvers<ContextType = NaturalPersonContext, ParentType extends ResolversParentTypes['PersonAsOf'] = ResolversParentTypes['PersonAsOf']> = ResolversObject<{
  date?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  maritalStatus?: Resolver<Maybe<ResolversTypes['MaritalStatus']>, ParentType, ContextType>;
  registeredAddress?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  household?: Resolver<Maybe<ResolversTypes['HouseholdAsOf']>, ParentType, ContextType>;
  validFrom?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  validTo?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
}>;

export type HouseholdAsOfResolvers<ContextType = NaturalPersonContext, ParentType extends ResolversParentTypes['HouseholdAsOf'] = ResolversParentTypes['HouseholdAsOf']> = ResolversObject<{
  number?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  relationship?: Resolver<Maybe<ResolversTypes['HouseholdRelationship']>, ParentType, ContextType>;
  members?: Resolver<Maybe<Array<ResolversTypes['HouseholdMemberAsOf']>>, ParentType, ContextType>;
}>;

export type HouseholdMemberAsOfResolvers<ContextType = NaturalPersonContext, ParentType extends ResolversParentTypes['HouseholdMemberAsOf'] = ResolversParentTypes['HouseholdMemberAsOf']> = ResolversObject<{
  person?: Resolver<Maybe<ResolversTypes['Person']>, ParentType, ContextType>;
  relationship?: Resolver<Maybe<ResolversTypes['HouseholdRelationship']>, ParentType, ContextType>;
}>;

export type FieldProvenanceResolvers<ContextType = NaturalPersonContext, ParentType extends ResolversParentTypes['FieldProvenance'] = ResolversParentTypes['FieldProvenance']> = ResolversObject<{
  field?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  registry?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  department?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  changedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  suppliedBy?: Resolver<ResolversTypes['ValueSupplier'], ParentType, ContextType>;
  recorded?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
}>;

export type HouseholdResolvers<ContextType = NaturalPersonContext, ParentType extends ResolversParentTypes['Household'] = ResolversParentTypes['Household'], FederationReferenceType extends FederationReferenceTypes['Household'] = FederationReferenceTypes['Household']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Household']> | FederationReferenceType, FederationReferenceType, ContextType>;
  number?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  districtCode?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  address?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  head?: Resolver<Maybe<ResolversTypes['Person']>, ParentType, ContextType>;
  members?: Resolver<Maybe<Array<ResolversTypes['HouseholdMember']>>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type HouseholdMemberResolvers<ContextType = NaturalPersonContext, ParentType extends ResolversParentTypes['HouseholdMember'] = ResolversParentTypes['HouseholdMember']> = ResolversObject<{
  person?: Resolver<Maybe<ResolversTypes['Person']>, ParentType, ContextType>;
  relationship?: Resolver<Maybe<ResolversTypes['HouseholdRelationship']>, ParentType, ContextType>;
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

export type _ServiceResolvers<ContextType = NaturalPersonContext, ParentType extends ResolversParentTypes['_Service'] = ResolversParentTypes['_Service']> = ResolversObject<{
  sdl?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type _EntityResolvers<ContextType = NaturalPersonContext, ParentType extends ResolversParentTypes['_Entity'] = ResolversParentTypes['_Entity']> = ResolversObject<{
  __resolveType: TypeResolveFn<'ConsentGrant' | 'ConsentRequest' | 'Household' | 'Person', ParentType, ContextType>;
}>;

export type Resolvers<ContextType = NaturalPersonContext> = ResolversObject<{
  Query?: QueryResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  GrantableField?: GrantableFieldResolvers<ContextType>;
  ConsentRequest?: ConsentRequestResolvers<ContextType>;
  ConsentPreviewItem?: ConsentPreviewItemResolvers<ContextType>;
  ConsentGrant?: ConsentGrantResolvers<ContextType>;
  HeldConsentGrant?: HeldConsentGrantResolvers<ContextType>;
  Date?: GraphQLScalarType;
  Person?: PersonResolvers<ContextType>;
  PersonAsOf?: PersonAsOfResolvers<ContextType>;
  HouseholdAsOf?: HouseholdAsOfResolvers<ContextType>;
  HouseholdMemberAsOf?: HouseholdMemberAsOfResolvers<ContextType>;
  FieldProvenance?: FieldProvenanceResolvers<ContextType>;
  Household?: HouseholdResolvers<ContextType>;
  HouseholdMember?: HouseholdMemberResolvers<ContextType>;
  link__Import?: GraphQLScalarType;
  federation__FieldSet?: GraphQLScalarType;
  federation__Scope?: GraphQLScalarType;
  federation__Policy?: GraphQLScalarType;
  _Any?: GraphQLScalarType;
  _Service?: _ServiceResolvers<ContextType>;
  _Entity?: _EntityResolvers<ContextType>;
}>;

export type DirectiveResolvers<ContextType = NaturalPersonContext> = ResolversObject<{
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
