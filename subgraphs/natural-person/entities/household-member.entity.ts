import { defineEntity, p, type InferEntity } from '@mikro-orm/postgresql';
import { baseProperties } from '../../shared/entity-base';
import { HouseholdSchema } from './household.entity';
import { PersonSchema } from './person.entity';

export const RELATIONSHIPS = [
  'HEAD',
  'SPOUSE',
  'CHILD',
  'PARENT',
  'GRANDCHILD',
  'GRANDPARENT',
  'SIBLING',
  'OTHER',
] as const;

/** A person's membership of a household. A person is registered in exactly one household. */
export const HouseholdMemberSchema = defineEntity({
  name: 'HouseholdMember',
  tableName: 'household_member',
  properties: {
    ...baseProperties(),
    household: () => p.manyToOne(HouseholdSchema).index('household_member_household_idx'),
    person: () => p.manyToOne(PersonSchema).unique('household_member_person_unique'),
    /** Relationship to the head of the household. */
    relationship: p.enum([...RELATIONSHIPS]),
  },
});

export type HouseholdMember = InferEntity<typeof HouseholdMemberSchema>;
