import { defineEntity, p, type InferEntity } from '@mikro-orm/postgresql';
import { ApplicationSchema } from './application.entity';

/** An objection to a public notice, attached to its case. */
export const ObjectionSchema = defineEntity({
  name: 'Objection',
  tableName: 'objection',
  properties: {
    id: p.uuid().primary(),
    application: () => p.manyToOne(ApplicationSchema).mapToPk().index('objection_application_idx'),
    text: p.string().length(500),
    lodgedAt: p.datetime(),
    lodgedBySub: p.string().length(100).nullable(),
    lodgedByRole: p.string().length(20).nullable(),
    lodgedByDept: p.string().length(40).nullable(),
  },
});

export type Objection = InferEntity<typeof ObjectionSchema>;
