/* Generated from schema/statistics.graphql by `npm run codegen`. Do not edit. */
/* eslint-disable */
import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { Table as TableModel, TableCell as TableCellModel, SourceInfo as SourceInfoModel } from '../tables';
import type { RefreshRun as RefreshRunModel } from '../refresh';
import type { StatisticsContext } from '../context';
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
 * Statistics (department `statistics`): figures that combine registries and never reveal a person.
 * Built from pseudonymised extracts each registry sends (only the attributes statistics needs, keyed
 * by a keyed hash of the person id the statistics side cannot reverse); every figure goes through
 * disclosure control: counts under the threshold suppressed, magnitudes dominated by one contributor
 * suppressed, and every count perturbed by the cell-key method (at most ±2, mean 0, variance 1), so
 * the same cell always gets the same value however it is asked for. Analysts and officers may ask.
 */
export type Query = {
  __typename?: 'Query';
  /**
   * One table: `measure` by up to three `dimensions` (all combinations of their categories, in
   * catalogue order), restricted by `filter` (every condition must hold). Names as in statisticsCatalogue.
   */
  statistics?: Maybe<StatisticsTable>;
  /** The measures and dimensions that may be asked for, with definitions and sources. */
  statisticsCatalogue?: Maybe<StatisticsCatalogue>;
  /** Which extracts the figures are built from, and the latest refresh. */
  statisticsExtracts?: Maybe<StatisticsExtracts>;
  _service: _Service;
};


/**
 * Statistics (department `statistics`): figures that combine registries and never reveal a person.
 * Built from pseudonymised extracts each registry sends (only the attributes statistics needs, keyed
 * by a keyed hash of the person id the statistics side cannot reverse); every figure goes through
 * disclosure control: counts under the threshold suppressed, magnitudes dominated by one contributor
 * suppressed, and every count perturbed by the cell-key method (at most ±2, mean 0, variance 1), so
 * the same cell always gets the same value however it is asked for. Analysts and officers may ask.
 */
export type QueryStatisticsArgs = {
  measure: Scalars['String']['input'];
  dimensions?: Array<Scalars['String']['input']>;
  filter?: InputMaybe<Array<StatisticsFilter>>;
};

export type Mutation = {
  __typename?: 'Mutation';
  /**
   * Starts a refresh of every registry's extract now (officers with scope statistics:write, analysts
   * of the statistics department). Returns at once; a refresh already running is returned instead.
   */
  refreshStatistics?: Maybe<StatisticsRefresh>;
};

/** Keeps the records whose `dimension` is one of `values` (category codes). */
export type StatisticsFilter = {
  dimension: Scalars['String']['input'];
  values: Array<Scalars['String']['input']>;
};

export type StatisticsTable = {
  __typename?: 'StatisticsTable';
  measure: Scalars['String']['output'];
  dimensions: Array<Scalars['String']['output']>;
  /** The filter as applied (dimension=code|code; ...), empty when none. */
  filter: Scalars['String']['output'];
  /** Every combination of the dimensions' categories, in catalogue order. */
  cells: Array<StatisticsCell>;
  /** The whole table (everything the filter keeps), perturbed as its own cell. */
  total: StatisticsCell;
  /** The extracts the figures come from, each with its as-of time. */
  sources: Array<StatisticsSource>;
  /** Counts under this are suppressed. */
  threshold: Scalars['Int']['output'];
  /** What the figures mean and how they were protected; goes with the table wherever it is used. */
  notes: Array<Scalars['String']['output']>;
};

export type StatisticsCell = {
  __typename?: 'StatisticsCell';
  /** Category codes, one per dimension, in the order of `dimensions`. */
  categories: Array<Scalars['String']['output']>;
  /** Their labels. */
  labels: Array<Scalars['String']['output']>;
  status: StatisticsCellStatus;
  /** Perturbed count; null when suppressed. */
  count?: Maybe<Scalars['Int']['output']>;
  /** Perturbed sum of the measure's magnitude; null when suppressed or the measure has none. */
  sum?: Maybe<Scalars['Float']['output']>;
  /** Perturbed sum / perturbed count. */
  mean?: Maybe<Scalars['Float']['output']>;
};

