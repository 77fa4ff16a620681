import { createHash } from 'node:crypto';
import {
  addYears as addYearsIso,
  disabilityCategoryDigit,
  validUntilFor,
  type CertificateAttributes,
  type DisabilityCategory,
  type EducationLevel,
} from '../subgraphs/certificate/certificate-types';
import { CERTIFICATE_TYPES } from '../subgraphs/certificate/migrations/catalogue-2026-11';
import type { PrintedHolder } from '../subgraphs/certificate/signed-form';
import { verificationCodeFromBytes } from '../subgraphs/certificate/signed-form';
import { CHENGDU_DISTRICTS, type ChengduDistrictCode } from '../subgraphs/shared/domain/divisions';
import { marketRegulationAuthority, type OrganizationRow, type OrganizationRows } from './organizations';
import {
  ageOn,
  AS_OF_DAY,
  isoDay,
  SEED_AS_OF,
  SEED_TIMESTAMP,
  toDay,
  type HouseholdRows,
  type PersonRow,
} from './people';
import { type Random, weightedTable } from './random';

/**
 * The certificate registry's demo data, derived from the same people and organizations as the
 * other registries (generated household by household and organization by organization, so it
 * streams with them): an ID card for every resident aged 16 or over, a household register per
 * household, marriage certificates for married couples, a business licence per organization,
 * disability certificates for about 6% of people, and minimum-allowance certificates, senior
 * citizen cards, employment and entrepreneurship certificates, diplomas and vocational
 * qualifications; some expired, some revoked (the dead's, deregistered businesses', and a few
 * others). Plus a few small materials for the demo citizen.
 */

export interface CertificateRow {
  id: string;
  created_at: string;
  updated_at: string;
  type_code: string;
  number: string;
  holder_kind: 'PERSON' | 'ORGANIZATION';
  holder_person_id: string | null;
  holder_credit_code: string | null;
  issuing_department: string;
  issuing_authority: string;
  issued_on: string;
  valid_until: string | null;
  revoked_on: string | null;
  revocation_reason: string | null;
  printed_name: string;
  printed_identifier: string;
  attributes: CertificateAttributes | null;
  verification_code: string;
}

export interface MaterialRow {
  id: string;
  created_at: string;
  updated_at: string;
  owner_id: string;
  kind_code: string;
  size: number;
  media_type: string;
  sha256: string;
  file_name: string | null;
  uploaded_by_sub: string;
  uploaded_by_role: string;
  uploaded_by_dept: string | null;
}

export interface MaterialContentRow {
  material_id: string;
  seq: number;
  bytes: Buffer;
}

const TYPES = Object.fromEntries(CERTIFICATE_TYPES.map((t) => [t.code, t]));

/** Counties and county-level cities are not prefixed with 成都市. */
function local(district: ChengduDistrictCode, office: string): string {
  const name = CHENGDU_DISTRICTS[district];
  return name.endsWith('区') ? `成都市${name}${office}` : `${name}${office}`;
}

const policeBureau = (d: ChengduDistrictCode) => `成都市公安局${CHENGDU_DISTRICTS[d]}分局`;

/** GB/T 26341-2010 categories, by their share of China's second national disability survey (2006). */
const DISABILITY_CATEGORIES = weightedTable<DisabilityCategory>([
  ['PHYSICAL', 29.1],
  ['HEARING', 24.2],
  ['MULTIPLE', 16.3],
  ['VISION', 14.9],
  ['MENTAL', 7.4],
  ['INTELLECTUAL', 6.7],
  ['SPEECH', 1.5],
]);
const DISABILITY_GRADES = weightedTable<number>([
  [1, 13],
  [2, 18],
  [3, 25],
  [4, 44],
]);

