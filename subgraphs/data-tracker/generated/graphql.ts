/* Generated from schema/data-tracker.graphql by `npm run codegen`. Do not edit. */
/* eslint-disable */
import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { PersonRef as PersonRefModel } from '../../shared/context';
import type { StoredAccessRecord as StoredAccessRecordModel } from '../../shared/access-log/chain';
import type { AccessRecordPage as AccessRecordPageModel } from '../resolvers/page';
import type { StoredAccessAlert as StoredAccessAlertModel } from '../../shared/access-log/alerts';
import type { AccessAlertPage as AccessAlertPageModel } from '../resolvers/alerts';
import type { DataTrackerContext } from '../context';
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
  /** Instant, ISO 8601 in UTC, e.g. 2026-11-21T08:30:00.000Z. */
  DateTime: { input: string; output: string; }
  link__Import: { input: unknown; output: unknown; }
  federation__FieldSet: { input: unknown; output: unknown; }
  federation__Scope: { input: unknown; output: unknown; }
  federation__Policy: { input: unknown; output: unknown; }
  _Any: { input: Record<string, unknown>; output: Record<string, unknown>; }
};

/**
 * Data tracker: every registry keeps an append-only, hash-chained log of who read, tried to read or
 * wrote whose personal data. This subgraph merges those logs into one view, newest first. It owns no data.
 */
export type Query = {
  __typename?: 'Query';
  /**
   * Access records across all registries, newest first. Auditors: every record, with any filters
   * (or none). Citizens: only with their own personId.
   */
  accessRecords?: Maybe<AccessRecordConnection>;
  /**
   * Unusual-reading alerts across all registries, newest first (auditors only): each names an officer
   * who read the personal data of more distinct people within an hour, in one registry, than the
   * threshold of their department (UNUSUAL_READING_THRESHOLDS).
   */
  accessAlerts?: Maybe<AccessAlertConnection>;
  _entities: Array<Maybe<_Entity>>;
  _service: _Service;
};


/**
 * Data tracker: every registry keeps an append-only, hash-chained log of who read, tried to read or
 * wrote whose personal data. This subgraph merges those logs into one view, newest first. It owns no data.
 */
export type QueryAccessRecordsArgs = {
  filter?: InputMaybe<AccessRecordFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
};


/**
 * Data tracker: every registry keeps an append-only, hash-chained log of who read, tried to read or
 * wrote whose personal data. This subgraph merges those logs into one view, newest first. It owns no data.
 */
export type QueryAccessAlertsArgs = {
  filter?: InputMaybe<AccessAlertFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
};


/**
 * Data tracker: every registry keeps an append-only, hash-chained log of who read, tried to read or
 * wrote whose personal data. This subgraph merges those logs into one view, newest first. It owns no data.
 */
export type Query_EntitiesArgs = {
  representations: Array<Scalars['_Any']['input']>;
};

/** All filters are optional and combine with AND. */
export type AccessAlertFilter = {
  /** The officer (token subject). */
  actorSub?: InputMaybe<Scalars['String']['input']>;
  /** The officer's department, e.g. civil-affairs. */
  actorDepartment?: InputMaybe<Scalars['String']['input']>;
  /** The registry whose log showed the reads, e.g. natural-person. */
  registry?: InputMaybe<Scalars['String']['input']>;
  /** Raised at or after this instant. */
  from?: InputMaybe<Scalars['DateTime']['input']>;
  /** Raised before this instant. */
  to?: InputMaybe<Scalars['DateTime']['input']>;
};

