import type { EntityManager } from '@mikro-orm/postgresql';
import { rawQuery, selectEntities } from '../../shared/sql';
import { HouseholdMemberSchema, RELATIONSHIPS, type HouseholdMember } from './household-member.entity';
import { HouseholdSchema, type Household } from './household.entity';
import { PersonSchema, type Person } from './person.entity';

/** Named queries of the natural-person registry. Each batch method is one statement. */
export class PersonRepository {
  constructor(private readonly em: EntityManager) {}

  findByIds(ids: readonly string[]): Promise<Person[]> {
    return selectEntities(this.em, PersonSchema, 'select * from person where id = any(?::uuid[])', [ids]);
  }

  findByIdNumbers(idNumbers: readonly string[]): Promise<Person[]> {
    return selectEntities(this.em, PersonSchema, 'select * from person where id_number = any(?::bpchar[])', [
      idNumbers,
    ]);
  }
}

export class HouseholdRepository {
  constructor(private readonly em: EntityManager) {}

  findByNumbers(numbers: readonly string[]): Promise<Household[]> {
    return selectEntities(this.em, HouseholdSchema, 'select * from household where number = any(?::bpchar[])', [
      numbers,
    ]);
  }

  findByIds(ids: readonly string[]): Promise<Household[]> {
    return selectEntities(this.em, HouseholdSchema, 'select * from household where id = any(?::uuid[])', [ids]);
  }

  /** Members of the given households: head, spouse, children, then the rest, each in registration order. */
  membersOf(householdIds: readonly string[]): Promise<HouseholdMember[]> {
    return selectEntities(
      this.em,
      HouseholdMemberSchema,
      `select * from household_member where household_id = any(?::uuid[])
       order by household_id, array_position(?::text[], relationship), created_at, id`,
      [householdIds, RELATIONSHIPS],
    );
  }

  /** The membership row of each given person (a person is in exactly one household). */
  membershipsOf(personIds: readonly string[]): Promise<HouseholdMember[]> {
    return selectEntities(
      this.em,
      HouseholdMemberSchema,
      'select * from household_member where person_id = any(?::uuid[])',
      [personIds],
    );
  }

  /** The next free household number, 9 digits. */
  async nextNumber(): Promise<string> {
    const [row] = await rawQuery<{ n: string }>(this.em, `select nextval('household_number_seq') as n`);
    return String(row.n).padStart(9, '0');
  }
}
