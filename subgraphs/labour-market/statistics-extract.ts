import { OCCUPATIONS } from './catalogue';
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
  query: (asOf) => ({
    // One pass over each table: the current record per person (employment first, then the latest),
    // fully joined with the job-seekers.
    sql: `with status as (
            select distinct on (person_id) person_id, kind from employment_record
             where from_date <= ?::date and (to_date is null or to_date >= ?::date)
             order by person_id, (kind = 'EMPLOYED') desc, from_date desc
          ), seekers as (select distinct person_id from job_seeker_profile)
          select coalesce(s.person_id, j.person_id) as person_id, s.kind as status, j.person_id is not null as job_seeker
            from status s full join seekers j on j.person_id = s.person_id`,
    bindings: [asOf, asOf],
  }),
  row: (raw) => {
    const row = raw as { person_id: string; status: string | null; job_seeker: boolean };
    return {
      subjectId: row.person_id,
      key: row.person_id,
      values: { employmentStatus: row.status, jobSeeker: row.job_seeker },
    };
  },
};

const MAJOR_GROUP = new Map(OCCUPATIONS.map((o) => [o.code, String(o.majorGroup)]));

/**
 * What the labour-market registry sends to statistics per job posting (its own population, asked
 * with `&extract=postings`): the district of the workplace, the occupation's major group
 * (GB/T 6565), whether it is open on the extract date, and the headcount sought. No employer,
 * title, text or contact; keyed by a pseudonym of the posting id. Postings are not people: no
 * access records.
 */
export const jobPostingsExtract: StatisticsExtract = {
  population: 'posting',
  attributes: ['district', 'occupationGroup', 'open', 'headcount'],
  query: (asOf) => ({
    sql: `select id, district_code, occupation_code, headcount,
                 (posted_on <= ?::date and expires_on >= ?::date and (closed_on is null or closed_on > ?::date)) as open
            from job_posting
           where posted_on <= ?::date`,
    bindings: [asOf, asOf, asOf, asOf],
  }),
  row: (raw) => {
    const row = raw as { id: string; district_code: string; occupation_code: string; headcount: number; open: boolean };
    return {
      subjectId: null,
      key: row.id,
      values: {
        district: row.district_code,
        occupationGroup: MAJOR_GROUP.get(row.occupation_code) ?? '8',
        open: row.open,
        headcount: row.headcount,
      },
    };
  },
};