/** An officer who read unusually many distinct people's personal data within an hour, in one registry. */
export type AccessAlert = {
  __typename?: 'AccessAlert';
  id: Scalars['ID']['output'];
  raisedAt: Scalars['DateTime']['output'];
  /** The registry whose access log showed the reads. */
  registry: Scalars['String']['output'];
  actorSub: Scalars['String']['output'];
  actorDepartment?: Maybe<Scalars['String']['output']>;
  /** Distinct people whose personal data the officer was granted in the hour before the alert. */
  people: Scalars['Int']['output'];
  /** The department's threshold then: more than this many people raises an alert. */
  threshold: Scalars['Int']['output'];
  /** The first and last of those reads. */
  windowStart: Scalars['DateTime']['output'];
  windowEnd: Scalars['DateTime']['output'];
};

export type AccessAlertConnection = {
  __typename?: 'AccessAlertConnection';
  edges: Array<AccessAlertEdge>;
  pageInfo: PageInfo;
};

export type AccessAlertEdge = {
  __typename?: 'AccessAlertEdge';
  cursor: Scalars['String']['output'];
  node: AccessAlert;
};

export type AccessAction =
  | 'READ'
  | 'WRITE';

export type AccessOutcome =
  /** The data was read, or the write was made. */
  | 'GRANTED'
  /** The permission rules refused the caller. */
  | 'DENIED'
  /** The caller was allowed to try, but the input was refused (BAD_USER_INPUT, e.g. an ID number registered to another name); nothing was written. */
  | 'REJECTED'
  /** A write that repeated one already made (an idempotent repeat); nothing was written. */
  | 'UNCHANGED';

export type Person = {
  __typename?: 'Person';
  id: Scalars['ID']['output'];
  /** Who accessed this person's data, in every registry, newest first. The person themself, or auditors. */
  accessRecords?: Maybe<AccessRecordConnection>;
};


export type PersonAccessRecordsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
};

/** All filters are optional and combine with AND. */
export type AccessRecordFilter = {
  /** Whose data was accessed. */
  personId?: InputMaybe<Scalars['ID']['input']>;
  /** Who accessed it (the token subject of an officer, citizen or other caller). */
  actorSub?: InputMaybe<Scalars['String']['input']>;
  /** The department of whoever accessed it, e.g. civil-affairs. */
  actorDepartment?: InputMaybe<Scalars['String']['input']>;
  /** The registry that holds the data, e.g. natural-person. */
  registry?: InputMaybe<Scalars['String']['input']>;
  outcome?: InputMaybe<AccessOutcome>;
  action?: InputMaybe<AccessAction>;
  /** At or after this instant. */
  from?: InputMaybe<Scalars['DateTime']['input']>;
  /** Before this instant. */
  to?: InputMaybe<Scalars['DateTime']['input']>;
};

/**
 * One access to one person's data in one registry, within one request: a read, a refused read, or a
 * write attempt with its outcome.
 */
export type AccessRecord = {
  __typename?: 'AccessRecord';
  id: Scalars['ID']['output'];
  at: Scalars['DateTime']['output'];
  /** The registry that holds the data and wrote this record. */
  registry: Scalars['String']['output'];
  action: AccessAction;
  outcome: AccessOutcome;
  /** Null for an anonymous caller. */
  actorSub?: Maybe<Scalars['String']['output']>;
  actorRole?: Maybe<Scalars['String']['output']>;
  actorDepartment?: Maybe<Scalars['String']['output']>;
  /** The case or application reference the caller gave (X-Purpose). */
  purpose?: Maybe<Scalars['String']['output']>;
  /** Whose data. Null when the identifier the caller used matched no one (auditors only). */
  personId?: Maybe<Scalars['ID']['output']>;
  /** The identifier the caller named the data by, as argument=value (e.g. idNumber=510104198812176301), for lookups and writes by argument. */
  identifier?: Maybe<Scalars['String']['output']>;
  /** Which fields, as Type.field; a root field (Query.person, Mutation.registerPerson) for the lookup or write attempt itself. */
  fields: Array<Scalars['String']['output']>;
  operationName?: Maybe<Scalars['String']['output']>;
  requestId: Scalars['String']['output'];
  /** The registry that asked on the caller's behalf (a delegated call), or null when the caller asked the gateway directly. */
  via?: Maybe<Scalars['String']['output']>;
  /** The citizen's consent grant the read was made under (an officer without the scope), or null. */
  grantId?: Maybe<Scalars['ID']['output']>;
  /** That grant (natural-person registry): its department, purpose, fields and validity, next to the read. */
  grant?: Maybe<ConsentGrant>;
};

