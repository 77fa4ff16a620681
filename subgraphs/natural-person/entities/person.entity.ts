import { defineEntity, p, type InferEntity } from '@mikro-orm/postgresql';
import { baseProperties } from '../../shared/entity-base';

/** A natural person in the household register. */
export const PersonSchema = defineEntity({
  name: 'Person',
  tableName: 'person',
  properties: {
    ...baseProperties(),
    /** Resident ID number, GB 11643-1999. */
    idNumber: p.string().columnType('char(18)').unique('person_id_number_unique'),
    name: p.string().length(50),
    gender: p.enum(['MALE', 'FEMALE']),
    birthDate: p.date(),
    ethnicity: p.string().length(10),
    /** GB/T 2260 code of the district of registration. */
    districtCode: p.string().columnType('char(6)'),
    registeredAddress: p.string().length(200),
    phone: p.string().length(11).nullable(),
    maritalStatus: p.enum(['UNMARRIED', 'MARRIED', 'DIVORCED', 'WIDOWED']),
    deathDate: p.date().nullable(),
    /** Internal to public-security. */
    remarks: p.text().nullable(),
  },
});

export type Person = InferEntity<typeof PersonSchema>;
