import { badUserInput } from '../shared/errors';
import { isChengduDistrict } from '../shared/domain/divisions';
import { textColumn } from '../shared/columns';
import type { CertificateTypeCode, ValidityRule } from './entities/certificate-type.entity';
import { CertificateSchema } from './entities/certificate.entity';

/**
 * What the registry knows about each certificate type beyond its catalogue row: how its number is
 * formed (and derived from the holder where the law says so), what attributes it carries and how
 * they are checked, who may hold it, and how the validity rule turns into a valid-until date.
 */

// ---------------------------------------------------------------------------------------------
// Dates. Certificates are issued and expire by the calendar in China (UTC+8, no daylight saving).

/** Today's date in China (YYYY-MM-DD): what "expired" and "not in the future" are measured against. */
export function todayInChina(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** The same day `years` later (29 February becomes 28 February). */
export function addYears(isoDate: string, years: number): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  const year = y + years;
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** Whole years of age on `onDate` of someone born on `birthDate`. */
export function ageOn(birthDate: string, onDate: string): number {
  const years = Number(onDate.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return onDate.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

/** The birth date an ID number encodes (YYYY-MM-DD). */
export function birthDateOf(idNumber: string): string {
  return `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`;
}

export type CertificateStatus = 'VALID' | 'EXPIRED' | 'REVOKED';

/** Status as of `today`: REVOKED when revoked, EXPIRED when valid-until is before today, else VALID. */
export function certificateStatus(
  certificate: { revokedOn?: string | null; validUntil?: string | null },
  today: string = todayInChina(),
): CertificateStatus {
  if (certificate.revokedOn) return 'REVOKED';
  if (certificate.validUntil != null && certificate.validUntil < today) return 'EXPIRED';
  return 'VALID';
}

/**
 * Valid-until of a certificate issued on `issuedOn` under `rule` (null: long-term). BY_AGE is the
 * resident ID card's rule (居民身份证法 art. 5): 5 years under 16, 10 from 16 to 25, 20 from 26
 * to 45, long-term from 46, by age on the day of issue.
 */
export function validUntilFor(
  rule: ValidityRule,
  {
    issuedOn,
    years,
    birthDate,
    stated,
  }: { issuedOn: string; years: number | null; birthDate?: string; stated?: string | null },
): string | null {
  switch (rule) {
    case 'LONG_TERM':
      return null;
    case 'YEARS':
      return addYears(issuedOn, years ?? 1);
    case 'BY_AGE': {
      const age = ageOn(birthDate!, issuedOn);
      if (age < 16) return addYears(issuedOn, 5);
      if (age <= 25) return addYears(issuedOn, 10);
      if (age <= 45) return addYears(issuedOn, 20);
      return null;
    }
    case 'STATED':
      return stated ?? null;
  }
}

// ---------------------------------------------------------------------------------------------
// Attributes, per type.

export const DISABILITY_CATEGORIES = [
  'VISION',
  'HEARING',
  'SPEECH',
  'PHYSICAL',
  'INTELLECTUAL',
  'MENTAL',
  'MULTIPLE',
] as const;
export type DisabilityCategory = (typeof DISABILITY_CATEGORIES)[number];

/** GB/T 26341-2010's category digit: the 19th character of a disability certificate number. */
export function disabilityCategoryDigit(category: DisabilityCategory): number {
  return DISABILITY_CATEGORIES.indexOf(category) + 1;
}

export const EDUCATION_LEVELS = [
  'JUNIOR_SECONDARY',
  'SENIOR_SECONDARY',
  'JUNIOR_COLLEGE',
  'BACHELOR',
  'MASTER',
  'DOCTORATE',
] as const;
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];

/** The level digit of a higher-education diploma number (培养层次): 1 doctorate, 2 master, 5 bachelor, 6 junior college. */
export const HIGHER_EDUCATION_LEVEL_DIGIT: Partial<Record<EducationLevel, string>> = {
  DOCTORATE: '1',
  MASTER: '2',
  BACHELOR: '5',
  JUNIOR_COLLEGE: '6',
};

export interface MarriageAttributes {
  kind: 'MARRIAGE';
  spouseId: string;
  /** The other spouse as printed on the certificate (its content, like the holder's printed name). */
  spouseName: string;
  spouseIdNumber: string;
}
export interface DisabilityAttributes {
  kind: 'DISABILITY';
  category: DisabilityCategory;
  grade: number;
}
export interface MinimumAllowanceAttributes {
  kind: 'MINIMUM_ALLOWANCE';
  monthlyAmount: string;
  coveredMembers: number;
}
export interface DiplomaAttributes {
  kind: 'DIPLOMA';
  school: string;
  level: EducationLevel;
  major: string | null;
}
export interface VocationalQualificationAttributes {
  kind: 'VOCATIONAL_QUALIFICATION';
  occupation: string;
  occupationCode: string | null;
  level: number;
}

/** What is specific to a certificate's type, as stored (tagged by `kind`). */
export type CertificateAttributes =
  | MarriageAttributes
  | DisabilityAttributes
  | MinimumAllowanceAttributes
  | DiplomaAttributes
  | VocationalQualificationAttributes;

/** Which input member carries each type's attributes. */
export const ATTRIBUTES_INPUT: Partial<Record<CertificateTypeCode, string>> = {
  MARRIAGE_CERTIFICATE: 'marriage',
  DISABILITY_CERTIFICATE: 'disability',
  MINIMUM_ALLOWANCE_CERTIFICATE: 'minimumAllowance',
  DIPLOMA: 'diploma',
  VOCATIONAL_QUALIFICATION: 'vocationalQualification',
};

/** Longest certificate number the register holds: its column's length. */
export const MAX_NUMBER_LENGTH = textColumn(CertificateSchema, 'number').max;

/**
 * Number formats of the types whose number the issuer assigns (the others are derived from the
 * holder). `<district>` is a Chengdu GB/T 2260 code and `<year>` the year of issue.
 */
const ASSIGNED_NUMBER: Partial<Record<CertificateTypeCode, { pattern: RegExp; format: string; prefix?: string }>> = {
  MARRIAGE_CERTIFICATE: { pattern: /^J(\d{6})-(\d{4})-\d{6}$/, format: 'J<district>-<year>-<6 digits>', prefix: 'J' },
  MINIMUM_ALLOWANCE_CERTIFICATE: {
    pattern: /^DB(\d{6})-(\d{4})-\d{6}$/,
    format: 'DB<district>-<year>-<6 digits>',
    prefix: 'DB',
  },
  SENIOR_CITIZEN_CARD: { pattern: /^LN(\d{6})-(\d{4})-\d{6}$/, format: 'LN<district>-<year>-<6 digits>', prefix: 'LN' },
  VOCATIONAL_QUALIFICATION: { pattern: /^[0-9A-Z]{8,30}$/, format: '8 to 30 digits and capital letters' },
};

/**
 * Checks a number the issuer assigned: its format, the district and year it encodes (a registry
 * number names the district that registered it and the year of issue). Returns it normalised.
 */
export function checkAssignedNumber(
  type: CertificateTypeCode,
  argument: string,
  raw: string,
  issuedOn: string,
  diplomaLevel?: EducationLevel,
): string {
  const number = raw.trim().toUpperCase();
  if (type === 'DIPLOMA') return checkDiplomaNumber(argument, number, issuedOn, diplomaLevel!);
  const spec = ASSIGNED_NUMBER[type];
  if (!spec) throw new Error(`${type} numbers are derived from the holder, not assigned`);
  const match = spec.pattern.exec(number);
  if (!match) {
    throw badUserInput(argument, 'number-format', `${argument} ${JSON.stringify(raw)} must be ${spec.format}`);
  }
  if (spec.prefix) {
    if (!isChengduDistrict(match[1])) {
      throw badUserInput(
        argument,
        'number-format',
        `${argument} ${number} names district ${match[1]}, which is not one of Chengdu's 20 (GB/T 2260)`,
      );
    }
    if (match[2] !== issuedOn.slice(0, 4)) {
      throw badUserInput(
        argument,
        'number-year',
        `${argument} ${number} names the year ${match[2]}, but it was issued in ${issuedOn.slice(0, 4)}`,
      );
    }
  }
  return number;
}

/**
 * A diploma number. Higher education (junior college and above): 17 digits, school code (5), type
 * of schooling (1), year of graduation (4), level (1: 1 doctorate, 2 master, 5 bachelor,
 * 6 junior college), sequence (6). Secondary schools number their own: 6 to 30 digits and letters.
 */
function checkDiplomaNumber(argument: string, number: string, issuedOn: string, level: EducationLevel): string {
  const digit = HIGHER_EDUCATION_LEVEL_DIGIT[level];
  if (!digit) {
    if (!/^[0-9A-Z]{6,30}$/.test(number)) {
      throw badUserInput(
        argument,
        'number-format',
        `${argument} ${JSON.stringify(number)} must be 6 to 30 digits and capital letters`,
      );
    }
    return number;
  }
  if (!/^\d{17}$/.test(number)) {
    throw badUserInput(
      argument,
      'number-format',
      `${argument} ${JSON.stringify(number)} must be 17 digits: school code (5), type (1), year (4), level (1), sequence (6)`,
    );
  }
  if (number.slice(6, 10) !== issuedOn.slice(0, 4)) {
    throw badUserInput(
      argument,
      'number-year',
      `${argument} ${number} names the graduation year ${number.slice(6, 10)}, but it was issued in ${issuedOn.slice(0, 4)}`,
    );
  }
  if (number[10] !== digit) {
    throw badUserInput(
      argument,
      'number-level',
      `${argument} ${number} has level digit ${number[10]}, but a ${level} diploma has ${digit}`,
    );
  }
  return number;
}

/** Types whose number is the holder's identifier or derived from it. */
export type DerivedNumberType =
  'RESIDENT_ID_CARD' | 'EMPLOYMENT_CERTIFICATE' | 'DISABILITY_CERTIFICATE' | 'BUSINESS_LICENCE' | 'HOUSEHOLD_REGISTER';

export function isDerivedNumber(type: CertificateTypeCode): type is DerivedNumberType {
  return ASSIGNED_NUMBER[type] === undefined && type !== 'DIPLOMA';
}

/** GB/T 6565-2015 detailed occupation code: major group digit, then three two-digit levels (e.g. 6-31-01-03). */
export const OCCUPATION_CODE = /^[1-8]-\d{2}-\d{2}-\d{2}$/;
