/* Generated from schema/legal-person.graphql by `npm run codegen`. Do not edit. */
/* eslint-disable */
import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { Organization as OrganizationModel } from '../entities/organization.entity';
import type { Penalty as PenaltyModel } from '../entities/penalty.entity';
import type { PersonRef as PersonRefModel } from '../../shared/context';
import type { OrganizationPage as OrganizationPageModel } from '../resolvers/OrganizationConnection';
import type { LegalPersonContext } from '../context';
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
 * Legal-person registry (enterprise registration), owned by market-regulation.
 *
 * Field classes: public (anyone, no token needed); organization details (officers with
 * organization:read, or the organization's legal representative); department internal
 * (market-regulation officers).
 */
export type Query = {
  __typename?: 'Query';
  /** An organization by unified social credit code (GB 32100-2015). Null when there is no such organization. */
  organization?: Maybe<Organization>;
  /** Organizations matching the filter, ordered by credit code. Page size 1 to 100. */
  organizations: OrganizationConnection;
  _entities: Array<Maybe<_Entity>>;
  _service: _Service;
};


/**
 * Legal-person registry (enterprise registration), owned by market-regulation.
 *
 * Field classes: public (anyone, no token needed); organization details (officers with
 * organization:read, or the organization's legal representative); department internal
 * (market-regulation officers).
 */
export type QueryOrganizationArgs = {
  creditCode: Scalars['String']['input'];
};


/**
 * Legal-person registry (enterprise registration), owned by market-regulation.
 *
 * Field classes: public (anyone, no token needed); organization details (officers with
 * organization:read, or the organization's legal representative); department internal
 * (market-regulation officers).
 */
export type QueryOrganizationsArgs = {
  filter?: InputMaybe<OrganizationFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
};


/**
 * Legal-person registry (enterprise registration), owned by market-regulation.
 *
 * Field classes: public (anyone, no token needed); organization details (officers with
 * organization:read, or the organization's legal representative); department internal
 * (market-regulation officers).
 */
export type Query_EntitiesArgs = {
  representations: Array<Scalars['_Any']['input']>;
};

export type Mutation = {
  __typename?: 'Mutation';
  /**
   * Registers an organization. Market-regulation officers with organization:write, and person:read:
   * the legal representative is checked in the natural-person registry on the officer's behalf.
   */
  registerOrganization?: Maybe<Organization>;
  /** Records an administrative penalty. Market-regulation officers with organization:write. */
  recordPenalty?: Maybe<Penalty>;
};


export type MutationRegisterOrganizationArgs = {
  input: RegisterOrganizationInput;
};


export type MutationRecordPenaltyArgs = {
  input: RecordPenaltyInput;
};

export type OrganizationType =
  | 'LIMITED_LIABILITY_COMPANY'
  | 'JOINT_STOCK_COMPANY'
  | 'SOLE_PROPRIETORSHIP'
  | 'PARTNERSHIP'
  | 'INDIVIDUAL_BUSINESS'
  | 'FARMERS_COOPERATIVE'
  | 'BRANCH';

export type OrganizationStatus =
  | 'ACTIVE'
  | 'DEREGISTERED'
  | 'REVOKED';

/** Market regulation's credit risk classification (A lowest risk, D highest). */
export type CreditRiskClass =
  | 'A'
  | 'B'
  | 'C'
  | 'D';

export type Organization = {
  __typename?: 'Organization';
  /** Public. Unified social credit code (GB 32100-2015). */
  creditCode: Scalars['String']['output'];
  /** Public. */
  name?: Maybe<Scalars['String']['output']>;
  /** Public. */
  type?: Maybe<OrganizationType>;
  /** Public. */
  status?: Maybe<OrganizationStatus>;
  /** Public. Industry (GB/T 4754-2017): section letter and class digits, e.g. I6513. */
  industryCode?: Maybe<Scalars['String']['output']>;
  /** Public. GB/T 2260 code of the district of registration. */
  districtCode?: Maybe<Scalars['String']['output']>;
  /** Details. The natural person registered as legal representative. */
  legalRepresentative?: Maybe<Person>;
  /** Details. Registered capital in yuan. */
  registeredCapital?: Maybe<Scalars['Money']['output']>;
  /** Details. */
  establishedOn?: Maybe<Scalars['Date']['output']>;
  /** Details. Registered address. */
  address?: Maybe<Scalars['String']['output']>;
  /** Details. */
  businessScope?: Maybe<Scalars['String']['output']>;
  /** Details. Administrative penalties, newest first. */
  penalties?: Maybe<Array<Penalty>>;
  /** Department internal (market-regulation). */
  creditRiskClass?: Maybe<CreditRiskClass>;
  /**
   * Where each of its personal fields' values comes from: this registry, the department that last
   * changed it, when, and whether the citizen supplied it or an authority recorded it, from the
   * registry's own write records. Only fields the caller may read; all of those when fields is
   * omitted, e.g. fields: ["Organization.legalRepresentative"].
   */
  provenance?: Maybe<Array<FieldProvenance>>;
};


export type OrganizationProvenanceArgs = {
  fields?: InputMaybe<Array<Scalars['String']['input']>>;
};

/** An administrative penalty decision against an organization. */
export type Penalty = {
  __typename?: 'Penalty';
  decisionNumber: Scalars['String']['output'];
  decidedOn: Scalars['Date']['output'];
  reason: Scalars['String']['output'];
  amount: Scalars['Money']['output'];
  authority: Scalars['String']['output'];
};

export type Person = {
  __typename?: 'Person';
  id: Scalars['ID']['output'];
  /** Basic personal. Organizations this person is legal representative of: the person themself, or officers with organization:read. */
  legalRepresentativeOf?: Maybe<Array<Organization>>;
};

export type OrganizationFilter = {
  /** Part of the name, 1 to 50 characters. */
  nameContains?: InputMaybe<Scalars['String']['input']>;
  /** GB/T 2260 district code. */
  districtCode?: InputMaybe<Scalars['String']['input']>;
  /** GB/T 4754 code or prefix: a section letter (I), a division (I65) or a class (I6513). */
  industryCode?: InputMaybe<Scalars['String']['input']>;
  status?: InputMaybe<OrganizationStatus>;
};

export type OrganizationConnection = {
  __typename?: 'OrganizationConnection';
  edges: Array<OrganizationEdge>;
  pageInfo: PageInfo;
  /** Organizations matching the filter, over all pages. */
  totalCount: Scalars['Int']['output'];
};

export type OrganizationEdge = {
  __typename?: 'OrganizationEdge';
  cursor: Scalars['String']['output'];
  node: Organization;
};

export type PageInfo = {
  __typename?: 'PageInfo';
  hasNextPage: Scalars['Boolean']['output'];
  /** Pass as `after` to get the next page. */
  endCursor?: Maybe<Scalars['String']['output']>;
};

export type RegisterOrganizationInput = {
  creditCode: Scalars['String']['input'];
  /** 1 to 100 characters. */
  name: Scalars['String']['input'];
  type: OrganizationType;
  /** Registry id of the legal representative: a living person in the natural-person registry. */
  legalRepresentativeId: Scalars['ID']['input'];
  registeredCapital: Scalars['Money']['input'];
  /** Not in the future. */
  establishedOn: Scalars['Date']['input'];
  industryCode: Scalars['String']['input'];
  districtCode: Scalars['String']['input'];
  /** 1 to 200 characters. */
  address: Scalars['String']['input'];
  /** 1 to 1000 characters. */
  businessScope: Scalars['String']['input'];
};

export type RecordPenaltyInput = {
  creditCode: Scalars['String']['input'];
  /** Unique decision number, 1 to 64 characters, e.g. 成市监罚〔2026〕123号. */
  decisionNumber: Scalars['String']['input'];
  /** Not in the future, not before the organization was established. */
  decidedOn: Scalars['Date']['input'];
  /** 1 to 1000 characters. */
  reason: Scalars['String']['input'];
  /** Greater than zero. */
  amount: Scalars['Money']['input'];
  /** Deciding authority, 1 to 100 characters. */
  authority: Scalars['String']['input'];
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

export type _Entity = Organization | Person;

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
  Organization: Organization;
  Person: Person;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  Organization:
    ( { __typename: 'Organization' }
    & GraphQLRecursivePick<FederationTypes['Organization'], {"creditCode":true}> );
  Person:
    ( { __typename: 'Person' }
    & GraphQLRecursivePick<FederationTypes['Person'], {"id":true}> );
}>;

/** Mapping of union types */
export type ResolversUnionTypes<_RefType extends Record<string, unknown>> = ResolversObject<{
  _Entity:
    | ( OrganizationModel )
    | ( PersonRefModel )
  ;
}>;


/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Date: ResolverTypeWrapper<Scalars['Date']['output']>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Money: ResolverTypeWrapper<Scalars['Money']['output']>;
  OrganizationType: OrganizationType;
  OrganizationStatus: OrganizationStatus;
  CreditRiskClass: CreditRiskClass;
  Organization: ResolverTypeWrapper<OrganizationModel>;
  Penalty: ResolverTypeWrapper<PenaltyModel>;
  Person: ResolverTypeWrapper<PersonRefModel>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  OrganizationFilter: OrganizationFilter;
  OrganizationConnection: ResolverTypeWrapper<OrganizationPageModel>;
  OrganizationEdge: ResolverTypeWrapper<Omit<OrganizationEdge, 'node'> & { node: ResolversTypes['Organization'] }>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  RegisterOrganizationInput: RegisterOrganizationInput;
  RecordPenaltyInput: RecordPenaltyInput;
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
  Mutation: Record<PropertyKey, never>;
  Date: Scalars['Date']['output'];
  DateTime: Scalars['DateTime']['output'];
  Money: Scalars['Money']['output'];
  Organization: OrganizationModel;
  Penalty: PenaltyModel;
  Person: PersonRefModel;
  ID: Scalars['ID']['output'];
  OrganizationFilter: OrganizationFilter;
  OrganizationConnection: OrganizationPageModel;
  OrganizationEdge: Omit<OrganizationEdge, 'node'> & { node: ResolversParentTypes['Organization'] };
  PageInfo: PageInfo;
  RegisterOrganizationInput: RegisterOrganizationInput;
  RecordPenaltyInput: RecordPenaltyInput;
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

export type LinkDirectiveResolver<Result, Parent, ContextType = LegalPersonContext, Args = LinkDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type Federation__RequiresDirectiveArgs = {
  fields: Scalars['federation__FieldSet']['input'];
};

export type Federation__RequiresDirectiveResolver<Result, Parent, ContextType = LegalPersonContext, Args = Federation__RequiresDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type Federation__ProvidesDirectiveArgs = {
  fields: Scalars['federation__FieldSet']['input'];
};

export type Federation__ProvidesDirectiveResolver<Result, Parent, ContextType = LegalPersonContext, Args = Federation__ProvidesDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type Federation__ExternalDirectiveArgs = {
  reason?: Maybe<Scalars['String']['input']>;
};

export type Federation__ExternalDirectiveResolver<Result, Parent, ContextType = LegalPersonContext, Args = Federation__ExternalDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type Federation__TagDirectiveArgs = {
  name: Scalars['String']['input'];
};

export type Federation__TagDirectiveResolver<Result, Parent, ContextType = LegalPersonContext, Args = Federation__TagDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type Federation__ExtendsDirectiveArgs = { };

export type Federation__ExtendsDirectiveResolver<Result, Parent, ContextType = LegalPersonContext, Args = Federation__ExtendsDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type ShareableDirectiveArgs = { };

export type ShareableDirectiveResolver<Result, Parent, ContextType = LegalPersonContext, Args = ShareableDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type Federation__InaccessibleDirectiveArgs = { };

export type Federation__InaccessibleDirectiveResolver<Result, Parent, ContextType = LegalPersonContext, Args = Federation__InaccessibleDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type Federation__OverrideDirectiveArgs = {
  from: Scalars['String']['input'];
  label?: Maybe<Scalars['String']['input']>;
};

export type Federation__OverrideDirectiveResolver<Result, Parent, ContextType = LegalPersonContext, Args = Federation__OverrideDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type Federation__ComposeDirectiveDirectiveArgs = {
  name?: Maybe<Scalars['String']['input']>;
};

export type Federation__ComposeDirectiveDirectiveResolver<Result, Parent, ContextType = LegalPersonContext, Args = Federation__ComposeDirectiveDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type Federation__InterfaceObjectDirectiveArgs = { };

export type Federation__InterfaceObjectDirectiveResolver<Result, Parent, ContextType = LegalPersonContext, Args = Federation__InterfaceObjectDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type Federation__AuthenticatedDirectiveArgs = { };

export type Federation__AuthenticatedDirectiveResolver<Result, Parent, ContextType = LegalPersonContext, Args = Federation__AuthenticatedDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type Federation__RequiresScopesDirectiveArgs = {
  scopes: Array<Array<Scalars['federation__Scope']['input']>>;
};

export type Federation__RequiresScopesDirectiveResolver<Result, Parent, ContextType = LegalPersonContext, Args = Federation__RequiresScopesDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type Federation__PolicyDirectiveArgs = {
  policies: Array<Array<Scalars['federation__Policy']['input']>>;
};

export type Federation__PolicyDirectiveResolver<Result, Parent, ContextType = LegalPersonContext, Args = Federation__PolicyDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type QueryResolvers<ContextType = LegalPersonContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  organization?: Resolver<Maybe<ResolversTypes['Organization']>, ParentType, ContextType, RequireFields<QueryOrganizationArgs, 'creditCode'>>;
  organizations?: Resolver<ResolversTypes['OrganizationConnection'], ParentType, ContextType, RequireFields<QueryOrganizationsArgs, 'first'>>;
  _entities?: Resolver<Array<Maybe<ResolversTypes['_Entity']>>, ParentType, ContextType, RequireFields<Query_EntitiesArgs, 'representations'>>;
  _service?: Resolver<ResolversTypes['_Service'], ParentType, ContextType>;
}>;

