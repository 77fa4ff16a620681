import type { EntityManager } from '@mikro-orm/postgresql';
import { rawQuery, selectEntities } from '../../shared/sql';
import { EmploymentRecordSchema, type EmploymentRecord } from './employment-record.entity';
import { JobApplicationSchema, type JobApplication } from './job-application.entity';
import { JobSeekerProfileSchema, type JobSeekerProfile } from './job-seeker-profile.entity';

/** Named queries of job-seekers' profiles, applications and employment records. */
export class SeekerRepository {
  constructor(private readonly em: EntityManager) {}

  profilesOf(personIds: readonly string[]): Promise<JobSeekerProfile[]> {
    return selectEntities(
      this.em,
      JobSeekerProfileSchema,
      'select * from job_seeker_profile where person_id = any(?::uuid[])',
      [personIds],
    );
  }

  applicationsByIds(ids: readonly string[]): Promise<JobApplication[]> {
    return selectEntities(this.em, JobApplicationSchema, 'select * from job_application where id = any(?::uuid[])', [
      ids,
    ]);
  }

  applicationOf(jobId: string, applicantId: string): Promise<JobApplication[]> {
    return selectEntities(
      this.em,
      JobApplicationSchema,
      'select * from job_application where job_id = ? and applicant_id = ?',
      [jobId, applicantId],
    );
  }

  /** A person's applications, newest first. */
  applicationsOfApplicant(applicantId: string): Promise<JobApplication[]> {
    return selectEntities(
      this.em,
      JobApplicationSchema,
      'select * from job_application where applicant_id = ? order by created_at desc, id desc',
      [applicantId],
    );
  }

  /** The applications to the given postings, newest first. */
  applicationsToJobs(jobIds: readonly string[]): Promise<JobApplication[]> {
    return selectEntities(
      this.em,
      JobApplicationSchema,
      'select * from job_application where job_id = any(?::uuid[]) order by created_at desc, id desc',
      [jobIds],
    );
  }

  /** Moves an application to `status` unless it is withdrawn; returns whether it changed. */
  async setStatus(id: string, status: string): Promise<boolean> {
    const rows = await rawQuery<{ id: string }>(
      this.em,
      `update job_application set status = ?, status_changed_at = now(), updated_at = now()
        where id = ? and status <> ? and status <> 'WITHDRAWN' returning id`,
      [status, id, status],
    );
    return rows.length > 0;
  }

  /** The employment records of the given persons, newest first. */
  employmentOf(personIds: readonly string[]): Promise<EmploymentRecord[]> {
    return selectEntities(
      this.em,
      EmploymentRecordSchema,
      'select * from employment_record where person_id = any(?::uuid[]) order by from_date desc, id desc',
      [personIds],
    );
  }
}
