import type { RELATIONSHIPS } from '../subgraphs/natural-person/entities/household-member.entity';
import { CHENGDU_DISTRICT_CODES, type ChengduDistrictCode } from '../subgraphs/shared/domain/divisions';
import type { ETHNIC_GROUPS } from '../subgraphs/shared/domain/ethnicity';
import { makeIdNumber } from '../subgraphs/shared/domain/id-number';
import { homeAddress, pickDistrict } from './addresses';
import { type Gender, pickGivenName, pickSurname, tibetanName } from './names';
import { type Random, weightedTable } from './random';

/**
 * The natural-person registry's demo data: households built the way families are (a head, often a
 * spouse, children born when their mother was 20 to 42, sometimes the head's parents or
 * grandchildren), each person with an ID number that encodes their district, birth date and gender.
 * Rows are keyed by the column names of the initial migration, ready for the bulk loader.
 */

/** The day the demo data describes: ages, deaths and penalty dates are as of this day. */
export const SEED_AS_OF = '2026-11-01';
/** created_at/updated_at of every seeded row: fixed, so that output is reproducible. */
export const SEED_TIMESTAMP = `${SEED_AS_OF}T00:00:00.000Z`;
/** The first household number; later ones follow without gaps. */
export const FIRST_HOUSEHOLD_NUMBER = 100_000_001;

export type Relationship = (typeof RELATIONSHIPS)[number];
export type MaritalStatus = 'UNMARRIED' | 'MARRIED' | 'DIVORCED' | 'WIDOWED';
type Ethnicity = (typeof ETHNIC_GROUPS)[number];

export interface PersonRow {
  id: string;
  created_at: string;
  updated_at: string;
  id_number: string;
  name: string;
  gender: Gender;
  birth_date: string;
  ethnicity: Ethnicity;
  district_code: ChengduDistrictCode;
  registered_address: string;
  phone: string | null;
  marital_status: MaritalStatus;
  death_date: string | null;
  remarks: string | null;
}

export interface HouseholdRow {
  id: string;
  created_at: string;
  updated_at: string;
  number: string;
  district_code: ChengduDistrictCode;
  address: string;
  head_id: string;
}

export interface HouseholdMemberRow {
  id: string;
  created_at: string;
  updated_at: string;
  household_id: string;
  person_id: string;
  relationship: Relationship;
}

/** Rows per table of the natural-person database. */
export interface PeopleData {
  person: PersonRow[];
  household: HouseholdRow[];
  household_member: HouseholdMemberRow[];
}

// ---------------------------------------------------------------------------------------------
// Dates, as whole days since 1970-01-01 (UTC), so that arithmetic never meets a time zone.

const DAY_MS = 86_400_000;

/** Day number of an ISO date (YYYY-MM-DD). */
export function toDay(isoDate: string): number {
  return Date.parse(`${isoDate}T00:00:00Z`) / DAY_MS;
}

/** ISO date (YYYY-MM-DD) of a day number. */
export function isoDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The same calendar day `years` later (29 February becomes 1 March in other years). */
export function addYears(day: number, years: number): number {
  const date = new Date(day * DAY_MS);
  date.setUTCFullYear(date.getUTCFullYear() + years);
  return Math.round(date.getTime() / DAY_MS);
}

