/**
 * Industry classification, GB/T 4754-2017: 20 sections (A-T), each covering a range of two-digit
 * divisions. A code here is a section letter followed by 2 to 4 digits (division, group, class),
 * e.g. I65 or I6513, and its division must belong to its section.
 */

const SECTION_DIVISIONS: Record<string, [number, number]> = {
  A: [1, 5],
  B: [6, 12],
  C: [13, 43],
  D: [44, 46],
  E: [47, 50],
  F: [51, 52],
  G: [53, 60],
  H: [61, 62],
  I: [63, 65],
  J: [66, 69],
  K: [70, 70],
  L: [71, 72],
  M: [73, 75],
  N: [76, 79],
  O: [80, 82],
  P: [83, 83],
  Q: [84, 85],
  R: [86, 90],
  S: [91, 96],
  T: [97, 97],
};

/** Why `code` is not an industry code (or prefix, when `allowPrefix`), or null when it is one. */
export function industryCodeProblem(code: string, { allowPrefix = false } = {}): string | null {
  const pattern = allowPrefix ? /^([A-T])(\d{2,4})?$/ : /^([A-T])(\d{2,4})$/;
  const match = pattern.exec(code);
  if (!match) {
    return allowPrefix
      ? 'must be a GB/T 4754 section letter A-T, optionally followed by 2 to 4 digits (e.g. I, I65, I6513)'
      : 'must be a GB/T 4754 section letter A-T followed by 2 to 4 digits (e.g. I6513)';
  }
  const [, section, digits] = match;
  if (!digits) return null;
  const division = Number(digits.slice(0, 2));
  const [low, high] = SECTION_DIVISIONS[section];
  if (division < low || division > high) {
    return `has division ${digits.slice(0, 2)}, which is not in section ${section} (divisions ${String(low).padStart(2, '0')}-${String(high).padStart(2, '0')})`;
  }
  return null;
}

/** Industry classes used for demo data, with their names. */
export const SAMPLE_INDUSTRIES: [code: string, name: string][] = [
  ['A0141', '蔬菜种植'],
  ['C1391', '淀粉及淀粉制品制造'],
  ['C1469', '其他调味品、发酵制品制造'],
  ['C2710', '化学药品原料药制造'],
  ['C3670', '汽车零部件及配件制造'],
  ['C3911', '计算机整机制造'],
  ['C3976', '光电子器件制造'],
  ['D4411', '火力发电'],
  ['E4710', '房屋建筑业'],
  ['E4813', '市政道路工程建筑'],
  ['F5124', '肉、禽、蛋、奶及水产品批发'],
  ['F5211', '百货零售'],
  ['F5261', '汽车新车零售'],
  ['G5430', '道路货物运输'],
  ['G5821', '快递服务'],
  ['H6110', '旅游饭店'],
  ['H6210', '正餐服务'],
  ['H6241', '茶馆服务'],
  ['I6410', '互联网接入及相关服务'],
  ['I6513', '应用软件开发'],
  ['I6531', '信息技术咨询服务'],
  ['J6620', '货币银行服务'],
  ['K7010', '房地产开发经营'],
  ['K7020', '物业管理'],
  ['L7212', '投资与资产管理'],
  ['L7281', '科技中介服务'],
  ['M7320', '工程和技术研究和试验发展'],
  ['M7484', '工程设计活动'],
  ['N7820', '环境卫生管理'],
  ['O8010', '家庭服务'],
  ['P8336', '中等职业学校教育'],
  ['Q8411', '综合医院'],
  ['R8710', '广播'],
  ['R9011', '文艺创作与表演'],
];
