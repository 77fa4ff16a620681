/** Chinese titles for the statistics catalogue's measures and dimensions (the catalogue's own are English). */

export const MEASURE_TITLES: Record<string, string> = {
  residents: '户籍人口',
  householdSize: '户籍人口及家庭规模',
  disabilityCertificateHolders: '持残疾人证人口',
  registeredUnemployed: '登记失业人员',
  assistanceRecipients: '社会救助对象',
  declaredIncome: '救助申请人及申报收入',
  enterprises: '企业',
  penalties: '企业及其行政处罚',
};

export const DIMENSION_TITLES: Record<string, string> = {
  district: '户籍所在区（市、县）',
  ageBand: '年龄段',
  gender: '性别',
  householdSize: '家庭人口数',
  disabilityCertificate: '是否持残疾人证',
  minimumAllowanceCertificate: '是否持低保证',
  employmentCertificate: '是否持就业创业证',
  seniorCitizenCard: '是否持老年人优待证',
  employmentStatus: '就业状态',
  jobSeeker: '是否登记求职',
  assistanceProgramme: '社会救助项目',
  assistanceDecision: '最近一次救助申请的决定',
  decidedOnTime: '是否在承诺时限内办结',
  industry: '行业门类',
  organizationType: '组织类型',
  organizationDistrict: '登记所在区（企业）',
  organizationStatus: '登记状态',
  penalised: '是否受过行政处罚',
};

/** The catalogue title in Chinese where known, with the catalogue's own beside it otherwise. */
export function titleOf(map: Record<string, string>, name: string, fallback: string): string {
  return map[name] ?? fallback;
}

/** The catalogue's definitions in Chinese (the catalogue states them in English). */
export const MEASURE_DEFINITIONS: Record<string, string> = {
  residents: '抽取日在人口信息库登记的在世人员。',
  householdSize: '登记在户的人员；合计为各人所在家庭的人口数之和，平均即人均所在家庭规模。',
  disabilityCertificateHolders: '抽取日持有有效残疾人证的人员。',
  registeredUnemployed: '抽取日在就业信息库的当前记录为失业登记的人员。',
  assistanceRecipients: '最近一次救助申请获批准的人员；合计为批准的月救助金额（元），平均为每名救助对象的金额。',
  declaredIncome: '申请过社会救助的人员；合计为申报的家庭月收入（元）。',
  enterprises: '抽取日在法人信息库登记的企业（不论登记状态）。',
  penalties:
    '企业及其受到的行政处罚件数；平均为每家企业的处罚件数。企业中受过处罚的比例，请用“企业”按“是否受过行政处罚”分组。',
};

export const DIMENSION_DEFINITIONS: Record<string, string> = {
  district: '户籍登记所在的成都市区（市、县）（GB/T 2260 代码）。',
  ageBand: '抽取日的周岁年龄，分为 0–14、15–24……55–64、65 岁及以上。',
  gender: '户籍登记的性别。',
  householdSize: '所在户的人口数（1 至 5 人，6 人及以上）。',
  disabilityCertificate: '抽取日是否持有有效的残疾人证。',
  minimumAllowanceCertificate: '抽取日是否持有有效的低保证。',
  employmentCertificate: '抽取日是否持有有效的就业创业证。',
  seniorCitizenCard: '抽取日是否持有有效的老年人优待证。',
  employmentStatus: '抽取日就业信息库记录的就业或登记失业；没有当前记录的为“无当前记录”。',
  jobSeeker: '是否在就业信息库登记了求职信息。',
  assistanceProgramme: '最近一次社会救助申请的项目；从未申请的为“未申请”。',
  assistanceDecision: '最近一次救助申请的结果：批准、不予批准、撤回或尚未决定；从未申请的为“未申请”。',
  decidedOnTime: '最近一次申请是否在承诺时限内作出决定；未决定的另列。',
  industry: '企业登记行业所属的国民经济行业门类（GB/T 4754-2017，A–T）。',
  organizationType: '企业登记的组织形式。',
  organizationDistrict: '企业登记所在的成都市区（市、县）。',
  organizationStatus: '抽取日的登记状态：存续、注销或吊销。',
  penalised: '抽取日前是否受过至少一次行政处罚。',
};

