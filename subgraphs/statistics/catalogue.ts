import type { RegistryName } from '../catalog';
import { CHENGDU_DISTRICTS } from '../shared/domain/divisions';
import type { ExtractValue } from '../shared/statistics/extract';

/**
 * The statistics catalogue: every measure and dimension an analyst may ask for, with its
 * definition and the registry extract it comes from. A new registry's extract slots in by adding
 * its dimensions (and measures) here, each naming its source and how to read its attribute:
 * nothing else in the statistics subgraph knows any attribute by name.
 *
 * Three populations: PERSON (residents: the natural-person extract is the base, and every other
 * person extract joins it by pseudonym), ORGANIZATION (enterprises from the legal-person extract)
 * and POSTING (job postings from the labour-market registry's postings extract).
 */

export type Population = 'PERSON' | 'ORGANIZATION' | 'POSTING';

/** An extract as stored and named in tables' sources: a registry's main extract, or another of its populations. */
export type SourceName = RegistryName | 'job-postings';

export interface Category {
  code: string;
  label: string;
}

export interface DimensionDefinition {
  name: string;
  title: string;
  definition: string;
  population: Population;
  source: SourceName;
  categories: Category[];
  /** The category of a record from its source's attributes (null: the source has no record of it). */
  categorize(values: Record<string, ExtractValue> | null): string;
}

export interface MeasureDefinition {
  name: string;
  title: string;
  definition: string;
  population: Population;
  sources: SourceName[];
  /** For sums and means: what is summed, read from a source's record. */
  magnitude?: {
    title: string;
    unit: string;
    source: SourceName;
    value(values: Record<string, ExtractValue> | null): number | null;
  };
  /** Which records the measure counts (all of its population when absent), as dimension = categories. */
  restrict?: { dimension: string; values: string[] };
}

/**
 * The extracts, in the order a refresh reads them; the first source of a population is its base.
 * `registry` is who is asked, `extract` which of its extracts (its main one when absent).
 */
export const EXTRACT_SOURCES: { name: SourceName; registry: RegistryName; extract?: string; population: Population }[] =
  [
    { name: 'natural-person', registry: 'natural-person', population: 'PERSON' },
    { name: 'certificate', registry: 'certificate', population: 'PERSON' },
    { name: 'labour-market', registry: 'labour-market', population: 'PERSON' },
    { name: 'assistance', registry: 'assistance', population: 'PERSON' },
    { name: 'legal-person', registry: 'legal-person', population: 'ORGANIZATION' },
    { name: 'job-postings', registry: 'labour-market', extract: 'postings', population: 'POSTING' },
  ];

const YES_NO: Category[] = [
  { code: 'YES', label: 'yes' },
  { code: 'NO', label: 'no' },
];

const DISTRICTS: Category[] = [
  ...Object.entries(CHENGDU_DISTRICTS).map(([code, label]) => ({ code, label })),
  { code: 'OTHER', label: 'outside Chengdu or unknown' },
];

function code(values: Record<string, ExtractValue> | null, attribute: string, known: Category[], fallback: string) {
  const value = values?.[attribute];
  return typeof value === 'string' && known.some((c) => c.code === value) ? value : fallback;
}

function holds(type: string) {
  return (values: Record<string, ExtractValue> | null) => {
    const types = values?.certificateTypes;
    return Array.isArray(types) && types.includes(type) ? 'YES' : 'NO';
  };
}

const AGE_BANDS: Category[] = ['0-14', '15-24', '25-34', '35-44', '45-54', '55-64', '65+'].map((band) => ({
  code: band,
  label: band === '65+' ? '65 and over' : band.replace('-', ' to '),
}));

const HOUSEHOLD_SIZES: Category[] = [
  ...['1', '2', '3', '4', '5'].map((n) => ({ code: n, label: n === '1' ? '1 person' : `${n} people` })),
  { code: '6+', label: '6 or more people' },
  { code: 'UNKNOWN', label: 'not in a household' },
];

