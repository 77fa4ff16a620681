import type { ORGANIZATION_STATUSES, ORGANIZATION_TYPES } from '../subgraphs/legal-person/entities/organization.entity';
import { CREDIT_CODE_CHARSET, makeCreditCode } from '../subgraphs/shared/domain/credit-code';
import { CHENGDU_DISTRICTS, type ChengduDistrictCode } from '../subgraphs/shared/domain/divisions';
import { SAMPLE_INDUSTRIES } from '../subgraphs/shared/domain/industry';
import { businessAddress, districtName, pickDistrict, RURAL_DISTRICTS, villageAddress } from './addresses';
import { addYears, AS_OF_DAY, isoDay, SEED_TIMESTAMP, toDay, type PersonRow } from './people';
import { type Random, type WeightedTable, weightedTable } from './random';

/**
 * The legal-person registry's demo data: organizations of every type with valid credit codes,
 * names and business scopes that fit their industry, legal representatives taken from the
 * natural-person data, and administrative penalties for a few of them.
 */

export type OrganizationType = (typeof ORGANIZATION_TYPES)[number];
export type OrganizationStatus = (typeof ORGANIZATION_STATUSES)[number];
export type CreditRiskClass = 'A' | 'B' | 'C' | 'D';

export interface OrganizationRow {
  id: string;
  created_at: string;
  updated_at: string;
  credit_code: string;
  name: string;
  type: OrganizationType;
  status: OrganizationStatus;
  legal_representative_id: string;
  registered_capital: string;
  established_on: string;
  industry_code: string;
  district_code: ChengduDistrictCode;
  address: string;
  business_scope: string;
  credit_risk_class: CreditRiskClass;
}

export interface PenaltyRow {
  id: string;
  created_at: string;
  updated_at: string;
  organization_id: string;
  decision_number: string;
  decided_on: string;
  reason: string;
  amount: string;
  authority: string;
}

/** Rows per table of the legal-person database. */
export interface OrganizationData {
  organization: OrganizationRow[];
  penalty: PenaltyRow[];
}

/** Organizations are established between these days (inclusive). */
export const FIRST_ESTABLISHED_ON = '1995-01-01';
export const LAST_ESTABLISHED_ON = '2026-10-31';

// ---------------------------------------------------------------------------------------------
// Industries: the words in a name, and the items of a business scope, per GB/T 4754 class.

interface IndustryProfile {
  /** Words that name the trade in a company name (科技, 餐饮管理, ...). */
  words: string[];
  /** Items that need a licence (许可项目). */
  licensed: string[];
  /** Items anyone may carry on (一般项目). */
  general: string[];
  /** Kinds of shop for individual businesses (面馆, 便利店, ...), if individuals run this trade. */
  shops?: string[];
  /** Whether food-safety penalties apply. */
  food?: boolean;
}

const TECH_SERVICES = '技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广';

