import { defineEntity, p, type InferEntity } from '@mikro-orm/postgresql';
import { baseProperties } from '../../shared/entity-base';
import { JobPostingSchema } from './job-posting.entity';

export const APPLICATION_STATUSES = ['SUBMITTED', 'VIEWED', 'INTERVIEW', 'OFFER', 'REJECTED', 'WITHDRAWN'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/** A citizen's application to a posting: at most one per person and posting (unique). */
export const JobApplicationSchema = defineEntity({
  name: 'JobApplication',
  tableName: 'job_application',
  uniques: [{ name: 'job_application_once', properties: ['job', 'applicantId'] }],
  properties: {
    ...baseProperties(),
    job: () => p.manyToOne(JobPostingSchema).mapToPk(),
    /** Person id in the natural-person registry. */
    applicantId: p.uuid().index('job_application_applicant_idx'),
    status: p.enum([...APPLICATION_STATUSES]),
    /** Who set the status last, and when (the employer's representative or the applicant). */
    statusChangedAt: p.datetime(),
  },
});

export type JobApplication = InferEntity<typeof JobApplicationSchema>;
