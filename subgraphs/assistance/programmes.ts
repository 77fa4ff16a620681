/**
 * The eight social assistance programmes (DESIGN.md), each tied to its service in the certificate
 * registry's catalogue by code: conditions, required materials and the promised time limit are read
 * from there through the graph, never copied here. What is the registry's own: the notice period
 * and the certificate an approval issues.
 */
export const PROGRAMME_CODES = [
  'MINIMUM_LIVING_ALLOWANCE',
  'EXTREME_POVERTY_SUPPORT',
  'DISASTER_VICTIM_RELIEF',
  'MEDICAL_ASSISTANCE',
  'EDUCATION_ASSISTANCE',
  'HOUSING_ASSISTANCE',
  'EMPLOYMENT_ASSISTANCE',
  'TEMPORARY_ASSISTANCE',
] as const;
export type ProgrammeCode = (typeof PROGRAMME_CODES)[number];

export interface ProgrammeRow {
  code: ProgrammeCode;
  position: number;
  name: string;
  /** The service's code in the catalogue (certificate registry). */
  serviceCode: string;
  /** Abbreviation used in case references (the catalogue's). */
  abbreviation: string;
  noticeDays: number;
  issuesCertificate: 'MINIMUM_ALLOWANCE_CERTIFICATE' | null;
}

export const PROGRAMMES: ProgrammeRow[] = [
  [
    'MINIMUM_LIVING_ALLOWANCE',
    '最低生活保障',
    'civil-affairs.minimum-living-allowance',
    'MLA',
    7,
    'MINIMUM_ALLOWANCE_CERTIFICATE',
  ],
  ['EXTREME_POVERTY_SUPPORT', '特困人员供养', 'civil-affairs.extreme-poverty-support', 'SPS', 7, null],
  ['DISASTER_VICTIM_RELIEF', '受灾人员救助', 'civil-affairs.disaster-victim-relief', 'DVR', 3, null],
  ['MEDICAL_ASSISTANCE', '医疗救助', 'civil-affairs.medical-assistance', 'MDA', 5, null],
  ['EDUCATION_ASSISTANCE', '教育救助', 'civil-affairs.education-assistance', 'EDA', 5, null],
  ['HOUSING_ASSISTANCE', '住房救助', 'civil-affairs.housing-assistance', 'HSA', 7, null],
  ['EMPLOYMENT_ASSISTANCE', '就业救助', 'civil-affairs.employment-assistance', 'EMA', 5, null],
  ['TEMPORARY_ASSISTANCE', '临时救助', 'civil-affairs.temporary-assistance', 'TMA', 3, null],
].map(([code, name, serviceCode, abbreviation, noticeDays, issuesCertificate], i) => ({
  code: code as ProgrammeCode,
  position: i + 1,
  name: name as string,
  serviceCode: serviceCode as string,
  abbreviation: abbreviation as string,
  noticeDays: noticeDays as number,
  issuesCertificate: issuesCertificate as ProgrammeRow['issuesCertificate'],
}));

export const APPLICATION_STATUSES = [
  'SUBMITTED',
  'ACCEPTED',
  'UNDER_REVIEW',
  'PUBLIC_NOTICE',
  'APPROVED',
  'REJECTED',
  'RETURNED_FOR_MATERIALS',
  'WITHDRAWN',
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export const FINAL_STATUSES: readonly ApplicationStatus[] = ['APPROVED', 'REJECTED', 'WITHDRAWN'];

/** Where a case may go from each status (the state machine the case record follows). */
export const TRANSITIONS: Record<ApplicationStatus, readonly ApplicationStatus[]> = {
  SUBMITTED: ['ACCEPTED', 'RETURNED_FOR_MATERIALS', 'REJECTED', 'WITHDRAWN'],
  ACCEPTED: ['UNDER_REVIEW', 'RETURNED_FOR_MATERIALS', 'REJECTED', 'WITHDRAWN'],
  UNDER_REVIEW: ['PUBLIC_NOTICE', 'RETURNED_FOR_MATERIALS', 'REJECTED', 'WITHDRAWN'],
  PUBLIC_NOTICE: ['APPROVED', 'REJECTED', 'WITHDRAWN'],
  RETURNED_FOR_MATERIALS: ['SUBMITTED', 'WITHDRAWN'],
  APPROVED: [],
  REJECTED: [],
  WITHDRAWN: [],
};

/** Outbox kind of recording, in the certificate registry, that an application used a material. */
export const RECORD_MATERIAL_USE = 'certificate.record-material-use';

/** Outbox kind of the minimum-allowance certificate an approval issues. */
export const ISSUE_MINIMUM_ALLOWANCE = 'certificate.issue-minimum-allowance';