/** Universities in Chengdu and their national school codes. */
const SCHOOLS: [string, string][] = [
  ['四川大学', '10610'],
  ['电子科技大学', '10614'],
  ['西南交通大学', '10613'],
  ['西南财经大学', '10651'],
  ['成都理工大学', '10616'],
  ['西南民族大学', '10656'],
  ['四川师范大学', '10636'],
  ['成都信息工程大学', '10621'],
  ['西华大学', '10623'],
  ['成都中医药大学', '10633'],
  ['成都大学', '11079'],
  ['四川农业大学', '10626'],
];
const MAJORS = [
  '计算机科学与技术',
  '会计学',
  '临床医学',
  '土木工程',
  '汉语言文学',
  '法学',
  '电子信息工程',
  '护理学',
  '金融学',
  '机械设计制造及其自动化',
  '英语',
  '市场营销',
];
const LEVELS = weightedTable<[EducationLevel, number]>([
  [['BACHELOR', 22], 50],
  [['JUNIOR_COLLEGE', 21], 35],
  [['MASTER', 25], 12],
  [['DOCTORATE', 28], 3],
]);
const LEVEL_DIGIT: Record<string, string> = { DOCTORATE: '1', MASTER: '2', BACHELOR: '5', JUNIOR_COLLEGE: '6' };

/** Occupations of vocational qualifications, with GB/T 6565-2015 codes. */
const OCCUPATIONS: [string, string][] = [
  ['电工', '6-31-01-03'],
  ['焊工', '6-18-02-04'],
  ['中式烹调师', '4-03-02-01'],
  ['育婴员', '4-10-01-02'],
  ['保育师', '4-10-01-03'],
  ['汽车维修工', '4-12-01-01'],
  ['美容师', '4-10-03-01'],
  ['养老护理员', '4-10-01-05'],
  ['茶艺师', '4-03-02-07'],
  ['电子商务师', '4-01-02-02'],
];
const QUALIFICATION_LEVELS = weightedTable<number>([
  [5, 35],
  [4, 35],
  [3, 20],
  [2, 8],
  [1, 2],
]);

const SEED_DAY = AS_OF_DAY;

export class CertificateGenerator {
  /** Registry serial numbers per prefix, district and year (marriage, allowance, senior cards, ...). */
  private readonly serials = new Map<string, number>();

  constructor(private readonly rng: Random) {}

  /** A day between two days (inclusive), uniformly; `to` when the range is empty (never after `to`). */
  private dayBetween(from: number, to: number): number {
    return to <= from ? to : this.rng.int(from, to);
  }

  /** The next number of a sequence (starting somewhere low), so that numbers never repeat. */
  private next(key: string): number {
    const next = (this.serials.get(key) ?? this.rng.int(0, 300)) + this.rng.int(1, 3);
    this.serials.set(key, next);
    return next;
  }

  /**
   * Continues after a number already registered (seeding into a registry that holds data): the
   * sequences it draws from start above it, so no number repeats.
   */
  noteExistingNumber(type: string, number: string): void {
    let key: string | null = null;
    let serial = 0;
    const registryNumber = /^(J|DB|LN)(\d{6})-(\d{4})-(\d{6})$/.exec(number);
    if (registryNumber) {
      key = `${registryNumber[1]}|${registryNumber[2]}|${registryNumber[3]}`;
      serial = Number(registryNumber[4]);
    } else if (type === 'DIPLOMA' && /^\d{17}$/.test(number)) {
      key = number.slice(0, 11);
      serial = Number(number.slice(11));
    } else if (type === 'VOCATIONAL_QUALIFICATION' && /^S\d{17}$/.test(number)) {
      key = number.slice(0, 11);
      serial = Number(number.slice(11));
    }
    if (key !== null && serial > (this.serials.get(key) ?? -1)) this.serials.set(key, serial);
  }

  private serial(prefix: string, district: string, year: string): string {
    return `${prefix}${district}-${year}-${String(this.next(`${prefix}|${district}|${year}`)).padStart(6, '0')}`;
  }

  private code(): string {
    const bytes = new Uint8Array(10);
    for (let i = 0; i < 10; i += 2) {
      const word = this.rng.nextUint32();
      bytes[i] = word & 0xff;
      bytes[i + 1] = (word >>> 8) & 0xff;
    }
    return verificationCodeFromBytes(bytes);
  }

