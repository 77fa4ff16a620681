import { defineEntity, p, type InferEntity } from '@mikro-orm/postgresql';
import { PROGRAMME_CODES } from '../programmes';

/** A programme: its catalogue service (by code) and what this registry decides itself. Public. */
export const ProgrammeSchema = defineEntity({
  name: 'Programme',
  tableName: 'programme',
  properties: {
    code: p.enum([...PROGRAMME_CODES]).primary(),
    position: p.smallint(),
    name: p.string().length(50),
    serviceCode: p.string().length(100).unique('programme_service_code_unique'),
    abbreviation: p.string().length(10),
    noticeDays: p.smallint(),
    issuesCertificate: p.string().length(40).nullable(),
  },
});

export type Programme = InferEntity<typeof ProgrammeSchema>;
