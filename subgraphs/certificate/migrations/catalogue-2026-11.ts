import { createHash } from 'node:crypto';

/**
 * The published catalogues as of November 2026: certificate types, material kinds and the service
 * catalogue (八公开: legal basis, conditions, procedure, time limits in working days, fees and
 * required items). The initial migration writes exactly this; later changes come as new
 * migrations, so that every deployment publishes the same catalogue and other registries can rely
 * on the service codes. Frozen: do not edit after it has been applied anywhere.
 */

export interface CertificateTypeRow {
  code: string;
  name: string;
  issuingDepartment: string;
  holderKind: 'PERSON' | 'ORGANIZATION';
  validityRule: 'LONG_TERM' | 'YEARS' | 'BY_AGE' | 'STATED';
  validityYears: number | null;
  validityDescription: string;
  numberFormat: string;
}

export interface MaterialKindRow {
  code: string;
  name: string;
  description: string;
}

export interface RequirementRow {
  certificateType?: string;
  materialKind?: string;
  description: string;
  provider: 'APPLICANT' | 'HOUSEHOLD' | 'EVERY_HOUSEHOLD_MEMBER' | 'ORGANIZATION';
  originalRequired: boolean;
  maxAgeDays?: number;
}

export interface ServiceRow {
  code: string;
  abbreviation: string;
  name: string;
  department: string;
  legalBasis: string[];
  conditions: string[];
  procedure: string[];
  statutoryTimeLimitDays: number;
  promisedTimeLimitDays: number;
  feeBasis: string;
  feeStandard: string;
  requirements: RequirementRow[];
}

const LONG_TERM = '长期有效 (no expiry)';

export const CERTIFICATE_TYPES: CertificateTypeRow[] = [
  {
    code: 'RESIDENT_ID_CARD',
    name: '居民身份证',
    issuingDepartment: 'public-security',
    holderKind: 'PERSON',
    validityRule: 'BY_AGE',
    validityYears: null,
    validityDescription:
      '未满16周岁5年，16至25周岁10年，26至45周岁20年，46周岁以上长期 (居民身份证法第五条; by age on the day of issue)',
    numberFormat: "The holder's citizen ID number (GB 11643-1999)",
  },
  {
    code: 'HOUSEHOLD_REGISTER',
    name: '居民户口簿',
    issuingDepartment: 'public-security',
    holderKind: 'PERSON',
    validityRule: 'LONG_TERM',
    validityYears: null,
    validityDescription: LONG_TERM,
    numberFormat: 'The household number (户号, 9 digits); held by the head of the household',
  },
  {
    code: 'MARRIAGE_CERTIFICATE',
    name: '结婚证',
    issuingDepartment: 'civil-affairs',
    holderKind: 'PERSON',
    validityRule: 'LONG_TERM',
    validityYears: null,
    validityDescription: LONG_TERM,
    numberFormat: 'J<district>-<year>-<6 digits>, e.g. J510104-2015-000123; each spouse holds their own',
  },
  {
    code: 'BUSINESS_LICENCE',
    name: '营业执照',
    issuingDepartment: 'market-regulation',
    holderKind: 'ORGANIZATION',
    validityRule: 'STATED',
    validityYears: null,
    validityDescription:
      '营业期限以执照载明为准，未载明的长期有效 (as stated on the licence; long-term when none is stated)',
    numberFormat: 'The unified social credit code (GB 32100-2015)',
  },
  {
    code: 'DISABILITY_CERTIFICATE',
    name: '中华人民共和国残疾人证',
    issuingDepartment: 'disabled-persons',
    holderKind: 'PERSON',
    validityRule: 'YEARS',
    validityYears: 10,
    validityDescription: '自发证之日起10年 (10 years from the day of issue)',
    numberFormat:
      "The holder's citizen ID number, the category digit (1 视力 to 7 多重) and the grade digit (1 to 4): 20 characters (GB/T 26341-2010)",
  },
  {
    code: 'MINIMUM_ALLOWANCE_CERTIFICATE',
    name: '最低生活保障证',
    issuingDepartment: 'civil-affairs',
    holderKind: 'PERSON',
    validityRule: 'YEARS',
    validityYears: 1,
    validityDescription: '自发证之日起1年，期满复核后重新核发 (1 year; renewed after the annual review)',
    numberFormat: 'DB<district>-<year>-<6 digits>; held by the head of the household receiving the allowance',
  },
  {
    code: 'EMPLOYMENT_CERTIFICATE',
    name: '就业创业证',
    issuingDepartment: 'hrss',
    holderKind: 'PERSON',
    validityRule: 'LONG_TERM',
    validityYears: null,
    validityDescription: LONG_TERM,
    numberFormat: "The holder's citizen ID number",
  },
  {
    code: 'SENIOR_CITIZEN_CARD',
    name: '老年人优待证',
    issuingDepartment: 'civil-affairs',
    holderKind: 'PERSON',
    validityRule: 'LONG_TERM',
    validityYears: null,
    validityDescription: LONG_TERM,
    numberFormat: 'LN<district>-<year>-<6 digits>; for residents aged 60 or over',
  },
  {
    code: 'DIPLOMA',
    name: '毕业证书',
    issuingDepartment: 'education',
    holderKind: 'PERSON',
    validityRule: 'LONG_TERM',
    validityYears: null,
    validityDescription: LONG_TERM,
    numberFormat:
      'Junior college and above: 17 digits, school code (5), type (1), year of graduation (4), level (1), sequence (6); secondary schools: their own, 6 to 30 characters',
  },
  {
    code: 'VOCATIONAL_QUALIFICATION',
    name: '职业技能等级证书',
    issuingDepartment: 'hrss',
    holderKind: 'PERSON',
    validityRule: 'LONG_TERM',
    validityYears: null,
    validityDescription: LONG_TERM,
    numberFormat: '8 to 30 digits and capital letters, as the certifying body numbers it',
  },
];

