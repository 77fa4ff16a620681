import { CHENGDU_DISTRICTS } from '../../subgraphs/shared/domain/divisions';

/** How the pages say things: the schema's codes in Chinese, dates in China Standard Time. */

export function districtName(code: string | null | undefined): string {
  if (!code) return '—';
  return (CHENGDU_DISTRICTS as Record<string, string>)[code] ?? code;
}

export const REGISTRIES: Record<string, string> = {
  'natural-person': '人口信息库（公安）',
  'legal-person': '法人信息库（市场监管）',
  certificate: '电子证照库（大数据局）',
  'labour-market': '就业信息库（人社）',
  assistance: '社会救助库（民政）',
};

export const DEPARTMENTS: Record<string, string> = {
  'public-security': '公安局',
  'market-regulation': '市场监管局',
  'data-bureau': '大数据局',
  hrss: '人社局',
  'civil-affairs': '民政局',
  'disabled-persons': '残联',
  health: '卫健委',
  education: '教育局',
  statistics: '统计局',
};

export const ROLES: Record<string, string> = {
  citizen: '市民',
  officer: '工作人员',
  analyst: '统计分析员',
  auditor: '审计员',
};

export const OUTCOMES: Record<string, string> = {
  GRANTED: '已查看/已办理',
  DENIED: '被拒绝',
  REJECTED: '输入有误未办理',
  UNCHANGED: '重复提交未变更',
};

export const ACTIONS: Record<string, string> = { READ: '查看', WRITE: '写入' };

export const RELATIONSHIPS: Record<string, string> = {
  HEAD: '户主',
  SPOUSE: '配偶',
  CHILD: '子女',
  PARENT: '父母',
  GRANDCHILD: '孙子女',
  GRANDPARENT: '祖父母',
  SIBLING: '兄弟姐妹',
  OTHER: '其他',
};

export const GENDERS: Record<string, string> = { MALE: '男', FEMALE: '女' };

export const MARITAL: Record<string, string> = {
  UNMARRIED: '未婚',
  MARRIED: '已婚',
  DIVORCED: '离婚',
  WIDOWED: '丧偶',
};

export const CERTIFICATE_STATUS: Record<string, string> = { VALID: '有效', EXPIRED: '已过期', REVOKED: '已注销' };

export const READINESS: Record<string, string> = {
  SATISFIED: '已具备',
  EXPIRED: '已过期',
  MISSING: '缺少',
  UNKNOWN: '无法确认',
};

export const PROVIDERS: Record<string, string> = {
  APPLICANT: '申请人',
  HOUSEHOLD: '家庭（一份）',
  EVERY_HOUSEHOLD_MEMBER: '每位家庭成员',
  ORGANIZATION: '申请单位',
};

export function label(map: Record<string, string>, code: string | null | undefined): string {
  if (!code) return '—';
  return map[code] ?? code;
}

const dateTime = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hour12: false,
});

export function formatDateTime(iso: string | null | undefined): string {
  return iso ? dateTime.format(new Date(iso)) : '—';
}

export function formatDate(date: string | null | undefined, empty = '—'): string {
  return date ?? empty;
}

export function formatBytes(size: number | null | undefined): string {
  if (size == null) return '—';
  if (size < 1024) return `${size} 字节`;
  if (size < 1024 * 1024) return `${(size / 1024).toFixed(1)} KB`;
  return `${(size / 1024 / 1024).toFixed(1)} MB`;
}

/** What a person's field is, in plain words. */
export const PERSON_FIELDS: Record<string, string> = {
  name: '姓名',
  gender: '性别',
  birthYear: '出生年份',
  birthDate: '出生日期',
  districtCode: '户籍区县',
  deathDate: '死亡日期',
  idNumber: '身份证号',
  ethnicity: '民族',
  registeredAddress: '户籍地址',
  phone: '手机号',
  maritalStatus: '婚姻状况',
  household: '户籍信息',
  remarks: '登记备注',
  certificates: '电子证照',
  materials: '材料',
  readiness: '材料齐全情况',
  accessRecords: '数据访问记录',
  legalRepresentativeOf: '担任法定代表人的企业',
};

/** Everything else by type. */
const TYPES: Record<string, string> = {
  Certificate: '电子证照',
  Material: '材料信息',
  MaterialUse: '材料使用记录',
  Readiness: '材料齐全情况',
  ReadinessItem: '材料齐全情况',
  Household: '户籍信息',
  HouseholdMember: '户籍信息',
  Organization: '企业信息',
};

