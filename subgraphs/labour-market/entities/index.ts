import { AccessChainSchema, AccessRecordSchema } from '../../shared/access-log/access-record.entity';
import { EmploymentRecordSchema } from './employment-record.entity';
import { JobApplicationSchema } from './job-application.entity';
import { JobFeedVersionSchema } from './job-feed-version.entity';
import { JobPostingSchema } from './job-posting.entity';
import { JobSeekerProfileSchema } from './job-seeker-profile.entity';

/** Every entity of the labour-market database, the access log included. */
export const entities = [
  JobPostingSchema,
  JobSeekerProfileSchema,
  JobApplicationSchema,
  EmploymentRecordSchema,
  JobFeedVersionSchema,
  AccessRecordSchema,
  AccessChainSchema,
];
