import { CHENGDU_DISTRICTS, type ChengduDistrictCode } from '../shared/domain/divisions';

/**
 * What the labour-market registry publishes as fixed lists: the occupations postings are classified
 * by, the education levels, and the 20 district service counters.
 */

/** GB/T 6565-2015 (中华人民共和国职业分类大典) major groups. */
export const MAJOR_GROUPS: Record<number, string> = {
  1: '党的机关、国家机关、群众团体和社会组织、企事业单位负责人',
  2: '专业技术人员',
  3: '办事人员和有关人员',
  4: '社会生产服务和生活服务人员',
  5: '农、林、牧、渔业生产及辅助人员',
  6: '生产制造及有关人员',
  7: '军人',
  8: '不便分类的其他从业人员',
};

export interface Occupation {
  code: string;
  name: string;
  majorGroup: number;
}

/** Common occupations of the city's job boards, each in its GB/T 6565 major group. */
export const OCCUPATIONS: readonly Occupation[] = [
  { code: 'ENTERPRISE_MANAGER', name: '企业经理', majorGroup: 1 },
  { code: 'SOFTWARE_ENGINEER', name: '软件工程师', majorGroup: 2 },
  { code: 'ELECTRICAL_ENGINEER', name: '电气工程师', majorGroup: 2 },
  { code: 'CIVIL_ENGINEER', name: '土木建筑工程师', majorGroup: 2 },
  { code: 'ACCOUNTANT', name: '会计', majorGroup: 2 },
  { code: 'AUDITOR', name: '审计师', majorGroup: 2 },
  { code: 'HR_SPECIALIST', name: '人力资源专员', majorGroup: 2 },
  { code: 'TEACHER', name: '教师', majorGroup: 2 },
  { code: 'NURSE', name: '护士', majorGroup: 2 },
  { code: 'PHYSICIAN', name: '临床医师', majorGroup: 2 },
  { code: 'PHARMACIST', name: '药剂师', majorGroup: 2 },
  { code: 'DESIGNER', name: '设计师', majorGroup: 2 },
  { code: 'LAWYER', name: '律师', majorGroup: 2 },
  { code: 'ADMIN_CLERK', name: '行政文员', majorGroup: 3 },
  { code: 'CASHIER_CLERK', name: '出纳', majorGroup: 3 },
  { code: 'CUSTOMER_SERVICE', name: '客服专员', majorGroup: 3 },
  { code: 'SALES_REPRESENTATIVE', name: '销售代表', majorGroup: 4 },
  { code: 'STORE_CASHIER', name: '收银员', majorGroup: 4 },
  { code: 'CHEF', name: '厨师', majorGroup: 4 },
  { code: 'WAITER', name: '餐厅服务员', majorGroup: 4 },
  { code: 'COURIER', name: '快递员', majorGroup: 4 },
  { code: 'DRIVER', name: '汽车驾驶员', majorGroup: 4 },
  { code: 'WAREHOUSE_KEEPER', name: '仓库管理员', majorGroup: 4 },
  { code: 'SECURITY_GUARD', name: '保安员', majorGroup: 4 },
  { code: 'CLEANER', name: '保洁员', majorGroup: 4 },
  { code: 'DOMESTIC_WORKER', name: '家政服务员', majorGroup: 4 },
  { code: 'HAIRDRESSER', name: '美发师', majorGroup: 4 },
  { code: 'PROPERTY_MANAGER', name: '物业管理员', majorGroup: 4 },
  { code: 'CROP_GROWER', name: '农艺工', majorGroup: 5 },
  { code: 'LIVESTOCK_BREEDER', name: '畜禽饲养员', majorGroup: 5 },
  { code: 'ELECTRICIAN', name: '电工', majorGroup: 6 },
  { code: 'WELDER', name: '焊工', majorGroup: 6 },
  { code: 'LATHE_OPERATOR', name: '车工', majorGroup: 6 },
  { code: 'ASSEMBLER', name: '装配工', majorGroup: 6 },
  { code: 'QUALITY_INSPECTOR', name: '质检员', majorGroup: 6 },
  { code: 'FOOD_PROCESSOR', name: '食品加工工', majorGroup: 6 },
  { code: 'OTHER', name: '其他从业人员', majorGroup: 8 },
];

export const OCCUPATION_BY_CODE: ReadonlyMap<string, Occupation> = new Map(OCCUPATIONS.map((o) => [o.code, o]));

export const EDUCATION_LEVELS = [
  'JUNIOR_SECONDARY',
  'SENIOR_SECONDARY',
  'JUNIOR_COLLEGE',
  'BACHELOR',
  'MASTER',
  'DOCTORATE',
] as const;
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];

export const EDUCATION_NAMES: Record<EducationLevel, string> = {
  JUNIOR_SECONDARY: '初中及以下',
  SENIOR_SECONDARY: '高中/中专/技校',
  JUNIOR_COLLEGE: '大专',
  BACHELOR: '本科',
  MASTER: '硕士',
  DOCTORATE: '博士',
};

/** Rank of an education level, 0 (初中及以下) to 5 (博士): what the feed's education filter compares. */
export function educationRank(level: EducationLevel): number {
  return EDUCATION_LEVELS.indexOf(level);
}

export const JOB_STATUSES = ['OPEN', 'CLOSED', 'FILLED'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

export interface ServiceCounter {
  districtCode: ChengduDistrictCode;
  districtName: string;
  name: string;
  address: string;
  phone: string;
  openingHours: string;
}

const STREETS: Record<ChengduDistrictCode, string> = {
  '510104': '锦江区东大街下东大街段1号',
  '510105': '青羊区人民西路12号',
  '510106': '金牛区一环路北三段28号',
  '510107': '武侯区武侯大道双楠段3号',
  '510108': '成华区府青路二段9号',
  '510112': '龙泉驿区龙泉街道星光路66号',
  '510113': '青白江区凤凰大道一段18号',
  '510114': '新都区新都街道桂湖中路15号',
  '510115': '温江区柳城街道光华大道三段8号',
  '510116': '双流区东升街道棠湖西路2号',
  '510117': '郫都区郫筒街道望丛东路30号',
  '510118': '新津区五津街道兴园三路5号',
  '510121': '金堂县赵镇十里大道二段20号',
  '510129': '大邑县晋原街道大邑大道16号',
  '510131': '蒲江县鹤山街道朝阳大道6号',
  '510181': '都江堰市灌口街道观景路26号',
  '510182': '彭州市天彭街道金彭东路88号',
  '510183': '邛崃市临邛街道文君街10号',
  '510184': '崇州市崇阳街道永康东路36号',
  '510185': '简阳市简城街道政府街1号',
};

/**
 * The 20 district counters of the city's public employment service network (demo data: names in
 * the form the counters use, addresses and phone numbers invented for the demo city).
 */
export const SERVICE_COUNTERS: readonly ServiceCounter[] = (
  Object.entries(CHENGDU_DISTRICTS) as [ChengduDistrictCode, string][]
).map(([districtCode, districtName], i) => ({
  districtCode,
  districtName,
  name: `成都市${districtName}公共就业服务中心`,
  address: `四川省成都市${STREETS[districtCode]}`,
  phone: `028-${String(85550100 + i * 7)}`,
  openingHours: '周一至周五 9:00-12:00, 13:30-17:30 (法定节假日除外)',
}));

/** Today's date in China Standard Time (UTC+8), YYYY-MM-DD: postings expire at the end of their day there. */
export function todayInChina(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** The day `days` after `isoDate`. */
export function addDays(isoDate: string, days: number): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