/** One access record's fields (`Type.field`) as the distinct things they are, in plain words. */
export function fieldLabels(fields: string[]): string[] {
  const labels = new Set<string>();
  for (const field of fields) {
    const [type, name] = field.split('.');
    if (field === 'Material.content') labels.add('材料文件');
    else if (type === 'Query' || type === 'Mutation') labels.add(`按证件或编号查找（${name}）`);
    else if (type === 'Person') labels.add(PERSON_FIELDS[name] ?? field);
    else labels.add(TYPES[type] ?? field);
  }
  return [...labels];
}

export const CERTIFICATE_TYPES: Record<string, string> = {
  RESIDENT_ID_CARD: '居民身份证',
  HOUSEHOLD_REGISTER: '居民户口簿',
  MARRIAGE_CERTIFICATE: '结婚证',
  BUSINESS_LICENCE: '营业执照',
  DISABILITY_CERTIFICATE: '残疾人证',
  MINIMUM_ALLOWANCE_CERTIFICATE: '低保证',
  EMPLOYMENT_CERTIFICATE: '就业创业证',
  SENIOR_CITIZEN_CARD: '老年人优待证',
  DIPLOMA: '毕业证书',
  VOCATIONAL_QUALIFICATION: '职业资格证书',
};

const ORGANIZATION_STATUS: Record<string, string> = {
  ACTIVE: '存续',
  DEREGISTERED: '注销',
  REVOKED: '吊销',
  UNKNOWN: '状态不明',
};

/**
 * An eligibility fact's line (the assistance registry writes codes: `HEAD`,
 * `DISABILITY_CERTIFICATE 5101… (VALID)`, `EMPLOYED 9151… from 2024-01-01`, `名称 9151… (ACTIVE)`) in words.
 */
export function factLine(kind: string, description: string): string {
  if (kind === 'HOUSEHOLD_MEMBERS') return description === 'MEMBER' ? '家庭成员' : label(RELATIONSHIPS, description);
  if (kind === 'CERTIFICATES') {
    const m = /^([A-Z_]+) (\S*) \(([A-Z_]+)\)$/.exec(description);
    if (m) return `${label(CERTIFICATE_TYPES, m[1])} ${m[2]}（${label(CERTIFICATE_STATUS, m[3])}）`;
  }
  if (kind === 'EMPLOYMENT') {
    const m = /^(EMPLOYED|UNEMPLOYED)( \S+)? from (\S+)(?: to (\S+))?$/.exec(description);
    if (m) {
      const what = m[1] === 'EMPLOYED' ? `就业${m[2] ? `（单位 ${m[2].trim()}）` : ''}` : '登记失业';
      return `${what}，${m[3]} 起${m[4] ? `至 ${m[4]}` : ''}`;
    }
  }
  if (kind === 'LEGAL_REPRESENTATIVE') {
    const m = /^(.*) \(([A-Z_]+)\)$/.exec(description);
    if (m) return `${m[1]}（${label(ORGANIZATION_STATUS, m[2])}）`;
  }
  return description;
}

/** What a readiness item's status means, in words (the registry's own notes are English, for logs). */
export function readinessText(item: {
  status: string;
  requirement: { maxAgeDays?: number | null };
  certificate?: unknown;
  material?: unknown;
}): string {
  switch (item.status) {
    case 'SATISFIED':
      return item.certificate || item.material ? '已在库，可直接引用' : '已具备';
    case 'EXPIRED':
      return item.requirement.maxAgeDays
        ? `已有的一份已超过 ${item.requirement.maxAgeDays} 天或已过期，需重新提交`
        : '已有的一份已过期，需重新提交';
    case 'MISSING':
      return '尚未提交';
    default:
      return '无法确认（需窗口核实）';
  }
}

/** Why a fact could not be read, as its owner said it (English), in words; the owner's text stays as a tooltip. */
export function factNote(status: string, note: string): string {
  const scope = /scope ([a-z-]+:[a-z:]+)/.exec(note);
  if (status === 'NOT_PERMITTED' && scope) return `所属信息库拒绝：审核人员需具备 ${scope[1]} 权限`;
  if (status === 'NOT_PERMITTED') return '所属信息库拒绝读取';
  if (status === 'UNAVAILABLE') return '所属信息库暂未应答，请稍后重新审核';
  return note;
}
