import { defineEntity, p, type InferEntity } from '@mikro-orm/postgresql';
import { baseProperties } from '../../shared/entity-base';
import { PersonSchema } from './person.entity';

/** A household (户): a number, an address and a head; its members are HouseholdMember rows. */
export const HouseholdSchema = defineEntity({
  name: 'Household',
  tableName: 'household',
  properties: {
    ...baseProperties(),
    /** Household number (户号), 9 digits, issued from household_number_seq. */
    number: p.string().columnType('char(9)').unique('household_number_unique'),
    districtCode: p.string().columnType('char(6)'),
    address: p.string().length(200),
    head: () => p.manyToOne(PersonSchema).index('household_head_idx'),
  },
});

export type Household = InferEntity<typeof HouseholdSchema>;
