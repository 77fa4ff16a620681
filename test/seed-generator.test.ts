import { checkCreditCode } from '../subgraphs/shared/domain/credit-code';
import { isChengduDistrict } from '../subgraphs/shared/domain/divisions';
import { isEthnicGroup } from '../subgraphs/shared/domain/ethnicity';
import { checkIdNumber } from '../subgraphs/shared/domain/id-number';
import { SAMPLE_INDUSTRIES } from '../subgraphs/shared/domain/industry';
import { DEMO, demoCitizen, generateRegistries, progressPrinter } from '../seeds';
import {
  FIRST_ESTABLISHED_ON,
  generateOrganizationRows,
  LAST_ESTABLISHED_ON,
  marketRegulationAuthority,
  RepresentativePool,
} from '../seeds/organizations';
import {
  addYears,
  ageOn,
  generateHouseholds,
  generatePeople,
  MARRIAGE_AGE,
  SEED_AS_OF,
  toDay,
  type PersonRow,
} from '../seeds/people';
import { Random } from '../seeds/random';
import type { CertificateRow } from '../seeds/certificates';
import {
  addYears as addYearsIso,
  disabilityCategoryDigit,
  validUntilFor,
  type DisabilityCategory,
} from '../subgraphs/certificate/certificate-types';
import { sniff } from '../subgraphs/certificate/media-type';
import { createHash } from 'node:crypto';

/** The generator alone, without a database: determinism and the domain rules every row must follow. */

const OPTIONS = { seed: 'seed-generator-test', people: 3000, organizations: 300 };
const { people, organizations, certificates } = generateRegistries(OPTIONS);
const personById = new Map(people.person.map((person) => [person.id, person]));
// "Today" for checkIdNumber is the as-of day, so the test does not depend on the clock.
const TODAY = new Date(`${SEED_AS_OF}T12:00:00Z`);

function age(person: PersonRow): number {
  return ageOn(person.birth_date, SEED_AS_OF);
}

function membersByHousehold(): Map<string, { person: PersonRow; relationship: string }[]> {
  const households = new Map<string, { person: PersonRow; relationship: string }[]>();
  for (const member of people.household_member) {
    const list = households.get(member.household_id) ?? [];
    list.push({ person: personById.get(member.person_id)!, relationship: member.relationship });
    households.set(member.household_id, list);
  }
  return households;
}

