import type { MutationResolvers } from '../generated/graphql';

export const Mutation: MutationResolvers = {
  refreshStatistics: async (_parent, _args, ctx) => {
    const { run } = await ctx.statistics.refresher.start('ON_DEMAND', ctx.caller.identity?.sub ?? null);
    return run;
  },
};