/** A citizen's consent grant, owned by the natural-person registry. */
export type ConsentGrant = {
  __typename?: 'ConsentGrant';
  id: Scalars['ID']['output'];
};

export type AccessRecordConnection = {
  __typename?: 'AccessRecordConnection';
  edges: Array<AccessRecordEdge>;
  pageInfo: PageInfo;
};

export type AccessRecordEdge = {
  __typename?: 'AccessRecordEdge';
  cursor: Scalars['String']['output'];
  node: AccessRecord;
};

export type PageInfo = {
  __typename?: 'PageInfo';
  hasNextPage: Scalars['Boolean']['output'];
  /** Pass as `after` to get the next page. */
  endCursor?: Maybe<Scalars['String']['output']>;
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

export type _Entity = ConsentGrant | Person;

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
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  Person:
    ( { __typename: 'Person' }
    & GraphQLRecursivePick<FederationTypes['Person'], {"id":true}> );
}>;

/** Mapping of union types */
export type ResolversUnionTypes<_RefType extends Record<string, unknown>> = ResolversObject<{
  _Entity:
    | ( ConsentGrant )
    | ( PersonRefModel )
  ;
}>;


/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  AccessAlertFilter: AccessAlertFilter;
  AccessAlert: ResolverTypeWrapper<StoredAccessAlertModel>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  AccessAlertConnection: ResolverTypeWrapper<AccessAlertPageModel>;
  AccessAlertEdge: ResolverTypeWrapper<Omit<AccessAlertEdge, 'node'> & { node: ResolversTypes['AccessAlert'] }>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  AccessAction: AccessAction;
  AccessOutcome: AccessOutcome;
  Person: ResolverTypeWrapper<PersonRefModel>;
  AccessRecordFilter: AccessRecordFilter;
  AccessRecord: ResolverTypeWrapper<StoredAccessRecordModel>;
  ConsentGrant: ResolverTypeWrapper<ConsentGrant>;
  AccessRecordConnection: ResolverTypeWrapper<AccessRecordPageModel>;
  AccessRecordEdge: ResolverTypeWrapper<Omit<AccessRecordEdge, 'node'> & { node: ResolversTypes['AccessRecord'] }>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
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
  AccessAlertFilter: AccessAlertFilter;
  AccessAlert: StoredAccessAlertModel;
  ID: Scalars['ID']['output'];
  AccessAlertConnection: AccessAlertPageModel;
  AccessAlertEdge: Omit<AccessAlertEdge, 'node'> & { node: ResolversParentTypes['AccessAlert'] };
  DateTime: Scalars['DateTime']['output'];
  Person: PersonRefModel;
  AccessRecordFilter: AccessRecordFilter;
  AccessRecord: StoredAccessRecordModel;
  ConsentGrant: ConsentGrant;
  AccessRecordConnection: AccessRecordPageModel;
  AccessRecordEdge: Omit<AccessRecordEdge, 'node'> & { node: ResolversParentTypes['AccessRecord'] };
  PageInfo: PageInfo;
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

export type LinkDirectiveResolver<Result, Parent, ContextType = DataTrackerContext, Args = LinkDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type Federation__RequiresDirectiveArgs = {
  fields: Scalars['federation__FieldSet']['input'];
};

export type Federation__RequiresDirectiveResolver<Result, Parent, ContextType = DataTrackerContext, Args = Federation__RequiresDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type Federation__ProvidesDirectiveArgs = {
  fields: Scalars['federation__FieldSet']['input'];
};