export type StatisticsCellStatus =
  | 'PUBLISHED'
  /** Fewer records than the threshold. */
  | 'SUPPRESSED_SMALL'
  /** One contributor holds more than the dominance share of the sum (sum and mean withheld). */
  | 'SUPPRESSED_DOMINANT';

export type StatisticsCatalogue = {
  __typename?: 'StatisticsCatalogue';
  measures: Array<StatisticsMeasure>;
  dimensions: Array<StatisticsDimension>;
  /** Counts under this are suppressed. */
  threshold: Scalars['Int']['output'];
  /** Sums and means where one contributor holds more than this share are suppressed. */
  dominance: Scalars['Float']['output'];
  /** The largest deviation of a published count from the true count. */
  maxCountDeviation: Scalars['Int']['output'];
  /** The variance of the count perturbation. */
  countNoiseVariance: Scalars['Float']['output'];
};

export type StatisticsMeasure = {
  __typename?: 'StatisticsMeasure';
  name: Scalars['String']['output'];
  title: Scalars['String']['output'];
  definition: Scalars['String']['output'];
  /** Who is counted: PERSON (residents, joined across registries by pseudonym) or ORGANIZATION. */
  population: Scalars['String']['output'];
  /** Whether sums and means are published besides counts, and of what. */
  magnitude?: Maybe<Scalars['String']['output']>;
  unit?: Maybe<Scalars['String']['output']>;
  /** The registries the figures come from. */
  sources: Array<Scalars['String']['output']>;
  /** Dimensions it can be broken down by. */
  dimensions: Array<Scalars['String']['output']>;
};

export type StatisticsDimension = {
  __typename?: 'StatisticsDimension';
  name: Scalars['String']['output'];
  title: Scalars['String']['output'];
  definition: Scalars['String']['output'];
  population: Scalars['String']['output'];
  source: Scalars['String']['output'];
  categories: Array<StatisticsCategory>;
};

export type StatisticsCategory = {
  __typename?: 'StatisticsCategory';
  code: Scalars['String']['output'];
  label: Scalars['String']['output'];
};

export type StatisticsSource = {
  __typename?: 'StatisticsSource';
  registry: Scalars['String']['output'];
  asOf: Scalars['DateTime']['output'];
  records: Scalars['Int']['output'];
};

export type StatisticsExtracts = {
  __typename?: 'StatisticsExtracts';
  sources: Array<StatisticsSource>;
  lastRefresh?: Maybe<StatisticsRefresh>;
};

export type StatisticsRefresh = {
  __typename?: 'StatisticsRefresh';
  id: Scalars['ID']['output'];
  status: StatisticsRefreshStatus;
  /** SCHEDULE, ON_DEMAND or COMMAND (npm run statistics:refresh). */
  trigger: Scalars['String']['output'];
  startedAt: Scalars['DateTime']['output'];
  finishedAt?: Maybe<Scalars['DateTime']['output']>;
  asOf: Scalars['DateTime']['output'];
  /** Records received so far, per registry. */
  progress: Array<StatisticsSourceProgress>;
  /** Why it failed. */
  message?: Maybe<Scalars['String']['output']>;
};

export type StatisticsSourceProgress = {
  __typename?: 'StatisticsSourceProgress';
  registry: Scalars['String']['output'];
  records: Scalars['Int']['output'];
  done: Scalars['Boolean']['output'];
};

export type StatisticsRefreshStatus =
  | 'RUNNING'
  | 'COMPLETE'
  | 'FAILED';

export type Link__Purpose =
  /** `SECURITY` features provide metadata necessary to securely resolve fields. */
  | 'SECURITY'
  /** `EXECUTION` features provide metadata necessary for operation execution. */
  | 'EXECUTION';

export type _Service = {
  __typename?: '_Service';
  sdl?: Maybe<Scalars['String']['output']>;
};

export type WithIndex<TObject> = TObject & Record<string, any>;
export type ResolversObject<TObject> = WithIndex<TObject>;

export type ResolverTypeWrapper<T> = Promise<T> | T;


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





