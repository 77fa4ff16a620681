import { badUserInput } from './errors';
import { checkCreditCode, type CreditCodeFacts } from './domain/credit-code';
import { CHENGDU_DISTRICTS, isChengduDistrict, type ChengduDistrictCode } from './domain/divisions';
import { isEthnicGroup } from './domain/ethnicity';
import { checkIdNumber, isRealDate, type IdNumberFacts } from './domain/id-number';
import { industryCodeProblem } from './domain/industry';

/**
 * Input checks for resolvers. Each returns the clean value or throws BAD_USER_INPUT naming the
 * argument (e.g. `input.idNumber`) and the rule it breaks, before anything is written.
 */

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u001f\u007f]/;

/** Trimmed text of `min` to `max` characters (counted as characters, not bytes), without control characters. */
export function text(argument: string, value: string, { min = 1, max }: { min?: number; max: number }): string {
  const trimmed = value.trim();
  const length = [...trimmed].length;
  if (length < min || length > max) {
    throw badUserInput(argument, 'length', `${argument} must be ${min} to ${max} characters (got ${length})`);
  }
  if (CONTROL.test(trimmed)) {
    throw badUserInput(argument, 'charset', `${argument} must not contain control characters`);
  }
  return trimmed;
}

export function idNumber(argument: string, value: string): IdNumberFacts {
  const checked = checkIdNumber(value);
  if (!checked.ok)
    throw badUserInput(argument, checked.rule, `${argument} ${JSON.stringify(value)} ${checked.problem}`);
  return checked.value;
}

export function creditCode(argument: string, value: string): CreditCodeFacts {
  const checked = checkCreditCode(value);
  if (!checked.ok)
    throw badUserInput(argument, checked.rule, `${argument} ${JSON.stringify(value)} ${checked.problem}`);
  return checked.value;
}

export function chengduDistrict(argument: string, value: string): ChengduDistrictCode {
  if (!isChengduDistrict(value)) {
    throw badUserInput(
      argument,
      'district',
      `${argument} ${JSON.stringify(value)} is not one of Chengdu's 20 district codes (GB/T 2260), e.g. ` +
        Object.entries(CHENGDU_DISTRICTS)
          .slice(0, 3)
          .map(([code, name]) => `${code} ${name}`)
          .join(', '),
    );
  }
  return value;
}

export function industryCode(argument: string, value: string, options: { allowPrefix?: boolean } = {}): string {
  const code = value.trim().toUpperCase();
  const problem = industryCodeProblem(code, options);
  if (problem) throw badUserInput(argument, 'industry-code', `${argument} ${JSON.stringify(value)} ${problem}`);
  return code;
}

export function ethnicity(argument: string, value: string): string {
  if (!isEthnicGroup(value)) {
    throw badUserInput(
      argument,
      'ethnicity',
      `${argument} ${JSON.stringify(value)} is not one of the 56 ethnic groups (e.g. 汉族, 彝族, 藏族)`,
    );
  }
  return value;
}

/** Mainland mobile number: 11 digits, starting 13-19. */
export function mobilePhone(argument: string, value: string): string {
  const digits = value.trim();
  if (!/^1[3-9]\d{9}$/.test(digits)) {
    throw badUserInput(
      argument,
      'phone',
      `${argument} ${JSON.stringify(value)} must be a mainland mobile number: 11 digits starting with 13-19`,
    );
  }
  return digits;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

export function uuid(argument: string, value: string): string {
  if (!isUuid(value))
    throw badUserInput(argument, 'uuid', `${argument} ${JSON.stringify(value)} must be a registry id (UUID)`);
  return value.toLowerCase();
}

/** A real calendar date within bounds (inclusive). */
export function date(
  argument: string,
  value: string,
  { notAfter, notBefore }: { notAfter?: string; notBefore?: string } = {},
): string {
  if (!isRealDate(value))
    throw badUserInput(argument, 'date', `${argument} ${JSON.stringify(value)} must be a date YYYY-MM-DD`);
  if (notAfter && value > notAfter)
    throw badUserInput(argument, 'date-range', `${argument} ${value} must not be after ${notAfter}`);
  if (notBefore && value < notBefore)
    throw badUserInput(argument, 'date-range', `${argument} ${value} must not be before ${notBefore}`);
  return value;
}

export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** A Money amount (already shape-checked by the scalar) within bounds. */
export function amount(argument: string, value: string, { positive = false } = {}): string {
  if (positive && Number(value) <= 0) throw badUserInput(argument, 'positive', `${argument} must be greater than zero`);
  return value;
}

export const MAX_PAGE_SIZE = 100;

/** A page size from 1 to MAX_PAGE_SIZE: a hard cap, refused rather than silently clamped. */
export function pageSize(argument: string, value: number | null | undefined, fallback = 20): number {
  const size = value ?? fallback;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
    throw badUserInput(argument, 'page-size', `${argument} must be from 1 to ${MAX_PAGE_SIZE} (got ${size})`);
  }
  return size;
}

/** Opaque cursors: base64url of a JSON array. */
export function encodeCursor(values: unknown[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function decodeCursor(argument: string, cursor: string, length: number): unknown[] {
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(values) && values.length === length) return values;
  } catch {
    // fall through to the error below
  }
  throw badUserInput(
    argument,
    'cursor',
    `${argument} is not a cursor this API issued; pass a pageInfo.endCursor back unchanged`,
  );
}
