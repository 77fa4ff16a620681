/**
 * Administrative divisions (GB/T 2260). The demo city is Chengdu: its 20 districts and counties,
 * each with a labour-market counter, are the districts a person or organization is registered in.
 */

export const CHENGDU_DISTRICTS = {
  '510104': '锦江区',
  '510105': '青羊区',
  '510106': '金牛区',
  '510107': '武侯区',
  '510108': '成华区',
  '510112': '龙泉驿区',
  '510113': '青白江区',
  '510114': '新都区',
  '510115': '温江区',
  '510116': '双流区',
  '510117': '郫都区',
  '510118': '新津区',
  '510121': '金堂县',
  '510129': '大邑县',
  '510131': '蒲江县',
  '510181': '都江堰市',
  '510182': '彭州市',
  '510183': '邛崃市',
  '510184': '崇州市',
  '510185': '简阳市',
} as const;

export type ChengduDistrictCode = keyof typeof CHENGDU_DISTRICTS;

export const CHENGDU_DISTRICT_CODES = Object.keys(CHENGDU_DISTRICTS) as ChengduDistrictCode[];

export function isChengduDistrict(code: string): code is ChengduDistrictCode {
  return Object.prototype.hasOwnProperty.call(CHENGDU_DISTRICTS, code);
}

/** Province-level codes (first two digits of a GB/T 2260 code). */
export const PROVINCE_CODES = new Set([
  '11',
  '12',
  '13',
  '14',
  '15',
  '21',
  '22',
  '23',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '50',
  '51',
  '52',
  '53',
  '54',
  '61',
  '62',
  '63',
  '64',
  '65',
  '71',
  '81',
  '82',
]);

/** A six-digit code with a real province prefix (any division in China, not only Chengdu). */
export function isDivisionCodeFormat(code: string): boolean {
  return /^\d{6}$/.test(code) && PROVINCE_CODES.has(code.slice(0, 2));
}
