import { isDivisionCodeFormat } from './divisions';

/**
 * Resident ID number, GB 11643-1999: 6-digit division code, birth date YYYYMMDD, 3-digit sequence
 * (odd for men, even for women) and a check character over the first 17 digits.
 */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARACTERS = '10X98765432';

/** The check character for the first 17 digits. */
export function idNumberCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARACTERS[sum % 11];
}

export interface IdNumberFacts {
  idNumber: string;
  divisionCode: string;
  /** YYYY-MM-DD */
  birthDate: string;
  gender: 'MALE' | 'FEMALE';
}

/** A check's result: the parsed value, or the rule broken and what is wrong (to follow the value's name). */
export type Checked<T> = { ok: true; value: T } | { ok: false; rule: string; problem: string };

/**
 * Checks an ID number (length, characters, division, birth date, check character) and returns
 * what it encodes. A lowercase x is accepted and normalised to X.
 */
export function checkIdNumber(input: string, today: Date = new Date()): Checked<IdNumberFacts> {
  const value = input.trim().toUpperCase();
  const fail = (rule: string, problem: string): Checked<IdNumberFacts> => ({ ok: false, rule, problem });
  if (value.length !== 18) return fail('length', `must be 18 characters (GB 11643), not ${value.length}`);
  if (!/^\d{17}[\dX]$/.test(value)) return fail('charset', 'must be 17 digits followed by a digit or X');
  if (!isDivisionCodeFormat(value.slice(0, 6))) {
    return fail('division', `starts with ${value.slice(0, 6)}, which is not a GB/T 2260 division code`);
  }
  const birthDate = `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`;
  if (!isRealDate(birthDate)) return fail('birth-date', `encodes birth date ${birthDate}, which does not exist`);
  if (birthDate < '1900-01-01' || birthDate > today.toISOString().slice(0, 10)) {
    return fail('birth-date', `encodes birth date ${birthDate}, outside 1900-01-01 to today`);
  }
  const expected = idNumberCheckCharacter(value);
  if (value[17] !== expected) {
    return fail('check-character', `fails the GB 11643 check character (expected ${expected}, got ${value[17]})`);
  }
  return {
    ok: true,
    value: {
      idNumber: value,
      divisionCode: value.slice(0, 6),
      birthDate,
      gender: Number(value[16]) % 2 === 1 ? 'MALE' : 'FEMALE',
    },
  };
}

/** Builds a valid ID number from its parts (seeds and tests). `sequence` is 0-999; its parity sets the gender. */
export function makeIdNumber(divisionCode: string, birthDate: string, sequence: number): string {
  const first17 = `${divisionCode}${birthDate.replace(/-/g, '')}${String(sequence).padStart(3, '0')}`;
  return first17 + idNumberCheckCharacter(first17);
}

/** True for an ISO date (YYYY-MM-DD) that exists in the calendar. */
export function isRealDate(isoDate: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(isoDate)) return false;
  const parsed = new Date(`${isoDate}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === isoDate;
}
