import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { groupedLoader, keyedLoader } from '../shared/loaders';
import { isUuid } from '../shared/validation';
import { todayInChina } from './catalogue';
import { JobRepository } from './entities/job.repository';
import type { JobPosting } from './entities/job-posting.entity';
import { SeekerRepository } from './entities/seeker.repository';

/** The labour-market registry's per-request loaders: every cross-entity lookup goes through one. */
export function createLoaders(em: EntityManager) {
  const jobs = new JobRepository(em);
  const seekers = new SeekerRepository(em);
  return {
    profile: keyedLoader(
      (personIds) => seekers.profilesOf(personIds),
      (p) => p.personId,
      isUuid,
    ),
    application: keyedLoader(
      (ids) => seekers.applicationsByIds(ids),
      (a) => a.id,
      isUuid,
    ),
    applicationsToJob: groupedLoader(
      (jobIds) => seekers.applicationsToJobs(jobIds),
      (a) => a.job as string,
      isUuid,
    ),
    employment: groupedLoader(
      (personIds) => seekers.employmentOf(personIds),
      (r) => r.personId,
      isUuid,
    ),
    job: keyedLoader(
      (ids) => jobs.findByIds(ids),
      (j) => j.id,
      isUuid,
    ),
    /**
     * The first page of each employer's open postings, keyed `<limit>:<creditCode>`: a list of
     * organizations asking for their jobs is one statement per page size.
     */
    employerFirstPage: new DataLoader<string, JobPosting[]>(async (keys) => {
      const byLimit = new Map<number, string[]>();
      for (const key of keys) {
        const [limit, code] = key.split(':');
        byLimit.set(Number(limit), [...(byLimit.get(Number(limit)) ?? []), code]);
      }
      const found = new Map<string, JobPosting[]>();
      for (const [limit, codes] of byLimit) {
        for (const posting of await jobs.firstPagesOfEmployers(codes, limit, todayInChina())) {
          const key = `${limit}:${posting.employerCreditCode}`;
          found.set(key, [...(found.get(key) ?? []), posting]);
        }
      }
      return keys.map((key) => found.get(key) ?? []);
    }),
    /** Open postings per employer. */
    employerOpenCount: new DataLoader<string, number>(async (codes) => {
      const rows = await jobs.countOpenOfEmployers(codes, todayInChina());
      const counts = new Map(rows.map((r) => [r.code, Number(r.n)]));
      return codes.map((code) => counts.get(code) ?? 0);
    }),
  };
}

export type LabourMarketLoaders = ReturnType<typeof createLoaders>;