export type Federation__ProvidesDirectiveResolver<Result, Parent, ContextType = DataTrackerContext, Args = Federation__ProvidesDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type Federation__ExternalDirectiveArgs = {
  reason?: Maybe<Scalars['String']['input']>;
};

export type Federation__ExternalDirectiveResolver<Result, Parent, ContextType = DataTrackerContext, Args = Federation__ExternalDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type Federation__TagDirectiveArgs = {
  name: Scalars['String']['input'];
};

export type Federation__TagDirectiveResolver<Result, Parent, ContextType = DataTrackerContext, Args = Federation__TagDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type Federation__ExtendsDirectiveArgs = { };

export type Federation__ExtendsDirectiveResolver<Result, Parent, ContextType = DataTrackerContext, Args = Federation__ExtendsDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type ShareableDirectiveArgs = { };

export type ShareableDirectiveResolver<Result, Parent, ContextType = DataTrackerContext, Args = ShareableDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type Federation__InaccessibleDirectiveArgs = { };

export type Federation__InaccessibleDirectiveResolver<Result, Parent, ContextType = DataTrackerContext, Args = Federation__InaccessibleDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type Federation__OverrideDirectiveArgs = {
  from: Scalars['String']['input'];
  label?: Maybe<Scalars['String']['input']>;
};

export type Federation__OverrideDirectiveResolver<Result, Parent, ContextType = DataTrackerContext, Args = Federation__OverrideDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type Federation__ComposeDirectiveDirectiveArgs = {
  name?: Maybe<Scalars['String']['input']>;
};

export type Federation__ComposeDirectiveDirectiveResolver<Result, Parent, ContextType = DataTrackerContext, Args = Federation__ComposeDirectiveDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type Federation__InterfaceObjectDirectiveArgs = { };

export type Federation__InterfaceObjectDirectiveResolver<Result, Parent, ContextType = DataTrackerContext, Args = Federation__InterfaceObjectDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type Federation__AuthenticatedDirectiveArgs = { };

export type Federation__AuthenticatedDirectiveResolver<Result, Parent, ContextType = DataTrackerContext, Args = Federation__AuthenticatedDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type Federation__RequiresScopesDirectiveArgs = {
  scopes: Array<Array<Scalars['federation__Scope']['input']>>;
};

export type Federation__RequiresScopesDirectiveResolver<Result, Parent, ContextType = DataTrackerContext, Args = Federation__RequiresScopesDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type Federation__PolicyDirectiveArgs = {
  policies: Array<Array<Scalars['federation__Policy']['input']>>;
};

export type Federation__PolicyDirectiveResolver<Result, Parent, ContextType = DataTrackerContext, Args = Federation__PolicyDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type QueryResolvers<ContextType = DataTrackerContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  accessRecords?: Resolver<Maybe<ResolversTypes['AccessRecordConnection']>, ParentType, ContextType, RequireFields<QueryAccessRecordsArgs, 'first'>>;
  accessAlerts?: Resolver<Maybe<ResolversTypes['AccessAlertConnection']>, ParentType, ContextType, RequireFields<QueryAccessAlertsArgs, 'first'>>;
  _entities?: Resolver<Array<Maybe<ResolversTypes['_Entity']>>, ParentType, ContextType, RequireFields<Query_EntitiesArgs, 'representations'>>;
  _service?: Resolver<ResolversTypes['_Service'], ParentType, ContextType>;
}>;

export type AccessAlertResolvers<ContextType = DataTrackerContext, ParentType extends ResolversParentTypes['AccessAlert'] = ResolversParentTypes['AccessAlert']> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  raisedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  registry?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  actorSub?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  actorDepartment?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  people?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  threshold?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  windowStart?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  windowEnd?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
}>;

