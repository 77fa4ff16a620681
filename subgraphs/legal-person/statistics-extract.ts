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
  async batch(knex, after, limit, asOf) {
    const rows = await knex.raw<{
      rows: {
        id: string;
        credit_code: string;
        industry_code: string;
        type: string;
        district_code: string;
        status: string;
        penalties: number;
      }[];
    }>(
      `select o.id, o.credit_code, o.industry_code, o.type, o.district_code, o.status,
              (select count(*)::int from penalty p where p.organization_id = o.id and p.decided_on <= ?::date) as penalties
         from organization o
        where o.established_on <= ?::date and (?::uuid is null or o.id > ?::uuid)
        order by o.id
        limit ?`,
      [asOf, asOf, after, after, limit],
    );
    return rows.rows.map((row) => ({
      id: row.id,
      subjectId: null,
      key: row.credit_code,
      values: {
        industry: row.industry_code.slice(0, 1),
        organizationType: row.type,
        district: row.district_code,
        status: row.status,
        penalties: row.penalties,
      },
    }));
  },
};
