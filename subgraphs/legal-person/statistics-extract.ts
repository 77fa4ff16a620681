import type { StatisticsExtract } from '../shared/statistics/extract';

/**
 * What the legal-person registry sends to statistics, per enterprise: industry section (GB/T 4754
 * letter), organization type, district, status, and how many administrative penalties it has had.
 * Enterprises are not people, so these rows carry no access record; they are keyed by a
 * pseudonym of the credit code all the same, so no identifier leaves the registry.
 */
export const statisticsExtract: StatisticsExtract = {
  population: 'organization',
  attributes: ['industry', 'organizationType', 'district', 'status', 'penalties'],
  query: (asOf) => ({
    sql: `select o.credit_code, o.industry_code, o.type, o.district_code, o.status, coalesce(p.n, 0) as penalties
            from organization o
            left join (select organization_id, count(*)::int as n from penalty where decided_on <= ?::date
                        group by organization_id) p on p.organization_id = o.id
           where o.established_on <= ?::date`,
    bindings: [asOf, asOf],
  }),
  row: (raw) => {
    const row = raw as {
      credit_code: string;
      industry_code: string;
      type: string;
      district_code: string;
      status: string;
      penalties: number;
    };
    return {
      subjectId: null,
      key: row.credit_code,
      values: {
        industry: row.industry_code.slice(0, 1),
        organizationType: row.type,
        district: row.district_code,
        status: row.status,
        penalties: row.penalties,
      },
    };
  },
};