  private row(
    type: string,
    number: string,
    holder: PrintedHolder,
    fields: {
      authority: string;
      issuedOn: string;
      birthDate?: string;
      stated?: string | null;
      attributes?: CertificateAttributes | null;
      revoked?: { on: string; reason: string } | null;
    },
  ): CertificateRow {
    const catalogue = TYPES[type];
    const id = this.rng.uuid();
    const verificationCode = this.code();
    const validUntil = validUntilFor(catalogue.validityRule, {
      issuedOn: fields.issuedOn,
      years: catalogue.validityYears,
      birthDate: fields.birthDate,
      stated: fields.stated ?? null,
    });
    return {
      id,
      created_at: SEED_TIMESTAMP,
      updated_at: SEED_TIMESTAMP,
      type_code: type,
      number,
      holder_kind: holder.kind,
      holder_person_id: holder.kind === 'PERSON' ? holder.id : null,
      holder_credit_code: holder.kind === 'ORGANIZATION' ? holder.creditCode : null,
      issuing_department: catalogue.issuingDepartment,
      issuing_authority: fields.authority,
      issued_on: fields.issuedOn,
      valid_until: validUntil,
      revoked_on: fields.revoked?.on ?? null,
      revocation_reason: fields.revoked?.reason ?? null,
      printed_name: holder.name,
      printed_identifier: holder.kind === 'PERSON' ? holder.idNumber : holder.creditCode,
      attributes: fields.attributes ?? null,
      verification_code: verificationCode,
    };
  }

