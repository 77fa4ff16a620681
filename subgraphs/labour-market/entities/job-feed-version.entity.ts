import { defineEntity, p } from '@mikro-orm/postgresql';

/**
 * One row (id 1): bumped by a trigger in the same transaction as every statement that writes
 * job_posting, so cached feed counts keyed by it are used only while no posting has changed.
 */
export const JobFeedVersionSchema = defineEntity({
  name: 'JobFeedVersion',
  tableName: 'job_feed_version',
  properties: {
    id: p.integer().primary().autoincrement(false),
    version: p.bigint(),
  },
});
