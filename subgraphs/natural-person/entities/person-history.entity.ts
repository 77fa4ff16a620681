import { defineEntity, p, type InferEntity } from '@mikro-orm/postgresql';
import { RELATIONSHIPS } from './household-member.entity';

/**
 * Valid-time history of the fields this registry changes: marital status, registered address and
 * household membership. Maintained by triggers on `person` and `household_member` (migration
 * Migration20261122030000_personHistory), so every write, whatever makes it, leaves its trace:
 * the row open at a time (valid_from <= t < valid_to, valid_to null for the current one) says what
 * the person's record held then.
 */
export const PersonHistorySchema = defineEntity({
  name: 'PersonHistory',
  tableName: 'person_history',
  comment: 'What a person’s marital status, address and household were, and from when to when',
  properties: {
    id: p.uuid().primary(),
    personId: p.uuid(),
    validFrom: p.datetime(),
    validTo: p.datetime().nullable(),
    maritalStatus: p.string().length(20),
    registeredAddress: p.string().length(200),
    householdId: p.uuid().nullable(),
    relationship: p.enum([...RELATIONSHIPS]).nullable(),
  },
  indexes: [
    {
      name: 'person_history_person_idx',
      expression: 'create index "person_history_person_idx" on "person_history" ("person_id", "valid_from")',
    },
    {
      name: 'person_history_household_idx',
      expression: 'create index "person_history_household_idx" on "person_history" ("household_id", "valid_from")',
    },
  ],
});
export type PersonHistory = InferEntity<typeof PersonHistorySchema>;
