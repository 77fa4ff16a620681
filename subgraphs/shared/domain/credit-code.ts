import type { Checked } from './id-number';
import { isDivisionCodeFormat } from './divisions';

/**
 * Unified social credit code, GB 32100-2015: registration authority (1), organisation type (1),
 * division code (6), organisation code (9, GB 11714, with its own check character), check character.
 * Characters come from 0-9 and A-Z without I, O, S, V and Z.
 */

export const CREDIT_CODE_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** Registration authorities and the organisation types each may assign (GB 32100-2015, table 1). */
const AUTHORITY_TYPES: Record<string, string> = {
  '1': '1239', // 机构编制
  '2': '19', // 外交
  '3': '123459', // 司法行政
  '4': '129', // 文化
  '5': '1239', // 民政
  '6': '129', // 旅游
  '7': '129', // 宗教
  '8': '129', // 工会
  '9': '123', // 市场监管 (工商): enterprise, individual business, farmers' cooperative
  A: '19', // 中央军委改革和编制办公室
  N: '129', // 农业
  Y: '1', // 其他
};

/** The GB 32100 check character for the first 17 characters. */
export function creditCodeCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += CREDIT_CODE_CHARSET.indexOf(first17[i]) * CREDIT_WEIGHTS[i];
  return CREDIT_CODE_CHARSET[(31 - (sum % 31)) % 31];
}

/** The GB 11714 check character for an 8-character organisation code body. */
export function organizationCodeCheckCharacter(body8: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i += 1) {
    const c = body8[i];
    const value = /\d/.test(c) ? Number(c) : c.charCodeAt(0) - 55; // A=10 ... Z=35
    sum += value * ORG_CODE_WEIGHTS[i];
  }
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}

export interface CreditCodeFacts {
  creditCode: string;
  registrationAuthority: string;
  organizationType: string;
  divisionCode: string;
  organizationCode: string;
}

/** Checks a credit code (length, characters, authority and type, division, GB 11714 and GB 32100 check characters). */
export function checkCreditCode(input: string): Checked<CreditCodeFacts> {
  const value = input.trim().toUpperCase();
  const fail = (rule: string, problem: string): Checked<CreditCodeFacts> => ({ ok: false, rule, problem });
  if (value.length !== 18) return fail('length', `must be 18 characters (GB 32100), not ${value.length}`);
  const bad = [...value].find((c) => !CREDIT_CODE_CHARSET.includes(c));
  if (bad !== undefined)
    return fail('charset', `contains ${JSON.stringify(bad)}; allowed are 0-9 and A-Z except I, O, S, V, Z`);
  const types = AUTHORITY_TYPES[value[0]];
  if (!types)
    return fail(
      'registration-authority',
      `has registration authority code ${value[0]}, which GB 32100 does not define`,
    );
  if (!types.includes(value[1])) {
    return fail('organization-type', `has organisation type ${value[1]}, which authority ${value[0]} does not assign`);
  }
  if (!isDivisionCodeFormat(value.slice(2, 8))) {
    return fail('division', `has division ${value.slice(2, 8)}, which is not a GB/T 2260 division code`);
  }
  const orgCode = value.slice(8, 17);
  const expectedOrg = organizationCodeCheckCharacter(orgCode.slice(0, 8));
  if (orgCode[8] !== expectedOrg) {
    return fail(
      'organization-code',
      `has organisation code ${orgCode}, which fails the GB 11714 check (expected ${expectedOrg})`,
    );
  }
  const expected = creditCodeCheckCharacter(value);
  if (value[17] !== expected) {
    return fail('check-character', `fails the GB 32100 check character (expected ${expected}, got ${value[17]})`);
  }
  return {
    ok: true,
    value: {
      creditCode: value,
      registrationAuthority: value[0],
      organizationType: value[1],
      divisionCode: value.slice(2, 8),
      organizationCode: orgCode,
    },
  };
}

/**
 * Builds a valid credit code (seeds and tests): authority 9 (market regulation), the given type,
 * division and 8-character organisation code body from the credit-code charset without letters
 * that GB 11714 disallows.
 */
export function makeCreditCode(type: '1' | '2' | '3', divisionCode: string, orgBody8: string): string {
  const orgCode = orgBody8 + organizationCodeCheckCharacter(orgBody8);
  const first17 = `9${type}${divisionCode}${orgCode}`;
  return first17 + creditCodeCheckCharacter(first17);
}
