import type { StatisticsExtract } from '../shared/statistics/extract';

/**
 * What the labour-market registry sends to statistics, per person it knows: employment status on
 * the extract date (EMPLOYED or UNEMPLOYED, i.e. registered unemployed; an employment record wins
 * over an unemployment record of the same day) and whether they keep a job-seeker profile.
 * No employer, no dates, no profile content.
 */
export const statisticsExtract: StatisticsExtract = {
  population: 'person',
  attributes: ['employmentStatus', 'jobSeeker'],
  async batch(knex, after, limit, asOf) {
    const rows = await knex.raw<{ rows: { person_id: string; status: string | null; job_seeker: boolean }[] }>(
      `with people as (
         select person_id from employment_record
          where from_date <= ?::date and (to_date is null or to_date >= ?::date) and (?::uuid is null or person_id > ?::uuid)
         union
         select person_id from job_seeker_profile where (?::uuid is null or person_id > ?::uuid)
       ), page as (select person_id from people order by person_id limit ?)
       select page.person_id,
              (select e.kind from employment_record e
                where e.person_id = page.person_id and e.from_date <= ?::date and (e.to_date is null or e.to_date >= ?::date)
                order by (e.kind = 'EMPLOYED') desc, e.from_date desc limit 1) as status,
              exists (select 1 from job_seeker_profile j where j.person_id = page.person_id) as job_seeker
         from page order by page.person_id`,
      [asOf, asOf, after, after, after, after, limit, asOf, asOf],
    );
    return rows.rows.map((row) => ({
      id: row.person_id,
      subjectId: row.person_id,
      key: row.person_id,
      values: { employmentStatus: row.status, jobSeeker: row.job_seeker },
    }));
  },
};