const INDUSTRIES: Record<string, IndustryProfile> = {
  A0141: {
    words: ['农业', '农业科技', '蔬菜种植'],
    licensed: [],
    general: [
      '蔬菜种植',
      '农产品的生产、销售、加工、运输、贮藏及其他相关服务',
      '农业机械服务',
      '农业技术推广服务',
      '食用农产品初加工',
    ],
    shops: ['蔬菜种植场'],
    food: true,
  },
  C1391: {
    words: ['食品', '淀粉制品'],
    licensed: ['食品生产', '粮食加工品生产'],
    general: ['食用农产品初加工', '食品销售（仅销售预包装食品）', '农副产品销售'],
    food: true,
  },
  C1469: {
    words: ['调味品', '食品', '酿造'],
    licensed: ['食品生产', '调味品生产'],
    general: ['食品销售（仅销售预包装食品）', '农副产品销售', '货物进出口'],
    shops: ['豆瓣坊', '调料坊'],
    food: true,
  },
  C2710: {
    words: ['药业', '制药'],
    licensed: ['药品生产', '药品批发'],
    general: ['化工产品销售（不含许可类化工产品）', TECH_SERVICES],
  },
  C3670: {
    words: ['汽车零部件', '汽配', '机械'],
    licensed: [],
    general: ['汽车零部件及配件制造', '汽车零配件批发', '机械零件、零部件加工', '模具制造', '金属表面处理及热处理加工'],
  },
  C3911: {
    words: ['电子', '计算机'],
    licensed: [],
    general: ['计算机软硬件及外围设备制造', '计算机软硬件及辅助设备零售', '电子产品销售', '信息系统集成服务'],
  },
  C3976: {
    words: ['光电', '光电子'],
    licensed: [],
    general: ['光电子器件制造', '光电子器件销售', '电子元器件制造', '半导体照明器件制造', TECH_SERVICES],
  },
  D4411: {
    words: ['电力', '能源', '热电'],
    licensed: ['发电业务、输电业务、供（配）电业务'],
    general: ['热力生产和供应', '固体废物治理', '煤炭及制品销售'],
  },
  E4710: {
    words: ['建筑工程', '建设工程'],
    licensed: ['建设工程施工', '住宅室内装饰装修'],
    general: ['建筑材料销售', '机械设备租赁', '园林绿化工程施工'],
  },
  E4813: {
    words: ['市政工程', '路桥'],
    licensed: ['建设工程施工', '公路管理与养护'],
    general: ['市政设施管理', '土石方工程施工', '园林绿化工程施工', '建筑材料销售'],
  },
  F5124: {
    words: ['农产品', '食品贸易', '冷链'],
    licensed: ['食品销售'],
    general: ['食用农产品批发', '鲜肉批发', '水产品批发', '鲜蛋批发', '低温仓储（不含危险化学品等需许可审批的项目）'],
    shops: ['生鲜店', '冻品经营部', '水产店', '鲜肉店'],
    food: true,
  },
  F5211: {
    words: ['商贸', '百货'],
    licensed: ['食品销售', '烟草制品零售'],
    general: ['日用百货销售', '日用品销售', '五金产品零售', '文具用品零售', '化妆品零售', '服装服饰零售'],
    shops: ['便利店', '超市', '百货店', '日杂店', '副食店'],
    food: true,
  },
  F5261: {
    words: ['汽车销售', '汽车贸易'],
    licensed: [],
    general: ['汽车新车销售', '新能源汽车整车销售', '汽车零配件零售', '二手车经纪', '机动车修理和维护'],
  },
  G5430: {
    words: ['物流', '运输', '供应链'],
    licensed: ['道路货物运输（不含危险货物）'],
    general: ['国内货物运输代理', '普通货物仓储服务（不含危险化学品等需许可审批的项目）', '装卸搬运', '供应链管理服务'],
  },
  G5821: {
    words: ['快递', '速递'],
    licensed: ['快递服务'],
    general: ['国内货物运输代理', '装卸搬运', '信息咨询服务（不含许可类信息咨询服务）'],
    shops: ['快递驿站', '快递服务部'],
  },
  H6110: {
    words: ['酒店管理', '酒店'],
    licensed: ['住宿服务', '餐饮服务'],
    general: ['酒店管理', '会议及展览服务', '停车场服务', '洗烫服务'],
    food: true,
  },
  H6210: {
    words: ['餐饮管理', '餐饮'],
    licensed: ['餐饮服务', '食品销售'],
    general: ['餐饮管理', '外卖递送服务', '食品销售（仅销售预包装食品）'],
    shops: ['面馆', '火锅店', '串串香店', '小吃店', '中餐馆', '冒菜馆', '饭店', '抄手店', '烧烤店'],
    food: true,
  },
  H6241: {
    words: ['茶文化', '茶馆'],
    licensed: ['餐饮服务', '食品销售'],
    general: ['茶具销售', '棋牌室服务', '组织文化艺术交流活动', '食品销售（仅销售预包装食品）'],
    shops: ['茶馆', '茶铺', '茶楼'],
    food: true,
  },
  I6410: {
    words: ['网络科技', '通信'],
    licensed: ['第一类增值电信业务', '第二类增值电信业务'],
    general: ['网络技术服务', '信息系统集成服务', '计算机系统服务'],
  },
  I6513: {
    words: ['软件', '信息技术', '科技'],
    licensed: [],
    general: [
      '软件开发',
      '信息技术咨询服务',
      '信息系统集成服务',
      '数据处理服务',
      TECH_SERVICES,
      '人工智能应用软件开发',
    ],
  },
  I6531: {
    words: ['信息咨询', '数字科技', '信息科技'],
    licensed: [],
    general: ['信息技术咨询服务', '信息系统运行维护服务', '数据处理和存储支持服务', '软件开发', '企业管理咨询'],
  },
  J6620: {
    words: ['村镇银行'],
    licensed: [
      '吸收公众存款',
      '发放短期、中期和长期贷款',
      '办理国内结算',
      '办理票据承兑与贴现',
      '从事同业拆借',
      '代理发行、代理兑付、承销政府债券',
      '代理收付款项',
      '经银行业监督管理机构批准的其他业务',
    ],
    general: [],
  },
  K7010: {
    words: ['置业', '房地产开发', '地产'],
    licensed: ['房地产开发经营'],
    general: ['物业管理', '住房租赁', '非居住房地产租赁', '房地产经纪'],
  },
  K7020: {
    words: ['物业管理', '物业服务'],
    licensed: [],
    general: ['物业管理', '停车场服务', '家政服务', '园林绿化工程施工', '专业保洁、清洗、消毒服务'],
  },
  L7212: {
    words: ['投资管理', '资产管理', '股权投资'],
    licensed: [],
    general: ['以自有资金从事投资活动', '自有资金投资的资产管理服务', '企业管理咨询', '财务咨询'],
  },
  L7281: {
    words: ['科技服务', '知识产权'],
    licensed: [],
    general: ['科技中介服务', '知识产权服务（专利代理服务除外）', TECH_SERVICES, '创业空间服务'],
  },
  M7320: {
    words: ['技术研究', '科技发展'],
    licensed: ['检验检测服务'],
    general: ['工程和技术研究和试验发展', TECH_SERVICES, '新材料技术研发'],
  },
  M7484: {
    words: ['工程设计', '建筑设计'],
    licensed: ['建设工程设计', '建设工程勘察'],
    general: ['工程管理服务', '规划设计管理', '工程造价咨询业务'],
  },
  N7820: {
    words: ['环境服务', '环保科技', '环境卫生'],
    licensed: ['城市生活垃圾经营性服务'],
    general: ['城乡市容管理', '专业保洁、清洗、消毒服务', '园林绿化工程施工', '环境卫生公共设施安装服务'],
  },
  O8010: {
    words: ['家政服务', '家庭服务'],
    licensed: [],
    general: ['家政服务', '养老服务', '护理机构服务（不含医疗服务）', '病人陪护服务', '专业保洁、清洗、消毒服务'],
    shops: ['家政服务部', '保洁服务部'],
  },
  P8336: {
    words: ['教育科技', '职业培训'],
    licensed: ['职业技能培训'],
    general: [
      '教育咨询服务（不含涉许可审批的教育培训活动）',
      '业务培训（不含教育培训、职业技能培训等需取得许可的培训）',
    ],
  },
  Q8411: {
    words: ['医院', '医疗'],
    licensed: ['医疗服务'],
    general: ['医院管理', '健康咨询服务（不含诊疗服务）', '第一类医疗器械销售'],
  },
  R8710: {
    words: ['广播传媒', '文化传媒'],
    licensed: ['广播电视节目制作经营'],
    general: ['广告设计、代理', '广告制作', '组织文化艺术交流活动', '数字内容制作服务（不含出版发行）'],
  },
  R9011: {
    words: ['文化传播', '文化艺术', '演艺'],
    licensed: ['营业性演出'],
    general: ['文艺创作', '组织文化艺术交流活动', '礼仪服务', '会议及展览服务'],
  },
};