export type MutationResolvers<ContextType = LegalPersonContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  registerOrganization?: Resolver<Maybe<ResolversTypes['Organization']>, ParentType, ContextType, RequireFields<MutationRegisterOrganizationArgs, 'input'>>;
  recordPenalty?: Resolver<Maybe<ResolversTypes['Penalty']>, ParentType, ContextType, RequireFields<MutationRecordPenaltyArgs, 'input'>>;
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

export type OrganizationResolvers<ContextType = LegalPersonContext, ParentType extends ResolversParentTypes['Organization'] = ResolversParentTypes['Organization'], FederationReferenceType extends FederationReferenceTypes['Organization'] = FederationReferenceTypes['Organization']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Organization']> | FederationReferenceType, FederationReferenceType, ContextType>;
  creditCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  type?: Resolver<Maybe<ResolversTypes['OrganizationType']>, ParentType, ContextType>;
  status?: Resolver<Maybe<ResolversTypes['OrganizationStatus']>, ParentType, ContextType>;
  industryCode?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  districtCode?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  legalRepresentative?: Resolver<Maybe<ResolversTypes['Person']>, ParentType, ContextType>;
  registeredCapital?: Resolver<Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
  establishedOn?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  address?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  businessScope?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  penalties?: Resolver<Maybe<Array<ResolversTypes['Penalty']>>, ParentType, ContextType>;
  creditRiskClass?: Resolver<Maybe<ResolversTypes['CreditRiskClass']>, ParentType, ContextType>;
  provenance?: Resolver<Maybe<Array<ResolversTypes['FieldProvenance']>>, ParentType, ContextType, Partial<OrganizationProvenanceArgs>>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type PenaltyResolvers<ContextType = LegalPersonContext, ParentType extends ResolversParentTypes['Penalty'] = ResolversParentTypes['Penalty']> = ResolversObject<{
  decisionNumber?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  decidedOn?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  amount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  authority?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type PersonResolvers<ContextType = LegalPersonContext, ParentType extends ResolversParentTypes['Person'] = ResolversParentTypes['Person'], FederationReferenceType extends FederationReferenceTypes['Person'] = FederationReferenceTypes['Person']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Person']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  legalRepresentativeOf?: Resolver<Maybe<Array<ResolversTypes['Organization']>>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type OrganizationConnectionResolvers<ContextType = LegalPersonContext, ParentType extends ResolversParentTypes['OrganizationConnection'] = ResolversParentTypes['OrganizationConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['OrganizationEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type OrganizationEdgeResolvers<ContextType = LegalPersonContext, ParentType extends ResolversParentTypes['OrganizationEdge'] = ResolversParentTypes['OrganizationEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Organization'], ParentType, ContextType>;
}>;

export type PageInfoResolvers<ContextType = LegalPersonContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = ResolversObject<{
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type FieldProvenanceResolvers<ContextType = LegalPersonContext, ParentType extends ResolversParentTypes['FieldProvenance'] = ResolversParentTypes['FieldProvenance']> = ResolversObject<{
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

export type _ServiceResolvers<ContextType = LegalPersonContext, ParentType extends ResolversParentTypes['_Service'] = ResolversParentTypes['_Service']> = ResolversObject<{
  sdl?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type _EntityResolvers<ContextType = LegalPersonContext, ParentType extends ResolversParentTypes['_Entity'] = ResolversParentTypes['_Entity']> = ResolversObject<{
  __resolveType: TypeResolveFn<'Organization' | 'Person', ParentType, ContextType>;
}>;

export type Resolvers<ContextType = LegalPersonContext> = ResolversObject<{
  Query?: QueryResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Date?: GraphQLScalarType;
  DateTime?: GraphQLScalarType;
  Money?: GraphQLScalarType;
  Organization?: OrganizationResolvers<ContextType>;
  Penalty?: PenaltyResolvers<ContextType>;
  Person?: PersonResolvers<ContextType>;
  OrganizationConnection?: OrganizationConnectionResolvers<ContextType>;
  OrganizationEdge?: OrganizationEdgeResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  FieldProvenance?: FieldProvenanceResolvers<ContextType>;
  link__Import?: GraphQLScalarType;
  federation__FieldSet?: GraphQLScalarType;
  federation__Scope?: GraphQLScalarType;
  federation__Policy?: GraphQLScalarType;
  _Any?: GraphQLScalarType;
  _Service?: _ServiceResolvers<ContextType>;
  _Entity?: _EntityResolvers<ContextType>;
}>;

export type DirectiveResolvers<ContextType = LegalPersonContext> = ResolversObject<{
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
