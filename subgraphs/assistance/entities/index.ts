import { AccessChainSchema, AccessRecordSchema } from '../../shared/access-log/access-record.entity';
import { OutboxMessageSchema } from '../../shared/outbox/outbox.entity';
import { ApplicationSchema } from './application.entity';
import { CaseStepSchema } from './case-step.entity';
import { EligibilityFactSchema } from './eligibility-fact.entity';
import { ObjectionSchema } from './objection.entity';
import { ProgrammeSchema } from './programme.entity';
import { SupervisionCardSchema } from './supervision-card.entity';

/** Every entity of the assistance database: the access log and the outbox included. */
export const entities = [
  ProgrammeSchema,
  ApplicationSchema,
  CaseStepSchema,
  ObjectionSchema,
  EligibilityFactSchema,
  SupervisionCardSchema,
  OutboxMessageSchema,
  AccessRecordSchema,
  AccessChainSchema,
];
