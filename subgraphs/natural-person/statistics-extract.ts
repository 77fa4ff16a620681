import type { StatisticsExtract } from '../shared/statistics/extract';

/**
 * What the natural-person registry sends to statistics, per living resident: age band (as of the
 * extract date), gender, district of registration and household size. Nothing else leaves.
 */
export const statisticsExtract: StatisticsExtract = {
  population: 'person',
  attributes: ['ageBand', 'gender', 'district', 'householdSize'],
  async batch(knex, after, limit, asOf) {
    const rows = await knex.raw<{
      rows: { id: string; gender: string; district_code: string; age: number; household_size: number | null }[];
    }>(
      `select p.id, p.gender, p.district_code,
              extract(year from age(?::date, p.birth_date))::int as age,
              (select count(*)::int from household_member m2 where m2.household_id = m.household_id) as household_size
         from person p
         left join household_member m on m.person_id = p.id
        where p.death_date is null and p.birth_date <= ?::date and (?::uuid is null or p.id > ?::uuid)
        order by p.id
        limit ?`,
      [asOf, asOf, after, after, limit],
    );
    return rows.rows.map((row) => ({
      id: row.id,
      subjectId: row.id,
      key: row.id,
      values: {
        ageBand: ageBand(row.age),
        gender: row.gender,
        district: row.district_code,
        householdSize: row.household_size,
      },
    }));
  },
};

/** The statistics age bands: 0-14, 15-24, ..., 55-64, 65+. */
export function ageBand(age: number): string {
  if (age < 15) return '0-14';
  if (age >= 65) return '65+';
  const low = Math.floor((age - 5) / 10) * 10 + 5;
  return `${low}-${low + 9}`;
}
