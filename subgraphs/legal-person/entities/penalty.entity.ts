import { defineEntity, p, type InferEntity } from '@mikro-orm/postgresql';
import { baseProperties } from '../../shared/entity-base';
import { OrganizationSchema } from './organization.entity';

/** An administrative penalty decision against an organization. */
export const PenaltySchema = defineEntity({
  name: 'Penalty',
  tableName: 'penalty',
  properties: {
    ...baseProperties(),
    organization: () => p.manyToOne(OrganizationSchema).index('penalty_organization_idx'),
    decisionNumber: p.string().length(64).unique('penalty_decision_number_unique'),
    decidedOn: p.date(),
    reason: p.string().length(1000),
    amount: p.decimal('string').precision(14).scale(2),
    authority: p.string().length(100),
  },
});

export type Penalty = InferEntity<typeof PenaltySchema>;