/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  StatisticsFilter: StatisticsFilter;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  StatisticsTable: ResolverTypeWrapper<TableModel>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  StatisticsCell: ResolverTypeWrapper<TableCellModel>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  StatisticsCellStatus: StatisticsCellStatus;
  StatisticsCatalogue: ResolverTypeWrapper<StatisticsCatalogue>;
  StatisticsMeasure: ResolverTypeWrapper<StatisticsMeasure>;
  StatisticsDimension: ResolverTypeWrapper<StatisticsDimension>;
  StatisticsCategory: ResolverTypeWrapper<StatisticsCategory>;
  StatisticsSource: ResolverTypeWrapper<SourceInfoModel>;
  StatisticsExtracts: ResolverTypeWrapper<Omit<StatisticsExtracts, 'sources' | 'lastRefresh'> & { sources: Array<ResolversTypes['StatisticsSource']>, lastRefresh?: Maybe<ResolversTypes['StatisticsRefresh']> }>;
  StatisticsRefresh: ResolverTypeWrapper<RefreshRunModel>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  StatisticsSourceProgress: ResolverTypeWrapper<StatisticsSourceProgress>;
  StatisticsRefreshStatus: StatisticsRefreshStatus;
  link__Purpose: Link__Purpose;
  link__Import: ResolverTypeWrapper<Scalars['link__Import']['output']>;
  federation__FieldSet: ResolverTypeWrapper<Scalars['federation__FieldSet']['output']>;
  federation__Scope: ResolverTypeWrapper<Scalars['federation__Scope']['output']>;
  federation__Policy: ResolverTypeWrapper<Scalars['federation__Policy']['output']>;
  _Any: ResolverTypeWrapper<Scalars['_Any']['output']>;
  _Service: ResolverTypeWrapper<_Service>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  Query: Record<PropertyKey, never>;
  Mutation: Record<PropertyKey, never>;
  StatisticsFilter: StatisticsFilter;
  DateTime: Scalars['DateTime']['output'];
  StatisticsTable: TableModel;
  Int: Scalars['Int']['output'];
  StatisticsCell: TableCellModel;
  Float: Scalars['Float']['output'];
  StatisticsCatalogue: StatisticsCatalogue;
  StatisticsMeasure: StatisticsMeasure;
  StatisticsDimension: StatisticsDimension;
  StatisticsCategory: StatisticsCategory;
  StatisticsSource: SourceInfoModel;
  StatisticsExtracts: Omit<StatisticsExtracts, 'sources' | 'lastRefresh'> & { sources: Array<ResolversParentTypes['StatisticsSource']>, lastRefresh?: Maybe<ResolversParentTypes['StatisticsRefresh']> };
  StatisticsRefresh: RefreshRunModel;
  ID: Scalars['ID']['output'];
  StatisticsSourceProgress: StatisticsSourceProgress;
  link__Import: Scalars['link__Import']['output'];
  federation__FieldSet: Scalars['federation__FieldSet']['output'];
  federation__Scope: Scalars['federation__Scope']['output'];
  federation__Policy: Scalars['federation__Policy']['output'];
  _Any: Scalars['_Any']['output'];
  _Service: _Service;
  String: Scalars['String']['output'];
  Boolean: Scalars['Boolean']['output'];
}>;

export type LinkDirectiveArgs = {
  url?: Maybe<Scalars['String']['input']>;
  as?: Maybe<Scalars['String']['input']>;
  for?: Maybe<Link__Purpose>;
  import?: Maybe<Array<Maybe<Scalars['link__Import']['input']>>>;
};

export type LinkDirectiveResolver<Result, Parent, ContextType = StatisticsContext, Args = LinkDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type Federation__KeyDirectiveArgs = {
  fields: Scalars['federation__FieldSet']['input'];
  resolvable?: Maybe<Scalars['Boolean']['input']>;
};

export type Federation__KeyDirectiveResolver<Result, Parent, ContextType = StatisticsContext, Args = Federation__KeyDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type Federation__RequiresDirectiveArgs = {
  fields: Scalars['federation__FieldSet']['input'];
};

export type Federation__RequiresDirectiveResolver<Result, Parent, ContextType = StatisticsContext, Args = Federation__RequiresDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type Federation__ProvidesDirectiveArgs = {
  fields: Scalars['federation__FieldSet']['input'];
};

export type Federation__ProvidesDirectiveResolver<Result, Parent, ContextType = StatisticsContext, Args = Federation__ProvidesDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type Federation__ExternalDirectiveArgs = {
  reason?: Maybe<Scalars['String']['input']>;
};

export type Federation__ExternalDirectiveResolver<Result, Parent, ContextType = StatisticsContext, Args = Federation__ExternalDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type Federation__TagDirectiveArgs = {
  name: Scalars['String']['input'];
};