// Every sample industry needs a profile; fail at load time rather than with an undefined later.
for (const [code] of SAMPLE_INDUSTRIES) {
  if (!INDUSTRIES[code]) throw new Error(`seeds/organizations.ts has no profile for sample industry ${code}`);
}

const SAMPLE_CODES = SAMPLE_INDUSTRIES.map(([code]) => code);

/** Which industries each type of organization is found in, and how often. */
const TYPE_INDUSTRIES: Record<OrganizationType, WeightedTable<string>> = {
  // Companies are found everywhere except banking, with trade, catering and software most common.
  LIMITED_LIABILITY_COMPANY: weightedTable(
    SAMPLE_CODES.filter((code) => code !== 'J6620').map((code) => {
      const common = ['F5211', 'H6210', 'I6513', 'E4710', 'K7020', 'L7212', 'G5430'].includes(code);
      return [code, common ? 4 : 1] as const;
    }),
  ),
  JOINT_STOCK_COMPANY: weightedTable([
    ['C2710', 2],
    ['C3670', 2],
    ['C3976', 2],
    ['D4411', 1],
    ['J6620', 2],
    ['K7010', 2],
    ['I6513', 2],
    ['E4710', 1],
  ]),
  SOLE_PROPRIETORSHIP: weightedTable([
    ['H6210', 3],
    ['H6241', 2],
    ['F5211', 3],
    ['F5124', 2],
    ['O8010', 1],
    ['L7281', 1],
    ['R9011', 1],
    ['I6531', 1],
    ['M7484', 1],
  ]),
  PARTNERSHIP: weightedTable([
    ['L7212', 6],
    ['M7484', 1],
    ['L7281', 1],
    ['I6531', 1],
  ]),
  INDIVIDUAL_BUSINESS: weightedTable([
    ['H6210', 40],
    ['F5211', 25],
    ['H6241', 10],
    ['F5124', 10],
    ['O8010', 5],
    ['G5821', 5],
    ['C1469', 3],
    ['A0141', 2],
  ]),
  FARMERS_COOPERATIVE: weightedTable([['A0141', 1]]),
  BRANCH: weightedTable([
    ['F5211', 3],
    ['H6210', 3],
    ['K7020', 2],
    ['G5821', 2],
    ['F5261', 1],
    ['H6110', 1],
    ['I6513', 1],
  ]),
};

