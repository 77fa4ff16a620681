import type { QueryResolvers } from '../generated/graphql';
import { COUNT_NOISE } from '../../shared/statistics/disclosure';
import { DIMENSIONS, MEASURES } from '../catalogue';
import { lastRun } from '../refresh';
import { readSources } from '../store';

export const Query: QueryResolvers = {
  statistics: (_parent, { measure, dimensions, filter }, ctx) =>
    ctx.statistics.table(
      ctx.caller,
      measure,
      dimensions,
      (filter ?? []).map((f) => ({ dimension: f.dimension, values: f.values })),
    ),

  statisticsCatalogue: (_parent, _args, ctx) => ({
    measures: MEASURES.map((m) => ({
      name: m.name,
      title: m.title,
      definition: m.definition,
      population: m.population,
      magnitude: m.magnitude?.title ?? null,
      unit: m.magnitude?.unit ?? null,
      sources: m.sources,
      dimensions: DIMENSIONS.filter((d) => d.population === m.population).map((d) => d.name),
    })),
    dimensions: DIMENSIONS.map((d) => ({
      name: d.name,
      title: d.title,
      definition: d.definition,
      population: d.population,
      source: d.source,
      categories: d.categories,
    })),
    threshold: ctx.statistics.settings.threshold,
    dominance: ctx.statistics.settings.dominance,
    maxCountDeviation: COUNT_NOISE.maxDeviation,
    countNoiseVariance: COUNT_NOISE.variance,
  }),

  statisticsExtracts: async (_parent, _args, ctx) => ({
    sources: await readSources(ctx.statistics.knex),
    lastRefresh: ctx.statistics.refresher.active ?? (await lastRun(ctx.statistics.knex)),
  }),
};