export type Federation__TagDirectiveResolver<Result, Parent, ContextType = StatisticsContext, Args = Federation__TagDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type Federation__ExtendsDirectiveArgs = { };

export type Federation__ExtendsDirectiveResolver<Result, Parent, ContextType = StatisticsContext, Args = Federation__ExtendsDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type ShareableDirectiveArgs = { };

export type ShareableDirectiveResolver<Result, Parent, ContextType = StatisticsContext, Args = ShareableDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type Federation__InaccessibleDirectiveArgs = { };

export type Federation__InaccessibleDirectiveResolver<Result, Parent, ContextType = StatisticsContext, Args = Federation__InaccessibleDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type Federation__OverrideDirectiveArgs = {
  from: Scalars['String']['input'];
  label?: Maybe<Scalars['String']['input']>;
};

export type Federation__OverrideDirectiveResolver<Result, Parent, ContextType = StatisticsContext, Args = Federation__OverrideDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type Federation__ComposeDirectiveDirectiveArgs = {
  name?: Maybe<Scalars['String']['input']>;
};

export type Federation__ComposeDirectiveDirectiveResolver<Result, Parent, ContextType = StatisticsContext, Args = Federation__ComposeDirectiveDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type Federation__InterfaceObjectDirectiveArgs = { };

export type Federation__InterfaceObjectDirectiveResolver<Result, Parent, ContextType = StatisticsContext, Args = Federation__InterfaceObjectDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type Federation__AuthenticatedDirectiveArgs = { };

export type Federation__AuthenticatedDirectiveResolver<Result, Parent, ContextType = StatisticsContext, Args = Federation__AuthenticatedDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type Federation__RequiresScopesDirectiveArgs = {
  scopes: Array<Array<Scalars['federation__Scope']['input']>>;
};

export type Federation__RequiresScopesDirectiveResolver<Result, Parent, ContextType = StatisticsContext, Args = Federation__RequiresScopesDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type Federation__PolicyDirectiveArgs = {
  policies: Array<Array<Scalars['federation__Policy']['input']>>;
};

export type Federation__PolicyDirectiveResolver<Result, Parent, ContextType = StatisticsContext, Args = Federation__PolicyDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type QueryResolvers<ContextType = StatisticsContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  statistics?: Resolver<Maybe<ResolversTypes['StatisticsTable']>, ParentType, ContextType, RequireFields<QueryStatisticsArgs, 'measure' | 'dimensions'>>;
  statisticsCatalogue?: Resolver<Maybe<ResolversTypes['StatisticsCatalogue']>, ParentType, ContextType>;
  statisticsExtracts?: Resolver<Maybe<ResolversTypes['StatisticsExtracts']>, ParentType, ContextType>;
  _service?: Resolver<ResolversTypes['_Service'], ParentType, ContextType>;
}>;