// ---------------------------------------------------------------------------------------------
// Types, names, codes and amounts.

/** Individual businesses dominate real registers; here companies lead so that the demo has variety. */
const TYPES = weightedTable<OrganizationType>([
  ['LIMITED_LIABILITY_COMPANY', 46],
  ['INDIVIDUAL_BUSINESS', 30],
  ['BRANCH', 8],
  ['SOLE_PROPRIETORSHIP', 5],
  ['FARMERS_COOPERATIVE', 5],
  ['PARTNERSHIP', 4],
  ['JOINT_STOCK_COMPANY', 2],
]);

const STATUSES = weightedTable<OrganizationStatus>([
  ['ACTIVE', 85],
  ['DEREGISTERED', 10],
  ['REVOKED', 5],
]);
const RISK_CLASSES = weightedTable<CreditRiskClass>([
  ['A', 55],
  ['B', 30],
  ['C', 11],
  ['D', 4],
]);
/** Organizations with penalties are rated worse. */
const PENALIZED_RISK_CLASSES = weightedTable<CreditRiskClass>([
  ['A', 10],
  ['B', 40],
  ['C', 32],
  ['D', 18],
]);

/** Organisation type character of the credit code (GB 32100 table 1, market regulation). */
function creditCodeType(type: OrganizationType): '1' | '2' | '3' {
  if (type === 'INDIVIDUAL_BUSINESS') return '2';
  return type === 'FARMERS_COOPERATIVE' ? '3' : '1';
}

/** Characters chosen for trade names (字号): auspicious, local or modern. */
const TRADE_CHARACTERS =
  '锦蜀天府华鑫瑞恒泰达盛鼎宏远兴源金川蓉峨青城岷江嘉和诚信汇通博创优智聚德福隆昌祥云星辰光明新立众合辉腾科美佳益康安邦顺丰';
const COOPERATIVE_PRODUCE = ['蔬菜', '韭黄', '莴笋', '青菜', '辣椒', '蒜薹'];

function tradeName(rng: Random, length: number): string {
  let name = '';
  while (name.length < length) {
    const character = rng.string(TRADE_CHARACTERS, 1);
    if (!name.includes(character)) name += character;
  }
  return name;
}

/** 武侯区 -> 武侯, 金堂县 -> 金堂, 都江堰市 -> 都江堰: the short form used in branch names. */
function districtShortName(district: ChengduDistrictCode): string {
  return districtName(district).slice(0, -1);
}

