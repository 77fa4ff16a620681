import type { StatisticsExtract } from '../shared/statistics/extract';

/** The certificate types statistics counts holders of (a valid certificate on the extract date). */
export const STATISTICS_CERTIFICATE_TYPES = [
  'DISABILITY_CERTIFICATE',
  'MINIMUM_ALLOWANCE_CERTIFICATE',
  'EMPLOYMENT_CERTIFICATE',
  'SENIOR_CITIZEN_CARD',
] as const;

/**
 * What the certificate registry sends to statistics, per person holding at least one of the
 * counted types: which of them they hold, valid on the extract date. No number, date or attribute.
 */
export const statisticsExtract: StatisticsExtract = {
  population: 'person',
  attributes: ['certificateTypes'],
  query: (asOf) => ({
    sql: `select holder_person_id, array_agg(distinct type_code order by type_code) as types
            from certificate
           where holder_kind = 'PERSON' and type_code = any(?) and issued_on <= ?::date
             and (revoked_on is null or revoked_on > ?::date) and (valid_until is null or valid_until >= ?::date)
           group by holder_person_id`,
    bindings: [[...STATISTICS_CERTIFICATE_TYPES], asOf, asOf, asOf],
  }),
  row: (raw) => {
    const row = raw as { holder_person_id: string; types: string[] };
    return { subjectId: row.holder_person_id, key: row.holder_person_id, values: { certificateTypes: row.types } };
  },
};