export type AccessAlertConnectionResolvers<ContextType = DataTrackerContext, ParentType extends ResolversParentTypes['AccessAlertConnection'] = ResolversParentTypes['AccessAlertConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['AccessAlertEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type AccessAlertEdgeResolvers<ContextType = DataTrackerContext, ParentType extends ResolversParentTypes['AccessAlertEdge'] = ResolversParentTypes['AccessAlertEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['AccessAlert'], ParentType, ContextType>;
}>;

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type PersonResolvers<ContextType = DataTrackerContext, ParentType extends ResolversParentTypes['Person'] = ResolversParentTypes['Person'], FederationReferenceType extends FederationReferenceTypes['Person'] = FederationReferenceTypes['Person']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Person']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  accessRecords?: Resolver<Maybe<ResolversTypes['AccessRecordConnection']>, ParentType, ContextType, RequireFields<PersonAccessRecordsArgs, 'first'>>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type AccessRecordResolvers<ContextType = DataTrackerContext, ParentType extends ResolversParentTypes['AccessRecord'] = ResolversParentTypes['AccessRecord']> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  registry?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  action?: Resolver<ResolversTypes['AccessAction'], ParentType, ContextType>;
  outcome?: Resolver<ResolversTypes['AccessOutcome'], ParentType, ContextType>;
  actorSub?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  actorRole?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  actorDepartment?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  purpose?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  personId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  identifier?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  fields?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  operationName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  requestId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  via?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  grantId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  grant?: Resolver<Maybe<ResolversTypes['ConsentGrant']>, ParentType, ContextType>;
}>;

export type ConsentGrantResolvers<ContextType = DataTrackerContext, ParentType extends ResolversParentTypes['ConsentGrant'] = ResolversParentTypes['ConsentGrant']> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type AccessRecordConnectionResolvers<ContextType = DataTrackerContext, ParentType extends ResolversParentTypes['AccessRecordConnection'] = ResolversParentTypes['AccessRecordConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['AccessRecordEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type AccessRecordEdgeResolvers<ContextType = DataTrackerContext, ParentType extends ResolversParentTypes['AccessRecordEdge'] = ResolversParentTypes['AccessRecordEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['AccessRecord'], ParentType, ContextType>;
}>;

export type PageInfoResolvers<ContextType = DataTrackerContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = ResolversObject<{
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
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

export type _ServiceResolvers<ContextType = DataTrackerContext, ParentType extends ResolversParentTypes['_Service'] = ResolversParentTypes['_Service']> = ResolversObject<{
  sdl?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type _EntityResolvers<ContextType = DataTrackerContext, ParentType extends ResolversParentTypes['_Entity'] = ResolversParentTypes['_Entity']> = ResolversObject<{
  __resolveType: TypeResolveFn<'ConsentGrant' | 'Person', ParentType, ContextType>;
}>;

export type Resolvers<ContextType = DataTrackerContext> = ResolversObject<{
  Query?: QueryResolvers<ContextType>;
  AccessAlert?: AccessAlertResolvers<ContextType>;
  AccessAlertConnection?: AccessAlertConnectionResolvers<ContextType>;
  AccessAlertEdge?: AccessAlertEdgeResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  Person?: PersonResolvers<ContextType>;
  AccessRecord?: AccessRecordResolvers<ContextType>;
  ConsentGrant?: ConsentGrantResolvers<ContextType>;
  AccessRecordConnection?: AccessRecordConnectionResolvers<ContextType>;
  AccessRecordEdge?: AccessRecordEdgeResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  link__Import?: GraphQLScalarType;
  federation__FieldSet?: GraphQLScalarType;
  federation__Scope?: GraphQLScalarType;
  federation__Policy?: GraphQLScalarType;
  _Any?: GraphQLScalarType;
  _Service?: _ServiceResolvers<ContextType>;
  _Entity?: _EntityResolvers<ContextType>;
}>;

export type DirectiveResolvers<ContextType = DataTrackerContext> = ResolversObject<{
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