/** A name for the organization; `trade` is its 字号, `owner` the legal representative (for 张记面馆). */
function organizationName(
  rng: Random,
  type: OrganizationType,
  industry: string,
  district: ChengduDistrictCode,
  trade: string,
  owner: Representative,
): string {
  const profile = INDUSTRIES[industry];
  const word = rng.pick(profile.words);
  switch (type) {
    case 'LIMITED_LIABILITY_COMPANY':
      return `成都${trade}${word}有限公司`;
    case 'JOINT_STOCK_COMPANY':
      return `成都${trade}${word}股份有限公司`;
    case 'SOLE_PROPRIETORSHIP':
      return `成都${trade}${word}个人独资企业`;
    case 'PARTNERSHIP':
      return `成都${trade}${word}合伙企业（有限合伙）`;
    case 'FARMERS_COOPERATIVE':
      return `${districtName(district)}${trade}${rng.pick(COOPERATIVE_PRODUCE)}种植农民专业合作社`;
    case 'BRANCH':
      return `成都${trade}${word}有限公司${districtShortName(district)}分公司`;
    case 'INDIVIDUAL_BUSINESS': {
      // Small shops are often named after the owner: 张记, 老王.
      const surname = owner.initial;
      const shopName = rng.weighted([
        [`${surname}记`, 3],
        [`老${surname}`, 2],
        [trade, 5],
      ] as const);
      return `成都市${districtName(district)}${shopName}${rng.pick(profile.shops ?? ['经营部'])}`;
    }
  }
}

/** 一般项目/许可项目 in the wording registration authorities use. */
function businessScope(rng: Random, industry: string, type: OrganizationType): string {
  const { licensed, general } = INDUSTRIES[industry];
  const small = type === 'INDIVIDUAL_BUSINESS' || type === 'FARMERS_COOPERATIVE';
  const take = (items: string[], min: number) =>
    rng.shuffle([...items]).slice(0, Math.min(items.length, small ? min : rng.int(min, items.length)));
  const parts: string[] = [];
  if (licensed.length > 0) {
    parts.push(
      `许可项目：${take(licensed, 1).join('；')}（依法须经批准的项目，经相关部门批准后方可开展经营活动，` +
        '具体经营项目以相关部门批准文件或许可证件为准）。',
    );
  }
  if (general.length > 0) {
    parts.push(`一般项目：${take(general, 2).join('；')}（除依法须经批准的项目外，凭营业执照依法自主开展经营活动）。`);
  }
  return parts.join('');
}

/** Registered capital in yuan with two decimals; branches have none of their own. */
function registeredCapital(rng: Random, type: OrganizationType): string {
  const tenThousands = (() => {
    switch (type) {
      case 'LIMITED_LIABILITY_COMPANY':
        return rng.weighted([
          [10, 2],
          [30, 2],
          [50, 3],
          [100, 5],
          [200, 3],
          [300, 2],
          [500, 3],
          [1000, 2],
          [5000, 1],
        ] as const);
      case 'JOINT_STOCK_COMPANY':
        return rng.weighted([
          [1000, 1],
          [5000, 2],
          [10000, 2],
          [30000, 1],
          [100000, 1],
        ] as const);
      case 'SOLE_PROPRIETORSHIP':
        return rng.int(1, 100);
      case 'PARTNERSHIP':
        return rng.weighted([
          [100, 1],
          [1000, 2],
          [5000, 2],
          [20000, 1],
          [100000, 1],
        ] as const);
      case 'INDIVIDUAL_BUSINESS':
        return rng.int(1, 50);
      case 'FARMERS_COOPERATIVE':
        return rng.int(5, 300);
      case 'BRANCH':
        return 0;
    }
  })();
  return `${tenThousands * 10_000}.00`;
}

/** The body of an organisation code: 8 digits before the 2015 reform, MA plus six characters after. */
function organizationCodeBody(rng: Random, establishedOn: string): string {
  if (establishedOn < '2015-10-01') return rng.string('0123456789', 8);
  return 'MA' + rng.string(CREDIT_CODE_CHARSET, 6);
}

// ---------------------------------------------------------------------------------------------
// Penalties.

interface PenaltyReason {
  text: string;
  min: number;
  max: number;
  /** Only for organizations that handle food. */
  food?: boolean;
}