const YES_NO = { YES: '是', NO: '否' };

/** The catalogue's category labels in Chinese, by dimension (districts are Chinese already). */
export const CATEGORY_TITLES: Record<string, Record<string, string>> = {
  district: { OTHER: '市外或不详' },
  organizationDistrict: { OTHER: '市外或不详' },
  ageBand: {
    '0-14': '0–14 岁',
    '15-24': '15–24 岁',
    '25-34': '25–34 岁',
    '35-44': '35–44 岁',
    '45-54': '45–54 岁',
    '55-64': '55–64 岁',
    '65+': '65 岁及以上',
  },
  gender: { MALE: '男', FEMALE: '女' },
  householdSize: {
    '1': '1 人',
    '2': '2 人',
    '3': '3 人',
    '4': '4 人',
    '5': '5 人',
    '6+': '6 人及以上',
    UNKNOWN: '不在户',
  },
  disabilityCertificate: YES_NO,
  minimumAllowanceCertificate: YES_NO,
  employmentCertificate: YES_NO,
  seniorCitizenCard: YES_NO,
  jobSeeker: YES_NO,
  penalised: YES_NO,
  employmentStatus: { EMPLOYED: '就业', UNEMPLOYED: '登记失业', NOT_RECORDED: '无当前记录' },
  assistanceProgramme: {
    MINIMUM_LIVING_ALLOWANCE: '最低生活保障',
    EXTREME_POVERTY_SUPPORT: '特困人员供养',
    DISASTER_VICTIM_RELIEF: '受灾人员救助',
    MEDICAL_ASSISTANCE: '医疗救助',
    EDUCATION_ASSISTANCE: '教育救助',
    HOUSING_ASSISTANCE: '住房救助',
    EMPLOYMENT_ASSISTANCE: '就业救助',
    TEMPORARY_ASSISTANCE: '临时救助',
    NONE: '未申请',
  },
  assistanceDecision: {
    APPROVED: '批准',
    REJECTED: '不予批准',
    WITHDRAWN: '撤回',
    PENDING: '尚未决定',
    NONE: '未申请',
  },
  decidedOnTime: { YES: '按时', NO: '超时', NOT_DECIDED: '未决定或未申请' },
  industry: {
    A: '农、林、牧、渔业',
    B: '采矿业',
    C: '制造业',
    D: '电力、热力、燃气及水生产和供应业',
    E: '建筑业',
    F: '批发和零售业',
    G: '交通运输、仓储和邮政业',
    H: '住宿和餐饮业',
    I: '信息传输、软件和信息技术服务业',
    J: '金融业',
    K: '房地产业',
    L: '租赁和商务服务业',
    M: '科学研究和技术服务业',
    N: '水利、环境和公共设施管理业',
    O: '居民服务、修理和其他服务业',
    P: '教育',
    Q: '卫生和社会工作',
    R: '文化、体育和娱乐业',
    S: '公共管理、社会保障和社会组织',
    T: '国际组织',
  },
  organizationType: {
    LIMITED_LIABILITY_COMPANY: '有限责任公司',
    JOINT_STOCK_COMPANY: '股份有限公司',
    SOLE_PROPRIETORSHIP: '个人独资企业',
    PARTNERSHIP: '合伙企业',
    INDIVIDUAL_BUSINESS: '个体工商户',
    FARMERS_COOPERATIVE: '农民专业合作社',
    BRANCH: '分支机构',
  },
  organizationStatus: { ACTIVE: '存续', DEREGISTERED: '注销', REVOKED: '吊销营业执照' },
};

/** Units of the measures' sums. */
export const UNITS: Record<string, string> = { people: '人', yuan: '元', penalties: '件' };

/** A category in Chinese: the table above, else the catalogue's label when it is Chinese already. */
export function categoryTitle(dimension: string, code: string, fallback: string): string {
  return CATEGORY_TITLES[dimension]?.[code] ?? fallback;
}