export const MATERIAL_KINDS: MaterialKindRow[] = [
  { code: 'INCOME_PROOF', name: '收入证明', description: '工作单位出具的收入证明，或本人银行流水、养老金领取凭证' },
  {
    code: 'ECONOMIC_CHECK_AUTHORIZATION',
    name: '家庭经济状况核对授权书',
    description: '本人签字的授权书，同意民政部门核对其收入、财产信息',
  },
  {
    code: 'PROPERTY_DECLARATION',
    name: '家庭财产状况申报表',
    description: '共同生活家庭成员的房产、车辆、存款、有价证券等申报',
  },
  {
    code: 'HARDSHIP_STATEMENT',
    name: '困难情况说明',
    description: '遭遇困难的原因、经过及基本生活状况，必要时附村（居）委会意见',
  },
  { code: 'MEDICAL_RECORD', name: '病历及诊断证明', description: '医疗机构出具的病历、诊断证明书' },
  { code: 'MEDICAL_INVOICE', name: '医疗费用票据', description: '医疗收费票据及费用明细清单、医保结算单' },
  {
    code: 'DISASTER_LOSS_PROOF',
    name: '受灾情况证明',
    description: '村（居）委会或乡镇人民政府出具的受灾及损失情况证明',
  },
  { code: 'ENROLMENT_PROOF', name: '在学证明', description: '学校出具的在学证明或录取通知书' },
  { code: 'HOUSING_PROOF', name: '住房状况证明', description: '现住房情况证明、房屋租赁合同或住房困难情况说明' },
  {
    code: 'TERMINATION_PROOF',
    name: '解除或终止劳动合同证明',
    description: '用人单位出具的解除或者终止劳动关系的证明',
  },
  { code: 'BANK_ACCOUNT', name: '银行账户信息', description: '本人社会保障卡或银行卡（账户）信息，用于发放资金' },
  { code: 'PHOTO', name: '近期免冠照片', description: '近期二寸正面免冠彩色照片（电子版）' },
  { code: 'DISABILITY_ASSESSMENT', name: '残疾评定表', description: '指定医疗机构出具的残疾评定表' },
  {
    code: 'SHAREHOLDER_RESOLUTION',
    name: '股东会决议或决定',
    description: '依法作出的股东会决议、股东决定或合伙人决定书',
  },
  {
    code: 'ARTICLES_OF_ASSOCIATION',
    name: '章程或章程修正案',
    description: '全体股东（发起人）签署的公司章程或章程修正案',
  },
  {
    code: 'PREMISES_PROOF',
    name: '住所（经营场所）使用证明',
    description: '产权证明或租赁协议等住所（经营场所）使用证明',
  },
  { code: 'LIQUIDATION_REPORT', name: '清算报告', description: '依法作出的清算报告，或者清税证明' },
];

const NO_FEE = { feeBasis: '不属于行政事业性收费项目', feeStandard: '不收费' };

const ASSISTANCE_BASIS = '《社会救助暂行办法》（国务院令第649号）';

/** Requirements most social-assistance programmes share. */
const idCardOfApplicant: RequirementRow = {
  certificateType: 'RESIDENT_ID_CARD',
  description: '申请人居民身份证',
  provider: 'APPLICANT',
  originalRequired: true,
};
const householdRegister: RequirementRow = {
  certificateType: 'HOUSEHOLD_REGISTER',
  description: '居民户口簿',
  provider: 'HOUSEHOLD',
  originalRequired: true,
};
const bankAccount: RequirementRow = {
  materialKind: 'BANK_ACCOUNT',
  description: '本人社会保障卡或银行账户信息',
  provider: 'APPLICANT',
  originalRequired: false,
};

