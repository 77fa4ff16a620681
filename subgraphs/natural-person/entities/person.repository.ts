import type { EntityManager } from '@mikro-orm/postgresql';
import {
  columnList,
  columnsAs,
  keyMatch,
  rawQuery,
  readJoined,
  readPlain,
  selector,
  type ReadMode,
} from '../../shared/sql';
import { HouseholdMemberSchema, RELATIONSHIPS, type HouseholdMember } from './household-member.entity';
import { HouseholdSchema, type Household } from './household.entity';
import { PersonSchema, type Person } from './person.entity';

/** Named queries of the natural-person registry. Each batch method is one statement. */
export class PersonRepository {
  private readonly select;
  private readonly columns;

  constructor(em: EntityManager, mode: ReadMode = {}) {
    this.select = selector(em, mode);
    this.columns = columnList(em, PersonSchema);
  }

  findByIds(ids: readonly string[]): Promise<Person[]> {
    return this.byKey('id', 'uuid', ids);
  }

  findByIdNumbers(idNumbers: readonly string[]): Promise<Person[]> {
    return this.byKey('id_number', 'bpchar', idNumbers);
  }

  /** People whose key column holds one of `keys` (a named statement per column and batch form). */
  private byKey(column: string, type: string, keys: readonly string[]): Promise<Person[]> {
    const match = keyMatch(column, type, keys);
    return this.select(PersonSchema, `select ${this.columns} from person where ${match.condition}`, [match.value], {
      prepared: true,
    });
  }
}

export class HouseholdRepository {
  private readonly select;

  constructor(
    private readonly em: EntityManager,
    mode: ReadMode = {},
  ) {
    this.select = selector(em, mode);
  }

  findByNumbers(numbers: readonly string[]): Promise<Household[]> {
    return this.select(HouseholdSchema, 'select * from household where number = any(?::bpchar[])', [numbers]);
  }

  findByIds(ids: readonly string[]): Promise<Household[]> {
    return this.select(HouseholdSchema, 'select * from household where id = any(?::uuid[])', [ids]);
  }

  /**
   * Members of the given households (head, spouse, children, then the rest, each in registration
   * order), each with the member's person, in one statement (read-only: plain objects). Reading a
   * household's members and then their persons was two statements on every lookup with household.
   */
  async membersWithPersonsOf(householdIds: readonly string[]): Promise<{ member: HouseholdMember; person: Person }[]> {
    const match = keyMatch('m.household_id', 'uuid', householdIds);
    const rows = await rawQuery<Record<string, unknown>>(
      this.em,
      `select ${columnsAs(this.em, HouseholdMemberSchema, 'm', 'member')}, ${columnsAs(this.em, PersonSchema, 'p', 'person')}
       from household_member m join person p on p.id = m.person_id where ${match.condition}
       order by m.household_id, array_position(?::text[], m.relationship), m.created_at, m.id`,
      [match.value, RELATIONSHIPS],
      { prepared: true },
    );
    return readJoined(this.em, rows, { member: HouseholdMemberSchema, person: PersonSchema }).map((row) => ({
      member: row.member!,
      person: row.person!,
    }));
  }

  /**
   * The given persons (by id or by ID number), each with their household (null when they have
   * none) and its members with the members' persons, in one statement (read-only: plain objects,
   * as householdsOf and membersWithPersonsOf give them, members in the same order). A lookup that
   * reads the household otherwise takes three statements: the person, householdsOf, then
   * membersWithPersonsOf.
   */
  async personsWithHouseholds(
    by: 'id' | 'idNumber',
    keys: readonly string[],
  ): Promise<
    { person: Person; household: Household | null; members: { member: HouseholdMember; person: Person }[] }[]
  > {
    const em = this.em;
    const match = by === 'id' ? keyMatch('p.id', 'uuid', keys) : keyMatch('p.id_number', 'bpchar', keys);
    const rows = await rawQuery<Record<string, unknown>>(
      em,
      `select ${columnsAs(em, PersonSchema, 'p', 'person')}, ${columnsAs(em, HouseholdSchema, 'h', 'household')},
         ${columnsAs(em, HouseholdMemberSchema, 'm', 'member')}, ${columnsAs(em, PersonSchema, 'mp', 'member_person')}
       from person p
       left join household_member pm on pm.person_id = p.id
       left join household h on h.id = pm.household_id
       left join household_member m on m.household_id = h.id
       left join person mp on mp.id = m.person_id
       where ${match.condition}
       order by p.id, array_position(?::text[], m.relationship), m.created_at, m.id`,
      [match.value, RELATIONSHIPS],
      { prepared: true },
    );
    const found: {
      person: Person;
      household: Household | null;
      members: { member: HouseholdMember; person: Person }[];
    }[] = [];
    const joined = readJoined(em, rows, {
      person: PersonSchema,
      household: HouseholdSchema,
      member: HouseholdMemberSchema,
      member_person: PersonSchema,
    });
    for (const row of joined) {
      let last = found[found.length - 1];
      if (last?.person.id !== row.person!.id) {
        last = { person: row.person!, household: row.household, members: [] };
        found.push(last);
      }
      if (row.member && row.member_person) last.members.push({ member: row.member, person: row.member_person });
    }
    return found;
  }

  /** The membership row of each given person (a person is in exactly one household). */
  membershipsOf(personIds: readonly string[]): Promise<HouseholdMember[]> {
    return this.select(HouseholdMemberSchema, 'select * from household_member where person_id = any(?::uuid[])', [
      personIds,
    ]);
  }

  /**
   * The household of each given person, with the person's id, in one statement (their membership
   * and its household). Read-only: plain objects, as a read-only repository gives them.
   */
  async householdsOf(personIds: readonly string[]): Promise<{ personId: string; household: Household }[]> {
    const match = keyMatch('m.person_id', 'uuid', personIds);
    const rows = await rawQuery<Record<string, unknown> & { member_person_id: string }>(
      this.em,
      `select ${columnList(this.em, HouseholdSchema, 'h')}, m.person_id as member_person_id from household_member m
       join household h on h.id = m.household_id where ${match.condition}`,
      [match.value],
      { prepared: true },
    );
    const households = readPlain(
      this.em,
      HouseholdSchema,
      rows.map(({ member_person_id: _person, ...household }) => household),
    );
    return rows.map((row, i) => ({ personId: row.member_person_id, household: households[i] }));
  }

  /** The next free household number, 9 digits. */
  async nextNumber(): Promise<string> {
    const [row] = await rawQuery<{ n: string }>(this.em, `select nextval('household_number_seq') as n`);
    return String(row.n).padStart(9, '0');
  }
}
