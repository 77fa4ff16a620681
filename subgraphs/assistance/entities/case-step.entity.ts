import { defineEntity, p, type InferEntity } from '@mikro-orm/postgresql';
import { APPLICATION_STATUSES } from '../programmes';
import { ApplicationSchema } from './application.entity';

/** One step of a case record: who moved it, when, from where to where, under which purpose, and why. */
export const CaseStepSchema = defineEntity({
  name: 'CaseStep',
  tableName: 'case_step',
  properties: {
    id: p.bigint('number').primary().autoincrement(),
    application: () => p.manyToOne(ApplicationSchema).mapToPk().index('case_step_application_idx'),
    at: p.datetime(),
    fromStatus: p.enum([...APPLICATION_STATUSES]).nullable(),
    toStatus: p.enum([...APPLICATION_STATUSES]),
    actorSub: p.string().length(100),
    actorRole: p.string().length(20),
    actorDept: p.string().length(40).nullable(),
    purpose: p.string().length(200).nullable(),
    note: p.string().length(500).nullable(),
  },
});

export type CaseStep = InferEntity<typeof CaseStepSchema>;