const PENALTY_REASONS: PenaltyReason[] = [
  { text: '虚假宣传：对商品的性能、功能、质量作虚假或者引人误解的商业宣传', min: 20_000, max: 200_000 },
  { text: '未按规定公示年度报告，隐瞒真实情况、弄虚作假', min: 1_000, max: 20_000 },
  { text: '未按规定明码标价', min: 500, max: 5_000 },
  { text: '使用未经检定的计量器具', min: 1_000, max: 10_000 },
  { text: '销售不合格产品', min: 5_000, max: 80_000 },
  { text: '使用未经定期检验的特种设备', min: 30_000, max: 300_000 },
  { text: '销售侵犯注册商标专用权的商品', min: 5_000, max: 250_000 },
  { text: '经营场所变更后未办理变更登记', min: 10_000, max: 100_000 },
  { text: '网络经营者未在首页显著位置公示营业执照信息', min: 2_000, max: 10_000 },
  { text: '销售过期食品', min: 5_000, max: 50_000, food: true },
  { text: '经营不符合食品安全标准的食品', min: 10_000, max: 100_000, food: true },
  { text: '未取得食品经营许可从事食品经营活动', min: 5_000, max: 50_000, food: true },
  { text: '未建立并遵守进货查验记录制度', min: 5_000, max: 20_000, food: true },
  { text: '食品从业人员未取得健康证明上岗', min: 2_000, max: 20_000, food: true },
  { text: '经营无中文标签的进口预包装食品', min: 5_000, max: 50_000, food: true },
];
const GENERAL_REASONS = PENALTY_REASONS.filter((reason) => !reason.food);

/** Short forms of the district in decision numbers (成武市监罚〔2024〕12号); all distinct. */
const DECISION_ABBREVIATIONS: Record<ChengduDistrictCode, string> = {
  '510104': '锦',
  '510105': '青',
  '510106': '金',
  '510107': '武',
  '510108': '华',
  '510112': '龙',
  '510113': '白',
  '510114': '新都',
  '510115': '温',
  '510116': '双',
  '510117': '郫',
  '510118': '津',
  '510121': '堂',
  '510129': '邑',
  '510131': '蒲',
  '510181': '堰',
  '510182': '彭',
  '510183': '邛',
  '510184': '崇',
  '510185': '简',
};

/** The district's market-regulation bureau; counties and county-level cities are not prefixed with 成都市. */
export function marketRegulationAuthority(district: ChengduDistrictCode): string {
  const name = CHENGDU_DISTRICTS[district];
  return name.endsWith('区') ? `成都市${name}市场监督管理局` : `${name}市场监督管理局`;
}

// ---------------------------------------------------------------------------------------------
// Legal representatives.

/** What an organization needs to know of its legal representative. */
export interface Representative {
  id: string;
  birthDay: number;
  district: ChengduDistrictCode;
  /** First character of the name, usually the surname (for shop names such as 张记面馆). */
  initial: string;
}

/**
 * The people who may be legal representatives: living, and 18 by the last establishment day. Fed
 * one person at a time, so a loader can stream people into the database and keep only this.
 */
export class RepresentativePool {
  /** People of working age (25-65), who are most representatives. */
  private readonly prime: Representative[] = [];
  private readonly others: Representative[] = [];
  private static readonly adultBy = toDay(LAST_ESTABLISHED_ON);
  private static readonly primeFrom = addYears(AS_OF_DAY, -66) + 1;
  private static readonly primeTo = addYears(AS_OF_DAY, -25);

  /** A pool of all eligible people in `people`. */
  static of(people: Iterable<PersonRow>): RepresentativePool {
    const pool = new RepresentativePool();
    for (const person of people) pool.add(person);
    return pool;
  }

  /** Adds the person if they are eligible. */
  add(person: PersonRow): void {
    if (person.death_date !== null) return;
    const birthDay = toDay(person.birth_date);
    if (addYears(birthDay, 18) > RepresentativePool.adultBy) return;
    const candidate = { id: person.id, birthDay, district: person.district_code, initial: person.name[0] };
    const prime = birthDay >= RepresentativePool.primeFrom && birthDay <= RepresentativePool.primeTo;
    (prime ? this.prime : this.others).push(candidate);
  }

  get size(): number {
    return this.prime.length + this.others.length;
  }

  /** Mostly someone of working age; anyone eligible otherwise. */
  pick(rng: Random): Representative {
    if (this.others.length === 0 || (this.prime.length > 0 && rng.chance(0.9))) return rng.pick(this.prime);
    return rng.pick(this.others);
  }
}

// ---------------------------------------------------------------------------------------------
// The generator.

