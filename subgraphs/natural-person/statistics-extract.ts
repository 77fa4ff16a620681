import type { StatisticsExtract } from '../shared/statistics/extract';

/**
 * What the natural-person registry sends to statistics, per living resident: age band (as of the
 * extract date), gender, district of registration and household size. Nothing else leaves.
 */
export const statisticsExtract: StatisticsExtract = {
  population: 'person',
  attributes: ['ageBand', 'gender', 'district', 'householdSize'],
  query: (asOf) => ({
    // Household sizes in one grouped pass, not a count per person.
    sql: `select p.id, p.gender, p.district_code,
                 extract(year from age(?::date, p.birth_date))::int as age, s.n as household_size
            from person p
            left join household_member m on m.person_id = p.id
            left join (select household_id, count(*)::int as n from household_member group by household_id) s
              on s.household_id = m.household_id
           where p.death_date is null and p.birth_date <= ?::date`,
    bindings: [asOf, asOf],
  }),
  row: (raw) => {
    const row = raw as {
      id: string;
      gender: string;
      district_code: string;
      age: number;
      household_size: number | null;
    };
    return {
      subjectId: row.id,
      key: row.id,
      values: {
        ageBand: ageBand(row.age),
        gender: row.gender,
        district: row.district_code,
        householdSize: row.household_size,
      },
    };
  },
};

/** The statistics age bands: 0-14, 15-24, ..., 55-64, 65+. */
export function ageBand(age: number): string {
  if (age < 15) return '0-14';
  if (age >= 65) return '65+';
  const low = Math.floor((age - 5) / 10) * 10 + 5;
  return `${low}-${low + 9}`;
}
