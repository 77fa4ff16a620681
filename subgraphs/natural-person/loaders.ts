import type { EntityManager } from '@mikro-orm/postgresql';
import { eagerLoader, groupedLoader, keyedLoader } from '../shared/loaders';
import { isUuid } from '../shared/validation';
import { historyLoaders } from './history';
import { ConsentRepository } from './entities/consent.repository';
import type { HouseholdMember } from './entities/household-member.entity';
import type { Household } from './entities/household.entity';
import type { Person } from './entities/person.entity';
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
  const personByIdNumber = keyedLoader(
    (numbers: string[]) => people.findByIdNumbers(numbers),
    (p) => p.idNumber,
  );
  const household = keyedLoader(
    (numbers: string[]) => households.findByNumbers(numbers),
    (h) => h.number,
  );
  const householdById = keyedLoader(
    (ids: string[]) => households.findByIds(ids),
    (h) => h.id,
    isUuid,
  );
  // Members come with their persons (one statement), which the person loader then has.
  const householdMembers = groupedLoader(
    async (ids: string[]) => {
      const rows = await households.membersWithPersonsOf(ids);
      for (const row of rows) person.prime(row.person.id, row.person);
      return rows.map((row) => row.member);
    },
    (m) => m.household.id,
    isUuid,
  );
  /** Each person's household (Person.household), membership and household in one statement. */
  const householdOf = keyedLoader(
    (ids: string[]) => households.householdsOf(ids),
    (m) => m.personId,
    isUuid,
  );
  const membership = keyedLoader(
    (ids: string[]) => households.membershipsOf(ids),
    (m) => m.person.id,
    isUuid,
  );

  /**
   * What personsWithHouseholds read, handed to the loaders that Person.household, Household.*,
   * HouseholdMember.person and the household rules (whose subjects are the members) read through.
   */
  const primeHouseholds = (
    found: { person: Person; household: Household | null; members: { member: HouseholdMember; person: Person }[] }[],
  ): Person[] => {
    for (const { person: looked, household: home, members } of found) {
      person.prime(looked.id, looked);
      personByIdNumber.prime(looked.idNumber, looked);
      householdOf.prime(looked.id, home ? { personId: looked.id, household: home } : null);
      if (!home) {
        membership.prime(looked.id, null);
        continue;
      }
      household.prime(home.number, home);
      householdById.prime(home.id, home);
      householdMembers.prime(
        home.id,
        members.map((m) => m.member),
      );
      for (const { member, person: theirs } of members) {
        person.prime(theirs.id, theirs);
        membership.prime(theirs.id, member);
      }
    }
    return found.map((f) => f.person);
  };

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
    personByIdNumber,
    household,
    householdById,
    householdMembers,
    householdOf,
    membership,
    /**
     * The same persons, with their households and members in the same statement: for a request
     * that reads Person.household (see Query.ts), one statement instead of three.
     */
    personWithHousehold: eagerLoader(
      person,
      async (ids) => primeHouseholds(await households.personsWithHouseholds('id', ids)),
      (p) => p.id,
      isUuid,
    ),
    personWithHouseholdByIdNumber: eagerLoader(
      personByIdNumber,
      async (numbers) => primeHouseholds(await households.personsWithHouseholds('idNumber', numbers)),
      (p) => p.idNumber,
    ),
  };
}

export type NaturalPersonLoaders = ReturnType<typeof createLoaders>;