describe('random', () => {
  it('gives the same sequence for the same seed and another for another seed', () => {
    const draw = (seed: string) => {
      const rng = new Random(seed);
      return [rng.nextUint32(), rng.int(1, 6), rng.uuid(), rng.pick(['a', 'b', 'c'])];
    };
    expect(draw('x')).toEqual(draw('x'));
    expect(draw('x')).not.toEqual(draw('y'));
  });

  it('draws integers within bounds and UUIDs in version 4 format', () => {
    const rng = new Random(1);
    for (let i = 0; i < 1000; i += 1) {
      const value = rng.int(-3, 3);
      expect(value).toBeGreaterThanOrEqual(-3);
      expect(value).toBeLessThanOrEqual(3);
      expect(rng.uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
  });

  it('follows the weights of a weighted pick', () => {
    const rng = new Random('weights');
    let heavy = 0;
    for (let i = 0; i < 10_000; i += 1)
      if (
        rng.weighted([
          ['light', 1],
          ['heavy', 9],
        ] as const) === 'heavy'
      )
        heavy += 1;
    expect(heavy / 10_000).toBeGreaterThan(0.87);
    expect(heavy / 10_000).toBeLessThan(0.93);
  });
});

describe('determinism', () => {
  it('generates byte-identical rows from the same seed', () => {
    expect(JSON.stringify(generateRegistries(OPTIONS))).toBe(JSON.stringify({ people, organizations, certificates }));
  });

  it('generates different rows from a different seed', () => {
    const other = generateRegistries({ ...OPTIONS, seed: 'another seed' });
    expect(other.people.person[0].id_number).not.toBe(people.person[0].id_number);
    expect(other.organizations.organization[0].credit_code).not.toBe(organizations.organization[0].credit_code);
  });

  it('streams the same rows as it generates at once (what seedRegistries loads is what these tests check)', () => {
    const root = new Random(OPTIONS.seed);
    const pool = new RepresentativePool();
    const households = [...generateHouseholds(root.fork('people'), OPTIONS.people)];
    for (const rows of households) for (const person of rows.persons) pool.add(person);
    const streamed = [...generateOrganizationRows(root.fork('organizations'), OPTIONS.organizations, pool)];
    expect(households.map((rows) => rows.household)).toEqual(people.household);
    expect(households.flatMap((rows) => rows.persons)).toEqual(people.person);
    expect(streamed.map((rows) => rows.organization)).toEqual(organizations.organization);
    expect(streamed.flatMap((rows) => rows.penalties)).toEqual(organizations.penalty);
  });

  it('keeps the first people whatever the total, so the demo citizen is in every size of the demo seed', () => {
    const small = generatePeople(new Random('prefix').fork('people'), 100).person;
    const large = generatePeople(new Random('prefix').fork('people'), 1000).person;
    expect(large.slice(0, 90).map((p) => p.id)).toEqual(small.slice(0, 90).map((p) => p.id));
    const demo = generateRegistries({ ...DEMO, organizations: 0 }).people.person;
    expect(demo.find((p) => p.id === demoCitizen().id)).toMatchObject({ death_date: null });
  });
});

describe('persons', () => {
  it('generates exactly the number of people asked for', () => {
    expect(people.person).toHaveLength(OPTIONS.people);
    expect(people.household_member).toHaveLength(OPTIONS.people);
  });

  it('gives everyone a valid, unique ID number that encodes their district, birth date and gender', () => {
    const seen = new Set<string>();
    for (const person of people.person) {
      const checked = checkIdNumber(person.id_number, TODAY);
      if (!checked.ok) throw new Error(`${person.id_number}: ${JSON.stringify(checked)}`);
      expect(checked.value).toMatchObject({
        divisionCode: person.district_code,
        birthDate: person.birth_date,
        gender: person.gender,
      });
      expect(seen.has(person.id_number)).toBe(false);
      seen.add(person.id_number);
    }
  });

  it('uses Chengdu districts, known ethnic groups (mostly Han) and ages 0 to 95', () => {
    for (const person of people.person) {
      expect(isChengduDistrict(person.district_code)).toBe(true);
      expect(isEthnicGroup(person.ethnicity)).toBe(true);
      expect(age(person)).toBeGreaterThanOrEqual(0);
      expect(age(person)).toBeLessThanOrEqual(95);
    }
    const han = people.person.filter((p) => p.ethnicity === '汉族').length / people.person.length;
    expect(han).toBeGreaterThan(0.9);
    expect(han).toBeLessThan(0.98);
  });

  it('gives phones only to people of 16 and over, as 11-digit mobile numbers', () => {
    for (const person of people.person) {
      if (age(person) < 16) expect(person.phone).toBeNull();
      if (person.phone !== null) expect(person.phone).toMatch(/^1[3-9]\d{9}$/);
    }
    const adults = people.person.filter((p) => age(p) >= 16);
    expect(adults.filter((p) => p.phone !== null).length / adults.length).toBeGreaterThan(0.8);
  });

  it('marries no one under the legal age and records deaths only for the over-70s, in the past', () => {
    for (const person of people.person) {
      if (person.marital_status === 'MARRIED') expect(age(person)).toBeGreaterThanOrEqual(MARRIAGE_AGE[person.gender]);
      if (person.death_date !== null) {
        expect(age(person)).toBeGreaterThan(70);
        expect(person.death_date > person.birth_date && person.death_date <= SEED_AS_OF).toBe(true);
      }
    }
    const statuses = new Set(people.person.map((p) => p.marital_status));
    expect([...statuses].sort()).toEqual(['DIVORCED', 'MARRIED', 'UNMARRIED', 'WIDOWED']);
  });
});

describe('households', () => {
  const households = membersByHousehold();

  it('numbers households with unique 9-digit numbers from 100000001', () => {
    const numbers = people.household.map((h) => h.number);
    expect(numbers[0]).toBe('100000001');
    expect(new Set(numbers).size).toBe(numbers.length);
    for (const number of numbers) expect(number).toMatch(/^\d{9}$/);
  });

  it('has exactly one HEAD per household, the one household.head_id names', () => {
    for (const household of people.household) {
      const heads = households.get(household.id)!.filter((m) => m.relationship === 'HEAD');
      expect(heads.map((m) => m.person.id)).toEqual([household.head_id]);
      expect(age(heads[0].person)).toBeGreaterThanOrEqual(18);
    }
  });

  it('registers every member in the household district at the household address', () => {
    for (const household of people.household) {
      for (const { person } of households.get(household.id)!) {
        expect(person.district_code).toBe(household.district_code);
        expect(person.registered_address).toBe(household.address);
      }
      expect(household.address.startsWith('成都市')).toBe(true);
    }
  });

  it('pairs a head with a married spouse of the other gender and of age', () => {
    let spouses = 0;
    for (const members of households.values()) {
      const head = members.find((m) => m.relationship === 'HEAD')!.person;
      const spouse = members.filter((m) => m.relationship === 'SPOUSE');
      expect(spouse.length).toBeLessThanOrEqual(1);
      if (spouse.length === 0) continue;
      spouses += 1;
      const partner = spouse[0].person;
      expect(partner.gender).not.toBe(head.gender);
      expect([head.marital_status, partner.marital_status]).toEqual(['MARRIED', 'MARRIED']);
      expect(age(partner)).toBeGreaterThanOrEqual(MARRIAGE_AGE[partner.gender]);
    }
    expect(spouses).toBeGreaterThan(households.size / 3);
  });

  it('has children born when their mother (the head or spouse) was 20 to 42', () => {
    for (const members of households.values()) {
      const mother = members.find(
        (m) => (m.relationship === 'HEAD' || m.relationship === 'SPOUSE') && m.person.gender === 'FEMALE',
      )?.person;
      if (!mother) continue;
      for (const child of members.filter((m) => m.relationship === 'CHILD')) {
        const motherAge = ageOn(mother.birth_date, child.person.birth_date);
        expect(motherAge).toBeGreaterThanOrEqual(20);
        expect(motherAge).toBeLessThanOrEqual(42);
      }
    }
  });

  it('uses several kinds of household', () => {
    const relationships = new Set(people.household_member.map((m) => m.relationship));
    for (const kind of ['HEAD', 'SPOUSE', 'CHILD', 'PARENT', 'GRANDCHILD', 'OTHER']) {
      expect(relationships).toContain(kind);
    }
  });
});

describe('organizations', () => {
  const industries = new Set(SAMPLE_INDUSTRIES.map(([code]) => code));

  it('generates exactly the number asked for', () => {
    expect(organizations.organization).toHaveLength(OPTIONS.organizations);
  });

  it('gives every organization a valid, unique credit code for its type and district', () => {
    const codes = new Set<string>();
    const bodies = new Set<string>();
    for (const org of organizations.organization) {
      const checked = checkCreditCode(org.credit_code);
      if (!checked.ok) throw new Error(`${org.credit_code}: ${JSON.stringify(checked)}`);
      const expectedType = org.type === 'INDIVIDUAL_BUSINESS' ? '2' : org.type === 'FARMERS_COOPERATIVE' ? '3' : '1';
      expect(checked.value).toMatchObject({ organizationType: expectedType, divisionCode: org.district_code });
      expect(codes.has(org.credit_code)).toBe(false);
      expect(bodies.has(org.credit_code.slice(8, 16))).toBe(false);
      codes.add(org.credit_code);
      bodies.add(org.credit_code.slice(8, 16));
    }
  });

  it('has a living legal representative from the people who was 18 or older at establishment', () => {
    for (const org of organizations.organization) {
      const representative = personById.get(org.legal_representative_id);
      expect(representative).toBeDefined();
      expect(representative!.death_date).toBeNull();
      expect(addYears(toDay(representative!.birth_date), 18)).toBeLessThanOrEqual(toDay(org.established_on));
    }
  });

  it('fills the other columns within their rules', () => {
    const names = new Set(organizations.organization.map((o) => o.name));
    expect(names.size).toBe(organizations.organization.length);
    for (const org of organizations.organization) {
      expect(org.established_on >= FIRST_ESTABLISHED_ON && org.established_on <= LAST_ESTABLISHED_ON).toBe(true);
      expect(industries.has(org.industry_code)).toBe(true);
      expect(org.registered_capital).toMatch(/^\d{1,15}\.\d{2}$/);
      expect(org.name.length).toBeLessThanOrEqual(100);
      expect(org.business_scope.length).toBeLessThanOrEqual(1000);
      expect(org.address.length).toBeLessThanOrEqual(200);
    }
    const statuses = organizations.organization.map((o) => o.status);
    expect(statuses.filter((s) => s === 'ACTIVE').length / statuses.length).toBeGreaterThan(0.75);
  });
});

describe('penalties', () => {
  const orgById = new Map(organizations.organization.map((org) => [org.id, org]));

  it('go to a few organizations, between establishment and the as-of day', () => {
    expect(organizations.penalty.length).toBeGreaterThan(0);
    const penalized = new Set(organizations.penalty.map((p) => p.organization_id));
    expect(penalized.size / organizations.organization.length).toBeLessThan(0.15);
    for (const penalty of organizations.penalty) {
      const org = orgById.get(penalty.organization_id);
      expect(org).toBeDefined();
      expect(penalty.decided_on >= org!.established_on && penalty.decided_on <= SEED_AS_OF).toBe(true);
    }
  });

  it('have unique decision numbers of the issuing year, positive amounts and the district bureau', () => {
    const numbers = new Set<string>();
    for (const penalty of organizations.penalty) {
      const org = orgById.get(penalty.organization_id)!;
      expect(penalty.decision_number).toMatch(/^成.{1,2}市监罚〔\d{4}〕\d+号$/);
      expect(penalty.decision_number).toContain(`〔${penalty.decided_on.slice(0, 4)}〕`);
      expect(numbers.has(penalty.decision_number)).toBe(false);
      numbers.add(penalty.decision_number);
      expect(penalty.amount).toMatch(/^\d+\.\d{2}$/);
      expect(Number(penalty.amount)).toBeGreaterThan(0);
      expect(penalty.authority).toBe(marketRegulationAuthority(org.district_code));
    }
  });
});

describe('certificates', () => {
  const rows = certificates.certificate;
  const ofType = (type: string) => rows.filter((c) => c.type_code === type);
  const held = (type: string) => new Map(ofType(type).map((c) => [c.holder_person_id ?? c.holder_credit_code, c]));
  const members = membersByHousehold();
  const todayStatus = (c: CertificateRow) =>
    c.revoked_on ? 'REVOKED' : c.valid_until !== null && c.valid_until < SEED_AS_OF ? 'EXPIRED' : 'VALID';

  it('gives every resident of 16 or over an ID card numbered with their ID number, and none younger', () => {
    const cards = held('RESIDENT_ID_CARD');
    for (const person of people.person) {
      const card = cards.get(person.id);
      const ageAtEnd = ageOn(person.birth_date, person.death_date ?? SEED_AS_OF);
      if (ageAtEnd < 16) {
        expect(card).toBeUndefined();
        continue;
      }
      // Just turned 16: the first card may still be in the making.
      if (!card) {
        expect(ageAtEnd).toBe(16);
        continue;
      }
      expect(card.number).toBe(person.id_number);
      expect(card.printed_name).toBe(person.name);
      expect(card.valid_until).toBe(
        validUntilFor('BY_AGE', { issuedOn: card.issued_on, years: null, birthDate: person.birth_date }),
      );
      if (person.death_date) expect(card.revoked_on).toBe(person.death_date);
    }
  });

  it('gives each household one register, held by its head and numbered with the household number', () => {
    const registers = ofType('HOUSEHOLD_REGISTER');
    expect(registers).toHaveLength(people.household.length);
    const byNumber = new Map(registers.map((r) => [r.number, r]));
    for (const household of people.household) {
      expect(byNumber.get(household.number)?.holder_person_id).toBe(household.head_id);
    }
  });

  it('gives both spouses of a married couple in a household a marriage certificate naming the other', () => {
    const marriages = ofType('MARRIAGE_CERTIFICATE');
    expect(marriages.length).toBeGreaterThan(0);
    const byHolder = held('MARRIAGE_CERTIFICATE');
    for (const certificate of marriages) {
      const attributes = certificate.attributes as { spouseId: string; spouseName: string };
      const spouse = personById.get(attributes.spouseId)!;
      const holder = personById.get(certificate.holder_person_id!)!;
      expect(spouse.gender).not.toBe(holder.gender);
      expect(attributes.spouseName).toBe(spouse.name);
      expect(byHolder.get(spouse.id)?.issued_on).toBe(certificate.issued_on);
      expect(certificate.number).toMatch(/^J\d{6}-\d{4}-\d{6}$/);
      expect(certificate.number.slice(8, 12)).toBe(certificate.issued_on.slice(0, 4));
      for (const person of [holder, spouse]) {
        expect(ageOn(person.birth_date, certificate.issued_on)).toBeGreaterThanOrEqual(MARRIAGE_AGE[person.gender]);
      }
    }
    for (const household of members.values()) {
      const head = household.find((m) => m.relationship === 'HEAD')!.person;
      const spouse = household.find((m) => m.relationship === 'SPOUSE')?.person;
      if (spouse && head.marital_status === 'MARRIED' && spouse.marital_status === 'MARRIED') {
        expect(byHolder.get(head.id)).toBeDefined();
      }
    }
  });

  it('gives every organization a business licence numbered with its credit code, revoked unless it is active', () => {
    const licences = held('BUSINESS_LICENCE');
    expect(licences.size).toBe(organizations.organization.length);
    for (const organization of organizations.organization) {
      const licence = licences.get(organization.credit_code)!;
      expect(licence.number).toBe(organization.credit_code);
      expect(licence.printed_name).toBe(organization.name);
      expect(licence.revoked_on === null).toBe(organization.status === 'ACTIVE');
    }
  });

  it('gives about 6% of people a disability certificate numbered with ID number, category and grade', () => {
    const disability = ofType('DISABILITY_CERTIFICATE');
    expect(disability.length / people.person.length).toBeGreaterThan(0.045);
    expect(disability.length / people.person.length).toBeLessThan(0.075);
    for (const certificate of disability) {
      const { category, grade } = certificate.attributes as { category: DisabilityCategory; grade: number };
      const person = personById.get(certificate.holder_person_id!)!;
      expect(certificate.number).toBe(`${person.id_number}${disabilityCategoryDigit(category)}${grade}`);
      expect(certificate.valid_until).toBe(addYearsIso(certificate.issued_on, 10));
    }
  });

  it('has every type, some expired and some revoked, unique numbers per type and 80-bit verification codes', () => {
    const types = new Set(rows.map((c) => c.type_code));
    expect(types.size).toBe(10);
    const statuses = rows.map(todayStatus);
    expect(statuses.filter((s) => s === 'EXPIRED').length).toBeGreaterThan(10);
    expect(statuses.filter((s) => s === 'REVOKED').length).toBeGreaterThan(10);
    expect(new Set(rows.map((c) => `${c.type_code}|${c.number}`)).size).toBe(rows.length);
    expect(new Set(rows.map((c) => c.verification_code)).size).toBe(rows.length);
    for (const c of rows) {
      expect(c.verification_code).toMatch(/^[0-9A-HJKMNP-TV-Z]{16}$/);
      expect(c.issued_on <= SEED_AS_OF).toBe(true);
      if (c.revoked_on) expect(c.revoked_on >= c.issued_on && c.revoked_on <= SEED_AS_OF).toBe(true);
    }
  });

  it('gives senior citizen cards only to people of 60 or over, and employment certificates only to adults', () => {
    for (const card of ofType('SENIOR_CITIZEN_CARD')) {
      expect(ageOn(personById.get(card.holder_person_id!)!.birth_date, card.issued_on)).toBeGreaterThanOrEqual(60);
    }
    for (const card of ofType('EMPLOYMENT_CERTIFICATE')) {
      const person = personById.get(card.holder_person_id!)!;
      expect(card.number).toBe(person.id_number);
      expect(ageOn(person.birth_date, card.issued_on)).toBeGreaterThanOrEqual(16);
    }
  });

  it('gives the demo citizen small real files: two PDFs and a PNG, each with its SHA-256', () => {
    const citizen = people.person.find((p) => p.death_date === null && ageOn(p.birth_date, SEED_AS_OF) >= 18)!;
    expect(certificates.material.map((m) => m.owner_id)).toEqual([citizen.id, citizen.id, citizen.id]);
    for (const material of certificates.material) {
      const bytes = Buffer.concat(
        certificates.material_content.filter((c) => c.material_id === material.id).map((c) => c.bytes),
      );
      expect(bytes.length).toBe(material.size);
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(material.sha256);
      expect(sniff(bytes.subarray(0, 8))).toBe(material.media_type);
    }
  });
});

describe('progress lines', () => {
  it('prints a line per phase and per tenth of a table', () => {
    const lines: string[] = [];
    const print = progressPrinter((line) => lines.push(line));
    print({ kind: 'phase', message: 'loading' });
    for (let done = 0; done <= 1000; done += 50) {
      print({ kind: 'rows', table: 'person', done, total: 1000 });
    }
    expect(lines[0]).toBe('loading');
    expect(lines).toHaveLength(11);
    expect(lines[10]).toMatch(/person: 1,000 \/ 1,000 \(100%, [\d,]+ rows\/s\)/);
  });
});