const ORGANIZATION_TYPES: Category[] = [
  ['LIMITED_LIABILITY_COMPANY', 'limited liability company'],
  ['JOINT_STOCK_COMPANY', 'joint-stock company'],
  ['SOLE_PROPRIETORSHIP', 'sole proprietorship'],
  ['PARTNERSHIP', 'partnership'],
  ['INDIVIDUAL_BUSINESS', 'individual business'],
  ['FARMERS_COOPERATIVE', "farmers' cooperative"],
  ['BRANCH', 'branch'],
].map(([c, label]) => ({ code: c, label }));

const INDUSTRY_SECTIONS: Category[] = [
  ['A', 'agriculture, forestry, animal husbandry and fishery'],
  ['B', 'mining'],
  ['C', 'manufacturing'],
  ['D', 'electricity, heat, gas and water'],
  ['E', 'construction'],
  ['F', 'wholesale and retail'],
  ['G', 'transport, storage and post'],
  ['H', 'accommodation and catering'],
  ['I', 'information transmission, software and IT services'],
  ['J', 'finance'],
  ['K', 'real estate'],
  ['L', 'leasing and business services'],
  ['M', 'scientific research and technical services'],
  ['N', 'water conservancy, environment and public facilities'],
  ['O', 'resident services, repair and other services'],
  ['P', 'education'],
  ['Q', 'health and social work'],
  ['R', 'culture, sports and entertainment'],
  ['S', 'public administration, social security and social organizations'],
  ['T', 'international organizations'],
].map(([c, label]) => ({ code: c, label }));

const PROGRAMMES: Category[] = [
  ['MINIMUM_LIVING_ALLOWANCE', 'minimum living allowance'],
  ['EXTREME_POVERTY_SUPPORT', 'support for the extremely poor'],
  ['DISASTER_VICTIM_RELIEF', 'disaster victims'],
  ['MEDICAL_ASSISTANCE', 'medical'],
  ['EDUCATION_ASSISTANCE', 'education'],
  ['HOUSING_ASSISTANCE', 'housing'],
  ['EMPLOYMENT_ASSISTANCE', 'employment'],
  ['TEMPORARY_ASSISTANCE', 'temporary'],
  ['NONE', 'has not applied'],
].map(([c, label]) => ({ code: c, label }));

const DECISIONS: Category[] = [
  ['APPROVED', 'approved'],
  ['REJECTED', 'rejected'],
  ['WITHDRAWN', 'withdrawn'],
  ['PENDING', 'not decided yet'],
  ['NONE', 'has not applied'],
].map(([c, label]) => ({ code: c, label }));

const OCCUPATION_GROUPS: Category[] = [
  ['1', 'heads of organs, organizations, enterprises and institutions'],
  ['2', 'professional and technical personnel'],
  ['3', 'clerks and related'],
  ['4', 'social production and life services'],
  ['5', 'agriculture, forestry, animal husbandry and fishery'],
  ['6', 'production and manufacturing'],
  ['7', 'military'],
  ['8', 'others not classifiable'],
].map(([c, label]) => ({ code: c, label }));