/** What the legal-person register already holds that new organizations must not repeat. */
export interface ExistingOrganizations {
  names: Set<string>;
  /** Organisation-code bodies (characters 9 to 16 of a credit code). */
  codeBodies: Set<string>;
  /** The highest decision number per `district/year` (see decisionKey). */
  decisionCounters: Map<string, number>;
}

export function noOrganizations(): ExistingOrganizations {
  return { names: new Set(), codeBodies: new Set(), decisionCounters: new Map() };
}

const DISTRICT_BY_ABBREVIATION = new Map(
  Object.entries(DECISION_ABBREVIATIONS).map(([district, abbreviation]) => [abbreviation, district]),
);

/** The counter a decision number belongs to and its number, if it has the form this generator writes. */
export function decisionKey(decisionNumber: string): { key: string; number: number } | null {
  const match = /^成(.+)市监罚〔(\d{4})〕(\d+)号$/.exec(decisionNumber);
  const district = match && DISTRICT_BY_ABBREVIATION.get(match[1]);
  return district ? { key: `${district}/${match[2]}`, number: Number(match[3]) } : null;
}

/** Records what a register holds, so that the generator continues after it. */
export function noteExistingOrganization(existing: ExistingOrganizations, creditCode: string, name: string): void {
  existing.codeBodies.add(creditCode.slice(8, 16));
  existing.names.add(name);
}

export function noteExistingPenalty(existing: ExistingOrganizations, decisionNumber: string): void {
  const decision = decisionKey(decisionNumber);
  if (!decision) return;
  existing.decisionCounters.set(
    decision.key,
    Math.max(existing.decisionCounters.get(decision.key) ?? 0, decision.number),
  );
}

class OrganizationGenerator {
  private readonly names: Set<string>;
  private readonly codeBodies: Set<string>;
  /** Last decision number issued per district and year. */
  private readonly decisionCounters: Map<string, number>;

  constructor(
    private readonly rng: Random,
    private readonly representatives: RepresentativePool,
    existing: ExistingOrganizations = noOrganizations(),
  ) {
    this.names = existing.names;
    this.codeBodies = existing.codeBodies;
    this.decisionCounters = existing.decisionCounters;
    if (representatives.size === 0) {
      throw new Error(
        'Cannot generate organizations: no living person was 18 or older by ' +
          `${LAST_ESTABLISHED_ON} to be their legal representative; generate more people.`,
      );
    }
  }

  organization(): OrganizationRows {
    const rng = this.rng;
    const type = rng.weighted(TYPES);
    const industry = rng.weighted(TYPE_INDUSTRIES[type]);
    const representative = this.representatives.pick(rng);
    const district = this.pickDistrict(type, representative);
    const establishedOn = this.establishedOn(representative);
    const organization: OrganizationRow = {
      id: rng.uuid(),
      created_at: SEED_TIMESTAMP,
      updated_at: SEED_TIMESTAMP,
      credit_code: makeCreditCode(creditCodeType(type), district, this.uniqueCodeBody(establishedOn)),
      name: this.uniqueName(type, industry, district, representative),
      type,
      status: rng.weighted(STATUSES),
      legal_representative_id: representative.id,
      registered_capital: registeredCapital(rng, type),
      established_on: establishedOn,
      industry_code: industry,
      district_code: district,
      address:
        type === 'FARMERS_COOPERATIVE'
          ? villageAddress(rng, district)
          : businessAddress(rng, district, type === 'INDIVIDUAL_BUSINESS'),
      business_scope: businessScope(rng, industry, type),
      credit_risk_class: 'A', // drawn below, once the penalties are known
    };
    const penalties = rng.chance(0.06) ? this.penalties(organization) : [];
    organization.credit_risk_class = rng.weighted(penalties.length > 0 ? PENALIZED_RISK_CLASSES : RISK_CLASSES);
    return { organization, penalties };
  }

  /** Shops are usually where their owner lives; cooperatives are in the countryside. */
  private pickDistrict(type: OrganizationType, representative: Representative): ChengduDistrictCode {
    if (type === 'FARMERS_COOPERATIVE') return this.rng.pick(RURAL_DISTRICTS);
    if (type === 'INDIVIDUAL_BUSINESS' && this.rng.chance(0.7)) return representative.district;
    return pickDistrict(this.rng);
  }

