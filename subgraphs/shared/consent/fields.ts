import type { SubgraphName } from '../../catalog';

/**
 * The personal fields a department may ask a citizen's consent for, as coordinates of the
 * supergraph (`Type.field`, or `Type.field(argument: VALUE)` for a narrower part of a field), each
 * with the registry that owns it and the selection that previews its value on `Person`. A registry
 * that adds a personal field lists it here, and its permission rules accept grants for it through
 * `personalData(...)` (see rules.ts); nothing else is needed.
 */
export interface GrantableField {
  field: string;
  registry: SubgraphName;
  description: string;
  /** The selection on Person that shows the citizen the value a grant would share. */
  preview: string;
}

/** Certificate types a person holds (certificate registry), each grantable on its own. */
const PERSON_CERTIFICATE_TYPES = [
  ['RESIDENT_ID_CARD', 'resident ID card'],
  ['HOUSEHOLD_REGISTER', 'household register'],
  ['MARRIAGE_CERTIFICATE', 'marriage certificate'],
  ['DISABILITY_CERTIFICATE', 'disability certificate'],
  ['MINIMUM_ALLOWANCE_CERTIFICATE', 'minimum-allowance certificate'],
  ['EMPLOYMENT_CERTIFICATE', 'employment and entrepreneurship certificate'],
  ['SENIOR_CITIZEN_CARD', 'senior citizen card'],
  ['DIPLOMA', 'diplomas'],
  ['VOCATIONAL_QUALIFICATION', 'vocational qualifications'],
] as const;

const APPLICATION_SELECTION = `{ reference programme { code name } status submittedAt householdSize declaredMonthlyIncome
  approvedAmount periodStart periodEnd decisionReason decidedAt }`;

const CERTIFICATE_SELECTION = `{ type { code name } number status issuingAuthority issuedOn validUntil
  attributes { __typename ... on DisabilityAttributes { category grade } ... on DiplomaAttributes { school level major } } }`;

const personField = (field: string, description: string): GrantableField => ({
  field: `Person.${field}`,
  registry: 'natural-person',
  description,
  preview: field,
});

export const GRANTABLE_FIELDS: readonly GrantableField[] = [
  personField('name', 'Full name as registered'),
  personField('gender', 'Gender'),
  personField('birthYear', 'Year of birth'),
  personField('districtCode', 'District of registration'),
  personField('deathDate', 'Date of death, when recorded'),
  personField('birthDate', 'Full date of birth'),
  personField('idNumber', 'Resident ID number'),
  personField('ethnicity', 'Ethnic group'),
  personField('registeredAddress', 'Address of household registration'),
  personField('phone', 'Mobile phone number'),
  personField('maritalStatus', 'Marital status'),
  {
    field: 'Person.household',
    registry: 'natural-person',
    description: 'The household: its number, address, and each member’s relationship (not their other data)',
    preview: 'household { number districtCode address members { relationship person { id } } }',
  },
  {
    field: 'Person.certificates',
    registry: 'certificate',
    description: 'Every certificate the person holds',
    preview: `certificates ${CERTIFICATE_SELECTION}`,
  },
  ...PERSON_CERTIFICATE_TYPES.map(([code, name]) => ({
    field: `Person.certificates(type: ${code})`,
    registry: 'certificate' as const,
    description: `The person’s ${name}`,
    preview: `certificates(type: ${code}) ${CERTIFICATE_SELECTION}`,
  })),
  {
    field: 'Person.assistanceApplications',
    registry: 'assistance',
    description:
      'Social assistance applications the person made: programme, status, household size, declared income, amounts, period and decision (not the case record or review notes)',
    preview: `assistanceApplications ${APPLICATION_SELECTION}`,
  },
  {
    field: 'Person.employment',
    registry: 'labour-market',
    description: 'Employment and unemployment registrations',
    preview: 'employment { kind organization { creditCode name } from to }',
  },
  {
    field: 'Person.legalRepresentativeOf',
    registry: 'legal-person',
    description: 'Organizations the person is legal representative of',
    preview: 'legalRepresentativeOf { creditCode name }',
  },
];

const BY_FIELD = new Map(GRANTABLE_FIELDS.map((field) => [field.field, field]));

export function grantableField(field: string): GrantableField | undefined {
  return BY_FIELD.get(field);
}

/** The coordinates a grant may name for a field read with `args`: the field, and the field narrowed by its `type` argument. */
export function coordinatesOf(field: string, args: Record<string, unknown> = {}): string[] {
  const coordinates = [field];
  if (typeof args.type === 'string') coordinates.push(`${field}(type: ${args.type})`);
  return coordinates;
}