export const DIMENSIONS: DimensionDefinition[] = [
  {
    name: 'district',
    title: 'District of household registration',
    definition: 'The Chengdu district or county (GB/T 2260 code) where the resident is registered.',
    population: 'PERSON',
    source: 'natural-person',
    categories: DISTRICTS,
    categorize: (v) => code(v, 'district', DISTRICTS, 'OTHER'),
  },
  {
    name: 'ageBand',
    title: 'Age band',
    definition: 'Age in completed years on the extract date, in bands 0-14, 15-24, ..., 55-64, 65+.',
    population: 'PERSON',
    source: 'natural-person',
    categories: AGE_BANDS,
    categorize: (v) => code(v, 'ageBand', AGE_BANDS, '65+'),
  },
  {
    name: 'gender',
    title: 'Gender',
    definition: 'Gender as registered in the household register.',
    population: 'PERSON',
    source: 'natural-person',
    categories: [
      { code: 'MALE', label: 'male' },
      { code: 'FEMALE', label: 'female' },
    ],
    categorize: (v) => (v?.gender === 'FEMALE' ? 'FEMALE' : 'MALE'),
  },
  {
    name: 'householdSize',
    title: 'Household size',
    definition: 'Members of the household the resident is registered in (1 to 5, 6 or more).',
    population: 'PERSON',
    source: 'natural-person',
    categories: HOUSEHOLD_SIZES,
    categorize: (v) => {
      const n = v?.householdSize;
      if (typeof n !== 'number' || n < 1) return 'UNKNOWN';
      return n >= 6 ? '6+' : String(n);
    },
  },
  {
    name: 'disabilityCertificate',
    title: 'Holds a disability certificate',
    definition: 'Whether the resident holds a disability certificate (残疾人证) valid on the extract date.',
    population: 'PERSON',
    source: 'certificate',
    categories: YES_NO,
    categorize: holds('DISABILITY_CERTIFICATE'),
  },
  {
    name: 'minimumAllowanceCertificate',
    title: 'Holds a minimum-allowance certificate',
    definition: 'Whether the resident holds a minimum living allowance certificate (低保证) valid on the extract date.',
    population: 'PERSON',
    source: 'certificate',
    categories: YES_NO,
    categorize: holds('MINIMUM_ALLOWANCE_CERTIFICATE'),
  },
  {
    name: 'employmentCertificate',
    title: 'Holds an employment and entrepreneurship certificate',
    definition:
      'Whether the resident holds an employment and entrepreneurship certificate (就业创业证) valid on the extract date.',
    population: 'PERSON',
    source: 'certificate',
    categories: YES_NO,
    categorize: holds('EMPLOYMENT_CERTIFICATE'),
  },
  {
    name: 'seniorCitizenCard',
    title: 'Holds a senior citizen card',
    definition: 'Whether the resident holds a senior citizen card (老年人优待证) valid on the extract date.',
    population: 'PERSON',
    source: 'certificate',
    categories: YES_NO,
    categorize: holds('SENIOR_CITIZEN_CARD'),
  },
  {
    name: 'employmentStatus',
    title: 'Employment status',
    definition:
      'EMPLOYED or UNEMPLOYED (registered unemployed) on the extract date, as the labour-market registry records it; NOT_RECORDED when it has no current record of the resident.',
    population: 'PERSON',
    source: 'labour-market',
    categories: [
      { code: 'EMPLOYED', label: 'employed' },
      { code: 'UNEMPLOYED', label: 'registered unemployed' },
      { code: 'NOT_RECORDED', label: 'no current record' },
    ],
    categorize: (v) =>
      v?.employmentStatus === 'EMPLOYED' || v?.employmentStatus === 'UNEMPLOYED' ? v.employmentStatus : 'NOT_RECORDED',
  },
  {
    name: 'jobSeeker',
    title: 'Registered job-seeker',
    definition: 'Whether the resident keeps a job-seeker profile in the labour-market registry.',
    population: 'PERSON',
    source: 'labour-market',
    categories: YES_NO,
    categorize: (v) => (v?.jobSeeker === true ? 'YES' : 'NO'),
  },
  {
    name: 'assistanceProgramme',
    title: 'Social assistance programme',
    definition: 'The programme of the resident’s latest assistance application; NONE when they have applied for none.',
    population: 'PERSON',
    source: 'assistance',
    categories: PROGRAMMES,
    categorize: (v) => code(v, 'programme', PROGRAMMES, 'NONE'),
  },
  {
    name: 'assistanceDecision',
    title: 'Decision on the latest assistance application',
    definition: 'APPROVED, REJECTED, WITHDRAWN or PENDING (not decided yet); NONE when the resident has not applied.',
    population: 'PERSON',
    source: 'assistance',
    categories: DECISIONS,
    categorize: (v) => code(v, 'decision', DECISIONS, 'NONE'),
  },
  {
    name: 'decidedOnTime',
    title: 'Decided within the promised time',
    definition: 'Whether the latest application was decided within its promised time limit; NOT_DECIDED otherwise.',
    population: 'PERSON',
    source: 'assistance',
    categories: [
      { code: 'YES', label: 'on time' },
      { code: 'NO', label: 'late' },
      { code: 'NOT_DECIDED', label: 'not decided or not applied' },
    ],
    categorize: (v) => (v?.decidedOnTime === true ? 'YES' : v?.decidedOnTime === false ? 'NO' : 'NOT_DECIDED'),
  },
  {
    name: 'industry',
    title: 'Industry section',
    definition: 'The GB/T 4754-2017 section (A-T) of the enterprise’s registered industry.',
    population: 'ORGANIZATION',
    source: 'legal-person',
    categories: INDUSTRY_SECTIONS,
    categorize: (v) => code(v, 'industry', INDUSTRY_SECTIONS, 'T'),
  },
  {
    name: 'organizationType',
    title: 'Organization type',
    definition: 'The enterprise’s legal form as registered.',
    population: 'ORGANIZATION',
    source: 'legal-person',
    categories: ORGANIZATION_TYPES,
    categorize: (v) => code(v, 'organizationType', ORGANIZATION_TYPES, 'BRANCH'),
  },
  {
    name: 'organizationDistrict',
    title: 'District of registration (enterprise)',
    definition: 'The Chengdu district or county where the enterprise is registered.',
    population: 'ORGANIZATION',
    source: 'legal-person',
    categories: DISTRICTS,
    categorize: (v) => code(v, 'district', DISTRICTS, 'OTHER'),
  },
  {
    name: 'organizationStatus',
    title: 'Registration status',
    definition: 'ACTIVE, DEREGISTERED or REVOKED on the extract date.',
    population: 'ORGANIZATION',
    source: 'legal-person',
    categories: [
      { code: 'ACTIVE', label: 'active' },
      { code: 'DEREGISTERED', label: 'deregistered' },
      { code: 'REVOKED', label: 'licence revoked' },
    ],
    categorize: (v) => (v?.status === 'DEREGISTERED' || v?.status === 'REVOKED' ? v.status : 'ACTIVE'),
  },
  {
    name: 'penalised',
    title: 'Has been penalised',
    definition: 'Whether the enterprise has at least one administrative penalty decided by the extract date.',
    population: 'ORGANIZATION',
    source: 'legal-person',
    categories: YES_NO,
    categorize: (v) => (typeof v?.penalties === 'number' && v.penalties > 0 ? 'YES' : 'NO'),
  },
  {
    name: 'postingDistrict',
    title: 'District of the workplace (job posting)',
    definition:
      'The Chengdu district or county of the posting’s workplace. The same categories as `district` (residents), so `jobPostings` by `postingDistrict` and `jobSeekers` by `district` stand side by side, district by district.',
    population: 'POSTING',
    source: 'job-postings',
    categories: DISTRICTS,
    categorize: (v) => code(v, 'district', DISTRICTS, 'OTHER'),
  },
  {
    name: 'postingOccupationGroup',
    title: 'Occupation major group (job posting)',
    definition: 'The GB/T 6565-2015 major group (1 to 8) of the posting’s occupation.',
    population: 'POSTING',
    source: 'job-postings',
    categories: OCCUPATION_GROUPS,
    categorize: (v) => code(v, 'occupationGroup', OCCUPATION_GROUPS, '8'),
  },
  {
    name: 'postingOpen',
    title: 'Open on the extract date',
    definition:
      'Whether the posting was open on the extract date: posted by then, not expired, not closed or filled before it.',
    population: 'POSTING',
    source: 'job-postings',
    categories: YES_NO,
    categorize: (v) => (v?.open === true ? 'YES' : 'NO'),
  },
];

