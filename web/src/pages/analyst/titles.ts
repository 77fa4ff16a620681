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
