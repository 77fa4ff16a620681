import { rule } from 'graphql-shield';
import type { Caller } from '../shared/identity';
import { grants, isAuthenticated, refusal } from '../shared/rules';
import type { StatisticsContext } from './context';

/**
 * Who may ask for statistics (the aggregates row of the policy): analysts and officers. Citizens,
 * auditors and anonymous callers may not. Refreshing the extracts: officers with scope
 * statistics:write, and analysts of the statistics department. Types mirror schema/statistics.graphql.
 */

/** An analyst or an officer (any department): aggregates only, never a person. */
export function mayAskForStatistics(caller: Caller): boolean {
  const role = caller.identity?.role;
  return role === 'analyst' || role === 'officer';
}

/** An officer with statistics:write, or an analyst of the statistics department. */
export function mayRefreshStatistics(caller: Caller): boolean {
  const identity = caller.identity;
  if (!identity) return false;
  if (identity.role === 'officer') return grants(identity.scopes, 'statistics:write');
  return identity.role === 'analyst' && identity.dept === 'statistics';
}

const isAnalystOrOfficer = rule({ cache: 'no_cache' })((_parent, _args, ctx: StatisticsContext, info) =>
  mayAskForStatistics(ctx.caller) ? true : refusal(ctx, info, 'is for analysts and officers only'),
);

const mayRefresh = rule({ cache: 'no_cache' })((_parent, _args, ctx: StatisticsContext, info) =>
  mayRefreshStatistics(ctx.caller)
    ? true
    : refusal(
        ctx,
        info,
        'requires an officer token with scope statistics:write or an analyst of the statistics department',
      ),
);

// Reachable only through the guarded root fields; still listed, as nothing is open by default.
const within = isAuthenticated;

function all(...fields: string[]) {
  return Object.fromEntries(fields.map((field) => [field, within]));
}

export const permissions = {
  Query: {
    statistics: isAnalystOrOfficer,
    statisticsCatalogue: isAnalystOrOfficer,
    statisticsExtracts: isAnalystOrOfficer,
  },
  Mutation: { refreshStatistics: mayRefresh },
  StatisticsTable: all('measure', 'dimensions', 'filter', 'cells', 'total', 'sources', 'threshold', 'notes'),
  StatisticsCell: all('categories', 'labels', 'status', 'count', 'sum', 'mean'),
  StatisticsCatalogue: all(
    'measures',
    'dimensions',
    'threshold',
    'dominance',
    'maxCountDeviation',
    'countNoiseVariance',
  ),
  StatisticsMeasure: all('name', 'title', 'definition', 'population', 'magnitude', 'unit', 'sources', 'dimensions'),
  StatisticsDimension: all('name', 'title', 'definition', 'population', 'source', 'categories'),
  StatisticsCategory: all('code', 'label'),
  StatisticsSource: all('registry', 'asOf', 'records'),
  StatisticsExtracts: all('sources', 'lastRefresh'),
  StatisticsRefresh: all('id', 'status', 'trigger', 'startedAt', 'finishedAt', 'asOf', 'progress', 'message'),
  StatisticsSourceProgress: all('registry', 'records', 'done'),
};
