import { defineEntity, p, type InferEntity } from '@mikro-orm/postgresql';
import { baseProperties } from '../../shared/entity-base';
import { EDUCATION_LEVELS, JOB_STATUSES } from '../catalogue';

/**
 * A job vacancy. The employer is a reference (credit code) to the legal-person registry.
 * `employerName` and `employerIndustry` are search-only copies of the employer's public name and
 * industry, taken from the legal-person registry when the posting is written (and refreshed from
 * it by the seed): the feed searches and filters on them in one indexed statement, while every
 * answer shows the employer's name from the legal-person registry itself (Organization.name).
 * `searchGrams` holds every character and every pair of adjacent characters of title, description
 * and employer name (lower-cased), each as an int4 (search-grams.ts), maintained by a trigger in the
 * database (job_posting_grams).
 */
export const JobPostingSchema = defineEntity({
  name: 'JobPosting',
  tableName: 'job_posting',
  uniques: [{ name: 'job_posting_employer_reference_unique', properties: ['employerCreditCode', 'reference'] }],
  checks: [
    { name: 'job_posting_salary_range', expression: 'salary_min > 0 and salary_min <= salary_max' },
    { name: 'job_posting_closed', expression: "(status = 'OPEN') = (closed_on is null)" },
  ],
  indexes: [
    {
      name: 'job_posting_search_idx',
      expression: 'create index "job_posting_search_idx" on "job_posting" using gin ("search_grams")',
    },
    {
      name: 'job_posting_feed_idx',
      expression:
        'create index "job_posting_feed_idx" on "job_posting" ("posted_on" desc, "id" desc) where status = \'OPEN\'',
    },
    {
      name: 'job_posting_district_feed_idx',
      expression:
        'create index "job_posting_district_feed_idx" on "job_posting" ("district_code", "posted_on" desc, "id" desc) where status = \'OPEN\'',
    },
  ],
  properties: {
    ...baseProperties(),
    /** Credit code in the legal-person registry (another database, so no foreign key). */
    employerCreditCode: p.string().columnType('char(18)').index('job_posting_employer_idx'),
    /** The employer's own job number. */
    reference: p.string().length(64),
    /** Search-only copy of the employer's name (see above); never shown. */
    employerName: p.string().length(100),
    /** Search-only copy of the employer's industry (GB/T 4754), for the industry filter. */
    employerIndustry: p.string().length(5),
    title: p.string().length(50),
    description: p.string().length(2000),
    occupationCode: p.string().length(40),
    districtCode: p.string().columnType('char(6)'),
    workAddress: p.string().length(200),
    salaryMin: p.integer(),
    salaryMax: p.integer(),
    education: p.enum([...EDUCATION_LEVELS]),
    experienceYears: p.smallint(),
    headcount: p.smallint(),
    contactName: p.string().length(20),
    contactPhone: p.string().length(20),
    postedOn: p.date(),
    expiresOn: p.date(),
    status: p.enum([...JOB_STATUSES]),
    closedOn: p.date().nullable(),
    postedBySub: p.string().length(100),
    postedByRole: p.string().length(20),
    /** Maintained by the database (trigger job_posting_grams); never written by the application. */
    searchGrams: p.array().columnType('int[]').lazy().default('{}'),
  },
});

export type JobPosting = InferEntity<typeof JobPostingSchema>;
