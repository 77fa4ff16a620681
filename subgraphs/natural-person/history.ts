import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { rawQuery } from '../shared/sql';

/**
 * Reading the valid-time history (entities/person-history.entity.ts): a person's state, or a
 * household's members, at the end of a date (UTC). Each loader is one statement per batch.
 */

export interface HistoryRow {
  key: string;
  personId: string;
  validFrom: Date;
  validTo: Date | null;
  maritalStatus: string;
  registeredAddress: string;
  householdId: string | null;
  relationship: string | null;
}

/** Person.asOf's parent: whose record, on which date, and the history row open then. */
export interface PersonAsOfParent {
  personId: string;
  date: string;
  row: HistoryRow;
}

/** A household as it stood on `date`, reached through `personId`. */
export interface HouseholdAsOfParent {
  personId: string;
  householdId: string;
  date: string;
  relationship: string | null;
}

/** A member of a household on `date`. */
export interface HouseholdMemberAsOfParent {
  householdId: string;
  date: string;
  personId: string;
  relationship: string | null;
}

const COLUMNS = `h.person_id as "personId", h.valid_from as "validFrom", h.valid_to as "validTo",
  h.marital_status as "maritalStatus", h.registered_address as "registeredAddress",
  h.household_id as "householdId", h.relationship`;

const split = (key: string) => key.split('|') as [string, string];

export function historyLoaders(em: EntityManager) {
  return {
    /** Keyed `personId|date`. */
    personAsOf: new DataLoader<string, HistoryRow | null>(async (keys) => {
      const pairs = keys.map(split);
      const rows = await rawQuery<HistoryRow>(
        em,
        `select x.person_id || '|' || x.day as key, ${COLUMNS}
         from unnest(?::uuid[], ?::text[]) as x(person_id, day)
         join person_history h on h.person_id = x.person_id
           and h.valid_from < x.day::date + 1 and (h.valid_to is null or h.valid_to >= x.day::date + 1)`,
        [pairs.map((p) => p[0]), pairs.map((p) => p[1])],
      );
      return keys.map((key) => rows.find((row) => row.key === key) ?? null);
    }),
    /** Keyed `householdId|date`: the members then, head first. */
    membersAsOf: new DataLoader<string, HistoryRow[]>(async (keys) => {
      const pairs = keys.map(split);
      const rows = await rawQuery<HistoryRow>(
        em,
        `select x.household_id || '|' || x.day as key, ${COLUMNS}
         from unnest(?::uuid[], ?::text[]) as x(household_id, day)
         join person_history h on h.household_id = x.household_id
           and h.valid_from < x.day::date + 1 and (h.valid_to is null or h.valid_to >= x.day::date + 1)
         order by (h.relationship = 'HEAD') desc, h.valid_from, h.person_id`,
        [pairs.map((p) => p[0]), pairs.map((p) => p[1])],
      );
      return keys.map((key) => rows.filter((row) => row.key === key));
    }),
  };
}