/** Completed years between two ISO dates. */
export function ageOn(birthDate: string, onDate: string): number {
  const years = Number(onDate.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return onDate.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

export const AS_OF_DAY = toDay(SEED_AS_OF);
const FIRST_BIRTH_DAY = toDay('1900-01-01');
const MAX_AGE = 95;
/** Legal minimum age of marriage (Civil Code art. 1047). */
export const MARRIAGE_AGE: Record<Gender, number> = { MALE: 22, FEMALE: 20 };
const OTHER_GENDER: Record<Gender, Gender> = { MALE: 'FEMALE', FEMALE: 'MALE' };

/** First and last birth day of someone who is `age` years old on the as-of day. */
function birthRangeForAge(age: number): [number, number] {
  return [addYears(AS_OF_DAY, -(age + 1)) + 1, addYears(AS_OF_DAY, -age)];
}

// ---------------------------------------------------------------------------------------------
// Attributes drawn independently of the family.

/** Mostly Han; otherwise the minorities that live in and around Sichuan, most often Yi and Tibetan. */
const MINORITIES = weightedTable<Ethnicity>([
  ['彝族', 30],
  ['藏族', 28],
  ['羌族', 12],
  ['回族', 10],
  ['土家族', 8],
  ['苗族', 5],
  ['满族', 3],
  ['蒙古族', 2],
  ['壮族', 2],
]);

/** Mobile number prefixes of the three carriers (and the newer 19x and 16x ranges). */
const PHONE_PREFIXES = [
  '130',
  '131',
  '132',
  '133',
  '134',
  '135',
  '136',
  '137',
  '138',
  '139',
  '150',
  '151',
  '152',
  '153',
  '155',
  '156',
  '157',
  '158',
  '159',
  '166',
  '173',
  '176',
  '177',
  '180',
  '181',
  '182',
  '183',
  '185',
  '186',
  '187',
  '188',
  '189',
  '191',
  '195',
  '197',
  '198',
  '199',
];

const REMARKS = [
  '户口簿遗失，已补领',
  '居民身份证已挂失，补领中',
  '由外省迁入，原户籍地四川省以外',
  '曾用名已核实登记',
  '服兵役期间户口保留',
];

/** Spouses and children often share a minority ethnicity, which lifts the overall share to about 6%. */
function pickEthnicity(rng: Random): Ethnicity {
  return rng.chance(0.96) ? '汉族' : rng.weighted(MINORITIES);
}

/** Most people from 16 have a phone; fewer of the very old do, and no children. */
function pickPhone(rng: Random, age: number): string | null {
  const share = age < 16 ? 0 : age < 75 ? 0.95 : age < 85 ? 0.8 : 0.55;
  if (!rng.chance(share)) return null;
  return rng.pick(PHONE_PREFIXES) + String(rng.int(0, 99_999_999)).padStart(8, '0');
}

/** Marital status of an adult who lives without a spouse in the household. */
function unpartneredStatus(rng: Random, age: number, gender: Gender): MaritalStatus {
  if (age < MARRIAGE_AGE[gender]) return 'UNMARRIED';
  if (age < 30)
    return rng.weighted([
      ['UNMARRIED', 88],
      ['MARRIED', 8],
      ['DIVORCED', 4],
    ] as const);
  if (age < 60)
    return rng.weighted([
      ['UNMARRIED', 35],
      ['DIVORCED', 35],
      ['MARRIED', 20],
      ['WIDOWED', 10],
    ] as const);
  return rng.weighted([
    ['WIDOWED', 62],
    ['DIVORCED', 15],
    ['MARRIED', 15],
    ['UNMARRIED', 8],
  ] as const);
}

/** An age in [min, max], leaning towards the middle (the mean of two uniform draws). */
function centralAge(rng: Random, min: number, max: number): number {
  return Math.round((rng.int(min, max) + rng.int(min, max)) / 2);
}

// ---------------------------------------------------------------------------------------------
// Households.

interface PersonSpec {
  gender: Gender;
  birthDay: number;
  surname: string;
  ethnicity: Ethnicity;
  maritalStatus: MaritalStatus;
}

interface Member {
  row: PersonRow;
  relationship: Relationship;
  surname: string;
  birthDay: number;
}

interface Draft {
  district: ChengduDistrictCode;
  address: string;
  members: Member[];
}

type Kind =
  | 'single'
  | 'couple'
  | 'nuclear'
  | 'singleParent'
  | 'withParents'
  | 'threeGenerations'
  | 'withSibling'
  | 'withGrandparent';

/** Shares of household types, roughly as in the census (average size about 2.8). */
const KINDS = weightedTable<Kind>([
  ['single', 22],
  ['couple', 20],
  ['nuclear', 34],
  ['singleParent', 6],
  ['withParents', 10],
  ['threeGenerations', 6],
  ['withSibling', 1.5],
  ['withGrandparent', 0.5],
]);

/**
 * An ID number as the generator tracks it: (birth day, district, sequence) packed into one small
 * integer, below 2^30 for any day from 1900 to 2030. Null for one the generator could never issue
 * (another region, another era), which therefore cannot collide with one it issues.
 */
export function idNumberKey(idNumber: string): number | null {
  const district = CHENGDU_DISTRICT_CODES.indexOf(idNumber.slice(0, 6) as ChengduDistrictCode);
  const birthDate = `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`;
  const sequence = Number(idNumber.slice(14, 17));
  const day = toDay(birthDate);
  if (district < 0 || !Number.isInteger(day) || day < FIRST_BIRTH_DAY || !/^\d{3}$/.test(idNumber.slice(14, 17))) {
    return null;
  }
  return packIdNumber(day, district, sequence);
}

function packIdNumber(birthDay: number, districtIndex: number, sequence: number): number {
  return (birthDay - FIRST_BIRTH_DAY) * 20_000 + districtIndex * 1000 + sequence;
}

/** Where a load that adds to existing data starts: household numbers after the last, ID numbers not yet issued. */
export interface PeopleStart {
  firstHouseholdNumber: number;
  /** idNumberKey of every ID number already registered. */
  takenIdNumbers: Set<number>;
}

class PeopleGenerator {
  /** Every (district, birth date, sequence) issued, as a number: strings would cost ~50 bytes more per person. */
  private readonly issued: Set<number>;

  constructor(
    private readonly rng: Random,
    taken?: Set<number>,
  ) {
    this.issued = taken ?? new Set<number>();
  }

  /** One household's members, head first. */
  household(): Draft {
    const district = pickDistrict(this.rng);
    const draft: Draft = { district, address: homeAddress(this.rng, district), members: [] };
    switch (this.rng.weighted(KINDS)) {
      case 'single':
        this.single(draft);
        break;
      case 'couple':
        // Young couples before children, and couples whose children have left.
        this.couple(draft, this.rng.chance(0.5) ? [22, 35] : [50, 88]);
        break;
      case 'nuclear':
        this.children(draft, this.couple(draft, [25, 65]), 'CHILD', 30);
        break;
      case 'singleParent':
        this.singleParent(draft);
        break;
      case 'withParents':
        this.withParents(draft);
        break;
      case 'threeGenerations':
        this.threeGenerations(draft);
        break;
      case 'withSibling':
        this.withSibling(draft);
        break;
      case 'withGrandparent':
        this.withGrandparent(draft);
        break;
    }
    return draft;
  }

  private single(draft: Draft): void {
    const [min, max] = this.rng.weighted([
      [[18, 29], 35],
      [[30, 59], 30],
      [[60, MAX_AGE], 35],
    ] as const);
    const gender: Gender = this.rng.chance(0.5) ? 'MALE' : 'FEMALE';
    const years = this.rng.int(min, max);
    this.add(draft, 'HEAD', this.spec(gender, years, unpartneredStatus(this.rng, years, gender)));
  }

  /** A married head and spouse, returned as mother and father. */
  private couple(draft: Draft, [min, max]: readonly [number, number]): Parents {
    const headGender: Gender = this.rng.chance(0.8) ? 'MALE' : 'FEMALE';
    const headAge = Math.max(MARRIAGE_AGE[headGender], centralAge(this.rng, min, max));
    const head = this.add(draft, 'HEAD', this.spec(headGender, headAge, 'MARRIED'));
    const spouse = this.addSpouse(draft, head, 'SPOUSE');
    return headGender === 'MALE' ? { mother: spouse, father: head } : { mother: head, father: spouse };
  }

  /** A married partner for `partner`, usually a few years younger if a wife and older if a husband. */
  private addSpouse(draft: Draft, partner: Member, relationship: Relationship): Member {
    const gender = OTHER_GENDER[partner.row.gender];
    const husbandOlderBy = this.rng.weighted([
      [-3, 1],
      [-1, 2],
      [0, 3],
      [1, 3],
      [2, 4],
      [3, 3],
      [5, 2],
      [8, 1],
    ] as const);
    const partnerAge = ageOn(partner.row.birth_date, SEED_AS_OF);
    const wanted = gender === 'FEMALE' ? partnerAge - husbandOlderBy : partnerAge + husbandOlderBy;
    const age = Math.min(MAX_AGE, Math.max(MARRIAGE_AGE[gender], wanted));
    // Minorities marry within their group more often than chance would have it.
    const sameGroup = partner.row.ethnicity !== '汉族' && this.rng.chance(0.8);
    const ethnicity = sameGroup ? partner.row.ethnicity : pickEthnicity(this.rng);
    return this.add(draft, relationship, { ...this.spec(gender, age, 'MARRIED'), ethnicity });
  }

  private singleParent(draft: Draft): void {
    const gender: Gender = this.rng.chance(0.7) ? 'FEMALE' : 'MALE';
    const status: MaritalStatus = this.rng.chance(0.7) ? 'DIVORCED' : 'WIDOWED';
    const head = this.add(draft, 'HEAD', this.spec(gender, this.rng.int(28, 60), status));
    this.children(draft, gender === 'FEMALE' ? { mother: head } : { father: head }, 'CHILD', 25);
  }

  /** A younger head, usually with a spouse and children, living with one or both of the head's parents. */
  private withParents(draft: Draft): void {
    if (this.rng.chance(0.8)) {
      this.children(draft, this.couple(draft, [25, 50]), 'CHILD', 25);
    } else {
      const gender: Gender = this.rng.chance(0.5) ? 'MALE' : 'FEMALE';
      const age = this.rng.int(25, 50);
      this.add(draft, 'HEAD', this.spec(gender, age, unpartneredStatus(this.rng, age, gender)));
    }
    this.parentsOfHead(draft);
  }

  /** An older couple with a married child, the child's spouse (OTHER) and grandchildren. */
  private threeGenerations(draft: Draft): void {
    const parents = this.couple(draft, [52, 82]);
    const childGender: Gender = this.rng.chance(0.7) ? 'MALE' : 'FEMALE';
    const window = childWindow(parents, 45, MARRIAGE_AGE[childGender] + 1);
    if (!window) return;
    const child = this.add(draft, 'CHILD', {
      ...this.childSpec(parents, this.rng.int(...window)),
      gender: childGender,
      maritalStatus: 'MARRIED',
    });
    const inLaw = this.addSpouse(draft, child, 'OTHER');
    const young = childGender === 'MALE' ? { mother: inLaw, father: child } : { mother: child, father: inLaw };
    this.children(draft, young, 'GRANDCHILD', 20);
  }

  private withSibling(draft: Draft): void {
    const gender: Gender = this.rng.chance(0.5) ? 'MALE' : 'FEMALE';
    const age = this.rng.int(20, 60);
    const head = this.add(draft, 'HEAD', this.spec(gender, age, unpartneredStatus(this.rng, age, gender)));
    const siblingGender: Gender = this.rng.chance(0.5) ? 'MALE' : 'FEMALE';
    const siblingAge = Math.max(16, age + this.rng.int(-10, 10));
    this.add(draft, 'SIBLING', {
      ...this.spec(siblingGender, siblingAge, unpartneredStatus(this.rng, siblingAge, siblingGender)),
      surname: head.surname,
      ethnicity: head.row.ethnicity,
    });
  }

  /** A young adult registered with a widowed grandparent. */
  private withGrandparent(draft: Draft): void {
    const gender: Gender = this.rng.chance(0.5) ? 'MALE' : 'FEMALE';
    const age = this.rng.int(20, 35);
    const head = this.add(draft, 'HEAD', this.spec(gender, age, 'UNMARRIED'));
    const grandmother = this.rng.chance(0.65);
    const grandparentAge = Math.min(MAX_AGE, age + this.rng.int(42, 70));
    this.add(draft, 'GRANDPARENT', {
      ...this.spec(grandmother ? 'FEMALE' : 'MALE', grandparentAge, 'WIDOWED'),
      surname: grandmother ? pickSurname(this.rng) : head.surname,
      ethnicity: head.row.ethnicity,
    });
  }

  /** One or both parents of the head, the mother 20-42 at the head's birth; skipped if they would be over 95. */
  private parentsOfHead(draft: Draft): void {
    const head = draft.members[0];
    const lo = Math.max(addYears(head.birthDay, -43) + 1, birthRangeForAge(MAX_AGE)[0]);
    const hi = addYears(head.birthDay, -20);
    if (lo > hi) return;
    const motherBirth = this.rng.int(lo, hi);
    // Women live longer, so a widowed parent is more often the mother.
    const living = this.rng.weighted([
      ['both', 55],
      ['mother', 30],
      ['father', 15],
    ] as const);
    const maritalStatus: MaritalStatus = living === 'both' ? 'MARRIED' : 'WIDOWED';
    if (living !== 'father') {
      this.add(draft, 'PARENT', {
        gender: 'FEMALE',
        birthDay: motherBirth,
        surname: pickSurname(this.rng),
        ethnicity: head.row.ethnicity,
        maritalStatus,
      });
    }
    if (living !== 'mother') {
      // The father is usually a little older than the mother, at least 20 at the head's birth, at most 95 now.
      const fatherBirth = Math.max(
        birthRangeForAge(MAX_AGE)[0],
        Math.min(addYears(head.birthDay, -20), motherBirth - this.rng.int(0, 5 * 365)),
      );
      this.add(draft, 'PARENT', {
        gender: 'MALE',
        birthDay: fatherBirth,
        surname: head.surname,
        ethnicity: head.row.ethnicity,
        maritalStatus,
      });
    }
  }

  /** Children (or grandchildren) of the given parents, born when the mother was 20-42, at most `maxAge` now. */
  private children(draft: Draft, parents: Parents, relationship: Relationship, maxAge: number): void {
    const window = childWindow(parents, maxAge, 0);
    if (!window) return;
    const parentBirthYear = new Date((parents.mother ?? parents.father)!.birthDay * DAY_MS).getUTCFullYear();
    // Family size followed policy: larger before 1980, one child under the one-child policy, two again since 2016.
    const count =
      parentBirthYear < 1960
        ? this.rng.weighted([
            [1, 20],
            [2, 45],
            [3, 35],
          ] as const)
        : parentBirthYear < 1990
          ? this.rng.weighted([
              [1, 70],
              [2, 27],
              [3, 3],
            ] as const)
          : this.rng.weighted([
              [1, 55],
              [2, 38],
              [3, 7],
            ] as const);
    for (let i = 0; i < count; i += 1) {
      const spec = this.childSpec(parents, this.rng.int(...window));
      const age = ageOn(isoDay(spec.birthDay), SEED_AS_OF);
      if (age >= MARRIAGE_AGE[spec.gender]) {
        spec.maritalStatus = this.rng.weighted([
          ['UNMARRIED', 85],
          ['MARRIED', 8],
          ['DIVORCED', 7],
        ] as const);
      }
      this.add(draft, relationship, spec);
    }
  }

  /** A child's attributes: the father's surname (sometimes the mother's), one parent's ethnicity. */
  private childSpec(parents: Parents, birthDay: number): PersonSpec {
    const { mother, father } = parents;
    const surname = this.childSurname(parents);
    const parent = mother && father ? (this.rng.chance(0.5) ? mother : father) : (mother ?? father)!;
    return {
      gender: this.rng.chance(0.515) ? 'MALE' : 'FEMALE',
      birthDay,
      surname,
      ethnicity: parent.row.ethnicity,
      maritalStatus: 'UNMARRIED',
    };
  }

  private childSurname({ mother, father }: Parents): string {
    if (father) return mother && this.rng.chance(0.05) ? mother.surname : father.surname;
    // The father lives elsewhere: the child has his surname (drawn here) or, less often, the mother's.
    return this.rng.chance(0.3) ? mother!.surname : pickSurname(this.rng);
  }

  /** Attributes of someone `age` years old with a fresh surname and ethnicity. */
  private spec(gender: Gender, age: number, maritalStatus: MaritalStatus): PersonSpec {
    const [lo, hi] = birthRangeForAge(age);
    const birthDay = this.rng.int(lo, hi);
    return { gender, birthDay, surname: pickSurname(this.rng), ethnicity: pickEthnicity(this.rng), maritalStatus };
  }

  /** Creates the person row and adds them to the household. */
  private add(draft: Draft, relationship: Relationship, spec: PersonSpec): Member {
    const birthDate = isoDay(spec.birthDay);
    const birthYear = Number(birthDate.slice(0, 4));
    const age = ageOn(birthDate, SEED_AS_OF);
    const name =
      spec.ethnicity === '藏族' && this.rng.chance(0.6)
        ? tibetanName(this.rng, spec.gender)
        : spec.surname + pickGivenName(this.rng, spec.gender, birthYear);
    const row: PersonRow = {
      id: this.rng.uuid(),
      created_at: SEED_TIMESTAMP,
      updated_at: SEED_TIMESTAMP,
      id_number: this.issueIdNumber(draft.district, spec.birthDay, spec.gender),
      name,
      gender: spec.gender,
      birth_date: birthDate,
      ethnicity: spec.ethnicity,
      district_code: draft.district,
      registered_address: draft.address,
      phone: pickPhone(this.rng, age),
      marital_status: spec.maritalStatus,
      death_date: age > 70 && this.rng.chance(0.01) ? this.deathDate(spec.birthDay) : null,
      remarks: this.rng.chance(0.002) ? this.rng.pick(REMARKS) : null,
    };
    const member: Member = { row, relationship, surname: spec.surname, birthDay: spec.birthDay };
    draft.members.push(member);
    return member;
  }

  /** A day within the last three years, after the 70th birthday. */
  private deathDate(birthDay: number): string {
    return isoDay(this.rng.int(Math.max(addYears(birthDay, 70), AS_OF_DAY - 3 * 365), AS_OF_DAY - 1));
  }

  /** A unique ID number; the sequence is odd for men and even for women, as GB 11643 requires. */
  private issueIdNumber(district: ChengduDistrictCode, birthDay: number, gender: Gender): string {
    const base = packIdNumber(birthDay, CHENGDU_DISTRICT_CODES.indexOf(district), 0);
    for (let attempt = 0; attempt < 2000; attempt += 1) {
      const sequence = 2 * this.rng.int(0, 499) + (gender === 'MALE' ? 1 : 0);
      if (this.issued.has(base + sequence)) continue;
      this.issued.add(base + sequence);
      return makeIdNumber(district, isoDay(birthDay), sequence);
    }
    throw new Error(`No ID number sequence left for ${gender} people born ${isoDay(birthDay)} in ${district}`);
  }
}

interface Parents {
  mother?: Member;
  father?: Member;
}

/**
 * Birth days possible for a child of these parents: mother 20-42 and father 20-55 at the birth,
 * the child at least `minAge` and at most `maxAge` years old now. Null when there is none.
 */
function childWindow(parents: Parents, maxAge: number, minAge: number): [number, number] | null {
  let lo = birthRangeForAge(maxAge)[0];
  let hi = birthRangeForAge(minAge)[1];
  if (parents.mother) {
    lo = Math.max(lo, addYears(parents.mother.birthDay, 20));
    hi = Math.min(hi, addYears(parents.mother.birthDay, 43) - 1);
  }
  if (parents.father) {
    lo = Math.max(lo, addYears(parents.father.birthDay, 20));
    hi = Math.min(hi, addYears(parents.father.birthDay, 56) - 1);
  }
  return lo <= hi ? [lo, hi] : null;
}

/** One household's rows: the household, its people (head first) and their memberships. */
export interface HouseholdRows {
  household: HouseholdRow;
  persons: PersonRow[];
  members: HouseholdMemberRow[];
}

/**
 * Generates households one at a time until there are `count` people, so that a loader can insert
 * them in chunks without holding millions of rows in memory.
 */
export function* generateHouseholds(
  rng: Random,
  count: number,
  start: PeopleStart = { firstHouseholdNumber: FIRST_HOUSEHOLD_NUMBER, takenIdNumbers: new Set() },
): Generator<HouseholdRows, void, undefined> {
  const generator = new PeopleGenerator(rng, start.takenIdNumbers);
  let people = 0;
  for (let index = 0; people < count; index += 1) {
    const draft = generator.household();
    // The last household is cut to fit; the head comes first, so it always keeps its head.
    const drafted = draft.members.slice(0, count - people);
    people += drafted.length;
    const household: HouseholdRow = {
      id: rng.uuid(),
      created_at: SEED_TIMESTAMP,
      updated_at: SEED_TIMESTAMP,
      number: householdNumber(start.firstHouseholdNumber + index),
      district_code: draft.district,
      address: draft.address,
      head_id: drafted[0].row.id,
    };
    const members = drafted.map((member): HouseholdMemberRow => ({
      id: rng.uuid(),
      created_at: SEED_TIMESTAMP,
      updated_at: SEED_TIMESTAMP,
      household_id: household.id,
      person_id: member.row.id,
      relationship: member.relationship,
    }));
    yield { household, persons: drafted.map((member) => member.row), members };
  }
}

function householdNumber(value: number): string {
  if (value > 999_999_999) throw new Error('No 9-digit household numbers are left for more households');
  return String(value);
}

/** Generates `count` people in realistic households, all at once; the same generator state gives the same rows. */
export function generatePeople(rng: Random, count: number): PeopleData {
  const data: PeopleData = { person: [], household: [], household_member: [] };
  for (const rows of generateHouseholds(rng, count)) {
    data.household.push(rows.household);
    data.person.push(...rows.persons);
    data.household_member.push(...rows.members);
  }
  return data;
}
