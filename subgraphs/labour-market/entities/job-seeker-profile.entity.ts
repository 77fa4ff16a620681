import { defineEntity, p, type InferEntity } from '@mikro-orm/postgresql';
import { baseProperties } from '../../shared/entity-base';
import { EDUCATION_LEVELS } from '../catalogue';

/** A citizen's job-seeker profile: one per person (the person id in the natural-person registry). */
export const JobSeekerProfileSchema = defineEntity({
  name: 'JobSeekerProfile',
  tableName: 'job_seeker_profile',
  properties: {
    ...baseProperties(),
    personId: p.uuid().unique('job_seeker_profile_person_unique'),
    displayName: p.string().length(20),
    contactPhone: p.string().length(20).nullable(),
    desiredOccupations: p.array(),
    desiredDistricts: p.array(),
    /** Yuan per month; null: not stated. */
    desiredSalary: p.integer().nullable(),
    education: p.enum([...EDUCATION_LEVELS]).nullable(),
    experienceYears: p.smallint(),
    /** Free text, up to 500 characters. */
    skills: p.string().length(500),
    /** When they can start, in words (e.g. 随时到岗, 一个月内). */
    availability: p.string().length(50),
    /** Whether employers they apply to may see the profile (education, experience, skills). */
    visibleToEmployers: p.boolean(),
  },
});

export type JobSeekerProfile = InferEntity<typeof JobSeekerProfileSchema>;
