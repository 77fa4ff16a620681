import { defineEntity, p, type InferEntity } from '@mikro-orm/postgresql';
import { baseProperties } from '../../shared/entity-base';

export const EMPLOYMENT_KINDS = ['EMPLOYED', 'UNEMPLOYED'] as const;
export type EmploymentKind = (typeof EMPLOYMENT_KINDS)[number];

/**
 * Employment registration (就业登记: employed by an organization) or unemployment registration
 * (失业登记), recorded by an hrss officer. Unique on (person, kind, organization, from), so a repeat
 * is the same record.
 */
export const EmploymentRecordSchema = defineEntity({
  name: 'EmploymentRecord',
  tableName: 'employment_record',
  checks: [
    {
      name: 'employment_record_kind',
      expression:
        "(kind = 'EMPLOYED' and organization_credit_code is not null) or (kind = 'UNEMPLOYED' and organization_credit_code is null)",
    },
    { name: 'employment_record_period', expression: 'to_date is null or to_date >= from_date' },
  ],
  indexes: [
    {
      name: 'employment_record_once',
      expression:
        'create unique index "employment_record_once" on "employment_record" ("person_id", "kind", coalesce("organization_credit_code", \'\'), "from_date")',
    },
  ],
  properties: {
    ...baseProperties(),
    personId: p.uuid().index('employment_record_person_idx'),
    kind: p.enum([...EMPLOYMENT_KINDS]),
    organizationCreditCode: p.string().columnType('char(18)').nullable(),
    fromDate: p.date(),
    /** Null: still so. */
    toDate: p.date().nullable(),
    recordedBySub: p.string().length(100),
    recordedByDept: p.string().length(40).nullable(),
  },
});

export type EmploymentRecord = InferEntity<typeof EmploymentRecordSchema>;