export const SERVICES: ServiceRow[] = [
  {
    code: 'civil-affairs.minimum-living-allowance',
    abbreviation: 'MLA',
    name: '最低生活保障审核确认',
    department: 'civil-affairs',
    legalBasis: [`${ASSISTANCE_BASIS}第二章`, '《最低生活保障审核确认办法》（民发〔2021〕57号）'],
    conditions: [
      '申请人具有本市户籍，以共同生活的家庭为单位提出申请',
      '共同生活的家庭成员人均月收入低于户籍所在地最低生活保障标准',
      '家庭财产状况符合当地有关规定',
    ],
    procedure: [
      '申请：向户籍所在地乡镇人民政府（街道办事处）提出书面申请，或通过网上办理',
      '受理：材料齐全的当场受理，不齐全的一次性告知需要补齐的材料',
      '调查核对：入户调查，并通过家庭经济状况核对机制核对收入和财产',
      '审核确认：乡镇人民政府（街道办事处）提出审核确认意见',
      '公示：在申请家庭所在村（社区）公示7天（姓名隐去部分）',
      '发放：确认的，发给最低生活保障证并按月发放保障金；不予确认的，书面说明理由',
    ],
    statutoryTimeLimitDays: 30,
    promisedTimeLimitDays: 20,
    ...NO_FEE,
    requirements: [
      {
        certificateType: 'RESIDENT_ID_CARD',
        description: '共同生活家庭成员的居民身份证',
        provider: 'EVERY_HOUSEHOLD_MEMBER',
        originalRequired: true,
      },
      householdRegister,
      {
        materialKind: 'ECONOMIC_CHECK_AUTHORIZATION',
        description: '家庭经济状况核对授权书（每位家庭成员签字）',
        provider: 'EVERY_HOUSEHOLD_MEMBER',
        originalRequired: true,
      },
      {
        materialKind: 'INCOME_PROOF',
        description: '近6个月收入证明',
        provider: 'EVERY_HOUSEHOLD_MEMBER',
        originalRequired: false,
        maxAgeDays: 180,
      },
      {
        materialKind: 'PROPERTY_DECLARATION',
        description: '家庭财产状况申报表',
        provider: 'APPLICANT',
        originalRequired: true,
      },
    ],
  },
  {
    code: 'civil-affairs.extreme-poverty-support',
    abbreviation: 'SPS',
    name: '特困人员救助供养认定',
    department: 'civil-affairs',
    legalBasis: [`${ASSISTANCE_BASIS}第三章`, '《特困人员认定办法》（民发〔2021〕43号）'],
    conditions: ['无劳动能力', '无生活来源', '无法定赡养、抚养、扶养义务人，或者其法定义务人无履行义务能力'],
    procedure: [
      '申请：本人向户籍所在地乡镇人民政府（街道办事处）提出书面申请；本人申请有困难的，可委托村（居）委会或他人代为提出',
      '调查核实：入户调查，核实生活自理能力、经济状况和法定义务人情况',
      '审核：乡镇人民政府（街道办事处）提出审核意见并在村（社区）公示7天',
      '确认：县级民政部门确认，发给特困人员救助供养证；不予确认的，书面说明理由',
    ],
    statutoryTimeLimitDays: 40,
    promisedTimeLimitDays: 25,
    ...NO_FEE,
    requirements: [
      idCardOfApplicant,
      householdRegister,
      {
        materialKind: 'ECONOMIC_CHECK_AUTHORIZATION',
        description: '家庭经济状况核对授权书',
        provider: 'APPLICANT',
        originalRequired: true,
      },
      {
        materialKind: 'HARDSHIP_STATEMENT',
        description: '无法定义务人或法定义务人无履行义务能力的情况说明',
        provider: 'APPLICANT',
        originalRequired: true,
      },
    ],
  },
  {
    code: 'civil-affairs.disaster-victim-relief',
    abbreviation: 'DVR',
    name: '受灾人员救助',
    department: 'civil-affairs',
    legalBasis: [`${ASSISTANCE_BASIS}第五章`, '《自然灾害救助条例》（国务院令第577号）'],
    conditions: ['因自然灾害造成住房倒塌、严重损坏或者基本生活暂时困难的本地居民'],
    procedure: [
      '申请：受灾人员向所在村（居）委会提出申请',
      '评议：村（居）委会民主评议并公示',
      '审核：乡镇人民政府（街道办事处）审核',
      '审批发放：县级人民政府应急管理、民政部门审批，资金直接发放到户',
    ],
    statutoryTimeLimitDays: 10,
    promisedTimeLimitDays: 5,
    ...NO_FEE,
    requirements: [
      idCardOfApplicant,
      householdRegister,
      {
        materialKind: 'DISASTER_LOSS_PROOF',
        description: '受灾及损失情况证明',
        provider: 'APPLICANT',
        originalRequired: true,
        maxAgeDays: 90,
      },
      bankAccount,
    ],
  },
  {
    code: 'civil-affairs.medical-assistance',
    abbreviation: 'MDA',
    name: '医疗救助',
    department: 'civil-affairs',
    legalBasis: [
      `${ASSISTANCE_BASIS}第六章`,
      '《国务院办公厅关于健全重特大疾病医疗保险和救助制度的意见》（国办发〔2021〕42号）',
    ],
    conditions: [
      '最低生活保障家庭成员、特困供养人员，或因病致贫的低收入家庭重病患者',
      '个人负担的合规医疗费用经基本医疗保险、大病保险报销后仍然较重',
    ],
    procedure: [
      '申请：向户籍所在地乡镇人民政府（街道办事处）提出申请',
      '审核：乡镇人民政府（街道办事处）审核并公示',
      '审批：县级民政（医疗保障）部门审批，救助资金发放到户或与医疗机构直接结算',
    ],
    statutoryTimeLimitDays: 20,
    promisedTimeLimitDays: 10,
    ...NO_FEE,
    requirements: [
      idCardOfApplicant,
      {
        materialKind: 'MEDICAL_RECORD',
        description: '病历及诊断证明',
        provider: 'APPLICANT',
        originalRequired: false,
        maxAgeDays: 365,
      },
      {
        materialKind: 'MEDICAL_INVOICE',
        description: '医疗费用票据及费用清单、医保结算单',
        provider: 'APPLICANT',
        originalRequired: true,
        maxAgeDays: 365,
      },
      bankAccount,
    ],
  },
  {
    code: 'civil-affairs.education-assistance',
    abbreviation: 'EDA',
    name: '教育救助',
    department: 'civil-affairs',
    legalBasis: [`${ASSISTANCE_BASIS}第七章`],
    conditions: ['在义务教育、高中阶段教育或普通高等教育阶段就学的最低生活保障家庭成员、特困供养人员'],
    procedure: [
      '申请：向就读学校提出申请',
      '审核：学校审核并公示',
      '审批：县级教育部门会同民政部门审批，减免相关费用、发放助学金',
    ],
    statutoryTimeLimitDays: 20,
    promisedTimeLimitDays: 10,
    ...NO_FEE,
    requirements: [
      idCardOfApplicant,
      householdRegister,
      {
        materialKind: 'ENROLMENT_PROOF',
        description: '本学年在学证明或录取通知书',
        provider: 'APPLICANT',
        originalRequired: false,
        maxAgeDays: 365,
      },
      bankAccount,
    ],
  },
  {
    code: 'civil-affairs.housing-assistance',
    abbreviation: 'HSA',
    name: '住房救助',
    department: 'civil-affairs',
    legalBasis: [`${ASSISTANCE_BASIS}第八章`, '《公共租赁住房管理办法》（住房和城乡建设部令第11号）'],
    conditions: ['符合规定标准的住房困难的最低生活保障家庭、分散供养的特困人员'],
    procedure: [
      '申请：向户籍所在地乡镇人民政府（街道办事处）提出申请',
      '审核：乡镇人民政府（街道办事处）审核并公示',
      '审批：县级住房城乡建设部门会同民政部门审批，通过配租公共租赁住房、发放租赁补贴或农村危房改造等方式实施',
    ],
    statutoryTimeLimitDays: 30,
    promisedTimeLimitDays: 20,
    ...NO_FEE,
    requirements: [
      {
        certificateType: 'RESIDENT_ID_CARD',
        description: '共同生活家庭成员的居民身份证',
        provider: 'EVERY_HOUSEHOLD_MEMBER',
        originalRequired: true,
      },
      householdRegister,
      {
        materialKind: 'HOUSING_PROOF',
        description: '现住房情况证明或房屋租赁合同',
        provider: 'APPLICANT',
        originalRequired: false,
        maxAgeDays: 180,
      },
      {
        materialKind: 'INCOME_PROOF',
        description: '近6个月收入证明',
        provider: 'EVERY_HOUSEHOLD_MEMBER',
        originalRequired: false,
        maxAgeDays: 180,
      },
      {
        materialKind: 'ECONOMIC_CHECK_AUTHORIZATION',
        description: '家庭经济状况核对授权书（每位家庭成员签字）',
        provider: 'EVERY_HOUSEHOLD_MEMBER',
        originalRequired: true,
      },
    ],
  },
  {
    code: 'civil-affairs.employment-assistance',
    abbreviation: 'EMA',
    name: '就业救助',
    department: 'civil-affairs',
    legalBasis: [`${ASSISTANCE_BASIS}第九章`, '《中华人民共和国就业促进法》'],
    conditions: [
      '最低生活保障家庭中有劳动能力并处于失业状态的成员',
      '已在公共就业服务机构办理失业登记（由人力资源社会保障部门协同实施）',
    ],
    procedure: [
      '申请：向户籍所在地或常住地公共就业服务机构提出申请',
      '审核：核实失业登记和最低生活保障情况',
      '救助：提供贷款贴息、社会保险补贴、岗位补贴、培训补贴、费用减免、公益性岗位安置等',
    ],
    statutoryTimeLimitDays: 20,
    promisedTimeLimitDays: 10,
    ...NO_FEE,
    requirements: [
      idCardOfApplicant,
      householdRegister,
      {
        certificateType: 'EMPLOYMENT_CERTIFICATE',
        description: '就业创业证',
        provider: 'APPLICANT',
        originalRequired: true,
      },
    ],
  },
  {
    code: 'civil-affairs.temporary-assistance',
    abbreviation: 'TMA',
    name: '临时救助',
    department: 'civil-affairs',
    legalBasis: [`${ASSISTANCE_BASIS}第十章`, '《国务院关于全面建立临时救助制度的通知》（国发〔2014〕47号）'],
    conditions: [
      '因火灾、交通事故等意外事件，家庭成员突发重大疾病等原因，导致基本生活暂时出现严重困难的家庭',
      '因生活必需支出突然增加超出家庭承受能力，导致基本生活暂时出现严重困难的最低生活保障家庭',
    ],
    procedure: [
      '申请：向乡镇人民政府（街道办事处）提出申请；情况紧急的可先行救助，事后补办手续',
      '审核审批：乡镇人民政府（街道办事处）审核，县级民政部门审批（小额救助可由乡镇审批）',
      '发放：救助金发放到户，或提供实物、转介服务',
    ],
    statutoryTimeLimitDays: 15,
    promisedTimeLimitDays: 7,
    ...NO_FEE,
    requirements: [
      idCardOfApplicant,
      householdRegister,
      {
        materialKind: 'HARDSHIP_STATEMENT',
        description: '困难情况说明及相关证明',
        provider: 'APPLICANT',
        originalRequired: true,
        maxAgeDays: 90,
      },
      {
        materialKind: 'INCOME_PROOF',
        description: '近6个月收入证明',
        provider: 'EVERY_HOUSEHOLD_MEMBER',
        originalRequired: false,
        maxAgeDays: 180,
      },
      bankAccount,
    ],
  },
  {
    code: 'hrss.unemployment-registration',
    abbreviation: 'UER',
    name: '失业登记',
    department: 'hrss',
    legalBasis: ['《中华人民共和国就业促进法》', '《就业服务与就业管理规定》（劳动和社会保障部令第28号）第六章'],
    conditions: ['法定劳动年龄内、有劳动能力、有就业要求、处于无业状态的城乡劳动者'],
    procedure: [
      '申请：到常住地公共就业服务机构或通过网上办理',
      '审核：核实身份和就业状态',
      '登记：当场办结，提供职业指导和职业介绍等服务',
    ],
    statutoryTimeLimitDays: 1,
    promisedTimeLimitDays: 0,
    ...NO_FEE,
    requirements: [
      idCardOfApplicant,
      {
        materialKind: 'TERMINATION_PROOF',
        description: '解除或终止劳动合同证明（曾就业的）',
        provider: 'APPLICANT',
        originalRequired: false,
      },
    ],
  },
  {
    code: 'hrss.employment-certificate',
    abbreviation: 'EEC',
    name: '就业创业证申领',
    department: 'hrss',
    legalBasis: ['《就业服务与就业管理规定》（劳动和社会保障部令第28号）第六章'],
    conditions: ['法定劳动年龄内的城乡劳动者，办理就业登记或失业登记时可申领'],
    procedure: ['申请：到公共就业服务机构或网上申领', '审核：核实身份信息', '发证：当场发放或邮寄'],
    statutoryTimeLimitDays: 5,
    promisedTimeLimitDays: 0,
    ...NO_FEE,
    requirements: [
      idCardOfApplicant,
      {
        materialKind: 'PHOTO',
        description: '近期二寸免冠彩色照片',
        provider: 'APPLICANT',
        originalRequired: false,
        maxAgeDays: 180,
      },
    ],
  },
  {
    code: 'hrss.unemployment-insurance-benefit',
    abbreviation: 'UIB',
    name: '失业保险金申领',
    department: 'hrss',
    legalBasis: [
      '《中华人民共和国社会保险法》第五章',
      '《失业保险条例》（国务院令第258号）',
      '《失业保险金申领发放办法》（劳动和社会保障部令第8号）',
    ],
    conditions: [
      '失业前用人单位和本人已经缴纳失业保险费满1年',
      '非因本人意愿中断就业',
      '已经进行失业登记，并有求职要求',
    ],
    procedure: [
      '申请：到参保地经办机构或通过网上申领',
      '审核：核对参保缴费和失业情况',
      '发放：按月发放失业保险金，同时代缴基本医疗保险费',
    ],
    statutoryTimeLimitDays: 10,
    promisedTimeLimitDays: 5,
    ...NO_FEE,
    requirements: [
      idCardOfApplicant,
      {
        materialKind: 'TERMINATION_PROOF',
        description: '解除或终止劳动合同证明',
        provider: 'APPLICANT',
        originalRequired: false,
      },
      {
        certificateType: 'EMPLOYMENT_CERTIFICATE',
        description: '就业创业证',
        provider: 'APPLICANT',
        originalRequired: true,
      },
      bankAccount,
    ],
  },
  {
    code: 'hrss.skills-upgrading-subsidy',
    abbreviation: 'SKS',
    name: '技能提升补贴申领',
    department: 'hrss',
    legalBasis: [
      '《失业保险条例》（国务院令第258号）',
      '《人力资源社会保障部 财政部关于失业保险支持参保职工提升职业技能有关问题的通知》（人社部发〔2017〕40号）',
    ],
    conditions: ['参加失业保险并累计缴费满1年', '取得职业资格证书或职业技能等级证书之日起12个月内申请'],
    procedure: [
      '申请：网上或到参保地经办机构申请',
      '审核：核验证书信息和参保缴费情况',
      '发放：补贴发放至本人社会保障卡银行账户',
    ],
    statutoryTimeLimitDays: 20,
    promisedTimeLimitDays: 10,
    ...NO_FEE,
    requirements: [
      idCardOfApplicant,
      {
        certificateType: 'VOCATIONAL_QUALIFICATION',
        description: '职业资格证书或职业技能等级证书',
        provider: 'APPLICANT',
        originalRequired: true,
      },
      bankAccount,
    ],
  },
  {
    code: 'hrss.business-start-up-loan',
    abbreviation: 'BSL',
    name: '创业担保贷款申请',
    department: 'hrss',
    legalBasis: [
      '《财政部 人力资源社会保障部 中国人民银行关于进一步加大创业担保贷款贴息力度全力支持重点群体创业就业的通知》（财金〔2020〕21号）',
    ],
    conditions: [
      '城镇登记失业人员、就业困难人员、退役军人、返乡创业农民工、毕业5年内高校毕业生等重点群体',
      '在本地创办个体工商户或小微企业并取得营业执照',
    ],
    procedure: [
      '申请：向创业地人力资源社会保障部门提出申请',
      '资格审核：人力资源社会保障部门审核创业者资格',
      '担保审核：担保机构审核并出具担保意见',
      '放款：经办银行审核发放贷款，财政按规定贴息',
    ],
    statutoryTimeLimitDays: 20,
    promisedTimeLimitDays: 15,
    ...NO_FEE,
    requirements: [
      idCardOfApplicant,
      {
        certificateType: 'EMPLOYMENT_CERTIFICATE',
        description: '就业创业证',
        provider: 'APPLICANT',
        originalRequired: true,
      },
      {
        certificateType: 'BUSINESS_LICENCE',
        description: '所创办市场主体的营业执照',
        provider: 'ORGANIZATION',
        originalRequired: true,
      },
    ],
  },
  {
    code: 'market-regulation.business-licence-change',
    abbreviation: 'BLC',
    name: '营业执照变更登记',
    department: 'market-regulation',
    legalBasis: [
      '《中华人民共和国市场主体登记管理条例》（国务院令第746号）',
      '《中华人民共和国市场主体登记管理条例实施细则》（国家市场监督管理总局令第52号）',
    ],
    conditions: ['登记事项发生变更的，自作出变更决议、决定或者法定变更事项发生之日起30日内申请变更登记'],
    procedure: [
      '申请：法定代表人或其委托的代理人通过网上或登记窗口提交申请',
      '受理审查：材料齐全、符合法定形式的予以确认并当场登记',
      '发照：不能当场登记的，3个工作日内予以登记并换发营业执照',
    ],
    statutoryTimeLimitDays: 3,
    promisedTimeLimitDays: 1,
    ...NO_FEE,
    requirements: [
      {
        certificateType: 'BUSINESS_LICENCE',
        description: '营业执照正、副本',
        provider: 'ORGANIZATION',
        originalRequired: true,
      },
      {
        certificateType: 'RESIDENT_ID_CARD',
        description: '法定代表人（或代理人）居民身份证',
        provider: 'APPLICANT',
        originalRequired: true,
      },
      {
        materialKind: 'SHAREHOLDER_RESOLUTION',
        description: '关于变更事项的股东会决议或股东决定',
        provider: 'APPLICANT',
        originalRequired: true,
      },
      {
        materialKind: 'ARTICLES_OF_ASSOCIATION',
        description: '章程修正案（涉及章程修改的）',
        provider: 'APPLICANT',
        originalRequired: true,
      },
    ],
  },
  {
    code: 'market-regulation.business-registration',
    abbreviation: 'BLR',
    name: '市场主体设立登记',
    department: 'market-regulation',
    legalBasis: ['《中华人民共和国公司法》', '《中华人民共和国市场主体登记管理条例》（国务院令第746号）'],
    conditions: ['有符合规定的名称、住所（经营场所）、经营范围和出资', '依法制定章程'],
    procedure: [
      '申请：通过网上或登记窗口提交设立登记申请',
      '受理审查：材料齐全、符合法定形式的当场登记',
      '发照：核发营业执照，同步办理印章刻制、涉税事项等',
    ],
    statutoryTimeLimitDays: 3,
    promisedTimeLimitDays: 1,
    ...NO_FEE,
    requirements: [
      {
        certificateType: 'RESIDENT_ID_CARD',
        description: '法定代表人（或代理人）居民身份证',
        provider: 'APPLICANT',
        originalRequired: true,
      },
      {
        materialKind: 'ARTICLES_OF_ASSOCIATION',
        description: '公司章程',
        provider: 'APPLICANT',
        originalRequired: true,
      },
      {
        materialKind: 'PREMISES_PROOF',
        description: '住所（经营场所）使用证明',
        provider: 'APPLICANT',
        originalRequired: false,
      },
    ],
  },
  {
    code: 'market-regulation.deregistration',
    abbreviation: 'BLD',
    name: '注销登记',
    department: 'market-regulation',
    legalBasis: ['《中华人民共和国公司法》', '《中华人民共和国市场主体登记管理条例》（国务院令第746号）第五章'],
    conditions: ['已依法清算，清偿债务并清缴税款', '无未结清的行政处罚'],
    procedure: [
      '公告：通过国家企业信用信息公示系统发布清算组信息和债权人公告（简易注销公示20日）',
      '申请：向登记机关申请注销登记',
      '审查：材料齐全、符合法定形式的当场办理，收缴营业执照',
    ],
    statutoryTimeLimitDays: 3,
    promisedTimeLimitDays: 1,
    ...NO_FEE,
    requirements: [
      {
        certificateType: 'BUSINESS_LICENCE',
        description: '营业执照正、副本（注销时收缴）',
        provider: 'ORGANIZATION',
        originalRequired: true,
      },
      {
        materialKind: 'SHAREHOLDER_RESOLUTION',
        description: '关于注销的股东会决议或股东决定',
        provider: 'APPLICANT',
        originalRequired: true,
      },
      {
        materialKind: 'LIQUIDATION_REPORT',
        description: '经确认的清算报告或清税证明',
        provider: 'APPLICANT',
        originalRequired: true,
      },
    ],
  },
  {
    code: 'disabled-persons.disability-certificate-issue',
    abbreviation: 'DCI',
    name: '残疾人证新办',
    department: 'disabled-persons',
    legalBasis: [
      '《中华人民共和国残疾人保障法》',
      '《中华人民共和国残疾人证管理办法》',
      '《残疾人残疾分类和分级》（GB/T 26341-2010）',
    ],
    conditions: ['本市户籍居民，符合残疾标准（视力、听力、言语、肢体、智力、精神或多重残疾）'],
    procedure: [
      '申请：向户籍所在地县级残联提出申请，或通过网上申办',
      '评定：到指定医疗机构进行残疾评定',
      '审核：县级残联审核评定结果',
      '发证：符合条件的发放残疾人证，不符合的书面告知理由',
    ],
    statutoryTimeLimitDays: 30,
    promisedTimeLimitDays: 20,
    feeBasis: '残疾人证工本费及残疾评定费由财政负担',
    feeStandard: '不收费',
    requirements: [
      idCardOfApplicant,
      householdRegister,
      {
        materialKind: 'PHOTO',
        description: '近期二寸免冠彩色照片',
        provider: 'APPLICANT',
        originalRequired: false,
        maxAgeDays: 180,
      },
      {
        materialKind: 'DISABILITY_ASSESSMENT',
        description: '指定医疗机构出具的残疾评定表',
        provider: 'APPLICANT',
        originalRequired: true,
        maxAgeDays: 180,
      },
    ],
  },
  {
    code: 'disabled-persons.living-and-care-subsidy',
    abbreviation: 'DLS',
    name: '困难残疾人生活补贴和重度残疾人护理补贴',
    department: 'disabled-persons',
    legalBasis: ['《国务院关于全面建立困难残疾人生活补贴和重度残疾人护理补贴制度的意见》（国发〔2015〕52号）'],
    conditions: [
      '生活补贴：持有残疾人证的最低生活保障家庭中的残疾人',
      '护理补贴：持有残疾人证、残疾等级为一级或二级且需要长期照护的重度残疾人',
    ],
    procedure: [
      '申请：向户籍所在地乡镇人民政府（街道办事处）提出申请',
      '审核：乡镇人民政府（街道办事处）审核',
      '审定：县级残联、民政部门审定，补贴按月发放',
    ],
    statutoryTimeLimitDays: 20,
    promisedTimeLimitDays: 10,
    ...NO_FEE,
    requirements: [
      idCardOfApplicant,
      {
        certificateType: 'DISABILITY_CERTIFICATE',
        description: '残疾人证',
        provider: 'APPLICANT',
        originalRequired: true,
      },
      householdRegister,
      bankAccount,
    ],
  },
  {
    code: 'civil-affairs.senior-citizen-card',
    abbreviation: 'SCC',
    name: '老年人优待证办理',
    department: 'civil-affairs',
    legalBasis: ['《中华人民共和国老年人权益保障法》第五章'],
    conditions: ['年满60周岁的本市户籍老年人，或在本市居住的常住老年人'],
    procedure: ['申请：到社区服务中心或通过网上申请', '审核：核验身份信息', '发证：制发老年人优待证'],
    statutoryTimeLimitDays: 10,
    promisedTimeLimitDays: 3,
    ...NO_FEE,
    requirements: [
      idCardOfApplicant,
      {
        materialKind: 'PHOTO',
        description: '近期二寸免冠彩色照片',
        provider: 'APPLICANT',
        originalRequired: false,
        maxAgeDays: 180,
      },
    ],
  },
  {
    code: 'civil-affairs.marriage-registration',
    abbreviation: 'MRG',
    name: '结婚登记',
    department: 'civil-affairs',
    legalBasis: ['《中华人民共和国民法典》第五编第二章', '《婚姻登记条例》'],
    conditions: ['男方年满22周岁，女方年满20周岁', '男女双方完全自愿', '双方均无配偶，且无禁止结婚的亲属关系'],
    procedure: [
      '申请：男女双方共同到婚姻登记机关提出申请',
      '审查：婚姻登记机关审查证件并询问相关情况',
      '登记：符合结婚条件的当场予以登记，发给结婚证',
    ],
    statutoryTimeLimitDays: 0,
    promisedTimeLimitDays: 0,
    feeBasis: '国家规定免收婚姻登记费',
    feeStandard: '不收费',
    requirements: [
      idCardOfApplicant,
      householdRegister,
      {
        materialKind: 'PHOTO',
        description: '双方近期半身免冠合影照片',
        provider: 'APPLICANT',
        originalRequired: false,
        maxAgeDays: 180,
      },
    ],
  },
  {
    code: 'public-security.id-card-renewal',
    abbreviation: 'IDR',
    name: '居民身份证换领',
    department: 'public-security',
    legalBasis: ['《中华人民共和国居民身份证法》第五条、第九条、第十一条'],
    conditions: [
      '居民身份证有效期满、登记项目变更或证件严重损坏不能辨认的',
      '法定期限为自申请之日起60日（自然日），本目录折合为42个工作日',
    ],
    procedure: [
      '申请：到户籍所在地或全国任一公安机关户政窗口申请（跨省通办）',
      '采集：现场采集人像和指纹信息',
      '制证发证：公安机关制发新证，可邮寄送达',
    ],
    statutoryTimeLimitDays: 42,
    promisedTimeLimitDays: 15,
    feeBasis: '《财政部 国家发展改革委关于居民身份证收费标准及有关问题的通知》（财综〔2003〕72号）',
    feeStandard: '换领、补领每证20元',
    requirements: [
      householdRegister,
      {
        certificateType: 'RESIDENT_ID_CARD',
        description: '原居民身份证（到期或需换领的）',
        provider: 'APPLICANT',
        originalRequired: true,
      },
    ],
  },
];