export type MutationResolvers<ContextType = StatisticsContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  refreshStatistics?: Resolver<Maybe<ResolversTypes['StatisticsRefresh']>, ParentType, ContextType>;
}>;

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type StatisticsTableResolvers<ContextType = StatisticsContext, ParentType extends ResolversParentTypes['StatisticsTable'] = ResolversParentTypes['StatisticsTable']> = ResolversObject<{
  measure?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  dimensions?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  filter?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  cells?: Resolver<Array<ResolversTypes['StatisticsCell']>, ParentType, ContextType>;
  total?: Resolver<ResolversTypes['StatisticsCell'], ParentType, ContextType>;
  sources?: Resolver<Array<ResolversTypes['StatisticsSource']>, ParentType, ContextType>;
  threshold?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  notes?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type StatisticsCellResolvers<ContextType = StatisticsContext, ParentType extends ResolversParentTypes['StatisticsCell'] = ResolversParentTypes['StatisticsCell']> = ResolversObject<{
  categories?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  labels?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['StatisticsCellStatus'], ParentType, ContextType>;
  count?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  sum?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  mean?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
}>;

export type StatisticsCatalogueResolvers<ContextType = StatisticsContext, ParentType extends ResolversParentTypes['StatisticsCatalogue'] = ResolversParentTypes['StatisticsCatalogue']> = ResolversObject<{
  measures?: Resolver<Array<ResolversTypes['StatisticsMeasure']>, ParentType, ContextType>;
  dimensions?: Resolver<Array<ResolversTypes['StatisticsDimension']>, ParentType, ContextType>;
  threshold?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  dominance?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  maxCountDeviation?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  countNoiseVariance?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
}>;

export type StatisticsMeasureResolvers<ContextType = StatisticsContext, ParentType extends ResolversParentTypes['StatisticsMeasure'] = ResolversParentTypes['StatisticsMeasure']> = ResolversObject<{
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  definition?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  population?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  magnitude?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  unit?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  sources?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  dimensions?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type StatisticsDimensionResolvers<ContextType = StatisticsContext, ParentType extends ResolversParentTypes['StatisticsDimension'] = ResolversParentTypes['StatisticsDimension']> = ResolversObject<{
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  definition?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  population?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  source?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  categories?: Resolver<Array<ResolversTypes['StatisticsCategory']>, ParentType, ContextType>;
}>;

export type StatisticsCategoryResolvers<ContextType = StatisticsContext, ParentType extends ResolversParentTypes['StatisticsCategory'] = ResolversParentTypes['StatisticsCategory']> = ResolversObject<{
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  label?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type StatisticsSourceResolvers<ContextType = StatisticsContext, ParentType extends ResolversParentTypes['StatisticsSource'] = ResolversParentTypes['StatisticsSource']> = ResolversObject<{
  registry?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  asOf?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  records?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type StatisticsExtractsResolvers<ContextType = StatisticsContext, ParentType extends ResolversParentTypes['StatisticsExtracts'] = ResolversParentTypes['StatisticsExtracts']> = ResolversObject<{
  sources?: Resolver<Array<ResolversTypes['StatisticsSource']>, ParentType, ContextType>;
  lastRefresh?: Resolver<Maybe<ResolversTypes['StatisticsRefresh']>, ParentType, ContextType>;
}>;

export type StatisticsRefreshResolvers<ContextType = StatisticsContext, ParentType extends ResolversParentTypes['StatisticsRefresh'] = ResolversParentTypes['StatisticsRefresh']> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['StatisticsRefreshStatus'], ParentType, ContextType>;
  trigger?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  startedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  finishedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  asOf?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  progress?: Resolver<Array<ResolversTypes['StatisticsSourceProgress']>, ParentType, ContextType>;
  message?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type StatisticsSourceProgressResolvers<ContextType = StatisticsContext, ParentType extends ResolversParentTypes['StatisticsSourceProgress'] = ResolversParentTypes['StatisticsSourceProgress']> = ResolversObject<{
  registry?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  records?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  done?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
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

export type _ServiceResolvers<ContextType = StatisticsContext, ParentType extends ResolversParentTypes['_Service'] = ResolversParentTypes['_Service']> = ResolversObject<{
  sdl?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type Resolvers<ContextType = StatisticsContext> = ResolversObject<{
  Query?: QueryResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  StatisticsTable?: StatisticsTableResolvers<ContextType>;
  StatisticsCell?: StatisticsCellResolvers<ContextType>;
  StatisticsCatalogue?: StatisticsCatalogueResolvers<ContextType>;
  StatisticsMeasure?: StatisticsMeasureResolvers<ContextType>;
  StatisticsDimension?: StatisticsDimensionResolvers<ContextType>;
  StatisticsCategory?: StatisticsCategoryResolvers<ContextType>;
  StatisticsSource?: StatisticsSourceResolvers<ContextType>;
  StatisticsExtracts?: StatisticsExtractsResolvers<ContextType>;
  StatisticsRefresh?: StatisticsRefreshResolvers<ContextType>;
  StatisticsSourceProgress?: StatisticsSourceProgressResolvers<ContextType>;
  link__Import?: GraphQLScalarType;
  federation__FieldSet?: GraphQLScalarType;
  federation__Scope?: GraphQLScalarType;
  federation__Policy?: GraphQLScalarType;
  _Any?: GraphQLScalarType;
  _Service?: _ServiceResolvers<ContextType>;
}>;

export type DirectiveResolvers<ContextType = StatisticsContext> = ResolversObject<{
  link?: LinkDirectiveResolver<any, any, ContextType>;
  federation__key?: Federation__KeyDirectiveResolver<any, any, ContextType>;
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
