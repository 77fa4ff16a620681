import type { DecimalColumn } from './columns';
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

/**
 * A Money amount (already shape-checked by the scalar) that its numeric(precision, scale) column can
 * hold: at most precision - scale digits before the point and scale after it.
 */
export function amount(argument: string, value: string, column: DecimalColumn, { positive = false } = {}): string {
  const [whole, fraction = ''] = value.split('.');
  const wholeDigits = column.precision - column.scale;
  if (whole.replace(/^0+(?=\d)/, '').length > wholeDigits || fraction.replace(/0+$/, '').length > column.scale) {
    const largest = `${'9'.repeat(wholeDigits).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${'9'.repeat(column.scale)}`;
    throw badUserInput(
      argument,
      'max',
      `${argument} ${value} is more than the register can hold: at most ${largest} ` +
        `(${wholeDigits} digits before the point, ${column.scale} after)`,
    );
  }
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

/**
 * One position of a cursor: what it may hold. decodeCursor checks every position, so a forged
 * cursor (a NUL byte, a huge string, a number where text belongs) is BAD_USER_INPUT on `after`
 * and never reaches the database.
 */
export interface CursorField<T> {
  accepts(value: unknown): value is T;
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** An ISO 8601 UTC instant exactly as Date#toISOString writes it (years 0000-9999). */
export function isInstant(value: unknown): value is string {
  return typeof value === 'string' && INSTANT.test(value) && new Date(value).toISOString() === value;
}

/** The kinds of value a cursor position may hold. */
export const cursorField = {
  /** Text of 1 to `max` characters without control characters. */
  text: (max = 200): CursorField<string> => ({
    accepts: (value): value is string =>
      typeof value === 'string' && value.length > 0 && [...value].length <= max && !CONTROL.test(value),
  }),
  /** Text matching a pattern (anchor it). */
  matching: (pattern: RegExp): CursorField<string> => ({
    accepts: (value): value is string => typeof value === 'string' && pattern.test(value),
  }),
  /** One of a fixed list of strings. */
  oneOf: <T extends string>(values: readonly T[]): CursorField<T> => ({
    accepts: (value): value is T => typeof value === 'string' && (values as readonly string[]).includes(value),
  }),
  uuid: { accepts: (value): value is string => typeof value === 'string' && isUuid(value) } as CursorField<string>,
  instant: { accepts: isInstant } as CursorField<string>,
  /** A whole number from 0 to 2^53 - 1. */
  count: {
    accepts: (value): value is number => typeof value === 'number' && Number.isSafeInteger(value) && value >= 0,
  } as CursorField<number>,
};

type CursorValues<S extends readonly CursorField<unknown>[]> = {
  -readonly [K in keyof S]: S[K] extends CursorField<infer T> ? T : never;
};

/** Longest cursor accepted before decoding: far above any this API issues. */
const MAX_CURSOR_LENGTH = 1000;

/** Opaque cursors: base64url of a JSON array whose positions `shape` describes. */
export function encodeCursor<S extends readonly CursorField<unknown>[]>(_shape: S, values: CursorValues<S>): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

/** The values of a cursor this API issued, each checked against `shape`; BAD_USER_INPUT otherwise. */
export function decodeCursor<S extends readonly CursorField<unknown>[]>(
  argument: string,
  cursor: string,
  shape: S,
): CursorValues<S> {
  if (cursor.length <= MAX_CURSOR_LENGTH && /^[A-Za-z0-9_-]+$/.test(cursor)) {
    try {
      const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
      if (
        Array.isArray(values) &&
        values.length === shape.length &&
        shape.every((field, i) => field.accepts(values[i]))
      ) {
        return values as CursorValues<S>;
      }
    } catch {
      // fall through to the error below
    }
  }
  throw badUserInput(
    argument,
    'cursor',
    `${argument} is not a cursor this API issued; pass a pageInfo.endCursor back unchanged`,
  );
}