  /** The certificates of one household's people. */
  household({ household, persons, members }: HouseholdRows): CertificateRow[] {
    const rng = this.rng;
    const rows: CertificateRow[] = [];
    const district = household.district_code;
    const relationships = new Map(members.map((m) => [m.person_id, m.relationship]));
    const printed = (p: PersonRow): PrintedHolder => ({
      kind: 'PERSON',
      id: p.id,
      name: p.name,
      idNumber: p.id_number,
    });
    const deathRevocation = (p: PersonRow, issuedOn: string) =>
      p.death_date && p.death_date >= issuedOn ? { on: p.death_date, reason: '持证人死亡，户口注销' } : null;

    // The household register, held by the head.
    const head = persons[0];
    rows.push(
      this.row('HOUSEHOLD_REGISTER', household.number, printed(head), {
        authority: policeBureau(district),
        issuedOn: isoDay(
          this.dayBetween(Math.max(toDay(head.birth_date) + 16 * 365, SEED_DAY - 25 * 365), SEED_DAY - 30),
        ),
      }),
    );

    for (const person of persons) {
      const birth = toDay(person.birth_date);
      const lastDay = person.death_date ? toDay(person.death_date) : SEED_DAY;
      const age = ageOn(person.birth_date, isoDay(lastDay));
      const alive = person.death_date === null;

      // Resident ID card: first at 16, renewed when it expires; 4% of the living let it lapse.
      if (age >= 16) {
        let issued = this.dayBetween(
          toDay(addYearsIso(person.birth_date, 16)),
          toDay(addYearsIso(person.birth_date, 16)) + 200,
        );
        const lapses = alive && rng.chance(0.04);
        for (;;) {
          const until = validUntilFor('BY_AGE', {
            issuedOn: isoDay(issued),
            years: null,
            birthDate: person.birth_date,
          });
          if (until === null || toDay(until) >= lastDay) break;
          const renewed = toDay(until) - rng.int(0, 60);
          if (renewed > lastDay || (lapses && toDay(until) > lastDay - 3 * 365)) break;
          issued = renewed;
        }
        if (issued <= lastDay) {
          const issuedOn = isoDay(issued);
          rows.push(
            this.row('RESIDENT_ID_CARD', person.id_number, printed(person), {
              authority: policeBureau(person.district_code),
              issuedOn,
              birthDate: person.birth_date,
              revoked: deathRevocation(person, issuedOn),
            }),
          );
        }
      }

      // Disability certificate (第三代残疾人证, 10 years): about 6% of people.
      if (rng.chance(0.06)) {
        const category = rng.weighted(DISABILITY_CATEGORIES);
        const grade = rng.weighted(DISABILITY_GRADES);
        const issued = this.dayBetween(Math.max(birth + 365, lastDay - 11 * 365), lastDay);
        const issuedOn = isoDay(issued);
        const reassessed = alive && rng.chance(0.02);
        rows.push(
          this.row(
            'DISABILITY_CERTIFICATE',
            `${person.id_number}${disabilityCategoryDigit(category)}${grade}`,
            printed(person),
            {
              authority: local(person.district_code, '残疾人联合会'),
              issuedOn,
              attributes: { kind: 'DISABILITY', category, grade },
              revoked: reassessed
                ? { on: isoDay(this.dayBetween(issued + 1, SEED_DAY)), reason: '经复评不再符合残疾标准' }
                : deathRevocation(person, issuedOn),
            },
          ),
        );
      }

      if (!alive) continue;
      const sixty = toDay(addYearsIso(person.birth_date, 60));
      // Senior citizen card: most people of 60 or over.
      if (sixty <= SEED_DAY && rng.chance(0.7)) {
        const issuedOn = isoDay(this.dayBetween(sixty, SEED_DAY));
        rows.push(
          this.row(
            'SENIOR_CITIZEN_CARD',
            this.serial('LN', person.district_code, issuedOn.slice(0, 4)),
            printed(person),
            {
              authority: local(person.district_code, '民政局'),
              issuedOn,
            },
          ),
        );
      }
      // Employment and entrepreneurship certificate: some people of working age.
      if (age >= 18 && age < 60 && rng.chance(0.12)) {
        rows.push(
          this.row('EMPLOYMENT_CERTIFICATE', person.id_number, printed(person), {
            authority: local(person.district_code, '就业服务管理局'),
            issuedOn: isoDay(
              this.dayBetween(Math.max(toDay(addYearsIso(person.birth_date, 16)), SEED_DAY - 10 * 365), SEED_DAY),
            ),
          }),
        );
      }
      // Diplomas of higher education.
      if (age >= 22 && rng.chance(0.35)) {
        const [level, graduationAge] = rng.weighted(LEVELS);
        const year = Number(person.birth_date.slice(0, 4)) + graduationAge;
        const issuedOn = `${year}-06-30`;
        if (year >= 1980 && issuedOn < SEED_AS_OF) {
          const [school, schoolCode] = rng.pick(SCHOOLS);
          const prefix = `${schoolCode}1${year}${LEVEL_DIGIT[level]}`;
          const number = `${prefix}${String(this.next(prefix)).padStart(6, '0')}`;
          rows.push(
            this.row('DIPLOMA', number, printed(person), {
              authority: school,
              issuedOn,
              attributes: { kind: 'DIPLOMA', school, level, major: rng.pick(MAJORS) },
            }),
          );
        }
      }
      // Vocational qualifications.
      if (age >= 20 && age < 60 && rng.chance(0.05)) {
        const [occupation, occupationCode] = rng.pick(OCCUPATIONS);
        const issuedOn = isoDay(
          this.dayBetween(Math.max(toDay(addYearsIso(person.birth_date, 18)), SEED_DAY - 8 * 365), SEED_DAY),
        );
        const prefix = `S${issuedOn.slice(0, 4)}${person.district_code}`;
        const number = `${prefix}${String(this.next(prefix)).padStart(7, '0')}`;
        rows.push(
          this.row('VOCATIONAL_QUALIFICATION', number, printed(person), {
            authority: `${local(person.district_code, '人力资源和社会保障局')}职业技能鉴定中心`,
            issuedOn,
            attributes: {
              kind: 'VOCATIONAL_QUALIFICATION',
              occupation,
              occupationCode,
              level: rng.weighted(QUALIFICATION_LEVELS),
            },
          }),
        );
      }
    }

    // Marriage certificates: the head and spouse, and the head's parents, when both are married.
    const couples: [PersonRow, PersonRow][] = [];
    const spouse = persons.find((p) => relationships.get(p.id) === 'SPOUSE');
    if (spouse && head.marital_status === 'MARRIED' && spouse.marital_status === 'MARRIED')
      couples.push([head, spouse]);
    const parents = persons.filter((p) => relationships.get(p.id) === 'PARENT' && p.marital_status === 'MARRIED');
    if (parents.length === 2 && parents[0].gender !== parents[1].gender) couples.push([parents[0], parents[1]]);
    for (const [a, b] of couples) {
      const legal = (p: PersonRow) => toDay(addYearsIso(p.birth_date, p.gender === 'MALE' ? 22 : 20));
      const earliest = Math.max(legal(a), legal(b));
      const issued = this.dayBetween(earliest, Math.min(earliest + 8 * 365, SEED_DAY - 1));
      const issuedOn = isoDay(issued);
      // The two spouses' certificates are numbered one after the other.
      const number = this.serial('J', district, issuedOn.slice(0, 4));
      const second = `${number.slice(0, -6)}${String(Number(number.slice(-6)) + 1).padStart(6, '0')}`;
      this.serials.set(`J|${district}|${issuedOn.slice(0, 4)}`, Number(second.slice(-6)));
      for (const [holder, other, n] of [
        [a, b, number],
        [b, a, second],
      ] as const) {
        rows.push(
          this.row('MARRIAGE_CERTIFICATE', n, printed(holder), {
            authority: `${local(district, '民政局')}婚姻登记处`,
            issuedOn,
            attributes: {
              kind: 'MARRIAGE',
              spouseId: other.id,
              spouseName: other.name,
              spouseIdNumber: other.id_number,
            },
          }),
        );
      }
    }

    // Minimum living allowance: about 2.5% of households, held by the head, renewed yearly.
    if (head.death_date === null && rng.chance(0.025)) {
      const issued = this.dayBetween(SEED_DAY - 15 * 30, SEED_DAY - 1);
      const issuedOn = isoDay(issued);
      const covered = persons.filter((p) => p.death_date === null).length;
      const stopped = rng.chance(0.03);
      rows.push(
        this.row('MINIMUM_ALLOWANCE_CERTIFICATE', this.serial('DB', district, issuedOn.slice(0, 4)), printed(head), {
          authority: local(district, '民政局'),
          issuedOn,
          attributes: {
            kind: 'MINIMUM_ALLOWANCE',
            monthlyAmount: `${covered * rng.int(300, 900)}.00`,
            coveredMembers: covered,
          },
          revoked: stopped
            ? {
                on: isoDay(this.dayBetween(issued + 1, SEED_DAY)),
                reason: '家庭收入超过当地最低生活保障标准，停止保障',
              }
            : null,
        }),
      );
    }
    return rows;
  }

