import { defineEntity, p, type InferEntity } from '@mikro-orm/postgresql';
import { ApplicationSchema } from './application.entity';

export const FACT_KINDS = ['HOUSEHOLD_MEMBERS', 'CERTIFICATES', 'LEGAL_REPRESENTATIVE', 'EMPLOYMENT'] as const;
export const FACT_STATUSES = ['READ', 'NOT_PERMITTED', 'UNAVAILABLE'] as const;
export type FactKind = (typeof FACT_KINDS)[number];
export type FactStatus = (typeof FACT_STATUSES)[number];
export interface FactItem {
  personId: string | null;
  description: string;
}

/** An eligibility fact read from its owning registry under the reviewing officer's identity, as it was then. */
export const EligibilityFactSchema = defineEntity({
  name: 'EligibilityFact',
  tableName: 'eligibility_fact',
  uniques: [{ name: 'eligibility_fact_kind_unique', properties: ['application', 'kind'] }],
  properties: {
    id: p.bigint('number').primary().autoincrement(),
    application: () => p.manyToOne(ApplicationSchema).mapToPk(),
    kind: p.enum([...FACT_KINDS]),
    source: p.string().length(40),
    asOf: p.datetime(),
    status: p.enum([...FACT_STATUSES]),
    items: p.json<FactItem[]>().nullable(),
    note: p.string().length(500).nullable(),
    gatheredBySub: p.string().length(100),
    purpose: p.string().length(200).nullable(),
  },
});

export type EligibilityFact = InferEntity<typeof EligibilityFactSchema>;
