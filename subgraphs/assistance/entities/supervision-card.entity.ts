import { defineEntity, p, type InferEntity } from '@mikro-orm/postgresql';
import { ApplicationSchema } from './application.entity';

export const CARD_COLOURS = ['YELLOW', 'RED'] as const;

/**
 * A supervision card (督办单) raised to the department when its case turned yellow or red: one per
 * colour and deadline (a deadline moved by a pause can turn yellow again), kept with the case, open
 * until an officer of the department acknowledges it.
 */
export const SupervisionCardSchema = defineEntity({
  name: 'SupervisionCard',
  tableName: 'supervision_card',
  uniques: [{ name: 'supervision_card_episode_unique', properties: ['application', 'colour', 'deadline'] }],
  indexes: [
    {
      name: 'supervision_card_open_idx',
      expression:
        'create index "supervision_card_open_idx" on "supervision_card" ("department", "raised_on") where "acknowledged_at" is null',
    },
  ],
  properties: {
    id: p.bigint('number').primary().autoincrement(),
    application: () => p.manyToOne(ApplicationSchema).mapToPk(),
    colour: p.enum([...CARD_COLOURS]),
    raisedOn: p.date(),
    deadline: p.date(),
    department: p.string().length(40),
    createdAt: p.datetime(),
    acknowledgedAt: p.datetime().nullable(),
    acknowledgedBySub: p.string().length(100).nullable(),
    acknowledgedByRole: p.string().length(20).nullable(),
    acknowledgedByDept: p.string().length(40).nullable(),
    acknowledgedPurpose: p.string().length(200).nullable(),
    acknowledgementNote: p.string().length(500).nullable(),
  },
});

export type SupervisionCard = InferEntity<typeof SupervisionCardSchema>;
