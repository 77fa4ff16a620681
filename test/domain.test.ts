import {
  checkCreditCode,
  creditCodeCheckCharacter,
  makeCreditCode,
  organizationCodeCheckCharacter,
} from '../subgraphs/shared/domain/credit-code';
import { CHENGDU_DISTRICT_CODES, isDivisionCodeFormat } from '../subgraphs/shared/domain/divisions';
import { ETHNIC_GROUPS } from '../subgraphs/shared/domain/ethnicity';
import { checkIdNumber, idNumberCheckCharacter, isRealDate, makeIdNumber } from '../subgraphs/shared/domain/id-number';
import { industryCodeProblem } from '../subgraphs/shared/domain/industry';

/** The national standards the registries check input against, tested on published values. */

describe('resident ID number (GB 11643-1999)', () => {
  it('accepts the standard’s own example and reads birth date and gender from it', () => {
    expect(checkIdNumber('11010519491231002X')).toEqual({
      ok: true,
      value: { idNumber: '11010519491231002X', divisionCode: '110105', birthDate: '1949-12-31', gender: 'FEMALE' },
    });
  });

  it('computes the check character with weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2, mod 11', () => {
    expect(idNumberCheckCharacter('11010519491231002')).toBe('X');
    expect(idNumberCheckCharacter('51010419900307123')).toBe('7');
  });

  it.each([
    ['11010519491231002x', true, undefined],
    ['1101051949123100', false, 'length'],
    ['11010519491231002Y', false, 'charset'],
    ['99010519491231002X', false, 'division'],
    ['110105194902300026', false, 'birth-date'],
    ['110105189912310025', false, 'birth-date'],
    ['110105194912310021', false, 'check-character'],
  ])('%s → ok=%s rule=%s', (value, ok, rule) => {
    const result = checkIdNumber(value);
    expect(result.ok).toBe(ok);
    if (!result.ok) expect(result.rule).toBe(rule);
  });

  it('refuses a birth date in the future', () => {
    expect(checkIdNumber(makeIdNumber('510104', '2030-01-01', 1), new Date('2026-11-21'))).toMatchObject({
      ok: false,
      rule: 'birth-date',
    });
  });

  it('builds numbers whose sequence parity gives the gender', () => {
    expect(checkIdNumber(makeIdNumber('510107', '2001-02-03', 11))).toMatchObject({
      ok: true,
      value: { gender: 'MALE' },
    });
    expect(checkIdNumber(makeIdNumber('510107', '2001-02-03', 12))).toMatchObject({
      ok: true,
      value: { gender: 'FEMALE' },
    });
  });

  it('knows real calendar dates', () => {
    expect(isRealDate('2024-02-29')).toBe(true);
    expect(isRealDate('2023-02-29')).toBe(false);
    expect(isRealDate('2023-13-01')).toBe(false);
  });
});

describe('unified social credit code (GB 32100-2015)', () => {
  it.each([
    '91350100M000100Y43',
    '9144030071526726XG',
    '91330100716105852F',
    '914403001922038216',
    '91110000802100433B',
  ])('accepts the published code %s', (code) => {
    expect(checkCreditCode(code).ok).toBe(true);
  });

  it('computes both check characters: GB 11714 for the organisation code, GB 32100 for the whole', () => {
    expect(organizationCodeCheckCharacter('M000100Y')).toBe('4');
    expect(organizationCodeCheckCharacter('71526726')).toBe('X');
    expect(creditCodeCheckCharacter('91350100M000100Y4')).toBe('3');
    expect(creditCodeCheckCharacter('9144030071526726X')).toBe('G');
  });

  it.each([
    ['91350100M000100Y4', 'length'],
    ['91350100M000100YI3', 'charset'],
    ['B1350100M000100Y43', 'registration-authority'],
    ['94350100M000100Y43', 'organization-type'],
    ['91990100M000100Y43', 'division'],
    ['91350100M000100Y53', 'organization-code'],
    ['91350100M000100Y44', 'check-character'],
  ])('refuses %s with rule %s', (code, rule) => {
    expect(checkCreditCode(code)).toMatchObject({ ok: false, rule });
  });

  it('builds valid codes for every Chengdu district', () => {
    for (const district of CHENGDU_DISTRICT_CODES) {
      expect(checkCreditCode(makeCreditCode('1', district, 'MA6CX0Q1')).ok).toBe(true);
    }
  });
});

describe('reference lists', () => {
  it('has Chengdu’s 20 districts and counties with GB/T 2260 codes', () => {
    expect(CHENGDU_DISTRICT_CODES).toHaveLength(20);
    expect(CHENGDU_DISTRICT_CODES.every(isDivisionCodeFormat)).toBe(true);
  });

  it('has the 56 ethnic groups, each once', () => {
    expect(new Set(ETHNIC_GROUPS).size).toBe(56);
  });

  it.each([
    ['I6513', false, null],
    ['I65', false, null],
    ['I', true, null],
    ['I', false, 'must be a GB/T 4754 section letter A-T followed by 2 to 4 digits (e.g. I6513)'],
    ['A6513', false, 'has division 65, which is not in section A (divisions 01-05)'],
    ['U01', false, 'must be a GB/T 4754 section letter A-T followed by 2 to 4 digits (e.g. I6513)'],
  ])('industry code %s (prefix allowed: %s) → %s', (code, allowPrefix, problem) => {
    expect(industryCodeProblem(code, { allowPrefix })).toBe(problem);
  });
});