/** A stable UUID (version 5 layout, SHA-1 of a name): the same catalogue row has the same id everywhere. */
export function catalogueId(name: string): string {
  const hash = createHash('sha1').update(`gov-graph/certificate-catalogue/${name}`).digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function literal(value: string | number | boolean | null | string[]): string {
  if (value === null) return 'null';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `array[${value.map(literal).join(', ')}]::text[]`;
  return `'${value.replace(/'/g, "''")}'`;
}

function insert(table: string, rows: Record<string, string | number | boolean | null | string[]>[]): string {
  const columns = Object.keys(rows[0]);
  const values = rows.map((row) => `(${columns.map((column) => literal(row[column])).join(', ')})`);
  return `insert into "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) values\n  ${values.join(',\n  ')}`;
}

/** The statements that write this catalogue into empty tables. */
export function catalogueStatements(createdAt: string): string[] {
  const stamp = { created_at: createdAt, updated_at: createdAt };
  return [
    insert(
      'certificate_type',
      CERTIFICATE_TYPES.map((t, i) => ({
        code: t.code,
        position: i + 1,
        name: t.name,
        issuing_department: t.issuingDepartment,
        holder_kind: t.holderKind,
        validity_rule: t.validityRule,
        validity_years: t.validityYears,
        validity_description: t.validityDescription,
        number_format: t.numberFormat,
      })),
    ),
    insert(
      'material_kind',
      MATERIAL_KINDS.map((k, i) => ({ code: k.code, position: i + 1, name: k.name, description: k.description })),
    ),
    insert(
      'service',
      SERVICES.map((s, i) => ({
        id: catalogueId(`service/${s.code}`),
        ...stamp,
        code: s.code,
        abbreviation: s.abbreviation,
        position: i + 1,
        name: s.name,
        department: s.department,
        legal_basis: s.legalBasis,
        conditions: s.conditions,
        procedure: s.procedure,
        statutory_time_limit_days: s.statutoryTimeLimitDays,
        promised_time_limit_days: s.promisedTimeLimitDays,
        fee_basis: s.feeBasis,
        fee_standard: s.feeStandard,
      })),
    ),
    insert(
      'service_requirement',
      SERVICES.flatMap((s) =>
        s.requirements.map((r, i) => ({
          id: catalogueId(`service/${s.code}/requirement/${i + 1}`),
          ...stamp,
          service_id: catalogueId(`service/${s.code}`),
          position: i + 1,
          certificate_type_code: r.certificateType ?? null,
          material_kind_code: r.materialKind ?? null,
          description: r.description,
          provider: r.provider,
          original_required: r.originalRequired,
          max_age_days: r.maxAgeDays ?? null,
        })),
      ),
    ),
  ];
}
