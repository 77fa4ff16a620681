import { defineEntity, p, type InferEntity } from '@mikro-orm/postgresql';
import { baseProperties } from '../../shared/entity-base';
import { APPLICATION_STATUSES } from '../programmes';
import { ProgrammeSchema } from './programme.entity';

/**
 * An application for assistance. The applicant is a reference to natural-person (no copy of their
 * data but the masked name a public notice shows); `version` makes concurrent steps take turns.
 */
export const ApplicationSchema = defineEntity({
  name: 'Application',
  tableName: 'application',
  indexes: [
    { name: 'application_status_deadline_idx', properties: ['status', 'deadline'] },
    { name: 'application_notice_idx', properties: ['noticeEndsOn'] },
  ],
  properties: {
    ...baseProperties(),
    reference: p.string().length(30).unique('application_reference_unique'),
    programme: () => p.manyToOne(ProgrammeSchema).mapToPk(),
    applicantId: p.uuid().index('application_applicant_idx'),
    /** Every household member when it was made (the applicant included): who may read it as their own. */
    memberIds: p.array().columnType('uuid[]'),
    districtCode: p.string().columnType('char(6)'),
    householdSize: p.smallint(),
    declaredMonthlyIncome: p.decimal('string').precision(9).scale(2),
    citedCertificateIds: p.array().columnType('uuid[]'),
    citedMaterialIds: p.array().columnType('uuid[]'),
    /** 张*: what a public notice shows. */
    maskedName: p.string().length(20),
    status: p.enum([...APPLICATION_STATUSES]),
    version: p.integer(),
    submittedAt: p.datetime(),
    filedBySub: p.string().length(100),
    filedByRole: p.string().length(20),
    filedByDept: p.string().length(40).nullable(),
    promisedDays: p.smallint(),
    /** submitted date + promisedDays working days, moved on by the working days spent returned for materials. */
    deadline: p.date(),
    /** While returned for materials: the day the deadline clock stopped (null while it runs). */
    clockPausedOn: p.date().nullable(),
    proposedAmount: p.decimal('string').precision(9).scale(2).nullable(),
    noticeStartsOn: p.date().nullable(),
    noticeEndsOn: p.date().nullable(),
    /** Opaque id a public notice is shown and objected to by (not the reference). */
    noticeId: p.uuid().nullable().unique('application_notice_id_unique'),
    approvedAmount: p.decimal('string').precision(9).scale(2).nullable(),
    periodStart: p.date().nullable(),
    periodEnd: p.date().nullable(),
    decisionReason: p.string().length(500).nullable(),
    decidedAt: p.datetime().nullable(),
    /** Decided on time: decided (China Standard Time) on or before the deadline. */
    decidedOnTime: p.boolean().nullable(),
    /** The certificate number its approval issues (fixed at approval: the idempotency key). */
    certificateNumber: p.string().length(40).nullable(),
  },
});

export type Application = InferEntity<typeof ApplicationSchema>;
