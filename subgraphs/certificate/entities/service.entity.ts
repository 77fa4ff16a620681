import { defineEntity, p, type InferEntity } from '@mikro-orm/postgresql';
import { baseProperties } from '../../shared/entity-base';

/**
 * A service a department offers, published in full before anyone applies (八公开): legal basis,
 * conditions, procedure, time limits, fees; its required items are ServiceRequirement rows.
 */
export const ServiceSchema = defineEntity({
  name: 'Service',
  tableName: 'service',
  properties: {
    ...baseProperties(),
    /** Stable code other registries reference: `<department>.<name>`. */
    code: p.string().length(100).unique('service_code_unique'),
    /** Short code for case references (MLA-2026-0193). */
    abbreviation: p.string().length(10).unique('service_abbreviation_unique'),
    /** Order in the published list. */
    position: p.smallint(),
    name: p.string().length(100),
    department: p.string().length(40).index('service_department_idx'),
    legalBasis: p.array(),
    conditions: p.array(),
    procedure: p.array(),
    statutoryTimeLimitDays: p.smallint(),
    promisedTimeLimitDays: p.smallint(),
    feeBasis: p.string().length(300),
    feeStandard: p.string().length(200),
  },
});

export type Service = InferEntity<typeof ServiceSchema>;
