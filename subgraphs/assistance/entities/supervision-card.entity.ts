import { defineEntity, p, type InferEntity } from '@mikro-orm/postgresql';
import { ApplicationSchema } from './application.entity';

export const CARD_COLOURS = ['YELLOW', 'RED'] as const;

/** A supervision card (督办单) raised to the department when its case turned yellow or red; one per colour. */
export const SupervisionCardSchema = defineEntity({
  name: 'SupervisionCard',
  tableName: 'supervision_card',
  uniques: [{ name: 'supervision_card_colour_unique', properties: ['application', 'colour'] }],
  properties: {
    id: p.bigint('number').primary().autoincrement(),
    application: () => p.manyToOne(ApplicationSchema).mapToPk(),
    colour: p.enum([...CARD_COLOURS]),
    raisedOn: p.date(),
    deadline: p.date(),
    department: p.string().length(40),
    createdAt: p.datetime(),
  },
});

export type SupervisionCard = InferEntity<typeof SupervisionCardSchema>;