export const MEASURES: MeasureDefinition[] = [
  {
    name: 'residents',
    title: 'Registered residents',
    definition: 'Living people registered in the natural-person registry on the extract date.',
    population: 'PERSON',
    sources: ['natural-person', 'certificate', 'labour-market', 'assistance'],
  },
  {
    name: 'householdSize',
    title: 'Residents and their household size',
    definition:
      'Residents registered in a household; the sum is of household sizes, so the mean is the mean household size a resident lives in.',
    population: 'PERSON',
    sources: ['natural-person'],
    magnitude: {
      title: 'household members',
      unit: 'people',
      source: 'natural-person',
      value: (v) => (typeof v?.householdSize === 'number' && v.householdSize > 0 ? v.householdSize : null),
    },
  },
  {
    name: 'disabilityCertificateHolders',
    title: 'Residents holding a disability certificate',
    definition: 'Residents holding a disability certificate valid on the extract date.',
    population: 'PERSON',
    sources: ['natural-person', 'certificate'],
    restrict: { dimension: 'disabilityCertificate', values: ['YES'] },
  },
  {
    name: 'registeredUnemployed',
    title: 'Registered unemployed residents',
    definition: 'Residents whose current labour-market record on the extract date is an unemployment registration.',
    population: 'PERSON',
    sources: ['natural-person', 'labour-market'],
    restrict: { dimension: 'employmentStatus', values: ['UNEMPLOYED'] },
  },
  {
    name: 'assistanceRecipients',
    title: 'Recipients of social assistance',
    definition:
      'Residents whose latest assistance application was approved; the sum is of approved monthly amounts (yuan), the mean the amount per recipient.',
    population: 'PERSON',
    sources: ['natural-person', 'assistance'],
    restrict: { dimension: 'assistanceDecision', values: ['APPROVED'] },
    magnitude: {
      title: 'approved monthly benefit',
      unit: 'yuan',
      source: 'assistance',
      value: (v) => (typeof v?.benefitAmount === 'number' ? v.benefitAmount : null),
    },
  },
  {
    name: 'declaredIncome',
    title: 'Assistance applicants and their declared income',
    definition: 'Residents who have applied for assistance; the sum is of declared monthly household incomes (yuan).',
    population: 'PERSON',
    sources: ['natural-person', 'assistance'],
    magnitude: {
      title: 'declared monthly household income',
      unit: 'yuan',
      source: 'assistance',
      value: (v) => (typeof v?.declaredIncome === 'number' ? v.declaredIncome : null),
    },
  },
  {
    name: 'enterprises',
    title: 'Enterprises',
    definition: 'Enterprises registered in the legal-person registry by the extract date (any status).',
    population: 'ORGANIZATION',
    sources: ['legal-person'],
  },
  {
    name: 'penalties',
    title: 'Enterprises and their administrative penalties',
    definition:
      'Enterprises, with the number of administrative penalties decided against them; the mean is penalties per enterprise. For the share of enterprises penalised, break `enterprises` down by `penalised`.',
    population: 'ORGANIZATION',
    sources: ['legal-person'],
    magnitude: {
      title: 'administrative penalties',
      unit: 'penalties',
      source: 'legal-person',
      value: (v) => (typeof v?.penalties === 'number' ? v.penalties : 0),
    },
  },
  {
    name: 'jobSeekers',
    title: 'Registered job-seekers',
    definition:
      'Residents who keep a job-seeker profile in the labour-market registry, by the resident’s district of registration. Put beside `jobPostings` by `postingDistrict` (same district categories) for postings against job-seekers per district; the two are separate tables of separate populations, each protected on its own.',
    population: 'PERSON',
    sources: ['natural-person', 'labour-market'],
    restrict: { dimension: 'jobSeeker', values: ['YES'] },
  },
  {
    name: 'jobPostings',
    title: 'Open job postings and the vacancies they offer',
    definition:
      'Job postings open on the extract date (a population of its own: postings, not people), by the workplace’s district with `postingDistrict`; the sum is of the headcount sought (vacancies), the mean vacancies per posting. Compare with `jobSeekers` by `district`.',
    population: 'POSTING',
    sources: ['job-postings'],
    restrict: { dimension: 'postingOpen', values: ['YES'] },
    magnitude: {
      title: 'vacancies (headcount sought)',
      unit: 'people',
      source: 'job-postings',
      value: (v) => (typeof v?.headcount === 'number' ? v.headcount : null),
    },
  },
];

export const MAX_DIMENSIONS = 3;

export function dimensionNamed(name: string): DimensionDefinition | undefined {
  return DIMENSIONS.find((d) => d.name === name);
}

export function measureNamed(name: string): MeasureDefinition | undefined {
  return MEASURES.find((m) => m.name === name);
}
