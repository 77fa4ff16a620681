import { AccessChainSchema, AccessRecordSchema } from '../../shared/access-log/access-record.entity';
import { OrganizationSchema } from './organization.entity';
import { PenaltySchema } from './penalty.entity';

/** Every entity of the legal-person database, the access log included. */
export const entities = [OrganizationSchema, PenaltySchema, AccessRecordSchema, AccessChainSchema];