  /** One organization's business licence (its number is its credit code). */
  organization({ organization }: OrganizationRows): CertificateRow {
    const o: OrganizationRow = organization;
    const established = toDay(o.established_on);
    const term = this.rng.chance(0.3) ? isoDay(established + this.rng.pick([20, 30]) * 365) : null;
    const revoked =
      o.status === 'ACTIVE'
        ? null
        : {
            on: isoDay(this.dayBetween(established + 365, SEED_DAY - 1)),
            reason: o.status === 'REVOKED' ? '吊销营业执照' : '注销登记',
          };
    return this.row(
      'BUSINESS_LICENCE',
      o.credit_code,
      { kind: 'ORGANIZATION', creditCode: o.credit_code, name: o.name },
      { authority: marketRegulationAuthority(o.district_code), issuedOn: o.established_on, stated: term, revoked },
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Materials for the demo citizen: small real files, so uploads, downloads and readiness show them.

/** A minimal well-formed one-page PDF with a line of text. */
function pdf(text: string): Buffer {
  const stream = `BT /F1 14 Tf 72 720 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** The demo citizen's materials: an income proof, the economic-check authorisation and a photo. */
export function demoMaterials(
  ownerId: string,
  rng: Random,
): { materials: MaterialRow[]; content: MaterialContentRow[] } {
  // A 1x1 PNG.
  const png = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
    'base64',
  );
  const files: [string, string, string, Buffer][] = [
    [
      'INCOME_PROOF',
      'application/pdf',
      'income-proof-2026-10.pdf',
      pdf('Income certificate, Chengdu, October 2026 (demo)'),
    ],
    [
      'ECONOMIC_CHECK_AUTHORIZATION',
      'application/pdf',
      'economic-check-authorization.pdf',
      pdf('Authorisation to check household finances (demo)'),
    ],
    ['PHOTO', 'image/png', 'photo.png', png],
  ];
  const materials: MaterialRow[] = [];
  const content: MaterialContentRow[] = [];
  for (const [kind, mediaType, fileName, bytes] of files) {
    const id = rng.uuid();
    materials.push({
      id,
      created_at: SEED_TIMESTAMP,
      updated_at: SEED_TIMESTAMP,
      owner_id: ownerId,
      kind_code: kind,
      size: bytes.length,
      media_type: mediaType,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      file_name: fileName,
      uploaded_by_sub: ownerId,
      uploaded_by_role: 'citizen',
      uploaded_by_dept: null,
    });
    content.push({ material_id: id, seq: 0, bytes });
  }
  return { materials, content };
}
