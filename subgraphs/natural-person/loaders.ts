import type { EntityManager } from '@mikro-orm/postgresql';
import { groupedLoader, keyedLoader } from '../shared/loaders';
import { isUuid } from '../shared/validation';
import { historyLoaders } from './history';
import { ConsentRepository } from './entities/consent.repository';
import { HouseholdRepository, PersonRepository } from './entities/person.repository';

/** The natural-person registry's per-request loaders: every cross-entity lookup goes through one. */
export function createLoaders(em: EntityManager) {
  // What loaders read is only read (answers and permission checks): plain objects, not managed entities.
  const people = new PersonRepository(em, { readOnly: true });
  const households = new HouseholdRepository(em, { readOnly: true });
  const consent = new ConsentRepository(em);
  const person = keyedLoader(
    (ids) => people.findByIds(ids),
    (p) => p.id,
    isUuid,
  );
  return {
    ...historyLoaders(em),
    consentRequest: keyedLoader(
      (ids) => consent.requestsByIds(ids),
      (r) => r.id,
      isUuid,
    ),
    consentGrant: keyedLoader(
      (ids) => consent.grantsByIds(ids),
      (g) => g.id,
      isUuid,
    ),
    grantOfRequest: keyedLoader(
      (ids) => consent.grantsOfRequests(ids),
      (g) => g.requestId,
      isUuid,
    ),
    person,
    personByIdNumber: keyedLoader(
      (numbers) => people.findByIdNumbers(numbers),
      (p) => p.idNumber,
    ),
    household: keyedLoader(
      (numbers) => households.findByNumbers(numbers),
      (h) => h.number,
    ),
    householdById: keyedLoader(
      (ids) => households.findByIds(ids),
      (h) => h.id,
      isUuid,
    ),
    // Members come with their persons (one statement), which the person loader then has.
    householdMembers: groupedLoader(
      async (ids) => {
        const rows = await households.membersWithPersonsOf(ids);
        for (const row of rows) person.prime(row.person.id, row.person);
        return rows.map((row) => row.member);
      },
      (m) => m.household.id,
      isUuid,
    ),
    /** Each person's household (Person.household), membership and household in one statement. */
    householdOf: keyedLoader(
      (ids) => households.householdsOf(ids),
      (m) => m.personId,
      isUuid,
    ),
    membership: keyedLoader(
      (ids) => households.membershipsOf(ids),
      (m) => m.person.id,
      isUuid,
    ),
  };
}

export type NaturalPersonLoaders = ReturnType<typeof createLoaders>;