  /** A day from 1995 on when the representative was at least 18, leaning towards recent years as registrations grew. */
  private establishedOn(representative: Representative): string {
    const first = Math.max(toDay(FIRST_ESTABLISHED_ON), addYears(representative.birthDay, 18));
    const last = toDay(LAST_ESTABLISHED_ON);
    return isoDay(first + Math.floor(Math.sqrt(this.rng.next()) * (last - first + 1)));
  }

  private uniqueCodeBody(establishedOn: string): string {
    for (;;) {
      const body = organizationCodeBody(this.rng, establishedOn);
      if (this.codeBodies.has(body)) continue;
      this.codeBodies.add(body);
      return body;
    }
  }

  /** Tries two-character trade names first and lengthens them if the register is crowded. */
  private uniqueName(
    type: OrganizationType,
    industry: string,
    district: ChengduDistrictCode,
    representative: Representative,
  ): string {
    for (let attempt = 0; ; attempt += 1) {
      const trade = tradeName(this.rng, 2 + Math.floor(attempt / 10));
      const name = organizationName(this.rng, type, industry, district, trade, representative);
      if (this.names.has(name)) continue;
      this.names.add(name);
      return name;
    }
  }

  /** One to three penalties, after establishment and not after the as-of day. */
  private penalties(organization: OrganizationRow): PenaltyRow[] {
    const rng = this.rng;
    const count = rng.weighted([
      [1, 70],
      [2, 22],
      [3, 8],
    ] as const);
    const established = toDay(organization.established_on);
    // Give a new organization a month before its first inspection, if there is room.
    const first = Math.min(established + 30, AS_OF_DAY);
    const reasons = INDUSTRIES[organization.industry_code].food ? PENALTY_REASONS : GENERAL_REASONS;
    const days = Array.from({ length: count }, () => rng.int(first, AS_OF_DAY)).sort((a, b) => a - b);
    return days.map((day) => {
      const decidedOn = isoDay(day);
      const reason = rng.pick(reasons);
      const amount = Math.round(rng.int(reason.min, reason.max) / 100) * 100;
      return {
        id: rng.uuid(),
        created_at: SEED_TIMESTAMP,
        updated_at: SEED_TIMESTAMP,
        organization_id: organization.id,
        decision_number: this.decisionNumber(organization.district_code, decidedOn.slice(0, 4)),
        decided_on: decidedOn,
        reason: reason.text,
        amount: `${amount}.00`,
        authority: marketRegulationAuthority(organization.district_code),
      };
    });
  }

  /** 成武市监罚〔2024〕123号: numbered per bureau and year, with gaps for decisions on other matters. */
  private decisionNumber(district: ChengduDistrictCode, year: string): string {
    const key = `${district}/${year}`;
    // The demo holds only some of a bureau's decisions; start the year somewhere past the first.
    const next = (this.decisionCounters.get(key) ?? this.rng.int(0, 150)) + this.rng.int(1, 6);
    this.decisionCounters.set(key, next);
    return `成${DECISION_ABBREVIATIONS[district]}市监罚〔${year}〕${next}号`;
  }
}

/** One organization's rows. */
export interface OrganizationRows {
  organization: OrganizationRow;
  penalties: PenaltyRow[];
}

/** Generates organizations one at a time (representatives from `pool`), so a loader can insert them in chunks. */
export function* generateOrganizationRows(
  rng: Random,
  count: number,
  pool: RepresentativePool,
  existing?: ExistingOrganizations,
): Generator<OrganizationRows, void, undefined> {
  if (count === 0) return;
  const generator = new OrganizationGenerator(rng, pool, existing);
  for (let i = 0; i < count; i += 1) yield generator.organization();
}

/** Generates `count` organizations with legal representatives from `people`, and penalties for about 6% of them. */
export function generateOrganizations(
  rng: Random,
  count: number,
  people: readonly PersonRow[] | RepresentativePool,
): OrganizationData {
  const pool = people instanceof RepresentativePool ? people : RepresentativePool.of(people);
  const data: OrganizationData = { organization: [], penalty: [] };
  for (const { organization, penalties } of generateOrganizationRows(rng, count, pool)) {
    data.organization.push(organization);
    data.penalty.push(...penalties);
  }
  return data;
}
